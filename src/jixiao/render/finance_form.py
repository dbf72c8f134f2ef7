"""The tables of the 岳阳市财政局 部门整体支出绩效评价自评报告 (template ``yueyang-finance-2021``).

Cover, 一、基本概况, 二、收支情况 by 机构 (收入; 支出和结余; 三公; 固定资产), 三、定性/定量目标 with
the 综合得分 and 评价等次, 四、评价人员: plain data for the templates, pure functions of the data.
Amounts are written as stated; a total left blank is the sum of its stated parts; cells of a
机构 row the unit left blank stay blank, as on the paper form.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from jixiao.model import Evaluation, Indicator, OrgAccount
from jixiao.relations import check_difference
from jixiao.render.facts import Facts
from jixiao.render.figures import MISSING, Notes, Rules, points
from jixiao.render.prose import unit_words
from jixiao.render.sums_text import money, total_text
from jixiao.render.tables import Filled
from jixiao.scoring import named_target

Row = dict[str, Any]

METHOD = "部门（单位）绩效自评"
"""评价方式 of a self-evaluation: the form's own wording."""
EVALUATOR = "部门（单位）评价组"
"""评价机构 of a self-evaluation: the form's own wording."""


def cover_table(facts: Facts) -> Filled:
    """封面: 部门(单位)名称, 预算编码, 评价方式, 评价机构, 报告日期."""
    notes, evaluation = Notes(), facts.evaluation
    data = {"unit_name": evaluation.unit.name, "code": notes.need(evaluation.unit.code, "封面 预算编码"),
            "method": METHOD, "evaluator": EVALUATOR,
            "date": notes.need(evaluation.sign_off.date, "封面 报告日期")}
    return Filled(data, tuple(notes.items))


def profile_table(facts: Facts) -> Filled:
    """一、部门（单位）基本概况: 联系人, 联络电话, 人员编制, 实有人数, 职能职责, 年度主要工作内容,
    总体运行情况, 目标. Each list is a row per entry, as written (the tasks carry the unit's own
    “任务1：” numbering, as the goals carry “目标1：”)."""
    notes, evaluation = Notes(), facts.evaluation
    staffing = evaluation.unit.staffing
    functions = "；".join(duty.rstrip("；;。") for duty in evaluation.unit.functions)
    data = {
        "contact": notes.need(evaluation.sign_off.preparer, "基本概况 联系人"),
        "phone": notes.need(evaluation.sign_off.phone, "基本概况 联络电话"),
        "authorized": money(staffing.authorized, "基本概况 人员编制", notes, required=True),
        "actual": money(staffing.actual, "基本概况 实有人数", notes, required=True),
        "functions": notes.need(f"{functions}。" if functions else "", "基本概况 职能职责概述"),
        "tasks": _entries(evaluation.unit.tasks, "基本概况 年度主要工作内容", notes),
        "operation": _entries(unit_words(evaluation.narrative.operation),
                              "基本概况 年度部门（单位）总体运行情况及取得的成绩", notes),
        "goals": [notes.need(goal.expected, f"基本概况 年度绩效目标{i}")
                  for i, goal in enumerate(evaluation.self_assessment.goals, 1)]
                 or [notes.need(None, "基本概况 年度部门整体支出绩效目标")],
    }
    return Filled(data, tuple(notes.items))


def _entries(entries: tuple[str, ...], label: str, notes: Notes) -> list[str]:
    """The rows of a listed box: one per entry, or one missing mark when the unit wrote none."""
    return list(entries) or [notes.need(None, label)]


def accounts_table(facts: Facts) -> Filled:
    """二、部门（单位）收支情况: one row per 机构 in each of the four tables."""
    notes, rules = Notes(), facts.rules
    accounts = facts.evaluation.finances.org_accounts
    if not accounts:
        notes.need(None, "收支情况（按机构）")
        accounts = (OrgAccount(name=facts.evaluation.unit.name),)
    data = {"income": [_income(account, notes, rules, first=i == 0) for i, account in enumerate(accounts)],
            "expenditure": [_expenditure(account, notes, rules, first=i == 0)
                            for i, account in enumerate(accounts)],
            "three_public": [_three_public(account, notes, rules) for account in accounts],
            "assets": [_assets(account, notes, rules) for account in accounts]}
    return Filled(data, tuple(notes.items))


def _income(account: OrgAccount, notes: Notes, rules: Rules, *, first: bool) -> Row:
    parts = (account.carryover, account.fiscal_appropriation, account.government_fund,
             account.special_account_nontax, account.other_income)
    label = f"收入情况“{account.name}”"
    return {"name": account.name,
            "total": total_text(account.income_total, parts, f"{label}收入合计", notes, rules,
                                        required=first, blank_is_zero=True),
            "carryover": money(account.carryover, "", notes),
            "fiscal": money(account.fiscal_appropriation, "", notes),
            "fund": money(account.government_fund, "", notes),
            "nontax": money(account.special_account_nontax, "", notes),
            "other": money(account.other_income, "", notes)}


