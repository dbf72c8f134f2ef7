"""The published reports of tests/data/reports/ rebuilt in every format a report arrives in.

Each ``.txt`` report is read by the text reader; its paragraphs and rebuilt tables become a Word
document (A4, Noto Serif CJK, paragraphs indented by two characters as reports are, tables as
real Word tables with ruling lines), the same tables an Excel workbook (one sheet per table,
cells as text), the Word document a text PDF (LibreOffice), and pages of that PDF a scan:
rendered by pdftoppm at 150 dpi, turned by 0.5 to 1 degree, speckled with noise and saved as an
image-only PDF or a PNG. Everything is deterministic (the noise comes from a fixed random state).
"""

from __future__ import annotations

import random
import socket
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import docx
import numpy as np
import pytest
import xlsxwriter  # type: ignore[import-untyped]
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from PIL import Image

from jixiao.documents.model import Document, Paragraph, Table
from jixiao.documents.office_convert import convert_with_libreoffice
from jixiao.documents.text_reader import read_text_document

REPORTS = Path(__file__).parent / "data" / "reports"
FONT = "Noto Serif CJK SC"
DPI = 150


def report_paths() -> list[Path]:
    return sorted(REPORTS.glob("*.txt"))


def write_docx(source: Path, out_dir: Path) -> Path:
    """The report at ``source`` (text) as a Word document in ``out_dir``."""
    document = read_text_document(source)
    word = docx.Document()
    page_setup(word)
    for block in document.blocks:
        if isinstance(block, Paragraph):
            paragraph = word.add_paragraph(block.text)
            paragraph.paragraph_format.first_line_indent = Pt(21)
        else:
            _add_table(word, block)
    path = out_dir / f"{source.stem}.docx"
    word.save(str(path))
    return path


def page_setup(word: docx.document.Document) -> None:
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin = section.bottom_margin = Mm(25)
    normal = word.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10.5)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)


def _add_table(word: docx.document.Document, table: Table) -> None:
    columns = max(len(row) for row in table.rows)
    grid = word.add_table(rows=len(table.rows), cols=columns)
    grid.style = "Table Grid"
    for row, cells in zip(grid.rows, table.rows, strict=True):
        for target, cell in zip(row.cells, cells, strict=False):
            target.text = cell.text
        for extra in row._tr.tc_lst[len(cells):]:  # a short row stays short, as in the text
            row._tr.remove(extra)


def write_xlsx(source: Path, out_dir: Path) -> Path:
    """The tables of the report at ``source`` as a workbook, one sheet per table, as text."""
    document = read_text_document(source)
    path = out_dir / f"{source.stem}.xlsx"
    book = xlsxwriter.Workbook(str(path))
    for number, table in enumerate(document.tables, start=1):
        sheet = book.add_worksheet(f"表{number}")
        for row, cells in enumerate(table.rows):
            for col, cell in enumerate(cells):
                if cell.text:
                    sheet.write_string(row, col, cell.text)
    book.close()
    return path


def write_text_pdf(docx_path: Path, out_dir: Path) -> Path:
    """The Word document as a PDF with a text layer, by LibreOffice."""
    return convert_with_libreoffice(docx_path, "pdf", out_dir, timeout=180)


def scanned_pages(pdf: Path, pages: list[int], out_dir: Path, state: int) -> list[Image.Image]:
    """Pages (1-based) of ``pdf`` as a scanner gives them: rendered by pdftoppm, turned by 0.5
    to 1 degree either way, with grey noise and dark specks."""
    rng = random.Random(state)
    noise = np.random.default_rng(state)
    images = []
    for page in pages:
        prefix = out_dir / f"{pdf.stem}-p{page}"
        subprocess.run(["pdftoppm", "-r", str(DPI), "-f", str(page), "-l", str(page), "-gray",
                        "-singlefile", "-png", str(pdf), str(prefix)], check=True, timeout=120)
        image = Image.open(prefix.with_suffix(".png")).convert("L")
        angle = rng.uniform(0.5, 1.0) * rng.choice((-1, 1))
        image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
        pixels = np.asarray(image, dtype=np.float64) + noise.normal(0, 14, (image.height, image.width))
        specks = noise.random((image.height, image.width)) < 0.0015
        pixels[specks] = noise.uniform(0, 120, int(specks.sum()))
        images.append(Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "L"))
    return images


def write_scanned_pdf(images: list[Image.Image], path: Path) -> Path:
    """An image-only PDF of ``images`` (JPEG pages, no text layer)."""
    first, *rest = images
    first.save(path, "PDF", save_all=True, append_images=rest, resolution=DPI)
    return path


def finding_pages(document: Document, starts: list[int]) -> list[int]:
    """The pages (1-based, in order) of the paragraphs that hold the offsets ``starts``."""
    pages = set()
    for block in document.blocks:
        place = block.place
        if any((place.start or 0) <= start <= (place.end or 0) for start in starts) and place.page:
            pages.add(place.page)
    return sorted(pages)


@contextmanager
def no_network() -> Iterator[None]:
    """No socket of this process can connect anywhere: what needs the network fails."""
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network access is blocked in this test")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", refuse)
        patch.setattr(socket.socket, "connect_ex", refuse)
        patch.setattr(socket, "create_connection", refuse)
        patch.setattr(socket, "getaddrinfo", refuse)
        yield
