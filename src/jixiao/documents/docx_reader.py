"""Word reports (``.docx``) read into a :class:`Document`, straight from the package's XML.

Only the main document part and its headers are parsed (with lxml, entities not expanded),
found through the package relationships; a paragraph's text is what python-docx gives for it
(runs, also inside hyperlinks; ``w:tab`` a TAB, a line break a newline).

Body paragraphs and tables come in document order (the body's ``w:p`` and ``w:tbl`` children,
also inside content controls ``w:sdt``); then the headers of every section (default, first-page
and even-page, each once), as more blocks after the body. Footers (page numbers) are not read.
Empty paragraphs are skipped.

A merged cell's text is given once, at its top-left position; the other positions of its span
are empty cells, so every row keeps its columns (leading and trailing grid columns that a row
skips are empty cells too).

:class:`TextLayout` writes ``Document.text`` as reports flattened to text do (a paragraph per line; a
table cell per line, after a TAB, a blank line after each row) and gives every block its place;
:func:`~jixiao.io.limits.check_zip` refuses a corrupt archive or one that unpacks to more than
200 MB. The xlsx reader shares both.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]
from lxml.etree import LxmlError  # type: ignore[import-untyped]

from jixiao.documents.model import Block, Cell, Document, Paragraph, Table
from jixiao.findings import Place
from jixiao.io.errors import InputError
from jixiao.io.limits import check_zip

FORMAT = "docx"
#: What a corrupt or truncated package raises while it is parsed.
PACKAGE_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError, OSError, LxmlError,
                  SyntaxError)  # SyntaxError: ElementTree's ParseError (openpyxl parses with it)
TAB = "\t"
MAX_TABLE_COLUMNS = 256
"""Grid columns a table row may span (Word itself allows 63)."""


def read_docx_document(path: Path) -> Document:
    """The document in the Word file at ``path``; :class:`InputError` if it is missing, empty,
    corrupt or too large once unpacked."""
    file = str(path)
    check_zip(path, file, "不是有效的 Word 文档（.docx）文件", "not a docx document")
    layout = TextLayout()
    try:
        with zipfile.ZipFile(path) as archive:
            package = _Package(archive)
            body = package.document.find(_W_BODY)
            if body is None:
                raise KeyError("w:body")
            for item in _items(body):
                _add(layout, item)
            for header in package.headers(body):
                for item in _items(header):
                    _add(layout, item)
    except PACKAGE_ERRORS:
        raise InputError("不是有效的 Word 文档（.docx）文件", file=file,
                         english="not a docx document") from None
    except InputError as error:  # a limit, found without the file's name
        raise InputError(error.message, file=file, place=error.place, english=error.english) from None
    return layout.document(file, FORMAT)


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
        self.cell_paragraph(text, Place())

    def cell_paragraph(self, text: str, cell: Place) -> None:
        """A paragraph written in a workbook's cell (skipped when blank), with its sheet and cell."""
        text = _clean(text)
        if text:
            line, start, end = self._write(text, "\n")
            place = Place(sheet=cell.sheet, cell=cell.cell, paragraph=self.paragraphs, line=line,
                          start=start, end=end)
            self.blocks.append(Paragraph(text, place))
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


