"""Does a stated relation hold, given that every number in it was rounded?

A relation compares one stated number (a total, a share, a change) with the value its terms
imply. Each term stands for an interval (:meth:`StatedNumber.interval`); the relation
*holds* when the figures agree exactly once the implied value is rounded half-up to the stated
decimals, *holds within rounding* when some reading of all numbers inside their intervals
satisfies it (half-up or truncation), and *fails* otherwise. Nothing here knows about reports:
rules in :mod:`jixiao.checks` build relations from an evaluation.

An amount (or a table's figure, its unit in the caption) written as a whole number beside
amounts of the same relation written with decimals is exact, not rounded to the unit:
“预算为1万元，支出决算为0.64万元” budgets 1.00万元, so 完成预算的36% fails (64%) instead of holding
for a budget read as anything up to 2万元; and 20 + 20 + 19.96万元 is 59.96, not 59.92 within
rounding. Whoever wrote 0.64 rounded to the cent, and would have written 1.00 for anything but
an even 1.

Truncation is a reading for figures an author computed and cut: the stated figure, or amounts
all cut to the one number of decimals they are written in. When the amounts of a relation are
written with different decimals (and not whole), a shorter term was either rounded or written
without its trailing zero, and both lie inside its half-up interval: the terms are read
half-up only, the stated figure (a sum, a difference, a rate) both ways. A 全年执行数 of
1157.97 against its one part 1157.9 fails (a truncated 1157.9 would run to 1158.00);
“公务接待费4.53万元，比上年减少1.8万元，下降28.35%” stays within rounding (1.8 a rounded 1.79), and
so does “850088.3元，同比减少54357.12元，下降6.00%” (850088.30; the rate, 6.0099%, truncated).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from jixiao.numbers import (
    HUNDRED,
    MONEY_UNITS_IN_YUAN,
    Interval,
    Rounding,
    StatedNumber,
    Unit,
    quantize_half_up,
)

Formula = Callable[[Sequence[Interval]], Interval | None]
"""A relation's implied value as a function of its terms' intervals."""


class Verdict(StrEnum):
    HOLDS = "holds"
    WITHIN_ROUNDING = "within-rounding"
    FAILS = "fails"
    NOT_ASSESSABLE = "not-assessable"


@dataclass(frozen=True, slots=True)
class Outcome:
    """The verdict on one relation.

    ``expected`` is the value the terms imply, exact for sums and rounded to at least two
    decimals (more when the stated figure has more) for quotients; ``None`` when the relation
    is not assessable. :attr:`expected_range` is the interval the terms allow under half-up
    reading (their values alone when ``exact_terms``), worked out only when asked for (most
    relations hold and nobody asks).
    """

    verdict: Verdict
    stated: StatedNumber
    expected: Decimal | None
    terms: Sequence[StatedNumber]
    formula: Formula
    exact_terms: bool = False

    @property
    def fails(self) -> bool:
        return self.verdict is Verdict.FAILS

    @property
    def expected_range(self) -> Interval | None:
        if self.verdict is Verdict.NOT_ASSESSABLE:
            return None
        return self.formula([_exact(term, Rounding.HALF_UP) if self.exact_terms
                             else term.interval(Rounding.HALF_UP) for term in self.terms])


_READINGS = (Rounding.HALF_UP, Rounding.TRUNCATE)


def _judge(stated: StatedNumber, terms: Sequence[StatedNumber], formula: Formula,
           expected_decimals: int | None, exact_terms: bool = False) -> Outcome:
    point = formula([Interval(term.value, term.value) for term in terms])
    if point is None:
        return Outcome(Verdict.NOT_ASSESSABLE, stated, None, terms, formula, exact_terms)
    implied = point.low
    expected = implied if expected_decimals is None else quantize_half_up(implied, expected_decimals)
    if quantize_half_up(implied, stated.decimals) == stated.value:
        return Outcome(Verdict.HOLDS, stated, expected, terms, formula, exact_terms)
    numbers = _exact_whole_amounts([stated, *terms])
    stated, *terms = numbers
    read = _exact if exact_terms else _reader(numbers)
    stated_readings = [stated.interval(mode) for mode in _READINGS]
    for reading in _READINGS:
        implied_range = formula([read(term, reading) for term in terms])
        if implied_range is not None and any(map(implied_range.intersects, stated_readings)):
            return Outcome(Verdict.WITHIN_ROUNDING, stated, expected, terms, formula, exact_terms)
    return Outcome(Verdict.FAILS, stated, expected, terms, formula, exact_terms)


def _exact_whole_amounts(numbers: list[StatedNumber]) -> list[StatedNumber]:
    """The amounts written as whole numbers read to the decimals of the relation's other
    amounts, when any has decimals (see the module's docstring)."""
    decimals = max((number.decimals for number in numbers if number.unit in _AMOUNTS), default=0)
    if decimals <= 0:
        return numbers
    return [StatedNumber.model_construct(value=number.value, decimals=decimals, unit=number.unit,
                                         origin=number.origin)
            if number.unit in _AMOUNTS and number.decimals == 0 else number
            for number in numbers]


def _reader(numbers: list[StatedNumber]) -> Callable[[StatedNumber, Rounding], Interval]:
    """A term's interval under a reading; amounts are read half-up only when the relation's
    amounts are written with different decimals (see the module's docstring)."""
    mixed = len({number.decimals for number in numbers if number.unit in _AMOUNTS}) > 1

    def read(number: StatedNumber, reading: Rounding) -> Interval:
        if mixed and number.unit in _AMOUNTS:
            return number.interval(Rounding.HALF_UP)
        return number.interval(reading)

    return read


def _exact(number: StatedNumber, reading: Rounding) -> Interval:
    return Interval(number.value, number.value)


_AMOUNTS = frozenset({*MONEY_UNITS_IN_YUAN, Unit.NONE})
"""Amounts in money, and a table's figures, whose unit is in its caption (单位：万元)."""


def _signed_sum(signs: Sequence[int]) -> Formula:
    def formula(values: Sequence[Interval]) -> Interval:
        low = high = Decimal(0)
        for sign, value in zip(signs, values, strict=True):
            if sign > 0:
                low, high = low + value.low, high + value.high
            else:
                low, high = low - value.high, high - value.low
        return Interval(low, high)

    return formula


def check_sum(total: StatedNumber, parts: Sequence[StatedNumber]) -> Outcome:
    """``total = Σ parts`` (合计 against its 其中 parts)."""
    return _judge(total, parts, _signed_sum([1] * len(parts)), None)


def check_difference(stated: StatedNumber, minuend: StatedNumber,
                     subtrahend: StatedNumber) -> Outcome:
    """``stated = minuend − subtrahend`` (增减额, 结余 = 收入 − 支出)."""
    return _judge(stated, [minuend, subtrahend], _signed_sum([1, -1]), None)


def check_equal(stated: StatedNumber, other: StatedNumber) -> Outcome:
    """The same figure stated twice."""
    return _judge(stated, [other], _signed_sum([1]), None)


def _ratio(values: Sequence[Interval]) -> Interval | None:
    numerator, denominator = values
    quotient = numerator.divided_by(denominator)
    return None if quotient is None else quotient.scale(HUNDRED)


def check_ratio(stated_percent: StatedNumber, numerator: StatedNumber,
                denominator: StatedNumber, *, exact_terms: bool = False) -> Outcome:
    """``stated% = numerator / denominator`` (占比, 执行率, 控制率). With ``exact_terms`` the
    numerator and denominator are the operands as written, not rounded figures: a form's
    执行率 defined on its own cells (“执行率(B/A)”) is computed from what the cells say."""
    return _judge(stated_percent, [numerator, denominator], _ratio,
                  max(stated_percent.decimals, 2), exact_terms)


def _change(values: Sequence[Interval]) -> Interval | None:
    # current / prior − 1 uses each figure once; (current − prior) / prior would use the prior's
    # interval twice and allow changes no reading of the figures can give.
    current, prior = values
    quotient = current.divided_by(prior)
    if quotient is None:
        return None
    return (quotient - Interval.point(Decimal(1))).scale(HUNDRED)


def check_change_percent(stated_percent: StatedNumber, current: StatedNumber,
                         prior: StatedNumber, *, exact_terms: bool = False) -> Outcome:
    """``stated% = (current − prior) / prior`` with the sign of the change (增长 +, 下降 −); with
    ``exact_terms`` the two levels are taken as written."""
    return _judge(stated_percent, [current, prior], _change, max(stated_percent.decimals, 2), exact_terms)


def _change_from_difference(values: Sequence[Interval]) -> Interval | None:
    """Percent change from the current amount and the change: ``d / (current − d) · 100``.

    Monotone in each term while the current amount is not negative and the prior is positive,
    so the corners of the box give the exact range (no interval is used twice). An amount is
    never below zero, so a current written 0.00 is [0, 0.005]: a decrease to nothing is −100%."""
    current, change = values
    if current.high < 0:
        return None
    current = Interval(max(current.low, Decimal(0)), current.high)
    if (current - change).low <= 0:
        return None
    rates = [d / (c - d) * HUNDRED for c in (current.low, current.high)
             for d in (change.low, change.high)]
    return Interval(min(rates), max(rates))


def check_change_from_difference(stated_percent: StatedNumber, current: StatedNumber,
                                 change: StatedNumber) -> Outcome:
    """``stated% = change / (current − change)`` when the text gives 本年 and the 增减额 but not
    上年 (“比上年减少 1.8 万元，下降 28.35%”): the prior is never rounded on its own."""
    return _judge(stated_percent, [current, change], _change_from_difference,
                  max(stated_percent.decimals, 2))
