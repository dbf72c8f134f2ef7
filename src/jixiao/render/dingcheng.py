"""The 常德鼎城区 部门整体支出绩效自评报告 (template ``dingcheng-2023``): sections and tables.

部门财务情况 is written by rule from ``finances.breakdown`` (支出总额 by 功能, 性质 and 经济分类, and
决算收入) and ``finances.three_public_year_on_year`` (三公 against the prior year); the same
figures fill the two tables after it. 概况, 目标, 评价工作, 绩效, 问题 and 建议 are the unit's own
words, kept as entered; 综合评价结果 is the stated score and grade (else the rule's).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from jixiao.model import AmountLine, ExpenditureBreakdown, YearOnYearLine
from jixiao.numbers import ZERO, StatedNumber, percent
from jixiao.relations import check_change_from_difference, check_change_percent, check_difference
from jixiao.render.facts import Facts
from jixiao.render.figures import Notes, computed, points, written
from jixiao.render.narrative import own_words
from jixiao.render.prose import Para, Prose, body, sentence, unit_words
from jixiao.render.sums_text import money, total_text
from jixiao.render.tables import Filled

Builder = Callable[[Facts], Prose]
Row = dict[str, Any]


def overview_section(facts: Facts) -> Prose:
    """一、部门概况: why the report, 机构、人员构成, 单位主要职责."""
    notes, unit, year = Notes(), facts.evaluation.unit, facts.year
    lead = (f"为强化财政支出资金管理，提高财政资金使用效益，根据财政部门对预算绩效等工作安排，"
            f"我们对{year}年度{unit.name}部门整体支出进行了绩效自评，形成本报告。")
    duties = [sentence(f"{i}.{duty}") for i, duty in enumerate(unit.functions, 1)]
    paragraphs = [Para(lead), Para("（一）机构、人员构成", sub=True), *body(_structure(facts, notes)),
                  Para("（二）单位主要职责", sub=True), *body(duties or [notes.need(None, "单位主要职责")])]
    return Prose(tuple(paragraphs), tuple(notes.items))


def _structure(facts: Facts, notes: Notes) -> list[str]:
    unit = facts.evaluation.unit
    lines = []
    count = unit.stated_department_count
    if count is not None or unit.departments:
        shown = count.written if count is not None else str(len(unit.departments))
        listed = f"，分别为：{'、'.join(unit.departments)}" if unit.departments else ""
        lines.append(f"1．机构情况，{facts.year}年本单位内设机构{shown}个{listed}。")
    staffing = unit.staffing
    people = [f"{label}{number.written}人" for label, number in
              (("编制数", staffing.authorized), ("实有人数", staffing.actual), ("退休", staffing.retired))
              if number is not None]
    if staffing.actual is None:
        people.insert(0, f"实有人数{notes.need(None, '实有人数')}")
    lines.append(f"{len(lines) + 1}．人员情况，{'，'.join(people)}。")
    return lines


def finance_section(facts: Facts) -> Prose:
    """二、部门财务情况: 部门整体支出情况, 部门预算收支决算情况, 三公经费."""
    notes = Notes()
    breakdown = facts.evaluation.finances.breakdown or ExpenditureBreakdown()
    paragraphs = [Para("（一）部门整体支出情况", sub=True), Para(_spending(breakdown, facts, notes)),
                  Para("（二）部门预算收支决算情况", sub=True), Para(_income(breakdown, facts, notes)),
                  Para("（三）“三公经费”支出使用和管理情况", sub=True),
                  *body(_three_public(facts, notes))]
    return Prose(tuple(paragraphs), tuple(notes.items))


def _listed(lines: Sequence[AmountLine], notes: Notes, label: str) -> str:
    return "，".join(f"{line.name}{notes.need(written(line.amount), f'{label}“{line.name}”')}万元"
                    for line in lines)


def spending_total(breakdown: ExpenditureBreakdown, facts: Facts, notes: Notes) -> str:
    """支出总额: stated, else Σ 功能分类; checked against each breakdown that is complete."""
    functions = [line.amount for line in breakdown.by_function]
    total = total_text(breakdown.total, functions, "支出总额（按功能分类）", notes, facts.rules,
                       required=True)
    if breakdown.total is not None:
        total_text(breakdown.total, (breakdown.basic, breakdown.projects), "支出总额（按支出性质）", notes,
                   facts.rules)
        economic = [line.amount for line in breakdown.by_economic]
        if economic:
            total_text(breakdown.total, economic, "支出总额（按经济分类）", notes, facts.rules)
    return total


def _spending(breakdown: ExpenditureBreakdown, facts: Facts, notes: Notes) -> str:
    text = f"{facts.year}年支出总额{spending_total(breakdown, facts, notes)}万元"
    if breakdown.by_function:
        text += f"，按功能分类：{_listed(breakdown.by_function, notes, '功能分类')}"
    text += f"。按支出性质分类：{_nature(breakdown, facts, notes)}"
    if breakdown.by_economic:
        text += f"；按经济分类支出：{_listed(breakdown.by_economic, notes, '经济分类')}"
    return f"{text}。"


def _nature(breakdown: ExpenditureBreakdown, facts: Facts, notes: Notes) -> str:
    basic = total_text(breakdown.basic, (breakdown.basic_personnel, breakdown.basic_public), "基本支出",
                       notes, facts.rules, required=True)
    named = (("人员经费", breakdown.basic_personnel), ("公用经费", breakdown.basic_public))
    parts = [f"{label}{line.written}万元" for label, line in named if line is not None]
    inside = f"（{'，'.join(parts)}）" if parts else ""
    projects = money(breakdown.projects, "项目支出", notes, required=True)
    return f"基本支出{basic}万元{inside}，项目支出{projects}万元"


def _income(breakdown: ExpenditureBreakdown, facts: Facts, notes: Notes) -> str:
    lines = [line.amount for line in breakdown.income_lines]
    total = total_text(breakdown.income_total, lines, "决算收入数", notes, facts.rules, required=True)
    text = f"{facts.year}年度决算收入数{total}万元"
    if breakdown.income_lines:
        text += f"，其中{_listed(breakdown.income_lines, notes, '收入')}"
    return f"{text}。"


def _three_public(facts: Facts, notes: Notes) -> list[str]:
    lines = facts.evaluation.finances.three_public_year_on_year
    if not lines:
        return [f"{facts.year}年“三公”经费：{notes.need(None, '“三公”经费同比情况')}。"]
    return [_change_text(line, facts, notes) for line in lines]


def _change_text(line: YearOnYearLine, facts: Facts, notes: Notes) -> str:
    label = f"三公“{line.name}”"
    current = line.current
    if current is None:
        return f"{facts.year}年{line.name}{notes.need(None, f'{label}本年数')}。"
    text = f"{facts.year}年{line.name}{current.written}万元"
    change, rate = change_figures(line, facts, notes)
    if change is None:
        notes.warn(f"{label}上年数未填写，未与上年比较")
        return f"{text}。"
    if Decimal(change) == ZERO:
        return f"{text}，与上年持平。"
    down = change.startswith("-")
    phrase = f"，对比上年{'减少' if down else '增加'}{change.lstrip('-')}万元"
    if rate is not None:
        phrase += f"，{'下降' if down else '增长'}{rate.lstrip('-')}%"
    return f"{text}{phrase}。"


def change_figures(line: YearOnYearLine, facts: Facts, notes: Notes) -> tuple[str | None, str | None]:
    """增减额 and 增减率 with their sign: stated as written, else computed from 上年; checked."""
    label = f"三公“{line.name}”"
    current, prior, change, rate = line.current, line.prior, line.stated_change, line.stated_change_percent
    if current is None:
        return None, None
    if change is not None and prior is not None and check_difference(change, current, prior).fails:
        difference = computed(current.value - prior.value, facts.rules.money_decimals)
        notes.warn(f"{label}增减额：填报 {change.written} 万元，本年减上年为 {difference} 万元"
                   "（按填报值出具）")
    if rate is not None and _rate_fails(rate, current, prior, change):
        notes.warn(f"{label}增减率：填报 {rate.written}%，与本年、上年数不符（按填报值出具）")
    change_text = change.written if change is not None else None
    if change_text is None and prior is not None:
        change_text = computed(current.value - prior.value, facts.rules.money_decimals)
    rate_text = rate.written if rate is not None else None
    if rate_text is None and prior is not None:
        value = percent(current.value - prior.value, prior.value)
        rate_text = None if value is None else computed(value, facts.rules.percent_decimals)
    return change_text, rate_text


def _rate_fails(rate: StatedNumber, current: StatedNumber, prior: StatedNumber | None,
                change: StatedNumber | None) -> bool:
    if prior is not None:
        return check_change_percent(rate, current, prior).fails
    if change is not None:
        return check_change_from_difference(rate, current, change).fails
    return False


def goals_section(facts: Facts) -> Prose:
    """三、部门绩效目标: 总目标 (预期目标) and 年度绩效目标 (实际完成情况), in the unit's words."""
    notes = Notes()
    goals = facts.evaluation.self_assessment.goals
    expected = [text for goal in goals for text in unit_words(goal.expected)]
    achieved = [text for goal in goals for text in unit_words(goal.achieved)]
    paragraphs = [Para("（一）部门绩效总目标", sub=True),
                  *body(expected or [notes.need(None, "部门绩效总目标")]),
                  Para(f"（二）{facts.year}年度部门绩效目标", sub=True),
                  *body(achieved or [notes.need(None, "年度部门绩效目标完成情况")])]
    return Prose(tuple(paragraphs), tuple(notes.items))


