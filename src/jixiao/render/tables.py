"""The attachments' tables as plain data (附件1–6, the project table), pure functions of the data.

Cells of optional rows are blank when nothing is stated, as on the paper form (a blank
公车购置 cell means no such spending was stated); cells the form requires (unit name, staffing,
funds, each score, 总分) show :data:`~jixiao.render.figures.MISSING` with a warning.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import zip_longest
from types import MappingProxyType
from typing import Any

from jixiao.model import (
    BudgetExecutionRow,
    ControlRow,
    FundBudgetTable,
    FundsExecution,
    Goal,
    IndicatorNature,
    ProjectAssessment,
)
from jixiao.numbers import ZERO, StatedNumber, percent
from jixiao.render.facts import Facts
from jixiao.render.figures import MISSING, Notes, computed, points, stated_or_computed, written
from jixiao.render.rule_text import total_warning
from jixiao.scoring import TableScore, written_target

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Filled:
    """One attachment's data for the templates, and the warnings met filling it."""

    data: Any
    warnings: tuple[str, ...] = ()


def _control(label: str, row: ControlRow) -> Row:
    return {"label": label, "prior": written(row.prior_actual), "budget": written(row.budget),
            "actual": written(row.actual)}


def _rate(stated: StatedNumber | None, numerator: StatedNumber | None,
          denominator: StatedNumber | None, facts: Facts) -> str:
    value = None
    if numerator is not None and denominator is not None:
        value = percent(numerator.value, denominator.value)
    shown = stated_or_computed(stated, value, facts.rules.percent_decimals)
    return "" if shown is None else f"{shown}%"


def basic_data_table(facts: Facts) -> Filled:
    """附件1 单位整体支出绩效评价基础数据表."""
    notes, data, year = Notes(), facts.evaluation.basic_data, facts.year
    staffing = data.staffing
    three, projects, public = data.three_public, data.projects, data.public_funds
    rows = [
        _control("三公经费", three.total), _control("1、公务用车购置和维护经费", three.vehicles),
        _control("其中：公车购置", three.vehicle_purchase), _control("公车运行维护", three.vehicle_operation),
        _control("2、出国经费", three.overseas), _control("3、公务接待", three.reception),
        _control("项目支出：", projects.total), _control("1、业务工作经费", projects.business),
        _control("2、运行维护经费", projects.operation),
        _control("3、区级专项资金（一个专项一行）", projects.district_specials),
        *(_control(item.name, item) for item in projects.district_special_items),
        _control("4、上级转移支付（一个专项一行）", projects.transfers),
        *(_control(item.name, item) for item in projects.transfer_items),
        _control("公用经费", public.total), _control("其中：办公经费", public.office),
        _control("水费、电费、差旅费", public.utilities_travel),
        _control("会议费、培训费", public.meetings_training),
        _control("政府采购金额", data.procurement),
        _control("部门基本支出预算调整", data.basic_budget_adjustment),
    ]
    buildings = data.buildings
    table = {
        "columns": [f"{year - 1}年决算数", f"{year}年预算数", f"{year}年决算数"],
        "staffing": {
            "authorized": notes.need(written(staffing.authorized), "附件1 编制数"),
            "actual": notes.need(written(staffing.actual), "附件1 实际在职人数"),
            "rate": _rate(staffing.stated_control_rate, staffing.actual, staffing.authorized, facts),
        },
        "rows": rows,
        "buildings": {
            "approved_area": written(buildings.approved_area),
            "actual_area": written(buildings.actual_area),
            "area_rate": _rate(buildings.stated_area_control_rate, buildings.actual_area,
                               buildings.approved_area, facts),
            "budget_investment": written(buildings.budget_investment),
            "actual_investment": written(buildings.actual_investment),
            "investment_rate": _rate(buildings.stated_investment_control_rate,
                                     buildings.actual_investment, buildings.budget_investment, facts),
        },
        "austerity": notes.need(data.austerity_measures, "附件1 厉行节约保障措施"),
    }
    return Filled(table, tuple(notes.items))


