"""Reading PDF reports: text layer in reading order, ruled tables, pages, OCR fallback, bad input."""

from __future__ import annotations

import gc
import io
import json
import sys
from pathlib import Path
from typing import Any

import docx
import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
from docx.enum.text import WD_BREAK
from docx.shared import Pt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw, ImageFont

from builders import write_pdf
from jixiao.cycles import cycles_uncollected
from jixiao.documents import Paragraph, Table
from jixiao.documents.office_convert import convert_with_libreoffice
from jixiao.documents.pdf import reader as pdf_reader
from jixiao.documents.pdf.reader import read_pdf_document
from jixiao.findings import Place
from jixiao.io.errors import InputError

sys.path.insert(0, str(Path(__file__).parent.parent))
from formats import FONT, no_network, page_setup

SHARES = ("2023年度基本支出113.94万元，其中：工资福利支出96.82万元，占基本支出的84.97%；"
          "商品和服务支出14.34万元，占基本支出的12.58%；对个人和家庭的补助2.78万元，占基本支出的2.44%。")
TEXT = ("一、部门基本情况\n" + SHARES + "\n"
        "\t项目\n\t金额（万元）\n\t占比\n\n\t基本支出\n\t113.94\n\t100%\n\n\t工资福利支出\n\t96.82\n\t84.97%\n\n"
        "二、绩效目标完成情况\n第二页的段落。\n")
CORRUPT = "不是有效的 PDF 文件（文件已损坏或格式不符）"
CJK_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"


