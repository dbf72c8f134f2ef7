"""Evaluation → the guided Excel workbook (XlsxWriter), blank or filled, laid out by its template.

Every cell is placed by :mod:`jixiao.io.workbook.layout`, which the reader follows too. Filled
numbers keep their written decimals through the cell's number format; text cells are formatted
as text so Excel does not turn ``2024-03-01`` or ``001`` into something else.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from jixiao.io.errors import InputError
from jixiao.io.fields import title_path
from jixiao.io.plain import ALWAYS_WRITTEN, plain_data
from jixiao.io.shared import value_at, with_copies, without_copies
from jixiao.io.text_workbook import text_workbook
from jixiao.io.workbook.blocks import (
    LABEL_HEADER,
    NO,
    NOTE_HEADER,
    YES,
    Column,
    Kind,
    RowsBlock,
    SheetLayout,
    TableBlock,
    WorkbookLayout,
    held_paths,
    join_path,
)
from jixiao.io.workbook.cells import cell_number_format, fits_a_double
from jixiao.io.workbook.layout import workbook_layout
from jixiao.io.workbook.parts import guide_lines
from jixiao.model import Evaluation

GUIDE_SHEET = "说明"
_WIDTHS = {Kind.LONG_TEXT: 48, Kind.TEXT: 22}
_NUMBER_WIDTH, _LABEL_WIDTH, _NOTE_WIDTH = 14, 30, 40
_MAX_TEXT, _TRUNCATED = 32767, -2
"""Excel's limit on a cell's text, and XlsxWriter's return code when it cut a string to it."""


def write_workbook(path: Path, evaluation: Evaluation | None, template_id: str) -> None:
    """Write the guided workbook for ``template_id``: blank when ``evaluation`` is ``None``."""
    layout = workbook_layout(template_id)
    data = _data(evaluation, layout, template_id)
    book = text_workbook(path)
    styles = _Styles(book)
    _write_guide(book.add_worksheet(GUIDE_SHEET), layout, styles)
    for sheet in layout.sheets:
        _SheetWriter(book.add_worksheet(sheet.name), styles).write(sheet, data)
    book.close()


def _data(evaluation: Evaluation | None, layout: WorkbookLayout, template_id: str) -> Any:
    if evaluation is None:
        return {"template": template_id}
    data = plain_data(evaluation, keep=ALWAYS_WRITTEN)
    # a copy in a list ([*]) has a column of its own, for the items with no home of that name
    without_cell = [(home, copy) for home, copy in layout.copies if "[*]" not in copy]
    _refuse_two_values(data, without_cell)
    held = held_paths(layout)
    lost = sorted({_outermost_unheld(path, held) for path in leaf_paths(data) if path not in held})
    if lost:
        names = "、".join(title_path(path.replace("[]", "").split(".")) for path in lost)
        raise InputError(f"填报工作簿没有“{names}”的位置，写入会丢失这些内容；请改用 YAML",
                         english=f"workbook cannot hold {', '.join(lost)}")
    homes_filled = with_copies(data, [(copy, home) for home, copy in without_cell])
    return without_copies(homes_filled, layout.copies)


def _refuse_two_values(data: Any, pairs: list[tuple[str, str]]) -> None:
    """A figure the workbook holds once cannot carry two different values."""
    for home, copy in pairs:
        entered, copied = value_at(data, home), value_at(data, copy)
        if entered is not None and copied is not None and entered != copied:
            names = "与".join(title_path(path.split(".")) for path in (home, copy))
            raise InputError(f"填报工作簿中{names}只填一次，而数据中两处不同"
                             f"（{entered}、{copied}）；请先统一，或改用 YAML",
                             english=f"{home} and {copy} differ")


def _outermost_unheld(path: str, held: frozenset[str]) -> str:
    """The largest part of the data around ``path`` that the workbook has no cell for, so the
    message names 三公经费同比 rather than each of its fields."""
    steps = path.split(".")
    for end in range(1, len(steps) + 1):
        prefix = ".".join(steps[:end])
        if not any(known == prefix or known.startswith((f"{prefix}.", f"{prefix}["))
                   for known in held):
            return prefix
    return path


def leaf_paths(data: Any, prefix: str = "") -> Iterator[str]:
    """The path of every value in plain data, list items as ``[]``."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from leaf_paths(value, join_path(prefix, key))
    elif isinstance(data, list):
        for item in data:
            yield from leaf_paths(item, f"{prefix}[]")
    elif prefix != "schema_version":
        yield prefix


def _write_guide(sheet: Any, layout: WorkbookLayout, styles: _Styles) -> None:
    sheet.set_column(0, 0, 120, styles.note_dark)
    sheet.write_string(0, 0, "填报说明", styles.title)
    for number, line in enumerate(guide_lines(layout), start=1):
        sheet.write_string(number + 1, 0, f"{number}. {line}")


class _Styles:
    """The workbook's formats, one per number format and wrap, made once."""

    def __init__(self, book: Any) -> None:
        self._book = book
        self._cells: dict[tuple[str, bool], Any] = {}
        self.title = book.add_format({"bold": True, "font_size": 12})
        self.header = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1,
                                       "text_wrap": True, "valign": "vcenter"})
        self.label = book.add_format({"bg_color": "#F2F2F2", "border": 1, "text_wrap": True,
                                      "valign": "top"})
        self.note = book.add_format({"font_color": "#7F7F7F", "text_wrap": True, "valign": "top"})
        self.note_dark = book.add_format({"text_wrap": True, "valign": "top"})

    def cell(self, kind: Kind, value: Any) -> Any:
        key = (cell_number_format(kind, value), kind in (Kind.LONG_TEXT, Kind.TEXT))
        if key not in self._cells:
            self._cells[key] = self._book.add_format(
                {"num_format": key[0], "text_wrap": key[1], "border": 1, "valign": "top"})
        return self._cells[key]


