"""Text placed on a page, put back in reading order: boxes → lines → paragraphs and table rows.

A PDF's text layer and OCR both give pieces of text with a bounding box. Boxes whose vertical
centres are close form a *line*, read left to right. Consecutive lines form a *paragraph* while
the previous line runs to the right margin (the text wrapped) and the next one is neither
indented, nor a heading (“一、”, “（二）”, “3、”), nor below a gap of more than 1.5 line heights.
Wrapped lines are joined without a separator, as Chinese text is written (a space only between
two Latin letters). Coordinates grow downwards; units are PDF points or pixels, as long as one
page uses one.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import add, attrgetter, sub
from statistics import median
from typing import NamedTuple

#: A heading starts its own paragraph even after a full line.
HEADING = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[、.．]\D)")
#: What a line cannot be broken inside: a number or Latin word, or one character, with the
#: punctuation that may not start a line.
FIRST_WORD = re.compile(r"[（(《“‘]*(?:[A-Za-z0-9.,%％‰]+|.)[：，。、；:;,.）)》”’！？%％]*")
#: A line more than this many line heights below the previous one starts a paragraph.
PARAGRAPH_GAP = 1.5
#: A line indented by more than this many line heights starts a paragraph.
INDENT = 0.8


class Box(NamedTuple):
    """A piece of text and its bounding box on the page (``top < bottom``). A named tuple: a
    PDF page makes one of every character, and a tuple is made four times faster than a frozen
    dataclass."""

    text: str
    left: float
    top: float
    right: float
    bottom: float

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True, slots=True)
class Line:
    """Boxes on one line, left to right (never empty). Its extent (``left``, ``right``,
    ``top``, ``bottom``) and ``height`` (the tallest box: thin glyphs, “一”, “、”, have tiny
    boxes of their own) are measured once, when it is made: laying out asks for them again
    and again."""

    boxes: tuple[Box, ...]
    left: float = field(init=False, repr=False, compare=False)
    right: float = field(init=False, repr=False, compare=False)
    top: float = field(init=False, repr=False, compare=False)
    bottom: float = field(init=False, repr=False, compare=False)
    height: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # The boxes' columns, transposed in one pass in C rather than a field read for each.
        _, lefts, tops, rights, bottoms = zip(*self.boxes, strict=True)
        object.__setattr__(self, "left", lefts[0])
        object.__setattr__(self, "right", max(rights))
        object.__setattr__(self, "top", min(tops))
        object.__setattr__(self, "bottom", max(bottoms))
        object.__setattr__(self, "height", max(map(sub, bottoms, tops)))

    def text(self, boxes: Sequence[Box] | None = None) -> str:
        """The text of ``boxes`` (all by default), a space where a gap of more than half a
        line height separates two of them; runs of whitespace become one space."""
        parts: list[str] = []
        previous: Box | None = None
        gap = self.height / 2
        for box in self.boxes if boxes is None else boxes:
            if previous is not None and box.left - previous.right > gap:
                parts.append(" ")
            parts.append(box.text)
            previous = box
        return " ".join("".join(parts).split())


def group_lines(boxes: Sequence[Box]) -> list[Line]:
    """The lines of ``boxes``, top to bottom: a box joins the line above when its centre lies
    within half a line height of the mean centre of that line's boxes. Lines of blanks only
    are left out."""
    lines: list[list[Box]] = []
    current: list[Box] = []
    total = 0.0  # sum of the centres of the boxes of the current line
    first = 0.0  # the height of the first box of the current line
    # Sorted by the sum of top and bottom, twice the centre (the same order), summed in C: a
    # page's prose is thousands of boxes, and Box.middle is a Python call for each.
    twice_middles = list(map(add, map(_TOP, boxes), map(_BOTTOM, boxes)))
    for index in sorted(range(len(boxes)), key=twice_middles.__getitem__):
        box = boxes[index]
        top, bottom = box.top, box.bottom
        middle, height = (top + bottom) / 2, bottom - top  # Box.middle and Box.height, inlined
        if current and middle - total / len(current) <= (first if first >= height else height) / 2:
            current.append(box)
            total += middle
        else:
            current = [box]
            lines.append(current)
            total, first = middle, height
    return [Line(tuple(sorted(line, key=_LEFT))) for line in lines if "".join(map(_TEXT, line)).strip()]


_TEXT, _LEFT, _TOP, _RIGHT, _BOTTOM = map(attrgetter, ("text", "left", "top", "right", "bottom"))


def cells_of(line: Line, gap: float) -> list[tuple[Box, ...]]:
    """The boxes of ``line`` split where a gap wider than ``gap`` line heights separates them."""
    cells: list[list[Box]] = [[line.boxes[0]]]
    for box in line.boxes[1:]:
        if box.left - cells[-1][-1].right > gap * line.height:
            cells.append([])
        cells[-1].append(box)
    return [tuple(cell) for cell in cells]


@dataclass(frozen=True, slots=True)
class Margins:
    """Where text lines start and end on a page (or in a table cell). A line is *full* when it
    ends within ``slack`` line heights of ``right``; ``indent`` is ``False`` in table cells,
    where text may be centred."""

    left: float
    right: float
    slack: float
    indent: bool = True


def paragraphs(lines: Sequence[Line], margins: Margins) -> list[str]:
    """The paragraphs that ``lines`` (top to bottom) make, wrapped lines joined."""
    texts: list[str] = []
    previous: Line | None = None
    for line in lines:
        text = line.text()
        if not text:
            continue
        if previous is not None and _continues(previous, line, text, margins):
            texts[-1] = join_wrapped(texts[-1], text)
        else:
            texts.append(text)
        previous = line
    return texts


def _continues(previous: Line, line: Line, text: str, margins: Margins) -> bool:
    height = max(previous.height, line.height)
    room = margins.right - previous.right
    full = room < margins.slack * height or room < _first_word_width(line, text)
    indented = margins.indent and line.left > margins.left + INDENT * height
    gap = line.top - previous.bottom > PARAGRAPH_GAP * height
    return full and not indented and not gap and not HEADING.match(text)


def _first_word_width(line: Line, text: str) -> float:
    """About how wide the first word of ``line`` is (what did not fit on the line above)."""
    word = FIRST_WORD.match(text)
    return (line.right - line.left) * len(word.group() if word else text[:1]) / len(text)


def join_wrapped(before: str, after: str) -> str:
    """Two pieces of one wrapped paragraph: joined as written, a space between Latin words."""
    if before[-1:].isascii() and before[-1:].isalpha() and after[:1].isascii() and after[:1].isalpha():
        return f"{before} {after}"
    return before + after


Rows = tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class PageTable:
    """A table read from pages: rows of cell texts; ``edges`` the left and right borders of a
    ruled table (``None`` when unknown); ``pages`` the 1-based page of every row (empty: all on
    the page the table is added with). A ruled *frame* of one cell has ``prose``: the
    paragraphs it holds, which it stands for unless it carries on the table of the page before
    (a long cell cut by the page break)."""

    rows: Rows
    edges: tuple[float, float] | None = None
    pages: tuple[int, ...] = ()
    prose: tuple[str, ...] = ()

    def continued_by(self, following: PageTable) -> bool:
        """Whether ``following``, first on the next page, carries on this table: the same
        left and right borders, within 2 points."""
        return self.edges is not None and following.edges is not None and all(
            abs(a - b) <= 2 for a, b in zip(self.edges, following.edges, strict=True))


#: A block of a page in reading order: a paragraph's text, or a table.
PageBlock = str | PageTable


def text_blocks(lines: Sequence[Line], margins: Margins, cell_gap: float) -> list[PageBlock]:
    """Paragraphs and tables of an unruled page (OCR): two or more consecutive lines that split
    in several cells (gaps wider than ``cell_gap`` line heights) are a table, a line a row;
    every other line is prose. A table's wrapped cells are not rejoined: best effort."""
    groups: list[list[tuple[Line, list[tuple[Box, ...]]]]] = []
    for line in lines:
        cells = cells_of(line, cell_gap)
        if groups and (len(cells) > 1) == (len(groups[-1][0][1]) > 1):
            groups[-1].append((line, cells))
        else:
            groups.append([(line, cells)])
    blocks: list[PageBlock] = []
    prose: list[Line] = []
    for group in groups:
        if len(group[0][1]) > 1 and len(group) > 1:
            blocks += paragraphs(prose, margins)
            prose = []
            blocks.append(PageTable(tuple(tuple(line.text(cell) for cell in cells) for line, cells in group)))
        else:
            prose += [line for line, _ in group]
    return blocks + paragraphs(prose, margins)


