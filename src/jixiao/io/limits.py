"""The checks every reader and loader makes before it opens a file: it exists, is not empty, is
not larger than the reader's limit, and (for a zip package: .docx, .xlsx, Word templates) does
not unpack to more than :data:`MAX_UNPACKED` bytes. The limits are listed in docs/readers.md."""

from __future__ import annotations

import zipfile
from pathlib import Path

from jixiao.io.errors import InputError

MB = 1024 * 1024
MAX_UNPACKED = 200 * MB
MAX_MEMBERS = 10_000


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


def check_zip(path: Path, file: str, corrupt: str, english: str) -> None:
    """Refuse a missing file, a file that is not a zip archive (``corrupt``, ``english``) and
    an archive whose members declare more than 200 MB in all, or that has more than
    :data:`MAX_MEMBERS` members (a zip bomb). Python's zip reader never unpacks a member past
    the size it declares, so the declared sizes bound what reading it costs."""
    checked_zip(path, file, corrupt, english).close()


def checked_zip(path: Path, file: str, corrupt: str, english: str) -> zipfile.ZipFile:
    """The archive at ``path`` opened, once :func:`check_zip` has found nothing to refuse in it
    (the caller closes it): a reader that goes on to read it need not open it twice."""
    if not path.is_file():
        raise InputError("文件不存在", file=file, english="file not found")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise InputError(corrupt, file=file, english=english) from None
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        archive.close()
        raise InputError(f"文件内含 {len(members)} 个部件，超过 {MAX_MEMBERS} 个的上限，拒绝读取", file=file,
                         english=f"more than {MAX_MEMBERS} zip members")
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED:
        archive.close()
        raise InputError(f"文件解压后有 {unpacked // MB} MB，超过 {MAX_UNPACKED // MB} MB 的上限，拒绝读取",
                         file=file, english="unpacked size above 200 MB (zip bomb?)")
    return archive
