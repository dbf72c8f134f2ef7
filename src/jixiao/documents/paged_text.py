"""The text of a paged document (PDF, image) laid out like any other, every place with its page.

:class:`PagedLayout` is the docx reader's :class:`~jixiao.documents.docx_reader.TextLayout`
(a paragraph per line, a table cell per TAB-indented line, a blank line after each row) that
also stamps each block and cell with the 1-based number of the page it was read from.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from jixiao.documents.docx_reader import TextLayout
from jixiao.documents.model import Block, Cell, Paragraph, Table
from jixiao.documents.page_layout import PageBlock
from jixiao.findings import Place


class PagedLayout(TextLayout):
    """A :class:`TextLayout` whose blocks carry ``page``: set :attr:`page` before adding a
    page's blocks."""

    def __init__(self) -> None:
        super().__init__()
        self.page: int | None = None

    def paragraph(self, text: str) -> None:
        count = len(self.blocks)
        super().paragraph(text)
        self._stamp(count)

    def table(self, rows: Sequence[Sequence[tuple[str, str | None]]], sheet: str | None = None) -> None:
        count = len(self.blocks)
        super().table(rows, sheet)
        self._stamp(count)

    def add(self, page: int, blocks: Iterable[PageBlock]) -> None:
        """The blocks of page ``page`` (1-based), in reading order; a table's rows may name
        pages of their own (a table continued on the next pages)."""
        self.page = page
        for block in blocks:
            if isinstance(block, str):
                self.paragraph(block)
                continue
            count = len(self.blocks)
            # TextLayout's own table: every cell is stamped once, with its row's page (a table
            # of hundreds of cells run over pages was stamped twice).
            super().table([[(text, None) for text in row] for row in block.rows])
            if len(self.blocks) > count:
                self.blocks[-1] = _with_row_pages(self.blocks[-1], block.pages or (page,) * len(block.rows))

    def _stamp(self, count: int) -> None:
        if len(self.blocks) > count:
            self.blocks[-1] = _with_page(self.blocks[-1], self.page)


def _with_page(block: Block, page: int | None) -> Block:
    if isinstance(block, Paragraph):
        return Paragraph(block.text, _on_page(block.place, page))
    return _with_row_pages(block, (page,) * len(block.rows))


def _with_row_pages(block: Block, pages: Sequence[int | None]) -> Block:
    assert isinstance(block, Table)
    rows = tuple(tuple(Cell(cell.text, _on_page(cell.place, page)) for cell in row)
                 for row, page in zip(block.rows, pages, strict=True))
    return Table(rows, _on_page(block.place, pages[0]))


def _on_page(place: Place, page: int | None) -> Place:
    """``place`` on page ``page``: built field by field, not by :func:`dataclasses.replace`,
    which looks the fields up again for each of a report's thousands of cells (twice as
    slow)."""
    return Place(path=place.path, sheet=place.sheet, cell=place.cell, page=page,
                 paragraph=place.paragraph, table=place.table, row=place.row, col=place.col,
                 line=place.line, start=place.start, end=place.end, report=place.report)
