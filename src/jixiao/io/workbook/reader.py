"""The guided Excel workbook → raw data and a source map (field path → sheet and cell).

Blocks are found by their 【】 title in column A and columns by their header text, following
:mod:`jixiao.io.workbook.layout`, so rows inserted inside a block are read too. Every problem
found in the cells (text in a number cell, an indicator without 分值, an unknown row label) is
collected and raised as one :class:`InputError`; the data itself is validated afterwards, by
:func:`jixiao.io.validate.validate_evaluation`.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]
from openpyxl.utils.cell import (  # type: ignore[import-untyped]
    column_index_from_string,
    coordinate_from_string,
    get_column_letter,
)
from openpyxl.utils.exceptions import InvalidFileException  # type: ignore[import-untyped]

from jixiao.findings import Place
from jixiao.io import DEFAULT_TEMPLATE
from jixiao.io.errors import InputError, Problem, with_path
from jixiao.io.limits import check_zip
from jixiao.io.shared import in_items, value_at, with_copies
from jixiao.io.sheet_cells import stored_rows
from jixiao.io.validate import validate_evaluation
from jixiao.io.workbook.blocks import (
    LABEL_HEADER,
    Block,
    Kind,
    RowsBlock,
    TableBlock,
    WorkbookLayout,
    join_path,
)
from jixiao.io.workbook.layout import LAYOUTS, workbook_layout
from jixiao.io.workbook.rows import Cell, Grid, SheetReading


def read_workbook(path: Path) -> tuple[dict[str, Any], dict[str, Place]]:
    """Read the guided workbook into raw evaluation data and the cell of every field path.

    The layout is the one whose sheets the workbook has (the 报告模板 cell is data: changing
    it renders the same workbook in another form). A figure the layout holds once is read
    into each place the form prints it (``layout.copies``), with the cell it was entered in.
    """
    file = str(path)
    book = _open(path, file)
    reading = SheetReading()
    try:
        layout = _layout_of(book.sheetnames)
        missing = [sheet.name for sheet in layout.sheets if sheet.name not in book.sheetnames]
        if missing:
            problems = [Problem(f"缺少工作表“{name}”", Place()) for name in missing]
            raise InputError.of(problems, file=file, english="missing sheets")
        for sheet in layout.sheets:
            grid = _grid(book[sheet.name], file)
            for block in sheet.blocks:
                _read_block(reading, _Sheet(sheet.name, grid), block)
    finally:
        book.close()
    copied = [(home, copy) for home, copy in in_items(reading.raw, layout.copies)
              if value_at(reading.raw, copy) is None and value_at(reading.raw, home) is not None]
    raw = with_copies(reading.raw, copied)
    source = reading.source | {copy: with_path(reading.source[home], copy)
                               for home, copy in copied if home in reading.source}
    if reading.problems:
        raise InputError.of(all_problems(reading.problems, raw, source, layout), file=file,
                            english="invalid workbook cells")
    return raw, source


def all_problems(cell_problems: list[Problem], raw: dict[str, Any], source: dict[str, Place],
                 layout: WorkbookLayout) -> list[Problem]:
    """The cells' problems and the data's own (a required field left empty), each cell once,
    in the order of the sheets, rows and columns, so one run lists everything to fix."""
    try:
        validate_evaluation(raw, source, "")
        data_problems: tuple[Problem, ...] = ()
    except InputError as error:
        data_problems = error.problems
    problems = [*cell_problems, *(problem for problem in data_problems
                                  if not _told(problem, cell_problems))]
    order = {sheet.name: index for index, sheet in enumerate(layout.sheets)}
    return sorted(problems, key=lambda problem: _position(problem.place, order))


def _told(problem: Problem, cell_problems: list[Problem]) -> bool:
    """Whether a cell's problem already says it: the same cell, or a list item (an indicator
    row) one of whose cells could not be read, which then also lacks 分值 or 名称."""
    path = problem.place.path or ""
    return any((told.place.sheet, told.place.cell) == (problem.place.sheet, problem.place.cell)
               or (path.endswith("]") and (told.place.path or "").startswith(f"{path}."))
               for told in cell_problems)


def _position(place: Place, order: dict[str, int]) -> tuple[int, int, int]:
    if place.cell is None:
        return order.get(place.sheet or "", -1), 0, 0
    column, row = coordinate_from_string(place.cell)
    return order.get(place.sheet or "", -1), row, column_index_from_string(column)


def _layout_of(sheet_names: list[str]) -> WorkbookLayout:
    """The layout with the most of its sheets in the workbook (the default when none)."""
    names = set(sheet_names)
    default = workbook_layout(DEFAULT_TEMPLATE)
    return max(LAYOUTS.values(), key=lambda layout: (
        sum(sheet.name in names for sheet in layout.sheets), layout is default))


def is_guided_workbook(path: Path) -> bool:
    """Whether the .xlsx at ``path`` is a guided data workbook (it has a sheet of some
    layout that report attachments lack: 基本情况, 支出情况, 正文, 签字 …) rather than a
    report's tables, such as rendered attachments. A file that cannot be opened counts as
    guided, so that :func:`read_workbook` reports why."""
    try:
        book = _open(path, str(path))
    except InputError:
        return True
    try:
        names = set(book.sheetnames)
    finally:
        book.close()
    return any(sheet.name in names for layout in LAYOUTS.values() for sheet in layout.sheets
               if not sheet.name.startswith("附件"))


def _open(path: Path, file: str) -> Any:
    check_zip(path, file, "不是有效的 Excel 工作簿（.xlsx）文件", "not an xlsx workbook")
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError, SyntaxError):
        # SyntaxError: ElementTree's ParseError, a part whose XML is damaged
        raise InputError("不是有效的 Excel 工作簿（.xlsx）文件", file=file,
                         english="not an xlsx workbook") from None


def _grid(sheet: Any, file: str) -> Grid:
    cells: dict[tuple[int, int], Cell] = {}
    for number, row in stored_rows(sheet, file):
        for cell in row:
            if not (isinstance(cell.value, str) and not cell.value.strip()):
                cells[(number, cell.column)] = Cell(cell.value, cell.number_format)
    return Grid(cells)


class _Sheet:
    """A sheet's name and cells, and the places of its cells."""

    def __init__(self, name: str, grid: Grid) -> None:
        self.name = name
        self.grid = grid

    def place(self, row: int, column: int, path: str = "") -> Place:
        return Place(sheet=self.name, cell=f"{get_column_letter(column)}{row}", path=path or None)


