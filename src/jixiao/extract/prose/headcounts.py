"""Totals of people and things counted one by one, with their 其中 parts: “在职实有22人，其中：管理
人员5人，专业技术人员15人，工勤人员3人”, “馆藏档案合计共84210卷，其中：文书档案70115卷…”.

Counts are exact (a whole number of people is not rounded). The parts are the counts in the
same unit up to the end of the sentence. A 其中 list may leave items out, so parts short of the
total say nothing, and parts above it are not read (such lists nest breakdowns and mix
classifications: 职称 and 岗位); a list that names a whole partition of staff by domain knowledge
(管理人员, 专业技术人员, 工勤人员; 行政编制, 事业编制) is complete and must add up.
"""

from __future__ import annotations

import re

from jixiao.extract.amounts import NUMBER, clean_label, label_before
from jixiao.extract.prose.reading import Claim, RunText, Stated
from jixiao.numbers import NumberError, StatedNumber, Unit, parse_stated

_UNITS = {"人": Unit.PERSON, "名": Unit.PERSON, "个": Unit.ITEM, "卷": Unit.ITEM, "件": Unit.PIECE,
          "户": Unit.HOUSEHOLD, "家": Unit.ITEM, "项": Unit.ITEM}
_TOTAL = re.compile(rf"(?P<total>{NUMBER})\s*(?P<unit>[人名个卷件户家项])\s*[，：]?\s*其中\s*[：]?")
_PARTITIONS = (
    frozenset({"管理", "专业技术", "工勤"}),
    frozenset({"行政", "事业"}),
    frozenset({"行政", "事业", "工勤"}),
)
"""Categories that make up the whole of a unit's staff (人员类别, 编制类别)."""
_CATEGORY = re.compile(r"(管理|专业技术|专技|工勤|行政|事业)(?:技能)?(?:岗位?)?(?:人员|编制)")


def headcount_claims(rt: RunText) -> list[Claim]:
    if "其中" not in rt.text:  # most runs: a substring test, not a regex tried at every digit
        return []
    claims = []
    for match in _TOTAL.finditer(rt.text):
        end = min((index for index in (rt.text.find(mark, match.end()) for mark in "。；") if index >= 0),
                  default=len(rt.text))
        unit = match["unit"]
        parts = list(re.finditer(rf"(?<![0-9.])(?P<n>{NUMBER})\s*{unit}", rt.text[match.end():end]))
        total = _stated(rt, match.start("total"), match["total"], unit)
        if total is None or len(parts) < 2:
            continue
        terms = [_stated(rt, match.end() + part.start("n"), part["n"], unit) for part in parts]
        if any(term is None for term in terms):
            continue
        listed = tuple(term for term in terms if term is not None)
        complete = _partition(listed)
        if complete or sum(term.number.value for term in listed) <= total.number.value:
            claims.append(Claim("sum", total, listed, rt.evidence(match.start(), end), partial=not complete))
    return claims


def _stated(rt: RunText, start: int, written: str, unit: str) -> Stated | None:
    try:
        number = StatedNumber.of(parse_stated(written).value, _UNITS[unit])
    except NumberError:
        return None
    label = clean_label(label_before(rt.text, start))
    return Stated(label, number, rt.place(start, start + len(written)))


def _partition(parts: tuple[Stated, ...]) -> bool:
    categories = {match[1].replace("专技", "专业技术") for part in parts
                  if (match := _CATEGORY.search(part.label)) is not None}
    return len(categories) == len(parts) and frozenset(categories) in _PARTITIONS
