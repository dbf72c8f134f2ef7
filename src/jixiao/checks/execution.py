"""Budget execution: 执行率 explanations and budget adjustments (domain.md §3)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.checks.registry import CheckContext, Rule, rule
from jixiao.checks.scores import scored_tables
from jixiao.findings import Finding, Severity, number_text
from jixiao.numbers import HUNDRED, quantize_half_up


def _shown(rate: Decimal) -> str | None:
    return number_text(quantize_half_up(rate, 2))


@rule("JX-EXEC-001", Severity.ERROR, "执行率偏低须说明",
      "执行率低于评分规则的门槛（通常 90%）时，须说明原因。")
def low_execution_explained(context: CheckContext) -> Iterator[Finding]:
    threshold = context.profile.execution.explanation_below
    evaluation = context.evaluation
    explanations = [evaluation.self_assessment.execution_explanation,
                    *(project.execution_explanation for project in evaluation.projects)]
    for table, explanation in zip(scored_tables(context), explanations, strict=True):
        rate = table.score.execution_rate
        if rate is not None and rate < threshold and not explanation.strip():
            yield low_execution_explained.finding(
                f"{table.label}执行率 {_shown(rate)}% 低于 {number_text(threshold)}%，"
                "未说明原因", f"{table.path}.execution_explanation", expected=_shown(rate))


@rule("JX-EXEC-002", Severity.WARNING, "预算调整须说明",
      "全年预算数与年初预算数不同时，须说明预算调整的原因。")
def budget_change_explained(context: CheckContext) -> Iterator[Finding]:
    evaluation = context.evaluation
    explanations = [evaluation.self_assessment.budget_change_explanation,
                    *(project.budget_change_explanation for project in evaluation.projects)]
    for table, explanation in zip(scored_tables(context), explanations, strict=True):
        initial, full_year = table.funds.initial_budget, table.funds.full_year_budget
        if initial is None or full_year is None or initial.value == full_year.value:
            continue
        if explanation.strip():
            continue
        change = full_year.value - initial.value
        rate = f"，调整率 {_shown(change / initial.value * HUNDRED)}%" if initial.value else ""
        yield budget_change_explained.finding(
            f"{table.label}全年预算数 {full_year.written}万元 与年初预算数 {initial.written}万元 "
            f"相差 {number_text(change)}万元{rate}，未说明预算调整原因",
            f"{table.path}.funds.full_year_budget", stated=full_year,
            expected=initial.written)


@rule("JX-EXEC-003", Severity.WARNING, "执行数超过预算",
      "全年执行数超过全年预算数（执行率超过 100%）时须核实。")
def execution_over_budget(context: CheckContext) -> Iterator[Finding]:
    for table in scored_tables(context):
        rate = table.score.execution_rate
        if rate is not None and rate > HUNDRED:
            yield execution_over_budget.finding(
                f"{table.label}全年执行数超过全年预算数，执行率 {_shown(rate)}%",
                f"{table.path}.funds.actual", expected=_shown(rate))


RULES: tuple[Rule, ...] = (
    low_execution_explained, budget_change_explained, execution_over_budget,
)