def _expenditure(account: OrgAccount, notes: Notes, rules: Rules, *, first: bool) -> Row:
    label = f"支出情况“{account.name}”"
    basic = total_text(account.basic, (account.personnel, account.public), f"{label}基本支出", notes, rules)
    total = total_text(account.expenditure_total, (account.basic, account.projects), f"{label}支出合计",
                       notes, rules, required=first)
    surplus, income, spent = account.surplus_current, account.income_total, account.expenditure_total
    if surplus is not None and income is not None and spent is not None \
            and check_difference(surplus, income, spent).fails:
        notes.warn(f"{label}当年结余：填报 {surplus.written} 万元，不等于收入合计 {income.written} "
                   f"减支出合计 {spent.written}（按填报值出具）")
    return {"name": account.name, "total": total, "basic": basic,
            "personnel": money(account.personnel, "", notes), "public": money(account.public, "", notes),
            "projects": money(account.projects, "", notes),
            "surplus_current": money(account.surplus_current, "", notes),
            "surplus_cumulative": money(account.surplus_cumulative, "", notes)}


def _three_public(account: OrgAccount, notes: Notes, rules: Rules) -> Row:
    parts = (account.reception, account.vehicle_operation, account.vehicle_purchase, account.overseas)
    total = total_text(account.three_public_total, parts, f"三公经费“{account.name}”合计", notes, rules,
                       blank_is_zero=True)
    return {"name": account.name, "total": total, "reception": money(account.reception, "", notes),
            "vehicle_operation": money(account.vehicle_operation, "", notes),
            "vehicle_purchase": money(account.vehicle_purchase, "", notes),
            "overseas": money(account.overseas, "", notes)}


def _assets(account: OrgAccount, notes: Notes, rules: Rules) -> Row:
    parts = (account.fixed_assets_in_use, account.fixed_assets_leased, account.fixed_assets_other)
    total = total_text(account.fixed_assets_total, parts, f"固定资产“{account.name}”合计", notes, rules,
                       blank_is_zero=True)
    return {"name": account.name, "total": total, "in_use": money(account.fixed_assets_in_use, "", notes),
            "leased": money(account.fixed_assets_leased, "", notes),
            "other": money(account.fixed_assets_other, "", notes)}


def targets_table(facts: Facts) -> Filled:
    """三、整体支出绩效自评情况: 定性目标 (预期/实际), 定量目标, 综合得分 and 评价等次."""
    notes, evaluation = Notes(), facts.evaluation
    goals = [{"expected": notes.need(goal.expected, f"定性目标{i} 预期目标"),
              "achieved": notes.need(goal.achieved, f"定性目标{i} 实际完成")}
             for i, goal in enumerate(evaluation.self_assessment.goals, 1)]
    if not goals:
        goals = [{"expected": notes.need(None, "绩效定性目标"), "achieved": MISSING}]
    rows = _indicator_rows(evaluation.self_assessment.indicators)
    if not rows:
        rows = [{"level1": notes.need(None, "绩效定量目标"), "level2": "", "target": MISSING, "actual": "",
                 "level1_span": 1, "level2_span": 1, "level1_shown": MISSING, "level2_shown": ""}]
    score, grade = _score_and_grade(facts, notes)
    return Filled({"goals": goals, "indicators": rows, "score": score, "grade": grade}, tuple(notes.items))


def _indicator_rows(indicators: tuple[Indicator, ...]) -> list[Row]:
    rows: list[Row] = []
    for indicator in indicators:
        rows.append({"level1": indicator.level1, "level2": indicator.level2,
                     "target": named_target(indicator), "actual": indicator.actual})
    return with_groups(rows)


def with_groups(rows: list[Row]) -> list[Row]:
    """Mark 一级/二级 groups: ``*_span`` rows covered on a group's first row (0 below it), and
    ``*_shown`` the text on a group's first row only (Word has no row spans in a row loop)."""
    for key, within in (("level1", ()), ("level2", ("level1",))):
        start = 0
        for index in range(1, len(rows) + 1):
            ends = index == len(rows) or any(rows[index][k] != rows[start][k] for k in (*within, key))
            if ends:
                for i in range(start, index):
                    rows[i][f"{key}_span"] = index - start if i == start else 0
                    rows[i][f"{key}_shown"] = rows[i][key] if i == start else ""
                start = index
    return rows


def _score_and_grade(facts: Facts, notes: Notes) -> tuple[str, str]:
    """综合得分 and 评价等次 as stated; else the rule's, from the scored indicators."""
    results = facts.evaluation.narrative.results
    value = results.stated_score.value if results.stated_score is not None else None
    score = results.stated_score.written if results.stated_score is not None else ""
    if not score and facts.evaluation.self_assessment.indicators and facts.scorecard.unit_table.rule_total:
        value = facts.scorecard.unit_table.rule_total
        score = points(value, facts.rules.score_decimals)
    if not score:
        return notes.need(None, "绩效自评综合得分"), notes.need(results.stated_grade, "评价等次")
    grade = results.stated_grade
    if not grade and value is not None:
        grade = facts.grade_for(value)
    return score, notes.need(grade, "评价等次")


def reviewers_table(facts: Facts) -> Filled:
    """四、评价人员: the preparer with 职务/职称, as the form's first row (签字 is written by hand)."""
    evaluation: Evaluation = facts.evaluation
    notes = Notes()
    sign_off = evaluation.sign_off
    row = {"name": notes.need(sign_off.preparer, "评价人员 姓名"), "title": sign_off.preparer_title,
           "unit": evaluation.unit.name}
    return Filled({"rows": [row], "head": sign_off.head}, tuple(notes.items))


FINANCE_TABLES: Mapping[str, Callable[[Facts], Filled]] = MappingProxyType({
    "finance_cover": cover_table,
    "finance_profile": profile_table,
    "finance_accounts": accounts_table,
    "finance_targets": targets_table,
    "finance_reviewers": reviewers_table,
})
"""Table builders of the 财政局 form by the name its template.yaml gives them."""
