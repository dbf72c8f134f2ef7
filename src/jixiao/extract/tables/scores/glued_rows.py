"""The rows of a score table read from text whose cells ran together or were flattened:
a label (words, bracketed words, block weights “(70分)”, numbered names 指标1), its 分值 and its
得分, with the values of the columns between them (see :mod:`.score_glued`).

Digits glued together are split only where exactly one reading fits: no leading zeros, points
at most 100, the 得分 followed by no further digit or unit; where several readings fit, the one
that reads the same value twice (年度指标值 met exactly) is taken when it is the only such.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from jixiao.extract.tables.cells import Figure, compact, text_figure
from jixiao.extract.tables.scores.table import FULL_SCORE

_WEIGHT_TEXT = r"[（(]\s*(?:[^\d()（）\s]{1,8}\s*)?(?P<weight>\d{1,3})\s*分?\s*[)）]"
_HEADING = re.compile(_WEIGHT_TEXT)
"""A block weight: “(70分)”, “(10)”, broken by the extraction “(\n10 分)”, “( 特性指标70 分)”."""
_LABEL = re.compile(rf"(?:{_WEIGHT_TEXT.replace('?P<weight>', '')}|指标\d(?!\d)|[^\d（(]"
                    r"|[（(][^\d()（）]*[)）])+")
"""A row's label: words, numbered names (指标1), bracketed words and block weights, up to its 分值."""
_SIGNED = re.compile(r"[≥≤><＞＜]?(?:0|[1-9]\d*)(?:\.\d+)?%?")
_UNIT = re.compile(r"%|平方米|立方米|万元|元|公里|千米|厘米|米|亩|吨|人次|万人|人|户|个"
                   r"|台套|台|套|次|天|日|月|年|件|家|所|座|条|处|项|份|篇|场|期|批|辆|册"
                   r"|株|头|只|kg|km|m")
"""Units an indicator's value ends with: a 得分 is followed by none of them."""
_WORDS = re.compile(r"[^\d≥≤><＞＜]+")
_SHORT_WORDS = re.compile(r"[^\d≥≤><＞＜%]{1,3}(?=[\d≥≤><＞＜])")
"""The unit a figure may carry that is not among the known ones (“万粒”), up to the next figure."""
POINTS = re.compile(r"(?:0|[1-9]\d{0,2})(?:\.\d{1,2})?")
_WHOLE = re.compile(r"[1-9]\d{0,2}")
_LEADING_ZERO = re.compile(r"0(?!\.)")
_SPACE = re.compile(r"\s+")
_CUT_WEIGHT = re.compile(r"^\d*分?[)）]")


@dataclass(frozen=True, slots=True)
class Row:
    """An indicator read from glued text: its label, the block weights its label opens, its
    分值 and 得分."""

    label: str
    headings: tuple[tuple[str, Figure], ...]
    weight: Figure
    score: Figure
    end: int


@dataclass(frozen=True, slots=True)
class Layout:
    """How a row is written: ``gap`` values between its 分值 and 得分; ``spaced`` when its
    分值 and 得分 are apart (“5 4”, PDF text) rather than run together."""

    gap: int
    spaced: bool = False
    in_label: bool = False
    """The 分值 is the label's last weight (“相关性(5 分)”), the row gives its 得分 alone."""


@dataclass(frozen=True, slots=True)
class TextFigures:
    """The document's text and its line starts, to give each figure its place."""

    text: str
    starts: tuple[int, ...]

    def place(self, at: int) -> int:
        """The number of the line ``at`` is on."""
        return bisect_right(self.starts, at)

    def figure(self, label: str, start: int, end: int) -> Figure:
        return text_figure(self.text, self.starts, label, start, end)


def read_row(text: TextFigures, start: int, end: int, layout: Layout) -> Row | None:
    label = _LABEL.match(text.text, start, end)
    if label is None:
        return None
    headings = _headings(text, label)
    name = _name(text.text[label.start():label.end()], last=True)
    if layout.in_label:
        return _scored(text, label, headings, end)
    reading = _one_reading([found for size in (1, 2, 3)
                            for found in _points_after(text, label.end(), end, size, layout)])
    if reading is None or not name:
        return None
    weight_end, score_start, score_end = reading
    weight = text.figure(f"{name} 分值", label.end(), weight_end)
    score = text.figure(f"{name} 得分", score_start, score_end)
    return Row(name, headings, weight, score, score_end)


def _one_reading(found: list[tuple[tuple[int, int, int], tuple[str, ...]]]) -> tuple[int, int, int] | None:
    """The row's one reading, or ``None`` when the digits allow several: where several do, the
    one whose two values are the same (年度指标值 met exactly, the common case) if only one is."""
    readings = {spans for spans, _ in found}
    if len(readings) > 1:
        readings = {spans for spans, values in found if len(values) == 2 and values[0] == values[1]}
    return readings.pop() if len(readings) == 1 else None


