"""Progress of long work: the pages of a PDF read (OCR included) and the steps of a PDF rendered,
told to a listener in the core and drawn as bars on stderr by the commands."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from builders import write_pdf
from jixiao.cli import app
from jixiao.cli.batch import check_all, check_file
from jixiao.documents.pdf.reader import read_pdf_document
from jixiao.progress import advance, listening
from jixiao.workers import Budget

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def text_pdf(path: Path, pages: list[str]) -> Path:
    """A PDF of one line of Helvetica text per page."""
    count = len(pages)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               f"<< /Type /Pages /Kids [{' '.join(f'{4 + 2 * i} 0 R' for i in range(count))}] "
               f"/Count {count} >>".encode(),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for number, text in enumerate(pages):
        content = f"BT /F1 12 Tf 72 700 Td ({text}) Tj ET".encode()
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {5 + 2 * number} 0 R "
                       "/Resources << /Font << /F1 3 0 R >> >> >>".encode())
        objects.append(f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream")
    return write_pdf(path, objects)


@pytest.fixture
def three_pages(tmp_path: Path) -> Path:
    return text_pdf(tmp_path / "三页.pdf", [f"Page {n} of the annual self-evaluation report" for n in (1, 2, 3)])


def test_the_pdf_reader_tells_each_page_read(three_pages: Path) -> None:
    told: list[tuple[str, int, int, str]] = []
    with listening(lambda *progress: told.append(progress)):
        document = read_pdf_document(three_pages)
    assert [block.place.page for block in document.blocks] == [1, 2, 3]
    assert told == [("读取 PDF", 0, 3, "页"), ("读取 PDF", 1, 3, "页"), ("读取 PDF", 2, 3, "页"),
                    ("读取 PDF", 3, 3, "页")]
    advance("读取 PDF", 1, 1)  # nobody listens any more: nothing told
    assert len(told) == 4


def test_check_shows_the_pages_a_worker_reads_only_when_asked(three_pages: Path) -> None:
    shown = runner.invoke(app, ["check", "--progress", str(three_pages)], env={"COLUMNS": "120"})
    assert shown.exit_code == 0
    [bar] = shown.stderr.splitlines()
    assert bar.startswith("读取 PDF 三页.pdf ━")
    assert "3/3 页" in bar
    assert runner.invoke(app, ["check", str(three_pages)]).stderr == ""  # not a terminal


def test_check_of_several_files_counts_files_and_clears_each_files_pages(
        three_pages: Path, tmp_path: Path) -> None:
    other = text_pdf(tmp_path / "两页.pdf", ["First page of another report", "Second page of it"])
    shown = runner.invoke(app, ["check", "--jobs", "2", "--progress", str(three_pages), str(other)],
                          env={"COLUMNS": "120"})
    [bar] = shown.stderr.splitlines()
    assert bar.startswith("校验 ━") and "2/2 个文件" in bar


def test_workers_send_the_pages_they_read_to_the_parent(three_pages: Path, tmp_path: Path) -> None:
    other = text_pdf(tmp_path / "两页.pdf", ["First page of another report", "Second page of it"])
    told: list[tuple[str, str, int, int, str]] = []
    results = check_all([three_pages, other], check_file, 2, budget=Budget(),
                        on_progress=lambda path, *progress: told.append((path.name, *progress)))
    assert [result.error for result in results] == [None, None]
    assert [done for name, _, done, _, _ in told if name == "三页.pdf"] == [0, 1, 2, 3]
    assert [done for name, _, done, _, _ in told if name == "两页.pdf"] == [0, 1, 2]
    assert {(name, what, total, unit) for name, what, _, total, unit in told} == {
        ("三页.pdf", "读取 PDF", 3, "页"), ("两页.pdf", "读取 PDF", 2, "页")}


def test_import_shows_the_pages_it_reads(three_pages: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["import", "--progress", str(three_pages), "-o", str(tmp_path / "数据.yaml")],
                           env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0].startswith("读取 PDF ━")
    assert "3/3 页" in result.stderr.splitlines()[0]


def test_render_to_pdf_shows_its_steps_and_counts_the_pages(tmp_path: Path) -> None:
    out = tmp_path / "报告.pdf"
    result = runner.invoke(app, ["render", str(ROOT / "examples" / "dongting-2023.yaml"), "-o", str(out),
                                 "--progress"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert result.stdout == f"已写出：{out}（模板 yueyanglou-2024，共 13 页，10 条警告）\n"
    bar = result.stderr.splitlines()[0]
    assert bar.startswith("出具 PDF ━") and "3/3 步" in bar
