"""Nothing is fetched from the network: not by LibreOffice reading a .doc or .xls, not while a
report with a linked image is turned into PDF."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from loopback import PNG, listener
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.documents import office_convert
from jixiao.documents.legacy_reader import OLE2
from jixiao.documents.office_convert import convert_with_libreoffice

EXAMPLE = Path(__file__).parents[2] / "examples" / "dongting-2023.yaml"
runner = CliRunner()
needs_libreoffice = pytest.mark.skipif(not __import__("shutil").which("soffice"), reason="LibreOffice missing")


@pytest.mark.parametrize(("name", "body"), [
    ("a.doc", '<html><body><p>正文</p><img src="{url}/img.png"><link rel="stylesheet" href="{url}/s.css"></body></html>'),
    ("b.xls", '<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table><Row><Cell><Data ss:Type="String">x</Data></Cell></Row></Table></Worksheet></Workbook>'),
    ("c.doc", '{{\\rtf1 {{\\field{{\\*\\fldinst INCLUDEPICTURE "{url}/rtf.png" \\\\d}}}} 正文}}'),
])
def test_a_legacy_name_on_html_xml_or_rtf_is_refused_unread(tmp_path: Path, name: str, body: str) -> None:
    with listener() as (url, requested):
        path = tmp_path / name
        path.write_text(body.format(url=url), encoding="utf-8")
        result = runner.invoke(app, ["check", str(path)])
    kind = "Word 97-2003 文档（.doc）" if name.endswith(".doc") else "Excel 97-2003 工作簿（.xls）"
    assert result.exit_code == 2
    assert result.stdout + result.stderr == (
        f"{path}: 不是有效的 {kind}文件：只读取 97-2003 二进制（OLE2）格式；"
        "网页、XML 或 RTF 文件请在 Word 或 Excel 中另存为 .docx 或 .xlsx 后再读取\n")
    assert requested == []


def linked_image_template(path: Path, url: str) -> Path:
    """A Word template whose picture is an external link (r:link), as Word's “链接到文件” saves it."""
    document = docx.Document()
    document.add_paragraph("{{ title }}")
    document.add_paragraph().add_run().add_picture(io.BytesIO(PNG))
    document.save(str(path))
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    rels = members["word/_rels/document.xml.rels"].decode()
    members["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>",
        f'<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"'
        f' Target="{url}/linked.png" TargetMode="External"/></Relationships>').encode()
    body = members["word/document.xml"].decode()
    members["word/document.xml"] = re.sub(r'r:embed="[^"]*"', 'r:link="rIdX"', body, count=1).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@needs_libreoffice
def test_a_template_with_a_linked_image_renders_to_pdf_without_fetching(tmp_path: Path) -> None:
    with listener() as (url, requested):
        template = linked_image_template(tmp_path / "linked.docx", url)
        out = tmp_path / "报告.pdf"
        result = runner.invoke(app, ["render", str(EXAMPLE), "-o", str(out), "--template", str(template)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")
    assert requested == []


@pytest.fixture(scope="module")
def linked_doc(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[str]]]:
    """A real Word 97-2003 file whose picture is a link to the listener (made by LibreOffice,
    without fetching), and the listener's record."""
    folder = tmp_path_factory.mktemp("linked")
    with listener() as (url, requested):
        page = folder / "page.html"
        page.write_text(f'<html><body><p>本年支出 100 万元。</p><img src="{url}/linked.png"></body></html>',
                        encoding="utf-8")
        made = convert_with_libreoffice(page, "doc:MS Word 97", folder / "doc", timeout=120)
        assert made.read_bytes().startswith(OLE2)
        yield made, requested


@needs_libreoffice
@pytest.mark.parametrize("namespace", [True, False], ids=["no-network-namespace", "hardened-profile-alone"])
def test_a_binary_doc_with_a_linked_picture_is_read_without_fetching(
        linked_doc: tuple[Path, list[str]], namespace: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    path, requested = linked_doc
    if not namespace:
        monkeypatch.setattr(office_convert, "no_network_prefix", lambda: ())
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 0, result.output
    assert requested == []
