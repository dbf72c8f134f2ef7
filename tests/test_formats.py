"""A report gives the same numeric findings whatever format it arrives in.

The five reports of tests/data/reports/ are rebuilt (tests/formats.py) as .docx, .xlsx, text PDF,
scanned PDF and PNG, once per test run. ``jixiao.audit.audit_file`` on each must give the
findings it gives on the .txt, compared by what they say about numbers: (code, stated,
expected). Places differ between formats by nature (lines, offsets, pages).

What is covered, and why:

* .docx and text PDF: all five reports, every page. Reading them takes well under a second.
  Where the text PDF does not agree yet, the test is an expected failure that names the
  difference (:data:`PDF_DIFFERS`); it fails as soon as the difference is gone.
* .xlsx: the workbook holds the reports' tables only (a workbook has no prose): its tables must
  be the .txt's tables, the checks of tables alone (JX-TABLE-*) must agree, and it may give no
  finding the .txt does not give inside a table; reports whose text has no table have no
  workbook.
* scanned PDF and PNG: OCR takes several seconds a page on two cores, so only the pages that
  carry findings are scanned: those of chenglingji-yueyanglou-2024 as an image-only PDF (shares
  that hold only under truncation, and more) and that of dingcheng-zhengfuban-2023 as a PNG (a
  year-on-year change). The pages are found by reading the text PDF, so they follow the
  layout. OCR runs with the network blocked and the cache in the run's temporary directory.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest

from formats import (
    finding_pages,
    no_network,
    report_paths,
    scanned_pages,
    write_docx,
    write_scanned_pdf,
    write_text_pdf,
    write_xlsx,
)
from jixiao.audit import Audit, audit_file
from jixiao.documents.pdf.reader import read_pdf_document
from jixiao.documents.text_reader import read_text_document
from jixiao.findings import Finding

REPORTS = [path.stem for path in report_paths()]
#: Reports whose text has tables (the others would give an empty workbook).
WITH_TABLES = [path.stem for path in report_paths() if read_text_document(path).tables]
#: Where the text PDF does not give the findings of the .txt yet, and why.
PDF_DIFFERS: dict[str, str] = {}
SCANNED_PDF = "chenglingji-yueyanglou-2024"
PNG = "dingcheng-zhengfuban-2023"
Numeric = list[tuple[str, str | None, str | None]]


@dataclass(frozen=True, slots=True)
class Formats:
    """Every report in every format: ``files[report][suffix]``."""

    files: dict[str, dict[str, Path]]


def numeric(findings: tuple[Finding, ...] | list[Finding]) -> Numeric:
    return sorted((finding.code, finding.stated, finding.expected) for finding in findings)


@pytest.fixture(scope="session")
def ocr_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """OCR results of this test run kept in its temporary directory, not the user's cache."""
    directory = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JIXIAO_CACHE_DIR", str(directory))
        patch.delenv("JIXIAO_OCR_CACHE", raising=False)
        yield directory


@pytest.fixture(scope="session")
def formats(tmp_path_factory: pytest.TempPathFactory) -> Formats:
    out = tmp_path_factory.mktemp("formats")
    files: dict[str, dict[str, Path]] = {}
    for source in report_paths():
        word = write_docx(source, out)
        files[source.stem] = {".txt": source, ".docx": word, ".pdf": write_text_pdf(word, out)}
        if source.stem in WITH_TABLES:
            files[source.stem][".xlsx"] = write_xlsx(source, out)
    for state, (report, suffix) in enumerate([(SCANNED_PDF, ".scan.pdf"), (PNG, ".png")]):
        text_pdf = files[report][".pdf"]
        starts = [finding.where.start or 0 for finding in audit_file(text_pdf).findings]
        pages = finding_pages(read_pdf_document(text_pdf), starts)
        images = scanned_pages(text_pdf, pages, out, state)
        if suffix == ".png":
            assert len(images) == 1, pages
            files[report][suffix] = out / f"{report}.png"
            images[0].save(files[report][suffix])
        else:
            files[report][suffix] = write_scanned_pdf(images, out / f"{report}.scan.pdf")
    return Formats(files)


