"""`jixiao render` and `jixiao templates` as a user runs them."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.documents import read_document

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = str(ROOT / "examples" / "dongting-2023.yaml")
runner = CliRunner()


def test_render_docx_warns_on_stderr_and_exits_0(tmp_path: Path) -> None:
    out = tmp_path / "report.docx"
    result = runner.invoke(app, ["render", EXAMPLE, "-o", str(out)])
    assert result.exit_code == 0
    assert result.stdout == f"已写出：{out}（模板 yueyanglou-2024，10 条警告）\n"
    assert result.stderr.splitlines()[0] == "警告：预算调整说明未填写"
    assert "警告：附件2 总分：填报 99 分，按评分规则计算为 93 分（按填报值出具）" in result.stderr.splitlines()
    assert "自评得分为99分" in read_document(out).text


def test_render_html_with_another_template(tmp_path: Path) -> None:
    out = tmp_path / "projects.html"
    result = runner.invoke(app, ["render", EXAMPLE, "-o", str(out), "--template", "national-project"])
    assert result.exit_code == 0
    assert "本年度无项目支出绩效自评表。" in out.read_text("utf-8")


def test_bad_input_exits_2_with_a_chinese_message(tmp_path: Path) -> None:
    cases = [
        (["render", EXAMPLE, "-o", str(tmp_path / "x.odt")],
         f"错误：输出文件须为 .docx、.html、.pdf、.xlsx 之一：{tmp_path / 'x.odt'}\n"),
        (["render", str(tmp_path / "missing.yaml"), "-o", str(tmp_path / "x.docx")],
         f"错误：{tmp_path / 'missing.yaml'}: 文件不存在\n"),
        (["render", EXAMPLE, "-o", str(tmp_path / "x.docx"), "--template", "nowhere"],
         "错误：报告模板“nowhere”不存在（可用：dingcheng-2023、national-project、yueyang-finance-2021、yueyanglou-2024）\n"),
        (["render", EXAMPLE, "-o", str(tmp_path / "x.docx"), "--template", str(tmp_path / "none.docx")],
         f"错误：{tmp_path / 'none.docx'}: 模板文件不存在\n"),
    ]
    for arguments, message in cases:
        result = runner.invoke(app, arguments)
        assert (result.exit_code, result.stderr) == (2, message)


def test_templates_list_and_show() -> None:
    listed = runner.invoke(app, ["templates", "list"])
    assert listed.exit_code == 0
    assert [line.split("  ")[0] for line in listed.stdout.splitlines()[::2]] == [
        "dingcheng-2023", "national-project", "yueyang-finance-2021", "yueyanglou-2024"]
    assert listed.stdout.splitlines()[6] == "yueyanglou-2024  岳阳楼区单位整体支出绩效自评报告（2023-2024）"
    shown = runner.invoke(app, ["templates", "show", "yueyanglou-2024"])
    assert shown.exit_code == 0
    lines = shown.stdout.splitlines()
    assert "  六、单位整体支出绩效情况（按数据生成的数字句＋单位自述）" in lines
    assert "  七、存在的问题及原因分析（单位自述，原样保留）" in lines
    assert "  unit_name：预算单位名称" in lines
    missing = runner.invoke(app, ["templates", "show", "nowhere"])
    assert missing.exit_code == 2
