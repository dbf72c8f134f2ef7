"""The changes of a breakdown's parts, stated where each part was first stated.

“（一）文化旅游体育与传媒支出类科目 850088.3 元，…同比减少 54357.12 元…（四）住房保障支出类科目
74784.48 元，…同比增加 62.16 元”, then “支出包括：文化旅游体育与传媒支出 850088.3 元、…住房保障支出
74784.48 元” adding up exactly to “财政拨款收支总预算 1085203.63 元”, and “一般公共预算支出
1085203.63 元，同比减少 43506.06 元”: the parts are the whole of that total, so their changes,
signed, add up to the change of the same total (a complete ``change_sum``). A part is the amount
stated with its change under a label that begins with the part's (类科目 added), of the same
value; the total's change is the one stated for the same value. Nothing is claimed when a part
or the total has no such one change.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.extract.prose.reading import Claim, Stated
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
