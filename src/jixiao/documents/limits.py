"""The checks every reader makes before it opens a file: it exists, is not empty, and is not
larger than the reader's limit."""

from __future__ import annotations

from pathlib import Path

from jixiao.io.errors import InputError

MB = 1024 * 1024


def checked_size(path: Path, limit: int) -> int:
    """The size of the file at ``path``; :class:`InputError` if it is missing, empty or larger
    than ``limit`` bytes."""
    file = str(path)
    if not path.is_file():
        raise InputError("文件不存在", file=file, english="file not found")
    size = path.stat().st_size
    if size == 0:
        raise InputError("文件为空", file=file, english="empty file")
    if size > limit:
        raise InputError(f"文件有 {size // MB} MB，超过 {limit // MB} MB 的上限，拒绝读取", file=file,
                         english=f"file above {limit // MB} MB")
    return size
