"""Extracting a recognised report into the evaluation, checking it with the rule catalogue, and
importing it as YAML."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from jixiao.audit import audit_file
from jixiao.documents import Cell, read_document
from jixiao.extract.evaluation.check import catalogue_findings, evaluation_findings
from jixiao.extract.evaluation.extract import extract_evaluation
from jixiao.extract.evaluation.fields import Fields
from jixiao.extract.evaluation.importing import import_report, import_yaml, write_import
from jixiao.extract.evaluation.rows import Row
from jixiao.extract.evaluation.tables import AssessmentReader
from jixiao.findings import Place
from jixiao.io.load import load_evaluation
from jixiao.io.plain import plain_data

ROOT = Path(__file__).parents[2]
REPORTS = ROOT / "tests" / "data" / "reports"
DONGTING = REPORTS / "dongting-2023.txt"


def _flat(data: Any, path: str = "") -> dict[str, Any]:
    if isinstance(data, dict):
        return {key: value for name, item in data.items()
                for key, value in _flat(item, f"{path}.{name}" if path else name).items()}
    if isinstance(data, list):
        return {key: value for index, item in enumerate(data)
                for key, value in _flat(item, f"{path}[{index}]").items()}
    return {path: data}


def test_dongting_extraction_equals_the_hand_transcription_where_the_report_states_it() -> None:
    extracted = extract_evaluation(read_document(DONGTING))
    assert extracted.evaluation is not None
    got = _flat(plain_data(extracted.evaluation))
    reference = _flat(plain_data(load_evaluation(ROOT / "examples" / "dongting-2023.yaml").evaluation))
    # 指标性质 is not a column of this form (it is read only where a target carries its sign, ≥95%):
    # the transcription adds it. The transcription abridges the narrative sections.
    left_out = [key for key in reference if key not in got]
    assert all(key.endswith(".nature") or key.startswith("narrative.") for key in left_out), left_out
    compared = [key for key in got if not key.startswith("narrative.")]
    assert len(compared) == 196  # the three 无…预算 sections read as has_expenditure false
    assert {key: got[key] for key in compared} == {key: reference[key] for key in compared}


def test_dongting_figures_keep_their_places() -> None:
    document = read_document(DONGTING)
    source = extract_evaluation(document).source
    for path, line, text in [
        ("self_assessment.stated_total_score", 406, "99"),
        ("self_assessment.stated_total_weight", 405, "100"),
        ("self_assessment.funds.initial_budget", 186, "142.64"),
        ("self_assessment.by_nature.projects", 203, "70.83"),
        ("self_assessment.indicators[7].stated_score", 319, "5"),
        ("basic_data.staffing.stated_control_rate", 15, "90%"),
        ("basic_data.projects.district_special_items[5].name", 97, "工伤保险"),
        ("finances.general_budget.basic.personnel.stated_share", 791, "86.08"),
        ("finances.general_budget.projects.items[0].name", 793, "应急工作专项"),
        ("unit.departments[3]", 788, "安置保障科"),
        ("unit.stated_department_count", 788, "四"),
        ("year", 781, "2023"),
    ]:
        place = source[path]
        assert (place.line, document.text[place.start:place.end]) == (line, text), path


def test_dongting_missing_fields_are_section_nine_ten_austerity_and_the_sign_off() -> None:
    extracted = extract_evaluation(read_document(DONGTING))
    assert [(field.path, field.title) for field in extracted.missing] == [
        ("narrative.results.stated_score", "报告正文 › 九、自评结果拟应用和公开情况 › 自评得分"),
        ("narrative.results.stated_grade", "报告正文 › 九、自评结果拟应用和公开情况 › 评价等次"),
        ("narrative.results.publication", "报告正文 › 九、自评结果拟应用和公开情况 › 公开情况"),
        ("narrative.results.application", "报告正文 › 九、自评结果拟应用和公开情况 › 结果应用"),
        ("narrative.other", "报告正文 › 十、其他需要说明的情况"),
        ("basic_data.austerity_measures", "附件1 基础数据表 › 厉行节约保障措施"),
        ("projects", "附件3 项目支出绩效自评表"),  # the blank form, filled with “/”
        ("sign_off.head", "签字栏 › 单位负责人"), ("sign_off.preparer", "签字栏 › 填表人"),
        ("sign_off.phone", "签字栏 › 联系电话"), ("sign_off.date", "签字栏 › 填报日期")]


def test_the_catalogue_finds_the_total_of_99_against_rows_adding_to_93() -> None:
    findings = catalogue_findings(extract_evaluation(read_document(DONGTING)))
    total = next(finding for finding in findings if finding.code == "JX-SCORE-002")
    assert total.message == "附件2自评得分合计 99分 与各项得分之和 93分 不一致（相差 6分）"
    assert (total.where.line, total.where.start, total.where.end) == (406, 2328, 2330)
    assert (total.stated, total.expected) == ("99", "93")


def test_one_relation_one_finding_in_the_whole_audit() -> None:
    audit = audit_file(DONGTING)
    assert audit.template == "yueyanglou-2024"
    at_total = [finding.code for finding in audit.findings if finding.where.start == 2328]
    assert at_total == ["JX-SCORE-002"]  # the catalogue's, as on the data; JX-TABLE-002 is dropped
    assert [(finding.code, finding.severity.value, finding.where.line) for finding in evaluation_findings(
        read_document(DONGTING))] == [
        ("JX-SUM-002", "info", 793), ("JX-SUM-006", "info", 70), ("JX-SCORE-002", "error", 406),
        ("JX-SCORE-003", "error", 405), ("JX-SCORE-004", "error", 327), ("JX-SAME-001", "warning", 203),
        ("JX-CTRL-001", "warning", 55),
        ("JX-CTRL-001", "warning", 110), ("JX-CTRL-001", "warning", 130)]


def test_control_rate_of_100_against_7_of_8_staff() -> None:
    document = read_document(REPORTS / "chenglingji-yueyanglou-2024.txt")
    assert document.text.splitlines()[27].count("人员编制 8 人") == 1
    findings = evaluation_findings(document)
    assert [(f.code, f.severity.value, f.stated) for f in findings] == [
        ("JX-RATE-001", "info", "12.58"), ("JX-RATE-001", "info", "2.43"), ("JX-RATE-003", "error", "100")]
    rate = findings[2]
    assert rate.message == "财政供养人员控制率（报告） 100% 与实际在职人数 7人 ÷ 编制数 8人 = 87.50% 不一致"
    assert (rate.where.line, document.text[rate.where.start:rate.where.end]) == (28, "100")
    assert [(term.label, term.value, term.where.line) for term in rate.terms] == [
        ("实际在职人数", "7", 28), ("编制数", "8", 28)]


def test_the_finance_bureau_form() -> None:
    extracted = extract_evaluation(read_document(REPORTS / "chenglingji-dangqun-2021.txt"))
    data = extracted.data
    assert (data["year"], data["unit"]["name"], data["unit"]["code"]) == (2021, "党群工作部", "999236")
    assert [account["name"] for account in data["finances"]["org_accounts"]] == ["局机关及二级机构汇总", "局机关"]
    summary = data["finances"]["org_accounts"][0]
    assert {key: summary[key].written for key in ("income_total", "expenditure_total", "surplus_current",
                                                  "three_public_total")} == {
        "income_total": "87.2217", "expenditure_total": "85.33", "surplus_current": "1.89",
        "three_public_total": "2.5285"}
    assert (data["narrative"]["results"]["stated_score"].written,
            data["narrative"]["results"]["stated_grade"]) == ("97", "优")
    assert [(field.path, field.title) for field in extracted.missing] == [("sign_off.head", "部门（单位）负责人")]


def test_the_dingcheng_form() -> None:
    extracted = extract_evaluation(read_document(REPORTS / "dingcheng-zhengfuban-2023.txt"))
    assert extracted.evaluation is not None
    breakdown = extracted.evaluation.finances.breakdown
    assert breakdown is not None
    assert [(line.name, line.amount.written if line.amount else None) for line in breakdown.by_function] == [
        ("一般公共服务支出", "3079.74"), ("社会和保障就业支出", "191.27"), ("卫生健康支出", "43.95"),
        ("节能环保支出", "23"), ("金融支出", "10")]
    changes = extracted.evaluation.finances.three_public_year_on_year
    assert [(line.name, line.stated_change.value if line.stated_change else None) for line in changes] == [
        ("公务用车运行费", Decimal("-26.97")), ("公务接待费", Decimal("-1.8"))]
    results = extracted.evaluation.narrative.results
    assert (results.stated_score.written if results.stated_score else None, results.stated_grade) == ("100", "优")
    assert evaluation_findings(read_document(REPORTS / "dingcheng-zhengfuban-2023.txt")) == ()


def test_an_import_is_loadable_and_says_what_is_missing(tmp_path: Path) -> None:
    result = import_report(DONGTING)
    out = tmp_path / "evaluation.yaml"
    write_import(result, out)
    text = out.read_text("utf-8")
    assert text.splitlines()[:4] == [
        "# 由 jixiao import 从 dongting-2023.txt 读出（报告模板：yueyanglou-2024）。",
        "# 数值按报告原样写出，未作任何更正、补全或计算。",
        "# 报告中未能读出以下内容，请补充后再运行 jixiao check：",
        "#   - 报告正文 › 九、自评结果拟应用和公开情况 › 自评得分（narrative.results.stated_score）"]
    loaded = load_evaluation(out).evaluation
    assert result.evaluation is not None
    assert loaded == result.evaluation


def test_an_import_without_year_or_unit_writes_what_exists(tmp_path: Path) -> None:
    report = tmp_path / "报告.txt"
    report.write_text("单位整体支出绩效自评报告\n一、单位基本情况\n人员编制数10人，实有人数9人。\n"
                      "二、一般公共预算支出情况\n三、政府性基金预算支出情况\n", encoding="utf-8")
    result = import_report(report)
    assert result.template == "yueyanglou-2024"
    assert result.evaluation is None and not result.complete
    assert [field.title for field in result.missing[:2]] == ["年度", "单位基本情况 › 预算单位名称"]
    text = import_yaml(result)
    assert "#   - 年度（year）" in text
    assert "year:" not in text and "name:" not in text
    assert "  staffing:\n    authorized: 10\n    actual: 9\n" in text


def test_a_project_table_from_a_region_without_a_profile_is_not_held_to_the_national_weights() -> None:
    # 预算执行率 weighs 20 here, not the national 10; 年度总体目标 is left blank, so the
    # indicator header follows it at once. The table itself is consistent (20 + 50 + 30 = 100,
    # 16.7 + 50 + 28 = 94.7): the only finding is the missing 偏差原因 of the row that lost points.
    audit = audit_file(ROOT / "tests" / "data" / "forms" / "project-table-execution-20.txt")
    assert audit.template == "national-project"
    assert [(f.code, f.severity.value, f.where.line, f.message) for f in audit.findings] == [
        ("JX-SCORE-008", "warning", 56,
         "附件3“乡村道路维护”指标“通行条件改善”得分 28 低于分值 30，但未填写偏差原因分析")]
    extracted = extract_evaluation(read_document(ROOT / "tests" / "data" / "forms" / "project-table-execution-20.txt"))
    project = extracted.data["projects"][0]
    assert "goals" not in project
    assert [(row["level1"], row["weight"].written, row["stated_score"].written) for row in project["indicators"]] == [
        ("产出指标", "50", "50"), ("效益指标", "30", "28")]


def test_catalogue_findings_on_a_report_quote_the_row_or_line_they_stand_on() -> None:
    dangqun = evaluation_findings(read_document(REPORTS / "chenglingji-dangqun-2021.txt"))
    assert [(f.code, f.where.line, f.evidence) for f in dangqun] == [("JX-CTRL-002", 24, "人员编制 3 实有人数 6")]
    yueyanglou = evaluation_findings(read_document(REPORTS / "chenglingji-yueyanglou-2024.txt"))
    rate = next(f for f in yueyanglou if f.code == "JX-RATE-003")
    assert rate.evidence.startswith("1、预算配置情况评价分析根据岳阳楼区编制部门文件规定")
    assert rate.evidence.endswith("财政供养人员控制率为 100%。")


def test_a_section_nine_read_in_full_without_a_score_is_reported() -> None:
    audit = audit_file(REPORTS / "xitang-2024.txt")
    doc = [f for f in audit.findings if f.code == "JX-DOC-002"]
    assert [(f.severity.value, f.message, f.where.line, f.evidence) for f in doc] == [
        ("error", "第九部分“自评结果拟应用和公开情况”未写明：自评得分", 85,
         "已按相关要求及时进行预决算公开及整体支出绩效自评的公开。")]
    (overrun,) = [f for f in audit.findings if f.code == "JX-TEXT-011"]
    assert (overrun.severity.value, overrun.kind, overrun.stated, overrun.expected, overrun.where.line) == (
        "warning", "control", "3383.13", "0", 53)
    assert overrun.message == "项目支出实际支出 3383.13万元 超过预算 0万元，须说明原因"
    assert [(t.label, t.value) for t in overrun.terms] == [("项目支出预算", "0")]
    for name in ("chenglingji-yueyanglou-2024.txt", "dongting-2023.txt"):  # a score; a section not read
        assert [f for f in audit_file(REPORTS / name).findings if f.code == "JX-DOC-002"] == []



def _row(*texts: str) -> Row:
    return Row(tuple(Cell(text, Place(table=0, col=col)) for col, text in enumerate(texts)), paragraph=False)


def test_a_funds_row_that_lost_its_last_cell_is_read_by_its_rate() -> None:
    # The row's 得分 is empty and the extraction dropped it: counted from the right, its 分值
    # would stand under 执行率; its one figure in % puts it under its header.
    reader = AssessmentReader(Fields(), "self_assessment", project=False)
    reader.read((_row("预算资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"),
                 _row("年度资金总额", "329.77", "329.77", "338.31", "10", "102.59%")))
    values = {path: number.written for path, number in reader.fields.values.items()}
    assert values == {"self_assessment.funds.initial_budget": "329.77",
                      "self_assessment.funds.full_year_budget": "329.77",
                      "self_assessment.funds.actual": "338.31", "self_assessment.funds.weight": "10",
                      "self_assessment.funds.stated_execution_rate": "102.59"}
