"""The guided workbook: round trips, the blank form, number formats, and every bad input."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]
import pytest

from jixiao.findings import Place
from jixiao.io.errors import InputError
from jixiao.io.load import load_evaluation
from jixiao.io.validate import validate_evaluation
from jixiao.io.workbook.reader import read_workbook
from jixiao.io.workbook.writer import write_workbook
from jixiao.model import Evaluation, YearOnYearLine

EXAMPLE = Path(__file__).parents[2] / "examples" / "dongting-2023.yaml"
HERE = Path(__file__).parent
TEMPLATE = "yueyanglou-2024"
SHEETS = ["说明", "基本情况", "支出情况", "附件1", "附件2", "附件3", "正文", "签字"]


@pytest.fixture
def rich() -> Evaluation:
    return load_evaluation(HERE / "rich.yaml").evaluation


@pytest.fixture
def book(tmp_path: Path, rich: Evaluation) -> Path:
    path = tmp_path / "book.xlsx"
    write_workbook(path, rich, TEMPLATE)
    return path


def edit(path: Path, changes: dict[tuple[str, str], Any]) -> None:
    """Change cells as a user would in Excel, keeping the cells' formats."""
    workbook = openpyxl.load_workbook(path)
    for (sheet, cell), value in changes.items():
        workbook[sheet][cell].value = value
    workbook.save(path)


