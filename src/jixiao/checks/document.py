"""Completeness and identity: required sections, section 九, year and unit name, sign-off."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.checks.registry import YUEYANGLOU_FORM, CheckContext, Rule, rule
from jixiao.findings import Finding, Severity
from jixiao.model import ProjectAssessment, UnitSelfAssessment

_GRADES = ("优", "良", "中", "差")


@rule("JX-DOC-001", Severity.ERROR, "必备章节",
      "报告第六、七、八部分（绩效情况、问题及原因、改进措施）不得空白。",
      forms=[YUEYANGLOU_FORM])
def required_sections(context: CheckContext) -> Iterator[Finding]:
    narrative = context.evaluation.narrative
    for field, title in (("performance", "六、单位整体支出绩效情况"),
                         ("problems", "七、存在的问题及原因分析"),
                         ("measures", "八、下一步改进措施")):
        if not getattr(narrative, field).strip():
            yield required_sections.finding(f"第{title}为空", f"narrative.{field}")


@rule("JX-DOC-002", Severity.ERROR, "第九部分自评结果与应用公开",
      "第九部分须写明自评得分、评价等次、公开情况（何时何处公开）和结果应用。",
      forms=[YUEYANGLOU_FORM])
def results_disclosure(context: CheckContext) -> Iterator[Finding]:
    results = context.evaluation.narrative.results
    path = "narrative.results"
    missing = [label for label, present in (
        ("自评得分", results.stated_score is not None),
        ("评价等次", bool(results.stated_grade.strip())),
        ("公开情况", bool(results.publication.strip())),
        ("结果应用", bool(results.application.strip())),
    ) if not present]
    if missing:
        yield results_disclosure.finding(
            f"第九部分“自评结果拟应用和公开情况”未写明：{'、'.join(missing)}", path)


@rule("JX-DOC-003", Severity.ERROR, "评价等次与得分相符",
      "第九部分的评价等次应与自评得分相符（90 分及以上优，80-90 良，60-80 中，60 以下差，"
      "以评分规则为准）。")
def grade_matches_score(context: CheckContext) -> Iterator[Finding]:
    results = context.evaluation.narrative.results
    grade = results.stated_grade.strip()
    score = results.stated_score or context.evaluation.self_assessment.stated_total_score
    if not grade or score is None:
        return
    expected = context.profile.grade_for(score.value)
    if grade not in _GRADES or grade != expected:
        yield grade_matches_score.finding(
            f"评价等次“{grade}”与自评得分 {score.written} 应得的“{expected}”不符",
            "narrative.results.stated_grade", stated=score, expected=expected)


@rule("JX-DOC-004", Severity.ERROR, "年度与单位名称一致",
      "报告标题中的年度和单位名称应与本次自评的年度和预算单位名称一致（单位名称仅对标题写明单位的"
      "岳阳楼区模板检查）。")
def title_identity(context: CheckContext) -> Iterator[Finding]:
    evaluation = context.evaluation
    title = re.sub(r"\s+", "", evaluation.title)
    if not title:
        return
    years = {int(year) for year in re.findall(r"(20\d\d)年", title)}
    if years and evaluation.year not in years:
        yield title_identity.finding(
            f"报告标题“{evaluation.title}”中的年度 {'、'.join(map(str, sorted(years)))} "
            f"与自评年度 {evaluation.year} 不一致", "title", expected=str(evaluation.year))
    name = re.sub(r"\s+", "", evaluation.unit.name)
    if evaluation.template == YUEYANGLOU_FORM and name not in title:
        yield title_identity.finding(
            f"报告标题“{evaluation.title}”中没有预算单位名称“{evaluation.unit.name}”", "title")


@rule("JX-DOC-005", Severity.WARNING, "签字栏",
      "附件须有单位负责人签字、填表人、联系电话和填报日期。",
      forms=[YUEYANGLOU_FORM])
def sign_off(context: CheckContext) -> Iterator[Finding]:
    signed = context.evaluation.sign_off
    missing = [label for label, value in (("单位负责人", signed.head), ("填表人", signed.preparer),
                                          ("联系电话", signed.phone), ("填报日期", signed.date))
               if not value.strip()]
    if missing:
        yield sign_off.finding(f"签字栏未填写：{'、'.join(missing)}", "sign_off")


@rule("JX-DOC-006", Severity.ERROR, "自评表内容齐全",
      "附件2 须有年度资金、年度总体目标和绩效指标；每张附件3 同样。",
      forms=[YUEYANGLOU_FORM])
def assessment_complete(context: CheckContext) -> Iterator[Finding]:
    evaluation = context.evaluation
    tables: list[tuple[str, str, UnitSelfAssessment | ProjectAssessment]] = [
        ("self_assessment", "附件2", evaluation.self_assessment)]
    tables += [(f"projects[{i}]", f"附件3“{p.name}”", p) for i, p in enumerate(evaluation.projects)]
    for path, label, table in tables:
        missing = [name for name, present in (
            ("全年执行数", table.funds.actual is not None),
            ("年度总体目标", bool(table.goals)),
            ("绩效指标", bool(table.indicators)),
        ) if not present]
        if missing:
            yield assessment_complete.finding(f"{label}缺少：{'、'.join(missing)}", path)


RULES: tuple[Rule, ...] = (
    required_sections, results_disclosure, grade_matches_score, title_identity, sign_off,
    assessment_complete,
)
