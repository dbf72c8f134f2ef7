"""Tables rebuilt from flattened text, as text extraction of a report writes them.

Text extracted from a report writes each table one cell per line: each cell
starts with a TAB, a blank line ends a row, and a line without a TAB right after a cell (no
blank line in between) continues that cell (``"\\t实际规"`` + ``"模(m²)"`` is the one cell
``"实际规\\n模(m²)"``). A table is one run of such lines; it ends at the first line that is
neither blank nor TAB-indented after a blank line. Every other non-blank line is a paragraph.

Merged cells are not rebuilt: a row has as many cells as the extraction wrote. A heading that
the extraction wrote without a TAB after a blank line (``"产出指标"`` in a 自评表) ends the
table and starts a new one after it.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.documents.model import Block, Cell, Paragraph, Table
from jixiao.findings import Place

TAB = "\t"


def parse_flat_text(text: str) -> tuple[Block, ...]:
    """The paragraphs and tables of ``text`` (lines separated by ``"\\n"``), in reading order,
    with places whose offsets index ``text``."""
    builder = _Builder(text)
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        builder.feed(number, offset, line)
        offset += len(line) + 1
    builder.close_table()
    return tuple(builder.blocks)


@dataclass(slots=True)
class _Span:
    """The raw extent of a cell or paragraph: first line and offsets (TAB excluded)."""

    line: int
    start: int
    end: int


class _Builder:
    """Collects blocks line by line; ``rows`` is the open table (empty when none is open)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.blocks: list[Block] = []
        self.rows: list[list[_Span]] = []
        self.after_blank = False
        self.paragraphs = 0
        self.tables = 0

    def feed(self, number: int, offset: int, line: str) -> None:
        end = offset + len(line)
        if line.startswith(TAB):
            if not self.rows or self.after_blank:
                self.rows.append([])
            self.rows[-1].append(_Span(number, offset + len(TAB), end))
            self.after_blank = False
        elif not line.strip():
            self.after_blank = bool(self.rows)
        elif self.rows and not self.after_blank:
            self.rows[-1][-1].end = end
        else:
            self.close_table()
            self._add_paragraph(_Span(number, offset, end))

    def close_table(self) -> None:
        if not self.rows:
            return
        table = self.tables
        rows = tuple(
            tuple(self._cell(span, table, row, col) for col, span in enumerate(spans))
            for row, spans in enumerate(self.rows))
        first, last = self.rows[0][0], self.rows[-1][-1]
        place = Place(table=table, line=first.line, start=first.start, end=last.end)
        self.blocks.append(Table(rows, place))
        self.tables += 1
        self.rows = []
        self.after_blank = False

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
