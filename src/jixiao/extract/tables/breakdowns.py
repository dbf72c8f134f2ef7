"""Amount tables whose rows break down under 其中: a row and the rows that make it up.

“合计 | 246 | 167.37”, “因公出国(境)费 | 0 | 0”, “公务接待费 | 1 | 2.14”, “公务用车购置及运行维护费 |
245 | 165.23”, “其中:公务用车运行维护费 | 165 | 87.07”, “公务用车购置费 | 80 | 78.16”: a 三公经费
table, and every table laid out so. A row followed by a 其中 row is made up of the rows from that
one on at the 其中 row's level: rows numbered alike (“其中:(一)…”, “(二)…”, “(三)…”; rows numbered
otherwise in between, “1.…”, “2.…”, make up the part above them); unnumbered rows, as many as add
up to the parent in every column (the fewest, two at least; none read when no count does: an
unnumbered row after them may as well be the parent's sibling). A 合计 row is made up of the rows
outside every breakdown, when every breakdown was read.

* **total** (JX-TABLE-004) — each breakdown's parent against its parts, and the 合计 row against
  the rows outside every breakdown, column by column: a part's empty cell counts as nothing; a
  column where every part is empty, or a part lacks the cell (the text ends inside its row), is
  not assessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from jixiao.documents.model import Cell, Table
from jixiao.extract.tables.amounts import TOTAL_ROW
from jixiao.extract.tables.cells import Figure, TableClaim, column_figures, compact, figure
from jixiao.extract.tables.text_view import simplified_text
from jixiao.numbers import Unit
from jixiao.relations import Verdict, check_sum

_MAX_UNNUMBERED = 12
"""The most unnumbered rows weighed as the parts of a row (their end told by arithmetic)."""
_QIZHONG = re.compile(r"其中\s*[:：]?")
_TOTAL = re.compile(r"(?:合计|总计|共计)[:：]?")
_STYLES = (re.compile(r"\d+[、.．]"), re.compile(r"[（(][一二三四五六七八九十\d]+[）)]"),
           re.compile(r"[一二三四五六七八九十]+、"))


@dataclass(frozen=True, slots=True)
class _Line:
    """A body row: its index, the column of its label, the label (normalised, without 其中),
    its numbering style (``None`` when unnumbered) and whether it opens with 其中."""

    index: int
    column: int
    label: str
    style: int | None
    qizhong: bool


def breakdown_claims(table: Table) -> tuple[TableClaim, ...]:
    """The relations of the table's 其中 breakdowns and of its 合计 row; empty when no row
    opens with 其中."""
    lines = _lines(table.rows)
    if not any(line.qizhong for line in lines):
        return ()
    names = _names(table.rows, lines)
    claims: list[TableClaim] = []
    inside: set[int] = set()
    for position, line in enumerate(lines):
        parts = _parts(table.rows, lines, position)
        if parts:
            inside.update(part.index for part in parts)
            inside.update(_deeper(lines, parts))
            claims += _column_sums(table.rows, line, parts, names)
    if all(line.index in inside or not _has_figure(table.rows[line.index])
           for line in lines if line.qizhong):  # every breakdown read
        claims += _total(table.rows, lines, inside, names)
    return tuple(claims)


def _lines(rows: Sequence[Sequence[Cell]]) -> list[_Line]:
    """The body rows: those with a label after the header (rows before the first figure)."""
    first = next((index for index, row in enumerate(rows)
                  if any(figure(cell) is not None for cell in row)), None)
    if first is None:
        return []
    lines = []
    for index in range(first, len(rows)):
        row = rows[index]
        column = next((col for col, cell in enumerate(row) if cell.text and figure(cell) is None), None)
        if column is None or any(figure(cell) is not None for cell in row[:column]):
            continue
        label = simplified_text(compact(row[column].text))
        qizhong = _QIZHONG.match(label)
        bare = label[qizhong.end():] if qizhong else label
        style = next((number for number, style in enumerate(_STYLES) if style.match(bare)), None)
        lines.append(_Line(index, column, bare, style, qizhong is not None))
    return lines


def _parts(rows: Sequence[Sequence[Cell]], lines: list[_Line], position: int) -> list[_Line]:
    """The rows that make up ``lines[position]``: a 其中 row right after it and the rows at its
    level, or the rows of another numbering right after a numbered row."""
    if position + 1 >= len(lines):
        return []
    parent, first = lines[position], lines[position + 1]
    if not first.qizhong and not (parent.style is not None and first.style is not None
                                  and first.style != parent.style and not parent.qizhong):
        return []
    if first.index != parent.index + 1 or first.column != parent.column:
        return []
    parts = [first]
    following = lines[position + 2:]
    for line in following:
        if line.qizhong or _TOTAL.fullmatch(line.label):
            break
        if line.style == first.style and (first.style is not None or line.style is None):
            parts.append(line)
        elif first.style is None or line.style is None or line.style == parent.style:
            break
    if first.style is None:  # where unnumbered parts end only their arithmetic tells
        return _adding_up(rows, parent, parts)
    return parts if len(parts) >= 2 else []  # one 其中 row is a part, not the whole


def _adding_up(rows: Sequence[Sequence[Cell]], parent: _Line, parts: list[_Line]) -> list[_Line]:
    """The most unnumbered parts that add up to the parent in every column it states (one alone
    when it equals the parent; rows of nothing after the parts add up with them, and they add
    nothing wherever they belong); none when no count does."""
    for count in range(min(len(parts), _MAX_UNNUMBERED), 0, -1):
        sums = list(_column_sums(rows, parent, parts[:count], []))
        if sums and all(check_sum(claim.stated.number, [term.number for term in claim.terms]).verdict
                        is Verdict.HOLDS for claim in sums):
            return parts[:count]
    return []


def without_numbering(label: str) -> str:
    """A row's label without its 其中 and its numbering (“其中:(二)公务用车…” → “公务用车…”)."""
    qizhong = _QIZHONG.match(label)
    bare = label[qizhong.end():] if qizhong else label
    numbered = next((match for style in _STYLES if (match := style.match(bare)) is not None), None)
    return bare[numbered.end():] if numbered else bare


