"""LibreOffice conversions: .doc and .xls read through .docx and .xlsx, clear errors, no collisions."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import docx
import pytest
import xlsxwriter  # type: ignore[import-untyped]

from jixiao.documents.docx_reader import read_docx_document
from jixiao.documents.legacy_reader import NOT_BINARY, read_doc_document, read_xls_document
from jixiao.documents.office_convert import convert_with_libreoffice
from jixiao.io.errors import InputError


def word_file(directory: Path, name: str = "报告") -> Path:
    word = docx.Document()
    word.add_paragraph("一、部门基本情况")
    table = word.add_table(rows=2, cols=2)
    for row, texts in enumerate([("项目", "金额（万元）"), ("基本支出", "120.50")]):
        for col, text in enumerate(texts):
            table.cell(row, col).text = text
    word.add_paragraph("基本支出 120.50 万元。")
    path = directory / f"{name}.docx"
    word.save(str(path))
    return path


@pytest.fixture(scope="module")
def legacy(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A Word 97-2003 and an Excel 97-2003 file, made by LibreOffice from new ones."""
    directory = tmp_path_factory.mktemp("legacy")
    book = xlsxwriter.Workbook(str(directory / "附件.xlsx"))
    sheet = book.add_worksheet("附件2")
    sheet.write_string("A1", "年度资金总额")
    sheet.write_string("B1", "203.54")
    book.close()
    return {"doc": convert_with_libreoffice(word_file(directory), "doc", directory / "doc", timeout=120),
            "xls": convert_with_libreoffice(directory / "附件.xlsx", "xls", directory / "xls", timeout=120)}


def test_a_word_97_file_reads_as_its_docx(legacy: dict[str, Path], tmp_path: Path) -> None:
    document = read_doc_document(legacy["doc"])
    assert document.format == "doc"
    assert document.file == str(legacy["doc"])
    assert document.text == read_docx_document(word_file(tmp_path)).text
    assert document.text == ("一、部门基本情况\n\t项目\n\t金额（万元）\n\n\t基本支出\n\t120.50\n\n"
                             "基本支出 120.50 万元。\n")


def test_an_excel_97_file_reads_as_its_xlsx(legacy: dict[str, Path]) -> None:
    document = read_xls_document(legacy["xls"])
    assert document.format == "xls"
    assert document.tables[0].texts() == (("年度资金总额", "203.54"),)
    assert document.tables[0].rows[0][1].place.cell == "B1"
    assert document.tables[0].rows[0][1].place.sheet == "附件2"


@pytest.mark.parametrize(("name", "data", "message"), [
    ("乱码.doc", b"\x00\x01garbage" * 100, "不是有效的 Word 97-2003 文档（.doc）文件" + NOT_BINARY),
    ("乱码.xls", b"plain text, not a workbook", "不是有效的 Excel 97-2003 工作簿（.xls）文件" + NOT_BINARY),
    ("空.doc", b"", "文件为空"),
])
def test_files_that_are_not_office_files_are_refused(tmp_path: Path, name: str, data: bytes,
                                                      message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    reader = read_doc_document if name.endswith(".doc") else read_xls_document
    with pytest.raises(InputError) as caught:
        reader(path)
    assert caught.value.message == message
    assert caught.value.file == str(path)


def test_a_damaged_word_97_file_is_refused(legacy: dict[str, Path], tmp_path: Path) -> None:
    """An OLE2 file cut short: LibreOffice cannot load it."""
    path = tmp_path / "截断.doc"
    path.write_bytes(legacy["doc"].read_bytes()[:1024])
    with pytest.raises(InputError) as caught:
        read_doc_document(path)
    assert caught.value.message == "LibreOffice 未能将文件转换为 docx 格式（文件可能已损坏或格式不符）"


def test_missing_libreoffice_is_said_in_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(InputError) as caught:
        convert_with_libreoffice(word_file(tmp_path), "pdf", tmp_path, timeout=60)
    assert caught.value.message == "未找到 LibreOffice（soffice 命令），无法转换此文件；请先安装 LibreOffice"
    assert caught.value.english == "LibreOffice (soffice) is not installed"


def test_a_conversion_past_its_timeout_is_stopped(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        convert_with_libreoffice(word_file(tmp_path), "pdf", tmp_path / "out", timeout=0.05)
    assert caught.value.message == "LibreOffice 转换超过 0.05 秒仍未完成，已中止"
    assert not (tmp_path / "out" / "报告.pdf").exists()


def test_parallel_conversions_in_threads_and_processes_all_succeed(tmp_path: Path) -> None:
    sources = [word_file(tmp_path, f"报告{index}") for index in range(4)]
    with ThreadPoolExecutor(2) as threads:
        in_threads = list(threads.map(lambda source: _convert(source, tmp_path / "threads"), sources))
    with ProcessPoolExecutor(2) as processes:
        in_processes = list(processes.map(_convert, sources, [tmp_path / "processes"] * 4))
    for index, (first, second) in enumerate(zip(in_threads, in_processes, strict=True)):
        assert first == ("%PDF-", f"报告{index}.pdf")
        assert second == ("%PDF-", f"报告{index}.pdf")


def _convert(source: Path, out_dir: Path) -> tuple[str, str]:
    target = convert_with_libreoffice(source, "pdf", out_dir, timeout=120)
    return target.read_bytes()[:5].decode(), target.name


def test_each_process_has_its_own_profile(tmp_path: Path) -> None:
    with ProcessPoolExecutor(2) as processes:
        profiles = set(processes.map(_profile_of, [word_file(tmp_path)] * 4, [tmp_path] * 4))
    assert all(f"jixiao-libreoffice-{pid}-" in path for pid, path in profiles)
    assert len({pid for pid, _ in profiles}) == len({path for _, path in profiles})


def _profile_of(source: Path, out_dir: Path) -> tuple[int, str]:
    from jixiao.documents import office_convert

    convert_with_libreoffice(source, "pdf", out_dir / str(os.getpid()), timeout=120)
    return os.getpid(), str(office_convert._profiles[os.getpid()])
