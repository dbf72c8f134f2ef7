"""The score table: weights, scores, totals, grade and 偏差原因 (domain.md §3)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from jixiao.checks.registry import CheckContext, Figure, Rule, figure, rule
from jixiao.findings import Finding, Severity, number_text, range_text
from jixiao.model import FundsExecution, Indicator, IndicatorNature
from jixiao.numbers import Interval, StatedNumber, Unit, quantize_half_up
from jixiao.profiles import NotApplicablePolicy
from jixiao.profiles.forms import prints_indicator_weights
from jixiao.scoring import IndicatorScore, TableScore, score_disagrees


@dataclass(frozen=True, slots=True)
class ScoredTable:
    """附件2 or one 附件3, with its path, display name and the rule's score of it. ``weighted``
    is whether the form prints 分值 for its indicators (the 财政局 form's 定量目标 prints none)."""

    path: str
    label: str
    funds: FundsExecution
    indicators: tuple[Indicator, ...]
    score: TableScore
    weighted: bool = True


def scored_tables(context: CheckContext) -> Iterator[ScoredTable]:
    table = context.evaluation.self_assessment
    yield ScoredTable("self_assessment", "附件2", table.funds, table.indicators,
                      context.scorecard.unit_table,
                      weighted=prints_indicator_weights(context.evaluation.template))
    for index, (project, score) in enumerate(zip(context.evaluation.projects,
                                                 context.scorecard.projects, strict=True)):
        yield ScoredTable(f"projects[{index}]", f"附件3“{project.name}”", project.funds,
                          project.indicators, score)


def weighted_tables(context: CheckContext) -> Iterator[ScoredTable]:
    """The tables whose form prints 分值: the only ones a weight can be wrong in."""
    return (table for table in scored_tables(context) if table.weighted)


def _points(value: Decimal) -> StatedNumber:
    return StatedNumber.of(value, Unit.POINT)


def _disagrees(stated: StatedNumber, value: Decimal, context: CheckContext) -> bool:
    return score_disagrees(stated, value, context.profile.score_decimals)


def _accepted(value: Decimal, context: CheckContext) -> tuple[str, str]:
    """The stated values that agree with ``value`` at the profile's precision."""
    decimals = context.profile.score_decimals
    half = Decimal(5).scaleb(-decimals - 1)
    rounded = quantize_half_up(value, decimals)
    return range_text(Interval(rounded - half, rounded + half), decimals) or ("", "")


def _indicator_label(row: IndicatorScore) -> str:
    return f"指标“{row.indicator.name or row.indicator.level2}”"


def _indicator_path(table: ScoredTable, row: IndicatorScore, field: str) -> str:
    return f"{table.path}.indicators[{row.index}].{field}"


@rule("JX-SCORE-001", Severity.ERROR, "得分不超过分值",
      "每项指标（含预算执行率）的自评得分不得超过其分值，超额完成不加分。")
def score_within_weight(context: CheckContext) -> Iterator[Finding]:
    for table in scored_tables(context):
        funds = table.funds
        if funds.stated_score and funds.weight and funds.stated_score.value > funds.weight.value:
            yield score_within_weight.finding(
                f"{table.label}预算执行率得分 {funds.stated_score.written} 超过分值 "
                f"{funds.weight.written}", f"{table.path}.funds.stated_score",
                stated=funds.stated_score, expected=funds.weight.written)
        for row in table.score.indicators:
            score, weight = row.indicator.stated_score, row.indicator.weight
            if score is not None and weight is not None and score.value > weight.value:
                yield score_within_weight.finding(
                    f"{table.label}{_indicator_label(row)}得分 {score.written} 超过分值 "
                    f"{weight.written}", _indicator_path(table, row, "stated_score"),
                    stated=score, expected=weight.written)


def _stated_parts(table: ScoredTable, field: str, label: str) -> list[Figure | None]:
    execution = figure(f"预算执行率{label}", getattr(table.funds, field), f"{table.path}.funds.{field}")
    rows = [figure(f"{_indicator_label(row)}{label}", getattr(row.indicator, field),
                   _indicator_path(table, row, field)) for row in table.score.indicators]
    return [execution, *rows]


@rule("JX-SCORE-002", Severity.ERROR, "总分等于各项得分之和",
      "自评表的总分（自评得分）= 预算执行率得分 + 各项指标自评得分。")
def total_score_sum(context: CheckContext) -> Iterator[Finding]:
    for table in scored_tables(context):
        total = table.score.stated_total_score
        parts = [part for part in _stated_parts(table, "stated_score", "得分") if part is not None]
        if total is None or not parts:
            continue
        implied = sum((part.number.value for part in parts), Decimal(0))
        if _disagrees(total, implied, context):
            expected = number_text(implied)
            yield total_score_sum.finding(
                f"{table.label}自评得分合计 {total.written}分 与各项得分之和 {expected}分 不一致"
                f"（相差 {number_text(abs(total.value - implied))}分）", f"{table.path}.stated_total_score",
                stated=total, expected=expected, expected_range=_accepted(implied, context),
                terms=[part.term() for part in parts])


@rule("JX-SCORE-003", Severity.ERROR, "分值合计",
      "自评表的总分（分值）= 预算执行率分值 + 各项指标分值，且应为 100。")
def total_weight_sum(context: CheckContext) -> Iterator[Finding]:
    for table in weighted_tables(context):
        stated = table.score.stated_total_weight
        weight_sum = table.score.weight_total
        if stated is not None and stated.value != weight_sum:  # weights are exact, never rounded
            yield total_weight_sum.finding(
                f"{table.label}分值合计 {stated.written} 与各项分值之和 {number_text(weight_sum)} "
                "不一致", f"{table.path}.stated_total_weight", stated=stated,
                expected=number_text(weight_sum))
        elif stated is None and table.score.indicators and weight_sum != 100:
            yield total_weight_sum.finding(
                f"{table.label}各项分值之和为 {number_text(weight_sum)}，不是 100",
                f"{table.path}.indicators", expected=number_text(weight_sum))


@rule("JX-SCORE-004", Severity.ERROR, "一级指标分值符合评分规则",
      "各一级指标的分值之和应等于评分规则规定的权重（如产出 50、效益 30、满意度 10）；"
      "规则要求重新分配时，不适用指标的分值须分给同一级的适用指标。")
def block_weights(context: CheckContext) -> Iterator[Finding]:
    profile = context.profile
    redistribute = profile.not_applicable is NotApplicablePolicy.REDISTRIBUTE
    for table in weighted_tables(context):
        stated_execution = table.funds.weight
        if stated_execution is not None and stated_execution.value != table.score.execution_weight:
            yield block_weights.finding(
                f"{table.label}预算执行率分值 {stated_execution.written} 与评分规则规定的 "
                f"{number_text(table.score.execution_weight)} 不一致", f"{table.path}.funds.weight",
                stated=stated_execution, expected=number_text(table.score.execution_weight))
        for block in table.score.blocks:
            if block.required_weight is None:
                yield block_weights.finding(
                    f"{table.label}一级指标“{block.name}”不在评分规则“{profile.id}”之内"
                    f"（应为：{'、'.join(profile.block_weights)}）", f"{table.path}.indicators")
                continue
            has_dropped = block.applicable_weight != block.stated_weight or any(
                row.nature is IndicatorNature.NOT_APPLICABLE
                for row in table.score.indicators if row.block == block.name)
            weight = block.applicable_weight if redistribute else block.stated_weight
            if weight == block.required_weight or (has_dropped and not redistribute):
                continue
            reason = ("（不适用指标的分值未重新分配）" if redistribute and has_dropped else "")
            first = next(row for row in table.score.indicators if row.block == block.name)
            # Framed as a form prints the block (“产出指标（50分）” over its rows), so a report's
            # finding and its data's are one: the block's weight stated, what its rows give expected.
            yield block_weights.finding(
                f"{table.label}{block.name}分值合计 {number_text(weight)} 与评分规则规定的 "
                f"{number_text(block.required_weight)} 不一致{reason}",
                _indicator_path(table, first, "level1"), stated=_points(block.required_weight),
                expected=number_text(weight))


@rule("JX-SCORE-005", Severity.ERROR, "定量指标得分符合评分规则",
      "定量指标（≥、≤、=）的自评得分应等于按完成度计算的得分：正向 min(实际/目标,1)×分值，"
      "反向 min(目标/实际,1)×分值。")
def quantitative_scores(context: CheckContext) -> Iterator[Finding]:
    for table in scored_tables(context):
        for row in table.score.indicators:
            stated = row.indicator.stated_score
            if row.rule_score is not None and stated is not None and _disagrees(
                    stated, row.rule_score, context):
                yield quantitative_scores.finding(
                    f"{table.label}{_indicator_label(row)}自评得分 {stated.written} 与按完成度 "
                    f"{number_text(row.achievement.quantize(Decimal('0.01')) if row.achievement else None)}% "
                    f"计算的 {number_text(row.rule_score)} 不一致",
                    _indicator_path(table, row, "stated_score"), stated=stated,
                    expected=number_text(row.rule_score))


@rule("JX-SCORE-006", Severity.ERROR, "预算执行率得分",
      "预算执行率得分 = 分值 × min(执行率, 100%)，或按评分规则分档。")
def execution_score(context: CheckContext) -> Iterator[Finding]:
    for table in scored_tables(context):
        stated, rule_score = table.funds.stated_score, table.score.execution_score
        if stated is not None and rule_score is not None and _disagrees(stated, rule_score, context):
            rate = table.score.execution_rate
            yield execution_score.finding(
                f"{table.label}预算执行率得分 {stated.written} 与按执行率 "
                f"{number_text(rate.quantize(Decimal('0.01')) if rate is not None else None)}% "
                f"计算的 {number_text(rule_score)} 不一致", f"{table.path}.funds.stated_score",
                stated=stated, expected=number_text(rule_score))


@rule("JX-SCORE-007", Severity.WARNING, "目标值偏低",
      "定量指标实际完成值远超年度指标值（超过评分规则的比例，如 130%），说明目标可能定得偏低。")
def over_achievement(context: CheckContext) -> Iterator[Finding]:
    limit = context.profile.over_achievement_warn_ratio
    for table in scored_tables(context):
        for row in table.score.indicators:
            if row.achievement is not None and row.achievement > limit:
                yield over_achievement.finding(
                    f"{table.label}{_indicator_label(row)}完成值 {row.indicator.actual} 是指标值 "
                    f"{row.indicator.target} 的 {number_text(row.achievement.quantize(Decimal('0.01')))}%，"
                    f"超过 {number_text(limit)}%，年度指标值可能偏低",
                    _indicator_path(table, row, "actual"))


@rule("JX-SCORE-008", Severity.WARNING, "失分须说明偏差原因",
      "凡自评得分低于分值的指标，须填写偏差原因分析及改进措施。")
def deviation_reasons(context: CheckContext) -> Iterator[Finding]:
    for table in scored_tables(context):
        for row in table.score.indicators:
            if row.lost_points and not row.indicator.deviation_reason.strip():
                yield deviation_reasons.finding(
                    f"{table.label}{_indicator_label(row)}得分 {number_text(row.counted_score)} "
                    f"低于分值 {number_text(row.weight)}，但未填写偏差原因分析",
                    _indicator_path(table, row, "deviation_reason"))


@rule("JX-SCORE-009", Severity.ERROR, "总分符合评分规则",
      "各项得分相加无误时，总分还应等于按评分规则（定量指标按完成度、不适用指标按规则处理、"
      "按执行率封顶）计算的总分。")
def rule_total(context: CheckContext) -> Iterator[Finding]:
    for table in scored_tables(context):
        stated = table.score.stated_total_score
        if stated is None:
            continue
        parts = [table.funds.stated_score, *(row.indicator.stated_score
                                             for row in table.score.indicators)]
        present = [part for part in parts if part is not None]
        if present and _disagrees(stated, sum((part.value for part in present), Decimal(0)), context):
            continue  # JX-SCORE-002 already reports the stated total as wrong
        if _disagrees(stated, table.score.rule_total, context):
            cap = table.score.cap
            because = f"（执行率低于 {number_text(cap.rate_below)}% 时总分不超过 " \
                      f"{number_text(cap.cap)}）" if cap else ""
            yield rule_total.finding(
                f"{table.label}总分 {stated.written} 与按评分规则“{context.profile.id}”计算的 "
                f"{number_text(table.score.rule_total)} 不一致{because}",
                f"{table.path}.stated_total_score", stated=stated,
                expected=number_text(table.score.rule_total))


RULES: tuple[Rule, ...] = (
    score_within_weight, total_score_sum, total_weight_sum, block_weights, quantitative_scores,
    execution_score, over_achievement, deviation_reasons, rule_total,
)
