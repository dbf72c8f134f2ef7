"""Reading a Word report costs time in proportion to its size, whatever its shape."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import docx

from jixiao.documents.docx_reader import read_docx_document

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PARAGRAPHS = 60_000


def with_body(tmp_path: Path, body: str) -> Path:
    """A Word file whose body is ``body`` (WordprocessingML)."""
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    path = tmp_path / "report.docx"
    document = f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            data = document.encode() if member.filename == "word/document.xml" else source.read(member)
            target.writestr(member, data)
    return path


def test_sixty_thousand_paragraphs_with_a_hyperlink_each_cost_no_quadratic_time(tmp_path: Path) -> None:
    """Runs are found with one path, not a union of two: libxml2 merges a union in quadratic
    time, and 32,000 such paragraphs took 3.6 s before (this many, about 13 s)."""
    path = with_body(tmp_path, "".join(
        f"<w:p><w:r><w:t>第{index}项</w:t></w:r><w:hyperlink><w:r><w:t>见附件</w:t></w:r></w:hyperlink></w:p>"
        for index in range(PARAGRAPHS)))
    start = time.perf_counter()
    document = read_docx_document(path)
    elapsed = time.perf_counter() - start
    assert len(document.blocks) == PARAGRAPHS
    assert document.blocks[-1].text == f"第{PARAGRAPHS - 1}项见附件"
    assert elapsed < 5


def test_a_table_of_twenty_thousand_cells_costs_no_quadratic_time(tmp_path: Path) -> None:
    """A table's cell paragraphs, spans and merges are found with one path each, not a union."""
    cell = ('<w:tc><w:tcPr><w:gridSpan w:val="1"/><w:vMerge w:val="restart"/></w:tcPr>'
            "<w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>")
    rows = "".join("<w:tr>" + "".join(cell.format(row * 10 + col) for col in range(10)) + "</w:tr>"
                   for row in range(2_000))
    path = with_body(tmp_path, f"<w:tbl>{rows}</w:tbl>")
    start = time.perf_counter()
    table = read_docx_document(path).tables[0]
    elapsed = time.perf_counter() - start
    assert table.rows[-1][-1].text == "19999"
    assert elapsed < 5
