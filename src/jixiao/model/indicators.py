"""The three-level indicator table (绩效指标) of 附件2 and 附件3."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from pydantic import Field, ValidationError, field_validator
from pydantic_core import InitErrorDetails

from jixiao.model.base import Points, Record


class IndicatorNature(StrEnum):
    """指标性质: how an indicator's actual value is compared with its target."""

    AT_LEAST = "≥"
    AT_MOST = "≤"
    EQUAL = "="
    QUALITATIVE = "定性"
    NOT_APPLICABLE = "不适用"

    @property
    def sign(self) -> str | None:
        """The sign the forms print before a quantitative target (≥, ≤, =); ``None`` otherwise."""
        return self.value if self in _SIGNED else None


_SIGNED = (IndicatorNature.AT_LEAST, IndicatorNature.AT_MOST, IndicatorNature.EQUAL)
_SIGN_SPELLINGS = {"≥": IndicatorNature.AT_LEAST, ">=": IndicatorNature.AT_LEAST,
                   "≤": IndicatorNature.AT_MOST, "<=": IndicatorNature.AT_MOST,
                   "=": IndicatorNature.EQUAL, "＝": IndicatorNature.EQUAL}


NATURE_SPELLINGS = {**_SIGN_SPELLINGS, "≧": IndicatorNature.AT_LEAST, "＞＝": IndicatorNature.AT_LEAST,
                    "大于等于": IndicatorNature.AT_LEAST, "不低于": IndicatorNature.AT_LEAST,
                    "≦": IndicatorNature.AT_MOST, "＜＝": IndicatorNature.AT_MOST,
                    "小于等于": IndicatorNature.AT_MOST, "不高于": IndicatorNature.AT_MOST,
                    "==": IndicatorNature.EQUAL, "等于": IndicatorNature.EQUAL}
"""How people type a 指标性质 on a keyboard or in words: ``>=`` is ≥."""


def nature_of_sign(target: str) -> IndicatorNature | None:
    """The 指标性质 a target states by its leading sign (“≤16.00万元” → ≤), else ``None``."""
    text = target.lstrip()
    return next((nature for sign, nature in _SIGN_SPELLINGS.items() if text.startswith(sign)), None)


class Indicator(Record):
    """One 三级指标 row.

    ``target`` and ``actual`` are kept as written (“32户”, “≥95%”, “已完成”); scoring reads a
    number from them only for quantitative natures. ``nature`` may be left empty: it is then
    read from the target (see :func:`jixiao.scoring.indicators.infer_nature`). ``weight`` may be
    empty for a 不适用 row, and in a table whose form prints no 分值 (see :func:`require_weights`);
    ``stated_score`` is the unit's own 自评得分, never overwritten.
    """

    level1: str = Field(min_length=1, title="一级指标")
    level2: str = Field("", title="二级指标")
    name: str = Field("", title="三级指标")
    nature: IndicatorNature | None = Field(None, title="指标性质")
    target: str = Field("", title="年度指标值")
    actual: str = Field("", title="实际完成值")
    weight: Points | None = Field(None, title="分值")
    stated_score: Points | None = Field(None, title="自评得分")
    deviation_reason: str = Field("", title="偏差原因分析及改进措施")

    @field_validator("nature", mode="before")
    @classmethod
    def _nature_as_typed(cls, value: object) -> object:
        if isinstance(value, str):
            return NATURE_SPELLINGS.get(value.strip(), value.strip())
        return value

    @property
    def not_applicable(self) -> bool:
        return self.nature is IndicatorNature.NOT_APPLICABLE or "不适用" in (self.name, self.target)


def require_weights(indicators: Sequence[Indicator], at: tuple[str, ...] = ()) -> None:
    """Every applicable indicator of a table whose form prints 分值 has one. Each that has none
    is an error at its own row (``at`` is the list's place under the validated field), as a
    reader places every other error of a row."""
    errors = [InitErrorDetails(type="value_error", loc=(*at, index), input=row.weight, ctx={
        "error": ValueError(f"指标“{row.name or row.level2 or row.level1}”缺少分值")})
        for index, row in enumerate(indicators) if row.weight is None and not row.not_applicable]
    if errors:
        raise ValidationError.from_exception_data("绩效指标", errors)
