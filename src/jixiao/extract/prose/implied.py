"""Shares of a whole the report never states, when their parts are the whole of it.

“1.基本支出预算 1825430.20 元，占一般公共预算支出的 88.41%…2.项目支出 239300 元，占一般公共预算支出的
14.20%”: no amount is stated as 一般公共预算支出, but 基本支出 and 项目支出 make the whole of it (and
三公经费, 基本支出 have the parts :mod:`.partitions` knows). When the shares of one named whole are
of exactly those parts, each once, and add up to more than 100% (which shares of one whole
cannot), the whole is the sum of the parts and every share is checked against it: 239300 is
11.59% of 2064730.20, not 14.20% (the stated shares add up to 102.61%). Shares of a whole with
any other part beside them, or adding up to 100% or less, say nothing: the whole may be stated
elsewhere under another label, or a part left unsaid.
"""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import groupby

from jixiao.extract.prose.partitions import NONE, WHOLES
from jixiao.extract.prose.reading import Claim, Stated
from jixiao.extract.prose.shares import Unstated, share_claim
from jixiao.numbers import HUNDRED, StatedNumber

_SPENDING = (re.compile(r"(?:一般公共预算|财政拨款).*支出"),
             (re.compile(r"基本支出"), re.compile(r"项目支出")), NONE)
"""一般公共预算（财政拨款）支出 by its nature: 基本支出 and 项目支出, nothing else."""


def implied_whole_claims(shares: list[Unstated]) -> list[Claim]:
    claims = []
    for whole, group in groupby(sorted(shares, key=lambda share: share.whole), lambda share: share.whole):
        members = list(group)
        parts = _partition(whole, members)
        if parts is not None and _beyond_whole(members):
            total = _sum_of(whole, [share.part for share in parts])
            claims += [share_claim(share.rate, share.part, total, share.evidence) for share in members]
    return claims


def _beyond_whole(shares: list[Unstated]) -> bool:
    """Whether the shares add up to more than 100% whatever their rounding: only then is the sum
    of the parts surely the whole the author meant to divide by (shares adding up to less may be
    of a whole stated elsewhere, under another label, with a part left unsaid)."""
    return sum(share.rate.number.interval().low for share in shares) > HUNDRED


def _partition(whole: str, shares: list[Unstated]) -> list[Unstated] | None:
    """The shares in the order of the whole's known parts, when they are those parts, each once."""
    for name, parts, beside in (*WHOLES, _SPENDING):
        if not name.search(whole) or any(part.search(whole) for part in parts) \
                or any(beside.search(share.part.label) for share in shares) or len(shares) != len(parts):
            continue
        matched = [[share for share in shares if part.search(share.part.label)] for part in parts]
        # Each part named by one share and each share naming one part: the shares are the parts.
        if all(len(found) == 1 for found in matched) and all(
                sum(part.search(share.part.label) is not None for part in parts) == 1 for share in shares):
            return [found[0] for found in matched]
    return None


def _sum_of(whole: str, parts: list[Stated]) -> Stated:
    unit = parts[0].number.unit
    numbers = [part.number.in_unit(unit) for part in parts]
    number = StatedNumber.model_construct(value=sum((n.value for n in numbers), Decimal(0)),
                                          decimals=max(n.decimals for n in numbers), unit=unit, origin=None)
    names = " + ".join(part.label for part in parts)
    return Stated(f"{whole}（{names}）", number, parts[0].where)
