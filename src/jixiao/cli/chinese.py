"""The command line's own words in Chinese: usage errors, the usage line and the help panels.

typer (0.29) carries its own copy of click, whose messages are English f-strings with no
translation hook. So the group that `jixiao` runs as turns each usage error into its Chinese
message before typer prints it, and gives every command under it, in groups at any depth
(`jixiao templates show`), a Chinese usage line, help option and type names. Help is Chinese
wherever it is written from (``--help``, a group run without a command, an error's usage line),
because every command's context sets typer's panel words when it writes help (importing typer's
rich layer costs time a plain run does not spend, so not before).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import typer.core
from typer._click import exceptions as click_errors
from typer._click.core import Context
from typer._click.formatting import HelpFormatter

HELP_TEXT = "显示本帮助并退出。"

_PANEL_WORDS = {
    "ARGUMENTS_PANEL_TITLE": "参数",
    "OPTIONS_PANEL_TITLE": "选项",
    "COMMANDS_PANEL_TITLE": "命令",
    "ERRORS_PANEL_TITLE": "错误",
    "ABORTED_TEXT": "已中止。",
    "RICH_HELP": "运行 [blue]{command_path} {help_option}[/] 查看用法。",
    "DEFAULT_STRING": "[默认：{}]",
    "ENVVAR_STRING": "[环境变量：{}]",
    "REQUIRED_LONG_STRING": "[必填]",
    "DEPRECATED_STRING": "（已弃用）",
}

# The English value messages typer gives (from its own checks or pydantic's), in Chinese.
_VALUE_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), chinese)
    for pattern, chinese in (
        (
            r"^(?:Value error, )?'(?P<value>.*)' is not one of (?P<choices>.*)\.$",
            "“{value}”不是可选值（可选：{choices}）",
        ),
        (r"^Input should be a valid integer", "应为整数"),
        (r"^Input should be a valid number", "应为数字"),
        (r"^Input should be a valid boolean", "应为是或否"),
        (r"^Input should be greater than or equal to (?P<bound>\S+)$", "应不小于 {bound}"),
        (r"^Input should be greater than (?P<bound>\S+)$", "应大于 {bound}"),
        (r"^Input should be less than or equal to (?P<bound>\S+)$", "应不大于 {bound}"),
        (r"^Input should be less than (?P<bound>\S+)$", "应小于 {bound}"),
        (r"^(?:File|Directory|Path) '(?P<value>.*)' does not exist\.$", "{value} 不存在"),
        (r"^(?:File|Directory|Path) (?P<value>.*) is a file\.$", "{value} 是文件，应为文件夹"),
        (r"^(?:File|Directory|Path) (?P<value>.*) is a directory\.$", "{value} 是文件夹，应为文件"),
        (r"^(?:File|Directory|Path) (?P<value>.*) is not readable\.$", "{value} 不可读"),
        (r"^(?:File|Directory|Path) (?P<value>.*) is not writable\.$", "{value} 不可写"),
    )
)


class ChineseUsageError(click_errors.UsageError):
    """A usage error whose message is already Chinese."""

    def format_message(self) -> str:
        return self.message


class ChineseHelpFormatter(HelpFormatter):
    """Writes the usage line as ``用法：jixiao check [选项] …``."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = args.replace("[OPTIONS]", "[选项]").replace("COMMAND [ARGS]", "命令 [参数]")
        args = re.sub(r"\{(\w+)\}", lambda name: name[1].upper(), args)  # typer shows a list as {files}
        super().write_usage(prog, args, "用法：" if prefix is None else prefix)


class ChineseContext(Context):
    formatter_class = ChineseHelpFormatter

    def get_help(self) -> str:
        use_chinese_panels()
        return super().get_help()


class ChineseGroup(typer.core.TyperGroup):
    """The `jixiao` group: speaks Chinese for itself and for its commands."""

    context_class = ChineseContext

    def make_context(self, info_name: str | None, args: list[str], parent: Context | None = None,
                     **extra: Any) -> Context:
        for command in _every_command(self):
            _speak_chinese(command)
        with _in_chinese():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: Context) -> Any:
        with _in_chinese():
            return super().invoke(ctx)


def _every_command(command: Any) -> Iterator[Any]:
    """``command`` and every command under it, through groups at any depth."""
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from _every_command(sub)


def _speak_chinese(command: Any) -> None:
    if getattr(command, "speaks_chinese", False):
        return
    command.speaks_chinese = True
    command.context_class = ChineseContext
    command.parse_args = _with_context(command.parse_args)
    help_option = command.get_help_option(ChineseContext(command))
    if help_option is not None:
        help_option.help = HELP_TEXT
    for param in (*command.params, *((help_option,) if help_option is not None else ())):
        if hasattr(param, "display_type_rich"):
            param.display_type_rich = _types_in_chinese(param.display_type_rich)
        if hasattr(param, "_get_number_range_help_str"):
            param._get_number_range_help_str = _range_in_chinese(param._get_number_range_help_str)


ArgumentParser = Callable[[Context, list[str]], list[str]]


