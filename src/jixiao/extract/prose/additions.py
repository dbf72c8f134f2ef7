"""Funds received: what was arranged at the start of the year and what was added during it.

“安排基本支出经费85.33万元，实际到位资金127.22万元（其中：年中追加41.89万元）”: the funds that
arrived are the arrangement stated before them plus the addition their 其中 names, when it names
nothing else: 127.22 = 85.33 + 41.89, a complete ``sum``.
"""

from __future__ import annotations

import re

from jixiao.extract.amounts import Figure
from jixiao.extract.prose.changes import clause_start
from jixiao.extract.prose.reading import Claim, RunText

_ARRANGED = re.compile(r"安排|年初|预算|批复|下达")
_ARRIVED = re.compile(r"到位|收到|拨付")
_SENTENCE_ENDS = "。！？；"
_ADDED = re.compile(r"[（(]\s*其中\s*[：:]?\s*(?:年中|年内)?(?:追加|调增)[^，。；\d]{0,10}$")


def addition_claims(rt: RunText) -> list[Claim]:
    claims = []
    for index, added in enumerate(rt.money):
        if index < 2 or not _ADDED.search(rt.text, max(0, added.start - 24), added.start):
            continue
        arranged, arrived = rt.money[index - 2:index]
        if _received(rt, arranged, arrived, added):
            claims.append(Claim("sum", rt.stated(arrived), (rt.stated(arranged), rt.stated(added)),
                                rt.evidence(arranged.start, added.unit_end)))
    return claims


def _received(rt: RunText, arranged: Figure, arrived: Figure, added: Figure) -> bool:
    """Whether the three figures read “安排 a，到位 b（其中：追加 c）” in one sentence."""
    start = clause_start(rt.text, arranged.start, _SENTENCE_ENDS)
    return (arranged.depth == arrived.depth == added.depth - 1
            and start == clause_start(rt.text, added.start, _SENTENCE_ENDS)
            and _ARRIVED.search(arrived.label) is not None
            and _ARRANGED.search(rt.text, start, arranged.start) is not None)
