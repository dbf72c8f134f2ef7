"""Shares stated in prose: “a万元，占<whole>的p%”.

The whole is an amount stated earlier in the run under the same label (“占基本支出的86.08%”
after “基本支出132.71万元”). A share that names no whole (“占69%”) in a sentence that opens with
“<scope>中，” (““三公”经费支出决算中，公务接待费支出决算0.53万元，占69%”) is a share of the last
amount stated earlier whose label ends that scope (“支出决算为1.71万元”). Shares of a listed
total (“其中：A a万元，占p%”) are read with the list (:mod:`jixiao.extract.prose.sums`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from jixiao.extract.amounts import NUMBER, PERCENT, Figure
from jixiao.extract.prose.reading import Claim, RunText, Stated
from jixiao.extract.text_runs import sentence_start
from jixiao.numbers import HUNDRED

SHARE = re.compile(r"[，\s]*占\s*(?P<whole>[^，。；：\d%\s]{0,20}?)\s*的?\s*"
                   rf"(?:比重|比例)?\s*(?:为|是)?[，\s]*(?P<number>{NUMBER})\s*{PERCENT}")
_WHOLE_SUFFIX = re.compile(r"(?:总数|总额|数)$")
_SCOPE = re.compile(r"中[，：]")


def same_label(whole: str, label: str) -> bool:
    """Whether a share's whole names the amount labelled ``label``: alike but for 数/总额, or by
    what both are of (“占总支出决算的” names “支出决算”, “占基本支出预算” “一般公共预算基本支出”)."""
    if not label:
        return False
    return _WHOLE_SUFFIX.sub("", whole) == _WHOLE_SUFFIX.sub("", label) or (
        _same_basis(whole, label) and core_name(_TOTAL.sub("", whole)) == core_name(label))


_TOTAL = re.compile(r"^总")


def share_claims(rt: RunText, earlier: list[Stated]) -> list[Claim]:
    """Shares of a named whole in this run, or of the whole a “<scope>中，” sentence names
    among this run's and ``earlier`` runs' amounts."""
    claims = []
    for part, name, rate in _shares(rt):
        whole = _named(rt, part, name) if name else _scoped(rt, part, earlier)
        if whole is None:
            continue
        claims.append(share_claim(rt.stated(rate), rt.stated(part), whole,
                                  rt.evidence(part.start, rate.start)))
    return claims


def share_claim(rate: Stated, part: Stated, whole: Stated, evidence: str) -> Claim:
    return Claim("share", replace(rate, label=f"{part.label}占{whole.label}的比重"), (part, whole), evidence)


@dataclass(frozen=True, slots=True)
class Unstated:
    """A share of a named whole that no amount before it in its run states (“占一般公共预算支出
    的 88.41%”): the part, the rate, the whole's name and the sentence."""

    part: Stated
    rate: Stated
    whole: str
    evidence: str


def unstated_shares(rt: RunText) -> list[Unstated]:
    return [Unstated(rt.stated(part), rt.stated(rate), _WHOLE_SUFFIX.sub("", name),
                     rt.evidence(part.start, rate.start))
            for part, name, rate in _shares(rt) if name and _named(rt, part, name) is None]


def _shares(rt: RunText) -> list[tuple[Figure, str, Figure]]:
    """Every “a万元，占<whole>的p%” of the run, and every share following it of the same part: the
    part, the whole's name (may be empty), the rate."""
    found = []
    for part in rt.money:
        position = part.unit_end
        # “涉及资金 656.93 万元，占项目总数比例 100%，占项目支出总额比例 100%”: shares of two wholes.
        while (match := SHARE.match(rt.text, position)) is not None:
            rate = rt.figure_at(match.start("number"))
            if rate is None:
                break
            found.append((part, match["whole"], rate))
            position = match.end()
    return found


def _named(rt: RunText, part: Figure, name: str) -> Stated | None:
    whole = next((f for f in reversed(rt.money)
                  if f.start < part.start and f is not part and same_label(name, f.label)), None)
    return None if whole is None else rt.stated(whole)


