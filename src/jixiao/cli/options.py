"""What the commands share: options, and how a bad input ends a command.

Kept light (typer only): `jixiao --help` imports this and nothing heavier.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer

ForceOption = Annotated[bool, typer.Option(
    "--force", help="输出文件已存在时替换它（输入文件和符号链接仍不会被覆盖）。")]

ProgressOption = Annotated[bool | None, typer.Option(
    "--progress/--no-progress",
    help="在标准错误上显示进度条（PDF 的页数，含 OCR 识别；默认：在终端时显示）。")]


def fail(message: str) -> typer.Exit:
    """Print ``错误：message`` on stderr and return the exit (code 2) to raise."""
    from rich.console import Console
    from rich.markup import escape

    from jixiao.io.visible import visible

    # soft_wrap keeps paths whole; escaped, a “[…]” in a file name is printed, not read as markup;
    # made visible line by line, a name or a file's text cannot steer the terminal or forge a line
    shown = "\n".join(visible(line) for line in message.split("\n"))
    Console(stderr=True, highlight=False).print(f"[red]错误：[/red]{escape(shown)}", soft_wrap=True)
    return typer.Exit(2)


@contextmanager
def reported() -> Iterator[None]:
    """Turn a bad input (an unreadable file, an unknown profile or template, an output that may
    not be written) into its Chinese message and exit code 2."""
    from jixiao.io.errors import InputError
    from jixiao.profiles import ProfileError

    try:
        yield
    except InputError as error:
        raise fail(error.describe()) from None
    except ProfileError as error:
        raise fail(str(error)) from None
