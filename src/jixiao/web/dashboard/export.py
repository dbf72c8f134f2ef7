"""The dashboard's table as an Excel workbook: every row the filters keep, numbers as numbers."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from jixiao.io.text_workbook import text_workbook
from jixiao.web.accounts.models import OrgKind
from jixiao.web.evaluations.models import Status
from jixiao.web.rectification.models import RectificationStatus

STATUS_NAMES = dict(Status.choices)
RECTIFICATION_NAMES = dict(RectificationStatus.choices)


def department_of(row: dict[str, Any]) -> str:
    """The unit's 主管部门, when it has one (a unit directly under the region has none)."""
    return row["unit__parent__name"] if row["unit__parent__kind"] == OrgKind.DEPARTMENT else ""


@dataclass(frozen=True)
class Column:
    header: str
    width: int
    value: Callable[[dict[str, Any]], Any]
    style: str = "text"  # text | score | rate | amount | count | time


COLUMNS = (
    Column("年度", 6, lambda row: row["year"], "count"),
    Column("预算单位", 36, lambda row: row["unit__name"]),
    Column("主管部门", 24, lambda row: department_of(row)),
    Column("状态", 12, lambda row: STATUS_NAMES.get(row["status"], row["status"])),
    Column("规则得分", 10, lambda row: row["score_value"], "score"),
    Column("等次", 6, lambda row: row["grade"]),
    Column("执行率（%）", 11, lambda row: row["execution_rate"], "rate"),
    Column("全年预算数（万元）", 16, lambda row: row["budget_total"], "amount"),
    Column("全年执行数（万元）", 16, lambda row: row["actual_total"], "amount"),
    Column("三公经费本年（万元）", 17, lambda row: row["three_public"], "amount"),
    Column("三公经费上年（万元）", 17, lambda row: row["three_public_prior"], "amount"),
    Column("三公经费变动率（%）", 16, lambda row: row["three_public_change"], "rate"),
    Column("错误", 6, lambda row: row["error_count"], "count"),
    Column("警告", 6, lambda row: row["warning_count"], "count"),
    Column("红色预警", 8, lambda row: row["red_alert_count"], "count"),
    Column("预警数", 8, lambda row: row["alert_count"], "count"),
    Column("预警", 60, lambda row: "；".join(f"{a['name']}：{a['message']}" for a in row["alerts"])),
    Column("整改", 14, lambda row: RECTIFICATION_NAMES.get(row["rectification_status"], "")),
    Column("最后修改", 17, lambda row: timezone.localtime(row["updated_at"]).replace(tzinfo=None), "time"),
)
FORMATS = {"score": "0.00", "rate": "0.00", "amount": "#,##0.00", "count": "0", "time": "yyyy-mm-dd hh:mm"}


def workbook(title: str, rows: Iterable[dict[str, Any]]) -> bytes:
    """An .xlsx of ``rows`` (the dashboard's row dicts) under a title line naming the scope."""
    buffer = io.BytesIO()
    book = text_workbook(buffer)
    sheet = book.add_worksheet("汇总表")
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "vcenter", "bg_color": "#DCE6F1",
                            "border": 1})
    styles = {name: book.add_format({"num_format": pattern}) for name, pattern in FORMATS.items()}
    styles["text"] = book.add_format({})
    sheet.write_string(0, 0, title, book.add_format({"bold": True, "font_size": 13}))
    for index, column in enumerate(COLUMNS):
        sheet.write_string(1, index, column.header, bold)
        sheet.set_column(index, index, column.width)
    count = 0
    for count, row in enumerate(rows, start=1):
        for index, column in enumerate(COLUMNS):
            _write(sheet, 1 + count, index, column.value(row), column.style, styles)
    sheet.freeze_panes(2, 2)
    sheet.autofilter(1, 0, 1 + count, len(COLUMNS) - 1)
    book.close()
    return buffer.getvalue()


def _write(sheet: Any, row: int, col: int, value: Any, style: str, styles: dict[str, Any]) -> None:
    if value is None or value == "":
        sheet.write_blank(row, col, None, styles[style])
    elif style == "time":
        sheet.write_datetime(row, col, value, styles[style])
    elif style == "text":
        sheet.write_string(row, col, str(value), styles[style])
    else:
        sheet.write_number(row, col, value, styles[style])
