"""Every template's guided workbook: written blank, filled from its example, read back; data
entered once is printed by every form; every input error of a run at once; typed spellings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]
import pytest
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.io.errors import InputError
from jixiao.io.load import load_evaluation
from jixiao.io.workbook.blocks import TableBlock
from jixiao.io.workbook.layout import workbook_layout
from jixiao.io.workbook.writer import write_workbook
from jixiao.model import Evaluation, IndicatorNature
from jixiao.profiles.forms import prints_indicator_weights
from jixiao.render.html import render_html
from jixiao.render.report import prepare
from jixiao.render.spec import load_template

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SHEETS = {
    "yueyanglou-2024": ["说明", "基本情况", "支出情况", "附件1", "附件2", "附件3", "正文", "签字"],
    "dingcheng-2023": ["说明", "基本情况", "财务情况", "正文", "签字"],
    "yueyang-finance-2021": ["说明", "基本情况", "收支情况", "自评情况", "综述", "签字"],
    "national-project": ["说明", "基本情况", "项目自评表", "签字"],
}


def edit(path: Path, changes: dict[tuple[str, str], Any]) -> None:
    book = openpyxl.load_workbook(path)
    for (sheet, cell), value in changes.items():
        book[sheet][cell].value = value
    book.save(path)


def load_error(path: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_evaluation(path)
    return caught.value.describe().replace(f"{path}:", "").splitlines()


@pytest.mark.parametrize("template", sorted(SHEETS))
def test_jixiao_new_writes_the_workbook_of_every_template(tmp_path: Path, template: str) -> None:
    path = tmp_path / "填报.xlsx"
    result = CliRunner().invoke(app, ["new", "-o", str(path), "--template", template])
    assert (result.exit_code, result.output) == (0, f"已写出空白填报工作簿：{path}\n")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == SHEETS[template]
    assert book["基本情况"]["B8"].value == template
    assert load_error(path) == ["基本情况!B3: 年度：必须填写", "基本情况!B4: 单位基本情况：必须填写"]


def _projects_only(evaluation: Evaluation) -> Evaluation:
    """The national form's data: the unit and its 项目支出绩效自评表, nothing of the whole unit."""
    return Evaluation.model_validate({
        "year": evaluation.year, "template": "national-project", "profile": "national-2020",
        "unit": {"name": evaluation.unit.name}, "projects": evaluation.projects,
        "sign_off": evaluation.sign_off})


@pytest.mark.parametrize(("example", "template"), [
    ("dongting-2023.yaml", "yueyanglou-2024"),
    ("dingcheng-zhengfuban-2023.yaml", "dingcheng-2023"),
    ("chenglingji-dangqun-2021.yaml", "yueyang-finance-2021"),
    ("dongting-2023.yaml", "national-project"),
])
def test_a_workbook_written_from_the_example_reads_back_the_same(
        tmp_path: Path, example: str, template: str) -> None:
    evaluation = load_evaluation(EXAMPLES / example).evaluation
    if template == "national-project":
        evaluation = _projects_only(evaluation)
    path = tmp_path / "book.xlsx"
    write_workbook(path, evaluation, template)
    assert openpyxl.load_workbook(path).sheetnames == SHEETS[template]
    assert load_evaluation(path).evaluation == evaluation


