"""Outputs that cannot be written, and names that are not plain text, are located Chinese errors
and escapes on every command: no traceback, no 0-byte file, no forged line or YAML key."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from jixiao.cli import app

EXAMPLE = Path(__file__).parents[2] / "examples" / "dongting-2023.yaml"
REPORT = "项目支出预算100万元，实际支出50万元，执行率60%。\n"
NO_FOLDER = "无法写出文件：路径不存在，或其所在的文件系统不允许新建文件"
runner = CliRunner()


def gbk(folder: Path, stem: str, suffix: str) -> Path:
    """A path whose name is GBK bytes (啊, b'\\xb0\\xa1'), as a Windows zip unpacks it."""
    return Path(os.fsdecode(os.fsencode(folder) + b"/" + stem.encode() + b"\xb0\xa1" + suffix.encode()))


def report(tmp_path: Path) -> Path:
    path = tmp_path / "报告.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


@pytest.mark.parametrize(("command", "target"), [
    (["new"], "/proc/x.xlsx"),
    (["schema"], "/proc/x.json"),
    (["check", str(EXAMPLE)], "/proc/x.txt"),
    (["render", str(EXAMPLE)], "/proc/x.docx"),
    (["render", str(EXAMPLE)], "/proc/x.html"),
    (["render", str(EXAMPLE)], "/proc/x.xlsx"),
    (["import", "REPORT"], "/proc/x.yaml"),
])
def test_an_output_where_no_file_can_be_made_is_a_located_error(tmp_path: Path, command: list[str],
                                                                 target: str) -> None:
    args = [str(report(tmp_path)) if arg == "REPORT" else arg for arg in command]
    result = runner.invoke(app, [*args, "-o", target])
    assert (result.exit_code, result.stderr) == (2, f"错误：{target}: {NO_FOLDER}\n")
    assert "Traceback" not in result.output


def test_an_output_the_user_may_not_write_is_a_located_error() -> None:
    result = runner.invoke(app, ["schema", "-o", "/sys/x.json"])
    assert (result.exit_code, result.stderr) == (2, "错误：/sys/x.json: 无法写出文件：没有权限\n")


def test_an_output_name_too_long_is_a_located_error(tmp_path: Path) -> None:
    target = tmp_path / ("长" * 100 + ".xlsx")
    result = runner.invoke(app, ["new", "-o", str(target)])
    assert (result.exit_code, result.stderr) == (2, f"错误：{target}: 无法写出文件：文件名过长\n")


def test_names_not_in_utf_8_are_shown_by_their_bytes_on_every_command(tmp_path: Path) -> None:
    data = gbk(tmp_path, "d", ".yaml")
    data.write_bytes(EXAMPLE.read_bytes())
    text = gbk(tmp_path, "r", ".txt")
    text.write_text(REPORT, encoding="utf-8")
    shown = f"{tmp_path}/{{}}\\xb0\\xa1{{}}"
    outputs = {
        "check": (["check", str(data), "--format", "json", "-o", str(gbk(tmp_path, "a", ".json"))],
                  f"已写出校验结果：{shown.format('a', '.json')}\n", 1),
        "new": (["new", "-o", str(gbk(tmp_path, "n", ".xlsx"))],
                f"已写出空白填报工作簿：{shown.format('n', '.xlsx')}\n", 0),
        "schema": (["schema", "-o", str(gbk(tmp_path, "s", ".json"))],
                   f"已写出 JSON Schema：{shown.format('s', '.json')}\n", 0),
        "render": (["render", str(data), "-o", str(gbk(tmp_path, "x", ".html"))],
                   f"已写出：{shown.format('x', '.html')}（模板 yueyanglou-2024，10 条警告）\n", 0),
        "import": (["import", str(text), "-o", str(gbk(tmp_path, "i", ".yaml"))],
                   f"已写出自评数据：{shown.format('i', '.yaml')}（报告模板：未识别）\n", 0),
    }
    for command, (args, said, code) in outputs.items():
        result = runner.invoke(app, args)
        assert result.exit_code == code, (command, result.output)
        assert said in result.output, (command, result.output)
        written = Path(args[-1])
        assert written.stat().st_size > 0, command
    checked = json.loads(gbk(tmp_path, "a", ".json").read_text(encoding="utf-8"))
    assert checked["file"] == shown.format("d", ".yaml")
    imported = gbk(tmp_path, "i", ".yaml").read_text(encoding="utf-8")
    assert imported.startswith("# 由 jixiao import 从 r\\xb0\\xa1.txt 读出（报告模板：未识别）。\n")
    html = runner.invoke(app, ["check", "--format", "html", str(text)]).stdout
    assert f"<h2>{shown.format('r', '.txt')}</h2>" in html
    missing = runner.invoke(app, ["score", str(gbk(tmp_path, "m", ".yaml"))])
    assert (missing.exit_code, missing.stderr) == (2, f"错误：{shown.format('m', '.yaml')}: 文件不存在\n")
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith(".")) == []


def test_a_line_break_in_a_name_forges_no_yaml_key_and_no_line(tmp_path: Path) -> None:
    path = tmp_path / "r\nyear: 1999\nx.txt"
    path.write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out.yaml"
    assert runner.invoke(app, ["import", str(path), "-o", str(out)]).exit_code == 0
    written = out.read_text(encoding="utf-8")
    assert written.splitlines()[0] == "# 由 jixiao import 从 r\\nyear: 1999\\nx.txt 读出（报告模板：未识别）。"
    assert "year" not in yaml.safe_load(written)
    assert runner.invoke(app, ["import", str(path)]).stdout == written
    missing = runner.invoke(app, ["check", str(tmp_path / "nope\n/etc/passwd:1: JX-FAKE.txt")])
    assert missing.stdout == f"{tmp_path}/nope\\n/etc/passwd:1: JX-FAKE.txt: 文件不存在\n"
    scored = runner.invoke(app, ["score", str(path)])
    assert scored.stderr == (f"错误：{tmp_path}/r\\nyear: 1999\\nx.txt: 无法识别的文件类型“.txt”："
                             "请使用 .yaml、.yml、.json 或 .xlsx\n")
