"""A score table written as a report's outline: numbered headings that state their weights or
scores, and sentences under them that state the score (as 自评报告 write it).

“一、投入(14分)” / “(一)项目立项(8分):” / “(1)项目立项(2分)” / “… 自评得2分。”: each heading is an
indicator or block, its weight the “(N分)” of its title, its score the “(自评得分N分)” of its title
or a “自评得N分” / “自评得分N分” in the sentences below it up to the next heading. The levels of
the outline are its numbering kinds (一、, (一), 1. or 1、, (1)), outer to inner in the order the
text first uses them; a heading's children are the headings of the next level up to the next
heading of its own level or an outer one.

* **score_cap** (JX-TABLE-003) — each score stated under a weighted heading (a heading may state
  it several times, once for each of its parts) at most the weight;
* **weight_sum** (JX-TABLE-001) — a heading's weight against its children's, when every child
  states one;
* **score_sum** (JX-TABLE-002) — a heading's score against its children's, when every child
  states one; and the first heading of a level that states the total — its title names the
  score (“(一)自评得分”) or its score is the full score, 100 (“一、项目基本情况(自评得分100分)”) —
  against the scores of the headings after it at its level (a heading without a score of its
  own counts its children's).

A block the text ends in may have lost its last children (an excerpt): its children's sum
below its own says nothing there, above it fails.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from jixiao.documents.model import Cell, Document
from jixiao.extract.tables.cells import Figure, TableClaim, compact
from jixiao.extract.tables.scores.beside import text_beside_score_tables
from jixiao.extract.tables.scores.table import FULL_SCORE, SCORE_CAP, SCORE_SUM, WEIGHT_SUM
from jixiao.extract.text_runs import line_starts, text_place
from jixiao.numbers import StatedNumber, Unit

_NUMERAL = "一二三四五六七八九十"
_MARKERS = (
    ("cn", re.compile(rf"[{_NUMERAL}]+\s*、")),
    ("paren-cn", re.compile(rf"[（(]\s*[{_NUMERAL}]+\s*[）)]\s*[、.．]?")),
    ("paren-digit", re.compile(r"[（(]\s*\d{1,2}\s*[）)]\s*[、.．]?")),
    ("digit", re.compile(r"\d{1,2}\s*(?:[、．]|\.(?!\d))")),
)
_MARKER_START = re.compile(rf"[{_NUMERAL}（(\d]")  # most lines start with no marker: passed at once
_CANDIDATE_LINE = re.compile(rf"^[^\S\n]*[{_NUMERAL}（(\d]|^[^\n]*?自评", re.MULTILINE)
"""A line that may be a heading (a numbering mark first) or state a score (自评): the others,
most of a report, are passed over by the pattern, not looked at one by one."""
_TITLE_END = re.compile(r"[:：。；;，,]")
_WEIGHT = re.compile(r"[（(]\s*(?P<n>\d{1,3}(?:\.\d+)?)\s*分\s*[）)]")
_TITLE_SCORE = re.compile(r"[（(]\s*(?:自评)?得分\s*(?:为)?\s*(?P<n>\d{1,3}(?:\.\d+)?)\s*分\s*[）)]")
_TOTAL_TITLE = re.compile(r"(?:项目)?(?:自评|综合|评价)?(?:总?得分|总分)(?:情况)?")
_SCORE = re.compile(r"自评(?:得分?|分)\s*(?:为|是|[:：])?\s*(?P<n>\d{1,3}(?:\.\d+)?)\s*分")


@dataclass(slots=True)
class _Heading:
    level: int
    label: str
    line: int
    weight: Figure | None = None
    score: Figure | None = None
    scores: list[Figure] = field(default_factory=list)
    children: list[_Heading] = field(default_factory=list)
    closed: bool = False
    """Whether a later heading of its own level or an outer one ends it (its children are all
    in the text)."""


def score_outline_claims(document: Document) -> tuple[TableClaim, ...]:
    text = text_beside_score_tables(document)
    if not any(pattern.search(text) for pattern in (_SCORE, _WEIGHT, _TITLE_SCORE)):
        return ()  # no heading could state a figure: most reports have no score outline
    headings = _headings(text)
    if not any(heading.weight or heading.score or heading.scores for heading in headings):
        return ()
    roots: list[_Heading] = []
    stack: list[_Heading] = []
    for heading in headings:
        while stack and stack[-1].level >= heading.level:
            stack.pop().closed = True
        (stack[-1].children if stack else roots).append(heading)
        stack.append(heading)
    claims: list[TableClaim] = []
    for heading in headings:
        claims += _claims(heading)
    claims += _first_is_total(roots, False)
    for heading in headings:
        claims += _first_is_total(heading.children, heading.closed)
    return tuple(claims)


def _headings(text: str) -> list[_Heading]:
    """The numbered headings of the text with the figures their titles and bodies state."""
    starts = line_starts(text)
    kinds: list[str] = []
    headings: list[_Heading] = []
    for candidate in _CANDIDATE_LINE.finditer(text):
        begin = candidate.start()
        number = bisect_right(starts, begin)
        line_end = text.find("\n", begin)
        line = text[begin:line_end if line_end >= 0 else len(text)]
        stripped = line.lstrip()
        lead = len(line) - len(stripped)
        marked = _marker(stripped)
        body_from = begin
        if marked is not None:
            kind, match = marked
            if kind not in kinds:
                kinds.append(kind)
            title_start = lead + match.end()
            end = _TITLE_END.search(line, title_start)
            title_end = end.start() if end is not None else len(line)
            title = line[title_start:title_end]
            heading = _Heading(kinds.index(kind), _label(title), number)
            weight = _WEIGHT.search(title)
            score = _TITLE_SCORE.search(title)
            if weight is not None:
                heading.weight = _figure(starts, begin + title_start + weight.start("n"), weight["n"],
                                         f"{heading.label} 分值")
            if score is not None:
                heading.score = _figure(starts, begin + title_start + score.start("n"), score["n"],
                                        f"{heading.label} 得分")
            headings.append(heading)
            body_from = begin + title_end
        if headings and "自评" in line:  # every score below a heading says 自评
            for match in _SCORE.finditer(text, body_from, begin + len(line)):
                headings[-1].scores.append(_figure(starts, match.start("n"), match["n"],
                                                   f"{headings[-1].label} 得分"))
    return headings


def _marker(line: str) -> tuple[str, re.Match[str]] | None:
    """The numbering kind the line starts with, and its match."""
    if _MARKER_START.match(line) is None:
        return None
    return next(((kind, match) for kind, pattern in _MARKERS
                 if (match := pattern.match(line)) is not None), None)


def _label(title: str) -> str:
    return compact(_WEIGHT.sub("", _TITLE_SCORE.sub("", title))).strip("、，,") or "指标"


def _figure(starts: tuple[int, ...], start: int, written: str, label: str) -> Figure:
    place = text_place(starts, start, start + len(written))
    return Figure(label, StatedNumber.parse(written, Unit.POINT), Cell(written, place))


def _score(heading: _Heading) -> Figure | None:
    """The heading's score: in its title, else the one score its body states."""
    if heading.score is not None:
        return heading.score
    return heading.scores[0] if len(heading.scores) == 1 else None


