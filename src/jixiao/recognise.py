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
from itertools import accumulate

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
_NON_SPACE = re.compile(r"\S+")  # \s is what str.isspace calls whitespace


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
    squeezed = _Squeezed.of(document.text)
    found = {template: tuple(marker for text in markers
                             if (marker := squeezed.find(text)) is not None)
             for template, markers in MARKERS.items()}
    scores = tuple((template, len(markers)) for template, markers in found.items())
    winner = _winner(dict(scores))
    evidence = tuple(sorted(found[winner], key=lambda m: m.where.start or 0)) if winner else ()
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


@dataclass(frozen=True, slots=True)
class _Squeezed:
    """The text without whitespace, kept as its stretches between whitespace: ``starts[i]`` is
    where stretch *i* begins in the squeezed text, ``origins[i]`` where in the original (a
    stretch at a time, not a Python step per character of a long report)."""

    text: str
    starts: tuple[int, ...]
    origins: tuple[int, ...]
    lines: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> _Squeezed:
        stretches = [(match.start(), match.group()) for match in _NON_SPACE.finditer(text)]
        starts = tuple(accumulate((len(stretch) for _, stretch in stretches[:-1]), initial=0))
        return cls("".join(stretch for _, stretch in stretches), starts,
                   tuple(origin for origin, _ in stretches), line_starts(text))

    def _origin(self, at: int) -> int:
        """The offset in the original text of the squeezed text's character ``at``."""
        stretch = bisect_right(self.starts, at) - 1
        return self.origins[stretch] + at - self.starts[stretch]

    def find(self, marker: str) -> Marker | None:
        at = self.text.find(marker)
        if at < 0:
            return None
        start, end = self._origin(at), self._origin(at + len(marker) - 1) + 1
        return Marker(marker, Place(line=bisect_right(self.lines, start), start=start, end=end))
