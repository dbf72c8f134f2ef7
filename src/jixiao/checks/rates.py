"""Shares, rates and year-on-year changes stated as percentages."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.checks.registry import (
    CheckContext,
    Figure,
    Rule,
    figure,
    present,
    relation_finding,
    rule,
)
from jixiao.findings import Finding, Severity
from jixiao.model import Staffing
from jixiao.relations import check_change_percent, check_ratio


def ratio_finding(owner: Rule, stated: Figure | None, numerator: Figure | None,
                  denominator: Figure | None) -> Finding | None:
    """Check ``stated% = numerator / denominator``."""
    if stated is None or numerator is None or denominator is None:
        return None
    return relation_finding(
        owner, check_ratio(stated.number, numerator.number, denominator.number), stated,
        [numerator, denominator],
        failure=f"{stated.label} {{stated}}% 与{numerator.label} {numerator.number} ÷ "
                f"{denominator.label} {denominator.number} = {{expected}}% 不一致",
        rounding=f"{stated.label} {{stated}}% 与{numerator.label} ÷ {denominator.label} = "
                 f"{{expected}}% 不是四舍五入关系，按截尾或各数舍入误差可以成立",
    )


@rule("JX-RATE-001", Severity.ERROR, "基本支出构成占比",
      "报告二（一）：各部分“占基本支出的 p%” = 该部分 / 基本支出。")
def basic_shares(context: CheckContext) -> Iterator[Finding]:
    basic = context.evaluation.finances.general_budget.basic
    path = "finances.general_budget.basic"
    total = figure("基本支出", basic.total, f"{path}.total")
    for field, label in (("personnel", "人员经费"), ("public", "公用经费"),
                         ("subsidies", "对个人和家庭的补助")):
        line = getattr(basic, field)
        yield from present(ratio_finding(
            basic_shares, figure(f"{label}占基本支出比例", line.stated_share,
                                 f"{path}.{field}.stated_share"),
            figure(label, line.amount, f"{path}.{field}.amount"), total))


@rule("JX-RATE-002", Severity.ERROR, "预算执行率",
      "附件2/附件3：执行率 = 全年执行数 / 全年预算数（调整后预算，不是年初预算数）。")
def execution_rates(context: CheckContext) -> Iterator[Finding]:
    tables = [("self_assessment.funds", "年度资金总额", context.evaluation.self_assessment.funds)]
    tables += [(f"projects[{i}].funds", project.name, project.funds)
               for i, project in enumerate(context.evaluation.projects)]
    for path, label, funds in tables:
        yield from present(ratio_finding(
            execution_rates, figure(f"{label}执行率", funds.stated_execution_rate,
                                    f"{path}.stated_execution_rate"),
            figure("全年执行数", funds.actual, f"{path}.actual"),
            figure("全年预算数", funds.full_year_budget, f"{path}.full_year_budget")))


def _staffing_rate(staffing: Staffing, path: str, where: str) -> Finding | None:
    return ratio_finding(
        staffing_control_rates,
        figure(f"财政供养人员控制率（{where}）", staffing.stated_control_rate,
               f"{path}.stated_control_rate"),
        figure("实际在职人数", staffing.actual, f"{path}.actual"),
        figure("编制数", staffing.authorized, f"{path}.authorized"))


@rule("JX-RATE-003", Severity.ERROR, "财政供养人员控制率",
      "报告与附件1：控制率 = 实际在职人数 / 编制数。")
def staffing_control_rates(context: CheckContext) -> Iterator[Finding]:
    evaluation = context.evaluation
    yield from present(
        _staffing_rate(evaluation.unit.staffing, "unit.staffing", "报告"),
        _staffing_rate(evaluation.basic_data.staffing, "basic_data.staffing", "附件1"))


@rule("JX-RATE-004", Severity.ERROR, "楼堂馆所控制率",
      "附件1：规模控制率 = 实际规模 / 批复规模；投资概算控制率 = 实际投资 / 预算投资。")
def building_control_rates(context: CheckContext) -> Iterator[Finding]:
    buildings, path = context.evaluation.basic_data.buildings, "basic_data.buildings"
    yield from present(
        ratio_finding(building_control_rates,
                      figure("规模控制率", buildings.stated_area_control_rate,
                             f"{path}.stated_area_control_rate"),
                      figure("实际规模", buildings.actual_area, f"{path}.actual_area"),
                      figure("批复规模", buildings.approved_area, f"{path}.approved_area")),
        ratio_finding(building_control_rates,
                      figure("投资概算控制率", buildings.stated_investment_control_rate,
                             f"{path}.stated_investment_control_rate"),
                      figure("实际投资", buildings.actual_investment, f"{path}.actual_investment"),
                      figure("预算投资", buildings.budget_investment, f"{path}.budget_investment")))


@rule("JX-RATE-005", Severity.ERROR, "三公经费同比增减率",
      "三公经费同比：增减率 = (本年 − 上年) / 上年，增长为正、下降为负。")
def year_on_year_rates(context: CheckContext) -> Iterator[Finding]:
    for index, line in enumerate(context.evaluation.finances.three_public_year_on_year):
        path = f"finances.three_public_year_on_year[{index}]"
        stated = figure(f"{line.name}增减率", line.stated_change_percent,
                        f"{path}.stated_change_percent")
        current = figure(f"{line.name}本年", line.current, f"{path}.current")
        prior = figure(f"{line.name}上年", line.prior, f"{path}.prior")
        if stated is None or current is None or prior is None:
            continue
        yield from present(relation_finding(
            year_on_year_rates, check_change_percent(stated.number, current.number, prior.number),
            stated, [current, prior],
            failure=f"{stated.label} {{stated}}% 与 ({current.number} − {prior.number}) ÷ "
                    f"{prior.number} = {{expected}}% 不一致",
            rounding=f"{stated.label} {{stated}}% 与按本年、上年算得的 {{expected}}% 相差 "
                     "{difference} 个百分点，在舍入误差之内"))


RULES: tuple[Rule, ...] = (
    basic_shares, execution_rates, staffing_control_rates, building_control_rates,
    year_on_year_rates,
)
