"""The Document every reader produces: blocks of paragraphs and tables over one plain text.

Every paragraph and cell carries its :class:`~jixiao.findings.Place` from the moment it is read:
``line`` is the 1-based line of ``Document.text`` where its text starts, ``start``/``end`` are
character offsets into ``Document.text`` (``text[start:end]`` is exactly the block's text), and
``paragraph``, ``table``, ``row``, ``col`` are 0-based indices. Plain frozen dataclasses with
slots: a report has thousands of cells.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.findings import Place


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of prose.

    ``text`` is the paragraph as written, without surrounding whitespace (never empty);
    ``place`` has ``paragraph`` (index among the document's paragraphs), ``line``, ``start``
    and ``end``."""

    text: str
    place: Place


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell.

    ``text`` is the cell as written, without surrounding whitespace; it is empty for an empty
    cell and may span lines (``"实际规\\n模(m²)"``). ``place`` has ``table``, ``row``, ``col``,
    ``line``, ``start`` and ``end`` (``start == end`` for an empty cell)."""

    text: str
    place: Place


@dataclass(frozen=True, slots=True)
class Table:
    """One table: rows of cells, in reading order. Rows may differ in length (merged cells
    are not rebuilt). ``place`` has ``table``, the ``line`` of its first cell and the offsets
    spanning all its cells. ``cut`` says the text ends inside the last row (a pipe dump whose
    rows a line of pipes closes, cut before it: an excerpt or a page break), so rows may be
    missing."""

    rows: tuple[tuple[Cell, ...], ...]
    place: Place
    cut: bool = False

    def texts(self) -> tuple[tuple[str, ...], ...]:
        """The cell texts, row by row."""
        return tuple(tuple(cell.text for cell in row) for row in self.rows)


Block = Paragraph | Table


@dataclass(frozen=True, slots=True)
class Document:
    """A read report.

    ``file`` is the path as given; ``format`` the reader's name (``"text"``); ``blocks`` the
    paragraphs and tables in reading order; ``text`` the extracted plain text that every
    offset indexes (characters as written: full-width digits are not normalised)."""

    file: str
    format: str
    blocks: tuple[Block, ...]
    text: str

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(block for block in self.blocks if isinstance(block, Table))

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(block for block in self.blocks if isinstance(block, Paragraph))
