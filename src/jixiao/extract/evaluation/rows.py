"""A report's tables and paragraphs as one stream of rows, cut into its attachments.

Text extraction does not always keep a form's table in one piece: a 一级指标 heading written
without a TAB ends the table (“产出指标” / “(50 分)”), and text after a table may run on into its
last cell (“99\\n附件 3 …”). Readers of the forms therefore walk a stream of *rows*: every table
row, and every paragraph as a row of one cell, in reading order. :func:`attachments` cuts that
stream where a form's title (附件1 基础数据表, 附件2 自评表, 附件3 项目自评表) appears, in a
paragraph or inside a cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise

from jixiao.documents.model import Cell, Document, Paragraph
from jixiao.extract.evaluation.fields import BLANKS
from jixiao.extract.per_document import per_document
from jixiao.extract.tables.cells import compact

BASIC_DATA, UNIT_TABLE, PROJECT_TABLE = "basic_data", "self_assessment", "project"
REPORT = "report"
_TITLES = (("绩效评价基础数据表", BASIC_DATA), ("整体支出绩效自评表", UNIT_TABLE),
           ("项目支出绩效自评表", PROJECT_TABLE), ("自评报告", REPORT))
_ANY_TITLE = re.compile("|".join(marker for marker, _ in _TITLES))


@dataclass(frozen=True, slots=True)
class Row:
    """One table row (``paragraph`` false) or one paragraph as a row of one cell."""

    cells: tuple[Cell, ...]
    paragraph: bool
    _texts: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _joined: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Squeezed once: the readers ask a row for its texts many times, and for labels most
        # rows do not hold, which one substring test of all its texts rules out.
        texts = tuple([compact(cell.text) for cell in self.cells])
        object.__setattr__(self, "_texts", texts)
        object.__setattr__(self, "_joined", "\n".join(texts))

    def texts(self) -> tuple[str, ...]:
        """Cell texts without whitespace (cells break words across lines)."""
        return self._texts

    def mentions(self, pattern: re.Pattern[str]) -> bool:
        """Whether the squeezed text of some cell matches ``pattern`` (which matches no
        whitespace): one search for several labels at once."""
        return pattern.search(self._joined) is not None

    def holds(self, words: str) -> bool:
        """Whether the squeezed text of some cell contains ``words`` (which have no whitespace):
        one substring test rules out most rows for most labels."""
        return words in self._joined

    def filled(self) -> tuple[Cell, ...]:
        return tuple(cell for cell, text in zip(self.cells, self._texts, strict=True) if text not in BLANKS)

    def from_right(self, offset: int) -> Cell | None:
        """The cell ``offset`` places from the right end (1 is the last), if the row has it."""
        return self.cells[-offset] if 0 < offset <= len(self.cells) else None

    def after(self, label: str) -> Cell | None:
        """The cell right after the first cell whose text starts with ``label``."""
        if not self.holds(label):
            return None
        texts = self.texts()
        for index, text in enumerate(texts[:-1]):
            if text.startswith(label):
                return self.cells[index + 1]
        return None

    def filled_after(self, label: str) -> Cell | None:
        """The first filled cell after the first cell whose text starts with ``label``: a label
        merged across columns repeats as blank cells in some readers (“得分 | | 97”)."""
        if not self.holds(label):
            return None
        texts = self.texts()
        begin = next((index for index, text in enumerate(texts) if text.startswith(label)), None)
        if begin is None:
            return None
        return next((self.cells[index] for index in range(begin + 1, len(texts))
                     if texts[index] not in BLANKS), None)


@dataclass(frozen=True, slots=True)
class Attachment:
    """The rows of one attachment: ``kind`` is one of the constants above."""

    kind: str
    rows: tuple[Row, ...]


@per_document
def rows_of(document: Document) -> tuple[Row, ...]:
    """Every table row and paragraph, in reading order (made once per document: the forms'
    readers each walk them, and each row squeezes its cells)."""
    return tuple(_rows(document))


def _rows(document: Document) -> Iterator[Row]:
    for block in document.blocks:
        if isinstance(block, Paragraph):
            yield Row((Cell.placed_as(block.text, block),), paragraph=True)
        else:
            yield from (Row(cells, paragraph=False) for cells in block.rows if cells)


def attachments(document: Document) -> tuple[Attachment, ...]:
    """The attachments of a whole-unit or project form, in order; a row that holds the next
    form's title still belongs to the one before (its first line ends that form). The report's
    own title (…自评报告) ends an attachment: the report body is not one."""
    found: list[Attachment] = []
    kind: str | None = None
    rows: list[Row] = []
    for row in rows_of(document):
        title = _title(row)
        if kind is not None and (title is None or not row.paragraph):
            rows.append(row)
        if title is not None:
            if kind is not None:
                found.append(Attachment(kind, tuple(rows)))
            kind, rows = title, []
    if kind is not None:
        found.append(Attachment(kind, tuple(rows)))
    return tuple(item for item in found if item.kind != REPORT)


def _title(row: Row) -> str | None:
    if not row.mentions(_ANY_TITLE):
        return None
    for text in row.texts():
        if len(text) > 40:  # a title is short; a long cell merely mentions a form
            continue
        for marker, kind in _TITLES:
            if marker in text:
                return kind
    return None


PROJECT_NAME = "项目名称"


def project_forms(rows: tuple[Row, ...]) -> tuple[tuple[Row, ...], ...]:
    """The rows of one 附件3 cut into one form per project: a report prints the title once and
    then each project's table (“（1）专项经费一”, then its 项目名称 row), so each 项目名称 row
    after the first opens the next project's form."""
    starts = [index for index, row in enumerate(rows)
              if not row.paragraph and row.texts()[:1] == (PROJECT_NAME,)]
    if len(starts) < 2:
        return (rows,)
    cuts = [0, *starts[1:], len(rows)]
    return tuple(rows[begin:end] for begin, end in pairwise(cuts))

