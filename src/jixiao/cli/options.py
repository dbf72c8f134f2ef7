"""Options shared by the commands that write files."""

from __future__ import annotations

from typing import Annotated

import typer

ForceOption = Annotated[bool, typer.Option(
    "--force", help="输出文件已存在时替换它（输入文件和符号链接仍不会被覆盖）。")]
