"""The fonts jixiao renders with: Noto CJK, found through fontconfig, and the alias file.

``fonts.conf`` (next to this module) includes the system configuration and maps the fonts
Chinese templates name (宋体, 仿宋_GB2312, 黑体, 微软雅黑 …) to Noto Serif / Sans CJK SC, so a
document renders without missing glyphs (豆腐块) on a machine without Windows fonts. It is
used through the ``FONTCONFIG_FILE`` variable of the process that renders.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

SANS = "Noto Sans CJK SC"
SERIF = "Noto Serif CJK SC"


class FontMissingError(RuntimeError):
    """A font jixiao needs is not installed (fontconfig falls back to another family)."""

    def __init__(self, family: str, found: str) -> None:
        self.family = family
        super().__init__(f"找不到字体“{family}”（系统给出的是“{found or '无'}”）："
                         "请安装 Noto CJK 字体（Debian：fonts-noto-cjk；scripts/setup.sh 会安装）")


@dataclass(frozen=True, slots=True)
class FontFile:
    """A font face: the file and the face's index in it (a .ttc holds several)."""

    path: Path
    index: int


def fonts_conf() -> Path:
    """The alias file, to be set as ``FONTCONFIG_FILE`` for LibreOffice."""
    return Path(str(resources.files("jixiao.render.fonts") / "fonts.conf"))


@cache
def font_file(family: str, *, bold: bool = False) -> FontFile:
    """The file of ``family`` as fontconfig matches it; :class:`FontMissingError` when fontconfig
    would substitute another family."""
    pattern = f"{family}:bold" if bold else family
    try:
        done = subprocess.run(["fc-match", "-f", "%{file}\t%{index}\t%{family}", pattern],
                              capture_output=True, text=True, timeout=30, check=True)
    except (OSError, subprocess.SubprocessError):
        raise FontMissingError(family, "") from None
    path, index, families = [*done.stdout.split("\t"), "", "", ""][:3]
    if family not in families.split(","):
        raise FontMissingError(family, families)
    return FontFile(Path(path), int(index or 0))
