"""The two breakdowns of a 部门整体 form's 年度资金总额, read from the text in any flattening.

“按收入性质分:1268.35 按支出性质分:1190.35 其中: 一般公共预算:1020.15 其中:基本支出:640.20
政府性基金拨款:48.20 项目支出:550.15 其他资金:200.00”: the form writes the two columns row by
row, so their items interleave. Which column an item belongs to is known by its name, not by its
place: 基本支出 and 项目支出 split the spending by nature; 一般公共预算, 政府性基金, 纳入专户管理的
非税收入, 其他资金 (and 财政拨款, 上年结转) split it by source. An item written without an amount
(“政府性基金拨款:”) counts as nothing.

* **total** (JX-TABLE-004) — each breakdown's total against its items, when two items at least
  are named, one with an amount at least; and the total by nature against the items by source,
  the two being one amount split two ways (1190.35 against 1020.15 + 48.20 + 200.00 = 1268.35).
"""

from __future__ import annotations

import re

from jixiao.documents.model import Cell
from jixiao.extract.tables.amounts import TOTAL_ROW
from jixiao.extract.tables.cells import Figure, TableClaim
from jixiao.extract.tables.text_view import TextView, blocks_at
from jixiao.numbers import NumberError, parse_stated

_SPLIT = re.compile(r"按(?:收入|支出)性质分")
_ENTRY = re.compile(r"(?P<label>[\u4e00-\u9fff（）()]+?)\s*[:：]\s*(?P<number>\d+(?:\.\d+)?(?![\d.]))?")
_INCOME = re.compile(r"一般公共预算|政府性基金|非税收入|其他资金|财政拨款|上年结转")
_NATURE = re.compile(r"基本支出|项目支出")
_WINDOW = 600
"""Characters after the first breakdown's label its entries are read in."""


def split_claims(view: TextView) -> tuple[TableClaim, ...]:
    return tuple(claim for entries in blocks_at(view, _SPLIT, _entries) for claim in _claims(entries))


def _entries(view: TextView, start: int) -> tuple[list[tuple[str, Figure | None]], int]:
    """The labels from ``start`` while each is a breakdown's total or item, one after the other
    (only spaces and 其中 between them), each with its amount when it states one; and where they
    end."""
    text, end = view.text, start
    entries: list[tuple[str, Figure | None]] = []
    for match in _ENTRY.finditer(text, start, min(len(text), start + _WINDOW)):
        label = match["label"].removeprefix("其中")
        if text[end:match.start()].strip() or not (label == "" or _kind(label)):
            break
        end = match.end()
        if label and not match["number"]:
            entries.append((label, None))
        elif label:
            try:
                number = parse_stated(match["number"])
            except NumberError:
                break
            place = view.place(match.start("number"), match.end("number"))
            entries.append((label, Figure(label, number, Cell(match["number"], place))))
    return entries, max(end, start + 1)


def _kind(label: str) -> str:
    if _SPLIT.fullmatch(label):
        return "total"
    if _NATURE.search(label):
        return "nature"
    return "income" if _INCOME.search(label) else ""


def _claims(entries: list[tuple[str, Figure | None]]) -> list[TableClaim]:
    totals = {label: figure for label, figure in entries if figure is not None and _kind(label) == "total"}
    claims = []
    for label, kind in (("按收入性质分", "income"), ("按支出性质分", "nature")):
        total, items = totals.get(label), _items(entries, kind)
        if total is not None and items:
            claims.append(TableClaim(TOTAL_ROW, "sum", label, total, items, (total.cell,)))
    by_nature, income = totals.get("按支出性质分"), _items(entries, "income")
    if by_nature is not None and income:
        claims.append(TableClaim(TOTAL_ROW, "sum", "按支出性质分", by_nature, income, (by_nature.cell,),
                                 "按收入性质分"))
    return claims


def _items(entries: list[tuple[str, Figure | None]], kind: str) -> tuple[Figure, ...]:
    """The amounts of a breakdown's items, when two items at least are named (an item written
    without an amount counts as nothing: “一般公共预算:2456.18 … 政府性基金拨款: …”)."""
    named = [figure for label, figure in entries if _kind(label) == kind]
    return tuple(figure for figure in named if figure is not None) if len(named) >= 2 else ()