def result_section(facts: Facts) -> Prose:
    """五、综合评价结果: the stated 自评分 and 等级, else the rule's from the indicators."""
    notes = Notes()
    results = facts.evaluation.narrative.results
    value = results.stated_score.value if results.stated_score is not None else None
    score = results.stated_score.written if results.stated_score is not None else None
    if score is None and facts.evaluation.self_assessment.indicators:
        value = facts.scorecard.unit_table.rule_total
        score = points(value, facts.rules.score_decimals)
    grade = results.stated_grade or (facts.grade_for(value) if value is not None else "")
    year, unit = facts.year, facts.evaluation.unit.name
    shown_score = notes.need(score, "综合评价结果 自评分")
    shown_grade = notes.need(grade, "综合评价结果 等级")
    text = (f"根据对{unit}{year}年部门整体支出绩效评价指标体系和绩效情况的检查，{year}年{unit}部门整体绩效"
            f"自评分{shown_score}分，为“{shown_grade}”等级。")
    return Prose((Para(text),), tuple(notes.items))


def breakdown_table(facts: Facts) -> Filled:
    """部门整体支出情况表: 功能分类, 支出性质 and 经济分类 lines, each with its 合计."""
    notes = Notes()
    breakdown = facts.evaluation.finances.breakdown or ExpenditureBreakdown()
    total = spending_total(breakdown, facts, notes)

    def group(title: str, lines: Sequence[AmountLine]) -> Row:
        rows = [{"name": line.name,
                 "amount": money(line.amount, f"{title}“{line.name}”", notes, required=True),
                 "share": _share(line.amount, breakdown.total, facts)} for line in lines]
        return {"title": title, "rows": rows}

    nature = [AmountLine(name="基本支出", amount=breakdown.basic),
              AmountLine(name="其中：人员经费", amount=breakdown.basic_personnel),
              AmountLine(name="其中：公用经费", amount=breakdown.basic_public),
              AmountLine(name="项目支出", amount=breakdown.projects)]
    groups = [group("按功能分类", breakdown.by_function),
              group("按支出性质分类", [line for line in nature if line.amount is not None]),
              group("按经济分类", breakdown.by_economic)]
    rows = [row | {"group": g["title"] if i == 0 else ""} for g in groups for i, row in enumerate(g["rows"])]
    return Filled({"total": total, "groups": [g for g in groups if g["rows"]], "rows": rows},
                  tuple(notes.items))


