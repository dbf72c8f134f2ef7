"""A PDF page's text layer in reading order: text by pypdfium2, ruled tables by pdfplumber's finder.

pypdfium2 gives the page's characters with their boxes and the paths it draws; pdfplumber's
table finder finds in those paths the tables drawn with ruling lines and the box of every cell
(:mod:`jixiao.documents.pdf.rulings`). A character belongs to the cell that holds its
centre; the rest is prose. Prose lines and tables are read top to bottom; wrapped lines of a
paragraph, and of a cell, are joined (:mod:`jixiao.documents.page_layout`). A "table" of one
cell (a frame around text) is prose, unless it carries on the table of the page before.

:func:`garbled_share` tells whether a text layer is worth reading at all: the share of its
characters that are private-use, replacement or control characters, or ``(cid:N)`` escapes.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from itertools import islice
from typing import Any

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

from jixiao.documents.page_layout import (
    Box,
    Line,
    Margins,
    PageBlock,
    PageTable,
    group_lines,
    paragraphs,
    without_page_numbers,
)
from jixiao.documents.pdf.rulings import Matrix, address_of, by_address, drawn_objects, find_tables

Rect = tuple[float, float, float, float]  # left, top, right, bottom; y grows downwards
#: A table needs ruling lines: pages with fewer drawn paths are not looked at for tables.
MIN_PATHS = 4
#: A line inside a table cell ending within this many line heights of the cell's text edge wrapped.
CELL_SLACK = 1.5
#: The room between a cell's border and its text (Word and LibreOffice: 0.19 cm).
CELL_PADDING = 5.0
#: The characters pdfium makes up between words and lines (its "generated" ones).
_MADE_UP = frozenset(map(ord, " \r\n"))
#: What makes a page's UTF-16 codes other than its code points: a surrogate pair (decoded, a
#: character beyond the Basic Multilingual Plane), a lone surrogate, or pdfium's 0xFFFE.
_UNPAIRED = re.compile("[\\ud800-\\udfff\\ufffe\\U00010000-\\U0010ffff]")
_BAD = re.compile(r"\(cid:\d+\)|[\ue000-\uf8ff\ufffd\U000f0000-\U0010ffff\x00-\x08\x0b\x0c\x0e-\x1f]")


def non_blank(text: str) -> int:
    """How many characters of ``text`` are not whitespace (``str.split`` splits where
    ``str.isspace`` is true, and counts in C)."""
    return len("".join(text.split()))


def garbled_share(text: str) -> float:
    """The share of the non-blank characters of ``text`` that no reader can make sense of."""
    total = non_blank(text)
    if total == 0:
        return 0.0
    return sum(len(match.group()) for match in _BAD.finditer(text)) / total


@dataclass(frozen=True, slots=True)
class Grid:
    """A ruled table: the rows of its cells' rectangles (``None`` where a merged cell spans)."""

    rect: Rect
    cells: tuple[tuple[Rect | None, ...], ...]

    @property
    def frame(self) -> bool:
        """Whether it is a frame around text rather than a table: one cell only."""
        return sum(cell is not None for row in self.cells for cell in row) <= 1


@dataclass(frozen=True, slots=True)
class TextPage:
    """One page's text layer: its height, prose lines and tables (their grids and the text
    pieces of every cell), ready to be laid out."""

    height: float
    lines: tuple[Line, ...]
    tables: tuple[tuple[Grid, tuple[tuple[tuple[Box, ...], ...], ...]], ...]


