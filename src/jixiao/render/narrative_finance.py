"""五、评价报告综述 of the 岳阳市财政局 form (template ``yueyang-finance-2021``).

概况 and 基本支出 are written by rule from the 汇总 row of the 收支情况 (the first 机构 row) and the
项目支出 items; 专项支出, 专项组织实施情况, 绩效情况, 问题 and 措施 are the unit's own words, kept as
entered.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from jixiao.model import OrgAccount
from jixiao.render.facts import Facts
from jixiao.render.figures import Notes, written
from jixiao.render.narrative import own_words
from jixiao.render.prose import Para, Prose, body, unit_words
from jixiao.render.sums_text import total_text

Builder = Callable[[Facts], Prose]


def _summary(facts: Facts) -> OrgAccount | None:
    accounts = facts.evaluation.finances.org_accounts
    return accounts[0] if accounts else None


def overview_section(facts: Facts) -> Prose:
    """一、部门（单位）概况: 基本情况 (人员, 职能) and 整体支出规模."""
    notes, unit = Notes(), facts.evaluation.unit
    staffing = unit.staffing
    actual = notes.need(written(staffing.actual), "综述 实有人数")
    authorized = notes.need(written(staffing.authorized), "综述 人员编制")
    duties = "；".join(duty.rstrip("；;。") for duty in unit.functions)
    people = (f"{unit.name}人员共{actual}人，其中在编人员{authorized}人。"
              f"主要职能：{notes.need(f'{duties}。' if duties else '', '综述 职能职责')}")
    paragraphs = [Para("（一）部门（单位）基本情况", sub=True), Para(people),
                  Para("（二）部门（单位）整体支出规模、使用方向和主要内容、涉及范围", sub=True),
                  Para(_scale(facts, notes))]
    return Prose(tuple(paragraphs), tuple(notes.items))


def _scale(facts: Facts, notes: Notes) -> str:
    """支出规模 and its two parts, each with its own parts in brackets (a 其中 list per total)."""
    account = _summary(facts)
    if account is None:
        return f"部门支出规模{notes.need(None, '综述 支出合计')}。"
    total = total_text(account.expenditure_total, (account.basic, account.projects),
                       f"支出情况“{account.name}”支出合计",
                       notes, facts.rules, required=True)
    parts = [f"{_basic(account, facts, notes, bracket=True)}"]
    if account.projects is not None:
        parts.append(f"项目支出{account.projects.written}万元{_project_items(account, facts, notes)}")
    return f"部门支出规模{total}万元，其中：{'，'.join(parts)}。"


def _project_items(account: OrgAccount, facts: Facts, notes: Notes) -> str:
    """The 一般公共预算 project items after the 项目支出 of 收支情况: in brackets, as its parts, when
    that 项目支出 is theirs; under their own total (其中一般公共预算项目支出) when it is not (收支情况
    counts every fund), so the sentence never states a sum its figures do not make."""
    projects = facts.evaluation.finances.general_budget.projects
    listed = "，".join(f"{item.name}{notes.need(written(item.amount), f'项目“{item.name}”金额')}万元"
                      for item in projects.items)
    if not listed:
        return ""
    if projects.total is not None and account.projects is not None \
            and projects.total.value != account.projects.value:
        return f"，其中一般公共预算项目支出{projects.total.written}万元（{listed}）"
    return f"（{listed}）"


def _basic(account: OrgAccount, facts: Facts, notes: Notes, *, bracket: bool = False) -> str:
    basic = total_text(account.basic, (account.personnel, account.public), "综述 基本支出", notes,
                       facts.rules, required=True)
    parts = [f"{label}{line.written}万元"
             for line, label in ((account.personnel, "人员支出"), (account.public, "公用支出"))
             if line is not None]
    if not parts:
        return f"基本支出{basic}万元"
    return (f"基本支出{basic}万元（{'，'.join(parts)}）" if bracket
            else f"基本支出{basic}万元，其中{'，'.join(parts)}")


def use_section(facts: Facts) -> Prose:
    """二、部门（单位）整体支出管理及使用情况: 基本支出 by rule, 专项支出 in the unit's words."""
    notes = Notes()
    account = _summary(facts)
    basic = (f"基本支出{notes.need(None, '综述 基本支出')}。" if account is None
             else f"{_basic(account, facts, notes)}。")
    own = unit_words(facts.evaluation.narrative.other)
    paragraphs = [Para("（一）基本支出", sub=True), Para(basic), Para("（二）专项支出", sub=True),
                  *body(own or [notes.need(None, "综述 专项支出")])]
    return Prose(tuple(paragraphs), tuple(notes.items))


FINANCE_SECTIONS: Mapping[str, Builder] = MappingProxyType({
    "finance_overview": overview_section,
    "finance_use": use_section,
    "finance_implementation": own_words("implementation", "综述 部门（单位）专项组织实施情况"),
    "finance_performance": own_words("performance", "综述 部门（单位）整体支出绩效情况"),
    "finance_problems": own_words("problems", "综述 存在的主要问题"),
    "finance_measures": own_words("measures", "综述 改进措施和有关建议"),
})
"""Section builders of the 财政局 form by the name its template.yaml gives them."""