def _has_figure(row: Sequence[Cell]) -> bool:
    return any(figure(cell) is not None for cell in row)


def _deeper(lines: list[_Line], parts: list[_Line]) -> set[int]:
    """The rows between the first and last part that are not parts: they make up a part."""
    indices = {part.index for part in parts}
    return {line.index for line in lines if parts[0].index < line.index < parts[-1].index
            and line.index not in indices}


def _total(rows: Sequence[Sequence[Cell]], lines: list[_Line], inside: set[int], names: list[str]
           ) -> list[TableClaim]:
    totals = [line for line in lines if _TOTAL.fullmatch(line.label) and not line.qizhong]
    if len(totals) != 1 or totals[0] not in (lines[0], lines[-1]):
        return []
    # a row stating nothing adds nothing, wherever it belongs
    items = [line for line in lines if line is not totals[0] and line.index not in inside
             and _has_figure(rows[line.index])]
    if len(items) < 2 or len({line.style for line in items}) != 1:
        return []
    return list(_column_sums(rows, totals[0], items, names))


def _column_sums(rows: Sequence[Sequence[Cell]], parent: _Line, parts: list[_Line], names: list[str]
                 ) -> Iterator[TableClaim]:
    row = rows[parent.index]
    for column in range(parent.column + 1, len(row)):
        total = figure(row[column])
        if total is None or total.unit is Unit.PERCENT:
            continue
        name = names[column] if column < len(names) else ""
        labels = [(part.index, f"{part.label} {name}".strip()) for part in parts]
        figures = column_figures(rows, labels, column, missing_is_blank=False)
        if figures:
            what = f"{parent.label}的{name}" if name else parent.label
            stated = Figure(f"{parent.label} {name}".strip(), total, row[column])
            yield TableClaim(TOTAL_ROW, "sum", what, stated, figures, tuple(row))


def _names(rows: Sequence[Sequence[Cell]], lines: list[_Line]) -> list[str]:
    """Each column's header word: the row above the first body row, when it is all words."""
    first = min((line.index for line in lines), default=0)
    if first == 0:
        return []
    header = rows[first - 1]
    if any(figure(cell) is not None for cell in header):
        return []
    return [simplified_text(compact(cell.text)) for cell in header]
