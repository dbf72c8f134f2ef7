"""Counts stated as sums of counts of the same things.

* A count broken down after a colon, one clause for each part, each opening with its own count
  of the same noun: “抽查的25个项目审核等级为：2个项目评为优，…；17个项目评为良，…；5个项目评为中，…”
  (2 + 17 + 5 = 24, not 25). Without 其中 the clauses are the whole breakdown.
* A year's count as the count at the start of the year and the counts added during it, the two
  parts a budget year has: “实施信息化项目共11个（含续建项目3个），年初批复6个项目…，年中追加6个项目”
  (6 + 6 = 12, not 11). A bracketed count (含…) is a subset, not a part.

* A count of which some are counted and the rest (剩余, 其余) named one by one, each with its own
  rate: “10个项目均完工，其中3个项目资金执行100%，剩余A项目资金执行99.97%；B项目99.89%，…”: the
  counted and the named rest make the whole (3 + the items named).

Counts are exact (a count of 1 item is one item), so any difference is an error.
"""

from __future__ import annotations

import re

from jixiao.extract.amounts import label_before
from jixiao.extract.prose.reading import Claim, RunText, Stated
from jixiao.extract.text_runs import sentence_end, sentence_start
from jixiao.numbers import StatedNumber, Unit

_WORDS = r"[^\d，。；：、（）\s个]{1,12}"
_BROKEN_DOWN = re.compile(rf"(?P<n>(?<!\d)\d{{1,6}})\s*个(?P<head>{_WORDS})：(?P<list>[^。]+)")
_PART = re.compile(rf"\s*(?P<m>(?<!\d)\d{{1,6}})\s*个(?P<words>{_WORDS})")
_YEAR_TOTAL = re.compile(rf"(?P<head>{_WORDS})共\s*(?P<n>(?<!\d)\d{{1,6}})\s*个")
_OPENING = re.compile(r"年初")
_ADDED = re.compile(r"年中|追加|新增|调增")


_REST = re.compile(rf"(?P<n>(?<!\d)\d{{1,6}})\s*个(?P<head>{_WORDS})[^。]{{0,20}}?其中\s*"
                   rf"(?P<m>\d{{1,6}})\s*个(?P<words>{_WORDS})(?P<tail>[^，。；]*)[，；](?:剩余|其余)(?P<rest>[^。]+)")
_ITEM_NOISE = re.compile(r"^(?:剩余|其余)|(?:资金)?执行(?:率)?(?:为|达)?$")
_RATE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s*%")


def count_sum_claims(rt: RunText) -> list[Claim]:
    if "个" not in rt.text:  # every pattern needs it: a substring test, not a regex at every character
        return []
    return [*_broken_down(rt), *_year_counts(rt), *_rest_counts(rt), *_counted_before(rt)]


_COLON_LIST = re.compile(r"：(?P<list>[^。：]+)")
_NOUN_COUNT = re.compile(rf"(?P<head>{_WORDS})(?P<n>(?<!\d)\d{{1,6}})\s*个(?=[，。；])")


def _counted_before(rt: RunText) -> list[Claim]:
    """“项目21个，…。其中…自评结果为：21 个项目评为一等，…；0 个项目评为二等，…”: a breakdown after a
    colon, every clause opening with a count of the same noun, of the first count of that noun
    stated noun first earlier in the run (partial after 其中)."""
    if "：" not in rt.text:  # the breakdown follows a colon
        return []
    claims = []
    for match in _COLON_LIST.finditer(rt.text):
        start = match.start("list")
        clauses = [(start + found.start(), _PART.match(found.group()))
                   for found in re.finditer(r"[^；]+", match["list"])]
        counted = [(position, found) for position, found in clauses if found is not None]
        if len(counted) < 2 or len(counted) < len(clauses) or rt.depth[match.start()]:
            continue
        words = _common_start([found["words"] for _, found in counted])
        opening = rt.text[sentence_start(rt.text, match.start()):match.start()]
        totals = [total for total in _NOUN_COUNT.finditer(rt.text, 0, match.start())
                  if len(words) >= 2 and total["head"].endswith(words[:2])]
        if not totals or _PART.search(opening) is not None:
            continue
        total = totals[0]  # the first count of the noun is of all of them; later ones of kinds
        parts = tuple(_part(rt, position, found, found["words"].removeprefix(words) or words)
                      for position, found in counted)
        claims.append(Claim("sum", _count(rt, total, f"{words[:2]}数"), parts,
                            rt.evidence(match.start(), match.end()), partial="其中" in opening))
    return claims


