"""The funds of a 项目绩效评价 (自评) 报告表 by source: 计划安排资金, 实际到位资金, 实际支出 and
结余, each with its 其中 rows by source, read from the text in whatever flattening it comes.

“计划安排资金(万元) | 170 | 实际到位资金(万元) | 170 | 实际支出(万元) | 179.6 | 结余(万元) | 0”, then
“其中:中央财政” once for each of those columns, “省财政 | 170 | 省财政 | 170 | 省财政 | 170 | 省财政”,
…, “其它 | 其它 | 9.6 | 其它 | 9.6 | 其它”: each source's label is written once a column, followed by
its amount when it has one, so the k-th time a source is named it is in the k-th column. The
columns named before the sources are the ones they break down; a column named after them
(“实际支出(万元) | 588.23” below the sources) is read for the 结余 only.

* **total** (JX-TABLE-004) — each broken-down column against the sum of its sources, when one
  source at least states an amount in it and every source is named once a column;
* **balance** (JX-TABLE-008) — the 结余 against 实际到位资金 − 实际支出.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.documents.model import Cell, Document
from jixiao.extract.tables.amounts import TOTAL_ROW
from jixiao.extract.tables.cells import Figure, TableClaim, figure
from jixiao.extract.tables.text_view import TextView, blocks_at, text_view

BALANCE = "JX-TABLE-008"

_START = re.compile(r"计划安排资金|实际到位资金")
_COLUMN = re.compile(r"(计划安排资金|实际到位资金|实际支出|结余)(?:[（(]万元[)）])?")
_SOURCE = re.compile(r"(?:其中)?(中央财政|省(?:级)?财政|市(?:县|州|级)?财政|区(?:级)?财政|县(?:级)?财政|"
                     r"乡镇财政|其它|其他)")
_UNIT = re.compile(r"[（(]万元[)）]")
_TOKEN = re.compile(r"(?P<figure>[-+]?\d+(?:\.\d+)?)(?![\d.])|(?P<word>[^\s|:：\d]+)")
_WINDOW = 1500
"""Characters after the first column label the block is read in."""


@dataclass(slots=True)
class _Entry:
    """A column or a source as the text names it, with the amount after it (if any)."""

    kind: str
    label: str
    amount: Figure | None = None


def source_claims(document: Document) -> tuple[TableClaim, ...]:
    """The relations of every block of funds by source in the document's text."""
    blocks = blocks_at(text_view(document), _START, _entries)
    return tuple(claim for entries in blocks for claim in _claims(entries))


def _entries(view: TextView, start: int) -> tuple[list[_Entry], int]:
    """The columns and sources named from ``start`` on, each with its amount, while the text
    names nothing else; and where they end (in the normalised text)."""
    entries: list[_Entry] = []
    end = start + 1
    for match in _TOKEN.finditer(view.text, start, min(len(view.text), start + _WINDOW)):
        if match["figure"] is not None:
            cell = Cell(match["figure"], view.place(*match.span("figure")))
            number = figure(cell)
            if not entries or entries[-1].amount is not None or number is None:
                break
            entries[-1].amount = Figure(entries[-1].label, number, cell)
        else:
            word = _UNIT.sub("", match["word"])
            column, source = _COLUMN.fullmatch(word), _SOURCE.fullmatch(word)
            if column is not None:
                entries.append(_Entry("column", column[1]))
            elif source is not None and entries:
                entries.append(_Entry("source", source[1]))
            elif word and word != "其中":
                break
        end = match.end()
    return entries, end


def _claims(entries: list[_Entry]) -> list[TableClaim]:
    first_source = next((index for index, entry in enumerate(entries) if entry.kind == "source"),
                        len(entries))
    columns = entries[:first_source]
    named: dict[str, list[_Entry]] = {}
    for entry in entries[first_source:]:
        if entry.kind == "source":
            named.setdefault(entry.label, []).append(entry)
    claims = _balance([entry for entry in entries if entry.kind == "column"])
    if not named or any(len(occurrences) != len(columns) for occurrences in named.values()):
        return claims
    for index, column in enumerate(columns):
        parts = [(label, occurrences[index].amount) for label, occurrences in named.items()]
        terms = tuple(Figure(f"{column.label} {label}", amount.number, amount.cell)
                      for label, amount in parts if amount is not None)
        if column.amount is not None and terms:
            claims.append(TableClaim(TOTAL_ROW, "sum", column.label, column.amount, terms,
                                     (column.amount.cell, *(term.cell for term in terms))))
    return claims


def _balance(columns: list[_Entry]) -> list[TableClaim]:
    """结余 = 实际到位资金 − 实际支出, when the three are stated."""
    amounts = {column.label: column.amount for column in columns if column.amount is not None}
    balance, received, spent = (amounts.get(label) for label in ("结余", "实际到位资金", "实际支出"))
    if balance is None or received is None or spent is None:
        return []
    return [TableClaim(BALANCE, "difference", "结余", balance, (received, spent),
                       (received.cell, spent.cell, balance.cell))]
