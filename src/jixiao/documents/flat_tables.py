"""Tables rebuilt from flattened text, as text extraction of a report writes them.

Three flattenings are read:

* **one cell per line** (Word and PDF extraction): each cell starts with a TAB, a blank line
  ends a row, and a line without a TAB right after a cell (no blank line in between) continues
  that cell (``"\\t实际规"`` + ``"模(m²)"`` is the one cell ``"实际规\\n模(m²)"``).
* **pipe dumps**: ``"| a | b |"`` is one row (``"|---|---|"`` rules are skipped); ``"a |"``
  or ``"a | b |"`` adds cells to the open row, which a line of pipes only (``"|"``, ``"|||"``)
  or an empty line ends (a line of spaces is a cell's padding: ``"| "``, ``"  一级 指标  |"``,
  ``"    "``, ``"  二级 指标  |"`` is one row); so does a line whose last cells are empty, the
  padding of a row shorter than the table (``"指标2 | ≥200 | 202 | 10 | 10 | |||||"``: the row
  ends there, its padding, cells with nothing between their pipes, dropped, where ``"实际
  完成值 |"`` continues the row); a table whose last row no line of pipes ends, once such lines
  have ended its rows, is marked ``cut``. A dump that is one row only, one cell a line, is cut
  into rows by its layout when it has one (see :func:`_rows_of_one`); so is a dump of one cell a
  line whose lines of one pipe are its empty cells (``"因公出国(境)费 |"``, ``"|"``, ``"|"``,
  ``"公务接待费 |"`` …) when its rows, as the lines of pipes end them, run into one another
  (:func:`jixiao.documents.cell_lines.recut`).
* **cells between lines of one pipe**: ``"|"``, ``"行政经费"``, ``"|"``, ``"312.23"``, ``"|"`` …, a
  cell's text up to three lines, two pipes in a row an empty cell: cut into rows by the table's
  layout (:func:`jixiao.documents.cell_lines.separated_run`).

A table is one run of such lines; it ends at the first line that is neither blank nor a cell
line after a blank line, at a line of the other flattening, and at an annex heading
(``"附件 3"``), which never continues a cell. Every other non-blank line is a paragraph.

A merged cell whose text the extraction wrote *after* blank lines and without its TAB
(``"\\t"``, ``"\\t"``, blank lines, ``"产出指标"``, ``"(50 分)"``, then ``"\\t数量指标"`` at once)
belongs to the open row: when that row is shorter than the table's widest row and ends with an
empty cell, up to three such lines directly followed by a TAB line continue that empty cell, so
a 自评表 stays one table with its 一级 cells in place. Merged cells are otherwise not rebuilt:
a row has as many cells as the extraction wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from itertools import pairwise

from jixiao.documents.cell_lines import is_separator, recut, separated_run
from jixiao.documents.model import Block, Cell, Paragraph, Table
from jixiao.findings import Place

TAB = "\t"
PIPE = "|"
MERGED_HEADING_LINES = 3
"""At most this many TAB-less lines after a blank line may be the text of a merged cell."""
ROW_CELLS = 3
"""A pipe line of at least this many cells right after another is a row of its own."""

_ANNEX_HEADING = re.compile(r"\s*附\s*[件表]\s*[\d一二三四五六七八九十]+\s*[:：]?\s*")
_PIPE_RULE = re.compile(r"\s*:?-+:?\s*")
_NUMBER_CELL = re.compile(r"\s*[-+]?[\d.,]+\s*[%％分]?\s*")
_NON_SPACE = re.compile(r"\S")


class _Mode(Enum):
    TAB = "tab"
    PIPE = "pipe"


def parse_flat_text(text: str) -> tuple[Block, ...]:
    """The paragraphs and tables of ``text`` (lines separated by ``"\\n"``), in reading order,
    with places whose offsets index ``text``."""
    lines = text.split("\n")
    builder = _Builder(text, _lines_to_tab(lines))
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    runs = _cell_line_runs(lines)
    index = 0
    while index < len(lines):
        run = separated_run(lines, index) if builder.separated_may_start(lines[index]) else None
        if run is not None and builder.add_separated(run[0], offsets, lines):
            index = run[1]
            continue
        end = runs.get(index)
        if end is not None and not _separated_after_caption(builder, lines, offsets, index):
            builder.close_table()
            # a dump that the text ends in may have been cut there (an excerpt, a page)
            cut = not any(line.strip() for line in lines[end:])
            builder.add_rows(_cell_line_rows(text, lines, offsets, index, end), cut=cut)
            index = end
            continue
        builder.feed(index, offsets[index], lines[index])
        index += 1
    builder.close_table()
    return tuple(builder.blocks)


def _separated_after_caption(builder: _Builder, lines: list[str], offsets: list[int], index: int) -> bool:
    """Whether the lines from ``index`` are a caption (``"單位:萬元"``) over a table of cells
    between lines of one pipe: that table is read as such, from its first pipe, and the
    caption stays a paragraph."""
    near = range(index, min(index + CELL_LINES + 1, len(lines)))
    pipe = next((at for at in near if is_separator(lines[at])), None)
    if pipe is None or pipe == index or not builder.separated_may_start(lines[pipe]):
        return False
    run = separated_run(lines, pipe)
    return run is not None and builder.separated_cut(run[0], offsets, lines) is not None


CELL_LINES = 3
"""At most this many lines make one cell of a dump that writes each cell and each pipe on a line
of its own (``"产 出"`` + ``"(20分)"``)."""
MIN_CELL_PIPES = 8
"""A dump of cells and lone pipes has at least this many pipe lines (a table, not a quote)…"""
MIN_CELL_CHUNKS = 6
"""… and at least this many cells with text."""
_LONE_PIPES = re.compile(r"\s*\|\s*")
_FIGURE_HEADING = re.compile(r".*(?:分值|权重|得分|评分|自评分)(?:[（(]分[）)])?")
"""Headings of the columns whose cells are figures (points), by which a dump without row
delimiters is cut into rows."""


def _cell_line_runs(lines: list[str]) -> dict[int, int]:
    """The runs of lines that write one cell a line with each pipe on a line of its own
    (``"一级指标"``, ``"|"``, ``"二级指标"``, ``"|"`` …): first line → line after the run's last
    pipe. A run is lone pipes and chunks of at most :data:`CELL_LINES` text lines without a pipe
    or TAB, each chunk followed by a pipe (one pipe a line: a line of several pipes ends a row
    of a pipe dump); a blank line or any other line ends it."""
    runs: dict[int, int] = {}
    index = 0
    while index < len(lines):
        start = end = index
        pipes = chunks = 0
        position = index
        while position < len(lines):
            chunk = position
            while chunk < len(lines) and _is_cell_text(lines[chunk]) and chunk - position < CELL_LINES:
                chunk += 1
            if chunk >= len(lines) or not _LONE_PIPES.fullmatch(lines[chunk]):
                break
            chunks += chunk > position
            while chunk < len(lines) and _LONE_PIPES.fullmatch(lines[chunk]):
                pipes += 1
                chunk += 1
            position = end = chunk
        if pipes >= MIN_CELL_PIPES and chunks >= MIN_CELL_CHUNKS:
            runs[start] = end
        # a run too small from its first line is too small from any line inside it
        index = max(end, index + 1)
    return runs


def _is_cell_text(line: str) -> bool:
    return bool(line.strip()) and PIPE not in line and TAB not in line


def _cell_line_rows(text: str, lines: list[str], offsets: list[int], start: int,
                    end: int) -> list[list[_Span]]:
    """The rows of a run of cell lines. Cells are the text chunks between pipes; two pipes or
    more in a row are a row's end and start (``"| 2 | 2 | |"`` + ``"| 2 | 申报审批 |"``: each pipe
    past the second an empty cell of the row that ends) when every row they delimit is at
    most as wide as the table's header; otherwise they are empty cells of a dump that writes
    no row delimiters, cut into rows by its header (:func:`_rows_by_header`)."""
    cells: list[_Span | None] = []  # None: a run of pipes, counted in pipes
    pipes: list[int] = []
    index = start
    while index < end:
        if _LONE_PIPES.fullmatch(lines[index]):
            count = 1
            if cells and cells[-1] is None:
                pipes[-1] += count
            else:
                cells.append(None)
                pipes.append(count)
            index += 1
            continue
        first = index
        while index < end and not _LONE_PIPES.fullmatch(lines[index]):
            index += 1
        cells.append(_Span(first + 1, offsets[first], offsets[index - 1] + len(lines[index - 1])))
    delimited: list[list[_Span]] = [[]]
    flat: list[_Span] = []
    runs = iter(pipes)
    for cell in cells:
        if cell is not None:
            delimited[-1].append(cell)
            flat.append(cell)
            continue
        count = next(runs)
        at = flat[-1].end + 1 if flat else offsets[start]
        empties = [_Span(text.count("\n", 0, at) + 1, at, at) for _ in range(count - 1)]
        flat += empties
        if count >= 2 and delimited[-1]:
            delimited[-1] += empties[1:]
            delimited.append([])
    delimited = [row for row in delimited if row]
    header = _header_width(text, flat)
    if header is None or max(len(row) for row in delimited) <= header:
        return delimited
    return _rows_by_header(text, flat, header) or delimited


def _header_width(text: str, cells: list[_Span]) -> int | None:
    """How many cells head the dump: those before the first that is a figure or states a weight
    (``"(20分)"``), when two of them head figure columns."""
    for index, span in enumerate(cells):
        cell = text[span.start:span.end]
        if _NUMBER_CELL.fullmatch(cell) or _STATED_POINTS.search(cell):
            heads = [text[c.start:c.end] for c in cells[:index]]
            figures = sum(bool(_FIGURE_HEADING.fullmatch(_compact(head))) for head in heads)
            return index if figures >= 2 else None
    return None


_STATED_POINTS = re.compile(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[）)]")


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _rows_by_header(text: str, cells: list[_Span], width: int) -> list[list[_Span]] | None:
    """A dump without row delimiters cut into rows: each row ends under the header's last
    column, its figure columns (分值, 得分) aligned on the row's figures (rows lose cells on
    their left, where merged cells were written once)."""
    heads = [_compact(text[c.start:c.end]) for c in cells[:width]]
    figures = [col for col, head in enumerate(heads) if _FIGURE_HEADING.fullmatch(head)]
    first, last = figures[0], figures[-1]
    if figures != list(range(first, last + 1)):
        return None
    rows, row = [cells[:width]], []
    trailing = width - 1 - last
    run = 0
    index = width
    while index < len(cells):
        span = cells[index]
        row.append(span)
        run = run + 1 if _NUMBER_CELL.fullmatch(text, span.start, span.end) else 0
        index += 1
        if run == len(figures):
            row += cells[index:index + trailing]
            index += trailing
            rows.append(row)
            row, run = [], 0
    if row:
        rows.append(row)
    return rows


def _lines_to_tab(lines: list[str]) -> list[int | None]:
    """For each TAB-less non-blank line, how many lines of its run of such lines remain before
    a TAB line that follows the run directly (``None`` when no TAB line follows it)."""
    remaining: list[int | None] = [None] * len(lines)
    for index in range(len(lines) - 2, -1, -1):
        line, following = lines[index], lines[index + 1]
        if not line.strip() or line.startswith(TAB):
            continue
        if following.startswith(TAB):
            remaining[index] = 1
        elif following.strip() and (after := remaining[index + 1]) is not None:
            remaining[index] = after + 1
    return remaining


@dataclass(slots=True)
class _Span:
    """The raw extent of a cell or paragraph: first line and offsets (TAB excluded)."""

    line: int
    start: int
    end: int


class _Builder:
    """Collects blocks line by line; ``rows`` is the open table (empty when none is open) and
    ``row_closed`` says whether the next cell starts a new row."""

    def __init__(self, text: str, to_tab: list[int | None]) -> None:
        self.text = text
        self.to_tab = to_tab
        self.blocks: list[Block] = []
        self.rows: list[list[_Span]] = []
        self.mode = _Mode.TAB
        self.width = 0
        self.row_closed = False
        self.delimited = False
        self.pipes_ended = False
        self.line_cells = 0
        self.paragraphs = 0
        self.tables = 0
        self.cell_lines: list[_Span] | None = []

    def separated_may_start(self, line: str) -> bool:
        """Whether a table of cells between lines of one pipe may start at ``line``: a line of
        one pipe outside a pipe dump."""
        return is_separator(line) and not (self.rows and self.mode is _Mode.PIPE)

    def separated_cut(self, cells: list[tuple[int, int]], offsets: list[int],
                      lines: list[str]) -> tuple[list[_Span], list[int]] | None:
        """The spans of ``cells`` (line ranges, see :func:`separated_run`) and the row lengths
        their layout cuts them into, if it does."""
        spans = [_Span(first + 1, offsets[first], offsets[first] + len(lines[first]) if first == last
                       else offsets[last - 1] + len(lines[last - 1])) for first, last in cells]
        for span, (first, last) in zip(spans, cells, strict=True):
            if first == last:
                span.end = span.start  # nothing between the pipes
        lengths = recut([self.text[span.start:span.end] for span in spans])
        return None if lengths is None else (spans, lengths)

    def add_separated(self, cells: list[tuple[int, int]], offsets: list[int], lines: list[str]) -> bool:
        """Add the table of ``cells`` (line ranges, see :func:`separated_run`) when its layout
        cuts it into rows; whether it did."""
        cut = self.separated_cut(cells, offsets, lines)
        if cut is None:
            return False
        spans, lengths = cut
        self.close_table()
        self.mode = _Mode.PIPE
        self.rows = _rows_of_lengths(spans, lengths)
        self.close_table()
        return True

    def feed(self, index: int, offset: int, line: str) -> None:
        number, end = index + 1, offset + len(line)
        if line.startswith(TAB):
            self._open(_Mode.TAB)
            self._add_cells([_Span(number, offset + len(TAB), end)])
        elif _is_pipe_line(line):
            self._pipe_line(number, offset, line)
        elif not line.strip():
            # A line of spaces between a pipe dump's cells is their padding, not a row's end.
            if not (line and self.mode is _Mode.PIPE and self.rows):
                self.row_closed = bool(self.rows)
        elif _ANNEX_HEADING.fullmatch(line):
            self.close_table()
            self._add_paragraph(_Span(number, offset, end))
        elif self.rows and self.mode is _Mode.TAB and self._continues(index, line):
            self.rows[-1][-1].end = end
            self.row_closed = False
        else:
            self.close_table()
            self._add_paragraph(_Span(number, offset, end))

    def _continues(self, index: int, line: str) -> bool:
        """Whether the TAB-less ``line`` (at ``index``) continues the open row's last cell."""
        cell = self.rows[-1][-1]
        if not self.row_closed:
            # An indented title right after a one-line figure (" 2023 年度…报告" after "100")
            # is no part of the figure's cell.
            return not (line[:1].isspace() and cell.line == index
                        and _NUMBER_CELL.fullmatch(self.text, cell.start, cell.end) is not None)
        remaining = self.to_tab[index]
        return (remaining is not None and remaining <= MERGED_HEADING_LINES
                and len(self.rows[-1]) < self.width
                and _NON_SPACE.search(self.text, cell.start, cell.end) is None)

    def _pipe_line(self, number: int, offset: int, line: str) -> None:
        cells = _pipe_cells(number, offset, line)
        self._open(_Mode.PIPE)
        texts = [self.text[span.start:span.end] for span in cells]
        self._record_cell_line(number, offset, cells, texts)
        if not any(text.strip() for text in texts):
            self.line_cells = 0
            self.row_closed = bool(self.rows)  # a line of pipes ends the row
            self.delimited = self.pipes_ended = True
            return
        if all(_PIPE_RULE.fullmatch(text) for text in texts):
            return
        whole_row = line.lstrip().startswith(PIPE)  # "| a | b |"
        # "a | b | ||||": the row's rest is padding, cells with nothing between their pipes; a
        # cell written empty ("|  |") is one of the row's and stays (an unfilled 得分)
        padded = not whole_row and texts[-1] == ""
        if padded:
            cells = cells[:max(index for index, text in enumerate(texts) if text) + 1]
        # two lines of several cells each are two rows ("产出指标 | 数量指标 | … | 无 |" then
        # "数量指标 | 钢结构圈养围栏 | … | 无 |"); a row broken across lines breaks it into few cells
        rows_apart = min(len(cells), self.line_cells) >= ROW_CELLS
        self.row_closed = self.row_closed or whole_row or rows_apart
        self._add_cells(cells)
        self.row_closed = whole_row or padded
        self.pipes_ended = whole_row
        self.line_cells = len(cells)

    def _record_cell_line(self, number: int, offset: int, cells: list[_Span], texts: list[str]) -> None:
        """Keep the dump's cells when it is one cell a line: ``"x |"`` a cell, ``"|"`` an empty
        one (:func:`_recut_cell_lines`)."""
        if self.cell_lines is None:
            return
        if not cells:
            self.cell_lines.append(_Span(number, offset, offset))
        elif len(cells) == 1 and texts[0].strip():
            self.cell_lines.append(cells[0])
        else:
            self.cell_lines = None

    def _open(self, mode: _Mode) -> None:
        if self.rows and self.mode is not mode:
            self.close_table()
        self.mode = mode

    def _add_cells(self, spans: list[_Span]) -> None:
        if not self.rows or self.row_closed:
            self.rows.append([])
        self.rows[-1].extend(spans)
        self.width = max(self.width, len(self.rows[-1]))
        self.row_closed = False

    def add_rows(self, rows: list[list[_Span]], *, cut: bool) -> None:
        """A table whose rows were cut elsewhere; ``cut`` when its end may not be the table's."""
        self.rows = rows
        self.mode = _Mode.TAB  # no pipe row to rebuild: the rows are as given
        self.close_table(cut=cut)

    def close_table(self, *, cut: bool = False) -> None:
        if not self.rows:
            return
        if self.mode is _Mode.PIPE and len(self.rows) == 1:
            self.rows = _rows_of_one(self.text, self.rows[0]) or self.rows
        if self.mode is _Mode.PIPE and self.cell_lines and _irregular(self.text, self.rows):
            self.rows = self._recut_cell_lines() or self.rows
        table = self.tables
        rows = tuple(
            tuple(self._cell(span, table, row, col) for col, span in enumerate(spans))
            for row, spans in enumerate(self.rows))
        first, last = self.rows[0][0], self.rows[-1][-1]
        place = Place(table=table, line=first.line, start=first.start, end=last.end)
        cut = cut or (self.mode is _Mode.PIPE and self.delimited and not self.pipes_ended)
        self.blocks.append(Table(rows, place, cut))
        self.tables += 1
        self.rows = []
        self.width = 0
        self.row_closed = False
        self.delimited = False
        self.pipes_ended = False
        self.cell_lines = []

    def _recut_cell_lines(self) -> list[list[_Span]] | None:
        """A dump of one cell a line, its lines of one pipe empty cells, cut into rows by its
        layout (:func:`jixiao.documents.cell_lines.recut`)."""
        spans = self.cell_lines or []
        lengths = recut([self.text[span.start:span.end] for span in spans])
        return None if lengths is None else _rows_of_lengths(spans, lengths)

    def _add_paragraph(self, span: _Span) -> None:
        text, line, start, end = self._trimmed(span)
        place = Place(paragraph=self.paragraphs, line=line, start=start, end=end)
        self.blocks.append(Paragraph(text, place))
        self.paragraphs += 1

    def _cell(self, span: _Span, table: int, row: int, col: int) -> Cell:
        text, line, start, end = self._trimmed(span)
        return Cell(text, Place(table=table, row=row, col=col, line=line, start=start, end=end))

    def _trimmed(self, span: _Span) -> tuple[str, int, int, int]:
        """The span's text without surrounding whitespace, with its line and offsets."""
        raw = self.text[span.start:span.end]
        text = raw.strip()
        if not text:
            return "", span.line, span.start, span.start
        lead = len(raw) - len(raw.lstrip())
        start = span.start + lead
        return text, span.line + raw.count("\n", 0, lead), start, start + len(text)


