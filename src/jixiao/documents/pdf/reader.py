"""PDF reports (``.pdf``) read into a :class:`Document`, page by page.

A page with a usable text layer is read from it (:mod:`jixiao.documents.pdf.text`: text by
pypdfium2, ruled tables by pdfplumber's finder on pypdfium2's paths). A page is read by OCR instead
(:mod:`jixiao.documents.ocr`, rendered at 150 dpi, at most 2000 pixels on its longer side; results
cached) when its text layer is unusable:

* missing or nearly empty: fewer than 20 non-blank characters on a page that shows an image;
* garbled: 10% or more of its characters are ``(cid:N)`` escapes, private-use, replacement or
  control characters (a font without a usable ToUnicode map).

Paragraphs keep to their page; every place has ``page`` (1-based). The prose margins are those
of the whole document's text layer (a short page is not its own measure); an OCR'd page measures
its own. Page numbers alone in the top or bottom margin are left out.

Refused with :class:`InputError`: a missing or empty file, a file above 200 MB, a file that is
not a PDF, a damaged or truncated one (no ``%%EOF`` at its end, or a page that cannot be
loaded), an encrypted one that needs a password (one that opens with the empty password is
read), a PDF of more than 200 pages (:data:`MAX_PAGES`: a report is far shorter; OCR takes
seconds a page) and one in which neither the text layer nor OCR finds text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

from jixiao.cycles import cycles_uncollected
from jixiao.documents.image_reader import ocr_blocks
from jixiao.documents.model import Document
from jixiao.documents.ocr import MAX_SIDE, OcrText, engine_version, fit_image, ocr_image
from jixiao.documents.ocr_cache import CacheKey, cached_ocr, file_hash
from jixiao.documents.page_layout import Margins, PageBlock, PageTable, margins_of
from jixiao.documents.paged_text import PagedLayout
from jixiao.documents.pdf.rulings import drawn_objects
from jixiao.documents.pdf.streams import check_streams
from jixiao.documents.pdf.text import (
    MIN_PATHS,
    TextPage,
    drawn_paths,
    garbled_share,
    non_blank,
    page_blocks,
    page_boxes,
    page_grids,
    text_page,
)
from jixiao.io.errors import InputError
from jixiao.io.limits import MB, checked_size
from jixiao.progress import advance

FORMAT = "pdf"
MAX_BYTES = 200 * MB
MAX_PAGES = 200
MAX_PATHS = 20_000
"""Paths (lines, boxes, curves) one page may draw: a page of tables draws a few hundred."""
#: A page with fewer non-blank characters that shows an image is a scan.
MIN_CHARS = 20
#: A text layer with this share of unreadable characters is garbled.
MAX_GARBLED = 0.1
RENDER_DPI = 150
#: A line of the text layer ending within this many line heights of the right margin wrapped.
SLACK = 1.2
TAIL = 2048  # %%EOF is looked for in the last bytes of the file
CORRUPT = "不是有效的 PDF 文件（文件已损坏或格式不符）"
READING = "读取 PDF"
"""The progress told after each page (:mod:`jixiao.progress`): a scanned page takes seconds of OCR."""


@dataclass(frozen=True, slots=True)
class _Scan:
    """A page read by OCR: its text pieces and its size in pixels."""

    texts: tuple[OcrText, ...]
    width: float
    height: float


def read_pdf_document(path: Path) -> Document:
    """The document in the PDF at ``path``; :class:`InputError` when it cannot be read."""
    file = str(path)
    _check_file(path, file)
    with cycles_uncollected() as resume:  # a box per character: see jixiao.cycles
        with _opened(path, file) as pdf:
            reader = _Pages(path, pdf, before_ocr=resume)
            pages: list[TextPage | _Scan] = []
            advance(READING, 0, len(pdf))
            for index in range(len(pdf)):
                pages.append(reader.page(index))
                advance(READING, index + 1, len(pdf))
        margins = _margins([page for page in pages if isinstance(page, TextPage)])
        layout = PagedLayout()
        for number, block in _joined([_blocks(page, margins) for page in pages]):
            layout.add(number, [block])
        if not layout.blocks:
            raise InputError("PDF 中没有可读的文字（文本层为空，OCR 也未识别出文字）", file=file,
                             english="no text in the PDF, neither in its text layer nor by OCR")
        return layout.document(file, FORMAT)


def page_count(path: Path) -> int:
    """The number of pages of the PDF at ``path``; :class:`InputError` as :func:`read_pdf_document`
    refuses the file."""
    file = str(path)
    _check_file(path, file)
    with _opened(path, file) as pdf:
        return len(pdf)


def read_pages(path: Path, start: int, stop: int) -> None:
    """Read pages ``start`` to ``stop - 1`` (0-based) as :func:`read_pdf_document` reads them, so
    that the OCR of their scanned pages is in the cache: several workers read a large scan a
    range of pages each, then one reads it whole, from the cache."""
    file = str(path)
    _check_file(path, file)
    with _opened(path, file) as pdf:
        reader = _Pages(path, pdf)
        for index in range(start, min(stop, len(pdf))):
            reader.page(index)


def _check_file(path: Path, file: str) -> None:
    size = checked_size(path, MAX_BYTES)
    with path.open("rb") as stream:
        head = stream.read(1024)
        stream.seek(max(0, size - TAIL))
        tail = stream.read()
    if b"%PDF-" not in head:
        raise InputError(CORRUPT, file=file, english="not a PDF file")
    if b"%%EOF" not in tail:
        raise InputError("PDF 文件不完整（缺少文件结尾，可能在传输或保存时被截断）", file=file,
                         english="truncated PDF: no %%EOF at its end")
    check_streams(path, file)


@contextmanager
def _opened(path: Path, file: str) -> Iterator[Any]:
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        if error.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise InputError("PDF 文件已加密，需要密码才能打开，无法读取；请提供未加密的文件", file=file,
                             english="encrypted PDF: a password is needed") from None
        raise InputError(CORRUPT, file=file, english="not a valid PDF file") from None
    try:
        if len(pdf) > MAX_PAGES:
            raise InputError(f"PDF 共 {len(pdf)} 页，超过 {MAX_PAGES} 页的上限，拒绝读取", file=file,
                             english=f"more than {MAX_PAGES} pages")
        yield pdf
    finally:
        pdf.close()


class _Pages:
    """Reads the pages of one open PDF: the file's hash is computed on the first page that
    needs OCR."""

    def __init__(self, path: Path, pdf: Any, before_ocr: Callable[[], None] = lambda: None) -> None:
        self.path, self.file, self.pdf, self.before_ocr = path, str(path), pdf, before_ocr
        self.hash: str | None = None

    def page(self, index: int) -> TextPage | _Scan:
        try:
            page = self.pdf[index]
            textpage = page.get_textpage()
        except pdfium.PdfiumError:
            raise InputError(f"PDF 第 {index + 1} 页已损坏，无法读取", file=self.file,
                             english=f"page {index + 1} cannot be loaded") from None
        try:
            text = textpage.get_text_range()
            chars = non_blank(text)
            if garbled_share(text) >= MAX_GARBLED or (chars < MIN_CHARS and _shows_image(page)):
                return self._scan(page, index)
            paths = drawn_paths(page, MAX_PATHS)
            if len(paths) > MAX_PATHS:
                raise InputError(f"PDF 第 {index + 1} 页有超过 {MAX_PATHS} 条线条和图形，超过上限，拒绝读取",
                                 file=self.file, english=f"page above {MAX_PATHS} paths")
            grids = page_grids(page, paths) if len(paths) >= MIN_PATHS else []
            return text_page(page.get_height(), page_boxes(page, textpage), grids)
        finally:
            textpage.close()
            page.close()

    def _scan(self, page: Any, index: int) -> _Scan:
        self.before_ocr()
        width, height = page.get_size()
        scale = min(RENDER_DPI / 72, MAX_SIDE / max(width, height, 1))
        image = fit_image(page.render(scale=scale).to_pil())
        if self.hash is None:
            self.hash = file_hash(self.path)
        key = CacheKey(self.hash, index, f"{engine_version()}; {RENDER_DPI} dpi")
        return _Scan(cached_ocr(key, lambda: ocr_image(image)), image.width, image.height)


def _shows_image(page: Any) -> bool:
    return any(True for _ in drawn_objects(page, pdfium_c.FPDF_PAGEOBJ_IMAGE))


def _margins(pages: list[TextPage]) -> Margins:
    return margins_of([line for page in pages for line in page.lines], SLACK)


def _joined(pages: list[list[PageBlock]]) -> list[tuple[int, PageBlock]]:
    """The blocks of all pages with their page numbers (a table's: its first page), a table that
    runs on at the top of the next page joined to the table it continues, over as many pages
    as it runs (every row keeps its page)."""
    blocks: list[tuple[int, PageBlock]] = []
    for number, page in enumerate(pages, start=1):
        for index, block in enumerate(page):
            previous = blocks[-1] if blocks and index == 0 and _last_page(*blocks[-1]) == number - 1 else None
            if isinstance(block, str):
                blocks.append((number, block))
            elif previous and isinstance(previous[1], PageTable) and previous[1].continued_by(block):
                first = previous[1]
                pages_of = first.pages or (previous[0],) * len(first.rows)
                blocks[-1] = (previous[0], PageTable(first.rows + block.rows, block.edges,
                                                     pages_of + (number,) * len(block.rows)))
            elif block.prose:
                blocks += [(number, text) for text in block.prose]
            else:
                blocks.append((number, block))
    return blocks


def _last_page(number: int, block: PageBlock) -> int:
    """The page a block ends on: a table joined over pages ends on its last row's."""
    return block.pages[-1] if isinstance(block, PageTable) and block.pages else number


def _blocks(page: TextPage | _Scan, margins: Margins) -> list[PageBlock]:
    if isinstance(page, TextPage):
        return page_blocks(page, margins)
    return ocr_blocks(page.texts, page.width, page.height)
