"""The cells a workbook sheet stores, read sparsely: what its XML holds, nothing padded.

openpyxl's read-only ``iter_rows`` trusts the sheet's declared ``<dimension>``: a 5 KB file
declaring ``A1:XFD1048576`` makes it pad a billion empty cells, and a stale ``ref="A1"`` makes
it drop every row after the first. Here each stored row comes as it is in the XML, with only
the cells that hold a value, and a value past row :data:`MAX_ROWS` or column :data:`MAX_COLUMNS`
is refused before anything is built for it.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from typing import Any

from openpyxl.cell.read_only import ReadOnlyCell  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.worksheet._reader import WorkSheetParser  # type: ignore[import-untyped]

from jixiao.findings import Place
from jixiao.io.errors import InputError

MAX_ROWS = 20_000
MAX_COLUMNS = 256


def stored_rows(sheet: Any, file: str) -> Iterator[tuple[int, list[Any]]]:
    """(row number, its cells with a value, left to right) for each stored row of the read-only
    ``sheet``; :class:`InputError` for a value beyond :data:`MAX_ROWS` or :data:`MAX_COLUMNS`."""
    book = sheet.parent
    try:
        with sheet._get_source() as source:  # the sheet's XML, as openpyxl's own reader opens it
            parser = WorkSheetParser(source, sheet._shared_strings, data_only=book.data_only,
                                     epoch=book.epoch, date_formats=book._date_formats,
                                     timedelta_formats=book._timedelta_formats)
            for number, row in parser.parse():
                cells = [ReadOnlyCell(sheet, **cell) for cell in row if cell["value"] is not None]
                if cells:
                    _check_place(sheet.title, number, cells[-1].column, file)
                    yield number, cells
    except (SyntaxError, ValueError, KeyError, TypeError, zipfile.BadZipFile, zlib.error, EOFError) as error:
        # ElementTree's ParseError is a SyntaxError; lxml's XMLSyntaxError too
        line = getattr(error, "position", (None,))[0] if isinstance(error, SyntaxError) else None
        where = f"第 {line} 行" if line else ""
        raise InputError(f"工作表“{sheet.title}”已损坏（XML {where}无法解析），不是有效的 Excel 工作簿",
                         file=file, place=Place(sheet=sheet.title), english="damaged sheet XML") from None


def _check_place(title: str, row: int, column: int, file: str) -> None:
    place = Place(sheet=title, cell=f"{get_column_letter(min(column, 16384))}{row}")
    if row > MAX_ROWS:
        raise InputError(f"工作表“{title}”超过 {MAX_ROWS} 行，拒绝读取", file=file, place=place,
                         english=f"sheet above {MAX_ROWS} rows")
    if column > MAX_COLUMNS:
        raise InputError(f"工作表“{title}”超过 {MAX_COLUMNS} 列，拒绝读取", file=file, place=place,
                         english=f"sheet above {MAX_COLUMNS} columns")
