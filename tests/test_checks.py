"""Each family of rules on small evaluations: exact codes, messages, values and places."""

from decimal import Decimal
from pathlib import Path

from builders import evaluation, full_marks_indicators, indicator
from jixiao.checks import INTERNAL_ERROR, catalogue, run_checks
from jixiao.checks.registry import Rule
from jixiao.findings import Finding, Place, Severity
from jixiao.io.load import load_evaluation
from jixiao.model import Evaluation
from jixiao.profiles import Profile, load_profile


def _by_code(case: Evaluation, code: str) -> list[Finding]:
    return [finding for finding in run_checks(case) if finding.code == code]


def _one(case: Evaluation, code: str) -> Finding:
    found = _by_code(case, code)
    assert len(found) == 1, [f.message for f in found]
    return found[0]


def _basic(total: str, personnel: str, public: str, share: str | None = None) -> dict[str, object]:
    personnel_line: dict[str, str] = {"amount": personnel}
    if share is not None:
        personnel_line["stated_share"] = share
    return {"general_budget": {"basic": {"total": total, "personnel": personnel_line,
                                         "public": {"amount": public}}}}


def test_a_consistent_evaluation_has_no_number_findings() -> None:
    codes = {finding.code for finding in run_checks(evaluation(finances=_basic(
        "132.71", "114.24", "18.47", "86.08")))}
    assert not {code for code in codes if code.startswith(("JX-SUM", "JX-RATE", "JX-SCORE"))}


def test_a_total_off_beyond_rounding_is_an_error_with_stated_expected_and_terms() -> None:
    found = _one(evaluation(finances=_basic("132.81", "114.24", "18.47")), "JX-SUM-001")
    assert (found.severity, found.stated, found.expected, found.expected_range) == (
        Severity.ERROR, "132.81", "132.71", ("132.7000", "132.7200"))
    assert found.message == "基本支出 132.81万元 与人员经费、公用经费之和 132.71万元 不一致（相差 0.10万元）"
    assert found.where == Place(path="finances.general_budget.basic.total")
    assert [(t.label, t.value, t.where.path) for t in found.terms] == [
        ("人员经费", "114.24", "finances.general_budget.basic.personnel.amount"),
        ("公用经费", "18.47", "finances.general_budget.basic.public.amount")]
    assert len(found.fingerprint) == 64


def test_a_total_off_within_rounding_is_only_info() -> None:
    found = _one(evaluation(finances=_basic("132.72", "114.24", "18.47")), "JX-SUM-001")
    assert (found.severity, found.message) == (
        Severity.INFO,
        "基本支出 132.72万元 与人员经费、公用经费之和 132.71万元 相差 0.01万元，在各数舍入误差之内")


def test_a_wrong_share_is_an_error() -> None:
    found = _one(evaluation(finances=_basic("132.71", "114.24", "18.47", "84.08")), "JX-RATE-001")
    assert (found.stated, found.expected) == ("84.08", "86.08")
    assert found.message == ("人员经费占基本支出比例 84.08% 与人员经费 114.24万元 ÷ 基本支出 132.71万元 "
                             "= 86.08% 不一致")


def test_a_truncated_share_is_only_info() -> None:
    found = _one(evaluation(finances=_basic("113.94", "14.34", "99.60", "12.58")), "JX-RATE-001")
    assert (found.severity, found.stated, found.expected) == (Severity.INFO, "12.58", "12.59")


def test_staffing_control_rate_counts_people_exactly() -> None:
    case = evaluation(unit={"name": "示例单位", "staffing": {
        "authorized": "8", "actual": "7", "stated_control_rate": "100"}})
    found = _one(case, "JX-RATE-003")
    assert (found.severity, found.stated, found.expected, found.where.path) == (
        Severity.ERROR, "100", "87.50", "unit.staffing.stated_control_rate")
    assert found.message == ("财政供养人员控制率（报告） 100% 与实际在职人数 7人 ÷ 编制数 8人 = 87.50% 不一致")


def test_total_score_against_the_sum_of_scores() -> None:
    case = evaluation(self_assessment={"stated_total_score": "99"})
    found = _one(case, "JX-SCORE-002")
    assert (found.stated, found.expected, found.message) == (
        "99", "100", "附件2自评得分合计 99分 与各项得分之和 100分 不一致（相差 1分）")


def test_a_score_above_its_weight() -> None:
    rows = full_marks_indicators()
    rows[0] = indicator("产出指标", "完成户数", "32户", "32户", "25", "26")
    found = _one(evaluation(self_assessment={"indicators": rows, "stated_total_score": "101"}),
                 "JX-SCORE-001")
    assert (found.message, found.where.path) == (
        "附件2指标“完成户数”得分 26 超过分值 25", "self_assessment.indicators[0].stated_score")