def _word(directory: Path) -> Path:
    """A heading, a paragraph wrapped over two lines, a ruled 3×3 table, a heading that ends
    page 1 and a paragraph on page 2."""
    word = docx.Document()
    page_setup(word)
    word.add_paragraph("一、部门基本情况")
    word.add_paragraph(SHARES).paragraph_format.first_line_indent = Pt(21)
    table = word.add_table(rows=3, cols=3)
    table.style = "Table Grid"
    for row, texts in enumerate([("项目", "金额（万元）", "占比"), ("基本支出", "113.94", "100%"),
                                 ("工资福利支出", "96.82", "84.97%")]):
        for col, text in enumerate(texts):
            table.cell(row, col).text = text
    word.add_paragraph("二、绩效目标完成情况").runs[0].add_break(WD_BREAK.PAGE)
    word.add_paragraph("第二页的段落。")
    path = directory / "报告.docx"
    word.save(str(path))
    return path


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The report as a plain PDF, one that needs a password and one encrypted with an empty
    user password (only its permissions are restricted)."""
    directory = tmp_path_factory.mktemp("pdf")
    source = _word(directory)
    export = "pdf:writer_pdf_Export:"
    locked = '{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"s"}}'
    owner = ('{"RestrictPermissions":{"type":"boolean","value":"true"},'
             '"PermissionPassword":{"type":"string","value":"owner"}}')
    return {"plain": convert_with_libreoffice(source, "pdf", directory, timeout=120),
            "locked": convert_with_libreoffice(source, export + locked, directory / "locked", timeout=120),
            "owner": convert_with_libreoffice(source, export + owner, directory / "owner", timeout=120)}


def test_text_layer_in_reading_order_with_wrapped_lines_joined(pdfs: dict[str, Path]) -> None:
    document = read_pdf_document(pdfs["plain"])
    assert document.text == TEXT
    assert document.format == "pdf"
    heading, shares, table, closing, second = document.blocks
    assert heading == Paragraph("一、部门基本情况", Place(page=1, paragraph=0, line=1, start=0, end=8))
    assert shares == Paragraph(SHARES, Place(page=1, paragraph=1, line=2, start=9, end=114))
    assert closing == Paragraph("二、绩效目标完成情况", Place(page=1, paragraph=2, line=15, start=177, end=187))
    assert second == Paragraph("第二页的段落。", Place(page=2, paragraph=3, line=16, start=188, end=195))
    assert isinstance(table, Table)
    assert table.texts() == (("项目", "金额（万元）", "占比"), ("基本支出", "113.94", "100%"),
                             ("工资福利支出", "96.82", "84.97%"))
    assert table.rows[1][1].place == Place(page=1, table=0, row=1, col=1, line=8, start=139, end=145)
    assert document.text[139:145] == "113.94"


def test_a_table_over_three_pages_is_one_table_whose_rows_keep_their_pages(tmp_path: Path) -> None:
    """A ruled table with no repeated header runs over pages 1–3: one table, every row read
    once, in order, with its page."""
    word = docx.Document()
    page_setup(word)
    word.add_paragraph("附件2 指标表")
    rows = [("指标", "分值", "得分"), *((f"第{i}项指标", "6", str(i)) for i in range(1, 111))]
    table = word.add_table(rows=len(rows), cols=3)
    table.style = "Table Grid"
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    word.add_paragraph("表后的段落。")
    word.save(str(tmp_path / "长表.docx"))
    document = read_pdf_document(convert_with_libreoffice(tmp_path / "长表.docx", "pdf", tmp_path, timeout=120))
    heading, read, closing = document.blocks
    assert isinstance(read, Table)
    assert read.texts() == tuple(rows)
    pages = [row[0].place.page for row in read.rows]
    assert (read.place.page, pages[0], pages[-1], sorted(set(pages))) == (1, 1, 3, [1, 2, 3])
    assert pages == sorted(pages)
    assert (heading.place.page, closing.place.page) == (1, 3)


def test_a_pdf_encrypted_with_the_empty_password_is_read(pdfs: dict[str, Path]) -> None:
    assert b"/Encrypt" in pdfs["owner"].read_bytes()
    assert read_pdf_document(pdfs["owner"]).text == TEXT


def test_a_pdf_that_needs_a_password_is_refused(pdfs: dict[str, Path]) -> None:
    with pytest.raises(InputError) as caught:
        read_pdf_document(pdfs["locked"])
    assert caught.value.message == "PDF 文件已加密，需要密码才能打开，无法读取；请提供未加密的文件"
    assert caught.value.english == "encrypted PDF: a password is needed"


def _refused(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        read_pdf_document(path)
    assert caught.value.file == str(path)
    return caught.value


def test_empty_missing_garbage_and_truncated_files_are_refused(pdfs: dict[str, Path], tmp_path: Path) -> None:
    (tmp_path / "空.pdf").write_bytes(b"")
    (tmp_path / "乱码.pdf").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "截断.pdf").write_bytes(pdfs["plain"].read_bytes()[:5000])
    (tmp_path / "坏.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n")
    assert _refused(tmp_path / "空.pdf").message == "文件为空"
    assert _refused(tmp_path / "无.pdf").message == "文件不存在"
    assert _refused(tmp_path / "乱码.pdf").message == CORRUPT
    assert _refused(tmp_path / "截断.pdf").message == "PDF 文件不完整（缺少文件结尾，可能在传输或保存时被截断）"
    assert _refused(tmp_path / "坏.pdf").message == CORRUPT


def test_more_than_200_pages_are_refused_before_reading(tmp_path: Path) -> None:
    pdf = pdfium.PdfDocument.new()
    for _ in range(300):
        pdf.new_page(595, 842)
    path = tmp_path / "长.pdf"
    pdf.save(str(path))
    error = _refused(path)
    assert error.message == "PDF 共 300 页，超过 200 页的上限，拒绝读取"
    assert error.english == "more than 200 pages"


def test_a_pdf_of_blank_pages_has_no_text(tmp_path: Path) -> None:
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    path = tmp_path / "空白.pdf"
    pdf.save(str(path))
    assert _refused(path).message == "PDF 中没有可读的文字（文本层为空，OCR 也未识别出文字）"


def scan_image() -> Image.Image:
    """A clean page image with a heading and a sentence, 1000×240 pixels."""
    image = Image.new("L", (1000, 240), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(CJK_FONT, 36, index=2)
    draw.text((60, 40), "一、部门基本情况", font=font, fill=0)
    draw.text((60, 130), "基本支出113.94万元。", font=font, fill=0)
    return image


def image_pdf(path: Path, image: Image.Image, text: bytes | None, to_unicode: bool = False) -> Path:
    """A one-page PDF showing ``image`` with an invisible text layer ``text`` (Helvetica; with
    ``to_unicode`` its ToUnicode map sends every character to the private-use area), as
    scanners with a poor OCR write them."""
    jpeg = io.BytesIO()
    image.save(jpeg, "JPEG")
    width, height = image.width * 72 // 150, image.height * 72 // 150
    content = f"q {width} 0 0 {height} 0 0 cm /Im0 Do Q".encode()
    if text is not None:
        content += b" BT /F1 10 Tf 3 Tr 10 10 Td (" + text + b") Tj ET"
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /P def "
            b"1 begincodespacerange <00> <FF> endcodespacerange "
            b"1 beginbfrange <20> <7E> <E020> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end")
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica" + (b" /ToUnicode 7 0 R >>" if to_unicode else b" >>")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] /Contents 6 0 R "
        "/Resources << /XObject << /Im0 4 0 R >> /Font << /F1 5 0 R >> >> >>".encode(),
        f"<< /Type /XObject /Subtype /Image /Width {image.width} /Height {image.height} /ColorSpace /DeviceGray "
        f"/BitsPerComponent 8 /Filter /DCTDecode /Length {len(jpeg.getvalue())} >>\nstream\n".encode()
        + jpeg.getvalue() + b"\nendstream",
        font,
        f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream",
        f"<< /Length {len(cmap)} >>\nstream\n".encode() + cmap + b"\nendstream",
    ]
    return write_pdf(path, objects)


@pytest.mark.parametrize(("name", "text", "to_unicode", "layer"), [
    ("missing", None, False, ""),
    ("nearly empty", b"3", False, "3"),
    ("cid escapes", rb"\(cid:12\)\(cid:857\)\(cid:1203\)\(cid:44\)", False, "(cid:12)(cid:857)(cid:1203)(cid:44)"),
    ("private use", b"abcdefghijklmnopqrstuvwxyz", True, "".join(chr(0xE000 + ord(c)) for c in "abcdefghijklmnopqrstuvwxyz")),
])
def test_a_page_without_a_usable_text_layer_is_read_by_ocr(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: bytes | None, to_unicode: bool,
        layer: str) -> None:
    monkeypatch.setenv("JIXIAO_CACHE_DIR", str(tmp_path / "cache"))
    path = image_pdf(tmp_path / "扫描.pdf", scan_image(), text, to_unicode)
    with pdfium.PdfDocument(str(path)) as pdf:
        assert pdf[0].get_textpage().get_text_range() == layer
    with no_network():
        document = read_pdf_document(path)
    assert document.text == "一、部门基本情况\n基本支出113.94万元。\n"
    assert [block.place.page for block in document.blocks] == [1, 1]
    [cached] = (tmp_path / "cache" / "ocr").glob("*.json")
    assert json.loads(cached.read_text(encoding="utf-8"))["page"] == 0


def test_the_cycle_collector_is_paused_while_a_text_layer_is_read_and_on_for_ocr(
        pdfs: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JIXIAO_CACHE_DIR", str(tmp_path / "cache"))
    collecting: dict[str, list[bool]] = {"text layer": [], "ocr": []}
    read_text_page = pdf_reader.text_page

    def text_page(*args: Any) -> Any:
        collecting["text layer"].append(gc.isenabled())
        return read_text_page(*args)

    def ocr_image(image: Image.Image) -> list[Any]:
        collecting["ocr"].append(gc.isenabled())
        return []

    monkeypatch.setattr(pdf_reader, "text_page", text_page)
    monkeypatch.setattr(pdf_reader, "ocr_image", ocr_image)
    read_pdf_document(pdfs["plain"])
    assert gc.isenabled()
    assert _refused(image_pdf(tmp_path / "扫描.pdf", scan_image(), None)).english.startswith("no text")
    assert gc.isenabled()
    monkeypatch.setenv("JIXIAO_CACHE_DIR", str(tmp_path / "cache 2"))  # the same page, read again
    with cycles_uncollected():  # read inside an audit, which pauses it too: OCR still collects
        _refused(image_pdf(tmp_path / "扫描2.pdf", scan_image(), None))
    assert gc.isenabled()
    assert collecting["text layer"] and not any(collecting["text layer"])
    assert collecting["ocr"] == [True, True]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=4096))
def test_random_bytes_are_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "随机.pdf"
    path.write_bytes(data)
    with pytest.raises(InputError):
        read_pdf_document(path)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cuts=st.lists(st.tuples(st.integers(0, 10_000_000), st.integers(1, 64), st.binary(max_size=16)),
                     min_size=1, max_size=4))
def test_damaged_real_pdfs_give_a_document_or_an_input_error(
        pdfs: dict[str, Path], tmp_path: Path, cuts: list[tuple[int, int, bytes]]) -> None:
    data = bytearray(pdfs["plain"].read_bytes())
    for start, length, replacement in cuts:
        start %= len(data)
        data[start:start + length] = replacement
    path = tmp_path / "损坏.pdf"
    path.write_bytes(bytes(data))
    try:
        document = read_pdf_document(path)
    except InputError as error:
        assert error.message
    else:
        for paragraph in document.paragraphs:
            assert document.text[paragraph.place.start:paragraph.place.end] == paragraph.text


def test_the_font_of_the_fixtures_is_installed() -> None:
    """The fixtures' Word documents name a font that LibreOffice must find, or the PDF
    changes layout."""
    assert FONT in _installed_fonts()


def _installed_fonts() -> set[str]:
    import subprocess

    output = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=True).stdout
    return {name.strip() for line in output.splitlines() for name in line.split(",")}
