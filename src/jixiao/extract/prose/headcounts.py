"""Totals of people and things counted one by one, with their 其中 parts: “在职实有22人，其中：管理
人员5人，专业技术人员15人，工勤人员3人”, “馆藏档案合计共84210卷，其中：文书档案70115卷…”.

Counts are exact (a whole number of people is not rounded); lengths (“治理河道总长为3.75km，其中
干流长 3.133km…”) are read with their decimals. The parts are the counts in the same unit up to
the end of the sentence. A 其中 list may leave items out, so parts short of the
total say nothing, and parts above it are not read (such lists nest breakdowns and mix
classifications: 职称 and 岗位); a list that names a whole partition of staff by domain knowledge
(管理人员, 专业技术人员, 工勤人员; 行政编制, 事业编制) is complete and must add up.

Only the counts at the total's bracket depth are its parts; a part's own breakdown in brackets
(“局本级187人（在职在编139人、退休人员8人、协管员40人）”) is all of that part unless it says 其中,
含 or 包括. Retired staff (退休, 离休) are no part of a total of serving staff (在职, 正式, 在编).
"""

from __future__ import annotations

import re

from jixiao.extract.amounts import NUMBER, clean_label, label_before
from jixiao.extract.prose.reading import Claim, RunText, Stated
from jixiao.numbers import NumberError, StatedNumber, Unit, parse_stated

_UNITS = {"人": Unit.PERSON, "名": Unit.PERSON, "个": Unit.ITEM, "卷": Unit.ITEM, "件": Unit.PIECE,
          "辆": Unit.VEHICLE, "段": Unit.SECTION, "km": Unit.KILOMETRE, "公里": Unit.KILOMETRE,
          "户": Unit.HOUSEHOLD, "家": Unit.ITEM, "项": Unit.ITEM}
UNIT = r"km|公里|[人名个卷件户家项辆段]"
"""Units of things counted or measured one by one, as written after the number."""
_TOTAL = re.compile(rf"(?P<total>{NUMBER})\s*(?P<unit>{UNIT})\s*[，：]?\s*其中\s*[：]?")
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
        unit, depth = match["unit"], rt.depth[match.start("total")]
        total = count_at(rt, match.start("total"), match["total"], unit)
        found = _counts(rt, match.end(), end, unit)
        if total is None or found is None:
            continue
        level = [(start, term) for start, term in found if rt.depth[start] == depth]
        listed = tuple(term for _, term in level if not _retired_beside_serving(total, term))
        complete = _partition(listed)
        if len(listed) >= 2 and (complete or sum(term.number.value for term in listed) <= total.number.value):
            claims.append(Claim("sum", total, listed, rt.evidence(match.start(), end), partial=not complete))
        claims += _bracketed(rt, level, found, end)
    return claims


def _counts(rt: RunText, start: int, end: int, unit: str) -> list[tuple[int, Stated]] | None:
    """Every count in ``unit`` from ``start`` to ``end``, with where it starts in the run."""
    found = []
    for part in re.finditer(rf"(?<![0-9.])(?P<n>{NUMBER})\s*{unit}", rt.text[start:end]):
        at = start + part.start("n")
        term = count_at(rt, at, part["n"], unit)
        if term is None:
            return None
        found.append((at, term))
    return found


def _bracketed(rt: RunText, level: list[tuple[int, Stated]], found: list[tuple[int, Stated]],
               end: int) -> list[Claim]:
    """The breakdown in brackets right after a part (“局本级187人（在职在编139人、退休人员8人、协管员40人）”):
    all of it unless it says 其中, 含 or 包括."""
    claims = []
    for (start, part), (after, _) in zip(level, [*level[1:], (end, None)], strict=False):
        opened = _OPENED.match(rt.text, start + len(part.number.written))
        if opened is None:
            continue
        inner = [term for at, term in found if start < at < after and rt.depth[at] == rt.depth[start] + 1]
        close = rt.text.find(CLOSE_MARK, opened.end(), after)
        if len(inner) >= 2 and close >= 0 and not _SOME.search(rt.text, opened.end(), close):
            claims.append(Claim("sum", part, tuple(inner), rt.evidence(start, close)))
    return claims


_OPENED = re.compile(rf"\s*(?:{UNIT})\s*[（(]")
_SOME = re.compile(r"其中|含|包括")
CLOSE_MARK = "）"
_SERVING = re.compile(r"在职|正式|在编|在岗")
_RETIRED = re.compile(r"退休|离休")


def _retired_beside_serving(total: Stated, part: Stated) -> bool:
    """Retired staff are no part of the serving staff a total counts (“实际正式教职工62人，其中…
    退休职工28人”)."""
    return bool(_SERVING.search(total.label)) and bool(_RETIRED.search(part.label)) \
        and not _SERVING.search(part.label)


def count_at(rt: RunText, start: int, written: str, unit: str) -> Stated | None:
    """The count or length written ``written`` at ``start`` of the run, in ``unit`` as written."""
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
