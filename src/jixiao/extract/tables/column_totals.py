"""Tables whose columns are the items: a 合计 column and its parts, the rows all figures.

“合计 | 因公出国 | 公务用车购置及运行维护” over “小计 | 公务用车购置 | 公车运行及维护 | 公务接待费” over
“5834 | 100 | 692 | 4612 | 430”: a two-row header whose cells no longer stand over their figures
(the 小计 lost its figure, the group heading spans three columns). Which figures are the parts of
the 合计 is read from the arithmetic of the rows themselves, not from the headers: all the figures
after the first, or all but one (a 小计 of some of them); the layout under which the most rows
add up, when one row at least does and no row adds up under another one only, is checked in
every row.

* **total** (JX-TABLE-004) — each row's first figure, under a header opening with 合计, against
  the figures that make it up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from jixiao.documents.model import Cell, Table
from jixiao.extract.tables.amounts import TOTAL_ROW
from jixiao.extract.tables.cells import Figure, TableClaim, compact, figure
from jixiao.extract.tables.text_view import simplified_text
from jixiao.numbers import StatedNumber, Unit
from jixiao.relations import Verdict, check_sum

_TOTAL = re.compile(r"合计|总计")
_MIN_FIGURES = 3


def column_total_claims(table: Table) -> tuple[TableClaim, ...]:
    """The relations of a table whose header opens with 合计 and whose other rows are figures
    only; empty for any other table."""
    rows = [row for row in table.rows if any(cell.text for cell in row)]
    figures_rows = [row for row in rows if _figures(row) is not None]
    headers = [row for row in rows if not any(figure(cell) is not None for cell in row)]
    if not figures_rows or not headers or len(headers) + len(figures_rows) != len(rows):
        return ()
    opening = next((simplified_text(compact(cell.text)) for cell in headers[-_header_rows(headers):][0]
                    if cell.text), "")
    if not _TOTAL.fullmatch(opening):
        return ()
    layouts = _layouts(len(_figures(figures_rows[0]) or ()))
    best = max(layouts, key=lambda layout: sum(_holds(row, layout) for row in figures_rows), default=None)
    if best is None or not any(_holds(row, best) for row in figures_rows):
        return ()
    if any(not _holds(row, best) and any(_holds(row, other) for other in layouts) for row in figures_rows):
        return ()  # rows laid out differently: which is right cannot be told
    return tuple(_claim(row, best) for row in figures_rows
                 if len(_figures(row) or ()) == len(_figures(figures_rows[0]) or ()))


def _header_rows(headers: Sequence[Sequence[Cell]]) -> int:
    """The header rows that name columns: those after the last one-cell row (a title, a unit)."""
    named = 0
    for row in reversed(headers):
        if sum(1 for cell in row if cell.text) < 2:
            break
        named += 1
    return max(named, 1)


def _figures(row: Sequence[Cell]) -> list[tuple[Cell, StatedNumber]] | None:
    """The row's figures, when it states figures only (three at least) and no percentage."""
    found = [(cell, figure(cell)) for cell in row if cell.text]
    numbers = [(cell, number) for cell, number in found if number is not None and number.unit is Unit.NONE]
    return numbers if len(numbers) == len(found) >= _MIN_FIGURES else None


def _layouts(count: int) -> list[tuple[int, ...]]:
    """The parts of the first figure: all the others, or all but one (a 小计)."""
    rest = tuple(range(1, count))
    return [rest] + [tuple(index for index in rest if index != left_out) for left_out in rest
                     if count > _MIN_FIGURES]


def _holds(row: Sequence[Cell], layout: tuple[int, ...]) -> bool:
    figures = _figures(row)
    if figures is None or max(layout, default=0) >= len(figures):
        return False
    return check_sum(figures[0][1], [figures[index][1] for index in layout]).verdict is Verdict.HOLDS


def _claim(row: Sequence[Cell], layout: tuple[int, ...]) -> TableClaim:
    figures = _figures(row) or []
    (total_cell, total), parts = figures[0], [figures[index] for index in layout]
    terms = tuple(Figure(f"第{index + 1}个数", number, cell) for index, (cell, number) in zip(layout, parts,
                                                                                              strict=True))
    return TableClaim(TOTAL_ROW, "sum", "合计", Figure("合计", total, total_cell), terms, tuple(row))