def _funds(funds: FundsExecution, score: TableScore, facts: Facts, where: str, notes: Notes) -> Row:
    rules = facts.rules
    rate = stated_or_computed(funds.stated_execution_rate, score.execution_rate, rules.percent_decimals)
    exec_score = stated_or_computed(funds.stated_score, score.execution_score, rules.score_decimals,
                                    as_points=True)
    weight = stated_or_computed(funds.weight, score.execution_weight, rules.score_decimals, as_points=True)
    return {
        "initial": notes.need(written(funds.initial_budget), f"{where}年初预算数"),
        "full": notes.need(written(funds.full_year_budget), f"{where}全年预算数"),
        "actual": notes.need(written(funds.actual), f"{where}全年执行数"),
        "weight": weight or "",
        "rate": notes.need(None if rate is None else f"{rate}%", f"{where}执行率"),
        "score": notes.need(exec_score, f"{where}预算执行率得分"),
    }


def _goals(goals: Sequence[Goal], where: str, notes: Notes) -> list[Row]:
    if not goals:
        return [{"expected": notes.need(None, f"{where}年度总体目标"), "achieved": MISSING}]
    return [{"expected": f"{i}、{notes.need(goal.expected, f'{where}预期目标{i}')}",
             "achieved": f"{i}、{notes.need(goal.achieved, f'{where}目标{i}实际完成情况')}"}
            for i, goal in enumerate(goals, 1)]


def _level1(block: str, facts: Facts) -> str:
    weight = facts.scorecard.profile.block_weights.get(block)
    return block if weight is None else f"{block}（{points(weight, 0)}分）"


def _indicators(score: TableScore, facts: Facts, where: str, notes: Notes) -> Iterator[Row]:
    for row in score.indicators:
        indicator = row.indicator
        label = f"{where}指标“{indicator.name or indicator.level2 or indicator.level1}”"
        shown = stated_or_computed(indicator.stated_score, row.rule_score, facts.rules.score_decimals,
                                   as_points=True)
        if shown is None:
            blank = row.nature is IndicatorNature.NOT_APPLICABLE
            shown = "" if blank else notes.need(None, f"{label}自评得分")
        reason = indicator.deviation_reason
        if row.lost_points and not reason.strip():
            reason = notes.need(None, f"{label}失分，偏差原因")
        yield {"group": "绩效指标", "level1": _level1(row.block, facts), "level2": indicator.level2,
               "name": indicator.name, "target": written_target(indicator), "actual": indicator.actual,
               "weight": written(indicator.weight),
               "score": shown,
               "reason": reason}


def _with_spans(rows: list[Row]) -> list[Row]:
    """Add ``level1_span``/``level2_span``: the rows a merged cell covers on its first row, 0 below
    (二级 groups never cross a 一级 boundary). Word merges the same way after rendering."""
    for key, outer in (("level1", ()), ("level2", ("level1",))):
        start = 0
        for index in range(1, len(rows) + 1):
            same = index < len(rows) and all(rows[index][k] == rows[start][k] for k in (*outer, key))
            if not same:
                for i in range(start, index):
                    rows[i][f"{key}_span"] = index - start if i == start else 0
                start = index
    return rows


def _assessment(funds: FundsExecution, goals: Sequence[Goal], score: TableScore,
                stated_weight: StatedNumber | None, stated_score: StatedNumber | None,
                facts: Facts, where: str, notes: Notes) -> Row:
    rules = facts.rules
    warning = total_warning(where, stated_score, score.rule_total, rules)
    if warning:
        notes.warn(warning)
    rows = _with_spans(list(_indicators(score, facts, where, notes)))
    if not rows:
        notes.need(None, f"{where}绩效指标")
    return {
        "funds": _funds(funds, score, facts, where, notes),
        "goals": _goals(goals, where, notes),
        "indicators": rows,
        "total_weight": stated_or_computed(stated_weight, score.weight_total, rules.score_decimals,
                                           as_points=True) or "",
        "total_score": stated_or_computed(stated_score, score.rule_total, rules.score_decimals,
                                          as_points=True) or MISSING,
    }


def self_assessment_table(facts: Facts) -> Filled:
    """附件2 单位整体支出绩效自评表."""
    notes, table = Notes(), facts.evaluation.self_assessment
    data = _assessment(table.funds, table.goals, facts.scorecard.unit_table, table.stated_total_weight,
                       table.stated_total_score, facts, "附件2 ", notes)
    income = [("一般公共预算", table.by_income.general_public),
              ("政府性基金拨款", table.by_income.government_fund),
              ("纳入专户管理的非税收入拨款", table.by_income.special_account_nontax),
              ("其他资金", table.by_income.other)]
    nature = [("基本支出", table.by_nature.basic), ("项目支出", table.by_nature.projects)]
    data["splits"] = [_split(i, n, first=index == 0)
                      for index, (i, n) in enumerate(zip_longest(income, nature))]
    return Filled(data, tuple(notes.items))