def _claims(heading: _Heading) -> Iterator[TableClaim]:
    if heading.weight is not None:
        for score in ([heading.score] if heading.score else []) + heading.scores:
            yield TableClaim(SCORE_CAP, "cap", heading.label, score, (heading.weight,), (score.cell,))
    children = heading.children
    if not children:
        return
    weights = [child.weight for child in children]
    if heading.weight is not None and all(weights):
        yield from _sum(WEIGHT_SUM, f"{heading.label}的分值", heading.weight,
                        [weight for weight in weights if weight], "分值", heading.closed)
    scores = [_score(child) for child in children]
    stated = heading.score
    if stated is not None and all(scores):
        yield from _sum(SCORE_SUM, f"{heading.label}的得分", stated, [score for score in scores if score],
                        "得分", heading.closed)


def _first_is_total(siblings: list[_Heading], closed: bool) -> Iterator[TableClaim]:
    """The first of a level's headings that states the total (its title names the score,
    “(一)自评得分”, or its score is the full score, 100) against the scores of the headings
    after it: each one's own, else its children's sum."""
    if len(siblings) < 2:
        return
    first, rest = siblings[0], siblings[1:]
    total = _score(first)
    if total is None or first.weight is not None \
            or not (total.number.value == FULL_SCORE or _TOTAL_TITLE.fullmatch(first.label)):
        return
    parts: list[Figure] = []
    for heading in rest:
        own = _score(heading)
        children = [_score(child) for child in heading.children]
        if own is not None:
            parts.append(own)
        elif children and all(children):
            parts += [child for child in children if child]
        else:
            return
    if len(parts) >= 2:
        yield from _sum(SCORE_SUM, "自评总得分", total, parts, "得分", closed)


def _sum(code: str, what: str, stated: Figure, parts: list[Figure], kind: str,
         closed: bool) -> Iterator[TableClaim]:
    total = sum(part.number.value for part in parts)
    if closed or total >= stated.number.value:
        yield TableClaim(code, "sum", what, stated, tuple(parts), (stated.cell,), kind)