def page_boxes(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> list[Box]:
    """The characters of the page with their loose boxes (the glyph's advance and the font's
    height), in top-down coordinates; the line breaks and spaces pdfium makes up are left out."""
    height = page.get_height()
    raw = textpage.raw
    # pdfium's own functions, one rectangle for every character: this runs for every character
    # of every page, and pypdfium2's wrapper makes a rectangle and checks for each. Only a
    # space or a line break can be one pdfium made up, so only those are asked about.
    generated = pdfium_c.FPDFText_IsGenerated
    loose_box = by_address(pdfium_c.FPDFText_GetLooseCharBox)
    new_box = tuple.__new__  # a named tuple's own constructor is a Python function: twice slower
    rect = pdfium_c.FS_RECTF()
    raw_address, rect_address = address_of(raw), ctypes.addressof(rect)
    boxes = []
    for index, code in _characters(raw, textpage.count_chars()):
        if not (code in _MADE_UP and generated(raw, index)) and loose_box(raw_address, index, rect_address):
            boxes.append(new_box(Box, (chr(code), rect.left, height - rect.top,
                                       rect.right, height - rect.bottom)))
    return boxes


def _characters(textpage: Any, count: int) -> Iterable[tuple[int, int]]:
    """The index and the code point of every character of the text page but surrogates and
    pdfium's 0xFFFE (a hyphen it found at a line's end). pdfium's text of the page leaves out
    control characters, so it lines up with the characters only when the last one's index in
    it is its own: then the codes are read in one call and, on a page without a character
    outside the Basic Multilingual Plane (most), are the code points themselves."""
    if count and pdfium_c.FPDFText_GetTextIndexFromCharIndex(textpage, count - 1) == count - 1:
        array = (ctypes.c_ushort * (count + 1))()  # and the closing NUL
        if pdfium_c.FPDFText_GetText(textpage, 0, count, array) == count + 1:
            codes = array[:count]
            if not _UNPAIRED.search(bytes(array).decode("utf-16-le", "surrogatepass")):
                return enumerate(codes)
            return _paired(codes.__getitem__, count)
    return _paired(partial(pdfium_c.FPDFText_GetUnicode, textpage), count)


def _paired(unicode_at: Callable[[int], int], count: int) -> Iterator[tuple[int, int]]:
    """The characters of a text page of ``count`` UTF-16 codes (``unicode_at``), a surrogate
    pair read as the one character it stands for, at the index of its first half."""
    index = 0
    while index < count:
        code = unicode_at(index)
        width = 1
        if 0xD800 <= code < 0xDC00 and index + 1 < count:  # a UTF-16 surrogate pair
            low = unicode_at(index + 1)
            code, width = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00), 2
        if not 0xD800 <= code < 0xE000 and code != 0xFFFE:
            yield index, code
        index += width


def drawn_paths(page: pdfium.PdfPage, limit: int) -> list[tuple[Any, Matrix]]:
    """The paths the page draws with their matrices, at most ``limit + 1`` of them (found among
    the objects pdfium has loaded, nothing is parsed twice): at least :data:`MIN_PATHS` for a
    ruled table."""
    return list(islice(drawn_objects(page, pdfium_c.FPDF_PAGEOBJ_PATH), limit + 1))


def page_grids(page: pdfium.PdfPage, paths: list[tuple[Any, Matrix]]) -> list[Grid]:
    """The ruled tables the page's ``paths`` draw (:mod:`jixiao.documents.pdf.rulings`)."""
    return [Grid(_rect(table.bbox), tuple(_row(row.cells) for row in table.rows))  # type: ignore[arg-type]
            for table in find_tables(page, paths)]


def _row(cells: list[Any]) -> tuple[Rect | None, ...]:
    """A row's cells; a row that ends before the table's last column (no cell there) ends."""
    rects = [_rect(cell) for cell in cells]
    while rects and rects[-1] is None:
        rects.pop()
    return tuple(rects)


def _rect(bbox: Any) -> Rect | None:
    return None if bbox is None else (float(bbox[0]), float(bbox[1]), float(bbox[2]), float(bbox[3]))


def text_page(height: float, boxes: list[Box], grids: list[Grid]) -> TextPage:
    """The page with every piece given to the cell that holds its centre, or to the prose."""
    tables = [_Cells(grid) for grid in grids]
    prose = _outside_cells(boxes, tables) if tables else boxes
    frozen = tuple((table.grid, tuple(tuple(tuple(cell) for cell in row) for row in table.pieces))
                   for table in tables)
    return TextPage(height, tuple(without_page_numbers(group_lines(prose), height)), frozen)


