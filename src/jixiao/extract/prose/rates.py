"""Rates stated in prose: 执行率, 完成率, 完成预算的 p%.

“预算为3万元，支出决算为1.71万元，完成预算的43%”: p against 执行数 / 预算数, where 执行数 is the
nearest amount before the rate in its clause (in its sentence when the clause has none) and 预算数
the nearest amount before that whose label says 预算 (and the 执行数's does not), or the one amount
before it naming the funds as a whole (“项目资金共860万元，…已完成拨付817万元，执行率97%”), or the
budget the sentence implies after the rate (“完成年初预算100%，决算数大于预算数41.60万元”). A rate
whose sentence states its 执行数 only takes as its base the one amount of the sentence before
(headings without figures passed over), when that sentence names the funds (资金) and the amount
is at least the 执行数 (“5230万元资金全部拨付到位…。实际执行4706.5万元，项目执行率90.99%”).
"""

from __future__ import annotations

import re
from dataclasses import replace

from jixiao.extract.amounts import MONEY, NUMBER, Figure
from jixiao.extract.prose.changes import clause_start
from jixiao.extract.prose.partitions import Mentioned
from jixiao.extract.prose.reading import Claim, RunText, Stated
from jixiao.extract.text_runs import sentence_end, sentence_start
from jixiao.numbers import MONEY_UNITS_IN_YUAN, StatedNumber

_BUDGET = re.compile(r"(?<!公共)预算")
"""A budget, not the 一般公共预算 a spending is paid from."""
_WHOLE = re.compile(r"资金|总额|合计|共|批复|下达|安排")
_IMPLIED = re.compile(rf"(?:决算数?|支出数?|执行数?)(?P<way>大于|超过|高于|多于|超出|小于|低于|少于)"
                      rf"(?:年初)?预算数?\s*(?P<gap>{NUMBER})\s*(?:{MONEY})")
RATE_OF_BUDGET = re.compile(r"(?:完成(?P<base>年初预算|全年预算|预算)数?的?|"
                            r"(?P<name>(?:预算)?(?:执行率|完成率)))"
                            rf"(?:为|是|达到?)?\s*(?P<number>{NUMBER})\s*%")


def rate_claims(rt: RunText, previous: Mentioned | None = None) -> list[Claim]:
    """The run's rates; ``previous`` is the one amount of the last sentence before the run that
    states any, the funds a rate stated without its base may be of."""
    if "完成" not in rt.text and "执行率" not in rt.text:  # in every match: substring tests first
        return []
    claims = []
    for match in RATE_OF_BUDGET.finditer(rt.text):
        rate = rt.figure_at(match.start("number"))
        before = _before(rt, match.start())
        if rate is None or not before or _BUDGET.search(before[-1].label):
            continue
        actual = before[-1]
        budget = _budget(rt, before[:-1], rate, actual)
        if budget is None and len(before) == 1:
            budget = _funds_before(rt, actual, previous)
        if budget is None:
            continue
        name = match["name"] or f"完成{match['base']}的比例"
        claims.append(Claim("rate", rt.stated(rate, f"{actual.label}{name}"),
                            (rt.stated(actual), budget), rt.evidence(before[0].start, rate.start)))
    return claims


def _funds_before(rt: RunText, actual: Figure, previous: Mentioned | None) -> Stated | None:
    """The funds of the sentence before the rate's (“5230万元资金全部拨付到位…。实际执行4706.5
    万元，项目执行率90.99%”): its one amount, when that sentence names the funds (资金) and the
    amount is at least the 执行数; a sentence without amounts (a heading) is passed over."""
    start = sentence_start(rt.text, actual.start)
    earlier = [f for f in rt.money if f.unit_end <= start]
    if earlier:
        last = sentence_start(rt.text, earlier[-1].start)
        sentence = [f for f in earlier if f.start >= last]
        candidate = (Mentioned(rt.stated(sentence[0]), rt.evidence(sentence[0].start, sentence[0].unit_end))
                     if len(sentence) == 1 else None)
    else:
        candidate = previous
    if candidate is None or "资金" not in candidate.evidence:
        return None
    funds = candidate.stated.number
    if funds.unit not in MONEY_UNITS_IN_YUAN or actual.number.in_unit(funds.unit).value > funds.value:
        return None
    return replace(candidate.stated, label=candidate.stated.label or "上句所列资金")


def _before(rt: RunText, at: int) -> list[Figure]:
    """The amounts before ``at`` in its clause; when the clause has none, in its sentence."""
    for start in (clause_start(rt.text, at), rt.text.rfind("。", 0, at) + 1):
        found = [f for f in rt.money if start <= f.start and f.unit_end <= at]
        if found:
            return found
    return []


def _budget(rt: RunText, earlier: list[Figure], rate: Figure, actual: Figure) -> Stated | None:
    """The base of the rate: the nearest amount before the 执行数 labelled 预算 (or, when it is
    the only one, naming the funds as a whole: “项目资金共860万元”); else a budget the sentence
    implies after the rate (“决算数大于预算数41.60万元”: 执行数 − 41.60)."""
    budget = next((f for f in reversed(earlier) if _BUDGET.search(f.label)), None)
    if budget is None and len(earlier) == 1 and _WHOLE.search(earlier[0].label):
        budget = earlier[0]
    if budget is not None:
        return rt.stated(budget)
    implied = _IMPLIED.search(rt.text, rate.unit_end, sentence_end(rt.text, rate.unit_end))
    gap = rt.figure_at(implied.start("gap")) if implied is not None else None
    if implied is None or gap is None or gap.number.unit is not actual.number.unit:
        return None
    sign = -1 if implied["way"] in ("大于", "超过", "高于", "多于", "超出") else 1
    value = actual.number.value + sign * gap.number.value
    decimals = max(actual.number.decimals, gap.number.decimals)
    number = StatedNumber.model_construct(value=value, decimals=decimals, unit=actual.number.unit,
                                          origin=None)
    label = f"预算数（{actual.number} {'−' if sign < 0 else '+'} {gap.number}）"
    return Stated(label, number, rt.place(gap.start, gap.end))
