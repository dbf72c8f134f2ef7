"""Excel reports (``.xlsx``) read into a :class:`Document` with openpyxl.

Each sheet with a value is one :class:`Table` (an empty sheet gives none), except a 正文 sheet of
text in column A only, a report's body, read as its paragraphs (one a row): row ``r`` and column
``c`` of the table are row ``r + 1`` and column ``c + 1`` of the sheet, and every cell's place
has the sheet name and the cell reference (``"B3"``). Rows end at their last value (a row
without a value has no cells); rows after the sheet's last value are not given. Cached values
are read, never formulas. Numbers are their shortest exact text (``repr`` of the float, without
a trailing ``".0"``): no digit is lost or invented. Text is laid out as by the docx reader.

Cells are read as the sheet stores them (:func:`~jixiao.io.sheet_cells.stored_rows`), whatever
dimension it declares. A sheet with a value below row 20,000 or right of column 256, more than
2,000,000 cells in all, a corrupt file and an archive that unpacks to more than 200 MB are
refused with :class:`InputError`.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.utils.exceptions import InvalidFileException  # type: ignore[import-untyped]

from jixiao.documents.docx_reader import PACKAGE_ERRORS, TextLayout
from jixiao.documents.model import Document
from jixiao.findings import Place
from jixiao.io.errors import InputError
from jixiao.io.limits import check_zip
from jixiao.io.sheet_cells import stored_rows
from jixiao.numbers import quantize_half_up

FORMAT = "xlsx"
BODY_SHEET = "正文"
"""A sheet of this name holding text in column A only is a report's body, a paragraph a row."""
MAX_CELLS = 2_000_000
CORRUPT = "不是有效的 Excel 工作簿（.xlsx）文件"

Row = list[tuple[str, str | None]]


def read_xlsx_document(path: Path) -> Document:
    """The document in the workbook at ``path``; :class:`InputError` if it is missing, empty,
    corrupt or too large."""
    file = str(path)
    check_zip(path, file, CORRUPT, "not an xlsx workbook")
    layout = TextLayout()
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (*PACKAGE_ERRORS, InvalidFileException):
        raise InputError(CORRUPT, file=file, english="not an xlsx workbook") from None
    try:
        cells = 0
        for sheet in book.worksheets:
            rows = _rows(sheet, file)
            cells += sum(len(row) for row in rows)
            if cells > MAX_CELLS:
                raise InputError(f"工作簿超过 {MAX_CELLS} 个单元格，拒绝读取", file=file,
                                 english=f"more than {MAX_CELLS} cells")
            if sheet.title == BODY_SHEET and all(len(row) <= 1 for row in rows):
                for row in rows:
                    for text, ref in row:
                        layout.cell_paragraph(text, Place(sheet=sheet.title, cell=ref))
            else:
                layout.table(rows, sheet=sheet.title)
    except PACKAGE_ERRORS:
        raise InputError(CORRUPT, file=file, english="not an xlsx workbook") from None
    finally:
        book.close()
    return layout.document(file, FORMAT)


def _rows(sheet: Any, file: str) -> list[Row]:
    """The sheet's rows up to its last value, each as wide as the widest row of its block."""
    rows: list[Row] = []
    for number, cells in stored_rows(sheet, file):
        texts = {cell.column: cell_text(cell.value, getattr(cell, "number_format", None)) for cell in cells}
        filled = [column for column, text in texts.items() if text]
        if not filled:
            continue
        rows += [[] for _ in range(len(rows) + 1, number)]
        rows.append([(texts.get(col, ""), f"{get_column_letter(col)}{number}")
                     for col in range(1, max(filled) + 1)])
    return _squared(rows)


def _squared(rows: list[Row]) -> list[Row]:
    """Each run of rows between blank rows padded with blank cells to its widest row: a table
    keeps its right-hand columns where they are left blank (a 偏差原因 not filled in), as a
    Word table does, so columns read from the right stay aligned."""
    squared: list[Row] = []
    start = 0
    for end in [*(index for index, row in enumerate(rows) if not row), len(rows)]:
        block = rows[start:end]
        width = max((len(row) for row in block), default=0)
        for row in block:
            number = (row[0][1] or "").lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
            row += [("", f"{get_column_letter(col)}{number}") for col in range(len(row) + 1, width + 1)]
        squared += block
        if end < len(rows):
            squared.append([])
        start = end + 1
    return squared


def cell_text(value: object, number_format: str | None = None) -> str:
    """A cached cell value as text: numbers in their shortest exact form, and a number in a
    percent format as the sheet shows it (0.426948… formatted ``0.00%`` is ``42.69%``)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float) and number_format and "%" in number_format:
        if "%" in _LITERALS.sub("", number_format):
            return _percent_text(value, number_format)
        return f"{_shown(value, number_format)}%"  # 98 shown as 98.00% by a literal sign (0.00"%")
    if isinstance(value, float):
        text = repr(value)
        return text[:-2] if text.endswith(".0") else text
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


_LITERALS = re.compile(r'"[^"]*"|\\.')
"""Quoted text and escaped characters of a number format: a % there is printed, not applied."""


def _percent_text(value: float, number_format: str) -> str:
    """``value`` × 100 with the decimals the format shows (its 0s after the point), half up."""
    return f"{quantize_half_up(Decimal(repr(value)) * 100, _decimals(number_format))}%"


def _shown(value: int | float, number_format: str) -> str:
    """``value`` as a format with a literal % sign shows it: with the decimals it shows, else in
    its shortest exact form (``0"%"`` shows 90 as 90)."""
    decimals = _decimals(number_format)
    return str(quantize_half_up(Decimal(repr(value)), decimals)) if decimals else cell_text(value)


def _decimals(number_format: str) -> int:
    """The decimals a number format shows before its % sign: its 0s after the point."""
    shown = _LITERALS.sub("", number_format).split("%")[0]
    return len(shown.split(".")[1].rstrip("#")) if "." in shown else 0
