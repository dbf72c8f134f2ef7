"""Cells of the attachment workbook: stated numbers as written, formulas with their cached values.

A stated number is written with exactly its own decimals (``5.00`` shows ``5.00``); a stated
percentage is written as the unit wrote it, ``90`` shown “90%” (the number 90 with a literal
“%” in its format), so a reader of the cell gets the figure of the form, as in the Word
attachment; formulas divide it by 100. A computed cell is a formula with its value cached, worked
out here from the same exact figures, so any reader sees the right number without
recalculating, and Excel or LibreOffice recalculate it when a figure is edited. Computed cells
have their own style (blue, italic).
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from xlsxwriter.utility import xl_rowcol_to_cell  # type: ignore[import-untyped]

from jixiao.io.text_workbook import merge_text
from jixiao.io.workbook.blocks import Kind
from jixiao.io.workbook.cells import cell_number_format, fits_a_double
from jixiao.numbers import HUNDRED, ZERO, StatedNumber, Unit

Cached = Decimal | str
"""A formula's cached result: a number, or text (``""`` for a formula that shows nothing)."""

FONT, TITLE_FONT = "宋体", "黑体"
COMPUTED_COLOUR, COMPUTED_FILL = "#1F4E79", "#EAF1FB"
RATE_FORMAT = "0.00%"


def ref(row: int, col: int, *, absolute: bool = False) -> str:
    """``(4, 2)`` → ``C5``."""
    return str(xl_rowcol_to_cell(row, col, row_abs=absolute, col_abs=absolute))


def cell_value(number: StatedNumber | None) -> Decimal | None:
    """What a stated number is in a formula: its value, a percentage as a fraction."""
    if number is None:
        return None
    return number.value / HUNDRED if number.unit is Unit.PERCENT else number.value


class Styles:
    """The workbook's formats, each made once."""

    def __init__(self, book: Any) -> None:
        self._book = book
        self._made: dict[tuple[str, bool, bool], Any] = {}
        base = {"font_name": FONT, "font_size": 10, "border": 1, "valign": "vcenter", "text_wrap": True}
        self.base = base
        self.title = book.add_format({"font_name": TITLE_FONT, "font_size": 16, "bold": True,
                                      "align": "center", "valign": "vcenter"})
        self.annex = book.add_format({"font_name": TITLE_FONT, "font_size": 12})
        self.header = book.add_format({**base, "bold": True, "align": "center", "bg_color": "#F2F2F2"})
        self.label = book.add_format({**base, "align": "center"})
        self.text = book.add_format({**base, "align": "left"})
        self.note = book.add_format({"font_name": FONT, "font_size": 9, "text_wrap": True,
                                     "valign": "top", "font_color": "#595959"})
        self.flag = book.add_format({"bg_color": "#F8CBAD"})

    def number(self, num_format: str, *, computed: bool = False, text: bool = False) -> Any:
        key = (num_format, computed, text)
        if key not in self._made:
            props: dict[str, Any] = {**self.base, "num_format": num_format,
                                     "align": "left" if text else "right"}
            if computed:
                props.update(font_color=COMPUTED_COLOUR, bg_color=COMPUTED_FILL, italic=True)
            self._made[key] = self._book.add_format(props)
        return self._made[key]


def stated_format(number: StatedNumber | None, kind: Kind = Kind.AMOUNT) -> str:
    """The number format that shows a stated number with its written decimals."""
    if number is not None and number.unit is Unit.PERCENT:
        decimals = max(number.decimals, 0)
        return ("0." + "0" * decimals if decimals else "0") + '"%"'
    if number is None and kind is Kind.PERCENT:
        return '0"%"'
    return cell_number_format(kind, None if number is None else number.value.quantize(number.quantum))


def write_stated(sheet: Any, styles: Styles, row: int, col: int, number: StatedNumber | None,
                 kind: Kind = Kind.AMOUNT) -> None:
    """A figure as the unit stated it; blank when it stated none."""
    value = None if number is None else number.value
    style = styles.number(stated_format(number, kind))
    if value is None or number is None:
        sheet.write_blank(row, col, None, style)
    elif fits_a_double(value):
        sheet.write_number(row, col, value, style)
    else:  # more digits than a double holds: kept as written, as text
        sheet.write_string(row, col, number.written, styles.number("@", text=True))


