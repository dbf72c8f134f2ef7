"""Word reports (``.docx``) read into a :class:`Document` with python-docx.

Body paragraphs and tables come in document order (the body's ``w:p`` and ``w:tbl`` children,
also inside content controls ``w:sdt``); then the headers of every section (default, first-page
and even-page, each once), as more blocks after the body. Footers (page numbers) are not read.
Empty paragraphs are skipped.

A merged cell's text is given once, at its top-left position; the other positions of its span
are empty cells, so every row keeps its columns (leading and trailing grid columns that a row
skips are empty cells too).

:class:`TextLayout` writes ``Document.text`` as reports flattened to text do (a paragraph per line; a
table cell per line, after a TAB, a blank line after each row) and gives every block its place;
:func:`check_zip` refuses a corrupt archive or one that unpacks to more than 200 MB. The xlsx
reader shares both.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import docx
from docx.opc.exceptions import OpcError
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml.etree import LxmlError  # type: ignore[import-untyped]

from jixiao.documents.model import Block, Cell, Document, Paragraph, Table
from jixiao.findings import Place
from jixiao.io.errors import InputError

FORMAT = "docx"
MAX_UNPACKED = 200 * 1024 * 1024
MB = 1024 * 1024
#: What a corrupt or truncated package raises while it is parsed.
PACKAGE_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError, OSError, LxmlError)
TAB = "\t"


def read_docx_document(path: Path) -> Document:
    """The document in the Word file at ``path``; :class:`InputError` if it is missing, empty,
    corrupt or too large once unpacked."""
    file = str(path)
    check_zip(path, file, "不是有效的 Word 文档（.docx）文件", "not a docx document")
    layout = TextLayout()
    try:
        word = docx.Document(str(path))
        for item in _items(word.element.body, word._body):
            _add(layout, item)
        for header in _headers(word):
            for item in _items(header._element, header):
                _add(layout, item)
    except (*PACKAGE_ERRORS, OpcError):
        raise InputError("不是有效的 Word 文档（.docx）文件", file=file,
                         english="not a docx document") from None
    return layout.document(file, FORMAT)


def check_zip(path: Path, file: str, corrupt: str, english: str) -> None:
    """Refuse a missing file, a file that is not a zip archive (``corrupt``, ``english``) and
    an archive whose members declare more than 200 MB in all (a zip bomb)."""
    if not path.is_file():
        raise InputError("文件不存在", file=file, english="file not found")
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise InputError(corrupt, file=file, english=english) from None
    if unpacked > MAX_UNPACKED:
        raise InputError(f"文件解压后有 {unpacked // MB} MB，超过 200 MB 的上限，拒绝读取", file=file,
                         english="unpacked size above 200 MB (zip bomb?)")


class TextLayout:
    """Writes the blocks of a document into its plain text, with their places."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.blocks: list[Block] = []
        self.offset = 0
        self.line = 1
        self.tables = 0
        self.paragraphs = 0

    def paragraph(self, text: str) -> None:
        """A paragraph (skipped when blank)."""
        text = _clean(text)
        if text:
            line, start, end = self._write(text, "\n")
            self.blocks.append(Paragraph(text, Place(paragraph=self.paragraphs, line=line,
                                                     start=start, end=end)))
            self.paragraphs += 1

    def table(self, rows: Sequence[Sequence[tuple[str, str | None]]], sheet: str | None = None) -> None:
        """A table from rows of (text, spreadsheet cell reference or ``None``); skipped when it
        has no cell."""
        if not any(rows):
            return
        table = self.tables
        cells: list[tuple[Cell, ...]] = []
        for row, texts in enumerate(rows):
            written = []
            for col, (raw, ref) in enumerate(texts):
                text = _clean(raw)
                self._write(TAB, "")
                line, start, end = self._write(text, "\n")
                written.append(Cell(text, Place(sheet=sheet, cell=ref, table=table, row=row, col=col,
                                                line=line, start=start, end=end)))
            self._write("", "\n")
            cells.append(tuple(written))
        first = next(row[0] for row in cells if row).place
        last = next(row[-1] for row in reversed(cells) if row).place
        self.blocks.append(Table(tuple(cells), Place(sheet=sheet, table=table, line=first.line,
                                                     start=first.start, end=last.end)))
        self.tables += 1

    def document(self, file: str, format: str) -> Document:
        """The document written so far; :class:`InputError` if it holds no text."""
        text = "".join(self.parts)
        if not text.strip():
            raise InputError("文件为空", file=file, english="empty file")
        return Document(file=file, format=format, blocks=tuple(self.blocks), text=text)

    def _write(self, text: str, after: str) -> tuple[int, int, int]:
        """Append ``text`` then ``after``; the line, start and end of ``text``."""
        place = (self.line, self.offset, self.offset + len(text))
        for part in (text, after):
            self.parts.append(part)
            self.offset += len(part)
            self.line += part.count("\n")
        return place


def _clean(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _items(element: Any, parent: Any) -> Iterator[Any]:
    """The paragraphs and tables directly in ``element``, also inside content controls."""
    for child in element.iterchildren():
        if child.tag == qn("w:p"):
            yield DocxParagraph(child, parent)
        elif child.tag == qn("w:tbl"):
            yield DocxTable(child, parent)
        elif child.tag == qn("w:sdt"):
            for content in child.iterchildren(qn("w:sdtContent")):
                yield from _items(content, parent)


def _headers(word: Any) -> Iterator[Any]:
    seen: set[Any] = set()
    for section in word.sections:
        for header in (section.header, section.first_page_header, section.even_page_header):
            if not header.is_linked_to_previous and header.part not in seen:
                seen.add(header.part)
                yield header


def _add(layout: TextLayout, item: Any) -> None:
    if isinstance(item, DocxParagraph):
        layout.paragraph(item.text)
        return
    seen: set[Any] = set()  # the w:tc of every merged cell already given
    rows = []
    for row in item.rows:
        texts = [""] * row.grid_cols_before
        for cell in row.cells:
            texts.append("" if cell._tc in seen else cell.text)
            seen.add(cell._tc)
        texts += [""] * row.grid_cols_after
        rows.append([(text, None) for text in texts])
    layout.table(rows)
