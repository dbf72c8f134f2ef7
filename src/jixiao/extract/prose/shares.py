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

from jixiao.extract.amounts import NUMBER, PERCENT, Figure
from jixiao.extract.prose.reading import Claim, RunText, Stated
from jixiao.extract.text_runs import sentence_start

SHARE = re.compile(r"\s*[，]?\s*占\s*(?P<whole>[^，。；：\d%\s]{0,20}?)\s*的?\s*"
                   rf"(?:比重|比例)?\s*(?:为|是)?[，\s]*(?P<number>{NUMBER})\s*{PERCENT}")
_WHOLE_SUFFIX = re.compile(r"(?:总数|总额|数)$")
_SCOPE = re.compile(r"中[，：]")


def same_label(whole: str, label: str) -> bool:
    return bool(label) and _WHOLE_SUFFIX.sub("", whole) == _WHOLE_SUFFIX.sub("", label)


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
    """Every “a万元，占<whole>的p%” of the run: the part, the whole's name (may be empty), the rate."""
    found = []
    for part in rt.money:
        match = SHARE.match(rt.text, part.unit_end)
        rate = rt.figure_at(match.start("number")) if match else None
        if match is not None and rate is not None:
            found.append((part, match["whole"], rate))
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
