"""Counts stated with the list they count: “内设3个科室，分别是综合科、职能转变协调科、政务服务科”,
“设 N 个内设机构：A、B、C”, noun first “所属二级机构5个，即A、B、C、D”, and
“分为货物类采购、工程类采购和服务类采购三种类型”.

The list is the run of items separated by 、 (the last may be joined by 和/及/与) up to the next
，。； mark; a list ending in 等 is not counted. Chinese numerals (三个, 十二个) are read with cn2an on
the captured numeral only.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from jixiao.extract.amounts import clean_label
from jixiao.extract.prose.reading import Claim, RunText, Stated
from jixiao.numbers import StatedNumber, Unit

_NUMERAL = r"(?<!\d)\d{1,9}|(?<![一二三四五六七八九十两])[一二三四五六七八九十两]{1,9}"
"""A count as written, anchored where it starts and short: a run of thousands of digits or
numerals is neither tried from each of them nor converted (cn2an is quadratic in its length)."""
_NOUN = r"[^\d，。；：、\s]{1,8}?"
_COUNT_FIRST = re.compile(
    rf"(?:内设|下设|设有|设|包括|共有|共)\s*(?P<n>{_NUMERAL})\s*(?:个|家|类|种|项)(?P<noun>{_NOUN})"
    r"\s*[：，]\s*(?:分别(?:是|为)[：]?)?(?P<list>[^，。；]+)")
_NOUN_FIRST = re.compile(
    rf"(?P<n>{_NUMERAL})\s*(?:个|家|项|所|处)\s*[，：]\s*(?:即|分别(?:是|为)|包括)[：]?(?P<list>[^，。；]+)")
_NOUN_BEFORE = re.compile(r"[^\d，。；：、\s属有设]{2,8}\s*$")
_LIST_FIRST = re.compile(
    rf"(?:分为|包括)(?P<list>[^，。；：]{{1,200}}?)(?P<n>{_NUMERAL})\s*(?:个|种|类|项)(?:类型|类别|方面|部分)?(?=[，。；]|$)")
_JOIN = re.compile(r"和|及|与")
_PATTERNS = ((_COUNT_FIRST, ("设", "共", "包括")), (_NOUN_FIRST, ("即", "分别", "包括")),
             (_LIST_FIRST, ("分为", "包括")))
"""Each pattern with the words one of which is in every match of it (设/共/包括 before a count,
即/分别/包括 after one, 分为/包括 before a list): most runs are passed by substring tests, not
scanned (the count written first is tried at every character)."""
_ANY_WORD = re.compile("|".join(sorted({word for _, words in _PATTERNS for word in words})))


def count_claims(rt: RunText) -> list[Claim]:
    if "、" not in rt.text:  # every list counted has two items or more, split at 、
        return []
    claims = _line_counts(rt)
    if _ANY_WORD.search(rt.text) is None:  # most runs: one search for all the words
        return claims
    for pattern, needed in _PATTERNS:
        if not any(word in rt.text for word in needed):
            continue
        for match in pattern.finditer(rt.text):
            if pattern is _NOUN_FIRST and _noun_before(rt.text, match.start()) is None:
                continue
            claim = _claim(rt, match)
            if claim is not None:
                claims.append(claim)
    return claims


def _claim(rt: RunText, match: re.Match[str]) -> Claim | None:
    listed = match["list"].strip()
    if listed.endswith("等") or "、" not in listed:
        return None
    items = _items(rt, match.start("list"), match.end("list"))
    count = _number(match["n"])
    if count is None or len(items) < 2:
        return None
    noun = match.groupdict().get("noun") or _noun_before(rt.text, match.start()) or "项"
    where = rt.place(match.start("n"), match.end("n"))
    stated = Stated(f"{noun}数", StatedNumber.of(count, Unit.ITEM), where)
    return Claim("count", stated, tuple(items), rt.evidence(match.start(), match.end()))


_LINE_COUNT = re.compile(
    r"\s*(?:[①-⑳]|\d+[、.．])?\s*(?P<noun>[^\d，。；：、\s]{2,12}?)\s*(?P<n>\d{1,3})\s*个?\s*")
_ITEM = r"[^\d，。；：]{2,20}"
_ORDINAL = re.compile(r"^[第附]|[表图号页条款章节件]$")
"""A number that names one thing (附表2, 第3条), not how many."""
_LINE_LIST = re.compile(rf"\s*(?:[^\d，。；：、\s]{{2,8}}：)?(?P<list>{_ITEM}(?:、{_ITEM})+)\s*。?\s*")


def _line_counts(rt: RunText) -> list[Claim]:
    """A line that ends in a count with no unit, and a next line that is only the list it counts
    (“③区级办公室2” / “区城市管理委员会办公室、区查违办”; the list may repeat its noun:
    “内设股室：办公室、…”)."""
    if len(rt.run.starts) < 2:
        return []  # a run of one paragraph has no next line
    bounds = [*(bisect_left(rt.run.normalised.origin, start) for start in rt.run.starts), len(rt.text)]
    claims = []
    for index in range(len(bounds) - 2):
        counted = _LINE_COUNT.fullmatch(rt.text, bounds[index], bounds[index + 1])
        listed = _LINE_LIST.fullmatch(rt.text, bounds[index + 1], bounds[index + 2])
        if counted is None or listed is None or _ORDINAL.search(counted["noun"]):
            continue
        items = _items(rt, listed.start("list"), listed.end("list"))
        where = rt.place(counted.start("n"), counted.end("n"))
        count = StatedNumber.of(int(counted["n"]), Unit.ITEM)
        stated = Stated(f"{clean_label(counted['noun'])}数", count, where)
        claims.append(Claim("count", stated, tuple(items), rt.evidence(counted.start(), listed.end())))
    return claims


def _noun_before(text: str, position: int) -> str | None:
    """The noun right before a count written noun first (“所属二级机构5个，即…”)."""
    found = _NOUN_BEFORE.search(text, max(0, position - 9), position)
    return found.group().strip() if found else None


def _items(rt: RunText, start: int, end: int) -> list[Stated]:
    """The items between ``start`` and ``end``: split at 、, and the last at 和/及/与 when both
    sides end alike (“工程类采购和服务类采购”, not “城市管理和执法科”)."""
    spans, position = [], start
    for separator in [*re.finditer("、", rt.text[start:end]), None]:
        stop = end if separator is None else start + separator.start()
        spans.append((position, stop))
        position = stop + 1
    last_start, last_end = spans[-1]
    join = _JOIN.search(rt.text, last_start, last_end)
    if join is not None and rt.text[join.start() - 1:join.start()] == rt.text[last_end - 1:last_end]:
        spans[-1:] = [(last_start, join.start()), (join.end(), last_end)]
    one = StatedNumber.of(1, Unit.ITEM)
    items = []
    for low, high in spans:
        text = rt.text[low:high]
        if text.strip():
            lead = len(text) - len(text.lstrip())
            item = text.strip()
            items.append(Stated(item, one, rt.place(low + lead, low + lead + len(item))))
    return items


def _number(numeral: str) -> int | None:
    if numeral.isdigit():
        return int(numeral)
    import cn2an  # type: ignore[import-untyped]  # slow to import (0.2 s): only for a numeral

    try:
        value = cn2an.cn2an(numeral, "smart")
    except (ValueError, KeyError):
        return None
    return int(value) if isinstance(value, int | float) and value == int(value) else None
