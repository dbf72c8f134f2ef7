"""The attachment workbook: forms as stated, computed figures as formulas whose cached values are
the scorecard's, recalculated alike by LibreOffice."""

from __future__ import annotations

import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from render_builders import consistent_evaluation

from jixiao.audit import audit_file
from jixiao.cli.batch import check_file
from jixiao.cli.check_view import as_text
from jixiao.documents.xlsx_reader import read_xlsx_document
from jixiao.extract.evaluation.extract import extract_evaluation
from jixiao.io.load import load_evaluation
from jixiao.model import Evaluation, FundsLine, ProjectAssessment, ProjectFunds
from jixiao.profiles import Profile, load_profile
from jixiao.render.outputs import render_file
from jixiao.render.spec import load_template
from jixiao.render.xlsx import project_sheet_name, write_attachments
from jixiao.scoring import Scorecard, named_target, score_evaluation

EXAMPLE = Path(__file__).parents[2] / "examples" / "dongting-2023.yaml"
FINANCE_EXAMPLE = EXAMPLE.with_name("chenglingji-dangqun-2021.yaml")
UNIT = "附件2 单位整体支出绩效自评表"
CHECKS = "计算校核"
RECALCULATE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">
<value>0</value></prop></item>
</oor:items>
"""
"""LibreOffice keeps an xlsx file's cached results unless told to recalculate on load."""


@pytest.fixture(scope="module")
def scored() -> tuple[Evaluation, Profile, Scorecard]:
    evaluation = load_evaluation(EXAMPLE).evaluation
    profile = load_profile(evaluation.profile)
    return evaluation, profile, score_evaluation(evaluation, profile)


@pytest.fixture(scope="module")
def workbook(scored: tuple[Evaluation, Profile, Scorecard], tmp_path_factory: pytest.TempPathFactory) -> Path:
    evaluation, profile, scorecard = scored
    out = tmp_path_factory.mktemp("attachments") / "附件.xlsx"
    assert write_attachments(evaluation, scorecard, profile, out) == out
    return out


def checks(path: Path) -> dict[str, tuple[Any, Any, Any]]:
    """计算校核 as read with cached values: label → (对照值, 计算值, 差额)."""
    sheet = openpyxl.load_workbook(path, data_only=True)[CHECKS]
    return {row[0]: (row[1], row[2], row[3]) for row in sheet.iter_rows(min_row=2, values_only=True)
            if row[2] is not None or row[1] is not None}


def close(cached: Any, expected: Decimal) -> bool:
    """A double read back from the file against the exact value (the cache holds 28 digits)."""
    return abs(Decimal(repr(cached)) - expected) <= abs(expected) * Decimal("1e-15")


def recalculated(path: Path, tmp_path: Path) -> Path:
    """The workbook after LibreOffice recalculated every formula and saved it again."""
    profile = tmp_path / "profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(RECALCULATE, encoding="utf-8")
    out = tmp_path / "recalculated"
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                    "--convert-to", "xlsx", "--outdir", str(out), str(path)], check=True, capture_output=True,
                   timeout=120)
    return out / path.name


def test_sheets_are_the_attachments_then_the_checks(workbook: Path) -> None:
    assert openpyxl.load_workbook(workbook).sheetnames == [
        "附件1 基础数据表", UNIT, "附件3 项目支出绩效自评表", CHECKS]