def load_error(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        load_evaluation(path)
    return caught.value.describe()


@pytest.mark.parametrize("source", [HERE / "rich.yaml", EXAMPLE],
                         ids=lambda path: path.name)
def test_read_of_written_workbook_is_equal(tmp_path: Path, source: Path) -> None:
    evaluation = load_evaluation(source).evaluation
    path = tmp_path / "book.xlsx"
    write_workbook(path, evaluation, TEMPLATE)
    raw, places = read_workbook(path)
    assert validate_evaluation(raw, places, str(path)) == evaluation


def test_source_map_gives_sheet_and_cell(book: Path) -> None:
    loaded = load_evaluation(book)
    assert loaded.format == "xlsx"
    assert loaded.source["self_assessment.indicators[3].stated_score"] == Place(
        sheet="附件2", cell="H34", path="self_assessment.indicators[3].stated_score")
    assert loaded.source["projects[0].indicators[1].weight"] == Place(
        sheet="附件3", cell="H21", path="projects[0].indicators[1].weight")
    assert loaded.source["year"] == Place(sheet="基本情况", cell="B3", path="year")


def test_blank_workbook_has_one_sheet_per_part_with_dropdowns(tmp_path: Path) -> None:
    path = tmp_path / "blank.xlsx"
    write_workbook(path, None, TEMPLATE)
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == SHEETS
    sheet = workbook["附件2"]
    headers = [cell.value for cell in sheet[28]]
    assert headers == ["一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "实际完成值",
                       "分值", "自评得分", "偏差原因分析及改进措施"]
    lists = {str(rule.sqref): rule.formula1 for rule in sheet.data_validations.dataValidation}
    assert lists["D29:D48"] == '"≥,≤,=,定性,不适用"'
    assert lists["A29:A48"] == '"预算执行率,产出指标,效益指标,满意度指标"'
    assert sheet["D3"].number_format == "0.00"
    assert sheet["G29"].number_format == "General"
    assert sheet["C29"].number_format == "@"
    assert workbook["基本情况"]["B8"].value == TEMPLATE


def test_blank_workbook_read_back_asks_for_the_required_fields(tmp_path: Path) -> None:
    path = tmp_path / "blank.xlsx"
    write_workbook(path, None, TEMPLATE)
    assert load_error(path).splitlines() == [
        f"{path}:基本情况!B3: 年度：必须填写",
        f"{path}:基本情况!B4: 单位基本情况：必须填写",
    ]


def test_five_typed_into_a_blank_amount_cell_reads_as_five_point_zero_zero(
        tmp_path: Path) -> None:
    path = tmp_path / "blank.xlsx"
    write_workbook(path, None, TEMPLATE)
    edit(path, {("基本情况", "B3"): 2023, ("基本情况", "B4"): "某单位", ("附件2", "D3"): 5,
                ("附件2", "B3"): 87.2217, ("附件2", "E3"): 10})
    funds = load_evaluation(path).evaluation.self_assessment.funds
    assert funds.actual is not None and funds.initial_budget is not None
    assert funds.weight is not None
    assert (funds.actual.value, funds.actual.decimals) == (Decimal("5.00"), 2)
    assert (funds.initial_budget.value, funds.initial_budget.decimals) == (Decimal("87.2217"), 4)
    assert (funds.weight.value, funds.weight.decimals) == (Decimal(10), 0)


def test_a_percentage_formatted_cell_reads_as_percent(book: Path) -> None:
    workbook = openpyxl.load_workbook(book)
    cell = workbook["附件2"]["F3"]
    cell.value, cell.number_format = 0.8608, "0.00%"
    workbook.save(book)
    rate = load_evaluation(book).evaluation.self_assessment.funds.stated_execution_rate
    assert rate is not None and (rate.value, rate.decimals) == (Decimal("86.08"), 2)


def test_filled_numbers_are_formatted_with_their_own_decimals(book: Path) -> None:
    sheet = openpyxl.load_workbook(book)["附件1"]
    formats = {name: sheet[name].number_format for name in ("B18", "C18", "B22", "C19")}
    assert formats == {"B18": "0.00", "C18": "0.0", "B22": "General", "C19": "0.00"}
    assert openpyxl.load_workbook(book)["支出情况"]["B12"].number_format == "0.0000"


def test_text_in_a_number_cell(book: Path) -> None:
    edit(book, {("附件2", "G34"): "六分"})
    assert load_error(book) == f"{book}:附件2!G34: “六分”不是一个数值"


def test_a_number_written_as_text_is_read(book: Path) -> None:
    edit(book, {("附件2", "G34"): "10.0"})
    weight = load_evaluation(book).evaluation.self_assessment.indicators[3].weight
    assert weight is not None and (weight.value, weight.decimals) == (Decimal("10.0"), 1)


def test_missing_sheet(book: Path) -> None:
    workbook = openpyxl.load_workbook(book)
    del workbook["附件2"]
    workbook.save(book)
    assert load_error(book) == f"{book}: 缺少工作表“附件2”"


def test_negative_amount(book: Path) -> None:
    edit(book, {("附件1", "B7"): -5})
    assert load_error(book) == (
        f"{book}:附件1!B7: 附件1 基础数据表 › 三公经费 › 三公经费 › 上年决算数：金额不能为负数：-5.0")


def test_applicable_indicator_without_weight(book: Path) -> None:
    edit(book, {("附件2", "G31"): None})
    assert load_error(book) == (
        f"{book}:附件2!G31: 指标“门面回购户数”缺少分值（只有“不适用”的指标可以不填）")


def test_not_applicable_indicator_may_leave_weight_empty(book: Path) -> None:
    indicator = load_evaluation(book).evaluation.self_assessment.indicators[4]
    assert (indicator.name, indicator.weight, indicator.not_applicable) == ("不适用", None, True)


def test_every_cell_problem_is_reported_at_once(book: Path) -> None:
    edit(book, {("附件2", "G34"): "六分", ("附件3", "H21"): None, ("附件1", "A9"): "公车",
                ("支出情况", "B26"): "也许"})
    assert load_error(book).splitlines() == [
        f"{book}:支出情况!B26: “也许”应填“是”或“否”",
        f"{book}:附件1!A9: 无法识别的行“公车”（请勿修改 A 列的项目名称）",
        f"{book}:附件2!G34: “六分”不是一个数值",
        f"{book}:附件3!H21: 指标“居民满意度”缺少分值（只有“不适用”的指标可以不填）",
    ]


def test_project_rows_must_name_a_listed_project(book: Path) -> None:
    edit(book, {("附件3", "A22"): "不存在的项目"})
    assert load_error(book) == (
        f"{book}:附件3!A22: 项目名称“不存在的项目”在【项目基本信息与资金】中找不到")


def test_a_row_added_in_a_spare_line_is_read(book: Path) -> None:
    edit(book, {("附件2", "A38"): "产出指标", ("附件2", "C38"): "新增指标", ("附件2", "G38"): 1})
    indicators = load_evaluation(book).evaluation.self_assessment.indicators
    assert [indicator.name for indicator in indicators][-2:] == ["群众满意度", "新增指标"]


def test_a_file_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_text("这不是工作簿", encoding="utf-8")
    assert load_error(path) == f"{path}: 不是有效的 Excel 工作簿（.xlsx）文件"


def test_unknown_template(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        write_workbook(tmp_path / "x.xlsx", None, "sichuan-2030")
    assert caught.value.describe() == (
        "没有报告模板“sichuan-2030”的填报工作簿"
        "（现有：yueyanglou-2024、dingcheng-2023、yueyang-finance-2021、national-project）")


def test_writer_refuses_data_the_workbook_cannot_hold(tmp_path: Path, rich: Evaluation) -> None:
    line = YearOnYearLine.model_validate({"name": "公务接待", "current": "1.20"})
    finances = rich.finances.model_copy(update={"three_public_year_on_year": (line,)})
    evaluation = rich.model_copy(update={"finances": finances})
    with pytest.raises(InputError) as caught:
        write_workbook(tmp_path / "x.xlsx", evaluation, TEMPLATE)
    assert caught.value.describe() == (
        "填报工作簿没有“预算支出情况 › 三公经费同比”的位置，写入会丢失这些内容；请改用 YAML")


def test_text_longer_than_a_cell_can_hold_is_refused(tmp_path: Path, rich: Evaluation) -> None:
    narrative = rich.narrative.model_copy(update={"other": "很长的说明" * 7000})
    with pytest.raises(InputError) as caught:
        write_workbook(tmp_path / "x.xlsx", rich.model_copy(update={"narrative": narrative}),
                       TEMPLATE)
    assert caught.value.describe() == "“很长的说明很长的说明很长的说明很长的说明…”超过 Excel 单元格 32767 字的上限"
