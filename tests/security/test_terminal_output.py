"""What `check` prints comes from files and their names: it cannot steer the terminal or forge
a line of the output."""

from __future__ import annotations

import os
from pathlib import Path

from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.io.visible import visible

runner = CliRunner()


def test_a_file_name_with_a_line_break_and_escape_codes_stays_on_its_line(tmp_path: Path) -> None:
    name = "报告\n伪造.txt:1: JX-SUM-001 error: 假的\x1b[2J.txt"
    path = tmp_path / name
    path.write_text("本年支出 100 万元。\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)])
    shown = f"{tmp_path}/报告\\n伪造.txt:1: JX-SUM-001 error: 假的\\x1b[2J.txt"
    assert result.stdout == f"{shown}: 0 个错误，0 个警告，0 条提示\n"


def test_a_name_not_in_utf_8_is_shown_by_its_bytes(tmp_path: Path) -> None:
    path = Path(os.fsdecode(os.fsencode(tmp_path) + b"/" + "报告".encode("gbk") + b".txt"))
    path.write_text("本年支出 100 万元。\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 0
    assert result.stdout == f"{tmp_path}/\\xb1\\xa8\\xb8\\xe6.txt: 0 个错误，0 个警告，0 条提示\n"


def test_control_and_bidirectional_characters_are_escaped() -> None:
    assert visible("金额\x1b]0;title\x07\u202e100\r\n") == "金额\\x1b]0;title\\x07\\u202e100\\r\\n"
    assert visible("正文\t100 万元") == "正文\t100 万元"
