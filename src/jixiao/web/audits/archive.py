"""What a reviewer uploads, made into the files of a batch: single reports kept as they come, a
zip unpacked member by member.

A zip is never extracted by its names: each member's bytes are copied to a name of jixiao's own
(``0007.docx``), so no name (``../../etc``, an absolute path, a link) can write outside the
batch's folder; the name is kept for display only, decoded as the zip's flag says, or, for a zip
from Windows that wrote GBK names without the flag, as GB18030. Limits against zip bombs: at
most :data:`MAX_FILES` files in a batch, :data:`MAX_MEMBER` bytes per member and
:data:`MAX_UNPACKED` bytes in all, by the sizes the members declare (Python's zip reader never
unpacks a member past its declared size). A zip that breaks a limit, is damaged or encrypted
becomes one row with the reason, and the batch goes on without it.
"""

from __future__ import annotations

import shutil
import stat
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from jixiao.cli.batch import visible
from jixiao.io.limits import MB

MAX_FILES = 1000
MAX_MEMBER = 200 * MB
"""A member may be as large as the largest file a reader takes (a PDF: 200 MB)."""
MAX_UNPACKED = 2048 * MB
UTF8_NAMES = 0x800
"""The zip flag that says a member's name is UTF-8; without it the name is in the code page of
the machine that made the zip (GBK on Chinese Windows)."""


@dataclass(frozen=True)
class Received:
    """A file of the batch: its display name, and where it was kept (or why it was not)."""

    name: str
    path: Path | None = None
    size: int = 0
    error: str = ""


@dataclass(frozen=True)
class Upload:
    """An uploaded file: the name the browser gave and its bytes."""

    name: str
    stream: IO[bytes]


class Folder:
    """The batch's folder, handing out numbered names: ``0001.pdf``, ``0002.docx`` …"""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.count = 0

    def keep(self, name: str, stream: IO[bytes]) -> Received:
        self.count += 1
        suffix = PurePosixPath(name).suffix.lower()
        safe = suffix if suffix[1:].isalnum() and len(suffix) <= 6 else ""
        path = self.root / f"{self.count:04d}{safe}"
        with path.open("wb") as out:
            shutil.copyfileobj(stream, out, 1024 * 1024)
        return Received(name, path, path.stat().st_size)


def receive(uploads: Iterable[Upload], root: Path) -> list[Received]:
    """Every file of the uploads, in order: a zip's members in the zip's order."""
    folder = Folder(root)
    received: list[Received] = []
    for upload in uploads:
        name = display_name(upload.name)
        if name.lower().endswith(".zip"):
            received += unpack(name, upload.stream, folder, MAX_FILES - len(received))
        else:
            received.append(folder.keep(name, upload.stream))
    if len(received) > MAX_FILES:
        refusal = f"共 {len(received)} 个文件，超过每批 {MAX_FILES} 个的上限，请分批上传"
        return [Received("（全部文件）", error=refusal)]
    return received


def unpack(name: str, stream: IO[bytes], folder: Folder, room: int) -> list[Received]:
    """The members of the zip ``name`` kept in ``folder``, or one row saying why it was refused."""
    try:
        with zipfile.ZipFile(stream) as archive:
            members = list(_files(archive))
            refusal = _refusal(members, room)
            if refusal:
                return [Received(name, error=refusal)]
            return [_member(archive, info, f"{name}/{member_name(info)}", folder) for info in members]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return [Received(name, error="压缩包已损坏或不是 zip 格式，无法解压")]


def _files(archive: zipfile.ZipFile) -> Iterator[zipfile.ZipInfo]:
    """The members that are files to check: no folders, links, hidden files, Word lock files
    or macOS resource forks."""
    for info in archive.infolist():
        mode = info.external_attr >> 16
        if info.is_dir() or stat.S_ISLNK(mode):
            continue
        if visible(PurePosixPath(member_name(info))) and not member_name(info).startswith("__MACOSX/"):
            yield info


def _refusal(members: list[zipfile.ZipInfo], room: int) -> str:
    if len(members) > room:
        return f"压缩包内有 {len(members)} 个文件，超过每批 {MAX_FILES} 个的上限，请分批上传"
    unpacked = sum(info.file_size for info in members)
    if unpacked > MAX_UNPACKED:
        return f"压缩包解压后有 {unpacked // MB} MB，超过 {MAX_UNPACKED // MB} MB 的上限，拒绝解压"
    return ""


def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, folder: Folder) -> Received:
    if info.flag_bits & 0x1:
        return Received(name, error="文件已加密，需要密码才能解压；请上传未加密的压缩包")
    if info.file_size > MAX_MEMBER:
        size, limit = info.file_size // MB, MAX_MEMBER // MB
        return Received(name, error=f"文件解压后有 {size} MB，超过 {limit} MB 的上限，拒绝解压")
    try:
        with archive.open(info) as member:
            return folder.keep(name, member)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return Received(name, error="压缩包中的此文件已损坏，无法解压")


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its maker wrote it: UTF-8 when the zip says so, else (Python read it
    as code page 437) UTF-8 if its bytes are, else GB18030 (GBK from Chinese Windows)."""
    if info.flag_bits & UTF8_NAMES:
        return display_name(info.filename)
    raw = info.filename.encode("cp437")
    for encoding in ("utf-8", "gb18030"):
        try:
            return display_name(raw.decode(encoding))
        except UnicodeDecodeError:
            continue
    return display_name(info.filename)


def display_name(name: str) -> str:
    """A name to show: forward slashes, no leading slash or drive, no ``..`` steps, printable."""
    parts = [part for part in name.replace("\\", "/").split("/") if part not in {"", ".", ".."}]
    if parts and parts[0].endswith(":"):
        parts = parts[1:]
    text = "/".join(parts) or "（无名文件）"
    return "".join(character if character.isprintable() else "?" for character in text)[:500]
