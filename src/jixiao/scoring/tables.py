"""Score a whole self-evaluation table (附件2 or one 附件3) under a profile.

The table's rule total is 执行率 score plus the indicators' counted scores, adjusted for
不适用 indicators as the profile says and capped by 执行率 when the profile caps totals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from jixiao.model import FundsExecution, Indicator, IndicatorNature
from jixiao.numbers import HUNDRED, ZERO, StatedNumber, percent, quantize_half_up
from jixiao.profiles import ExecutionRule, NotApplicablePolicy, Profile
from jixiao.profiles.model import TotalCap
from jixiao.scoring.indicators import IndicatorScore, score_indicator


@dataclass(frozen=True, slots=True)
class BlockScore:
    """One 一级指标 block: its required weight, the weights and scores its rows carry."""

    name: str
    required_weight: Decimal | None
    stated_weight: Decimal
    applicable_weight: Decimal
    counted_score: Decimal
    stated_score: Decimal
    rule_score: Decimal


@dataclass(frozen=True, slots=True)
class TableScore:
    """The rule's score of one table, next to what the unit stated (never overwritten)."""

    execution_rate: Decimal | None
    execution_weight: Decimal
    execution_score: Decimal | None
    execution_stated: StatedNumber | None
    indicators: tuple[IndicatorScore, ...]
    blocks: tuple[BlockScore, ...]
    rule_total: Decimal
    cap: TotalCap | None
    grade: str
    stated_total_weight: StatedNumber | None
    stated_total_score: StatedNumber | None

    stated_execution_weight: StatedNumber | None

    @property
    def weight_total(self) -> Decimal:
        """分值 column total as the table states it (执行率 weight as stated, else the rule's)."""
        execution = (self.stated_execution_weight.value if self.stated_execution_weight
                     else self.execution_weight)
        return execution + sum((b.stated_weight for b in self.blocks), ZERO)

    @property
    def stated_score_sum(self) -> Decimal:
        return _value(self.execution_stated) + sum((b.stated_score for b in self.blocks), ZERO)


def is_scored(table: TableScore) -> bool:
    """Whether the table has anything to score (a form without one scores nothing, not 0)."""
    return bool(table.indicators) or table.execution_rate is not None


def _value(number: StatedNumber | None) -> Decimal:
    return ZERO if number is None else number.value


def execution_rate(funds: FundsExecution) -> Decimal | None:
    """执行率 = 全年执行数 / 全年预算数 (the adjusted budget), in %."""
    if funds.actual is None or funds.full_year_budget is None:
        return None
    return percent(funds.actual.value, funds.full_year_budget.value)


def score_disagrees(stated: StatedNumber, value: Decimal, decimals: int) -> bool:
    """A stated score against the score the figures give, at the profile's precision.

    A unit states a score; it does not round one. Under a profile that scores to 2 decimals
    (``decimals``) a stated 10 is 10.00, so it disagrees with 9.79; only the rounding the
    profile itself applies is allowed for, on both sides.
    """
    return quantize_half_up(stated.value, decimals) != quantize_half_up(value, decimals)


def execution_score(rate: Decimal | None, weight: Decimal, profile: Profile) -> Decimal | None:
    if rate is None:
        return None
    if profile.execution.rule is ExecutionRule.PROPORTIONAL:
        share = min(rate, HUNDRED)
    else:
        share = next((band.score_share for band in
                      sorted(profile.execution.bands, key=lambda b: b.min_rate, reverse=True)
                      if rate >= band.min_rate), ZERO)
    return _round(weight * share / HUNDRED, profile)


def _round(value: Decimal, profile: Profile) -> Decimal:
    return quantize_half_up(value, profile.score_decimals)


def score_table(funds: FundsExecution, indicators: Sequence[Indicator],
                stated_total_weight: StatedNumber | None,
                stated_total_score: StatedNumber | None, profile: Profile) -> TableScore:
    rate = execution_rate(funds)
    weight = profile.block_weights[profile.execution_block]
    exec_score = execution_score(rate, weight, profile)
    scored = tuple(score_indicator(i, ind, profile) for i, ind in enumerate(indicators))
    blocks = _blocks(scored, profile)
    total = _total(exec_score, weight, blocks, profile)
    cap = _cap(rate, profile)
    if cap is not None:
        total = min(total, cap.cap)
    return TableScore(rate, weight, exec_score, funds.stated_score, scored, blocks, total, cap,
                      profile.grade_for(total), stated_total_weight, stated_total_score,
                      funds.weight)


def _blocks(scored: Sequence[IndicatorScore], profile: Profile) -> tuple[BlockScore, ...]:
    names = list(dict.fromkeys(s.block for s in scored))
    return tuple(_block(name, [s for s in scored if s.block == name], profile) for name in names)


def _block(name: str, rows: Sequence[IndicatorScore], profile: Profile) -> BlockScore:
    applicable = [r for r in rows if r.nature is not IndicatorNature.NOT_APPLICABLE]
    stated_weight = sum((r.weight or ZERO for r in rows), ZERO)
    applicable_weight = sum((r.weight or ZERO for r in applicable), ZERO)
    counted = sum((r.counted_score or ZERO for r in applicable), ZERO)
    stated = sum((r.stated_score or ZERO for r in rows), ZERO)
    required = profile.block_weights.get(name)
    rule = counted
    if (profile.not_applicable is NotApplicablePolicy.RESCALE_BLOCK and required is not None
            and applicable_weight):
        rule = _round(counted * required / applicable_weight, profile)
    return BlockScore(name, required, stated_weight, applicable_weight, counted, stated, rule)


def _total(exec_score: Decimal | None, exec_weight: Decimal, blocks: Sequence[BlockScore],
           profile: Profile) -> Decimal:
    total = (exec_score or ZERO) + sum((b.rule_score for b in blocks), ZERO)
    if profile.not_applicable is NotApplicablePolicy.RESCALE_TOTAL:
        applicable = exec_weight + sum((b.applicable_weight for b in blocks), ZERO)
        if applicable:
            total = _round(total * HUNDRED / applicable, profile)
    return total


def _cap(rate: Decimal | None, profile: Profile) -> TotalCap | None:
    if rate is None:
        return None
    binding = [cap for cap in profile.total_caps if rate < cap.rate_below]
    return min(binding, key=lambda cap: cap.cap) if binding else None