class _Package:
    """The parts of a Word package that hold its text: the main document and its headers,
    found through the package relationships (styles, numbering, themes are never parsed)."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        main = self._targets("", _OFFICE_DOCUMENT)
        if not main:
            raise KeyError("officeDocument")
        self.main = main[0]
        self.document = self._parse(self.main)
        if self.document.tag != _W_DOCUMENT:
            raise ValueError("not a Word document")

    def headers(self, body: Any) -> Iterator[Any]:
        """The header of every section, default then first-page then even-page, each part
        once; a header linked to the previous section's has no reference of its own."""
        relations = self._relations(self.main)
        seen: set[str] = set()
        for section in body.xpath("w:p/w:pPr/w:sectPr | w:sectPr", namespaces=_NS):
            for kind in ("default", "first", "even"):
                for reference in section.iterchildren(_W_HEADER_REFERENCE):
                    if reference.get(_W_TYPE) != kind:
                        continue
                    target = relations.get(reference.get(_R_ID, ""))
                    if target is not None and target not in seen:
                        seen.add(target)
                        yield self._parse(target)
                    break

    def _parse(self, name: str) -> Any:
        return etree.fromstring(self.archive.read(name), _PARSER)

    def _relations(self, part: str) -> dict[str, str]:
        """Relationship id → part name of the internal relationships of ``part``."""
        folder, _, base = part.rpartition("/")
        try:
            xml = self.archive.read(f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels")
        except KeyError:
            return {}
        relations = {}
        for relation in etree.fromstring(xml, _PARSER).iterchildren(_RELATIONSHIP):
            if relation.get("TargetMode") != "External":
                target = relation.get("Target", "")
                name = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
                relations[relation.get("Id", "")] = posixpath.normpath(name)
        return relations

    def _targets(self, part: str, kind: str) -> list[str]:
        folder, _, base = part.rpartition("/")
        xml = self.archive.read(f"{folder}/_rels/{base}.rels" if folder else "_rels/.rels")
        return [posixpath.normpath(posixpath.join(folder, relation.get("Target", "")).lstrip("/"))
                for relation in etree.fromstring(xml, _PARSER).iterchildren(_RELATIONSHIP)
                if relation.get("Type") == kind]


def _items(element: Any) -> Iterator[Any]:
    """The paragraphs and tables directly in ``element``, also inside content controls."""
    for child in element.iterchildren(_W_P, _W_TBL, _W_SDT):
        if child.tag == _W_SDT:
            for content in child.iterchildren(_W_SDT_CONTENT):
                yield from _items(content)
        else:
            yield child


def _add(layout: TextLayout, item: Any) -> None:
    if item.tag == _W_P:
        layout.paragraph(_paragraph_text(item))
        return
    rows: list[list[tuple[str, str | None]]] = []
    for row in item.iterchildren(_W_TR):
        width = grid_width(row)
        if width > MAX_TABLE_COLUMNS:
            raise InputError(f"第 {layout.tables + 1} 个表格第 {len(rows) + 1} 行有 {width} 列，"
                             f"超过 {MAX_TABLE_COLUMNS} 列的上限，拒绝读取",
                             place=Place(table=layout.tables, row=len(rows)), english="table too wide")
        texts = [""] * _grid(row, _GRID_BEFORE)
        for cell in row.iterchildren(_W_TC):
            span = max(_grid(cell, _GRID_SPAN) or 1, 1)
            # The first cell of a vertical merge holds its text; those below it are empty.
            merged_below = _merge_continues(cell)
            texts.append("" if merged_below else "\n".join(
                _paragraph_text(paragraph) for paragraph in cell.iterchildren(_W_P)))
            texts += [""] * (span - 1)
        texts += [""] * _grid(row, _GRID_AFTER)
        rows.append([(text, None) for text in texts])
    layout.table(rows)


def _paragraph_text(paragraph: Any) -> str:
    """The text of a paragraph as Word shows it: its runs (also inside hyperlinks), a tab as
    TAB, a line break as a newline, a page or column break as nothing."""
    parts = []
    for node in _RUN_CONTENT(paragraph):
        tag = node.tag
        if tag == _W_T:
            parts.append(node.text or "")
        elif tag == _W_BR:
            parts.append("\n" if node.get(_W_TYPE, "textWrapping") == "textWrapping" else "")
        else:
            parts.append(_RUN_SYMBOLS[tag])
    return "".join(parts)


def grid_width(row: Any) -> int:
    """The grid columns the Word table row ``row`` (a ``w:tr``) spans, counted before anything
    is built for them: its ``w:gridBefore``, each cell's ``w:gridSpan`` and its ``w:gridAfter``."""
    spans = sum(max(_grid(cell, _GRID_SPAN), 1) for cell in row.iterchildren(_W_TC))
    return _grid(row, _GRID_BEFORE) + spans + _grid(row, _GRID_AFTER)


def _grid(element: Any, path: tuple[str, str]) -> int:
    """The integer ``w:val`` of the property ``path`` (properties tag, property tag), 0 if
    absent or not an integer. Child lookups, not XPath: this runs for every cell."""
    properties = element.find(path[0])
    found = properties.find(path[1]) if properties is not None else None
    try:
        return int(found.get(_W_VAL, "")) if found is not None else 0
    except ValueError:
        return 0


def _merge_continues(cell: Any) -> bool:
    properties = cell.find(_W_TC_PR)
    merge = properties.find(_W_V_MERGE) if properties is not None else None
    return merge is not None and merge.get(_W_VAL, "continue") == "continue"


_NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}


def qn(name: str) -> str:
    """``w:p`` → ``{namespace}p``."""
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_W_DOCUMENT, _W_BODY, _W_P, _W_TBL, _W_SDT, _W_SDT_CONTENT, _W_TR, _W_TC = (
    qn(f"w:{name}") for name in ("document", "body", "p", "tbl", "sdt", "sdtContent", "tr", "tc"))
_W_T, _W_BR, _W_TYPE, _W_VAL, _W_HEADER_REFERENCE = (
    qn(f"w:{name}") for name in ("t", "br", "type", "val", "headerReference"))
_R_ID = qn("r:id")
_RUN_SYMBOLS = {qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-", qn("w:ptab"): "\t", qn("w:tab"): "\t"}
_RUN_CONTENT = etree.XPath(
    "(w:r | w:hyperlink/w:r)/*[self::w:t or self::w:tab or self::w:br or self::w:cr"
    " or self::w:noBreakHyphen or self::w:ptab]", namespaces=_NS)
_W_TC_PR, _W_V_MERGE = qn("w:tcPr"), qn("w:vMerge")
_GRID_BEFORE = (qn("w:trPr"), qn("w:gridBefore"))
_GRID_AFTER = (qn("w:trPr"), qn("w:gridAfter"))
_GRID_SPAN = (_W_TC_PR, qn("w:gridSpan"))
#: Entities are not expanded and nothing is fetched: a report is untrusted input.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
