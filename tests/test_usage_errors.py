"""The command line speaks Chinese when it is used wrongly: the usage line, the error and where
to look, with exit code 2."""

from __future__ import annotations

import re

import pytest
import typer.main
from typer._click.core import Command
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


@pytest.mark.parametrize("args", [["check"], ["check", "--format"], ["check", "a.txt", "--jobs"]])
def test_the_usage_line_and_where_to_look(args: list[str]) -> None:
    head, _ = _usage_error(args)
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


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["template"], "没有命令 template（是否要用：templates；可用的有：new、score、check、import、rules、schema、"
                       "profiles、render、serve、worker、templates）"),
        (["templates", "nosuch"], "没有命令 nosuch（可用的有：list、show）"),
        (["templates", "show"], "缺少参数 TEMPLATE"),
        (["templates", "show", "a", "b"], "多余的参数：b"),
        (["templates", "list", "--bogus"], "没有选项 --bogus"),
    ],
)
def test_a_usage_error_of_a_group_s_command_is_told_in_chinese(args: list[str], message: str) -> None:
    head, said = _usage_error(args)
    assert said == message
    assert not CLICK_WORDS.search(" ".join(head))


def test_the_usage_line_of_a_group_s_command() -> None:
    head, _ = _usage_error(["templates", "show"])
    assert head == ["用法：jixiao templates show [选项] TEMPLATE", "运行 jixiao templates show --help 查看用法。"]


def _panels(output: str) -> list[str]:
    """The help's lines without the panels' borders and padding."""
    return [re.sub(r"^[│ ]+|[│ ]+$", "", line) for line in output.splitlines() if line.strip(" │╭╰─")
            or line.startswith(("╭", "╰"))]


def test_a_group_run_without_its_command_shows_its_help_in_chinese() -> None:
    result = runner.invoke(app, ["templates"])
    assert [line for line in _panels(result.output) if line] == [
        "用法：jixiao templates [选项] 命令 [参数]...",
        "报告模板：列出模板，查看模板的章节、附件和可用变量。",
        "╭─ 选项 " + "─" * 191 + "╮",
        "--help        <是/否>  显示本帮助并退出。",
        "╰" + "─" * 198 + "╯",
        "╭─ 命令 " + "─" * 191 + "╮",
        "list  列出内置报告模板。",
        "show  显示模板的章节、附件和 Word 模板可用的变量；对 .docx 路径，列出其使用的变量并标出未知变量。",
        "╰" + "─" * 198 + "╯",
    ]


def test_a_group_s_command_gives_its_help_in_chinese() -> None:
    result = runner.invoke(app, ["templates", "show", "--help"])
    assert result.exit_code == 0
    lines = [line for line in _panels(result.output) if line and not line.startswith(("╭", "╰"))]
    assert lines == [
        "用法：jixiao templates show [选项] TEMPLATE",
        "显示模板的章节、附件和 Word 模板可用的变量；对 .docx 路径，列出其使用的变量并标出未知变量。",
        "*    template      <文本>  模板名，或自备 Word 模板（.docx）的路径。 [必填]",
        "--help        <是/否>  显示本帮助并退出。",
    ]


CLICK_WORDS = re.compile(
    r"\b(?:Usage|Options?|Commands?|Arguments?|Show|message|exit|Error|Missing|required|default|Try|such|Did|"
    r"mean|Invalid|bool|str|int|float|path|list\[|range|Aborted|unexpected|extra|argument|option|command|value|"
    r"choose|requires?)\b")
"""The English words click and typer write of their own (their messages, panels and type names)."""


def _commands(command: Command, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Command]]:
    found = [(path, command)]
    for name, sub in getattr(command, "commands", {}).items():
        found += _commands(sub, (*path, name))
    return found


EVERY_COMMAND = _commands(typer.main.get_command(app))
"""Every command and group of `jixiao`, by the words that run it."""


@pytest.mark.parametrize(("path", "command"), EVERY_COMMAND, ids=[" ".join(path) or "jixiao" for path, _ in EVERY_COMMAND])
def test_every_command_speaks_chinese_in_its_help_and_without_its_arguments(path: tuple[str, ...],
                                                                            command: Command) -> None:
    """--help, and a run without arguments where that is a mistake (a group, or a command with a
    required argument or option), show no word of click's own."""
    runs = [[*path, "--help"]]
    if hasattr(command, "commands") or any(param.required for param in command.params):
        runs.append(list(path))
    for args in runs:
        result = runner.invoke(app, args)
        assert "用法：jixiao" in result.output, args
        assert not CLICK_WORDS.search(result.output), (args, result.output)