def _scoped(rt: RunText, part: Figure, earlier: list[Stated]) -> Stated | None:
    start = sentence_start(rt.text, part.start)
    scope = _SCOPE.search(rt.text, start, part.start)
    if scope is None:
        return None
    name = rt.text[start:scope.start()]
    here = [rt.stated(f) for f in rt.money if f.unit_end <= start]
    return next((whole for whole in reversed([*earlier, *here])
                 if len(whole.label) >= 2 and name.endswith(whole.label)), None)


_YEAR_WORDS = re.compile(r"^(?:\d{4}\s*年度?|本年度?|当年)")
_FUNDS = re.compile(r"^(?:一般公共预算|财政拨款)")
_BASIS_END = re.compile(r"(?<!公共)(?:预算|决算)?(?:总额|总数|数)?$")
_BASIS = re.compile(r"(?<!公共)(?:预算|决算)")
_FEE_SPENT = re.compile(r"费支出$")


def core_name(label: str) -> str:
    """What an amount is of, without its year, its 预算/决算 and 数/总额 words, and the funds it
    is paid from when what is left still names an item: “占基本支出预算” and “2022年一般公共
    预算基本支出” both name 基本支出; “一般公共预算支出” stays whole (支出 alone names nothing)."""
    name = _BASIS_END.sub("", _YEAR_WORDS.sub("", label).replace("一般公共预算拨款", "一般公共预算"))
    # “…安排的“三公”经费支出” is “三公”经费: what is said of it before 的, and 支出 after a 费.
    name = _FEE_SPENT.sub("费", name.rsplit("的", 1)[-1])
    bare = _FUNDS.sub("", name)
    return bare if len(bare) >= 3 else name


def _same_basis(whole: str, label: str) -> bool:
    """Whether neither names 预算 where the other names 决算."""
    bases = set(_BASIS.findall(whole)), set(_BASIS.findall(label))
    return not all(bases) or bases[0] == bases[1]


def _names(label: str) -> set[str]:
    """What an amount is of; a 收支 amount (“财政拨款收支总预算”) is of both 收入 and 支出, the
    two being equal (“占支出总预算的 78.33%” is a share of it)."""
    if "收支" not in label:
        return {core_name(label)}
    return {core_name(label.replace("收支", side)) for side in ("收入", "支出")}


def named_elsewhere(shares: list[Unstated], amounts: list[Stated]) -> tuple[list[Claim], list[Unstated]]:
    """Shares whose whole is stated in another run, before or after (“工资福利支出预算 905709.06 元，
    占基本支出预算 79.89%…六、…2022 年一般公共预算基本支出 1133753.33 元”): the whole is the one
    value the document states under the whole's name; shares whose name has no such one value
    are returned unread."""
    claims, unread = [], []
    for share in shares:
        name = core_name(share.whole)
        named = [amount for amount in amounts if amount.where != share.part.where
                 and name in _names(amount.label) and _same_basis(share.whole, amount.label)]
        values = {amount.number.in_unit(share.part.number.unit).value for amount in named}
        if len(name) < 2 or len(values) != 1:
            unread.append(share)
            continue
        claims.append(share_claim(share.rate, share.part, named[0], share.evidence))
    return claims, unread


def made_to_whole(claims: list[Claim]) -> list[Claim]:
    """The claims with every share marked ``to_whole`` that stands in a run of consecutive shares
    of one whole (text order) whose stated rates add up to exactly 100%."""
    shares = sorted((claim for claim in claims if claim.kind == "share"),
                    key=lambda claim: claim.stated.where.start or 0)
    of_whole: dict[tuple[int | None, Decimal], list[Claim]] = {}
    for claim in shares:
        whole = claim.terms[1]
        of_whole.setdefault((whole.where.start, whole.number.value), []).append(claim)
    marked: set[int] = set()
    for members in of_whole.values():
        for first in range(len(members)):
            total = Decimal(0)
            for last in range(first, len(members)):
                total += members[last].stated.number.value
                if total == HUNDRED and last > first:
                    marked.update(id(claim) for claim in members[first:last + 1])
    return [replace(claim, to_whole=True) if id(claim) in marked else claim for claim in claims]
