"""The text the readers of score tables written as text read: the document's text without the
score tables already read as tables.

A Word, workbook or PDF grid that heads 分值 and 得分 is read as a table (:mod:`.table`); its
cells are in ``Document.text`` too, one a line, where the readers of flattened tables (glued
rows, header lines, pairs, outlines) would read them a second time only to find what the table
gave. Blanked out, each character but the line ends a space, the text keeps every offset and
line, so what those readers find elsewhere keeps its place.
"""

from __future__ import annotations

import re

from jixiao.documents.model import Document
from jixiao.extract.per_document import per_document
from jixiao.extract.tables.scores.table import is_score_table

_NOT_LINE_END = re.compile(r"[^\n]")


@per_document
def text_beside_score_tables(document: Document) -> str:
    """``Document.text`` with every score table read as a table blanked out (computed once per
    document)."""
    text = document.text
    pieces: list[str] = []
    written = 0
    for table in document.tables:
        start, end = table.place.start, table.place.end
        if start is None or end is None or start < written or not is_score_table(table):
            continue
        pieces += (text[written:start], _NOT_LINE_END.sub(" ", text[start:end]))
        written = end
    return "".join((*pieces, text[written:])) if pieces else text
