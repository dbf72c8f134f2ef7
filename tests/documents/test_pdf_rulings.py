"""The ruled tables of a PDF page, found from pdfium's paths, are the ones pdfplumber finds by
parsing the page itself (a real 决算 report: thirteen tables on its pages)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

from jixiao.documents.pdf.rulings import drawn_objects, find_tables

REPORT = Path(__file__).parent.parent / "data" / "corpus" / "shehuigongzuobu-2024-juesuan.pdf"


def _rounded(tables: list[Any]) -> list[tuple[tuple[float, ...], list[tuple[float, ...]]]]:
    """Each table's box and cells to 0.01 pt: pdfium gives coordinates as 32-bit floats,
    pdfminer as the decimals the page writes."""
    def box(values: tuple[float, ...]) -> tuple[float, ...]:
        return tuple(round(value, 2) for value in values)

    return [(box(table.bbox), [box(cell) for cell in table.cells]) for table in tables]


def test_every_page_s_tables_are_pdfplumber_s_own() -> None:
    document = pdfium.PdfDocument(str(REPORT))
    try:
        ours = [_rounded(find_tables(page, list(drawn_objects(page, pdfium_c.FPDF_PAGEOBJ_PATH))))
                for page in document]
    finally:
        document.close()
    with pdfplumber.open(REPORT) as pdf:
        theirs = [_rounded(page.find_tables()) for page in pdf.pages]
    assert sum(map(len, theirs)) == 13
    assert [len(tables) for tables in ours] == [len(tables) for tables in theirs]
    assert ours == theirs