def _with_context(parse_args: ArgumentParser) -> ArgumentParser:
    """``parse_args`` giving its context to the usage errors it raises without one: click's
    parser raises “option requires an argument” context-less, and the usage line above the
    error is printed from the context."""
    def parse(ctx: Context, args: list[str]) -> list[str]:
        try:
            return parse_args(ctx, args)
        except click_errors.UsageError as error:
            if error.ctx is None:
                error.ctx = ctx
            raise

    return parse


_TYPE_WORDS = {"str": "文本", "bool": "是/否", "int": "整数", "float": "数", "Path": "路径", "path": "路径",
               "file": "文件", "dir": "文件夹", "directory": "文件夹", "datetime": "日期时间",
               "int range": "整数", "float range": "数", "UUID": "UUID"}
"""typer's type names in help (“<str>”, “<int range>”, “<list[Path]>”), in Chinese."""
_LIST_TYPE = re.compile(r"list\[(?P<item>.*)\]")


def _type_in_chinese(label: str) -> str:
    if found := _LIST_TYPE.fullmatch(label):
        return f"{_type_in_chinese(found['item'])}…"
    return _TYPE_WORDS.get(label, label)  # a list of choices is the option's own values


def _types_in_chinese(display_type: Callable[..., str | None]) -> Callable[..., str | None]:
    def in_chinese(ctx: Context) -> str | None:
        shown = display_type(ctx=ctx)
        if shown is None or not (shown.startswith("<") and shown.endswith(">")):
            return shown
        return f"<{_type_in_chinese(shown[1:-1])}>"

    return in_chinese


def _range_in_chinese(describe: Callable[[], str | None]) -> Callable[[], str | None]:
    def in_chinese() -> str | None:
        shown = describe()
        return shown and shown.replace(">=", "≥").replace("<=", "≤")

    return in_chinese


def use_chinese_panels() -> None:
    """Set typer's help and error panel words to Chinese."""
    from typer import rich_utils

    for name, words in _PANEL_WORDS.items():
        setattr(rich_utils, name, words)


@contextmanager
def _in_chinese() -> Iterator[None]:
    try:
        yield
    except ChineseUsageError:
        raise
    except click_errors.NoArgsIsHelpError:
        use_chinese_panels()
        raise
    except click_errors.UsageError as error:
        use_chinese_panels()
        raise ChineseUsageError(describe_usage_error(error), error.ctx) from None


def describe_usage_error(error: click_errors.UsageError) -> str:
    """The Chinese message of a usage error: what is wrong, naming the option or argument."""
    if isinstance(error, click_errors.MissingParameter):
        return _missing(error)
    if isinstance(error, click_errors.BadParameter):
        return f"{_hint(error)} 的值有误：{_value_message(error.message)}"
    if isinstance(error, click_errors.NoSuchOption):
        known = "、".join(sorted(error.possibilities or ()))
        return f"没有选项 {error.option_name}" + (f"（是否要用：{known}）" if known else "")
    if isinstance(error, click_errors.BadOptionUsage):
        if "does not take a value" in error.message:
            return f"选项 {error.option_name} 不接受取值"
        return f"选项 {error.option_name} 后缺少取值"
    return _other(error)


def _missing(error: click_errors.MissingParameter) -> str:
    param = error.param
    if param is None:
        return "缺少参数"
    if param.param_type_name == "argument":
        return f"缺少参数 {(param.metavar or param.name or '').strip('{}').upper()}"
    return f"缺少选项 {' / '.join(param.opts)}"


def _hint(error: click_errors.BadParameter) -> str:
    if error.param is None:
        return "参数"
    if error.param.param_type_name == "argument":
        return f"参数 {(error.param.name or '').upper()}"
    return f"选项 {' / '.join(error.param.opts)}"


def _value_message(message: str) -> str:
    for pattern, chinese in _VALUE_MESSAGES:
        if found := pattern.search(message):
            words = {key: value.replace("', '", "、").strip("'") for key, value in found.groupdict().items()}
            return chinese.format(**words)
    return message


_NO_SUCH_COMMAND = re.compile(r"No such command '(?P<name>.*?)'\.(?: Did you mean (?P<meant>.*)\?)?")
"""click's unknown command, with the suggestions typer adds (“Did you mean 'templates'?”)."""


def _other(error: click_errors.UsageError) -> str:
    message = error.message
    if found := re.fullmatch(r"Got unexpected extra arguments?(?:\(s\))? \((?P<args>.*)\)", message):
        return f"多余的参数：{found['args']}"
    if found := _NO_SUCH_COMMAND.fullmatch(message):
        commands = error.ctx.command.list_commands(error.ctx) if error.ctx else []  # type: ignore[attr-defined]
        meant = "、".join(found["meant"].replace("'", "").split(", ")) if found["meant"] else ""
        return (f"没有命令 {found['name']}（" + (f"是否要用：{meant}；" if meant else "")
                + f"可用的有：{'、'.join(commands)}）")
    if message == "Missing command.":
        return "缺少命令"
    return message