def audited(formats: Formats, report: str, suffix: str) -> Audit:
    return audit_file(formats.files[report][suffix])


@pytest.mark.parametrize("report", REPORTS)
def test_word_document_gives_the_findings_of_the_text(formats: Formats, report: str) -> None:
    document = audited(formats, report, ".docx")
    assert document.document.format == "docx"
    assert numeric(document.findings) == numeric(audited(formats, report, ".txt").findings)


@pytest.mark.parametrize("report", [
    pytest.param(report, marks=pytest.mark.xfail(reason=PDF_DIFFERS[report], strict=True))
    if report in PDF_DIFFERS else report for report in REPORTS])
def test_text_pdf_gives_the_findings_of_the_text(formats: Formats, report: str) -> None:
    document = audited(formats, report, ".pdf")
    assert document.document.format == "pdf"
    assert numeric(document.findings) == numeric(audited(formats, report, ".txt").findings)


#: Where the workbook built from the text cannot give the text's table findings, and why.
WORKBOOK_DIFFERS = {
    "dongting-2023": "the flattened text does not say in which columns a short row stands (总分 100 99 "
                     "of the 9-column 附件2); the workbook puts them at the left, where a sheet keeps "
                     "columns, so its 总分 row has no 分值 or 得分 under those headers",
}


@pytest.mark.parametrize("report", [
    pytest.param(report, marks=pytest.mark.xfail(strict=True, reason=WORKBOOK_DIFFERS[report]))
    if report in WORKBOOK_DIFFERS else report for report in WITH_TABLES])
def test_workbook_gives_the_tables_and_table_findings_of_the_text(formats: Formats, report: str) -> None:
    text = audited(formats, report, ".txt")
    workbook = audited(formats, report, ".xlsx")
    assert [_trimmed(table.texts()) for table in workbook.document.tables] == \
        [_trimmed(table.texts()) for table in text.document.tables if any(any(row) for row in table.texts())]
    in_tables = numeric([finding for finding in text.findings if finding.where.table is not None])
    # Checks that read the tables alone agree; those that also need the prose or the form's
    # headings (附件1…) have nothing to go on in a workbook, and none of them may add a finding.
    assert [item for item in numeric(workbook.findings) if item[0].startswith("JX-TABLE-")] == \
        [item for item in in_tables if item[0].startswith("JX-TABLE-")]
    assert not Counter(numeric(workbook.findings)) - Counter(in_tables)


def _trimmed(rows: tuple[tuple[str, ...], ...]) -> list[tuple[str, ...]]:
    """Rows without their trailing empty cells, and without trailing empty rows (a workbook
    keeps neither)."""
    trimmed = []
    for row in rows:
        cells = list(row)
        while cells and not cells[-1]:
            cells.pop()
        trimmed.append(tuple(cells))
    while trimmed and not trimmed[-1]:
        trimmed.pop()
    return trimmed


def test_scanned_pdf_gives_the_findings_of_the_text(formats: Formats, ocr_cache: Path) -> None:
    path = formats.files[SCANNED_PDF][".scan.pdf"]
    with pdfium.PdfDocument(str(path)) as pdf:
        assert "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))).strip() == ""
    expected = numeric(audited(formats, SCANNED_PDF, ".txt").findings)
    assert expected  # the pages were chosen for their findings
    with no_network():
        scanned = audit_file(path)
    assert scanned.document.format == "pdf"
    assert numeric(scanned.findings) == expected
    assert any(ocr_cache.rglob("*.json"))


def test_png_gives_the_findings_of_the_text(formats: Formats, ocr_cache: Path) -> None:
    expected = numeric(audited(formats, PNG, ".txt").findings)
    assert expected
    with no_network():
        scanned = audit_file(formats.files[PNG][".png"])
    assert scanned.document.format == "image"
    assert {block.place.page for block in scanned.document.blocks} == {1}
    assert numeric(scanned.findings) == expected