def _split(income: tuple[str, StatedNumber | None] | None, nature: tuple[str, StatedNumber | None] | None,
           *, first: bool) -> Row:
    """One row of 按收入性质分 / 按支出性质分: “其中：一般公共预算：182.26” as the form writes it."""
    row: Row = {}
    for key, line in (("income", income), ("nature", nature)):
        label = "" if line is None else (f"其中：{line[0]}" if first else line[0])
        value = "" if line is None else written(line[1])
        row |= {f"{key}_label": label, key: value, f"{key}_text": f"{label}：{value}" if label else ""}
    return row


_PROJECT_LINES = (("current_appropriation", "其中：当年财政拨款"), ("carryover", "上年结转资金"),
                  ("other", "其他资金"))


def project_table(project: ProjectAssessment, score: TableScore, facts: Facts, index: int) -> Filled:
    """One 项目支出绩效自评表 (附件3 or the national form)."""
    notes = Notes()
    where = f"项目“{project.name}”"
    data = _assessment(project.funds, project.goals, score, project.stated_total_weight,
                       project.stated_total_score, facts, where, notes)
    data |= {
        "index": index,
        "name": project.name,
        "supervising_department": notes.need(project.supervising_department, f"{where}主管部门"),
        "implementer": notes.need(project.implementer, f"{where}实施单位"),
        "lines": [{"label": label, "initial": written(line.initial_budget),
                   "full": written(line.full_year_budget), "actual": written(line.actual)}
                  for key, label in _PROJECT_LINES for line in (getattr(project.funds, key),)],
    }
    return Filled(data, tuple(notes.items))


def projects_tables(facts: Facts) -> Filled:
    """附件3: one table per project (an empty list when the unit evaluated none)."""
    filled = [project_table(project, score, facts, i)
              for i, (project, score) in enumerate(zip(facts.evaluation.projects,
                                                       facts.scorecard.projects, strict=True), 1)]
    return Filled([f.data for f in filled], tuple(w for f in filled for w in f.warnings))


def fund_table(attribute: str, label: str) -> Callable[[Facts], Filled]:
    """附件4–6: 项目 / 预算数 / 执行数, or 本单位无此项支出."""

    def build(facts: Facts) -> Filled:
        notes = Notes()
        table: FundBudgetTable = getattr(facts.evaluation.finances, attribute)
        rows: Sequence[BudgetExecutionRow] = table.rows
        none_spent = table.has_expenditure is False and not rows
        shown = [{"name": row.name, "budget": written(row.budget), "actual": written(row.actual)}
                 for row in rows]
        if not rows and not none_spent:  # spent, or not stated: never 本单位无此项支出
            what = "支出明细" if table.has_expenditure else "支出情况"
            shown = [{"name": notes.need(None, f"{label}{what}"), "budget": "", "actual": ""}]
        data = {"has": not none_spent, "label": label, "rows": shown,
                "total_budget": _sum(row.budget for row in rows),
                "total_actual": _sum(row.actual for row in rows)}
        return Filled(data, tuple(notes.items))

    return build


def _sum(numbers: Iterable[StatedNumber | None]) -> str:
    """合计 of stated amounts, written with as many decimals as its most precise part."""
    values = [n for n in numbers if n is not None]
    if not values:
        return ""
    return computed(sum((n.value for n in values), ZERO), max(n.decimals for n in values))


TABLE_BUILDERS: Mapping[str, Callable[[Facts], Filled]] = MappingProxyType({
    "basic_data": basic_data_table,
    "self_assessment": self_assessment_table,
    "projects": projects_tables,
    "government_fund": fund_table("government_fund", "政府性基金预算"),
    "state_capital": fund_table("state_capital", "国有资本经营预算"),
    "social_insurance": fund_table("social_insurance", "社会保险基金预算"),
})
"""Attachment builders by the name a template.yaml gives them."""
