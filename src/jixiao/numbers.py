"""The one door for numbers.

Every amount, rate and count in jixiao is a :class:`StatedNumber`: an exact ``Decimal`` value,
the number of decimals it was written with, its unit and, where known, its origin. Floats are
refused at this door (``FloatRefusedError``): a binary float cannot say whether ``49.55`` was
written as ``49.55`` or ``49.550`` and silently loses cents.

A number written with *d* decimals stands for an interval of true values:

* half-up reading (四舍五入): ``[x - ½·10⁻ᵈ, x + ½·10⁻ᵈ]``;
* truncation reading (截尾): ``[x, x + 10⁻ᵈ]`` (mirrored for negative numbers).

:mod:`jixiao.relations` uses these intervals to decide whether a stated relation holds.
Rounding for display happens only at the edge, with :func:`quantize_half_up`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

HUNDRED = Decimal(100)
ONE = Decimal(1)
ZERO = Decimal(0)
HALF = Decimal("0.5")


class NumberError(ValueError):
    """A value that cannot be a stated number; the message is Chinese, for end users."""


class FloatRefusedError(NumberError):
    def __init__(self, value: float) -> None:
        super().__init__(
            f"数值 {value!r} 是二进制浮点数，无法确定其书写的小数位；"
            "请按书面写法提供（如字符串 \"132.71\" 或 Decimal）"
        )


class Unit(StrEnum):
    """计量单位 of a stated number."""

    YUAN = "元"
    WAN_YUAN = "万元"
    YI_YUAN = "亿元"
    PERCENT = "%"
    PERSON = "人"
    ITEM = "个"
    HOUSEHOLD = "户"
    TIMES = "次"
    ARTICLE = "篇"
    PIECE = "件"
    VEHICLE = "辆"
    SECTION = "段"
    KILOMETRE = "km"
    SQUARE_METRE = "m²"
    POINT = "分"
    NONE = ""


WHOLE_UNITS = frozenset(
    {Unit.PERSON, Unit.ITEM, Unit.HOUSEHOLD, Unit.TIMES, Unit.ARTICLE, Unit.PIECE, Unit.VEHICLE,
     Unit.SECTION, Unit.POINT}
)
"""Units whose whole numbers are exact, not rounded: things counted one by one, and points
awarded (a 得分 of 6 is six points, not anything from 5.5 to 6.5)."""

MONEY_UNITS_IN_YUAN: dict[Unit, Decimal] = {
    Unit.YUAN: ONE,
    Unit.WAN_YUAN: Decimal(10_000),
    Unit.YI_YUAN: Decimal(100_000_000),
}

_UNIT_ALIASES: dict[str, Unit] = {
    **{unit.value: unit for unit in Unit if unit.value},
    "％": Unit.PERCENT,
    "平方米": Unit.SQUARE_METRE,
    "㎡": Unit.SQUARE_METRE,
    "m2": Unit.SQUARE_METRE,
    "名": Unit.PERSON,
    "项": Unit.ITEM,
    "公里": Unit.KILOMETRE,
}


def parse_unit(text: str) -> Unit:
    """Read a unit as people write it (``万元``, ``%``, ``％``, ``平方米`` …)."""
    try:
        return _UNIT_ALIASES[text.strip()]
    except KeyError:
        raise NumberError(f"无法识别的计量单位“{text}”") from None


class Rounding(StrEnum):
    """How an author turned a true value into the written one."""

    HALF_UP = "half-up"
    TRUNCATE = "truncate"


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed interval of exact values, with the arithmetic relations need."""

    low: Decimal
    high: Decimal

    @classmethod
    def point(cls, value: Decimal) -> Interval:
        return cls(value, value)

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.low + other.low, self.high + other.high)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.low - other.high, self.high - other.low)

    def scale(self, factor: Decimal) -> Interval:
        ends = (self.low * factor, self.high * factor)
        return Interval(min(ends), max(ends))

    def divided_by(self, other: Interval) -> Interval | None:
        """``self / other``; ``None`` when the divisor's interval contains zero."""
        if other.low <= ZERO <= other.high:
            return None
        quotients = [a / b for a in (self.low, self.high) for b in (other.low, other.high)]
        return Interval(min(quotients), max(quotients))

    def intersects(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high

    def contains(self, value: Decimal) -> bool:
        return self.low <= value <= self.high


_QUANTA = {decimals: Decimal(1).scaleb(-decimals) for decimals in range(-12, 13)}
"""10⁻ᵈ for every allowed count of decimals: looked up, not recomputed, on the hot path."""
_HALF_QUANTA = {decimals: quantum * HALF for decimals, quantum in _QUANTA.items()}


class Origin(BaseModel):
    """Where a number was read or entered. Every field may be empty when not known."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    file: str | None = None
    path: str | None = Field(None, description="字段路径, e.g. self_assessment.funds.actual")
    sheet: str | None = None
    cell: str | None = None
    line: int | None = None


MAX_DECIMALS = 12
"""The most decimals a stated number may have (``StatedNumber.decimals`` is bounded by it)."""
MAX_DIGITS = 30
"""Digits a number may have, in a data file or a report: no amount, score or rate comes near,
and a figure of thousands of digits would cost every relation it enters."""


def number_problem(text: str) -> str | None:
    """Why the number written ``text`` is refused: too many digits (``None`` when it is not)."""
    if len(text) <= MAX_DIGITS:  # every number a report writes: no digit needs counting
        return None
    digits = sum(character.isdigit() for character in text[:MAX_DIGITS + 10])
    if digits > MAX_DIGITS:
        return f"数字“{text[:20]}…”超过 {MAX_DIGITS} 位数字的上限"
    return None


class StatedNumber(BaseModel):
    """A number exactly as written: value, decimals, unit and origin.

    ``decimals`` is the count of digits written after the point (``5.00`` → 2), which fixes the
    interval the number stands for. Construct from text with :meth:`parse`, or from a Decimal
    or int; a float is refused.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    value: Decimal
    decimals: int = Field(
        ge=-MAX_DECIMALS, le=MAX_DECIMALS,
        description="书写的小数位；换算到更小单位后可为负（49.55万元 → 495500元，精确到百元）",
    )
    unit: Unit = Unit.NONE
    origin: Origin | None = None

    @model_validator(mode="before")
    @classmethod
    def _refuse_floats(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("value"), float):
            raise FloatRefusedError(data["value"])
        return data

    @classmethod
    def of(cls, value: Decimal | int | str, unit: Unit = Unit.NONE) -> StatedNumber:
        """Build from an exact value; decimals are those of the value as given."""
        if isinstance(value, float):
            raise FloatRefusedError(value)
        if isinstance(value, str):
            return parse_stated(value, unit)
        exact = Decimal(value)
        if not exact.is_finite():
            raise NumberError(f"“{value}”不是一个数值")
        # Every field is known valid here; skipping validation keeps rules cheap.
        return cls.model_construct(value=exact, decimals=decimals_of(exact), unit=unit)

    @classmethod
    def parse(cls, text: str, default_unit: Unit = Unit.NONE) -> StatedNumber:
        return parse_stated(text, default_unit)

    @cached_property
    def written(self) -> str:
        """The number as written, without unit: ``Decimal`` text with its decimals kept."""
        return format(self.value, f".{max(self.decimals, 0)}f")

    @property
    def quantum(self) -> Decimal:
        return _QUANTA[self.decimals]

    @property
    def is_exact_count(self) -> bool:
        return self.unit in WHOLE_UNITS and self.decimals == 0

    def interval(self, rounding: Rounding = Rounding.HALF_UP) -> Interval:
        """The true values this number may stand for under ``rounding``."""
        if rounding is Rounding.HALF_UP:
            return self._half_up_interval
        return self._truncated_interval

    # Relations ask for the same intervals again and again: each is worked out once.
    @cached_property
    def _half_up_interval(self) -> Interval:
        value, decimals = self.value, self.decimals
        if decimals == 0 and self.unit in WHOLE_UNITS:
            return Interval(value, value)
        half = _HALF_QUANTA[decimals]
        return Interval(value - half, value + half)

    @cached_property
    def _truncated_interval(self) -> Interval:
        value, decimals = self.value, self.decimals
        if decimals == 0 and self.unit in WHOLE_UNITS:
            return Interval(value, value)
        quantum = _QUANTA[decimals]
        if not value.is_signed():  # −0.00 truncates from below, like any negative
            return Interval(value, value + quantum)
        return Interval(value - quantum, value)

    def in_unit(self, unit: Unit) -> StatedNumber:
        """The same amount in another money unit, decimals shifted so the interval is kept."""
        if unit == self.unit:
            return self
        source, target = MONEY_UNITS_IN_YUAN.get(self.unit), MONEY_UNITS_IN_YUAN.get(unit)
        if source is None or target is None:
            raise NumberError(f"无法把“{self.unit.value or '无单位'}”换算为“{unit.value}”")
        factor = source / target
        return self.model_copy(update={
            "value": self.value * factor,
            "decimals": self.decimals - factor.adjusted(),
            "unit": unit,
        })

    def __str__(self) -> str:
        return f"{self.written}{self.unit.value}"


_NUMBER_PATTERN = re.compile(
    r"^\s*(?P<sign>[-+−]?)\s*(?P<digits>\d{1,3}(?:,\d{3})+|\d*)(?:\.(?P<fraction>\d*))?\s*"
    r"(?P<unit>[^\d\s.,+-].*)?$"
)


def decimals_of(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(-exponent, 0) if isinstance(exponent, int) else 0


def parse_stated(text: str, default_unit: Unit = Unit.NONE) -> StatedNumber:
    """Read ``"132.71"``, ``"132.71万元"``, ``"90%"``, ``"1,234.5"``; keep decimals as written.

    Raises :class:`NumberError` with a Chinese message for anything else (scientific notation,
    ``nan``, text).
    """
    plain = _PLAIN_NUMBER.fullmatch(text)
    if plain is not None:
        unit = _UNIT_ALIASES[plain["unit"]] if plain["unit"] else default_unit
        return StatedNumber(value=Decimal(plain["number"]), decimals=len(plain["fraction"] or ""),
                            unit=unit)
    return _parse_written(text, default_unit)


def _parse_written(text: str, default_unit: Unit) -> StatedNumber:
    """:func:`parse_stated` of any spelling: full-width digits, signs, spaces, separators."""
    normalized = text.translate(_FULL_WIDTH).strip()
    match = _NUMBER_PATTERN.match(normalized)
    if not match or not (match["digits"] or match["fraction"]):
        raise NumberError(f"“{text}”不是一个数值")
    digits = match["digits"].replace(",", "") or "0"
    fraction = match["fraction"] or ""
    sign = "-" if match["sign"] in ("-", "−") else ""
    unit_text = (match["unit"] or "").strip()
    if unit_text not in _UNIT_ALIASES and re.search(r"[\d_]", unit_text):  # 1e5, 1_000
        raise NumberError(f"“{text}”不是一个数值")
    unit = parse_unit(match["unit"]) if match["unit"] else default_unit
    too_long = number_problem(digits)
    if too_long:
        raise NumberError(too_long)
    if len(fraction) > MAX_DECIMALS:  # a float's cached digits (1.1401234567901235), not a written figure
        raise NumberError(f"“{text}”的小数位过多（最多 {MAX_DECIMALS} 位）")
    try:
        value = Decimal(f"{sign}{digits}.{fraction}" if fraction else f"{sign}{digits}")
    except InvalidOperation:
        raise NumberError(f"“{text}”不是一个数值") from None
    return StatedNumber(value=value, decimals=len(fraction), unit=unit)


_PLAIN_NUMBER = re.compile(
    rf"(?P<number>-?[0-9]{{1,{MAX_DIGITS}}}(?:\.(?P<fraction>[0-9]{{1,{MAX_DECIMALS}}}))?)"
    "(?P<unit>" + "|".join(map(re.escape, sorted(_UNIT_ALIASES, key=len, reverse=True))) + ")?"
)
"""How reports write nearly every figure (``132.71``, ``132.71万元``, ``90%``, ``-3.5``): ASCII
digits, at most one point, a known unit right after. Read without the general pattern, which
normalises full width, signs and separators first; the value, decimals and unit are the same."""
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，－＋％", "0123456789.,-+%")


def exact(value: Decimal | int | str) -> Decimal:
    """An exact Decimal from a Decimal, int or decimal text; floats are refused."""
    if isinstance(value, float):
        raise FloatRefusedError(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise NumberError(f"“{value}”不是一个数值")
        return value
    if isinstance(value, int):
        return Decimal(value)
    return parse_stated(value).value


def quantize_half_up(value: Decimal, decimals: int) -> Decimal:
    """Round for display: 四舍五入 to ``decimals`` places."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def quantize_down(value: Decimal, decimals: int) -> Decimal:
    """Truncate (截尾) to ``decimals`` places, towards zero."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_DOWN)


def percent(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    """``numerator / denominator`` in percent, exact to 28 digits; ``None`` for a zero base."""
    if denominator == ZERO:
        return None
    return numerator / denominator * HUNDRED
