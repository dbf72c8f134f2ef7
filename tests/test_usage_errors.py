"""The command line speaks Chinese when it is used wrongly: the usage line, the error and where
to look, with exit code 2."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from jixiao.cli import app

runner = CliRunner(env={"COLUMNS": "200"})


def _usage_error(args: list[str]) -> tuple[list[str], str]:
    """The lines before the error panel, and the panel's message."""
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    lines = result.output.splitlines()
    panel = [re.sub(r"^│ | +│$", "", line) for line in lines if line.startswith("│")]
    head = [line for line in lines if line and not line.startswith(("│", "╭", "╰"))]
    return head, "".join(part.strip() for part in panel)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check"], "缺少参数 FILES"),
        (["check", "--format", "bogus", "a.txt"], "选项 --format 的值有误：“bogus”不是可选值（可选：text、json、html）"),
        (["check", "--jobs", "x", "a.txt"], "选项 --jobs / -j 的值有误：应为整数"),
        (["check", "--jobs", "0", "a.txt"], "选项 --jobs / -j 的值有误：应不小于 1"),
        (["check", "--jobs"], "选项 --jobs 后缺少取值"),
        (["check", "--bogus", "a.txt"], "没有选项 --bogus（是否要用：--jobs）"),
        (["rules", "--bogus"], "没有选项 --bogus"),
        (["score", "a.yaml", "b.yaml", "c.yaml"], "多余的参数：b.yaml c.yaml"),
        (["nosuch"], "没有命令 nosuch（可用的有：new、score、check、import、rules、schema、profiles、render、serve、worker、templates）"),
    ],
)
def test_a_usage_error_is_told_in_chinese(args: list[str], message: str) -> None:
    head, said = _usage_error(args)
    assert said == message
    assert not any(word in " ".join(head) for word in ("Usage", "Try", "Error", "OPTIONS"))


def test_the_usage_line_and_where_to_look() -> None:
    head, _ = _usage_error(["check"])
    assert head == ["用法：jixiao check [选项] FILES...", "运行 jixiao check --help 查看用法。"]


def test_help_is_chinese() -> None:
    result = runner.invoke(app, ["check", "--help"])
    assert result.exit_code == 0
    assert "用法：jixiao check [选项] FILES..." in result.output
    assert "显示本帮助并退出。" in result.output
    for title in ("─ 参数 ─", "─ 选项 ─"):
        assert title in result.output
    for english in ("Usage", "Options", "Arguments", "Show this message"):
        assert english not in result.output