def _share(amount: StatedNumber | None, total: StatedNumber | None, facts: Facts) -> str:
    if amount is None or total is None or total.value == ZERO:
        return ""
    value = percent(amount.value, total.value)
    return "" if value is None else f"{computed(value, facts.rules.percent_decimals)}%"


def three_public_table(facts: Facts) -> Filled:
    """“三公”经费对比表: 本年, 上年, 增减额, 增减率 of each item."""
    notes = Notes()
    rows = []
    for line in facts.evaluation.finances.three_public_year_on_year:
        change, rate = change_figures(line, facts, notes)
        rows.append({"name": line.name, "current": money(line.current, f"三公“{line.name}”本年数", notes,
                                                          required=True),
                     "prior": written(line.prior), "change": change or "",
                     "rate": f"{rate}%" if rate is not None else ""})
    return Filled({"rows": rows}, tuple(notes.items))


DINGCHENG_SECTIONS: Mapping[str, Builder] = MappingProxyType({
    "dingcheng_overview": overview_section,
    "dingcheng_finance": finance_section,
    "dingcheng_goals": goals_section,
    "dingcheng_work": own_words("other", "四、绩效评价工作情况"),
    "dingcheng_result": result_section,
    "dingcheng_performance": own_words("performance", "六、部门整体支出绩效情况"),
    "dingcheng_problems": own_words("problems", "七、存在的主要问题"),
    "dingcheng_measures": own_words("measures", "八、有关建议"),
})
"""Section builders of the 鼎城区 form by the name its template.yaml gives them."""

DINGCHENG_TABLES: Mapping[str, Callable[[Facts], Filled]] = MappingProxyType({
    "dingcheng_breakdown": breakdown_table,
    "dingcheng_three_public": three_public_table,
})
"""Table builders of the 鼎城区 form."""
