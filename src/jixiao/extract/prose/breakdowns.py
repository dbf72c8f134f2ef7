"""Breakdowns whose items are broken down as their total is, stated item by item.

“一般公共预算拨款支出 1493924.6 元，其中：基本支出 1440224.6 元，项目支出 53700 元。…机构运行
1100910.5 元，其中：基本支出 1100910.5 元，项目支出 0元。…住房公积金 112788 元，其中：基本支出
112788 元，项目支出 0元。”: each item (a row) is split into the same parts as the total (the
columns). When the rows following the total, each with the total's parts in the same order,
add up exactly to the total, they are the whole of it, and each column adds up to the total's
part of that name: the 基本支出 of the items to the 基本支出 of the total. Rows that add up
only within rounding, or not at all, may be another breakdown: nothing is claimed.
"""

from __future__ import annotations

from dataclasses import replace

from jixiao.extract.prose.reading import Claim, Stated
from jixiao.numbers import NumberError
from jixiao.relations import Verdict, check_sum


def column_claims(claims: list[Claim]) -> list[Claim]:
    """A complete ``sum`` claim for every column of a total's breakdown whose rows make it."""
    sums = sorted((claim for claim in claims if claim.kind == "sum"),
                  key=lambda claim: claim.stated.where.start or 0)
    found = []
    for index, head in enumerate(sums):
        columns = _columns(head)
        if not columns:
            continue
        rows = []
        for row in sums[index + 1:]:
            if _columns(row) != columns:
                break
            rows.append(row)
        if len(rows) >= 2 and _make(head, rows):
            found += [Claim("sum", part, tuple(_cell(row, column) for row in rows), head.evidence)
                      for column, part in enumerate(head.terms)]
    return found


def _cell(row: Claim, column: int) -> Stated:
    """A row's part, named with its row (“机构运行的基本支出”)."""
    part = row.terms[column]
    return replace(part, label=f"{row.stated.label}的{part.label}")


def _columns(claim: Claim) -> tuple[str, ...]:
    """The names of a breakdown's parts, when it has at least two, all named and distinct."""
    labels = tuple(term.label for term in claim.terms)
    return labels if len(labels) >= 2 and all(labels) and len(set(labels)) == len(labels) else ()


def _make(head: Claim, rows: list[Claim]) -> bool:
    """Whether the rows' totals add up exactly to the head's total."""
    total = head.stated.number
    try:
        parts = [row.stated.number.in_unit(total.unit) for row in rows]
    except NumberError:
        return False
    return check_sum(total, parts).verdict is Verdict.HOLDS