def _rows_of_one(text: str, spans: list[_Span]) -> list[list[_Span]] | None:
    """A pipe dump of one cell per line with nothing between its rows (``"项 目 |"``, ``"预 算 数 |"``,
    ``"决 算 数 |"``, ``"合 计 |"``, ``"9 |"``, ``"7.15 |"``, ``"公务接待费 |"``, ``"6 |"`` …) cut into
    rows by its own layout: the text cells before the first figure are the header and the first
    row's label, so the header is as wide as every row, and each row is a label and figures."""
    figures = [_NUMBER_CELL.fullmatch(text, span.start, span.end) is not None for span in spans]
    if True not in figures:
        return None
    width = figures.index(True) - 1
    body = spans[width:]
    if width < 2 or len(body) < 2 * width or len(body) % width:
        return None
    rows = [body[start:start + width] for start in range(0, len(body), width)]
    flags = [figures[width + start:width + start + width] for start in range(0, len(body), width)]
    if any(flag[0] or not all(flag[1:]) for flag in flags):
        return None
    return [spans[:width], *rows]


def _irregular(text: str, rows: list[list[_Span]]) -> bool:
    """Whether the rows run into one another: a row with words after a figure (“合 计 | 3 |
    1.71 | 因公出国(境)费”)."""
    for row in rows:
        kinds = ["figure" if _NUMBER_CELL.fullmatch(text, span.start, span.end) is not None
                 else "words" if _NON_SPACE.search(text, span.start, span.end) else "empty" for span in row]
        if "figure" in kinds and "words" in kinds[kinds.index("figure"):]:
            return True
    return False


def _rows_of_lengths(spans: list[_Span], lengths: list[int]) -> list[list[_Span]]:
    rows, start = [], 0
    for length in lengths:
        rows.append(spans[start:start + length])
        start += length
    return rows


def _is_pipe_line(line: str) -> bool:
    stripped = line.strip()
    return stripped.startswith(PIPE) or stripped.endswith(PIPE)


def _pipe_cells(number: int, offset: int, line: str) -> list[_Span]:
    """The cells between the pipes of ``line``: ``"| a | b |"`` and ``"a | b |"`` both give
    ``a`` and ``b`` (no cell before a leading pipe or after a trailing one)."""
    bounds = [index for index, char in enumerate(line) if char == PIPE]
    stripped = line.strip()
    edges = [-1, *bounds, len(line)]
    spans = [_Span(number, offset + left + 1, offset + right) for left, right in pairwise(edges)]
    if stripped.startswith(PIPE):
        spans = spans[1:]
    if stripped.endswith(PIPE):
        spans = spans[:-1]
    return spans
