"""PDF through LibreOffice: Chinese fonts resolve to Noto CJK, parallel conversions lose nothing."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from jixiao.audit import audit_file
from jixiao.io.errors import InputError
from jixiao.io.load import load_evaluation
from jixiao.render.pdf import render_pdf, render_pdfs
from jixiao.render.report import render_report

FONT_LINES = (("宋体", "宋体：单位整体支出绩效自评报告 203.54万元"), ("黑体", "黑体：一、单位基本情况"),
              ("仿宋_GB2312", "仿宋：预算执行率 100%"), ("微软雅黑", "微软雅黑：总分 99"))


def write_docx(path: Path, lines: tuple[tuple[str, str], ...]) -> Path:
    """A Word file whose runs name their fonts as Chinese templates do (eastAsia included)."""
    document = Document()
    for font, text in lines:
        run = document.add_paragraph().add_run(text)
        run.font.name = font
        run.font.size = Pt(14)
        run._element.rPr.rFonts.set(qn("w:eastAsia"), font)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def pdf_text(path: Path) -> str:
    """The PDF's text without white space (pdftotext spaces digits off from Chinese)."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return "".join(text.split())


def pdf_fonts(path: Path) -> list[str]:
    """The embedded font names ``pdffonts`` lists, without their subset prefix."""
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return sorted({line.split()[0].split("+", 1)[-1] for line in lines.splitlines()[2:] if line.strip()})


def test_chinese_template_fonts_render_in_noto_cjk(tmp_path: Path) -> None:
    source = write_docx(tmp_path / "字体.docx", FONT_LINES)
    out = render_pdf(source, tmp_path / "输出" / "字体.pdf")
    assert out == tmp_path / "输出" / "字体.pdf"
    fonts = pdf_fonts(out)
    # 宋体 and 仿宋 are serif faces, 黑体 and 微软雅黑 sans; nothing falls back to a Latin-only font.
    assert any(name.startswith("NotoSerifCJK") for name in fonts), fonts
    assert any(name.startswith("NotoSansCJK") for name in fonts), fonts
    assert all(name.startswith(("NotoSerifCJK", "NotoSansCJK")) for name in fonts), fonts
    text = pdf_text(out)
    for _, line in FONT_LINES:
        assert "".join(line.split()) in text
    assert list(out.parent.iterdir()) == [out]  # the scratch directory is gone


def test_parallel_conversions_keep_every_file_and_name_the_failure(tmp_path: Path) -> None:
    sources = [write_docx(tmp_path / f"单位{i}" / "报告.docx", (("宋体", f"标记 JX-{i:02d} 第{i}份报告"),))
               for i in range(6)]  # one file name in six folders: outputs must not collide
    broken = tmp_path / "损坏.docx"
    broken.write_bytes(sources[0].read_bytes()[:3000])
    pairs = [(source, tmp_path / "pdf" / f"{i}.pdf") for i, source in enumerate(sources)]
    pairs.insert(3, (broken, tmp_path / "pdf" / "损坏.pdf"))

    results = render_pdfs(pairs, jobs=3)

    failure = results.pop(3)
    assert isinstance(failure, InputError)
    assert failure.file == str(broken)
    assert str(failure) == f"{broken}: LibreOffice 未能将文件转换为 pdf 格式（文件可能已损坏或格式不符）"
    assert results == [tmp_path / "pdf" / f"{i}.pdf" for i in range(6)]
    for i, result in enumerate(results):
        assert isinstance(result, Path)
        assert f"标记JX-{i:02d}第{i}份报告" in pdf_text(result)
    assert sorted(path.name for path in (tmp_path / "pdf").iterdir()) == [f"{i}.pdf" for i in range(6)]


def test_a_missing_source_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "报告.docx"
    with pytest.raises(InputError) as caught:
        render_pdf(missing, tmp_path / "报告.pdf")
    assert str(caught.value) == f"{missing}: 文件不存在"
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_target_is_named(tmp_path: Path) -> None:
    source = write_docx(tmp_path / "报告.docx", (("宋体", "正文"),))
    blocker = tmp_path / "文件"
    blocker.write_text("不是目录")
    with pytest.raises(InputError) as caught:
        render_pdf(source, blocker / "报告.pdf")
    assert str(caught.value).startswith(f"{source}: 无法写出 PDF 文件“{blocker / '报告.pdf'}”：")


def test_no_pairs_no_work() -> None:
    assert render_pdfs([]) == []


def test_the_rendered_reports_pdf_gives_the_findings_of_its_word_file(tmp_path: Path) -> None:
    """附件1 included: drawn against the 楼堂馆所 table below it, its grid in the PDF has columns
    of that table's, and its amounts are read under its own header's columns."""
    example = Path(__file__).resolve().parents[2] / "examples" / "dongting-2023.yaml"
    word = render_report(load_evaluation(example).evaluation, tmp_path / "报告.docx").path
    pdf = render_pdf(word, tmp_path / "报告.pdf")

    def relations(path: Path) -> set[tuple[str, str | None, str | None]]:
        return {(f.code, f.stated, f.expected) for f in audit_file(path).findings if f.stated is not None}

    controls = {relation for relation in relations(pdf) if relation[0] == "JX-CTRL-001"}
    assert controls == {("JX-CTRL-001", "49.55", "0"), ("JX-CTRL-001", "18.47", "16.2"),
                        ("JX-CTRL-001", "15.77", "2.05")}
    assert relations(pdf) == relations(word)
