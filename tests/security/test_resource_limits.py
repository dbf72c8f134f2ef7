"""Every reader and loader refuses, before the work, an input that would cost unbounded memory
or time, naming the limit; measured in a child process where memory is the point."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from measured import run_measured
from PIL import Image

from builders import write_pdf
from jixiao.documents import read_document

EXAMPLE = Path(__file__).parents[2] / "examples" / "dongting-2023.yaml"
MB = 1024 * 1024
PEAK_LIMIT_MB = 1024


def wide_table_docx(path: Path) -> Path:
    """957 bytes of Word that declare a row a hundred million grid columns wide."""
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "金额"
    span = OxmlElement("w:gridSpan")
    span.set(qn("w:val"), "100000000")
    table.cell(0, 1)._tc.get_or_add_tcPr().append(span)
    document.save(str(path))
    return path


def test_a_word_table_of_a_hundred_million_columns_is_refused(tmp_path: Path) -> None:
    path = wide_table_docx(tmp_path / "wide.docx")
    run = run_measured("check", str(path))
    assert run.exit_code == 2
    assert run.stdout == f"{path}: 第 1 个表格第 1 行有 100000001 列，超过 256 列的上限，拒绝读取\n"
    assert run.peak_mb < PEAK_LIMIT_MB


def workbook_with_dimension(path: Path, dimension: str, cells: dict[str, str]) -> Path:
    book = openpyxl.Workbook()
    for reference, value in cells.items():
        book.active[reference] = value
    book.save(str(path))
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    sheet = members["xl/worksheets/sheet1.xml"].decode()
    start = sheet.index("<dimension ")
    end = sheet.index("/>", start) + 2
    members["xl/worksheets/sheet1.xml"] = (sheet[:start] + f'<dimension ref="{dimension}"/>' + sheet[end:]).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_a_declared_sheet_of_a_billion_cells_reads_what_it_holds(tmp_path: Path) -> None:
    path = workbook_with_dimension(tmp_path / "declared.xlsx", "A1:XFD1048576", {"A1": "项目", "B2": "100"})
    assert path.stat().st_size < 10_000
    run = run_measured("check", "--format", "json", str(path))
    assert run.exit_code in (0, 1), run.stderr
    assert run.peak_mb < PEAK_LIMIT_MB


def test_a_stale_dimension_does_not_drop_the_sheet(tmp_path: Path) -> None:
    path = workbook_with_dimension(tmp_path / "stale.xlsx", "A1", {"A1": "项目", "B3": "203.54"})
    document = read_document(path)
    assert [[cell.text for cell in row] for row in document.tables[0].rows] == [["项目"], [], ["", "203.54"]]


def test_a_value_beyond_column_256_is_refused(tmp_path: Path) -> None:
    path = workbook_with_dimension(tmp_path / "far.xlsx", "A1:XFD1", {"A1": "项目", "XFD1": "x"})
    run = run_measured("check", str(path))
    assert run.exit_code == 2
    assert run.stdout == f"{path}:Sheet!XFD1: 工作表“Sheet”超过 256 列，拒绝读取\n"


def test_a_yaml_alias_bomb_is_refused_at_the_value_limit(tmp_path: Path) -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for level, name in enumerate("bcdefgh"):
        previous = "abcdefg"[level]
        lines.append(f"{name}: &{name} [{','.join([f'*{previous}'] * 9)}]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert path.stat().st_size < 400
    run = run_measured("score", str(path))
    assert run.exit_code == 2
    assert run.stderr.strip() == (f"错误：{path}:1: YAML 展开后超过 200000 个值的上限（锚点和别名 * 重复展开），拒绝读取")
    assert run.peak_mb < PEAK_LIMIT_MB


@pytest.mark.parametrize(("name", "size", "message"), [
    ("big.yaml", 11 * MB, "文件有 11 MB，超过 10 MB 的上限，拒绝读取"),
    ("big.json", 11 * MB, "文件有 11 MB，超过 10 MB 的上限，拒绝读取"),
])
def test_data_files_above_their_size_limit_are_refused_unread(tmp_path: Path, name: str, size: int,
                                                              message: str) -> None:
    path = tmp_path / name
    with path.open("wb") as stream:  # sparse: nothing is written to disk
        stream.truncate(size)
    run = run_measured("score", str(path))
    assert (run.exit_code, run.stderr.strip()) == (2, f"错误：{path}: {message}")


def test_a_text_report_above_20_mb_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as stream:
        stream.truncate(21 * MB)
    run = run_measured("check", str(path))
    assert (run.exit_code, run.stdout) == (2, f"{path}: 文件有 21 MB，超过 20 MB 的上限，拒绝读取\n")


def zip_bomb(path: Path, member: str) -> Path:
    """A package with a member of 201 MB of zeros (some 200 KB on disk)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive, archive.open(member, "w") as stream:
        block = bytes(MB)
        for _ in range(201):
            stream.write(block)
    return path