def _read_block(reading: SheetReading, sheet: _Sheet, block: Block) -> None:
    title_row = sheet.grid.title_row(block.title)
    if title_row is None:
        reading.problem(f"缺少“{block.title}”一栏（请勿删改【】标题行）", Place(sheet=sheet.name))
        return
    columns = sheet.grid.header_columns(title_row + 1)
    wanted = [LABEL_HEADER] if isinstance(block, RowsBlock) else []
    absent = [name for name in [*wanted, *(column.header for column in block.columns)]
              if name not in columns]
    if absent:
        reading.problem(f"“{block.title}”缺少“{'”“'.join(absent)}”列",
                        sheet.place(title_row + 1, 1))
        return
    rows = range(title_row + 2, sheet.grid.block_end(title_row) + 1)
    if isinstance(block, RowsBlock):
        _read_rows(reading, sheet, block, columns, rows)
    else:
        _read_table(reading, sheet, block, columns, rows)


def _read_rows(reading: SheetReading, sheet: _Sheet, block: RowsBlock, columns: dict[str, int],
               rows: range) -> None:
    labels = {row.label: row for row in (*block.rows, *block.legacy)}
    for number in rows:
        label = sheet.grid.text(number, columns[LABEL_HEADER])
        row = labels.get(label)
        if row is None:
            if label:
                reading.problem(f"无法识别的行“{label}”（请勿修改 A 列的项目名称）",
                                sheet.place(number, columns[LABEL_HEADER]))
            continue
        for column in block.columns:
            at = columns[column.header]
            place = sheet.place(number, at, join_path(row.path, column.key))
            reading.field(place, sheet.grid.get(number, at), row.kind_in(column))


def _read_table(reading: SheetReading, sheet: _Sheet, block: TableBlock, columns: dict[str, int],
                rows: range) -> None:
    at = [columns[column.header] for column in block.columns]
    for number in rows:
        if all(sheet.grid.get(number, column) is None for column in at):
            continue
        link = sheet.grid.text(number, at[0]) if block.owner else ""
        base = reading.next_item(block, link, sheet.place(number, at[0]))
        if base is None:
            continue
        offset = len(block.columns) - len(block.item_columns)
        for column, column_at in zip(block.item_columns, at[offset:], strict=True):
            place = sheet.place(number, column_at, join_path(base, column.key))
            reading.field(place, sheet.grid.get(number, column_at), column.kind or Kind.TEXT)
        if block.indicators and block.weighted:
            weight_at = columns[_header_of(block, "weight")]
            reading.check_indicator(base, sheet.grid.get(number, weight_at) is None,
                                    sheet.place(number, weight_at, f"{base}.weight"))


def _header_of(block: TableBlock, key: str) -> str:
    return next(column.header for column in block.columns if column.key == key)