def test_a_quantitative_score_not_earned_and_its_missing_reason() -> None:
    rows = full_marks_indicators()
    rows[0] = indicator("产出指标", "完成户数", "32户", "16户", "25", "20")
    case = evaluation(self_assessment={"indicators": rows, "stated_total_score": "95"})
    assert _one(case, "JX-SCORE-005").message == (
        "附件2指标“完成户数”自评得分 20 与按完成度 50.00% 计算的 12.50 不一致")
    assert _one(case, "JX-SCORE-008").message == (
        "附件2指标“完成户数”得分 12.50 低于分值 25，但未填写偏差原因分析")


def test_weights_of_a_not_applicable_row_must_be_redistributed() -> None:
    rows = full_marks_indicators()
    rows[2] = indicator("效益指标", "招商投资", "1000万元", "1100万元", "24", "24")
    rows.append(indicator("效益指标", "不适用", "不适用", "不适用", None, None))
    case = evaluation(self_assessment={"indicators": rows, "stated_total_score": "94"})
    found = _one(case, "JX-SCORE-004")
    assert found.message == "附件2效益指标分值合计 24 与评分规则规定的 30 不一致（不适用指标的分值未重新分配）"
    assert _one(case, "JX-SCORE-003").message == "附件2分值合计 100 与各项分值之和 94 不一致"


def test_over_achievement_warns() -> None:
    rows = full_marks_indicators()
    rows[2] = indicator("效益指标", "招商投资", "1000万元", "1400万元", "30", "30")
    found = _one(evaluation(self_assessment={"indicators": rows}), "JX-SCORE-007")
    assert (found.severity, found.message) == (Severity.WARNING, (
        "附件2指标“招商投资”完成值 1400万元 是指标值 1000万元 的 140.00%，超过 130%，年度指标值可能偏低"))


def test_low_execution_needs_an_explanation_and_the_rule_score() -> None:
    case = evaluation(self_assessment={"funds": {
        "full_year_budget": "200.00", "actual": "150.00", "weight": "10",
        "stated_execution_rate": "75", "stated_score": "10"}})
    assert _one(case, "JX-EXEC-001").message == "附件2执行率 75.00% 低于 90%，未说明原因"
    assert _one(case, "JX-SCORE-006").message == "附件2预算执行率得分 10 与按执行率 75.00% 计算的 7.50 不一致"


def _scored_to(decimals: int) -> Profile:
    return load_profile("yueyanglou-2024").model_copy(update={"score_decimals": decimals})


def _executed_97_90(execution_score: str, row_score: str, total: str) -> Evaluation:
    """执行率 97.90% (rule score 9.79 of 10) and a row at 93% of 25 (rule score 23.25)."""
    rows = full_marks_indicators()
    rows[0] = indicator("产出指标", "完成户数", "100户", "93户", "25", row_score, reason="拆迁延期")
    funds = {"full_year_budget": "100.00", "actual": "97.90", "weight": "10",
             "stated_execution_rate": "97.90", "stated_score": execution_score}
    return evaluation(self_assessment={"funds": funds, "indicators": rows, "stated_total_score": total})


def test_stated_scores_are_judged_at_the_profile_precision_not_as_half_a_point() -> None:
    case = _executed_97_90("10", "23", "99")
    execution, row = _one(case, "JX-SCORE-006"), _one(case, "JX-SCORE-005")
    assert (execution.stated, execution.expected, execution.message) == (
        "10", "9.79", "附件2预算执行率得分 10 与按执行率 97.90% 计算的 9.79 不一致")
    assert (row.stated, row.expected, row.message) == (
        "23", "23.25", "附件2指标“完成户数”自评得分 23 与按完成度 93.00% 计算的 23.25 不一致")
    total = _one(case, "JX-SCORE-002")
    assert (total.stated, total.expected, total.expected_range, total.message) == (
        "99", "98", ("97.9950", "98.0050"), "附件2自评得分合计 99分 与各项得分之和 98分 不一致（相差 1分）")
    rule_total = _one(_executed_97_90("10", "23", "98"), "JX-SCORE-009")
    assert (rule_total.stated, rule_total.expected) == ("98", "98.04")


def test_stated_scores_agreeing_at_the_profile_precision_pass() -> None:
    case = _executed_97_90("9.790", "23.25", "98.04")
    assert not [f.code for f in run_checks(case) if f.code.startswith("JX-SCORE")]


def test_only_a_score_the_profile_rounds_is_given_its_interval() -> None:
    case = _executed_97_90("10", "25", "100")
    assert not [f.code for f in run_checks(case, _scored_to(0)) if f.code in ("JX-SCORE-006", "JX-SCORE-002")]
    assert [f.expected for f in run_checks(case, _scored_to(1)) if f.code == "JX-SCORE-006"] == ["9.8"]


