"""A total stated right after the list of its parts: “…全部用于工资福利支出12.56万元、商品和服务支出
11.91万元和其他支出20万元，实际支出44.47万元”, “A 3万元、B 5万元，合计8万元”.

The parts are amounts of one enumeration (joined by 、, 和, 及 or 与, at the same bracket depth)
and the clause after it opens with a word that makes its amount their total (合计, 共计, 总计, 共,
累计; 实际支出 when the parts are what the funds were spent on, 用于): the items named are the
whole of it, so they must add up.
"""

from __future__ import annotations

import re

from jixiao.extract.amounts import Figure
from jixiao.extract.prose.reading import Claim, RunText
from jixiao.extract.text_runs import sentence_start

_TOTAL = re.compile(r"[，\s]*(?:[^，。；：\d]{0,10}?)(?P<word>合计|共计|总计|累计|实际支出|实际使用|共)"
                    r"(?:为|是|达)?\s*$")
_SPENT = ("实际支出", "实际使用")
_SPENT_ON = re.compile(r"用于")
_JOINER = re.compile(r"\s*(?:、|和|及|与)")


def total_after_claims(rt: RunText) -> list[Claim]:
    claims = []
    for index in range(1, len(rt.money)):
        parts = _enumeration(rt, index)
        if len(parts) >= 2:
            total = rt.money[index]
            claims.append(Claim("sum", rt.stated(total), tuple(map(rt.stated, parts)),
                                rt.evidence(parts[0].start, total.unit_end)))
    return claims


def _enumeration(rt: RunText, index: int) -> list[Figure]:
    """The amounts of the enumeration the clause of the run's ``index``-th amount closes, in text
    order."""
    total, last = rt.money[index], rt.money[index - 1]
    gap = rt.text[last.unit_end:total.start]
    total_word = _TOTAL.fullmatch(gap) if gap.startswith("，") else None
    if total_word is None or last.change or rt.depth[total.start] != rt.depth[last.start]:
        return []
    parts = [last]
    for figure in rt.money[index - 2::-1] if index >= 2 else ():
        if figure.change or rt.depth[figure.start] != rt.depth[last.start] \
                or not _joins(rt, figure.unit_end, parts[0].start):
            break
        parts.insert(0, figure)
    if total_word["word"] in _SPENT and not _SPENT_ON.search(rt.text, sentence_start(rt.text, parts[0].start),
                                                              parts[0].start):
        return []  # spending is the total of what it was spent on (用于), not of a budget's items
    return parts


def _joins(rt: RunText, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a joiner and the next item's words (brackets aside)."""
    depth = rt.depth[start]
    return _JOINER.match(rt.text, start) is not None and not any(
        rt.text[index] in "，。；：" and rt.depth[index] == depth for index in range(start, end))
