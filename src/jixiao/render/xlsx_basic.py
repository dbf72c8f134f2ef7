"""附件1 单位整体支出绩效评价基础数据表, as the unit stated it, with its ratios computed beside it.

Columns B-D hold what the unit wrote (上年决算数 / 本年预算数 / 本年决算数); E-G are formulas:
决算/预算 (控制率, 执行率), the change on the prior year, and for a row made of parts the sum
of its parts' 本年决算数, so a total that disagrees with its parts shows at once.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from jixiao.io.workbook_blocks import Kind
from jixiao.model import BasicDataTable, ControlRow, Evaluation
from jixiao.numbers import decimals_of
from jixiao.render.xlsx_cells import (
    RATE_FORMAT,
    Sheet,
    Styles,
    cell_value,
    change,
    change_formula,
    merge,
    print_setup,
    ratio,
    ratio_formula,
    ref,
    total,
    write_computed,
    write_stated,
)

SHEET = "附件1 基础数据表"
LAST_COL = 8
WIDTHS = (30, 13, 13, 13, 13, 13, 13, 13, 13)


@dataclass(frozen=True, slots=True)
class Line:
    """One row of 经费控制情况; ``parts`` are the indexes of the lines it is the sum of."""

    label: str
    row: ControlRow
    parts: tuple[int, ...] = ()


def control_lines(data: BasicDataTable) -> tuple[Line, ...]:
    three, projects, public = data.three_public, data.projects, data.public_funds
    lines = [Line("三公经费", three.total, (1, 4, 5)),
             Line("1、公务用车购置和维护经费", three.vehicles, (2, 3)),
             Line("其中：公车购置", three.vehicle_purchase), Line("公车运行维护", three.vehicle_operation),
             Line("2、出国经费", three.overseas), Line("3、公务接待", three.reception)]
    start = len(lines)
    specials, transfers = projects.district_special_items, projects.transfer_items
    transfer_at = start + 4 + len(specials)
    lines += [Line("项目支出", projects.total, (start + 1, start + 2, start + 3, transfer_at)),
              Line("1、业务工作经费", projects.business), Line("2、运行维护经费", projects.operation),
              Line("3、区级专项资金（一个专项一行）", projects.district_specials,
                   tuple(range(start + 4, start + 4 + len(specials)))),
              *(Line(item.name, item) for item in specials),
              Line("4、上级转移支付（一个专项一行）", projects.transfers,
                   tuple(range(transfer_at + 1, transfer_at + 1 + len(transfers)))),
              *(Line(item.name, item) for item in transfers),
              # 其中: a partial list of 公用经费, so no sum of parts.
              Line("公用经费", public.total), Line("其中：办公经费", public.office),
              Line("水费、电费、差旅费", public.utilities_travel),
              Line("会议费、培训费", public.meetings_training), Line("政府采购金额", data.procurement),
              Line("部门基本支出预算调整", data.basic_budget_adjustment)]
    return tuple(lines)


def write_basic_data(book: Any, styles: Styles, evaluation: Evaluation) -> None:
    sheet = Sheet(book.add_worksheet(SHEET))
    for col, width in enumerate(WIDTHS):
        sheet.set_column(col, col, width)
    year, data = evaluation.year, evaluation.basic_data
    sheet.write_string(0, 0, "附件1", styles.annex)
    merge(sheet, 1, 0, 1, LAST_COL, f"{year}年度预算单位整体支出绩效评价基础数据表", styles.title)
    sheet.set_row(1, 30)
    sheet.write_string(2, 0, "预算单位名称", styles.label)
    merge(sheet, 2, 1, 2, LAST_COL, evaluation.unit.name, styles.text)
    _staffing(sheet, styles, data, year)
    row = _controls(sheet, styles, control_lines(data), year, first=5)
    row = _buildings(sheet, styles, data, year, row)
    sheet.write_string(row, 0, "厉行节约保障措施", styles.label)
    merge(sheet, row, 1, row, LAST_COL, data.austerity_measures, styles.text)
    sign = evaluation.sign_off
    merge(sheet, row + 1, 0, row + 1, LAST_COL,
          "说明：“项目支出”需要填报基本支出以外的所有项目支出情况，“公用经费”填报基本支出中的一般商品和服务支出。"
          "蓝色斜体单元格为计算值（公式），随填报数自动更新。", styles.note)
    merge(sheet, row + 2, 0, row + 2, LAST_COL,
          f"单位负责人签字：{sign.head}    填表人：{sign.preparer}    联系电话：{sign.phone}    "
          f"填报日期：{sign.date}", styles.note)
    print_setup(sheet, landscape=False, repeat=None)


def _staffing(sheet: Any, styles: Styles, data: BasicDataTable, year: int) -> None:
    merge(sheet, 3, 0, 4, 0, "财政供养人员情况（人）", styles.label)
    headers = ("编制数", f"{year}年实际在职人数", "控制率")
    for col, header in enumerate(headers, start=1):
        sheet.write_string(3, col, header, styles.header)
    sheet.write_string(3, 4, "控制率（计算值）", styles.computed_header)
    staffing = data.staffing
    for col, number in enumerate((staffing.authorized, staffing.actual), start=1):
        write_stated(sheet, styles, 4, col, number, Kind.COUNT)
    write_stated(sheet, styles, 4, 3, staffing.stated_control_rate, Kind.PERCENT)
    write_computed(sheet, styles, 4, 4, ratio_formula(ref(4, 2), ref(4, 1)),
                   ratio(cell_value(staffing.actual), cell_value(staffing.authorized)), RATE_FORMAT)


def _controls(sheet: Any, styles: Styles, lines: Sequence[Line], year: int, first: int) -> int:
    sheet.write_string(first, 0, "经费控制情况（万元）", styles.label)
    for col, header in enumerate((f"{year - 1}年决算数", f"{year}年预算数", f"{year}年决算数"), start=1):
        sheet.write_string(first, col, header, styles.header)
    computed = ("决算/预算（计算值）", "比上年增减率（计算值）", "明细合计（计算值）")
    for col, header in enumerate(computed, start=4):
        sheet.write_string(first, col, header, styles.computed_header)
    top = first + 1
    for index, line in enumerate(lines):
        row = top + index
        sheet.write_string(row, 0, line.label, styles.text)
        for col, number in enumerate((line.row.prior_actual, line.row.budget, line.row.actual), start=1):
            write_stated(sheet, styles, row, col, number)
        actual, budget = cell_value(line.row.actual), cell_value(line.row.budget)
        prior = cell_value(line.row.prior_actual)
        write_computed(sheet, styles, row, 4, ratio_formula(ref(row, 3), ref(row, 2)), ratio(actual, budget),
                       RATE_FORMAT)
        write_computed(sheet, styles, row, 5, change_formula(ref(row, 3), ref(row, 1)), change(actual, prior),
                       RATE_FORMAT)
        if line.parts:
            _sum_of_parts(sheet, styles, row, [top + part for part in line.parts],
                          [cell_value(lines[part].row.actual) for part in line.parts])
        else:
            sheet.write_blank(row, 6, None, styles.number("General", computed=True))
    return top + len(lines)


def _sum_of_parts(sheet: Any, styles: Styles, row: int, part_rows: Sequence[int],
                  values: Sequence[Decimal | None]) -> None:
    cells = ",".join(ref(part, 3) for part in part_rows)
    stated = [value for value in values if value is not None]
    decimals = max((decimals_of(value) for value in stated), default=2)
    num_format = "0." + "0" * decimals if decimals > 0 else "0"
    write_computed(sheet, styles, row, 6, f'=IF(COUNT({cells})=0,"",SUM({cells}))',
                   total(values) if stated else "", num_format)


def _building_cells(data: BasicDataTable) -> Iterator[tuple[Any, Kind]]:
    b = data.buildings
    yield b.approved_area, Kind.AMOUNT
    yield b.actual_area, Kind.AMOUNT
    yield b.stated_area_control_rate, Kind.PERCENT
    yield b.budget_investment, Kind.AMOUNT
    yield b.actual_investment, Kind.AMOUNT
    yield b.stated_investment_control_rate, Kind.PERCENT


def _buildings(sheet: Any, styles: Styles, data: BasicDataTable, year: int, row: int) -> int:
    merge(sheet, row, 0, row + 1, 0, f"楼堂馆所控制情况（{year}年完工项目）", styles.label)
    headers = ("批复规模（m²）", "实际规模（m²）", "规模控制率", "预算投资（万元）", "实际投资（万元）",
               "投资概算控制率")
    for col, header in enumerate(headers, start=1):
        sheet.write_string(row, col, header, styles.header)
    for col, header in enumerate(("规模控制率（计算值）", "投资概算控制率（计算值）"), start=7):
        sheet.write_string(row, col, header, styles.computed_header)
    values = row + 1
    for col, (number, kind) in enumerate(_building_cells(data), start=1):
        write_stated(sheet, styles, values, col, number, kind)
    b = data.buildings
    write_computed(sheet, styles, values, 7, ratio_formula(ref(values, 2), ref(values, 1)),
                   ratio(cell_value(b.actual_area), cell_value(b.approved_area)), RATE_FORMAT)
    write_computed(sheet, styles, values, 8, ratio_formula(ref(values, 5), ref(values, 4)),
                   ratio(cell_value(b.actual_investment), cell_value(b.budget_investment)), RATE_FORMAT)
    return values + 1
