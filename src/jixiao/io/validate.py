"""Raw data → :class:`Evaluation`, with every validation error told in Chinese at its place.

All readers (YAML, JSON, workbook) end here: they hand over plain data and a source map (field
path → :class:`Place`), and the user gets one :class:`InputError` listing every problem as
``file:line: 附件2 单位整体支出绩效自评表 › 绩效指标 第4行 › 分值：“六分”不是一个数值``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from jixiao.findings import Place
from jixiao.io.errors import InputError, Problem, with_path
from jixiao.io.fields import (
    enum_values,
    field_at,
    parent_paths,
    path_text,
    texts_as_written,
    title_path,
)
from jixiao.model import Evaluation
from jixiao.source_map import first_inside

_REASONS = {
    "missing": "必须填写",
    "extra_forbidden": "无法识别的字段（请检查拼写）",
    "string_type": "应填写文字",
    "string_too_short": "不能为空",
    "int_type": "应填写整数",
    "int_parsing": "应填写整数",
    "int_from_float": "应填写整数",
    "bool_type": "应填写“是”或“否”（true / false）",
    "bool_parsing": "应填写“是”或“否”（true / false）",
    "tuple_type": "应为一个列表（每项一行）",
    "list_type": "应为一个列表（每项一行）",
    "model_type": "应为一组字段",
    "dict_type": "应为一组字段",
    "model_attributes_type": "应为一组字段",
    "decimal_type": "应填写数字",
    "decimal_parsing": "应填写数字",
    "float_type": "应填写数字",
    "float_parsing": "应填写数字",
    "finite_number": "应填写有限的数字",
    "string_pattern_mismatch": "格式不符合要求",
    "date_type": "应填写日期（如 2024-03-01）",
    "date_parsing": "应填写日期（如 2024-03-01）",
    "date_from_datetime_parsing": "应填写日期（如 2024-03-01）",
    "union_tag_invalid": "类型不是可选值之一",
    "int_too_big": "数字过大",
}
#: Any other kind of error: never pydantic's English.
_OTHER = "填写的值不符合要求"

_CONSTRAINTS = {
    "greater_than_equal": ("ge", "不能小于 {}"),
    "less_than_equal": ("le", "不能大于 {}"),
    "literal_error": ("expected", "只能是 {}"),
    "greater_than": ("gt", "须大于 {}"),
    "less_than": ("lt", "须小于 {}"),
    "too_short": ("min_length", "至少要有 {} 项"),
    "too_long": ("max_length", "至多 {} 项"),
    "string_too_long": ("max_length", "不能超过 {} 个字"),
    "decimal_max_places": ("decimal_places", "小数不能超过 {} 位"),
    "decimal_max_digits": ("max_digits", "数字不能超过 {} 位"),
}


def validate_evaluation(raw: Any, source: Mapping[str, Place], file: str) -> Evaluation:
    """Build the evaluation from a reader's raw data, or raise one :class:`InputError`."""
    if not isinstance(raw, dict):
        raise InputError("文件内容应为一组字段（year、unit、self_assessment …）", file=file,
                         place=source.get(""), english="top level must be a mapping")
    try:
        return Evaluation.model_validate(texts_as_written(raw))
    except ValidationError as error:
        problems = [_problem(detail, source) for detail in error.errors(include_url=False)]
        ordered = sorted(problems, key=lambda problem: problem.place.line or 0)
        raise InputError.of(ordered, file=file, english="invalid evaluation data") from None


def _problem(detail: ErrorDetails, source: Mapping[str, Place]) -> Problem:
    loc = detail["loc"]
    path = path_text(loc)
    message = f"{title_path(loc)}：{_reason(detail)}"
    return Problem(message, _place(path, source))


def _place(path: str, source: Mapping[str, Place]) -> Place:
    """The field's place; else that of its first part in the file (a record left out of a
    workbook still has cells); else that of its nearest ancestor."""
    first_part = first_inside(path, source) if path else None
    candidates = [path, *([first_part] if first_part else []), *parent_paths(path)[1:]]
    for candidate in candidates:
        if candidate in source:
            return with_path(source[candidate], path)
    return Place(path=path)


def _reason(detail: ErrorDetails) -> str:
    kind = detail["type"]
    context = detail.get("ctx", {})
    if kind == "value_error" and "error" in context:
        return str(context["error"])
    if kind == "enum":
        field = field_at(detail["loc"])
        allowed = enum_values(field.annotation) if field else []
        return f"“{detail['input']}”不是可选值，应为：{'、'.join(allowed)}"
    if kind in _CONSTRAINTS:
        key, template = _CONSTRAINTS[kind]
        return template.format(context.get(key, ""))
    return _REASONS.get(kind, _OTHER)