def test_a_yueyanglou_workbook_renders_its_figures_in_the_dingcheng_form(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    write_workbook(path, load_evaluation(EXAMPLES / "dongting-2023.yaml").evaluation,
                   "yueyanglou-2024")
    edit(path, {("基本情况", "B8"): "dingcheng-2023"})
    evaluation = load_evaluation(path).evaluation
    html = render_html(prepare(evaluation, load_template(evaluation.template)))
    assert ("按支出性质分类：基本支出132.71万元（人员经费114.24万元，公用经费18.47万元），"
            "项目支出49.55万元") in html
    assert "2．人员情况，编制数10人，实有人数9人。" in html


def test_a_dingcheng_workbook_renders_its_figures_in_the_yueyanglou_form(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    write_workbook(path, None, "dingcheng-2023")
    edit(path, {("基本情况", "B3"): 2023, ("基本情况", "B4"): "某局", ("财务情况", "B4"): 1586.42,
                ("财务情况", "B5"): 1400, ("财务情况", "B6"): 186.42, ("财务情况", "B7"): 300.5})
    evaluation = load_evaluation(path).evaluation
    html = render_html(prepare(evaluation, load_template("yueyanglou-2024")))
    assert "2023年我单位基本支出为1586.42万元，其中：人员经费1400.00万元" in html


def test_staffing_is_entered_once_and_printed_in_the_body_and_in_annex_1(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    write_workbook(path, None, "yueyanglou-2024")
    edit(path, {("基本情况", "B3"): 2023, ("基本情况", "B4"): "某局", ("基本情况", "B13"): 12,
                ("基本情况", "B14"): 11})
    loaded = load_evaluation(path)
    staffing = loaded.evaluation.basic_data.staffing
    assert (str(staffing.authorized), str(staffing.actual)) == ("12人", "11人")
    assert loaded.source["basic_data.staffing.actual"].label() == "基本情况!B14"


def test_the_writer_refuses_two_values_of_a_figure_entered_once(tmp_path: Path) -> None:
    evaluation = load_evaluation(EXAMPLES / "dongting-2023.yaml").evaluation
    staffing = evaluation.basic_data.staffing.model_copy(update={"authorized": None})
    changed = evaluation.model_copy(update={"basic_data": evaluation.basic_data.model_copy(
        update={"staffing": staffing})})
    write_workbook(tmp_path / "ok.xlsx", changed, "yueyanglou-2024")  # one place empty: fine
    unit = evaluation.unit.model_copy(update={"staffing": evaluation.unit.staffing.model_copy(
        update={"authorized": evaluation.unit.staffing.actual})})
    with pytest.raises(InputError) as caught:
        write_workbook(tmp_path / "x.xlsx", evaluation.model_copy(update={"unit": unit}),
                       "yueyanglou-2024")
    assert caught.value.describe() == (
        "填报工作簿中单位基本情况 › 人员情况 › 编制数与附件1 基础数据表 › 财政供养人员情况 › 编制数"
        "只填一次，而数据中两处不同（9、10）；请先统一，或改用 YAML")


def test_every_input_error_of_a_workbook_is_listed_in_one_run(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    write_workbook(path, None, "dingcheng-2023")
    edit(path, {("基本情况", "B3"): "二〇二三", ("基本情况", "B14"): "十人",
                ("财务情况", "B4"): "一千", ("财务情况", "A5"): "人员经费合计",
                ("签字", "B3"): None})
    assert load_error(path) == [
        "基本情况!B3: “二〇二三”不是一个年份（如 2023 或“2023年”）",
        "基本情况!B4: 单位基本情况：必须填写",
        "基本情况!B14: “十人”不是一个数值",
        "财务情况!B4: “一千”不是一个数值",
        "财务情况!A5: 无法识别的行“人员经费合计”（请勿修改 A 列的项目名称）",
    ]


def test_keyboard_and_written_spellings_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    write_workbook(path, None, "yueyanglou-2024")
    edit(path, {("基本情况", "B3"): "2024年", ("基本情况", "B4"): "某局",
                ("支出情况", "B24"): "无",
                **{("附件2", f"{column}29"): value for column, value in zip(
                    "ABCDEFG", ("产出指标", "数量指标", "户数", ">=", "30户", "32户", 10), strict=True)},
                **{("附件2", f"{column}30"): value for column, value in zip(
                    "ABCDEFG", ("产出指标", "成本指标", "成本", "<=", "16.00万元", "15万元", 10), strict=True)}})
    evaluation = load_evaluation(path).evaluation
    assert evaluation.year == 2024
    assert evaluation.finances.government_fund.has_expenditure is False
    assert [indicator.nature for indicator in evaluation.self_assessment.indicators] == [
        IndicatorNature.AT_LEAST, IndicatorNature.AT_MOST]


@pytest.mark.parametrize(("typed", "year"), [("2024年", 2024), ("2024年度", 2024), (" 2023 ", 2023)])
def test_a_year_is_read_as_reports_write_it(typed: str, year: int) -> None:
    assert Evaluation.model_validate({"year": typed, "unit": {"name": "某局"}}).year == year


def test_a_project_amount_is_entered_once_for_the_body_and_annex_1(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    write_workbook(path, load_evaluation(EXAMPLES / "dongting-2023.yaml").evaluation,
                   "yueyanglou-2024")
    sheet = openpyxl.load_workbook(path)["附件1"]
    title = next(row for row in range(1, 60) if sheet[f"A{row}"].value == "【区级专项（一个专项一行）】")
    rows = range(title + 2, title + 8)
    assert [(sheet[f"A{row}"].value, sheet[f"D{row}"].value) for row in rows] == [
        ("城乡社区支出", None), ("应急工作专项", None), ("医疗保险", None),
        ("事业单位基本养老保险", None), ("公积金支出", None), ("工伤保险", None)]
    loaded = load_evaluation(path)
    items = loaded.evaluation.basic_data.projects.district_special_items
    assert [item.actual.written if item.actual else None for item in items] == [
        "42.47", "5.00", "0.71", "0.67", "0.54", "0.17"]
    assert loaded.source["basic_data.projects.district_special_items[0].actual"].label() == (
        "支出情况!B21")


def test_annex_1_staffing_rows_of_an_earlier_workbook_are_still_read(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    write_workbook(path, load_evaluation(EXAMPLES / "dongting-2023.yaml").evaluation,
                   "yueyanglou-2024")
    book = openpyxl.load_workbook(path)
    sheet = book["附件1"]
    sheet.insert_rows(3, 2)  # the rows 编制数 and 实际在职人数 that 附件1 had before
    sheet["A3"], sheet["B3"], sheet["A4"], sheet["B4"] = "编制数", 11, "实际在职人数", 9
    book.save(path)
    loaded = load_evaluation(path)
    staffing = loaded.evaluation.basic_data.staffing
    assert (str(staffing.authorized), str(staffing.actual), str(staffing.stated_control_rate)) == (
        "11人", "9人", "90%")
    assert loaded.source["basic_data.staffing.authorized"].label() == "附件1!B3"


def test_the_finance_workbook_has_rows_for_three_of_the_summary_and_the_reviewers_title(tmp_path: Path) -> None:
    """The 财政局 form prints 三、专项组织实施情况 apart from 二's 专项支出, and the 评价人员's
    职务/职称: each has its row; the other forms' 签字 sheets keep their four."""
    evaluation = load_evaluation(EXAMPLES / "chenglingji-dangqun-2021.yaml").evaluation
    path = tmp_path / "book.xlsx"
    write_workbook(path, evaluation, "yueyang-finance-2021")
    book = openpyxl.load_workbook(path)
    summary = [row[0] for row in book["综述"].iter_rows(values_only=True) if row[0]]
    assert summary[2:] == ["专项支出", "部门（单位）专项组织实施情况", "部门（单位）整体支出绩效情况", "存在的主要问题",
                           "改进措施和有关建议"]
    assert next(row for row in book["综述"].iter_rows(values_only=True) if row[0] == "部门（单位）专项组织实施情况")[
        1].startswith("（一）专项组织情况分析\n支出符合国家财经法规")
    signatures = [row[:2] for row in book["签字"].iter_rows(values_only=True) if row[0]][2:]
    assert signatures == [("单位负责人", None), ("填表人", "王焱"), ("职务/职称", "科员"), ("联系电话", "18821880734"),
                          ("填报日期", "2022年6月21日")]
    other = tmp_path / "other.xlsx"
    write_workbook(other, None, "dingcheng-2023")
    assert [row[0] for row in openpyxl.load_workbook(other)["签字"].iter_rows(values_only=True) if row[0]][2:] == [
        "单位负责人", "填表人", "联系电话", "填报日期"]


@pytest.mark.parametrize("template", sorted(SHEETS))
def test_a_workbook_asks_for_unit_weights_exactly_where_the_model_does(template: str) -> None:
    """The 财政局 form's 定量目标 have no 分值: its workbook takes a row without one, as the model
    does; every other workbook refuses it at its cell."""
    blocks = [block for sheet in workbook_layout(template).sheets for block in sheet.blocks
              if isinstance(block, TableBlock) and block.path == "self_assessment.indicators"]
    assert [block.weighted for block in blocks] == (
        [prints_indicator_weights(template)] if template != "national-project" else [])
