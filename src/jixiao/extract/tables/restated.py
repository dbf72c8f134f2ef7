"""Prose that restates a table's totals: checked against the table's items.

“一般公共预算财政拨款“三公”经费支出预算为49.9万元，支出决算为7.69万元” under a 三公经费 table whose 合计
row states 49.9 and 7.69: the text's figures are the table's totals, and each is checked against
the items the table adds up in its column (20 + 14.9 + 15). A figure of the prose around a table
(from the table before it to the table after it) is taken for one of its totals when it is
written exactly as the total and the words before it name it: its column's word (预算, 决算,
执行…) for a 合计 row, and no item of the table named there; the row's label (without its
numbering) for any other row that the table breaks down.

* **total** (JX-TABLE-004) — the prose figure against the items of the table's total.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from jixiao.documents.model import Block, Cell, Document, Paragraph, Table
from jixiao.extract.normalise import normalise
from jixiao.extract.tables.amounts import TOTAL_ROW
from jixiao.extract.tables.breakdowns import without_numbering
from jixiao.extract.tables.cells import Figure, TableClaim, compact, figure
from jixiao.extract.tables.text_view import simplified_text
from jixiao.extract.text_runs import line_starts, text_place

_AMOUNT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:万元|元|亿元)")
_TOTAL = re.compile(r"合计|总计|共计|小计")
_COLUMN_WORDS = ("预算", "决算", "执行", "实际")
_BEFORE = 12
"""Characters before a prose figure searched for the words that name it."""


def restated_claims(document: Document, claims: Sequence[TableClaim]) -> tuple[TableClaim, ...]:
    """The prose figures after each table that restate one of its totals, against its items."""
    totals: dict[int, list[TableClaim]] = {}
    for claim in claims:
        table = claim.stated.cell.place.table
        if claim.code == TOTAL_ROW and claim.kind == "sum" and table is not None:
            totals.setdefault(table, []).append(claim)
    if not totals:
        return ()
    starts = line_starts(document.text)
    found: list[TableClaim] = []
    for table, paragraphs in _prose_around_tables(document.blocks):
        for paragraph in paragraphs:
            found += _restating(paragraph, totals.get(table, []), starts)
    return tuple(found)


def _prose_around_tables(blocks: Sequence[Block]) -> list[tuple[int, list[Paragraph]]]:
    """Each table's index with the paragraphs around it: from the table before it to the
    table after it (a paragraph between two tables is around both)."""
    grouped: list[tuple[int, list[Paragraph]]] = []
    between: list[Paragraph] = []
    for block in blocks:
        if isinstance(block, Table) and block.place.table is not None:
            if grouped:
                grouped[-1][1].extend(between)
            grouped.append((block.place.table, list(between)))
            between = []
        elif isinstance(block, Paragraph):
            between.append(block)
    if grouped:
        grouped[-1][1].extend(between)
    return grouped


def _restating(paragraph: Paragraph, totals: list[TableClaim], starts: tuple[int, ...]) -> list[TableClaim]:
    if not totals:
        return []
    normalised = normalise(paragraph.text)
    text = normalised.text
    found = []
    for match in _AMOUNT.finditer(text):
        before = text[max(0, match.start() - _BEFORE):match.start()]
        claim = next((claim for claim in totals
                      if claim.stated.number.written == match[1] and _names(before, claim)), None)
        if claim is None:
            continue
        low, high = normalised.source_span(*match.span(1))
        offset = paragraph.place.start or 0
        cell = Cell(paragraph.text[low:high], text_place(starts, offset + low, offset + high))
        number = figure(cell)
        if number is None:
            continue
        stated = Figure(f"文中{claim.stated.label}", number, cell)
        found.append(TableClaim(TOTAL_ROW, "sum", f"文中{claim.what}", stated, claim.terms,
                                (cell, *claim.row)))
    return found


def _names(before: str, claim: TableClaim) -> bool:
    """Whether the words before a prose figure name the table's figure: its column's word for a
    合计 row, the row's label otherwise."""
    row_label, _, column = simplified_text(claim.stated.label).partition(" ")
    if _TOTAL.search(row_label):
        # the column's word right before the figure, and no item of the table named there
        word = next((word for word in _COLUMN_WORDS if word in column), None)
        return word is not None and word in before[-6:] and not any(
            _named(before, term.label) for term in claim.terms)
    return _named(before, row_label)


def _named(before: str, label: str) -> bool:
    """Whether the words before a figure name the row (its label without numbering or column)."""
    name = without_numbering(simplified_text(label).partition(" ")[0])
    return len(name) >= 2 and name in compact(before)
