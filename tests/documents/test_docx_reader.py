"""Reading Word reports: document order, merged cells, places into the text, clear errors."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from jixiao.documents import Paragraph, Table
from jixiao.documents.docx_reader import read_docx_document
from jixiao.documents.flat_tables import parse_flat_text
from jixiao.findings import Place
from jixiao.io.errors import InputError

CORRUPT = "不是有效的 Word 文档（.docx）文件"


def report(tmp_path: Path) -> Path:
    """A heading, a 3×3 table with 项目 merged across two columns and 合计 down two rows, a
    blank paragraph, a closing paragraph and a page header."""
    word = docx.Document()
    word.sections[0].header.paragraphs[0].text = "某单位2024年度绩效自评报告"
    word.add_paragraph("一、部门基本情况")
    table = word.add_table(rows=3, cols=3)
    for row, texts in enumerate([("项目", "", "金额（万元）"), ("基本支出", "120.50", "合计"),
                                 ("项目支出", "79.50", "")]):
        for col, text in enumerate(texts):
            table.cell(row, col).text = text
    table.cell(0, 0).merge(table.cell(0, 1))
    table.cell(1, 2).merge(table.cell(2, 2))
    word.add_paragraph("   ")
    word.add_paragraph("二、绩效目标完成情况")
    path = tmp_path / "报告.docx"
    word.save(str(path))
    return path


TEXT = ("一、部门基本情况\n"
        "\t项目\n\t\n\t金额（万元）\n\n"
        "\t基本支出\n\t120.50\n\t合计\n\n"
        "\t项目支出\n\t79.50\n\t\n\n"
        "二、绩效目标完成情况\n"
        "某单位2024年度绩效自评报告\n")


def test_blocks_in_document_order_with_header_last(tmp_path: Path) -> None:
    document = read_docx_document(report(tmp_path))
    assert document.text == TEXT
    assert document.format == "docx"
    assert document.file == str(tmp_path / "报告.docx")
    heading, table, closing, header = document.blocks
    assert heading == Paragraph("一、部门基本情况", Place(paragraph=0, line=1, start=0, end=8))
    assert closing == Paragraph("二、绩效目标完成情况", Place(paragraph=1, line=14, start=59, end=69))
    assert header == Paragraph("某单位2024年度绩效自评报告", Place(paragraph=2, line=15, start=70, end=85))
    assert isinstance(table, Table)
    assert table.place == Place(table=0, line=2, start=10, end=57)


def test_merged_cells_once_at_top_left_rows_keep_their_columns(tmp_path: Path) -> None:
    table = read_docx_document(report(tmp_path)).tables[0]
    assert table.texts() == (("项目", "", "金额（万元）"), ("基本支出", "120.50", "合计"),
                             ("项目支出", "79.50", ""))
    assert table.rows[0][1].place == Place(table=0, row=0, col=1, line=3, start=14, end=14)
    assert table.rows[1][2].place == Place(table=0, row=1, col=2, line=8, start=39, end=41)
    assert table.rows[2][2].place == Place(table=0, row=2, col=2, line=12, start=57, end=57)


def test_every_offset_indexes_the_text(tmp_path: Path) -> None:
    document = read_docx_document(report(tmp_path))
    lines = document.text.split("\n")
    for block in document.blocks:
        cells = [cell for row in block.rows for cell in row] if isinstance(block, Table) else [block]
        for item in cells:
            start, end, line = item.place.start, item.place.end, item.place.line
            assert start is not None and end is not None and line is not None
            assert document.text[start:end] == item.text
            assert document.text.count("\n", 0, start) + 1 == line
            assert lines[line - 1].lstrip("\t").startswith(item.text.split("\n")[0])


def test_text_reparses_as_flattened_reports_do(tmp_path: Path) -> None:
    document = read_docx_document(report(tmp_path))
    assert parse_flat_text(document.text) == document.blocks


def test_cell_paragraphs_become_lines_of_one_cell(tmp_path: Path) -> None:
    word = docx.Document()
    cell = word.add_table(rows=1, cols=2).cell(0, 0)
    cell.text = "实际规"
    cell.add_paragraph("模(m²)")
    path = tmp_path / "表.docx"
    word.save(str(path))
    document = read_docx_document(path)
    assert document.text == "\t实际规\n模(m²)\n\t\n\n"
    assert document.tables[0].rows[0][0].place == Place(table=0, row=0, col=0, line=1, start=1, end=10)


def test_no_text_is_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "空.docx"
    docx.Document().save(str(path))
    with pytest.raises(InputError) as caught:
        read_docx_document(path)
    assert caught.value.message == "文件为空"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_docx_document(tmp_path / "无.docx")
    assert caught.value.message == "文件不存在"


def test_a_file_that_is_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "假.docx"
    path.write_bytes("这不是 Word 文档".encode())
    with pytest.raises(InputError) as caught:
        read_docx_document(path)
    assert caught.value.message == CORRUPT
    assert caught.value.english == "not a docx document"


def test_a_truncated_file(tmp_path: Path) -> None:
    path = report(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError) as caught:
        read_docx_document(path)
    assert caught.value.message == CORRUPT


def test_broken_xml_inside_a_valid_zip(tmp_path: Path) -> None:
    good = report(tmp_path)
    path = tmp_path / "坏.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for member in source.infolist():
            data = source.read(member)
            target.writestr(member, data[:40] if member.filename == "word/document.xml" else data)
    with pytest.raises(InputError) as caught:
        read_docx_document(path)
    assert caught.value.message == CORRUPT


def test_a_zip_without_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "别的.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "不是文档")
    with pytest.raises(InputError) as caught:
        read_docx_document(path)
    assert caught.value.message == CORRUPT


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path, zip_bomb: Path) -> None:
    path = tmp_path / "炸弹.docx"
    path.write_bytes(zip_bomb.read_bytes())
    with pytest.raises(InputError) as caught:
        read_docx_document(path)
    assert caught.value.message == "文件解压后有 250 MB，超过 200 MB 的上限，拒绝读取"
    assert caught.value.english == "unpacked size above 200 MB (zip bomb?)"


def test_grid_columns_a_row_skips_are_empty_cells_and_only_first_properties_count(tmp_path: Path) -> None:
    word = docx.Document()
    table = word.add_table(rows=2, cols=2)
    for row, texts in enumerate([("名称", "金额"), ("合计", "200.00")]):
        for col, text in enumerate(texts):
            table.cell(row, col).text = text
    first_row, second_row = (row._tr for row in table.rows)
    row_properties = first_row.get_or_add_trPr()
    for tag, value in (("w:gridBefore", "1"), ("w:gridAfter", "2"), ("w:gridBefore", "5")):
        skip = OxmlElement(tag)
        skip.set(qn("w:val"), value)
        row_properties.append(skip)
    name_cell = second_row.tc_lst[0]
    for tag, value in (("w:gridSpan", "2"), ("w:gridSpan", "4"), ("w:vMerge", "restart"), ("w:vMerge", None)):
        property_ = OxmlElement(tag)
        if value is not None:
            property_.set(qn("w:val"), value)
        name_cell.get_or_add_tcPr().append(property_)
    later = OxmlElement("w:tcPr")  # a second w:tcPr is not read
    later.append(OxmlElement("w:vMerge"))
    second_row.tc_lst[1].append(later)
    path = tmp_path / "表.docx"
    word.save(str(path))
    assert read_docx_document(path).tables[0].texts() == (("", "名称", "金额", "", ""),
                                                         ("合计", "", "200.00"))


def test_runs_inside_hyperlinks_are_read_in_their_place(tmp_path: Path) -> None:
    word = docx.Document()
    paragraph = word.add_paragraph("预算执行率")
    link = OxmlElement("w:hyperlink")
    link.append(paragraph.add_run("95.5%")._r)  # moved out of the paragraph into the link
    paragraph._p.append(link)
    paragraph.add_run("，详见")
    paragraph.add_run().add_tab()
    paragraph.add_run("附件").add_break()
    inserted = OxmlElement("w:ins")  # a tracked insertion is not read, as Word's text has it
    inserted.append(paragraph.add_run("（草稿）")._r)
    paragraph._p.append(inserted)
    word.add_paragraph("二、绩效目标")
    path = tmp_path / "链接.docx"
    word.save(str(path))
    assert read_docx_document(path).text == "预算执行率95.5%，详见\t附件\n二、绩效目标\n"
