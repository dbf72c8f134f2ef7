"""The report body, section by section (docs/domain.md §2), as pure functions of the data.

Sentences that carry figures are written by rule from the data (:mod:`jixiao.render.figures`
says how each figure is written); sections in the unit's own words are kept as entered. Each
builder returns :class:`~jixiao.render.prose.Prose`: paragraphs and warnings.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType

from jixiao.model import AmountLine, FundBudgetTable, ProjectAssessment, ShareLine, UnitSelfAssessment
from jixiao.numbers import ZERO, StatedNumber, percent
from jixiao.render.facts import Facts
from jixiao.render.figures import MISSING, Notes, computed, share_disagrees, value_disagrees, written
from jixiao.render.prose import Para, Prose, body, sentence, unit_words
from jixiao.render.rule_text import change_phrase, results_sentence

Builder = Callable[[Facts], Prose]


def _prose(paragraphs: list[Para], notes: Notes) -> Prose:
    return Prose(tuple(paragraphs), tuple(notes.items))


def unit_section(facts: Facts) -> Prose:
    """一、单位基本情况: 职能职责, 机构设置, 人员."""
    notes, unit = Notes(), facts.evaluation.unit
    paragraphs = [Para("（一）职能职责", sub=True)]
    duties = [sentence(f"{i}、{duty}") for i, duty in enumerate(unit.functions, 1)]
    paragraphs += body(duties or [notes.need(None, "职能职责")])
    paragraphs.append(Para("（二）机构设置", sub=True))
    paragraphs.append(Para(_departments(facts, notes)))
    paragraphs.append(Para("（三）人员情况", sub=True))
    paragraphs.append(Para(_staffing(facts, notes)))
    return _prose(paragraphs, notes)


def _departments(facts: Facts, notes: Notes) -> str:
    unit = facts.evaluation.unit
    if not unit.departments:
        return f"{unit.name}内设机构：{notes.need(None, '机构设置（内设机构）')}"
    count = len(unit.departments)
    stated = unit.stated_department_count
    if stated is not None and stated.value != count:
        notes.warn(f"内设机构数：填报 {stated.written} 个，列出 {count} 个（按填报数出具）")
    shown = stated.written if stated is not None else str(count)
    return f"{unit.name}内设机构{shown}个，分别为：{'、'.join(unit.departments)}。"


def _staffing(facts: Facts, notes: Notes) -> str:
    staffing = facts.evaluation.unit.staffing
    if staffing.authorized is None and staffing.actual is None:
        staffing = facts.evaluation.basic_data.staffing
    text = (f"人员编制数{notes.need(written(staffing.authorized), '编制数')}人，"
            f"实有人数{notes.need(written(staffing.actual), '实有人数')}人")
    if staffing.retired is not None:
        text += f"，离退休人员{staffing.retired.written}人"
    return f"{text}。"


def general_budget_section(facts: Facts) -> Prose:
    """二、一般公共预算支出情况: 基本支出 with its parts and shares, 项目支出 item by item, 三公."""
    notes = Notes()
    paragraphs = [Para("（一）基本支出情况", sub=True), Para(_basic(facts, notes)),
                  Para("（二）项目支出情况", sub=True), Para(_projects(facts, notes)),
                  Para("（三）“三公”经费支出情况", sub=True), Para(_three_public(facts, notes))]
    return _prose(paragraphs, notes)


BASIC_PARTS = (("personnel", "人员经费"), ("public", "公用经费"), ("subsidies", "对个人和家庭的补助"))


def _basic(facts: Facts, notes: Notes) -> str:
    basic = facts.evaluation.finances.general_budget.basic
    lead = f"{facts.year}年我单位"
    if basic.stated_budget is not None:
        lead += f"基本支出年初预算数为{basic.stated_budget.written}万元，"
    if basic.total is None:
        return f"{lead}基本支出为{notes.need(None, '基本支出')}。"
    parts = [(label, getattr(basic, key)) for key, label in BASIC_PARTS]
    stated_parts = [(label, line) for label, line in parts if line.amount is not None]
    text = f"{lead}基本支出为{basic.total.written}万元"
    if not stated_parts:
        notes.warn("基本支出的构成（人员经费、公用经费）未填写")
        return f"{text}，其中：{MISSING}。"
    shares = "；".join(_share(label, line, basic.total, facts, notes) for label, line in stated_parts)
    return f"{text}，其中：{shares}。"


def basic_share(line: ShareLine, whole: StatedNumber, facts: Facts) -> tuple[str | None, str | None]:
    """The share of 基本支出 the report states for ``line`` (the unit's where stated, else computed
    at the template's decimals; ``None`` when there is none), and the rule's share when a stated
    one disagrees with the amounts (``无法计算`` when it cannot be computed). The text and the
    chart both show it, so they never differ."""
    assert line.amount is not None  # callers keep only stated parts
    share = percent(line.amount.value, whole.value)
    rule = None if share is None else computed(share, facts.rules.percent_decimals)
    if line.stated_share is None:
        return rule, None
    if share_disagrees(line.stated_share, line.amount, whole):
        return line.stated_share.written, f"{rule}%" if rule is not None else "无法计算"
    return line.stated_share.written, None


def _share(label: str, line: ShareLine, whole: StatedNumber, facts: Facts, notes: Notes) -> str:
    assert line.amount is not None  # callers keep only stated parts
    shown, rule = basic_share(line, whole, facts)
    if rule is not None:
        notes.warn(f"{label}占基本支出比例：填报 {shown}%，按金额计算为 {rule}（按填报值出具）")
    if shown is None:
        return f"{label}{line.amount.written}万元"
    return f"{label}{line.amount.written}万元，占基本支出的{shown}%"


def _projects(facts: Facts, notes: Notes) -> str:
    projects = facts.evaluation.finances.general_budget.projects
    lead = f"{facts.year}年我单位"
    items = projects.items
    if projects.total is None and not items:
        return f"{lead}项目支出：{notes.need(None, '项目支出')}。"
    if not items and projects.total is not None and projects.total.value == ZERO:
        return f"{lead}无项目支出。"
    if projects.stated_budget is not None:
        lead += f"项目支出预算数为{projects.stated_budget.written}万元，"
    total = written(projects.total) if projects.total is not None else _sum_text(items, facts)
    if not items:
        return f"{lead}项目支出总数为{total}万元，其中：{notes.need(None, '项目支出明细')}。"
    listed = "；".join(
        f"{i}、{_named(item.name)}{notes.need(written(item.amount), f'项目“{item.name}”金额')}万元"
        for i, item in enumerate(items, 1))
    return f"{lead}项目支出总数为{total}万元，其中：{listed}。"


def _named(name: str) -> str:
    """A name before its amount; a colon after a name ending in a digit keeps “专项1” and “5.00” apart."""
    return f"{name}：" if name[-1:].isdigit() else name


def _sum_text(items: Sequence[AmountLine], facts: Facts) -> str:
    """Σ of stated item amounts, computed because the total was not stated."""
    amounts = [item.amount.value for item in items if item.amount is not None]
    return computed(sum(amounts, ZERO), facts.rules.money_decimals)


def _three_public(facts: Facts, notes: Notes) -> str:
    row = facts.evaluation.basic_data.three_public.total
    lead = f"{facts.year}年“三公”经费支出"
    if row.actual is None:
        return f"{lead}{notes.need(None, '“三公”经费本年决算数')}。"
    text = f"{lead}{row.actual.written}万元"
    if row.prior_actual is None:
        notes.warn("“三公”经费上年决算数未填写，未与上年比较")
    else:
        text += f"，{change_phrase(row.actual.value, row.prior_actual.value, facts.rules)}"
    if row.budget is not None:
        text += f"；本年预算数{row.budget.written}万元"
    return f"{text}。"


def fund_section(attribute: str, label: str) -> Builder:
    """三、四、五: a fund's budget expenditure, 无 when the unit says so, 未填写 when not stated."""

    def build(facts: Facts) -> Prose:
        notes = Notes()
        table: FundBudgetTable = getattr(facts.evaluation.finances, attribute)
        if table.has_expenditure is False and not table.rows:
            return Prose((Para(f"我单位{facts.year}年度无{label}支出。"),))
        if not table.rows:
            missing = notes.need(None, f"{label}{'支出明细' if table.has_expenditure else '支出情况'}")
            return _prose([Para(f"{facts.year}年{label}支出：{missing}。")], notes)
        actual = sum((row.actual.value for row in table.rows if row.actual is not None), ZERO)
        parts = "；".join(
            f"{row.name}{notes.need(written(row.actual), f'{label}“{row.name}”执行数')}万元"
            for row in table.rows)
        text = (f"{facts.year}年我单位{label}支出{computed(actual, facts.rules.money_decimals)}万元，"
                f"其中：{parts}。")
        return _prose([Para(text)], notes)

    return build


def performance_section(facts: Facts) -> Prose:
    """六、单位整体支出绩效情况: 预算执行 by rule (each project's explanations after the unit's),
    then the unit's own account of its work."""
    notes = Notes()
    paragraphs = [Para(_execution(facts, notes))]
    for project, score in zip(facts.evaluation.projects, facts.scorecard.projects, strict=True):
        explained = _explained(project, score.execution_rate, facts, notes, f"项目“{project.name}”")
        if explained:
            paragraphs.append(Para(f"项目“{project.name}”{explained}"))
    own = unit_words(facts.evaluation.narrative.performance)
    paragraphs += body(own or [notes.need(None, "六、单位整体支出绩效情况")])
    return _prose(paragraphs, notes)


def _execution(facts: Facts, notes: Notes) -> str:
    funds = facts.evaluation.self_assessment.funds
    initial = notes.need(written(funds.initial_budget), "年初预算数")
    full = notes.need(written(funds.full_year_budget), "全年预算数")
    actual = notes.need(written(funds.actual), "全年执行数")
    text = (f"{facts.year}年度资金年初预算数为{initial}万元，全年预算数为{full}万元，"
            f"全年执行数为{actual}万元，预算执行率为{_rate(facts, notes)}%。")
    return text + _explained(facts.evaluation.self_assessment, facts.scorecard.unit_table.execution_rate,
                             facts, notes, "")


def _explained(table: UnitSelfAssessment | ProjectAssessment, rate: Decimal | None, facts: Facts,
               notes: Notes, label: str) -> str:
    """预算调整说明 and 执行率说明 of 附件2 or a project: asked for (未填写 when blank) where the
    全年预算数 differs from the 年初预算数 or the rate is below the profile's floor, and printed
    whenever the unit entered them."""
    initial, full, text = table.funds.initial_budget, table.funds.full_year_budget, ""
    if initial is not None and full is not None and initial.value != full.value:
        phrase = change_phrase(full.value, initial.value, facts.rules, base="年初预算数")
        reason = notes.need(table.budget_change_explanation, f"{label}预算调整说明")
        text += f"全年预算数{phrase}，预算调整原因：{sentence(reason)}"
    elif table.budget_change_explanation.strip():
        text += f"预算调整说明：{sentence(table.budget_change_explanation)}"
    floor = facts.scorecard.profile.execution.explanation_below
    if rate is not None and rate < floor:
        reason = notes.need(table.execution_explanation, f"{label}执行率说明")
        text += f"执行率未达到{floor}%，原因：{sentence(reason)}"
    elif table.execution_explanation.strip():
        text += f"执行率说明：{sentence(table.execution_explanation)}"
    return text


def _rate(facts: Facts, notes: Notes) -> str:
    stated = facts.evaluation.self_assessment.funds.stated_execution_rate
    rate = facts.scorecard.unit_table.execution_rate
    decimals = facts.rules.percent_decimals
    if stated is not None:
        if rate is not None and value_disagrees(stated, rate, max(stated.decimals, decimals)):
            notes.warn(f"预算执行率：填报 {stated.written}%，按全年执行数 / 全年预算数计算为 "
                       f"{computed(rate, decimals)}%（按填报值出具）")
        return stated.written
    return MISSING if rate is None else computed(rate, decimals)


def own_words(attribute: str, label: str) -> Builder:
    """七、八、十: the unit's own words, kept as entered; 未填写 when blank."""

    def build(facts: Facts) -> Prose:
        notes = Notes()
        own = unit_words(getattr(facts.evaluation.narrative, attribute))
        return _prose(list(body(own or [notes.need(None, label)])), notes)

    return build


def results_section(facts: Facts) -> Prose:
    """九、自评结果拟应用和公开情况: score and grade by rule, then publication and use."""
    notes = Notes()
    results = facts.evaluation.narrative.results
    paragraphs = [Para(results_sentence(facts, notes))]
    if results.publication or results.application or not results.text.strip():
        paragraphs.append(Para(f"公开情况：{sentence(notes.need(results.publication, '自评结果公开情况'))}"))
        paragraphs.append(Para(f"结果应用：{sentence(notes.need(results.application, '自评结果应用情况'))}"))
    if results.text.strip() and not (results.publication or results.application):
        paragraphs += body(unit_words(results.text))
    return _prose(paragraphs, notes)


SECTION_BUILDERS: Mapping[str, Builder] = MappingProxyType({
    "unit": unit_section,
    "general_budget": general_budget_section,
    "government_fund": fund_section("government_fund", "政府性基金预算"),
    "state_capital": fund_section("state_capital", "国有资本经营预算"),
    "social_insurance": fund_section("social_insurance", "社会保险基金预算"),
    "performance": performance_section,
    "problems": own_words("problems", "七、存在的问题及原因分析"),
    "measures": own_words("measures", "八、下一步改进措施"),
    "results": results_section,
    "other": own_words("other", "十、其他需要说明的情况"),
})
"""Section builders by the name a template.yaml gives them."""

