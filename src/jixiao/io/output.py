"""Every file jixiao writes goes through here: nothing the user made is ever destroyed.

:func:`writing` is the one door for outputs, for the command line and the web system alike:

- an existing file is refused unless the caller passes ``force`` (the user's ``--force``);
- an input of the same run (the same file, by any path or hard link) is refused even then;
- a symbolic link is refused even then, so nothing is ever written through one;
- the content goes to a temporary file in the target's own folder, which takes the target's
  name only once it is complete: an interrupted run leaves the old file intact and no partial
  file. Without ``force`` the new file is linked into place, which fails rather than replace a
  file that appeared meanwhile.

Refusals are :class:`~jixiao.io.errors.InputError` with a Chinese message naming the file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

from jixiao.io.errors import InputError, os_reason
from jixiao.io.visible import visible


@contextmanager
def writing(target: Path, *, inputs: Iterable[Path] = (), force: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``target`` (same suffix) to write the output to; when the
    block ends without error it becomes ``target``, otherwise it is removed.

    ``inputs`` are the files the output is made from; ``force`` allows replacing an existing
    regular file that is not one of them.
    """
    check_target(target, inputs=inputs, force=force)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.stem[:40]}-", suffix=target.suffix,
                                        dir=target.parent)
    except OSError as error:  # /proc, a read-only or full file system, no permission
        raise _unwritable(target, error) from None
    os.close(handle)
    temporary = Path(name)
    try:
        try:
            yield temporary
        except OSError as error:
            if not _about(error, temporary):
                raise
            raise _unwritable(target, error) from None
        _settle(temporary, target, force=force)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def write_text(target: Path, text: str, *, inputs: Iterable[Path] = (), force: bool = False) -> None:
    """Write ``text`` (UTF-8) to ``target`` through :func:`writing`."""
    with writing(target, inputs=inputs, force=force) as temporary:
        temporary.write_text(text, encoding="utf-8")


def check_target(target: Path, *, inputs: Iterable[Path] = (), force: bool = False) -> None:
    """Refuse, with a Chinese :class:`InputError`, a target that may not be written."""
    try:
        _check_target(target, inputs, force)
    except OSError as error:  # a name too long, a folder that may not be looked into
        raise _unwritable(target, error) from None


def _check_target(target: Path, inputs: Iterable[Path], force: bool) -> None:
    if target.is_symlink():
        _refuse(target, "是符号链接；jixiao 不通过链接写文件，请指定普通文件的路径", "is a symbolic link")
    if any(_same_file(target, source) for source in inputs):
        _refuse(target, "是本次读取的输入文件，不能用输出覆盖；请另选输出文件名", "is an input file")
    if target.is_dir():
        _refuse(target, "是一个文件夹；请指定要写出的文件名", "is a directory")
    if target.exists() and not target.is_file():
        _refuse(target, "不是普通文件，不能写入", "is not a regular file")
    if target.exists() and not force:
        _refuse(target, "已存在，未写出（以免覆盖已有内容）；确需替换请加 --force", "exists (use --force)")
    if not target.parent.is_dir():
        _refuse(target, f"所在的文件夹“{visible(target.parent)}”不存在", "folder does not exist")


def _same_file(target: Path, source: Path) -> bool:
    try:
        return target.samefile(source)
    except OSError:  # either one does not exist: compare where they would be
        return target.resolve() == source.resolve()


def _settle(temporary: Path, target: Path, *, force: bool) -> None:
    """Give the complete ``temporary`` the target's name (and the mode a new file gets, or the
    mode of the file it replaces)."""
    try:
        temporary.chmod(_mode(target))
        if force or not _linked(temporary, target):
            if target.is_symlink() or (target.exists() and not force):  # appeared meanwhile
                check_target(target, force=force)
            temporary.replace(target)
    except OSError as error:
        raise _unwritable(target, error) from None


def _about(error: OSError, temporary: Path) -> bool:
    """Whether writing the output failed (rather than reading an input meanwhile)."""
    return error.filename in (None, str(temporary)) or error.errno in _FULL


_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


def _unwritable(target: Path, error: OSError) -> InputError:
    return InputError(f"无法写出文件：{os_reason(error)}", file=str(target),
                      english=f"cannot write output ({error.strerror or error.errno})")


def _linked(temporary: Path, target: Path) -> bool:
    """Link ``temporary`` as ``target``, which fails if ``target`` exists; ``False`` where the
    file system has no hard links."""
    try:
        os.link(temporary, target, follow_symlinks=False)
    except FileExistsError:
        check_target(target)  # refuses it, unless it went away meanwhile
        return False
    except OSError:
        return False
    return True


def _mode(target: Path) -> int:
    try:
        return target.stat(follow_symlinks=False).st_mode & 0o777
    except FileNotFoundError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _refuse(target: Path, reason: str, english: str) -> NoReturn:
    raise InputError(f"输出文件{reason}", file=str(target), english=f"output {english}")