def test_forms_keep_what_the_unit_stated(workbook: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    unit = book[UNIT]
    total = next(row for row in unit.iter_rows() if row[0].value == "总分")
    assert [(cell.value, cell.number_format) for cell in total[6:8]] == [(100, "General"), (99, "General")]
    funds = next(row for row in unit.iter_rows() if row[1].value == "年度资金总额")
    assert [cell.value for cell in funds[3:9]] == [142.64, 203.54, 203.54, 10, 100, 10]
    assert funds[7].number_format == '0"%"'
    basic = book["附件1 基础数据表"]
    assert [cell.value for cell in basic[5][1:4]] == [10, 9, 90]
    emergency = next(row for row in basic.iter_rows() if row[0].value == "应急工作专项")
    assert (emergency[3].value, emergency[3].number_format) == (5, "0.00")  # written 5.00
    not_applicable = next(row for row in unit.iter_rows() if row[2].value == "生态效益指标")
    assert [cell.value for cell in not_applicable[3:8]] == ["不适用", "不适用", "不适用", None, None]
    assert all(cell.data_type != "f" for sheet in book.worksheets[:3] for row in sheet.iter_rows()
               for cell in row)


def test_cached_values_are_the_scorecards(workbook: Path, scored: tuple[Evaluation, Profile, Scorecard]) -> None:
    _, _, scorecard = scored
    table, found = scorecard.unit_table, checks(workbook)
    derived = {figure.key: figure.value / 100 for figure in scorecard.derived}
    assert close(found["财政供养人员控制率"][1], derived["staffing.basic_data"])
    assert close(found["公用经费 决算/预算"][1], derived["public_funds.control"])
    assert close(found["政府采购金额 决算/预算"][1], derived["procurement.execution"])
    assert close(found["执行率"][1], (table.execution_rate or Decimal(0)) / 100)
    assert close(found["预算调整率"][1], derived["funds.adjustment_rate"])
    assert found["执行率得分"][1] == table.execution_score == 10
    for block in table.blocks:
        assert found[f"{block.name} 各行分值之和"][1] == block.stated_weight
        assert found[f"{block.name} 各行得分之和"][1] == block.stated_score
    assert found["效益指标 各行分值之和"] == (30, 24, 6)
    assert found["总分（分值）"] == (100, table.weight_total, 6) == (100, 94, 6)
    assert found["总分（自评得分）"] == (99, table.stated_score_sum, 6) == (99, 93, 6)
    assert found["总分（按评分规则）"][1] == table.rule_total == 93
    assert found["评价等次"][1] == table.grade == "优"
    assert found["3、区级专项资金（一个专项一行） 本年决算数 = 明细之和"] == (49.55, 49.56, pytest.approx(-0.01))


def compare_with_libreoffice(workbook: Path, tmp_path: Path) -> int:
    """Assert every formula's cached value is what LibreOffice computes; the number compared."""
    cached = openpyxl.load_workbook(workbook, data_only=True)
    again = openpyxl.load_workbook(recalculated(workbook, tmp_path), data_only=True)
    formulas = openpyxl.load_workbook(workbook)[CHECKS]
    compared = 0
    for row in formulas.iter_rows():
        for cell in row:
            if cell.data_type != "f":
                continue
            mine, theirs = cached[CHECKS][cell.coordinate].value, again[CHECKS][cell.coordinate].value
            if isinstance(mine, float | int) and not isinstance(mine, bool):
                assert theirs == pytest.approx(mine, rel=1e-12), cell.coordinate
            else:
                assert (theirs or "") == (mine or ""), cell.coordinate
            compared += 1
    return compared


def test_libreoffice_recalculates_the_same_values(workbook: Path, tmp_path: Path) -> None:
    # every formula of 计算校核: 对照值, 计算值 and 差额 of each row
    assert compare_with_libreoffice(workbook, tmp_path) == 98


def test_a_project_under_banded_rules(scored: tuple[Evaluation, Profile, Scorecard], tmp_path: Path) -> None:
    evaluation, _, _ = scored
    unit = evaluation.self_assessment
    project = ProjectAssessment(
        name="城乡社区[专项]", supervising_department="区财政局", implementer=evaluation.unit.name,
        funds=ProjectFunds(initial_budget="100.00", full_year_budget="100.00", actual="75.00", weight="20",
                           stated_execution_rate="75", stated_score="15",
                           current_appropriation=FundsLine(initial_budget="100.00", full_year_budget="100.00",
                                                           actual="70.00"),
                           other=FundsLine(actual="5.00")),
        goals=unit.goals, indicators=unit.indicators, stated_total_weight="100", stated_total_score="95")
    evaluation = evaluation.model_copy(update={"projects": (project,)})
    profile = load_profile("provincial-banded-2024")
    scorecard = score_evaluation(evaluation, profile)
    out = write_attachments(evaluation, scorecard, profile, tmp_path / "附件.xlsx")
    book = openpyxl.load_workbook(out, data_only=True)
    assert book.sheetnames[2] == "附件3-1 城乡社区_专项_"
    sheet = book["附件3-1 城乡社区_专项_"]
    assert [cell.value for cell in sheet[3][:4]] == ["项目名称", None, None, "城乡社区[专项]"]
    rows = list(book[CHECKS].iter_rows(values_only=True))
    project_rows = rows[[row[0] for row in rows].index("附件3-1 城乡社区_专项_：资金"):]
    found = {row[0]: row[1:4] for row in project_rows}
    table = scorecard.projects[0]
    assert found["执行率"] == (0.75, 0.75, 0)
    assert found["执行率得分"] == (15, 12, 3) and table.execution_score == 12  # 70-85%: 60% of 20
    assert found["项目资金全年执行数 = 当年财政拨款 + 上年结转资金 + 其他资金"] == (75, 75, 0)
    assert found["总分（按评分规则）"][1] == pytest.approx(float(table.rule_total))
    assert compare_with_libreoffice(out, tmp_path) > 98


def test_an_edited_score_updates_the_totals(workbook: Path, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    unit = book[UNIT]
    cost = next(row for row in unit.iter_rows() if row[3].value == "总成本控制")
    cost[7].value = 6  # a reviewer gives the lost point back
    edited = tmp_path / "改后.xlsx"
    book.save(edited)
    found = checks(recalculated(edited, tmp_path))
    assert found["产出指标 各行得分之和"][1] == 50
    assert found["总分（自评得分）"] == (99, 94, 5)
    assert found["总分（按评分规则）"][1] == 94


def test_project_sheets_are_named_within_excels_limits() -> None:
    assert project_sheet_name(1, "城乡社区[专项]/维护:经费") == "附件3-1 城乡社区_专项__维护_经费"
    assert len(project_sheet_name(12, "很长的项目名称" * 10)) == 31


def test_checking_the_workbook_finds_the_datas_score_errors(workbook: Path) -> None:
    """The rule catalogue judges the recognised 附件2 as it judges the data: same codes, same
    figures; the table reader's findings on the same cells are not repeated."""
    found = [(f.code, f.stated, f.expected, f.message, f.where.label()) for f in audit_file(workbook).findings
             if f.code.startswith(("JX-SCORE-", "JX-TABLE-"))]
    sheet = "附件2 单位整体支出绩效自评表"
    assert found == [
        ("JX-SCORE-004", "30", "24", "附件2效益指标分值合计 24 与评分规则规定的 30 不一致（不适用指标的分值未重新分配）",
         f"{sheet}!B25"),
        ("JX-SCORE-003", "100", "94", "附件2分值合计 100 与各项分值之和 94 不一致", f"{sheet}!G32"),
        ("JX-SCORE-002", "99", "93", "附件2自评得分合计 99分 与各项得分之和 93分 不一致（相差 6分）", f"{sheet}!H32")]


def test_the_workbook_s_control_observations_stand_at_their_cells(workbook: Path) -> None:
    """附件1's amounts are read under its header's columns though every row of the sheet runs on
    into blank columns; each observation points at its sheet and cell, in JSON and in text."""
    controls = [(f.stated, f.expected, f.where.label()) for f in audit_file(workbook).findings
                if f.code == "JX-CTRL-001"]
    assert controls == [("49.55", "0", "附件1 基础数据表!D13"), ("18.47", "16.2", "附件1 基础数据表!D24"),
                        ("15.77", "2.05", "附件1 基础数据表!D28")]
    text = as_text(check_file(workbook))
    assert f"{workbook}:附件1 基础数据表!D24: JX-CTRL-001 警告: 附件1 公用经费本年决算数 18.47万元 超过本年预算数 16.2万元，" \
           "控制率 114.01%" in text


def test_checking_the_workbook_of_consistent_data_finds_no_error(tmp_path: Path) -> None:
    evaluation = consistent_evaluation(personnel=Decimal("12.34"), public=Decimal("5.67"),
                                       items=(Decimal("3.21"), Decimal("4.5")), qualitative=27)
    profile = load_profile(evaluation.profile)
    path = write_attachments(evaluation, score_evaluation(evaluation, profile), profile, tmp_path / "附件.xlsx")
    assert [(f.code, f.message) for f in audit_file(path).findings if f.severity.value != "info"] == []


def test_jixiao_check_reads_the_attachments_as_a_report_and_the_guided_workbook_as_data(workbook: Path) -> None:
    attachments = check_file(workbook)
    assert attachments.error is None
    assert ("JX-SCORE-002", "99", "93") in {(f.code, f.stated, f.expected) for f in attachments.findings}
    guided = check_file(Path(__file__).parents[2] / "examples" / "dongting-2023.xlsx")
    assert (guided.error, guided.format) == (None, "xlsx")
    assert ("JX-SCORE-002", "附件2!B19") in {(f.code, f"{f.where.sheet}!{f.where.cell}") for f in guided.findings}


def test_an_unexplained_budget_change_is_asked_for_under_the_form_and_found(workbook: Path) -> None:
    """The example's 附件2 changes 142.64 to 203.54 without a word: the row under the form asks
    for it, and checking the workbook finds it as checking the data does."""
    rows = read_xlsx_document(workbook).tables[1].texts()
    assert [row[:4] for row in rows if row[:1] == ("预算调整说明",)] == [("预算调整说明", "", "", "【未填写】")]
    found = [(f.code, f.stated, f.expected, f.where.label()) for f in audit_file(workbook).findings
             if f.code == "JX-EXEC-002"]
    assert found == [("JX-EXEC-002", "203.54", "142.64", "附件2 单位整体支出绩效自评表!E5")]  # 全年预算数


def test_the_workbook_of_the_yueyanglou_form_carries_its_body(tmp_path: Path) -> None:
    """正文 first, as the Word report prints it, so the body's relations are checked in the
    workbook too; a template whose attachments are other forms gets none."""
    example = load_evaluation(Path(__file__).parents[2] / "examples" / "dongting-2023.yaml").evaluation
    profile = load_profile(example.profile)
    sheets = {}
    for template in ("yueyanglou-2024", "dingcheng-2023"):
        out = tmp_path / f"{template}.xlsx"
        render_file(example, profile, load_template(template), None, out)
        sheets[template] = openpyxl.load_workbook(out, read_only=True).sheetnames
    assert sheets["yueyanglou-2024"][:2] == ["正文", "附件1 基础数据表"]
    assert sheets["dingcheng-2023"][0] == "附件1 基础数据表"
    body = read_xlsx_document(tmp_path / "yueyanglou-2024.xlsx").paragraphs
    assert [paragraph.text for paragraph in body[:2]] == [
        "2023年度岳阳市洞庭新城项目建设岳阳楼区工作部单位整体支出绩效自评报告", "一、单位基本情况"]


def test_a_form_without_unit_weights_prints_its_quantitative_targets_and_reads_them_back(tmp_path: Path) -> None:
    """The 财政局 form's 定量目标 has no 分值: the workbook prints its table as the Word form does
    (评价内容 over 一级 and 二级, 绩效目标, 完成情况; no 分值, 得分 or 总分, nor their sums on
    计算校核), and checking the workbook reads those rows back as that form's indicators."""
    evaluation = load_evaluation(FINANCE_EXAMPLE).evaluation
    profile = load_profile(evaluation.profile)
    path = write_attachments(evaluation, score_evaluation(evaluation, profile), profile, tmp_path / "附件.xlsx")
    rows = [row for row in read_xlsx_document(path).tables[1].texts() if any(row)]
    header = next(index for index, row in enumerate(rows) if row[0] == "整体支出绩效定量目标及实施计划完成情况")
    assert rows[header] == ("整体支出绩效定量目标及实施计划完成情况", "评价内容", "", "绩效目标", "", "", "", "完成情况", "")
    first = evaluation.self_assessment.indicators[0]
    assert rows[header + 1] == ("", first.level1, first.level2, named_target(first), "", "", "", first.actual, "")
    assert not any(cell.startswith("总分") for row in rows for cell in row)
    assert not any(label.startswith(("总分", "产出指标 各行分值")) for label in checks(path))
    extracted = extract_evaluation(read_xlsx_document(path))
    assert extracted.template == "yueyang-finance-2021"
    assert [(row.level1, row.level2, row.name, row.actual, row.weight)
            for row in extracted.checkable.self_assessment.indicators] == [
        (row.level1, row.level2, row.name, row.actual, None) for row in evaluation.self_assessment.indicators]


def test_the_workbook_takes_the_form_of_the_template_rendered_not_of_the_data(tmp_path: Path) -> None:
    """Rendering the 岳阳楼区 example (its indicators weighted) in the 财政局 form prints 附件2's
    indicators as that form's 定量目标, as its Word report does: the form chosen decides."""
    example = load_evaluation(EXAMPLE).evaluation
    path = tmp_path / "财政局.xlsx"
    render_file(example, load_profile(example.profile), load_template("yueyang-finance-2021"), None, path)
    rows = [row for row in read_xlsx_document(path).tables[1].texts() if any(row)]
    assert ("整体支出绩效定量目标及实施计划完成情况", "评价内容", "", "绩效目标", "", "", "", "完成情况", "") in rows
    assert not any(cell.startswith("总分") for row in rows for cell in row)
