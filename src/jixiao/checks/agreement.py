"""The same figure stated twice (report body, 附件1, 附件2) must agree."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from jixiao.checks.registry import (
    YUEYANGLOU_FORM,
    CheckContext,
    Figure,
    Rule,
    figure,
    present,
    relation_finding,
    rule,
)
from jixiao.findings import CONTROL, Finding, Severity, number_text
from jixiao.relations import check_equal


def same_figure(owner: Rule, first: Figure | None, second: Figure | None) -> Finding | None:
    """Report ``second`` when it disagrees with ``first`` beyond rounding."""
    if first is None or second is None:
        return None
    unit = second.number.unit.value
    return relation_finding(
        owner, check_equal(second.number, first.number), second, [first],
        failure=f"{second.label} {{stated}}{unit} 与{first.label} {{expected}}{unit} 不一致"
                f"（相差 {{difference}}{unit}）",
        rounding=f"{second.label} {{stated}}{unit} 与{first.label} {{expected}}{unit} 的书写精度"
                 "不同，在舍入误差之内一致")


@rule("JX-SAME-001", Severity.ERROR, "报告与附件2的支出一致",
      "报告二的基本支出、项目支出与附件2按支出性质分的基本支出、项目支出应一致。报告二只写"
      "一般公共预算支出，差额恰为附件2 中非一般公共预算资金时，降为口径不同的警告。")
def report_matches_self_assessment(context: CheckContext) -> Iterator[Finding]:
    evaluation = context.evaluation
    body = evaluation.finances.general_budget
    split = evaluation.self_assessment.by_nature
    for field, label, stated in (("basic", "基本支出", body.basic.total),
                                 ("projects", "项目支出", body.projects.total)):
        report = figure(f"报告中的{label}", stated, f"finances.general_budget.{field}.total")
        table = figure(f"附件2 {label}", getattr(split, field), f"self_assessment.by_nature.{field}")
        found = same_figure(report_matches_self_assessment, report, table)
        if found is not None and found.severity is Severity.ERROR and report is not None:
            found = _on_other_basis(found, report, context) or found
        yield from present(found)


def _on_other_basis(found: Finding, report: Figure, context: CheckContext) -> Finding | None:
    """The warning for a gap that is exactly 附件2's money from outside the general budget."""
    income = context.evaluation.self_assessment.by_income
    other = [number for number in (income.government_fund, income.special_account_nontax,
                                   income.other) if number is not None]
    if not other or found.stated is None:
        return None
    gap = abs(Decimal(found.stated) - report.number.value)
    outside = sum((number.value for number in other), Decimal(0))
    if gap != outside:
        return None
    return replace(
        found, severity=Severity.WARNING, kind=CONTROL,
        message=f"{found.message}；差额恰为附件2 中一般公共预算以外的资金 {number_text(outside)}万元，"
                "两处口径不同（报告二只含一般公共预算），请统一口径或加以说明")


@rule("JX-SAME-002", Severity.ERROR, "报告与附件1的数据一致",
      "报告中的编制数、实有人数、项目支出、公用经费应与附件1 基础数据表一致。")
def report_matches_basic_data(context: CheckContext) -> Iterator[Finding]:
    evaluation = context.evaluation
    body, data = evaluation.finances.general_budget, evaluation.basic_data
    report_staff, table_staff = evaluation.unit.staffing, data.staffing
    yield from present(
        same_figure(report_matches_basic_data,
                    figure("报告中的编制数", report_staff.authorized, "unit.staffing.authorized"),
                    figure("附件1 编制数", table_staff.authorized, "basic_data.staffing.authorized")),
        same_figure(report_matches_basic_data,
                    figure("报告中的实有人数", report_staff.actual, "unit.staffing.actual"),
                    figure("附件1 实际在职人数", table_staff.actual, "basic_data.staffing.actual")),
        same_figure(report_matches_basic_data,
                    figure("报告中的项目支出", body.projects.total,
                           "finances.general_budget.projects.total"),
                    figure("附件1 项目支出本年决算数", data.projects.total.actual,
                           "basic_data.projects.total.actual")),
        same_figure(report_matches_basic_data,
                    figure("报告中的公用经费", body.basic.public.amount,
                           "finances.general_budget.basic.public.amount"),
                    figure("附件1 公用经费本年决算数", data.public_funds.total.actual,
                           "basic_data.public_funds.total.actual")))


@rule("JX-SAME-003", Severity.ERROR, "第九部分的得分与自评表一致",
      "报告第九部分所述自评得分应与附件2 的总分一致。",
      forms=[YUEYANGLOU_FORM])
def disclosed_score_matches(context: CheckContext) -> Iterator[Finding]:
    evaluation = context.evaluation
    yield from present(same_figure(
        disclosed_score_matches,
        figure("附件2 总分", evaluation.self_assessment.stated_total_score,
               "self_assessment.stated_total_score"),
        figure("第九部分所述得分", evaluation.narrative.results.stated_score,
               "narrative.results.stated_score")))


@rule("JX-SAME-004", Severity.ERROR, "内设机构数与所列机构一致",
      "“设 N 个内设机构：A、B、…”中的 N 应等于列出的机构个数。")
def department_count(context: CheckContext) -> Iterator[Finding]:
    unit = context.evaluation.unit
    stated = unit.stated_department_count
    if stated is None or not unit.departments or stated.value == len(unit.departments):
        return
    yield department_count.finding(
        f"内设机构数 {stated.written} 与所列机构 {len(unit.departments)} 个"
        f"（{'、'.join(unit.departments)}）不一致", "unit.stated_department_count",
        stated=stated, expected=str(len(unit.departments)))


@rule("JX-SAME-005", Severity.ERROR, "附件1 专项与附件3 项目一致",
      "附件1 中一个专项一行的区级专项、上级转移支付，与同名项目的附件3 项目支出绩效自评表："
      "本年决算数应等于全年执行数，本年预算数应等于全年预算数或年初预算数。")
def specials_match_projects(context: CheckContext) -> Iterator[Finding]:
    evaluation = context.evaluation
    projects = {project.name.strip(): index for index, project in enumerate(evaluation.projects)}
    costs = evaluation.basic_data.projects
    for field in ("district_special_items", "transfer_items"):
        for index, row in enumerate(getattr(costs, field)):
            number = projects.get(row.name.strip())
            if number is None:
                continue
            funds, path = evaluation.projects[number].funds, f"projects[{number}].funds"
            special = f"附件1 专项“{row.name}”"
            row_path, project = f"basic_data.projects.{field}[{index}]", f"附件3“{row.name}”"
            yield from present(same_figure(
                specials_match_projects,
                figure(f"{project}全年执行数", funds.actual, f"{path}.actual"),
                figure(f"{special}本年决算数", row.actual, f"{row_path}.actual")))
            budgets = [same_figure(specials_match_projects, figure(f"{project}{label}", stated,
                                                                   f"{path}.{name}"),
                                   figure(f"{special}本年预算数", row.budget, f"{row_path}.budget"))
                       for name, label, stated in (
                           ("full_year_budget", "全年预算数", funds.full_year_budget),
                           ("initial_budget", "年初预算数", funds.initial_budget))
                       if stated is not None]
            if budgets and None not in budgets:  # agreeing with either budget is agreeing
                yield min((found for found in budgets if found is not None),
                          key=lambda found: found.severity is not Severity.INFO)


RULES: tuple[Rule, ...] = (
    report_matches_self_assessment, report_matches_basic_data, disclosed_score_matches,
    department_count, specials_match_projects,
)
