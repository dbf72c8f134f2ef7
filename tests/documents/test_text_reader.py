"""Reading plain-text reports: encodings, untouched characters and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.documents import Paragraph, Table, read_text_document
from jixiao.findings import Place
from jixiao.io.errors import InputError

REPORT = "附件1\n\t公用经费\n\t１６.１７\n\n说明\n"


def write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "报告.txt"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_common_encodings_read_the_same_document(tmp_path: Path, encoding: str) -> None:
    document = read_text_document(write(tmp_path, REPORT.encode(encoding)))
    assert document.text == REPORT
    assert document.format == "text"
    assert document.file == str(tmp_path / "报告.txt")
    heading, table, note = document.blocks
    assert heading == Paragraph("附件1", Place(paragraph=0, line=1, start=0, end=3))
    assert isinstance(table, Table)
    assert table.texts() == (("公用经费", "１６.１７"),)
    assert note == Paragraph("说明", Place(paragraph=1, line=5, start=18, end=20))


def test_full_width_digits_stay_and_offsets_index_them(tmp_path: Path) -> None:
    document = read_text_document(write(tmp_path, REPORT.encode("gb18030")))
    cell = document.tables[0].rows[0][1]
    assert cell.text == "１６.１７"
    assert cell.place == Place(table=0, row=0, col=1, line=3, start=11, end=16)
    assert document.text[11:16] == "１６.１７"


def test_windows_line_ends_become_newlines(tmp_path: Path) -> None:
    document = read_text_document(write(tmp_path, REPORT.replace("\n", "\r\n").encode("gbk")))
    assert document.text == REPORT
    assert document.tables[0].texts() == (("公用经费", "１６.１７"),)


def test_nul_bytes_are_not_text(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_text_document(write(tmp_path, "附件1\n表\x00\x01".encode()))
    assert caught.value.message == "文件不是文本文件：含有控制字符 U+0000"
    assert caught.value.place == Place(line=2)
    assert caught.value.english == "not a text file: binary data"


def test_undecodable_bytes_are_not_text(tmp_path: Path) -> None:
    path = write(tmp_path, b"\x89PNG\r\n\xff\xfe\x80")
    with pytest.raises(InputError) as caught:
        read_text_document(path)
    assert caught.value.message == "文件不是文本文件：既不是 UTF-8 也不是 GB18030（GBK）编码"
    assert str(caught.value) == f"{path}: 文件不是文本文件：既不是 UTF-8 也不是 GB18030（GBK）编码"


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b" \r\n\t\n"])
def test_an_empty_file_is_a_clear_error(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, data)
    with pytest.raises(InputError) as caught:
        read_text_document(path)
    assert str(caught.value) == f"{path}: 文件为空"
    assert caught.value.english == "empty file"


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_text_document(tmp_path / "无.txt")
    assert str(caught.value) == f"{tmp_path / '无.txt'}: 文件不存在"