def test_zip_bombs_are_refused_as_workbook_and_template(tmp_path: Path) -> None:
    workbook = zip_bomb(tmp_path / "填报.xlsx", "xl/workbook.xml")
    template = zip_bomb(tmp_path / "模板.docx", "word/document.xml")
    assert workbook.stat().st_size < MB
    refused = "文件解压后有 201 MB，超过 200 MB 的上限，拒绝读取"
    score = run_measured("score", str(workbook))
    assert (score.exit_code, score.stderr.strip()) == (2, f"错误：{workbook}: {refused}")
    check = run_measured("check", str(workbook))
    assert (check.exit_code, check.stdout) == (2, f"{workbook}: {refused}\n")
    render = run_measured("render", str(EXAMPLE), "-o", str(tmp_path / "out.docx"), "--template", str(template))
    assert (render.exit_code, render.stderr.strip()) == (2, f"错误：{template}: {refused}")
    assert max(score.peak_mb, check.peak_mb, render.peak_mb) < PEAK_LIMIT_MB


@pytest.mark.parametrize(("name", "content", "message"), [
    ("deep.json", "[" * 10_000 + "]" * 10_000, " JSON 嵌套层数超过解析器的上限，拒绝读取"),
    ("long.json", '{"year": ' + "9" * 5000 + "}", "year: 数字“99999999999999999999…”超过 30 位数字的上限"),
    ("long.yaml", "year: " + "9" * 5000 + "\n", "1: 数字“99999999999999999999…”超过 30 位数字的上限"),
    ("nul.yaml", "year: 2023\x00\n", "1: 文件含不允许的控制字符 U+0000"),
])
def test_hostile_data_files_get_a_located_chinese_error(tmp_path: Path, name: str, content: str,
                                                         message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    run = run_measured("score", str(path))
    assert (run.exit_code, run.stderr.strip()) == (2, f"错误：{path}:{message}")


def test_an_image_of_one_row_of_59_million_pixels_is_refused_before_decoding(tmp_path: Path) -> None:
    path = tmp_path / "line.png"
    Image.new("L", (59_000_000, 1)).save(path)
    assert path.stat().st_size < MB
    run = run_measured("check", str(path))
    assert (run.exit_code, run.stdout) == (2, f"{path}: 图片为 59000000×1 像素，长宽比超过 20:1 的上限，拒绝读取\n")
    assert run.peak_mb < PEAK_LIMIT_MB


def test_a_pdf_page_of_300000_ruling_lines_is_refused(tmp_path: Path) -> None:
    path = pdf_with_lines(tmp_path / "lines.pdf", 300_000)
    assert path.stat().st_size < MB
    run = run_measured("check", str(path))
    assert (run.exit_code, run.stdout) == (2, f"{path}: PDF 第 1 页有超过 20000 条线条和图形，超过上限，拒绝读取\n")
    assert run.peak_mb < PEAK_LIMIT_MB
    few = run_measured("check", str(pdf_with_lines(tmp_path / "few.pdf", 40)))
    assert few.exit_code in (0, 1), few.stdout


def pdf_with_stream(path: Path, stream: bytes) -> Path:
    """A one-page PDF whose page content is ``stream`` (flate-compressed, as given)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
               b" /Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    return write_pdf(path, objects)


def pdf_with_lines(path: Path, lines: int) -> Path:
    """A one-page PDF with a line of text and ``lines`` ruling lines, its stream compressed."""
    drawing = b"".join(b"%d 100 m %d 700 l S\n" % (i % 500, i % 500) for i in range(lines))
    return pdf_with_stream(path, zlib.compress(TEXT_LINE + drawing))


TEXT_LINE = b"BT /F1 12 Tf 50 750 Td (Budget report: total 100, spent 98 yuan) Tj ET\n"


def test_a_pdf_content_stream_of_a_gigabyte_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    deflate = zlib.compressobj(9)
    blanks = b" " * MB
    stream = deflate.compress(TEXT_LINE) + b"".join(deflate.compress(blanks) for _ in range(1024))
    path = pdf_with_stream(tmp_path / "blank.pdf", stream + deflate.flush())
    assert path.stat().st_size < 2 * MB
    run = run_measured("check", str(path))
    assert (run.exit_code, run.stdout) == (2, f"{path}: PDF 中有一个压缩数据流解压后超过 64 MB 的上限，拒绝读取\n")
    assert run.peak_mb < PEAK_LIMIT_MB  # 2,155 MB when pdfium inflated it
    honest = run_measured("check", str(pdf_with_stream(tmp_path / "honest.pdf", zlib.compress(TEXT_LINE))))
    assert (honest.exit_code, honest.stdout) == (0, f"{tmp_path / 'honest.pdf'}: 0 个错误，0 个警告，0 条提示\n")


def test_a_pdf_image_of_too_many_pixels_is_refused_before_it_is_decoded(tmp_path: Path) -> None:
    image = (b"<< /Type /XObject /Subtype /Image /Width 100000 /Height 100000 /ColorSpace /DeviceGray"
             b" /BitsPerComponent 8 /Length 8 /Filter /FlateDecode >>\nstream\n")
    path = pdf_with_lines(tmp_path / "image.pdf", 2)
    body = path.read_bytes().replace(b"xref\n", b"6 0 obj\n" + image + zlib.compress(b"") + b"\nendstream\nendobj\nxref\n")
    path.write_bytes(body)
    run = run_measured("check", str(path))
    assert (run.exit_code, run.stdout) == (
        2, f"{path}: PDF 中有一张 100000×100000 像素的图片，超过 60 百万像素的上限，拒绝读取\n")


def test_a_figure_of_twenty_thousand_digits_costs_no_quadratic_time(tmp_path: Path) -> None:
    """Every pattern over figures starts where the digits start, and no figure past 30 digits is
    an amount: 20,000 digits took 212 s before."""
    path = tmp_path / "digits.txt"
    path.write_text("项目支出预算1" + "0" * 20_000 + "万元，实际支出50万元，执行率60%。\n"
                    "在职实有" + "1" * 20_000 + "人，其中管理人员5人，工勤人员3人。\n"
                    "内设" + "一" * 20_000 + "个科室，分别是综合科、财务科。\n" + "包括" * 10_000 + "。\n",
                    encoding="utf-8")
    run = run_measured("check", str(path), timeout=60)
    assert (run.exit_code, run.stdout) == (0, f"{path}: 0 个错误，0 个警告，0 条提示\n")
    assert run.peak_mb < PEAK_LIMIT_MB


def test_libreoffice_runs_within_its_memory_limit(tmp_path: Path) -> None:
    """The limit is set in LibreOffice's own process: made tiny, LibreOffice cannot start, and the
    error names the limit."""
    import subprocess
    import sys

    source = tmp_path / "a.txt"
    source.write_text("基本支出 100 万元\n", encoding="utf-8")
    script = ("import sys; from pathlib import Path; import jixiao.documents.office_convert as convert\n"
              "convert.MAX_MEMORY = 64 * 1024 * 1024\n"
              "try:\n    convert.convert_with_libreoffice(Path(sys.argv[1]), 'pdf', Path(sys.argv[2]), timeout=60)\n"
              "except Exception as error:\n    print(error)\n")
    done = subprocess.run([sys.executable, "-c", script, str(source), str(tmp_path)], capture_output=True,
                          text=True, timeout=120, check=True)
    assert done.stdout.startswith(f"{source}: LibreOffice 转换失败（退出码 "), done.stdout
    assert "，内存上限 64 MB）" in done.stdout
