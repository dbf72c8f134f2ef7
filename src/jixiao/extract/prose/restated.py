"""The changes of a breakdown's parts, stated where each part was first stated.

“（一）文化旅游体育与传媒支出类科目 850088.3 元，…同比减少 54357.12 元…（四）住房保障支出类科目
74784.48 元，…同比增加 62.16 元”, then “支出包括：文化旅游体育与传媒支出 850088.3 元、…住房保障支出
74784.48 元” adding up exactly to “财政拨款收支总预算 1085203.63 元”, and “一般公共预算支出
1085203.63 元，同比减少 43506.06 元”: the parts are the whole of that total, so their changes,
signed, add up to the change of the same total (a complete ``change_sum``). A part is the amount
stated with its change under a label that begins with the part's (类科目 added), of the same
value; the total's change is the one stated for the same value. Nothing is claimed when a part
or the total has no such one change.

A rate stated with no amount (“财政拨款总收支较上年下降 3.85 %”) is of the amount its words name
(“财政拨款收支总预算 1085203.63 元”, alike but for 总, 预算 and 决算), stated once before; when the
change of that value is stated elsewhere, the rate is checked against it (a ``change``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from jixiao.extract.amounts import NUMBER
from jixiao.extract.prose.changes import sign_of
from jixiao.extract.prose.reading import Claim, RunText, Stated
from jixiao.extract.prose.sums import sum_verdict
from jixiao.numbers import NumberError
from jixiao.relations import Verdict


@dataclass(frozen=True, slots=True)
class Changed:
    """An amount stated with its change (“a 元，同比减少 d 元”) and the sentence."""

    amount: Stated
    change: Stated
    evidence: str


def restated_change_claims(claims: list[Claim], changed: list[Changed]) -> list[Claim]:
    found = []
    for claim in claims:
        if claim.kind != "sum" or len(claim.terms) < 2 or sum_verdict(claim) is not Verdict.HOLDS:
            continue
        total = _one(changed, claim.stated, same_label=False)
        parts = [_one(changed, term, same_label=True) for term in claim.terms]
        if total is None or any(part is None for part in parts):
            continue
        terms = tuple(part.change for part in parts if part is not None)
        found.append(Claim("change_sum", total.change, terms, total.evidence, complete=True))
    return found


def _one(changed: list[Changed], amount: Stated, *, same_label: bool) -> Changed | None:
    """The one change stated for an amount of the same value (and, for a part, label)."""
    matching = [entry for entry in changed if _same_value(entry.amount, amount)
                and (not same_label or (amount.label and entry.amount.label.startswith(amount.label)))]
    return matching[0] if len(matching) == 1 else None


def _same_value(left: Stated, right: Stated) -> bool:
    try:
        return left.number.in_unit(right.number.unit).value == right.number.value
    except NumberError:
        return False


_BARE_RATE = re.compile(rf"(?P<subject>[^，。；：\d]{{2,20}}?)(?:较|比|同比)上一?年度?"
                        rf"(?P<way>增长|下降|降低|上升)了?\s*(?P<rate>{NUMBER})\s*%")
_NAME_NOISE = re.compile(r"总|预算|决算|数")


@dataclass(frozen=True, slots=True)
class BareRate:
    """A rate of change stated with no amount: the words naming its subject and the rate."""

    subject: str
    rate: Stated
    evidence: str


def bare_rates(rt: RunText) -> list[BareRate]:
    if "比上" not in rt.text and "较上" not in rt.text:
        return []  # the rate is of a change on last year: most runs state none
    found = []
    for match in _BARE_RATE.finditer(rt.text):
        rate = rt.figure_at(match.start("rate"))
        if rate is None or any(match.start() <= f.start < match.start("rate") for f in rt.money):
            continue
        stated = rt.stated(rate, f"{match['subject']}{match['way']}率", sign_of(match["way"]))
        found.append(BareRate(match["subject"], stated, rt.evidence(match.start(), rate.unit_end)))
    return found


def bare_rate_claims(rates: list[BareRate], amounts: list[Stated], changed: list[Changed]) -> list[Claim]:
    claims = []
    for bare in rates:
        name = _NAME_NOISE.sub("", bare.subject)
        named = [amount for amount in amounts if amount.where.start is not None
                 and bare.rate.where.start is not None and amount.where.start < bare.rate.where.start
                 and len(name) >= 2 and _NAME_NOISE.sub("", amount.label) == name]
        change = _one(changed, named[-1], same_label=False) if len(named) == 1 else None
        if change is not None:
            delta = replace(change.change, label=_way(change.change))
            claims.append(Claim("change", bare.rate, (named[-1], delta), bare.evidence))
    return claims


def _way(change: Stated) -> str:
    return f"比上年{'增加' if change.sign > 0 else '减少'}"