class _SheetWriter:
    """Writes one sheet block by block, top to bottom, one blank row between blocks."""

    def __init__(self, sheet: Any, styles: _Styles) -> None:
        self.sheet = sheet
        self.styles = styles
        self.row = 0
        self.widths: dict[int, int] = {}

    def write(self, layout: SheetLayout, data: Any) -> None:
        for block in layout.blocks:
            self.sheet.write_string(self.row, 0, block.title, self.styles.title)
            self.row += 1
            if isinstance(block, RowsBlock):
                self._rows_block(block, data)
            else:
                self._table_block(block, data)
            self.row += 1
        for column, width in self.widths.items():
            self.sheet.set_column(column, column, width)

    def _rows_block(self, block: RowsBlock, data: Any) -> None:
        headers = [Column(LABEL_HEADER, ""), *block.columns, Column(NOTE_HEADER, "")]
        self._headers(headers)
        self._widen(0, _LABEL_WIDTH)
        self._widen(len(headers) - 1, _NOTE_WIDTH)
        for row in block.rows:
            self.sheet.write_string(self.row, 0, row.label, self.styles.label)
            for index, column in enumerate(block.columns, start=1):
                kind = row.kind_in(column)
                self._cell(index, value_at(data, join_path(row.path, column.key)), kind)
                self._dropdown(self.row, self.row, index, kind)
            if row.note:
                self.sheet.write_string(self.row, len(headers) - 1, row.note, self.styles.note)
            self.row += 1

    def _table_block(self, block: TableBlock, data: Any) -> None:
        self._headers(list(block.columns))
        first = self.row
        for values in table_rows(block, data):
            for index, (column, value) in enumerate(zip(block.columns, values, strict=True)):
                self._cell(index, value, column.kind or Kind.TEXT)
            self.row += 1
        for _ in range(block.spare_rows):
            for index, column in enumerate(block.columns):
                self._cell(index, None, column.kind or Kind.TEXT)
            self.row += 1
        for index, column in enumerate(block.columns):
            self._dropdown(first, self.row - 1, index, column.kind or Kind.TEXT)

    def _headers(self, columns: list[Column]) -> None:
        for index, column in enumerate(columns):
            self.sheet.write_string(self.row, index, column.header, self.styles.header)
            if column.note:
                self.sheet.write_comment(self.row, index, column.note, {"x_scale": 1.5})
            self._widen(index, _WIDTHS.get(column.kind or Kind.TEXT, _NUMBER_WIDTH))
        self.row += 1

    def _cell(self, column: int, value: Any, kind: Kind) -> None:
        style = self.styles.cell(kind, value)
        if value is None:
            self.sheet.write_blank(self.row, column, None, style)
        elif isinstance(value, bool):
            self.sheet.write_string(self.row, column, YES if value else NO, style)
        elif isinstance(value, int) or (isinstance(value, Decimal) and fits_a_double(value)):
            self.sheet.write_number(self.row, column, value, style)
        elif self.sheet.write_string(self.row, column, str(value), style) == _TRUNCATED:
            raise InputError(f"“{str(value)[:20]}…”超过 Excel 单元格 {_MAX_TEXT} 字的上限",
                             english="text too long for an Excel cell")
        self._widen(column, _WIDTHS.get(kind, _NUMBER_WIDTH))

    def _dropdown(self, first: int, last: int, column: int, kind: Kind) -> None:
        if not kind.choices or last < first:
            return
        self.sheet.data_validation(first, column, last, column, {
            "validate": "list",
            "source": list(kind.choices),
            "error_type": "stop" if kind.strict else "information",
            "error_message": f"请从下拉列表选择：{'、'.join(kind.choices)}",
        })

    def _widen(self, column: int, width: int) -> None:
        self.widths[column] = max(self.widths.get(column, 0), width)


def table_rows(block: TableBlock, data: Any) -> Iterator[tuple[Any, ...]]:
    """The values of each row of a table, aligned with ``block.columns``."""
    if not block.owner:
        for item in value_at(data, block.path) or ():
            yield tuple(_item_value(item, column.key) for column in block.columns)
        return
    link = block.columns[0].key
    for owner in value_at(data, block.owner) or ():
        for item in owner.get(block.path) or ():
            yield (owner.get(link), *(_item_value(item, column.key)
                                      for column in block.item_columns))


def _item_value(item: Any, key: str) -> Any:
    return item if not key else value_at(item, key)