def margins_of(lines: Sequence[Line], slack: float) -> Margins:
    """The margins most lines keep: where most of them start, and where most of the long ones
    end (a line may overhang the margin by a hanging punctuation mark). Edges are counted in
    bins of half a line height."""
    if not lines:
        return Margins(0, 0, slack)
    width = max(median(line.height for line in lines) / 2, 0.5)
    middle = (min(line.left for line in lines) + max(line.right for line in lines)) / 2
    left = _common_edge([line.left for line in lines], width, min)
    right = _common_edge([line.right for line in lines if line.right >= middle], width, max)
    return Margins(left, right, slack)


def _common_edge(edges: list[float], width: float, pick: Callable[[list[float]], float]) -> float:
    """``pick`` of the edges in the most populated bin (between equals, the bin ``pick``
    chooses: the outermost)."""
    bins = Counter(math.floor(edge / width) for edge in edges)
    top = max(bins.values())
    chosen = pick([key for key, count in bins.items() if count == top])
    return pick([edge for edge in edges if math.floor(edge / width) == chosen])


#: A page number alone on its line: “3”, “- 3 -”, “第 3 页”, “第3页 共12页”, “3/12”.
PAGE_NUMBER = re.compile(r"^[-—–\s]*(?:第\s*)?\d{1,4}\s*页?\s*(?:(?:[/／]|共)\s*\d{1,4}\s*页?)?[-—–\s]*$")
#: Page numbers are looked for in this share of the page's height at its top and bottom.
MARGIN_SHARE = 0.1


def without_page_numbers(lines: Sequence[Line], height: float) -> list[Line]:
    """``lines`` without the page numbers printed in the top or bottom margin of a page of
    ``height``: they would cut a paragraph that runs on to the next page."""
    edge = MARGIN_SHARE * height
    return [line for line in lines
            if not ((line.bottom < edge or line.top > height - edge) and PAGE_NUMBER.match(line.text()))]