def _rest_counts(rt: RunText) -> list[Claim]:
    if "其中" not in rt.text or ("剩余" not in rt.text and "其余" not in rt.text):  # its words
        return []
    claims = []
    for match in _REST.finditer(rt.text):
        noun = _common_start([match["head"], match["words"]])
        if len(noun) < 2:
            continue
        rates = list(_RATE.finditer(rt.text, match.start("rest"), match.end("rest")))
        if len(rates) < 2:
            continue
        counted = Stated(f"{match['words']}{match['tail']}", StatedNumber.of(int(match["m"]), Unit.ITEM),
                         rt.place(match.start("m"), match.end("m")))
        named = tuple(Stated(_ITEM_NOISE.sub("", label_before(rt.text, rate.start())),
                             StatedNumber.of(1, Unit.ITEM), rt.place(rate.start(), rate.end()))
                      for rate in rates)
        claims.append(Claim("sum", _count(rt, match, f"{noun}数"), (counted, *named),
                            rt.evidence(match.start(), match.end())))
    return claims


def _broken_down(rt: RunText) -> list[Claim]:
    if "：" not in rt.text:  # the breakdown follows a colon
        return []
    claims = []
    for match in _BROKEN_DOWN.finditer(rt.text):
        if "其中" in match["list"] or rt.depth[match.start()]:
            continue
        start = match.start("list")
        clauses = [(start + found.start(), _PART.match(found.group()))
                   for found in re.finditer(r"[^；]+", match["list"])]
        counted = [(position, found) for position, found in clauses if found is not None]
        noun = _common_start([match["head"], *(found["words"] for _, found in counted)])
        if len(counted) < 2 or len(counted) < len(clauses) or not noun:
            continue
        parts = tuple(_part(rt, position, found, found["words"].removeprefix(noun) or noun)
                      for position, found in counted)
        evidence = rt.evidence(match.start(), match.end())
        claims.append(Claim("sum", _count(rt, match, f"{noun}数"), parts, evidence))
    return claims


def _year_counts(rt: RunText) -> list[Claim]:
    if "共" not in rt.text or "年初" not in rt.text:  # a total (共) and its first part (年初)
        return []
    claims = []
    for match in _YEAR_TOTAL.finditer(rt.text):
        end = sentence_end(rt.text, match.end())
        parts, nouns = [], set()
        for found in re.finditer(r"[^，；]+", rt.text[match.end():end]):
            position, clause = match.end() + found.start(), found.group()
            counted = _PART.search(clause)
            named = clause[:counted.start()].strip() if counted else ""
            if counted is None or not (_OPENING.match(named) or _ADDED.match(named)) \
                    or rt.depth[position + counted.start("m")] \
                    or not match["head"].endswith(counted["words"]):
                continue
            parts.append(_part(rt, position, counted, named))
            nouns.add(counted["words"])
        if len(parts) >= 2 and len(nouns) == 1 and _OPENING.match(parts[0].label) \
                and all(_ADDED.match(part.label) for part in parts[1:]):
            claims.append(Claim("sum", _count(rt, match, f"{nouns.pop()}数"), tuple(parts),
                                rt.evidence(match.start(), match.end())))
    return claims


def _part(rt: RunText, position: int, found: re.Match[str], label: str) -> Stated:
    """The count ``found`` at ``position`` of the run."""
    where = rt.place(position + found.start("m"), position + found.end("m"))
    return Stated(label, StatedNumber.of(int(found["m"]), Unit.ITEM), where)


def _count(rt: RunText, match: re.Match[str], label: str) -> Stated:
    where = rt.place(match.start("n"), match.end("n"))
    return Stated(label, StatedNumber.of(int(match["n"]), Unit.ITEM), where)


def _common_start(texts: list[str]) -> str:
    """The words all ``texts`` start with (项目审核等级为, 项目评为优 → 项目)."""
    first, last = min(texts), max(texts)
    return first[:next((index for index, (a, b) in enumerate(zip(first, last, strict=False)) if a != b),
                       len(first))]
