"""A table flattened to one cell a line, cut back into rows by its own layout.

Pipe dumps of web pages write a table one cell a line (``"项 目 |"``, ``"预 算 数 |"``,
``"合 计 |"``, ``"3 |"``, …), an empty cell as a line of one pipe (``"|"``), or the cells between
lines of one pipe (``"|"``, ``"行政经费"``, ``"|"``, ``"312.23"``); nothing marks where a row
ends. The rows are found from the table's own layout, not from a fixed width: a header row of
words, then rows each a label in the same column (cells before it empty) followed by figures or
empty cells, figures in most of them. The narrowest width under which the cells fall so is the
table's; the last row may be short (the text ends inside it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MAX_WIDTH = 12
_FIGURE = re.compile(r"\s*[-+]?[\d.,]+\s*[%％]?\s*")


def recut(texts: Sequence[str]) -> list[int] | None:
    """The lengths of the rows ``texts`` (the cells, in reading order) fall into, or ``None``
    when no width gives a header and rows of a label and figures. Empty cells at the end
    belong to the last row as far as they complete it (the rest are pipes that close it)."""
    count = len(texts)
    while count and not texts[count - 1].strip():
        count -= 1
    for width in range(2, min(MAX_WIDTH, count // 2) + 1):
        if _fits(texts[:count], width):
            whole, rest = divmod(count, width)
            # the empty cells that complete the last row are its own
            last = min(width, rest + len(texts) - count) if rest else 0
            return [width] * whole + ([last] if last else [])
    return None


def _is_figure(text: str) -> bool:
    return _FIGURE.fullmatch(text) is not None


def _fits(texts: Sequence[str], width: int) -> bool:
    header, body = texts[:width], texts[width:]
    if any(_is_figure(text) for text in header) or sum(bool(text.strip()) for text in header) < 2:
        return False
    rows = [body[start:start + width] for start in range(0, len(body), width)]
    if len(rows) < 2 or len(rows[-1]) < 1:
        return False
    label = next((col for col, text in enumerate(rows[0]) if text.strip()), None)
    if label is None:
        return False
    with_figures = 0
    for row in rows:
        if any(text.strip() for text in row[:label]) or len(row) <= label:
            return False
        if not row[label].strip() or _is_figure(row[label]):
            return False
        if not all(_is_figure(text) or not text.strip() for text in row[label + 1:]):
            return False
        with_figures += any(_is_figure(text) for text in row[label + 1:])
    return 2 * with_figures >= len(rows)


SEPARATOR = "|"
MIN_SEPARATORS = 8
"""A run of cells between lines of one pipe needs at least this many such lines."""
MAX_CELL_LINES = 3
"""A cell between two lines of one pipe spans at most this many lines (“一般公共” / “预算”)."""


def is_separator(line: str) -> bool:
    return line.strip() == SEPARATOR


def separated_run(lines: Sequence[str], start: int) -> tuple[list[tuple[int, int]], int] | None:
    """The cells of a table written between lines of one pipe, from line ``start`` (a line of
    one pipe): each cell as its (first line, end line) range, a cell with nothing between its
    pipes an empty range, and the line after the run; ``None`` when the lines there are no such
    table. The text lines between two pipes are one cell; after the last pipe, one line that is
    a figure is the last cell."""
    if not is_separator(lines[start]):
        return None
    cells: list[tuple[int, int]] = []
    index, separators = start + 1, 1
    while index < len(lines):
        end = index
        while end < len(lines) and _is_cell_line(lines[end]) and end - index < MAX_CELL_LINES:
            end += 1
        if end < len(lines) and is_separator(lines[end]):
            cells.append((index, end))
            index, separators = end + 1, separators + 1
            continue
        if end > index and _is_figure(lines[index]):
            cells.append((index, index + 1))
            index += 1
        break
    if separators < MIN_SEPARATORS or not any(first < last for first, last in cells):
        return None
    return cells, index


def _is_cell_line(line: str) -> bool:
    return bool(line.strip()) and SEPARATOR not in line
