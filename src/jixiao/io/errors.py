"""Program-level errors of reading input files: one class, Chinese message built with its place.

One :class:`InputError` may carry several problems (every validation error of a file at once,
so the user fixes them in one pass). Each problem is printed ``file:place: message`` on its own
line, where *place* is the YAML line number, the workbook ``sheet!cell`` or the field path.
"""

from __future__ import annotations

import errno
from collections.abc import Sequence
from dataclasses import dataclass

from jixiao.findings import Place
from jixiao.io.visible import visible


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in an input file: a Chinese message (without its place) and the place."""

    message: str
    place: Place

    def located(self) -> str:
        """``42: message``, ``附件2!G14: message`` or the bare message when the place is unknown."""
        where = place_text(self.place)
        return f"{where}: {self.message}" if where else self.message


def place_text(place: Place) -> str:
    """The place as an editor or a spreadsheet user looks for it."""
    if place.line is not None:
        return str(place.line)
    if place.sheet and place.cell:
        return f"{place.sheet}!{place.cell}"
    return place.sheet or place.path or ""


def with_path(place: Place, path: str) -> Place:
    """The same location in the source, for another field path (a field without a place of
    its own is reported where its record or list item is)."""
    return Place(path=path, sheet=place.sheet, cell=place.cell, line=place.line, col=place.col)


def os_reason(error: OSError) -> str:
    """Why the system refused to read or write a file, in Chinese (never the English
    ``strerror``)."""
    return _OS_REASONS.get(error.errno or 0, f"系统错误（errno {error.errno}）")


_OS_REASONS = {
    errno.ENOENT: "路径不存在，或其所在的文件系统不允许新建文件",
    errno.EACCES: "没有权限",
    errno.EPERM: "操作不被允许",
    errno.EROFS: "文件系统只读",
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "超出磁盘配额",
    errno.EFBIG: "文件过大",
    errno.ENAMETOOLONG: "文件名过长",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
    errno.EISDIR: "是一个文件夹",
    errno.EIO: "读写设备出错",
    errno.EINVAL: "文件名或路径无效",
    errno.EXDEV: "不能跨文件系统移动文件",
    errno.ELOOP: "符号链接层数过多",
    errno.EBUSY: "文件正被占用",
    errno.ETXTBSY: "文件正被占用",
}


class InputError(Exception):
    """A file cannot be read as an evaluation.

    ``message`` says what is wrong in Chinese, for the end user (for several problems: one
    located problem per line); ``place`` says where the first problem is (sheet and cell, or
    line, and the field path when known); ``problems`` lists them all; ``english`` is a short
    English gloss for logs and the JSON error object.
    """

    def __init__(self, message: str, *, file: str | None = None, place: Place | None = None,
                 english: str = "") -> None:
        self.message = message
        self.file = file
        self.place = place or Place()
        self.english = english
        self.problems: tuple[Problem, ...] = (Problem(message, self.place),)
        super().__init__(self.describe())

    @classmethod
    def of(cls, problems: Sequence[Problem], *, file: str | None, english: str) -> InputError:
        """One error for all problems of a file (at least one)."""
        if len(problems) == 1:
            return cls(problems[0].message, file=file, place=problems[0].place, english=english)
        error = cls("\n".join(problem.located() for problem in problems), file=file,
                    place=problems[0].place, english=english)
        error.problems = tuple(problems)
        error.args = (error.describe(),)
        return error

    def describe(self) -> str:
        """Every problem as ``file:place: message``, one per line."""
        return "\n".join(self._line(problem) for problem in self.problems)

    def _line(self, problem: Problem) -> str:
        file = visible(self.file) if self.file else None  # a name with a line break forges no line
        prefix = ":".join(part for part in (file, place_text(problem.place)) if part)
        return f"{prefix}: {problem.message}" if prefix else problem.message
