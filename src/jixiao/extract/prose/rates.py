"""Rates stated in prose: 执行率, 完成率, 完成预算的 p%.

“预算为3万元，支出决算为1.71万元，完成预算的43%”: p against 执行数 / 预算数, where 执行数 is the
nearest amount before the rate in its clause and 预算数 the nearest amount before that whose
label says 预算 (and the 执行数's does not).
"""

from __future__ import annotations

import re

from jixiao.extract.amounts import NUMBER
from jixiao.extract.prose.changes import clause_start
from jixiao.extract.prose.reading import Claim, RunText

_RATE = re.compile(r"(?:完成(?P<base>年初预算|全年预算|预算)数?的?|(?P<name>(?:预算)?(?:执行率|完成率)))"
                   rf"(?:为|是|达到?)?\s*(?P<number>{NUMBER})\s*%")


def rate_claims(rt: RunText) -> list[Claim]:
    claims = []
    for match in _RATE.finditer(rt.text):
        rate = rt.figure_at(match.start("number"))
        start = clause_start(rt.text, match.start())
        before = [f for f in rt.money if start <= f.start and f.unit_end <= match.start()]
        if rate is None or len(before) < 2 or "预算" in before[-1].label:
            continue
        actual = before[-1]
        budget = next((f for f in reversed(before[:-1]) if "预算" in f.label), None)
        if budget is None:
            continue
        name = match["name"] or f"完成{match['base']}的比例"
        claims.append(Claim("rate", rt.stated(rate, f"{actual.label}{name}"),
                            (rt.stated(actual), rt.stated(budget)), rt.evidence(budget.start, rate.start)))
    return claims