def test_grade_must_match_score() -> None:
    case = evaluation(narrative={"results": {"stated_score": "85", "stated_grade": "优"}})
    found = _one(case, "JX-DOC-003")
    assert found.message == "评价等次“优”与自评得分 85 应得的“良”不符"


def test_year_and_unit_name_in_the_title() -> None:
    case = evaluation(title="2022年度某某单位整体支出绩效自评报告")
    assert [f.message for f in _by_code(case, "JX-DOC-004")] == [
        "报告标题“2022年度某某单位整体支出绩效自评报告”中的年度 2022 与自评年度 2023 不一致",
        "报告标题“2022年度某某单位整体支出绩效自评报告”中没有预算单位名称“示例单位”"]


def test_department_count_against_the_list() -> None:
    case = evaluation(unit={"name": "示例单位", "departments": ["综合科", "项目科"],
                            "stated_department_count": "3"})
    assert _one(case, "JX-SAME-004").message == "内设机构数 3 与所列机构 2 个（综合科、项目科）不一致"


def test_findings_take_their_place_from_the_source_map() -> None:
    case = evaluation(finances=_basic("132.81", "114.24", "18.47"))
    source = {"finances.general_budget.basic.total": Place(
        path="finances.general_budget.basic.total", sheet="支出情况", cell="C4"),
              "finances.general_budget.basic": Place(line=12)}
    found = next(f for f in run_checks(case, source=source) if f.code == "JX-SUM-001")
    assert (found.where.sheet, found.where.cell) == ("支出情况", "C4")
    assert found.terms[0].where.line == 12      # nearest ancestor with a place


def test_a_crashing_rule_becomes_a_finding_and_the_others_run() -> None:
    def explode(context: object) -> list[Finding]:
        raise ZeroDivisionError("division by zero")

    broken = Rule("JX-TEST-001", Severity.ERROR, "坏规则", "总是出错", explode)
    case = evaluation(finances=_basic("132.81", "114.24", "18.47"))
    findings = run_checks(case, rules=(broken, *catalogue()))
    assert findings[0].code == INTERNAL_ERROR
    assert findings[0].message == "规则 JX-TEST-001 运行出错：ZeroDivisionError: division by zero"
    assert any(f.code == "JX-SUM-001" for f in findings)


def test_fingerprints_are_stable_and_ignore_the_message() -> None:
    first = _one(evaluation(finances=_basic("132.81", "114.24", "18.47")), "JX-SUM-001")
    again = _one(evaluation(finances=_basic("133.81", "114.24", "18.47")), "JX-SUM-001")
    assert first.fingerprint == again.fingerprint
    assert Decimal(again.stated or "0") == Decimal("133.81")


def test_form_bound_rules_run_only_on_their_template() -> None:
    loaded = load_evaluation(Path(__file__).parents[1] / "examples" / "dingcheng-zhengfuban-2023.yaml")
    own_form = {finding.code for finding in run_checks(loaded.evaluation)}
    as_yueyanglou = loaded.evaluation.model_copy(update={"template": "yueyanglou-2024"})
    assert own_form == set()
    assert {f.code for f in run_checks(as_yueyanglou) if f.code.startswith("JX-DOC")} == {
        "JX-DOC-002", "JX-DOC-005", "JX-DOC-006"}


def test_weights_are_checked_only_where_the_form_prints_them() -> None:
    """The 财政局 form's 定量目标 have no 分值: no 分值合计 (JX-SCORE-003) nor 一级指标分值
    (JX-SCORE-004) to find in them; the same rows with 分值 in 岳阳楼区's 附件2 are found short."""
    rows = [indicator("产出指标", "开展活动", "50次", "50次", None, None),
            indicator("效益指标", "服务理念", "确立", "已完成", None, None)]
    finance = evaluation(template="yueyang-finance-2021", self_assessment={
        "indicators": rows, "stated_total_weight": None, "stated_total_score": None})
    assert [f.code for f in run_checks(finance) if f.code in ("JX-SCORE-003", "JX-SCORE-004")] == []
    weighted = [row | {"weight": "10", "stated_score": "10"} for row in rows]
    yueyanglou = evaluation(self_assessment={"indicators": weighted, "stated_total_weight": None,
                                             "stated_total_score": None})
    assert _one(yueyanglou, "JX-SCORE-003").message == "附件2各项分值之和为 30，不是 100"
    assert [f.message for f in _by_code(yueyanglou, "JX-SCORE-004")] == [
        "附件2产出指标分值合计 10 与评分规则规定的 50 不一致", "附件2效益指标分值合计 10 与评分规则规定的 30 不一致"]
