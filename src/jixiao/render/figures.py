"""How figures are written in a rendered report: one place, through :mod:`jixiao.numbers`.

The rule (docs/templates.md, “填报值与计算值”):

* a figure the unit **stated** is written exactly as stated (``5.00`` stays ``5.00``, ``99``
  stays ``99``), even where the rule computes another value: the report is the unit's, and the
  difference is returned as a warning (and reported by ``jixiao check``), never corrected
  silently;
* a figure the unit did **not** state is computed by rule and rounded half-up (四舍五入) to the
  template's decimals (percentages, amounts) or the profile's ``score_decimals`` (points);
* a figure the report needs and nothing gives is written :data:`MISSING`, with a warning.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jixiao.numbers import StatedNumber, quantize_half_up
from jixiao.relations import check_equal, check_ratio

MISSING = "【未填写】"
"""What a rendered report shows where required data is missing: visible, never a blank."""
BUDGET_CHANGE = "预算调整说明"
"""The label of the 预算调整说明 row the workbook prints under each 自评表 (and import reads)."""


@dataclass(frozen=True, slots=True)
class Rules:
    """Display rounding of computed figures (stated ones are shown as written)."""

    percent_decimals: int = 2
    money_decimals: int = 2
    score_decimals: int = 2
    grade_words: tuple[tuple[str, str], ...] = ()
    """The profile's grade → the word the form prints for it (财政局: 优 → 优秀)."""

    def grade_word(self, grade: str) -> str:
        """``grade`` as the form writes it."""
        return dict(self.grade_words).get(grade, grade)


class Notes:
    """The warnings of one builder call. Local to the call: builders stay pure from outside."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def need(self, text: str | None, label: str) -> str:
        """``text`` when it says something, else :data:`MISSING` and a warning for ``label``."""
        if text is None or not text.strip():
            self.items.append(f"{label}未填写")
            return MISSING
        return text

    def warn(self, message: str) -> None:
        self.items.append(message)


def written(number: StatedNumber | None) -> str:
    """A stated number as written, without unit; empty when not stated."""
    return "" if number is None else number.written


def computed(value: Decimal, decimals: int) -> str:
    """A computed value rounded half-up to ``decimals`` places."""
    return format(quantize_half_up(value, decimals), "f")


def points(value: Decimal, decimals: int) -> str:
    """A computed score rounded to the profile's decimals, trailing zeros dropped (93.00 → 93)."""
    text = computed(value, decimals)
    return text.rstrip("0").rstrip(".") if "." in text else text


def stated_or_computed(stated: StatedNumber | None, value: Decimal | None, decimals: int,
                       *, as_points: bool = False) -> str | None:
    """The stated figure as written, else the computed one rounded; ``None`` when neither."""
    if stated is not None:
        return stated.written
    if value is None:
        return None
    return points(value, decimals) if as_points else computed(value, decimals)


def share_disagrees(stated: StatedNumber, part: StatedNumber, whole: StatedNumber) -> bool:
    """True when a stated share fails against its amounts even allowing for rounding."""
    return check_ratio(stated, part, whole).fails


def value_disagrees(stated: StatedNumber, value: Decimal, decimals: int) -> bool:
    """True when a stated figure fails against a computed one shown with ``decimals``."""
    rounded = quantize_half_up(value, decimals)
    return check_equal(stated, StatedNumber.of(rounded, stated.unit)).fails
