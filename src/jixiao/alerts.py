"""预警: the figures a bureau compares its units by, and the profile's alert rules on them.

:func:`key_figures` picks the figures scoring already computed (the rule's total, 执行率, the
cap, each indicator's 完成度, 三公经费 and its change); :func:`alerts_for` applies the
profile's :class:`~jixiao.profiles.model.AlertRule` list to them. Both are pure: the web's
dashboard stores what they return and never computes a figure of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from jixiao.model import ControlRow, Evaluation
from jixiao.numbers import HUNDRED, percent, quantize_half_up
from jixiao.profiles.model import AlertKind, AlertRule, AlertSeverity
from jixiao.scoring import Scorecard, is_scored


@dataclass(frozen=True, slots=True)
class KeyFigures:
    """One evaluation's figures for comparison (附件2 and 附件1; amounts in 万元, rates in %).

    A figure the data does not give is ``None``, never 0.
    """

    score: Decimal | None
    """The rule's total of 附件2 (None when the table has nothing to score)."""
    grade: str
    stated_score: Decimal | None
    execution_rate: Decimal | None
    budget: Decimal | None
    """全年预算数."""
    actual: Decimal | None
    """全年执行数."""
    cap: Decimal | None
    """The profile's cap on the total at this 执行率."""
    cap_rate_below: Decimal | None
    three_public: Decimal | None
    three_public_prior: Decimal | None
    three_public_change: Decimal | None
    """(本年 − 上年) / 上年, in %."""
    top_achievement: Decimal | None
    """The highest 实际/目标 (%) among quantitative indicators."""
    top_achievement_indicator: str = ""


@dataclass(frozen=True, slots=True)
class Alert:
    """One rule that fired on one evaluation, with its Chinese name and message."""

    rule_id: str
    version: int
    name: str
    severity: AlertSeverity
    message: str


def key_figures(evaluation: Evaluation, scorecard: Scorecard) -> KeyFigures:
    table = scorecard.unit_table
    funds = evaluation.self_assessment.funds
    current, prior = _three_public(evaluation)
    change = percent(current - prior, prior) if current is not None and prior is not None else None
    achieved = [(row.achievement, row.indicator.name) for row in table.indicators
                if row.achievement is not None]
    top = max(achieved, key=lambda pair: pair[0], default=None)
    scored = is_scored(table)
    return KeyFigures(
        score=table.rule_total if scored else None,
        grade=table.grade if scored else "",
        stated_score=table.stated_total_score.value if table.stated_total_score else None,
        execution_rate=table.execution_rate,
        budget=funds.full_year_budget.value if funds.full_year_budget else None,
        actual=funds.actual.value if funds.actual else None,
        cap=table.cap.cap if table.cap else None,
        cap_rate_below=table.cap.rate_below if table.cap else None,
        three_public=current,
        three_public_prior=prior,
        three_public_change=change,
        top_achievement=top[0] if top else None,
        top_achievement_indicator=top[1] if top else "",
    )


def _three_public(evaluation: Evaluation) -> tuple[Decimal | None, Decimal | None]:
    """三公经费 本年 and 上年: 附件1's row, else the sum of the report's year-on-year lines
    (上年 only when every line states it)."""
    row: ControlRow = evaluation.basic_data.three_public.total
    if row.actual is not None:
        return row.actual.value, row.prior_actual.value if row.prior_actual else None
    lines = evaluation.finances.three_public_year_on_year
    currents = [line.current.value for line in lines if line.current is not None]
    if not currents:
        return None, None
    priors = [line.prior.value for line in lines if line.prior is not None]
    return sum(currents, Decimal(0)), sum(priors, Decimal(0)) if len(priors) == len(lines) else None


def alerts_for(figures: KeyFigures, rules: tuple[AlertRule, ...]) -> tuple[Alert, ...]:
    """The alerts ``rules`` raise on ``figures``, red first, in the profile's order."""
    fired = [Alert(rule.id, rule.version, rule.name, rule.severity, rule.message.format(**quoted))
             for rule in rules for quoted in _CHECKS[rule.kind](figures, rule)]
    return tuple(sorted(fired, key=lambda alert: alert.severity is not AlertSeverity.RED))


Quoted = dict[str, str]


def _text(value: Decimal) -> str:
    """A figure as a message quotes it: half up to two decimals, no trailing zeros."""
    text = format(quantize_half_up(value, 2), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _execution_below(figures: KeyFigures, rule: AlertRule) -> Iterator[Quoted]:
    rate, threshold = figures.execution_rate, rule.threshold
    if rate is not None and threshold is not None and rate < threshold:
        yield {"rate": _text(rate), "threshold": _text(threshold)}


def _score_above_execution(figures: KeyFigures, rule: AlertRule) -> Iterator[Quoted]:
    """The score against 100 × min(执行率, 100%): the score the money actually spent supports."""
    score, rate, threshold = figures.score, figures.execution_rate, rule.threshold
    if score is None or rate is None or threshold is None:
        return
    expected = min(rate, HUNDRED)
    excess = score - expected
    if excess > threshold:
        yield {"score": _text(score), "rate": _text(rate), "expected": _text(expected),
               "excess": _text(excess), "threshold": _text(threshold)}


def _stated_total_above_cap(figures: KeyFigures, rule: AlertRule) -> Iterator[Quoted]:
    stated, cap = figures.stated_score, figures.cap
    if stated is None or cap is None or figures.execution_rate is None or stated <= cap:
        return
    yield {"stated": _text(stated), "cap": _text(cap), "rate": _text(figures.execution_rate),
           "rate_below": _text(figures.cap_rate_below or cap)}


def _achievement_above(figures: KeyFigures, rule: AlertRule) -> Iterator[Quoted]:
    top, threshold = figures.top_achievement, rule.threshold
    if top is not None and threshold is not None and top > threshold:
        yield {"indicator": figures.top_achievement_indicator, "achievement": _text(top),
               "threshold": _text(threshold)}


def _three_public_increase(figures: KeyFigures, rule: AlertRule) -> Iterator[Quoted]:
    change, threshold = figures.three_public_change, rule.threshold
    if (change is not None and threshold is not None and change > threshold
            and figures.three_public is not None and figures.three_public_prior is not None):
        yield {"current": _text(figures.three_public), "prior": _text(figures.three_public_prior),
               "change": _text(change), "threshold": _text(threshold)}


_CHECKS: dict[AlertKind, Callable[[KeyFigures, AlertRule], Iterator[Quoted]]] = {
    AlertKind.EXECUTION_BELOW: _execution_below,
    AlertKind.SCORE_ABOVE_EXECUTION: _score_above_execution,
    AlertKind.STATED_TOTAL_ABOVE_CAP: _stated_total_above_cap,
    AlertKind.ACHIEVEMENT_ABOVE: _achievement_above,
    AlertKind.THREE_PUBLIC_INCREASE: _three_public_increase,
}
