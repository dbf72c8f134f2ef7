"""The same figure stated twice with different values (“基本支出 132.71万元” … “基本支出 132.81万元”).

Only amounts under the same label of at least four characters are compared, and only when the
two sentences name the same years and neither speaks of another basis or period (上年, 去年, 预算,
年初, 调整, 结转, a change: 同比, 增减, 较, 比) nor makes the amount part of a list (其中, 包括,
分别, “…中，”, 占). Units are converted first (49.55万元 and 495500元 are one value). The later
statement is the one reported, with the earlier as its term.

A sentence that opens on one fund or project (“我处执法工作经费，全部用于人员工资福利支出12.56万元”)
speaks of that fund alone: its amounts are compared only with those stated under the same
opening, never with the unit's own (“…全部用于人员工资福利支出82.71万元” under another fund).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.extract.prose.reading import Claim, Stated

_OTHER_BASIS = re.compile(r"上年|去年|上一年|预算|年初|调整|结转|结余|同比|增|减|较|比|累计|平均|人均"
                          r"|计划|目标|其中|包括|分别|中，|占")
_YEAR = re.compile(r"(\d{4})\s*年")
_MIN_LABEL = 4
_SCOPE = re.compile(r"^\s*(?P<scope>[^，。；：\d]{2,30}?(?:资金|经费|项目|专项|补助|补贴))\s*[，：]")
"""A sentence's opening clause naming the fund or project its amounts are of."""


@dataclass(frozen=True, slots=True)
class Mention:
    """An amount with the text of its sentence up to it (for its period and basis)."""

    figure: Stated
    context: str


def repeat_claims(mentions: list[Mention]) -> list[Claim]:
    claims = []
    first: dict[tuple[str, str], Mention] = {}
    for mention in mentions:
        label = mention.figure.label
        if len(label) < _MIN_LABEL or _OTHER_BASIS.search(mention.context):
            continue
        earlier = first.setdefault((label, scope_of(mention.context)), mention)
        if earlier is mention or not _same_period(earlier.context, mention.context):
            continue
        if _differ(earlier.figure, mention.figure):
            claims.append(Claim("repeat", mention.figure, (earlier.figure,), mention.context))
    return claims


def scope_of(context: str) -> str:
    """The fund or project the sentence's opening clause names, or ``""``."""
    opening = _SCOPE.match(context)
    return opening["scope"] if opening else ""


def _same_period(left: str, right: str) -> bool:
    return set(_YEAR.findall(left)) == set(_YEAR.findall(right))


def _differ(left: Stated, right: Stated) -> bool:
    try:
        other = left.number.in_unit(right.number.unit)
    except ValueError:
        return False
    return other.value != right.number.value
