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
:func:`~jixiao.io.limits.checked_zip` refuses a corrupt archive or one that unpacks to more than
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
from jixiao.io.limits import checked_zip

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
    layout = TextLayout()
    archive = checked_zip(path, file, "不是有效的 Word 文档（.docx）文件", "not a docx document")
    try:
        with archive:
            package = _Package(archive)
            body = package.document.find(_W_BODY)
            if body is None:
                raise KeyError("w:body")
            texts = _paragraph_texts(package.document)
            for item in _items(body):
                _add(layout, item, texts)
            for header in package.headers(body):
                texts = _paragraph_texts(header)
                for item in _items(header):
                    _add(layout, item, texts)
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
        self._paragraph(text, None, None)

    def cell_paragraph(self, text: str, cell: Place) -> None:
        """A paragraph written in a workbook's cell (skipped when blank), with its sheet and cell."""
        self._paragraph(text, cell.sheet, cell.cell)

    def _paragraph(self, text: str, sheet: str | None, cell: str | None) -> None:
        text = _clean(text)
        if text:
            start, end = self.offset, self.offset + len(text)
            self.parts += (text, "\n")
            self.blocks.append(Paragraph.read(text, (self.paragraphs, self.line, start, end, sheet, cell)))
            self.offset = end + 1
            self.line += text.count("\n") + 1
            self.paragraphs += 1

    def table(self, rows: Sequence[Sequence[tuple[str, str | None]]], sheet: str | None = None) -> None:
        """A table from rows of (text, spreadsheet cell reference or ``None``); skipped when it
        has no cell."""
        if not any(rows):
            return
        table = self.tables
        parts, offset, line = self.parts, self.offset, self.line
        cells: list[tuple[Cell, ...]] = []
        # Written inline, not through a method per cell: a report has thousands of cells.
        for row, texts in enumerate(rows):
            written = []
            for col, (raw, ref) in enumerate(texts):
                text = _clean(raw) if raw else ""
                start = offset + len(TAB)
                offset = start + len(text)
                parts += (TAB, text, "\n")
                written.append(Cell.read(text, (table, row, col, line, start, offset, sheet, ref)))
                offset += 1
                line += text.count("\n") + 1
            parts.append("\n")
            offset += 1
            line += 1
            cells.append(tuple(written))
        self.offset, self.line = offset, line
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


def _clean(text: str) -> str:
    # Looked for first: few texts hold a carriage return, and a replace copies the text.
    return (text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text).strip()


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
        relations: dict[str, str] | None = None  # read at the first reference: many reports have none
        seen: set[str] = set()
        for section in body.xpath("w:p/w:pPr/w:sectPr | w:sectPr", namespaces=_NS):
            for kind in ("default", "first", "even"):
                for reference in section.iterchildren(_W_HEADER_REFERENCE):
                    if reference.get(_W_TYPE) != kind:
                        continue
                    if relations is None:
                        relations = self._relations(self.main)
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


_EMPTY: tuple[str, str | None] = ("", None)
"""An empty cell of a Word table (no spreadsheet reference)."""


def _add(layout: TextLayout, item: Any, paragraphs: dict[Any, str]) -> None:
    """Lay out the paragraph or table ``item``; ``paragraphs`` holds the text of its part's
    paragraphs (:func:`_paragraph_texts`)."""
    if item.tag == _W_P:
        layout.paragraph(paragraphs.get(item, ""))
        return
    cells = _CellParts(item, paragraphs)
    rows: list[list[tuple[str, str | None]]] = []
    for row in item.iterchildren(_W_TR):
        rows.append(cells.row_texts(row, layout.tables, len(rows)))
    layout.table(rows)


class _CellParts:
    """What the cells of a Word table (a ``w:tbl``) hold: the texts of each one's paragraphs,
    the grid span of each that states one, and the cells that continue the vertical merge of
    the cell above (read as :func:`_cell_grid` reads them). One XPath for each over the whole
    table: asking every cell costs several times as much, and a union of them costs quadratic
    time in libxml2."""

    def __init__(self, table: Any, paragraphs: dict[Any, str]) -> None:
        self.lines: dict[Any, list[str]] = {}
        for paragraph in _CELL_PARAGRAPHS(table):
            self.lines.setdefault(paragraph.getparent(), []).append(paragraphs.get(paragraph, ""))
        self.spans = {span.getparent().getparent(): max(_grid_value(span), 1)
                      for span in _CELL_SPANS(table)}
        self.continued = {merge.getparent().getparent() for merge in _CELL_MERGES(table)
                          if merge.get(_W_VAL, "continue") == "continue"}

    def row_texts(self, row: Any, table: int, index: int) -> list[tuple[str, str | None]]:
        """The texts of the row ``row`` (a ``w:tr``, row ``index`` of table ``table``), a
        merged cell's once at its top left and an empty text for every other grid column it
        covers; :class:`InputError` if the row spans more than :data:`MAX_TABLE_COLUMNS` grid
        columns (counted before anything is built for them)."""
        before, after = _row_grid(row)
        cells = list(row.iterchildren(_W_TC))
        spans = [self.spans.get(cell, 1) for cell in cells] if self.spans else [1] * len(cells)
        width = before + sum(spans) + after
        if width > MAX_TABLE_COLUMNS:
            raise InputError(f"第 {table + 1} 个表格第 {index + 1} 行有 {width} 列，"
                             f"超过 {MAX_TABLE_COLUMNS} 列的上限，拒绝读取",
                             place=Place(table=table, row=index), english="table too wide")
        texts: list[tuple[str, str | None]] = [_EMPTY] * before
        lines, continued = self.lines, self.continued
        for cell, span in zip(cells, spans, strict=True):
            # The first cell of a vertical merge holds its text; those below it are empty.
            texts.append(_EMPTY if cell in continued else ("\n".join(lines.get(cell, ())), None))
            if span > 1:
                texts += [_EMPTY] * (span - 1)
        texts += [_EMPTY] * after
        return texts


