"""One entrance: the reader is chosen by the file's suffix."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
import xlsxwriter  # type: ignore[import-untyped]

from jixiao.documents.read import read_document
from jixiao.io.errors import InputError


def test_each_suffix_has_its_reader(tmp_path: Path) -> None:
    text = tmp_path / "报告.txt"
    text.write_text("附件1\n", encoding="utf-8")
    word = docx.Document()
    word.add_paragraph("附件1")
    word.save(str(tmp_path / "报告.DOCX"))
    book = xlsxwriter.Workbook(str(tmp_path / "报告.xlsx"))
    book.add_worksheet().write("A1", "附件1")
    book.close()
    formats = {name: read_document(tmp_path / name).format for name in ("报告.txt", "报告.DOCX", "报告.xlsx")}
    assert formats == {"报告.txt": "text", "报告.DOCX": "docx", "报告.xlsx": "xlsx"}


@pytest.mark.parametrize(("name", "message"), [
    ("报告.odt", "无法识别的文件类型“.odt”：支持 .txt、.docx、.xlsx、.pdf、.doc、.xls、.png、.jpg、.jpeg"),
    ("报告.wps", "无法识别的文件类型“.wps”：支持 .txt、.docx、.xlsx、.pdf、.doc、.xls、.png、.jpg、.jpeg"),
    ("报告", "无法识别的文件类型“（无后缀）”：支持 .txt、.docx、.xlsx、.pdf、.doc、.xls、.png、.jpg、.jpeg"),
])
def test_unknown_suffixes_are_refused(tmp_path: Path, name: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        read_document(tmp_path / name)
    assert caught.value.message == message
    assert caught.value.english == "unknown file type"
