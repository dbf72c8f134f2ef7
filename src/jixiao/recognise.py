"""Which known report form a document is, told by its distinctive headings, never its file name.

Each form (报告模板) has *markers*: headings and labels that its blank form prints and the other
forms do not (“国有资本经营预算支出情况”, “财政部门归口业务科室意见”, “部门财务情况” …).
Text is compared with all whitespace removed, because extraction breaks headings across lines
and spaces out characters (“绩 效 指 标”, “岳阳 楼区”). The form with the most markers wins when
it has at least :data:`MIN_MARKERS` of them and no other form has as many; otherwise the report
is generic (``None``).

A 项目支出绩效自评表 inside a whole-unit report is that report's 附件3: the stand-alone
``national-project`` form is recognised only when no whole-unit form is.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from jixiao.documents.model import Document
from jixiao.extract.per_document import per_document
from jixiao.extract.text_runs import line_starts
from jixiao.findings import Place

YUEYANGLOU = "yueyanglou-2024"
YUEYANG_FINANCE = "yueyang-finance-2021"
DINGCHENG = "dingcheng-2023"
NATIONAL_PROJECT = "national-project"

MIN_MARKERS = 3
"""Fewer distinctive headings than this is chance: a generic report."""

MARKERS: dict[str, tuple[str, ...]] = {
    YUEYANGLOU: (
        "单位整体支出绩效自评报告", "一般公共预算支出情况", "政府性基金预算支出情况",
        "国有资本经营预算支出情况", "社会保险基金预算支出情况", "自评结果拟应用和公开情况",
        "其他需要说明的情况", "单位整体支出绩效评价基础数据表", "单位整体支出绩效自评表",
        "财政供养人员情况", "厉行节约保障措施",
    ),
    YUEYANG_FINANCE: (
        "部门整体支出绩效评价自评报告", "预算编码", "评价方式", "评价机构", "收支情况",
        "绩效定性目标", "绩效定量目标", "绩效自评综合得分", "评价人员", "财政部门归口业务科室意见",
        "评价报告综述",
    ),
    DINGCHENG: (
        "部门整体支出绩效自评报告", "部门概况", "部门财务情况", "部门整体支出情况",
        "部门预算收支决算情况", "支出使用和管理情况", "部门绩效目标", "绩效评价工作情况",
        "综合评价结果", "存在的主要问题", "有关建议",
    ),
    NATIONAL_PROJECT: (
        "项目支出绩效自评表", "主管部门", "实施单位", "项目资金", "年度总体目标", "三级指标",
        "年度指标值", "实际完成值", "偏差原因分析",
    ),
}
"""Each form's distinctive headings, whitespace removed."""

PROFILES: dict[str, str] = {YUEYANGLOU: "yueyanglou-2024"}
"""The forms whose region's scoring profile jixiao has; any other report is checked under the
national profile, which is only an assumption about its region's rules."""
ASSUMED_PROFILE = "national-2020"

_WHOLE_UNIT = (YUEYANGLOU, YUEYANG_FINANCE, DINGCHENG)


@dataclass(frozen=True, slots=True)
class Marker:
    """A distinctive heading found: its text (whitespace removed) and where it first occurs."""

    text: str
    where: Place


@dataclass(frozen=True, slots=True)
class Recognition:
    """The form of a document: ``template`` is its id (``None`` for a generic report);
    ``evidence`` the markers of that form found in it, in text order; ``scores`` the count of
    markers found for every known form."""

    template: str | None
    evidence: tuple[Marker, ...]
    scores: tuple[tuple[str, int], ...]


@per_document
def recognise(document: Document) -> Recognition:
    """The known form ``document`` is, with the headings that show it (a pure function of its
    text; the audit asks several times, so it is worked out once per document)."""
    squeezed = "".join(document.text.split())  # str.split's whitespace is re's \s
    found = {template: tuple(text for text in markers if text in squeezed)
             for template, markers in MARKERS.items()}
    scores = tuple((template, len(markers)) for template, markers in found.items())
    winner = _winner(dict(scores))
    # Only the winner's markers are placed: counting the others needs no place.
    placed = (_marker(document.text, text) for text in found[winner]) if winner else ()
    evidence = tuple(sorted(placed, key=lambda m: m.where.start or 0))
    return Recognition(winner, evidence, scores)


def profile_for(template: str | None) -> str:
    """The scoring profile for reports of ``template`` (the national one when the region's
    own is not known)."""
    return PROFILES.get(template or "", ASSUMED_PROFILE)


def profile_is_known(template: str | None) -> bool:
    """Whether reports of ``template`` are scored under their own region's profile."""
    return (template or "") in PROFILES


def _winner(scores: dict[str, int]) -> str | None:
    whole = {template: scores[template] for template in _WHOLE_UNIT}
    best = max(whole.values())
    if best >= MIN_MARKERS:
        leaders = [template for template, score in whole.items() if score == best]
        return leaders[0] if len(leaders) == 1 else None
    return NATIONAL_PROJECT if scores[NATIONAL_PROJECT] >= MIN_MARKERS + 2 else None


def _marker(text: str, marker: str) -> Marker:
    """Where ``marker`` first occurs in ``text``, with any whitespace between its characters."""
    match = _spaced(marker).search(text)
    assert match is not None, marker  # the caller found it in the text without whitespace
    return Marker(marker, Place(line=bisect_right(line_starts(text), match.start()),
                                start=match.start(), end=match.end()))


@cache
def _spaced(marker: str) -> re.Pattern[str]:
    return re.compile(r"\s*".join(map(re.escape, marker)))
