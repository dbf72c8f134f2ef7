"""Numbered items of a score table that add up to the row above them (“一、示范区建立 | … | 15.0”,
then “1、水稻侧深施肥 | … | 5.0”, “2、玉米种肥同播 | … | 5.0”, “3、施用配方肥 | … | 5.0”).

In a score table (:func:`.scores.is_score_table`), a row whose indicator is numbered with a Chinese
numeral (一、) heads the rows after it numbered with digits (1、 1. (1)), up to the next row that
is not so numbered. Each row's figure is its last cell with text, a number of points (no %, no
unit).

* **score_sum** (JX-TABLE-002) — the head row's 得分 against its items', when it has two items
  at least and each states its points; a head the table ends in (cut) may have lost its last
  items: their sum below its own says nothing there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from jixiao.documents.model import Cell, Table
from jixiao.extract.tables.cells import Figure, TableClaim, compact, figure
from jixiao.extract.tables.scores.table import SCORE_SUM
from jixiao.numbers import Unit

_HEAD = re.compile(r"[一二三四五六七八九十]+\s*、")
_ITEM = re.compile(r"(?:\d{1,2}\s*[、.．](?!\d)|[（(]\s*\d{1,2}\s*[）)])")


def score_item_claims(table: Table) -> Iterator[TableClaim]:
    head: tuple[str, Figure, Sequence[Cell]] | None = None
    items: list[Figure | None] = []
    for row in table.rows:
        kind, label = _numbered(row)
        if kind == "item" and head is not None:
            items.append(_points(label, row))
            continue
        if head is not None:
            yield from _sum(head, items, closed=True)
        head, items = None, []
        if kind == "head":
            points = _points(label, row)
            head = None if points is None else (label, points, row)
    if head is not None:
        yield from _sum(head, items, closed=not table.cut)


def _numbered(row: Sequence[Cell]) -> tuple[str, str]:
    """Whether the row's first numbered cell numbers a head or an item, and its label."""
    for cell in row:
        text = cell.text.strip()
        if (match := _HEAD.match(text)) is not None:
            return "head", compact(text[match.end():])
        if (match := _ITEM.match(text)) is not None:
            return "item", compact(text[match.end():])
    return "", ""


def _points(label: str, row: Sequence[Cell]) -> Figure | None:
    last = next((cell for cell in reversed(row) if cell.text.strip()), None)
    number = figure(last, Unit.POINT)
    if last is None or number is None or number.unit is not Unit.POINT:
        return None
    return Figure(f"{label} 得分", number, last)


def _sum(head: tuple[str, Figure, Sequence[Cell]], items: list[Figure | None], *,
         closed: bool) -> Iterator[TableClaim]:
    label, stated, row = head
    parts = [item for item in items if item is not None]
    if len(items) < 2 or len(parts) != len(items):
        return
    if closed or sum(part.number.value for part in parts) >= stated.number.value:
        yield TableClaim(SCORE_SUM, "sum", f"{label}的得分", stated, tuple(parts), tuple(row), "得分")
