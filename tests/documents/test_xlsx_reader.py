"""Reading Excel reports: a table per sheet, sheet and cell on every place, exact numbers."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]
import pytest
import xlsxwriter  # type: ignore[import-untyped]

from jixiao.documents import Cell, Table
from jixiao.documents.xlsx_reader import cell_text, read_xlsx_document
from jixiao.findings import Place
from jixiao.io.errors import InputError

CORRUPT = "不是有效的 Excel 工作簿（.xlsx）文件"


def report(tmp_path: Path) -> Path:
    path = tmp_path / "附表.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("附件1")
    sheet.write("A1", "项目")
    sheet.write("B1", "金额（万元）")
    sheet.write("A2", "公用经费")
    sheet.write("B2", 16.17)
    sheet.write("A4", "合计")
    sheet.write("B4", 100.0)
    sheet.write_formula("C4", "=B2+B4", None, 116.17)
    book.add_worksheet("空表")
    notes = book.add_worksheet("说明")
    notes.write("B2", "多行\n文本")
    book.close()
    return path


TEXT = ("\t项目\n\t金额（万元）\n\n"
        "\t公用经费\n\t16.17\n\n"
        "\n"
        "\t合计\n\t100\n\t116.17\n\n"
        "\n"
        "\t\n\t多行\n文本\n\n")


def test_a_table_per_sheet_with_sheet_and_cell_places(tmp_path: Path) -> None:
    document = read_xlsx_document(report(tmp_path))
    assert document.text == TEXT
    assert document.format == "xlsx"
    first, notes = document.blocks
    assert isinstance(first, Table) and isinstance(notes, Table)
    assert first.texts() == (("项目", "金额（万元）"), ("公用经费", "16.17"), (), ("合计", "100", "116.17"))
    assert first.place == Place(sheet="附件1", table=0, line=1, start=1, end=44)
    assert first.rows[3][2] == Cell("116.17", Place(sheet="附件1", cell="C4", table=0, row=3, col=2,
                                                    line=10, start=38, end=44))
    assert notes.texts() == ((), ("", "多行\n文本"))
    assert notes.rows[1][0] == Cell("", Place(sheet="说明", cell="A2", table=1, row=1, col=0,
                                              line=13, start=48, end=48))
    assert notes.rows[1][1].place == Place(sheet="说明", cell="B2", table=1, row=1, col=1,
                                           line=14, start=50, end=55)


def test_every_offset_indexes_the_text(tmp_path: Path) -> None:
    document = read_xlsx_document(report(tmp_path))
    for table in document.tables:
        for row in table.rows:
            for cell in row:
                start, end, line = cell.place.start, cell.place.end, cell.place.line
                assert start is not None and end is not None and line is not None
                assert document.text[start:end] == cell.text
                assert document.text.count("\n", 0, start) + 1 == line


def test_numbers_keep_every_digit(tmp_path: Path) -> None:
    """Writers round to 16 digits, so the digits a sheet may hold are written into its XML."""
    written = tmp_path / "写.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "数"
    sheet.append([0.5, 7, 123456789012.3456, 2.0, -0.5, 1e-7, True])
    book.save(written)
    path = tmp_path / "数.xlsx"
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(path, "w") as target:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<v>0.5</v>", b"<v>0.30000000000000004</v>")
                data = data.replace(b"<v>7</v>", b"<v>12345678901234567890</v>")
            target.writestr(member, data)
    texts = read_xlsx_document(path).tables[0].texts()
    assert texts == (("0.30000000000000004", "12345678901234567890", "123456789012.3456", "2", "-0.5",
                      "1e-07", "TRUE"),)


@pytest.mark.parametrize(("value", "text"), [(100.0, "100"), (16.170, "16.17"), (7, "7"), (None, ""),
                                             (1e16, "1e+16"), (False, "FALSE")])
def test_cell_text(value: object, text: str) -> None:
    assert cell_text(value) == text



def test_rows_above_the_limit_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "长.xlsx"
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("明细").write(20_000, 0, "第20001行")
    book.close()
    with pytest.raises(InputError) as caught:
        read_xlsx_document(path)
    assert caught.value.message == "工作表“明细”超过 20000 行，拒绝读取"
    assert caught.value.place == Place(sheet="明细", cell="A20001")


def test_a_workbook_without_values_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "空.xlsx"
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet()
    book.close()
    with pytest.raises(InputError) as caught:
        read_xlsx_document(path)
    assert caught.value.message == "文件为空"


def test_a_file_that_is_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "假.xlsx"
    path.write_bytes("项目,金额\n".encode())
    with pytest.raises(InputError) as caught:
        read_xlsx_document(path)
    assert caught.value.message == CORRUPT
    assert caught.value.english == "not an xlsx workbook"


def test_a_truncated_file(tmp_path: Path) -> None:
    path = report(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    with pytest.raises(InputError) as caught:
        read_xlsx_document(path)
    assert caught.value.message == CORRUPT


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path, zip_bomb: Path) -> None:
    path = tmp_path / "炸弹.xlsx"
    path.write_bytes(zip_bomb.read_bytes())
    with pytest.raises(InputError) as caught:
        read_xlsx_document(path)
    assert caught.value.message == "文件解压后有 250 MB，超过 200 MB 的上限，拒绝读取"


def test_rows_of_a_table_keep_blank_cells_on_the_right(tmp_path: Path) -> None:
    path = tmp_path / "附件2.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("附件2")
    sheet.write_row(0, 0, ["附件2"])
    sheet.write_row(2, 0, ["三级指标", "分值", "得分", "偏差原因"])
    sheet.write_row(3, 0, ["办结率", 10, 9, "人手不足"])
    sheet.write_row(4, 0, ["满意度", 10, 10])
    book.close()
    table = read_xlsx_document(path).tables[0]
    assert table.texts() == (("附件2",), (), ("三级指标", "分值", "得分", "偏差原因"),
                             ("办结率", "10", "9", "人手不足"), ("满意度", "10", "10", ""))
    assert table.rows[4][3].place.cell == "D5"


@pytest.mark.parametrize(("value", "number_format", "text"), [
    (0.42694896242288277, "0.00%", "42.69%"), (0.9, "0%", "90%"), (1, "0.0%", "100.0%"),
    (0.12345, "General", "0.12345"), (0.125, "0.00%", "12.50%"), (0.0125, "0.0%", "1.3%"),
    (90, '0"%"', "90%"), (87.5, '0.00\\%', "87.50%"), (98, '0.00"%"', "98.00%"), (87.5, '0"%"', "87.5%")])
def test_percent_formats_read_as_shown(value: object, number_format: str, text: str) -> None:
    """A literal sign shows the decimals of its format too: a stated 执行率 98.00 that jixiao's
    workbook writes as 98 in ``0.00"%"`` reads back as written."""
    assert cell_text(value, number_format) == text


def test_a_sheet_of_text_in_column_a_is_read_as_paragraphs(tmp_path: Path) -> None:
    """A report's body written into a workbook (正文): a paragraph a row, placed at its cell;
    another sheet of one column, or a 正文 with a second column, stays a table."""
    path = tmp_path / "正文.xlsx"
    book = xlsxwriter.Workbook(str(path))
    body = book.add_worksheet("正文")
    body.write(0, 0, "一、单位基本情况")
    body.write(2, 0, "基本支出132.71万元。")
    book.add_worksheet("附件").write_row(0, 0, ["项目", "金额"])
    book.add_worksheet("意见").write(0, 0, "部门（单位）意见：")
    book.close()
    document = read_xlsx_document(path)
    assert [(p.text, p.place.sheet, p.place.cell) for p in document.paragraphs] == [
        ("一、单位基本情况", "正文", "A1"), ("基本支出132.71万元。", "正文", "A3")]
    assert [table.texts() for table in document.tables] == [(("项目", "金额"),), (("部门（单位）意见：",),)]
