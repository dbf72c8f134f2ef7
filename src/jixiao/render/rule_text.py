"""Phrases whose figures are computed by rule: changes against a base, the score and grade."""

from __future__ import annotations

from decimal import Decimal

from jixiao.numbers import ZERO, StatedNumber, percent
from jixiao.render.facts import Facts
from jixiao.render.figures import MISSING, Notes, Rules, computed, points
from jixiao.scoring import score_disagrees


def change_phrase(current: Decimal, base_value: Decimal, rules: Rules, *, base: str = "上年") -> str:
    """“比上年增加 d 万元，增长 p%” (or 减少/下降, or 与上年持平); the rate is on the base."""
    difference = current - base_value
    if difference == ZERO:
        return f"与{base}持平"
    up = difference > ZERO
    phrase = f"比{base}{'增加' if up else '减少'}{computed(abs(difference), rules.money_decimals)}万元"
    rate = percent(abs(difference), base_value)
    if rate is not None:
        phrase += f"，{'增长' if up else '下降'}{computed(rate, rules.percent_decimals)}%"
    return phrase


def unit_total_shown(facts: Facts) -> tuple[str, Decimal | None]:
    """附件2 总分 as the report shows it: stated as written, else the rule's total."""
    table = facts.evaluation.self_assessment
    if table.stated_total_score is not None:
        return table.stated_total_score.written, table.stated_total_score.value
    if not table.indicators and table.funds.actual is None:
        return MISSING, None
    total = facts.scorecard.unit_table.rule_total
    return points(total, facts.rules.score_decimals), total


def total_warning(label: str, stated: StatedNumber | None, rule_total: Decimal, rules: Rules) -> str | None:
    """The warning for a stated 总分 that the rule's total does not confirm."""
    if stated is None or not score_disagrees(stated, rule_total, rules.score_decimals):
        return None
    return (f"{label}总分：填报 {stated.written} 分，按评分规则计算为 "
            f"{points(rule_total, rules.score_decimals)} 分（按填报值出具）")


def results_sentence(facts: Facts, notes: Notes) -> str:
    """九: “经自评，…自评得分为 S 分，评价等次为“G”。” with the 附件2 total and its grade."""
    results = facts.evaluation.narrative.results
    shown, value = unit_total_shown(facts)
    if results.stated_score is not None:
        if value is not None and results.stated_score.value != value:
            notes.warn(f"九、自评得分：填报 {results.stated_score.written} 分，附件2 总分为 {shown} 分"
                       "（按填报值出具）")
        shown, value = results.stated_score.written, results.stated_score.value
    if value is None:
        notes.need(None, "自评得分")
    grade = facts.grade_for(value) if value is not None else MISSING
    if results.stated_grade:
        profile_grade = facts.scorecard.profile.grade_for(value) if value is not None else MISSING
        if value is not None and results.stated_grade not in (grade, profile_grade):
            notes.warn(f"九、评价等次：填报“{results.stated_grade}”，{shown} 分按评分规则应为“{grade}”"
                       "（按填报值出具）")
        grade = results.stated_grade
    unit = facts.evaluation.unit.name
    return f"经自评，{unit}{facts.year}年度单位整体支出绩效自评得分为{shown}分，评价等次为“{grade}”。"
