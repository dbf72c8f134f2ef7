"""Ledger blocks broken down into ledger blocks: a fund's 年度资金总额 and its rows by source,
followed by 其中 and the same block for each of its parts.

“农村饮水安全补助资金合计 年度资金总额: 926.40 其中:中央资金 512.00 省级资金 288.60 县级资金 125.80
其中: 供水工程维修养护资金 年度资金总额: 604.10 其中:中央资金 340.00 省级资金 190.30 …
水质检测补助资金 年度资金总额: 322.30 其中:中央资金 172.00 省级资金 99.30 …”. Which blocks are the
parts is read from the arithmetic, not from a count: the blocks right after the 其中 whose totals
add up to the whole's (926.40 = 604.10 + 322.30). Each row of the whole is then checked against
the rows of the same label in every part (省级资金 288.60 against 190.30 + 99.30 = 289.60).
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.extract.tables.amounts import TOTAL_ROW
from jixiao.extract.tables.cells import Figure, TableClaim
from jixiao.numbers import StatedNumber
from jixiao.relations import Verdict, check_sum


@dataclass(frozen=True, slots=True)
class Ledger:
    """A block stating one amount: its name, its total, its rows (label and amount), whether a
    其中 follows its rows, and where it starts in ``Document.text``."""

    name: str
    total: Figure
    rows: tuple[tuple[str, Figure], ...]
    broken_down: bool
    start: int


def nested_claims(ledgers: list[Ledger]) -> tuple[TableClaim, ...]:
    claims: list[TableClaim] = []
    for index, whole in enumerate(ledgers):
        parts = _parts_of(whole, ledgers[index + 1:]) if whole.broken_down else None
        if parts is None:
            continue
        # The totals add up by construction (that is how the parts were found): only the rows
        # are claims.
        for label, amount in whole.rows:
            same = [dict(part.rows).get(label) for part in parts]
            terms = tuple(figure for figure in same if figure is not None)
            if len(terms) == len(parts):
                claims.append(TableClaim(TOTAL_ROW, "sum", f"{whole.name} {label}".strip(), amount, terms,
                                         (amount.cell,)))
    return tuple(claims)


def _parts_of(whole: Ledger, following: list[Ledger]) -> list[Ledger] | None:
    """The fewest blocks (two at least) after ``whole`` whose totals add up to its total."""
    for count in range(2, len(following) + 1):
        parts = following[:count]
        if _adds_up(whole.total.number, [part.total.number for part in parts]):
            return parts
    return None


def _adds_up(total: StatedNumber, parts: list[StatedNumber]) -> bool:
    return check_sum(total, parts).verdict in (Verdict.HOLDS, Verdict.WITHIN_ROUNDING)
