"""Tables of classified amounts (功能分类, 经济分类): rows coded by class, summed along the codes.

A 决算 table lists 类, 款 and 项 rows one under the other, each coded (``201`` / ``20101`` /
``2010101``; or the three parts in columns of their own, ``201 | 01 | 01``): a 类 is the sum of
its 款, a 款 of its 项, and the table's 合计 the sum of its top-level rows, never of every row.
A coded row is a child of the nearest row above whose code begins its own. Two classifications
side by side (经济分类 tables: 工资福利支出 on the left, 商品和服务支出 on the right) are two
groups of columns, each from its code column to the next; a total row in a group
(“人员经费合计”, “公用经费合计”) is the sum of that group's top-level rows.

* **class sum** (JX-TABLE-006) — each coded row with children against their sum, column by
  column (the columns named by the header);
* **total row** (JX-TABLE-004) — a 合计 row above or below the coded rows against the sum of
  the top-level rows.

A column where a row states no figure, or where none of the parts does, is not assessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from jixiao.documents.model import Cell, Table
from jixiao.extract.tables.cells import Figure, TableClaim, column_figures, compact, figure
from jixiao.numbers import Unit

TOTAL_ROW, CLASS_SUM = "JX-TABLE-004", "JX-TABLE-006"

_CODE = re.compile(r"\d{3}(?:\d{2}){0,2}")
"""A class code: 类 (3 digits), 款 (5) or 项 (7)."""
_PART = re.compile(r"\d{2}")
"""The 款 or 项 part of a code written in a column of its own."""
_TOTAL = re.compile(r"(?:合计|总计|共计)[:：]?|.{1,12}(?:合计|总计)")


@dataclass(frozen=True, slots=True)
class _Coded:
    """A coded row of one group: ``label`` is the column of its name, amounts follow it."""

    code: str
    name: str
    index: int
    column: int
    label: int


def class_claims(table: Table) -> tuple[TableClaim, ...]:
    """The relations of a table whose rows are coded by class; empty for any other table."""
    coded = [entry for index, row in enumerate(table.rows) for entry in _coded(row, index)]
    starts = sorted({entry.column for entry in coded})
    groups = [[entry for entry in coded if entry.column == start] for start in starts]
    parents = [_parents(group) for group in groups]
    if not any(parents):
        return ()
    names = _names(table.rows)
    claims: list[TableClaim] = []
    for number, (start, group) in enumerate(zip(starts, groups, strict=True)):
        end = starts[number + 1] if number + 1 < len(starts) else None
        claims += _class_sums(table.rows, group, parents[number], end, names)
        claims += _total_rows(table.rows, group, parents[number], start, end, names)
    return tuple(claims)


def _coded(row: Sequence[Cell], index: int) -> Iterator[_Coded]:
    """The coded entries of a row: a code cell, up to two more code parts or blank cells, then
    the name."""
    texts = [compact(cell.text) for cell in row]
    for column, text in enumerate(texts):
        if not _CODE.fullmatch(text):
            continue
        code, label = text, column + 1
        while label < len(texts) and label - column <= 2 and (_PART.fullmatch(texts[label])
                                                               or not texts[label]):
            code += texts[label]
            label += 1
        if label < len(texts) and texts[label] and figure(row[label]) is None:
            yield _Coded(code, texts[label], index, column, label)


def _parents(group: Sequence[_Coded]) -> dict[int, _Coded]:
    """Each child's parent (by the child's row): the nearest coded row above whose code begins
    the child's."""
    parents: dict[int, _Coded] = {}
    open_rows: list[_Coded] = []
    for entry in group:
        while open_rows and not (len(open_rows[-1].code) < len(entry.code)
                                 and entry.code.startswith(open_rows[-1].code)):
            open_rows.pop()
        if open_rows:
            parents[entry.index] = open_rows[-1]
        open_rows.append(entry)
    return parents


def _names(rows: Sequence[Sequence[Cell]]) -> list[str]:
    """Each column's header word (the first header row that names it), by column."""
    names: dict[int, str] = {}
    for row in rows:
        texts = [compact(cell.text) for cell in row]
        if any(_CODE.fullmatch(text) for text in texts) or any(figure(cell) is not None for cell in row):
            break
        for column, text in enumerate(texts):
            if text:
                names.setdefault(column, text)
    width = max((len(row) for row in rows), default=0)
    return [names.get(column) or f"第{column + 1}列" for column in range(width)]


def _amounts(row: Sequence[Cell], first: int, end: int | None) -> range:
    return range(first, len(row) if end is None else min(end, len(row)))


def _class_sums(rows: Sequence[Sequence[Cell]], group: list[_Coded], parents: dict[int, _Coded],
                end: int | None, names: list[str]) -> Iterator[TableClaim]:
    children: dict[int, list[_Coded]] = {}
    for entry in group:
        if entry.index in parents:
            children.setdefault(parents[entry.index].index, []).append(entry)
    for parent in group:
        if parent.index in children:
            what = f"{parent.name}（{parent.code}）"
            yield from _column_sums(rows, parent.index, parent.label, end, children[parent.index],
                                    names, CLASS_SUM, what, "下级科目")


def _total_rows(rows: Sequence[Sequence[Cell]], group: list[_Coded], parents: dict[int, _Coded],
                start: int, end: int | None, names: list[str]) -> Iterator[TableClaim]:
    tops = [entry for entry in group if entry.index not in parents]
    first, last = group[0].index, group[-1].index
    for index, row in enumerate(rows):
        if first <= index <= last:
            continue
        limit = len(row) if end is None else min(end, len(row))
        label = next((column for column in range(start, limit)
                      if _TOTAL.fullmatch(compact(row[column].text))), None)
        if label is not None:
            what = compact(row[label].text)
            yield from _column_sums(rows, index, label, end, tops, names, TOTAL_ROW, what, "")


def _column_sums(rows: Sequence[Sequence[Cell]], index: int, label: int, end: int | None,
                 parts: list[_Coded], names: list[str], code: str, what: str, word: str
                 ) -> Iterator[TableClaim]:
    row = rows[index]
    for column in _amounts(row, label + 1, end):
        total = figure(row[column])
        if total is None or total.unit is Unit.PERCENT:
            continue
        labels = [(part.index, f"{part.name}（{part.code}） {names[column]}") for part in parts]
        figures = column_figures(rows, labels, column, missing_is_blank=True)
        if figures:
            stated = Figure(f"{what} {names[column]}", total, row[column])
            yield TableClaim(code, "sum", f"{what}的{names[column]}", stated, figures, tuple(row), word)
