"""The 计算校核 sheet: every figure jixiao computes from the attachments, as a live formula.

The attachment sheets are the forms exactly as the unit filled them in (a stated 总分 stays as
stated, and no column is added that a reader of the form would not expect). This sheet refers
to their cells: each row sets a figure the form states, or the profile requires, against the
same figure computed by formula (控制率, 执行率, sums of parts, block and total 分值 and 得分,
the profile's score and grade), with their difference, shaded red while it exceeds the stated
figure's rounding. Editing a cell of a form updates every row here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from jixiao.numbers import HUNDRED, ZERO, StatedNumber
from jixiao.render.xlsx_cells import (
    Cached,
    Sheet,
    Styles,
    cell_value,
    merge,
    print_setup,
    ref,
    write_computed,
)

SHEET = "计算校核"
HEADERS = ("项目", "对照值", "计算值", "差额", "对照值来源", "计算方法")
WIDTHS = (34, 12, 12, 10, 30, 44)


def cell_in(sheet: str, row: int, col: int) -> str:
    """A reference to a cell of another sheet: ``'附件2 …'!F30``."""
    return f"'{sheet}'!{ref(row, col)}"


@dataclass(frozen=True, slots=True)
class Against:
    """What a computed figure is set against: a stated cell of a form, or a required value."""

    formula: str
    cached: Cached
    source: str
    tolerance: Decimal

    @classmethod
    def stated(cls, sheet: str, row: int, col: int, number: StatedNumber | None, *,
               percent: bool = False) -> Against:
        """The cell at ``row``, ``col`` of ``sheet``, stating ``number`` (in a percent column, a
        number of percent: 90 for 90%)."""
        value = cell_value(number)
        cell, scale = cell_in(sheet, row, col), HUNDRED if percent else Decimal(1)
        tolerance = ZERO if number is None else number.quantum / 2 / scale
        shown = f"{cell}/100" if percent else cell
        return cls(f'=IF({cell}="","",{shown})', "" if value is None else value, f"{sheet}!{ref(row, col)}",
                   tolerance)

    @classmethod
    def required(cls, value: Decimal, source: str) -> Against:
        return cls(f"={format(value, 'f')}", value, source, ZERO)

    def with_parts(self, parts: Sequence[StatedNumber | None]) -> Against:
        """Also allow the rounding of the parts a sum adds up (six parts each ±0.005 may be 0.03 off)."""
        slack = sum((part.quantum / 2 for part in parts if part is not None), ZERO)
        return replace(self, tolerance=self.tolerance + slack)


@dataclass(frozen=True, slots=True)
class Check:
    label: str
    against: Against | None
    formula: str
    cached: Cached
    num_format: str
    method: str


@dataclass
class Checks:
    """The rows of the sheet, collected while the forms are written; :meth:`write` writes them.

    ``computed_cell`` gives the cell a row's 计算值 will have, so a later formula (a total) can
    add up earlier ones.
    """

    rows: list[Check | str] = field(default_factory=list)

    def section(self, title: str) -> None:
        self.rows.append(title)

    def add(self, check: Check) -> str:
        self.rows.append(check)
        return ref(len(self.rows), 2)

    def write(self, book: Any, styles: Styles) -> None:
        sheet = Sheet(book.add_worksheet(SHEET))
        for col, width in enumerate(WIDTHS):
            sheet.set_column(col, col, width)
        for col, header in enumerate(HEADERS):
            sheet.write_string(0, col, header, styles.header)
        for row, item in enumerate(self.rows, start=1):
            if isinstance(item, str):
                merge(sheet, row, 0, row, len(HEADERS) - 1, item, styles.annex)
            else:
                _write_check(sheet, styles, row, item)
        print_setup(sheet, landscape=True, repeat=(0, 0))


def _write_check(sheet: Sheet, styles: Styles, row: int, check: Check) -> None:
    sheet.write_string(row, 0, check.label, styles.text)
    write_computed(sheet, styles, row, 2, check.formula, check.cached, check.num_format)
    sheet.write_string(row, 5, check.method, styles.text)
    against = check.against
    if against is None:
        for col in (1, 3, 4):
            sheet.write_blank(row, col, None, styles.text)
        return
    sheet.write_formula(row, 1, against.formula, styles.number(check.num_format), against.cached)
    mine, other = ref(row, 1), ref(row, 2)
    difference: Cached = ""
    if isinstance(against.cached, Decimal) and isinstance(check.cached, Decimal):
        difference = against.cached - check.cached
    write_computed(sheet, styles, row, 3, f'=IF(OR({mine}="",{other}=""),"",{mine}-{other})', difference,
                   check.num_format)
    sheet.write_string(row, 4, against.source, styles.text)
    sheet.conditional_format(row, 3, row, 3, {
        "type": "formula",
        "criteria": f"=AND(ISNUMBER({ref(row, 3)}),ABS({ref(row, 3)})>{format(against.tolerance, 'f')})",
        "format": styles.flag})
