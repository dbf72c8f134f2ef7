"""The breakdowns of a 政府采购 amount, read from the text whatever its layout.

“2023年政府采购预算17000元……其中：政府集中采购预算17000元……分散采购0元……按政府采购资金类型划分，一般公共
预算拨款17000元，财政专户管理的资金安排0元，上年结转结余资金0元。……货物类采购10000元……工程类采购0
元……服务类采购7000元”: the one amount is split three ways, by the form's own vocabulary (the
政府采购 table's columns): by how it is bought (集中采购, 分散采购), by the source of its funds
(一般公共预算, 政府性基金, 财政专户, 上年结转) and by what is bought (货物, 工程, 服务). Each split
found whole (every kind of it named, with an amount in the whole's unit) in the text after the
amount, up to the next 政府采购 amount, is checked.

* **total** (JX-TABLE-004) — the 政府采购 amount against each of its splits.
"""

from __future__ import annotations

import re

from jixiao.documents.model import Cell, Document
from jixiao.extract.tables.amounts import TOTAL_ROW
from jixiao.extract.tables.cells import Figure, TableClaim
from jixiao.extract.tables.text_view import TextView, text_view
from jixiao.numbers import NumberError, StatedNumber, Unit, parse_stated

_WHOLE = re.compile(r"政府采购(?:预算|支出|决算)(?:总额|合计)?(?:为|共)?\s*(?P<amount>\d+(?:\.\d+)?)\s*"
                    r"(?P<unit>万元|亿元|元)")
_SPLITS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("按采购组织形式", (("集中采购", r"集中采购"), ("分散采购", r"分散采购"))),
    ("按采购品目", (("货物", r"货物类?(?:采购)?"), ("工程", r"工程类?(?:采购)?"),
               ("服务", r"服务类?(?:采购)?"))),
    ("按资金来源", (("一般公共预算", r"一般公共预算(?:拨款)?"), ("财政专户", r"财政专户管理的资金(?:安排)?"),
                ("上年结转", r"上年结转(?:结余)?资金(?:安排?)?"))),
)
"""Each split: its name and its kinds (the label and the words naming it)."""
_GAP = r"[^\d。；，,%]{0,8}?"
_WINDOW = 800
"""Characters after the 政府采购 amount its splits are read in."""


def procurement_claims(document: Document) -> tuple[TableClaim, ...]:
    view = text_view(document)
    claims: list[TableClaim] = []
    wholes = list(_WHOLE.finditer(view.text))
    for number, whole in enumerate(wholes):
        end = wholes[number + 1].start() if number + 1 < len(wholes) else len(view.text)
        total = _figure(view, whole, "政府采购")
        if total is None:
            continue
        window = (whole.end(), min(end, whole.end() + _WINDOW))
        for name, kinds in _SPLITS:
            parts = [_part(view, label, pattern, window, whole["unit"]) for label, pattern in kinds]
            found = tuple(part for part in parts if part is not None)
            if len(found) == len(kinds):
                what = f"政府采购（{name}）"
                claims.append(TableClaim(TOTAL_ROW, "sum", what, total, found, (total.cell,)))
    return tuple(claims)


def _part(view: TextView, label: str, pattern: str, window: tuple[int, int], unit: str) -> Figure | None:
    """The first amount of the split's kind in the window, read without the line ends and spaces
    that break words (“服\n务类采购 7000 元”)."""
    kept = [index for index in range(*window) if not view.text[index].isspace()]
    text = "".join(view.text[index] for index in kept)
    found = re.compile(rf"{pattern}{_GAP}(?P<amount>\d+(?:\.\d+)?)(?P<unit>万元|亿元|元)").search(text)
    if found is None or found["unit"] != unit:
        return None
    try:
        number = parse_stated(found["amount"], Unit(found["unit"]))
    except NumberError:
        return None
    start, end = found.span("amount")
    place = view.place(kept[start], kept[end - 1] + 1)
    return Figure(label, number, Cell(found["amount"], place))


def _figure(view: TextView, match: re.Match[str], label: str) -> Figure | None:
    try:
        number: StatedNumber = parse_stated(match["amount"], Unit(match["unit"]))
    except NumberError:
        return None
    place = view.place(*match.span("amount"))
    return Figure(label, number, Cell(match["amount"], place))
