"""`jixiao check --format html`: one self-contained page, every finding, everything escaped."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.cli.check_html import highlight

runner = CliRunner()
EXAMPLE = Path(__file__).parents[1] / "examples" / "dongting-2023.yaml"
HOSTILE = ('按支出性质分类<script>alert("x")</script>：基本支出132.81万元（人员经费114.24万元，'
           "公用经费18.47万元）。\n")


def _page(*args: str) -> str:
    result = runner.invoke(app, ["check", "--format", "html", "--jobs", "1", *args])
    assert result.exit_code in (0, 1, 2), result.output
    return result.stdout


def test_a_report_s_text_and_name_are_escaped(tmp_path: Path) -> None:
    report = tmp_path / "<b>报告.txt"
    report.write_text(HOSTILE, encoding="utf-8")
    page = _page(str(report))
    assert "<script" not in page
    assert "<b>" not in page
    assert f"<h2>{tmp_path}/&lt;b&gt;报告.txt</h2>" in page
    assert ('<div class="evidence">按支出性质分类&lt;script&gt;alert（&quot;x&quot;）&lt;/script&gt;：基本支出'
            '<mark class="stated">132.81</mark>万元（人员经费<mark class="term">114.24</mark>万元，'
            '公用经费<mark class="term">18.47</mark>万元）。</div>') in page


def test_each_finding_shows_severity_code_place_numbers_and_terms(tmp_path: Path) -> None:
    report = tmp_path / "报告.txt"
    report.write_text(HOSTILE, encoding="utf-8")
    page = _page(str(report))
    assert ('<article class="finding error">\n<div><span class="badge error">错误</span>'
            '<span class="code">JX-TEXT-001</span><span class="where">第 1 行</span></div>\n'
            '<p class="message">基本支出 132.81万元 与人员经费、公用经费之和 132.71万元 不一致（相差 0.10万元）</p>'
            ) in page
    assert '<p class="meta">文中 132.81，其余数字得出 132.71（允许 132.7000 至 132.7200）</p>' in page
    assert ("<tr><th>项目</th><th>数值</th><th>位置</th></tr>\n"
            '<tr><td>人员经费</td><td class="n">114.24</td><td>第 1 行</td></tr>\n'
            '<tr><td>公用经费</td><td class="n">18.47</td><td>第 1 行</td></tr>\n') in page


def test_the_page_is_self_contained_and_sums_up_every_file(tmp_path: Path) -> None:
    broken = tmp_path / "坏.txt"
    broken.write_bytes(b"\x00garbage")
    target = tmp_path / "结果.html"
    result = runner.invoke(app, ["check", "--format", "html", "-o", str(target), str(EXAMPLE),
                                 str(broken)])
    assert result.exit_code == 2
    page = target.read_text("utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh-CN">')
    assert page.endswith("</body>\n</html>\n")
    assert re.findall(r"<script|<link|https?://|src=", page) == []
    assert "<style>" in page
    assert '<p class="meta">共 2 个文件，1 个无法校验；4 个错误，6 个警告，2 条提示。</p>' in page
    assert (f'<tr><td><a href="#file-0">{EXAMPLE}</a></td><td class="n">4</td><td class="n">6</td>'
            '<td class="n">2</td></tr>') in page
    assert (f'<tr><td><a href="#file-1">{broken}</a></td><td colspan="3">无法校验：'
            "文件不是文本文件：含有控制字符 U+0000</td></tr>") in page
    assert page.count('<article class="finding') == 12
    assert page.count('<article class="finding error">') == 4
    assert ('<div class="failure"><span class="badge failure">无法校验</span><span class="code">JX-INPUT-001'
            f"</span>{broken}:1: 文件不是文本文件：含有控制字符 U+0000</div>") in page


def test_a_clean_report_says_so(tmp_path: Path) -> None:
    report = tmp_path / "对.txt"
    report.write_text("基本支出132.71万元（人员经费114.24万元，公用经费18.47万元）。\n", encoding="utf-8")
    assert '<p class="clean">未发现问题。</p>' in _page(str(report))


def test_a_number_inside_a_longer_one_is_not_marked() -> None:
    assert highlight("合计15.00万元，其中5.00万元", "5.00", []) == (
        '合计15.00万元，其中<mark class="stated">5.00</mark>万元')
    assert highlight("5.001 与 5.00%", "5.00", ["5.00"]) == (
        '5.001 与 <mark class="stated">5.00</mark>%')
    assert highlight("a<b 1 & 2", "2", ["1"]) == (
        'a&lt;b <mark class="term">1</mark> &amp; <mark class="stated">2</mark>')
