"""Walking the evaluation model by field path: path text, Chinese titles, text fields.

A *field path* is pydantic's ``loc`` written the way people read it:
``self_assessment.indicators[3].stated_score`` (dots between keys, ``[i]`` for list items).
Every reader keys its source map by these paths, so a validation error finds its line or cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from enum import Enum
from functools import cache
from types import NoneType, UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from jixiao.model import Evaluation, ProjectAssessment
from jixiao.numbers import StatedNumber

Loc = Sequence[str | int]

_UNTITLED = {"name": "名称", "amount": "金额"}
"""Chinese names of the few fields that have no ``title`` of their own."""


def path_text(loc: Loc) -> str:
    """``("self_assessment", "indicators", 3, "weight")`` → ``self_assessment.indicators[3].weight``."""
    text = ""
    for step in loc:
        if isinstance(step, int):
            text += f"[{step}]"
        else:
            text += f".{step}" if text else step
    return text


def parent_paths(path: str) -> list[str]:
    """The path and each of its ancestors, nearest first, ending with the root ``""``."""
    paths = [path]
    while path:
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
        paths.append(path)
    return paths


def unwrap(annotation: Any) -> tuple[bool, Any]:
    """``(is_sequence, item type)`` of a field annotation, through Optional and Annotated."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return unwrap(get_args(annotation)[0])
    if origin in (Union, UnionType):
        members = [arg for arg in get_args(annotation) if arg is not NoneType]
        return unwrap(members[0]) if len(members) == 1 else (False, annotation)
    if origin is tuple:
        return True, unwrap(get_args(annotation)[0])[1]
    return False, annotation


def record_type(annotation: Any) -> type[BaseModel] | None:
    """The record a field holds (or holds a list of); ``None`` for numbers, text and enums."""
    item = unwrap(annotation)[1]
    if isinstance(item, type) and issubclass(item, BaseModel) and item is not StatedNumber:
        return item
    return None


def field_at(loc: Loc) -> FieldInfo | None:
    """The model field a loc ends in, or ``None`` when it ends in a list item or is unknown."""
    model: type[BaseModel] | None = Evaluation
    field: FieldInfo | None = None
    for step in loc:
        if isinstance(step, int):
            field = None
            continue
        field = model.model_fields.get(step) if model else None
        model = record_type(field.annotation) if field else None
    return field


def title_path(loc: Loc) -> str:
    """The field's Chinese name with its ancestors.

    ``("self_assessment", "indicators", 3, "weight")`` →
    ``附件2 单位整体支出绩效自评表 › 绩效指标 第4行 › 分值``.
    """
    parts: list[str] = []
    model: type[BaseModel] | None = Evaluation
    item_word = "行"
    for step in loc:
        if isinstance(step, int):
            ordinal = f"第{step + 1}{item_word}"
            parts[-1:] = [f"{parts[-1]} {ordinal}" if parts else ordinal]
            continue
        field = model.model_fields.get(step) if model else None
        parts.append((field.title if field else None) or _UNTITLED.get(step, step))
        model = record_type(field.annotation) if field else None
        item_word = "行" if model not in (None, ProjectAssessment) else "项"
    return " › ".join(parts)


def path_title(path: str) -> str:
    """:func:`title_path` of a dotted field path (``self_assessment.indicators[9].stated_score``)."""
    loc: list[str | int] = []
    for step in path.split("."):
        name, *indices = step.replace("]", "").split("[")
        loc += [name, *(int(index) for index in indices)] if name else [int(index) for index in indices]
    return title_path(tuple(loc))


def enum_values(annotation: Any) -> list[str]:
    """The allowed values of an enum field, as written in the tables."""
    item = unwrap(annotation)[1]
    if isinstance(item, type) and issubclass(item, Enum):
        return [str(member.value) for member in item]
    return []


def texts_as_written(data: Any, model: type[BaseModel] = Evaluation) -> Any:
    """``data`` with numbers in text fields turned back into their text.

    People write ``target: 32`` or ``phone: 13812345678``; YAML and JSON read those as numbers,
    but 年度指标值 and 联系电话 are text. The number's text is exactly what was written, because
    the loaders never make floats.
    """
    if not isinstance(data, dict):
        return data
    converted = dict(data)
    for key, value in data.items():
        shape = _field_shape(model, key) if isinstance(key, str) else None
        if shape is not None:
            converted[key] = _field_as_written(value, *shape)
    return converted


@cache
def _field_shape(model: type[BaseModel], key: str) -> tuple[bool, Any, type[BaseModel] | None] | None:
    """Whether the field ``key`` of ``model`` is a list, its item type and its record type
    (worked out once per field: the annotations are walked for every value otherwise)."""
    field = model.model_fields.get(key)
    if field is None:
        return None
    return (*unwrap(field.annotation), record_type(field.annotation))


def _field_as_written(value: Any, is_sequence: bool, item: Any, record: type[BaseModel] | None) -> Any:
    if is_sequence and isinstance(value, list):
        return [_item_as_written(element, item, record) for element in value]
    return _item_as_written(value, item, record)


def _item_as_written(value: Any, item: Any, record: type[BaseModel] | None) -> Any:
    if record is not None:
        return texts_as_written(value, record)
    is_number = isinstance(value, int | Decimal) and not isinstance(value, bool)
    return str(value) if item is str and is_number else value
