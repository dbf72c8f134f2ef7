"""附件1 单位整体支出绩效评价基础数据表, exactly as the unit filled it in.

Its ratios (控制率, 决算/预算, the change on the prior year, 楼堂馆所 控制率) and the sums of
rows made of parts go to the 计算校核 sheet as formulas over these cells.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from jixiao.io.workbook.blocks import Kind
from jixiao.model import BasicDataTable, ControlRow, Evaluation
from jixiao.numbers import decimals_of
from jixiao.render.xlsx_cells import (
    RATE_FORMAT,
    Sheet,
    Styles,
    cell_value,
    change,
    merge,
    print_setup,
    ratio,
    total,
    write_stated,
)
from jixiao.render.xlsx_checks import Against, Check, Checks, cell_in

SHEET = "附件1 基础数据表"
LAST_COL = 6
WIDTHS = (30, 13, 13, 13, 13, 13, 13)


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


def write_basic_data(book: Any, styles: Styles, evaluation: Evaluation, checks: Checks) -> None:
    sheet = Sheet(book.add_worksheet(SHEET))
    for col, width in enumerate(WIDTHS):
        sheet.set_column(col, col, width)
    year, data = evaluation.year, evaluation.basic_data
    sheet.write_string(0, 0, "附件1", styles.annex)
    merge(sheet, 1, 0, 1, LAST_COL, f"{year}年度预算单位整体支出绩效评价基础数据表", styles.title)
    sheet.set_row(1, 30)
    sheet.write_string(2, 0, "预算单位名称", styles.label)
    merge(sheet, 2, 1, 2, LAST_COL, evaluation.unit.name, styles.text)
    checks.section(SHEET)
    _staffing(sheet, styles, data, year, checks)
    row = _controls(sheet, styles, control_lines(data), year, 5, checks)
    row = _buildings(sheet, styles, data, year, row, checks)
    sheet.write_string(row, 0, "厉行节约保障措施", styles.label)
    merge(sheet, row, 1, row, LAST_COL, data.austerity_measures, styles.text)
    sign = evaluation.sign_off
    merge(sheet, row + 1, 0, row + 1, LAST_COL,
          "说明：“项目支出”需要填报基本支出以外的所有项目支出情况，“公用经费”填报基本支出中的一般商品和服务支出。",
          styles.note)
    merge(sheet, row + 2, 0, row + 2, LAST_COL,
          f"单位负责人签字：{sign.head}    填表人：{sign.preparer}    联系电话：{sign.phone}    "
          f"填报日期：{sign.date}", styles.note)
    print_setup(sheet, landscape=False, repeat=None)


def _ratio_check(checks: Checks, label: str, against: Against | None, numerator: str, denominator: str,
                 cached: Any, method: str) -> None:
    checks.add(Check(label, against,
                     f'=IF(OR({numerator}="",{denominator}=""),"",IF({denominator}=0,"",{numerator}/{denominator}))',
                     cached, RATE_FORMAT, method))


def _staffing(sheet: Any, styles: Styles, data: BasicDataTable, year: int, checks: Checks) -> None:
    merge(sheet, 3, 0, 4, 0, "财政供养人员情况（人）", styles.label)
    for col, header in enumerate(("编制数", f"{year}年实际在职人数", "控制率"), start=1):
        sheet.write_string(3, col, header, styles.header)
    staffing = data.staffing
    for col, number in enumerate((staffing.authorized, staffing.actual), start=1):
        write_stated(sheet, styles, 4, col, number, Kind.COUNT)
    write_stated(sheet, styles, 4, 3, staffing.stated_control_rate, Kind.PERCENT)
    stated = Against.stated(SHEET, 4, 3, staffing.stated_control_rate, percent=True)
    _ratio_check(checks, "财政供养人员控制率", stated, cell_in(SHEET, 4, 2), cell_in(SHEET, 4, 1),
                 ratio(cell_value(staffing.actual), cell_value(staffing.authorized)), "实际在职人数 / 编制数")


def _controls(sheet: Any, styles: Styles, lines: Sequence[Line], year: int, first: int,
              checks: Checks) -> int:
    sheet.write_string(first, 0, "经费控制情况（万元）", styles.label)
    for col, header in enumerate((f"{year - 1}年决算数", f"{year}年预算数", f"{year}年决算数"), start=1):
        sheet.write_string(first, col, header, styles.header)
    top = first + 1
    for index, line in enumerate(lines):
        row = top + index
        sheet.write_string(row, 0, line.label, styles.text)
        for col, number in enumerate((line.row.prior_actual, line.row.budget, line.row.actual), start=1):
            write_stated(sheet, styles, row, col, number)
        _line_checks(checks, line, row, [top + part for part in line.parts], lines)
    return top + len(lines)


def _line_checks(checks: Checks, line: Line, row: int, part_rows: Sequence[int],
                 lines: Sequence[Line]) -> None:
    """决算/预算 and the change on the prior year where the row states their figures; the sum of
    its parts where it has parts with a stated 本年决算数."""
    actual, budget = cell_value(line.row.actual), cell_value(line.row.budget)
    prior = cell_value(line.row.prior_actual)
    now, planned, before = cell_in(SHEET, row, 3), cell_in(SHEET, row, 2), cell_in(SHEET, row, 1)
    name = line.label.removeprefix("其中：")
    if actual is not None and budget is not None:
        _ratio_check(checks, f"{name} 决算/预算", None, now, planned, ratio(actual, budget),
                     "本年决算数 / 本年预算数")
    if actual is not None and prior is not None:
        checks.add(Check(f"{name} 比上年增减率", None,
                         f'=IF(OR({now}="",{before}=""),"",IF({before}=0,"",({now}-{before})/{before}))',
                         change(actual, prior), RATE_FORMAT, "（本年决算数 − 上年决算数）/ 上年决算数"))
    values = [cell_value(lines[part].row.actual) for part in line.parts]
    stated = [value for value in values if value is not None]
    if not stated:
        return
    cells = ",".join(cell_in(SHEET, part, 3) for part in part_rows)
    decimals = max((decimals_of(value) for value in stated), default=2)
    parts = [lines[part].row.actual for part in line.parts]
    against = Against.stated(SHEET, row, 3, line.row.actual).with_parts(parts)
    checks.add(Check(f"{name} 本年决算数 = 明细之和", against,
                     f'=IF(COUNT({cells})=0,"",SUM({cells}))', total(values),
                     "0." + "0" * decimals if decimals else "0", "各明细行本年决算数之和"))


def _buildings(sheet: Any, styles: Styles, data: BasicDataTable, year: int, row: int, checks: Checks) -> int:
    merge(sheet, row, 0, row + 1, 0, f"楼堂馆所控制情况（{year}年完工项目）", styles.label)
    headers = ("批复规模（m²）", "实际规模（m²）", "规模控制率", "预算投资（万元）", "实际投资（万元）",
               "投资概算控制率")
    for col, header in enumerate(headers, start=1):
        sheet.write_string(row, col, header, styles.header)
    values, b = row + 1, data.buildings
    cells = (b.approved_area, b.actual_area, b.stated_area_control_rate, b.budget_investment,
             b.actual_investment, b.stated_investment_control_rate)
    for col, number in enumerate(cells, start=1):
        write_stated(sheet, styles, values, col, number, Kind.PERCENT if col in (3, 6) else Kind.AMOUNT)
    if b.actual_area is not None or b.approved_area is not None:
        stated = Against.stated(SHEET, values, 3, b.stated_area_control_rate, percent=True)
        _ratio_check(checks, "楼堂馆所规模控制率", stated, cell_in(SHEET, values, 2),
                     cell_in(SHEET, values, 1), ratio(cell_value(b.actual_area), cell_value(b.approved_area)),
                     "实际规模 / 批复规模")
    if b.actual_investment is not None or b.budget_investment is not None:
        stated = Against.stated(SHEET, values, 6, b.stated_investment_control_rate, percent=True)
        _ratio_check(checks, "投资概算控制率", stated, cell_in(SHEET, values, 5), cell_in(SHEET, values, 4),
                     ratio(cell_value(b.actual_investment), cell_value(b.budget_investment)),
                     "实际投资 / 预算投资")
    return values + 1