def _paragraph_texts(part: Any) -> dict[Any, str]:
    """The text of every paragraph of a part as Word shows it: its runs (also inside
    hyperlinks), a tab as TAB, a line break as a newline, a page or column break as nothing.
    One walk over the part's run pieces in C (``iter`` by tag), each kept when its run is a
    paragraph's or a paragraph's hyperlink's: a report has thousands of paragraphs, and an
    XPath (``//w:p/w:r/*``) takes longer to gather the same pieces than this takes to read
    them. Linear in the part: libxml2 merges an XPath union's node sets in quadratic time
    (32,000 paragraphs with a hyperlink each took 3.6 s)."""
    pieces: dict[Any, list[str]] = {}
    for node in part.iter(_RUN_PIECE_TAGS):
        run = node.getparent()  # a w:tab is also a tab stop, in w:pPr/w:tabs
        if run.tag != _W_R:
            continue
        owner = run.getparent()
        if owner.tag == _W_HYPERLINK:
            owner = owner.getparent()
        if owner.tag != _W_P:
            continue
        tag = node.tag
        if tag == _W_T:
            piece = node.text or ""
        elif tag == _W_BR:
            piece = "\n" if node.get(_W_TYPE, "textWrapping") == "textWrapping" else ""
        else:
            piece = _RUN_SYMBOLS[tag]
        if owner in pieces:
            pieces[owner].append(piece)
        else:
            pieces[owner] = [piece]
    return {paragraph: "".join(parts) for paragraph, parts in pieces.items()}


def grid_width(row: Any) -> int:
    """The grid columns the Word table row ``row`` (a ``w:tr``) spans, counted before anything
    is built for them: its ``w:gridBefore``, each cell's ``w:gridSpan`` and its ``w:gridAfter``."""
    before, after = _row_grid(row)
    return before + sum(_cell_grid(cell)[0] for cell in row.iterchildren(_W_TC)) + after


def _row_grid(row: Any) -> tuple[int, int]:
    """The grid columns a row skips before its first cell and after its last."""
    properties = _child(row, _W_TR_PR)
    if properties is None:
        return 0, 0
    return _grid_value(_child(properties, _W_GRID_BEFORE)), _grid_value(_child(properties, _W_GRID_AFTER))


def _cell_grid(cell: Any) -> tuple[int, bool]:
    """The grid columns a cell spans (at least 1), and whether it continues the vertical merge
    of the cell above. The schema puts ``w:tcPr`` first: looked at there before searched for."""
    first = cell[0] if len(cell) else None
    properties = first if first is not None and first.tag == _W_TC_PR else _child(cell, _W_TC_PR)
    if properties is None:
        return 1, False
    span: int | None = None
    merged: bool | None = None
    for found in properties.iterchildren(_W_GRID_SPAN, _W_V_MERGE):  # the first of each counts
        if found.tag == _W_GRID_SPAN:
            span = _grid_value(found) if span is None else span
        elif merged is None:
            merged = found.get(_W_VAL, "continue") == "continue"
    return max(span or 0, 1), bool(merged)


def _child(element: Any, tag: str) -> Any:
    """The first child of ``element`` with ``tag``, or ``None``. ``iterchildren`` filters in
    C; ``find`` goes through ElementPath and costs three times as much, for every cell."""
    return next(element.iterchildren(tag), None)


def _grid_value(found: Any) -> int:
    """The integer ``w:val`` of a grid property, 0 if absent or not an integer."""
    try:
        return int(found.get(_W_VAL, "")) if found is not None else 0
    except ValueError:
        return 0


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
_RUN_PIECE_TAGS = (_W_T, _W_BR, *_RUN_SYMBOLS)
_W_R = qn("w:r")
_W_HYPERLINK = qn("w:hyperlink")
_CELL_PARAGRAPHS = etree.XPath("w:tr/w:tc/w:p", namespaces=_NS)
# Only the first w:tcPr of a cell counts, and the first of each property in it (_cell_grid).
_CELL_SPANS = etree.XPath("w:tr/w:tc/w:tcPr[1]/w:gridSpan[1]", namespaces=_NS)
_CELL_MERGES = etree.XPath("w:tr/w:tc/w:tcPr[1]/w:vMerge[1]", namespaces=_NS)
_W_TR_PR, _W_TC_PR, _W_V_MERGE, _W_GRID_BEFORE, _W_GRID_AFTER, _W_GRID_SPAN = (
    qn(f"w:{name}") for name in ("trPr", "tcPr", "vMerge", "gridBefore", "gridAfter", "gridSpan"))
#: Entities are not expanded and nothing is fetched: a report is untrusted input.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