def _outside_cells(boxes: list[Box], tables: list[_Cells]) -> list[Box]:
    """The boxes no table holds; each of the others is given to the nearest cell of the first
    table that holds its centre."""
    prose = []
    for box in boxes:
        _, left, top, right, bottom = box  # unpacked once: Box's fields and middle, for every character
        x, y = (left + right) / 2, (top + bottom) / 2
        for table in tables:
            if table.left <= x <= table.right and table.top <= y <= table.bottom:
                table.nearest(x, y).append(box)
                break
        else:
            prose.append(box)
    return prose


_Cell = tuple[float, float, float, float, list[Box]]
"""A cell's left, top, right and bottom, and the pieces given to it."""


class _Cells:
    """A table's cells with the pieces given to each, and an index by height: every band of
    the table's height lists the cells that reach into it, so a point is looked up among the
    cells of its row instead of all."""

    def __init__(self, grid: Grid) -> None:
        self.grid = grid
        self.left, self.top, self.right, self.bottom = grid.rect
        self.pieces: list[list[list[Box]]] = [[[] for _ in row] for row in grid.cells]
        self.cells: list[_Cell] = [(*rect, self.pieces[row][column]) for row, rects in enumerate(grid.cells)
                                   for column, rect in enumerate(rects) if rect is not None]
        self.band = max((self.bottom - self.top) / max(len(grid.cells), 1), 1e-6)
        self.bands: list[list[_Cell]] = [[] for _ in range(max(len(grid.cells), 1))]
        for cell in self.cells:
            for band in range(self._band(cell[1]), self._band(cell[3]) + 1):
                self.bands[band].append(cell)

    def _band(self, y: float) -> int:
        return min(max(int((y - self.top) / self.band), 0), len(self.bands) - 1)

    def nearest(self, x: float, y: float) -> list[Box]:
        """The pieces of the cell nearest to (x, y): the first (row by row) that holds it, else
        the first at the least distance."""
        band = min(max(int((y - self.top) / self.band), 0), len(self.bands) - 1)  # _band, inlined
        for left, top, right, bottom, pieces in self.bands[band]:
            if left <= x <= right and top <= y <= bottom:
                return pieces
        return min(self.cells, key=lambda cell: _distance(cell, x, y))[4]


def _distance(cell: _Cell, x: float, y: float) -> float:
    left, top, right, bottom, _ = cell
    return max(left - x, 0, x - right) + max(top - y, 0, y - bottom)


def page_blocks(page: TextPage, margins: Margins) -> list[PageBlock]:
    """The page's paragraphs and tables, top to bottom."""
    items: list[tuple[float, int, Line | PageBlock]] = [(line.top, 0, line) for line in page.lines]
    for grid, rows in page.tables:
        items.append((grid.rect[1], 1, _table(grid, rows, margins)))
    items.sort(key=lambda item: (item[0], item[1]))
    blocks: list[PageBlock] = []
    prose: list[Line] = []
    for _, _, item in items:
        if isinstance(item, Line):
            prose.append(item)
            continue
        blocks += paragraphs(prose, margins)
        prose = []
        blocks.append(item)
    return blocks + paragraphs(prose, margins)


def _table(grid: Grid, rows: tuple[tuple[tuple[Box, ...], ...], ...], margins: Margins) -> PageTable:
    framed: tuple[str, ...] = ()
    if grid.frame:
        boxes = [box for row in rows for cell in row for box in cell]
        framed = tuple(paragraphs(group_lines(boxes), margins))
    return PageTable(_rows(grid, rows), (grid.rect[0], grid.rect[2]), prose=framed)


def _rows(grid: Grid, rows: tuple[tuple[tuple[Box, ...], ...], ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(_cell_text(rect, boxes) for rect, boxes in zip(rects, cells, strict=True))
                 for rects, cells in zip(grid.cells, rows, strict=True))


def _cell_text(rect: Rect | None, boxes: tuple[Box, ...]) -> str:
    if rect is None or not boxes:
        return ""
    lines = group_lines(boxes)
    return "\n".join(paragraphs(lines, Margins(rect[0], rect[2] - CELL_PADDING, CELL_SLACK, indent=False)))