def write_computed(sheet: Any, styles: Styles, row: int, col: int, formula: str, cached: Cached,
                   num_format: str = "General") -> None:
    """A formula and its cached result, in the computed style."""
    # Written as decimal text without exponent: 28 exact digits, read back as the nearest double.
    value = Decimal(format(cached, "f")) if isinstance(cached, Decimal) else cached
    sheet.write_formula(row, col, formula, styles.number(num_format, computed=True), value)


def ratio(numerator: Decimal | None, denominator: Decimal | None) -> Cached:
    """numerator / denominator as the 计算校核 formulas give it: blank when either is blank or the base 0."""
    if numerator is None or denominator is None or denominator == ZERO:
        return ""
    return numerator / denominator


def change(current: Decimal | None, prior: Decimal | None) -> Cached:
    """(本年 − 上年) / 上年 as the 计算校核 formulas give it: blank when either is blank or 上年 is 0."""
    if current is None or prior is None or prior == ZERO:
        return ""
    return (current - prior) / prior


def total(values: Sequence[Decimal | None]) -> Decimal:
    """The cached result of SUM over cells (blank cells count nothing)."""
    return sum((value for value in values if value is not None), ZERO)


def merge(sheet: Any, first_row: int, first_col: int, last_row: int, last_col: int, text: str,
          style: Any) -> None:
    """Text over a range of cells (a single cell is written plainly)."""
    if (first_row, first_col) == (last_row, last_col):
        sheet.write_string(first_row, first_col, text, style)
    else:
        fitted = sheet if isinstance(sheet, Sheet) else None
        if fitted is not None:
            fitted.merge_range(first_row, first_col, last_row, last_col, text, style)
        else:
            merge_text(sheet, first_row, first_col, last_row, last_col, text, style)


def print_setup(sheet: Any, *, landscape: bool, repeat: tuple[int, int] | None) -> None:
    """A4, fit to the page width, header rows repeated on every page; rows sized to their text."""
    if isinstance(sheet, Sheet):
        sheet.fit_rows()
    sheet.set_paper(9)
    if landscape:
        sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.center_horizontally()
    sheet.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    if repeat is not None:
        sheet.repeat_rows(*repeat)
    sheet.set_footer("&C第 &P 页，共 &N 页")


LINE_HEIGHT = 13.5
"""Points per line of 10-point 宋体."""


def text_lines(text: str, width: float) -> int:
    """Lines ``text`` wraps to in a cell ``width`` characters wide (a CJK character counts 2)."""
    room = max(width - 1.5, 1.0)
    lines = 0
    for line in text.split("\n"):
        units = sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line)
        lines += max(math.ceil(units / room), 1)
    return lines


class Sheet:
    """A worksheet that sizes its rows to the wrapped text written in them.

    Neither Excel nor LibreOffice grows a row for wrapped text on opening a generated file
    (nor ever for merged cells), so the row heights are worked out here from the column widths.
    """

    def __init__(self, worksheet: Any) -> None:
        self._sheet = worksheet
        self._widths: dict[int, float] = {}
        self._lines: dict[int, int] = {}
        self._fixed: set[int] = set()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sheet, name)

    def set_column(self, first: int, last: int, width: float, *args: Any) -> Any:
        for col in range(first, last + 1):
            self._widths[col] = width
        return self._sheet.set_column(first, last, width, *args)

    def set_row(self, row: int, height: float, *args: Any) -> Any:
        self._fixed.add(row)
        return self._sheet.set_row(row, height, *args)

    def write_string(self, row: int, col: int, text: str, *args: Any) -> Any:
        self._need(row, row, col, col, text)
        return self._sheet.write_string(row, col, text, *args)

    def merge_range(self, first_row: int, first_col: int, last_row: int, last_col: int, data: Any,
                    style: Any = None) -> None:
        """``data`` over the merged range, always as text (never a formula or a link)."""
        self._need(first_row, last_row, first_col, last_col, str(data))
        merge_text(self._sheet, first_row, first_col, last_row, last_col, str(data), style)

    def _need(self, first_row: int, last_row: int, first_col: int, last_col: int, text: str) -> None:
        width = sum(self._widths.get(col, 8.43) for col in range(first_col, last_col + 1))
        rows = last_row - first_row + 1
        per_row = math.ceil(text_lines(text, width) / rows)
        for row in range(first_row, last_row + 1):
            self._lines[row] = max(self._lines.get(row, 1), per_row)

    def fit_rows(self) -> None:
        """Give every row with wrapped text the height of its longest cell."""
        for row, lines in sorted(self._lines.items()):
            if lines > 1 and row not in self._fixed:
                self._sheet.set_row(row, lines * LINE_HEIGHT + 3)