def _scored(text: TextFigures, label: re.Match[str], headings: tuple[tuple[str, Figure], ...],
            end: int) -> Row | None:
    """A row whose label ends with its weight (“相关性(5 分)”) and whose 得分 follows alone."""
    weights = list(_HEADING.finditer(text.text, label.start(), label.end()))
    score = POINTS.match(text.text, label.end(), end)
    if not weights or text.text[weights[-1].end():label.end()].strip() or label.group()[-1:].strip() \
            or score is None or (score.end() < end and not text.text[score.end()].isspace()):
        return None  # the label must end with its weight, and a space part it from the 得分
    name, weight = headings[-1]
    return Row(name, headings[:-1], weight, text.figure(f"{name} 得分", *score.span()), score.end())


def _headings(text: TextFigures, label: re.Match[str]) -> tuple[tuple[str, Figure], ...]:
    """The block weights of a label, each named by the words just before it (“产出指标(70分)”)
    or, where those name the block before, just after it (“(20分)项目决策(10分)科学决策”)."""
    found: list[tuple[str, Figure]] = []
    matches = list(_HEADING.finditer(text.text, label.start(), label.end()))
    previous, took_after = label.start(), False
    for index, heading in enumerate(matches):
        words = text.text[previous:heading.start()].split()  # the last word names it
        before = _name(words[-1] if words else "")
        stop = matches[index + 1].start() if index + 1 < len(matches) else label.end()
        took_after = not before or took_after
        name = _name(text.text[heading.end():stop]) if took_after else before
        name = name or "一级指标"
        found.append((name, text.figure(f"{name} 分值", *heading.span("weight"))))
        previous = heading.end()
    return tuple(found)


def _name(label: str, *, last: bool = False) -> str:
    """The words of a label without its block weights (nor the end of a weight whose bracket
    opened before the text, “分)项目决策”): the first piece, or the last one."""
    pieces = [_CUT_WEIGHT.sub("", compact(piece)).strip("，,；;、:：()（） ")
              for piece in _HEADING.split(label) if piece and not piece.isdigit()]
    pieces = [piece for piece in pieces if piece]
    return (pieces[-1] if last else pieces[0]) if pieces else ""


def _points_after(text: TextFigures, start: int, end: int, size: int,
                  layout: Layout) -> Iterator[tuple[tuple[int, int, int], tuple[str, ...]]]:
    """The readings of a row whose 分值 has ``size`` digits: its end and the 得分's span, with
    the values read between them."""
    weight = _WHOLE.fullmatch(text.text, start, start + size)
    if weight is None or start + size > end or int(weight.group()) > FULL_SCORE \
            or _LEADING_ZERO.match(text.text, start + size):  # digits split with a leading zero
        return
    space = _SPACE.match(text.text, start + size, end)
    if layout.spaced and space is None:
        return
    for at, values in _values(text.text, start + size if space is None else space.end(), end, layout.gap):
        score = POINTS.match(text.text, at, end)
        if score is None or Decimal(score.group()) > FULL_SCORE:
            continue
        after = score.end()
        if after < end and (text.text[after] in ".%" or text.text[after].isdigit()
                            or _UNIT.match(text.text, after) is not None):
            continue  # the number goes on, or is a value with its unit
        if layout.spaced and after < end and not text.text[after].isspace():
            continue
        yield (start + size, score.start(), score.end()), values


def _values(text: str, start: int, end: int, gap: int) -> Iterator[tuple[int, tuple[str, ...]]]:
    """Each way ``gap`` values starting at ``start`` can be read: where they end, and they. A
    figure is read with a unit of the known ones, with the few words after it as its unit
    (“550万粒”) or alone; words are one value, or two where they are the same words twice."""
    if gap == 0:
        yield start, ()
        return
    signed = _SIGNED.match(text, start, end)
    if signed is not None:
        ends = {signed.end()}
        unit = _UNIT.match(text, signed.end(), end)
        if unit is not None and not signed.group().endswith("%"):
            ends.add(unit.end())
        words = _SHORT_WORDS.match(text, signed.end(), end)
        if words is not None:
            ends.add(words.end())
        for stop in sorted(ends):
            for at, rest in _values(text, stop, end, gap - 1):
                yield at, (text[start:stop], *rest)
        return
    words = _WORDS.match(text, start, end)
    if words is None:
        return
    for at, rest in _values(text, words.end(), end, gap - 1):
        yield at, (words.group(), *rest)
    half = len(words.group()) // 2
    if gap >= 2 and half and words.group()[:half] == words.group()[half:]:
        for at, rest in _values(text, words.end(), end, gap - 2):
            yield at, (words.group()[:half], words.group()[half:], *rest)
