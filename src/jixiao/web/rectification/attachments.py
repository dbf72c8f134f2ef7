"""Attachments to 整改反馈: which files are accepted, checked before anything is kept, then
kept by content hash like every upload."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from jixiao.web.evaluations.jobs import files_dir, keep_file
from jixiao.web.evaluations.models import StoredFile

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"


@dataclass(frozen=True)
class Kind:
    name: str
    signatures: tuple[bytes, ...]


KINDS = {
    ".pdf": Kind("PDF", (b"%PDF-",)),
    ".docx": Kind("Word", (_ZIP,)),
    ".doc": Kind("Word", (_OLE,)),
    ".xlsx": Kind("Excel", (_ZIP,)),
    ".xls": Kind("Excel", (_OLE,)),
    ".jpg": Kind("JPEG 图片", (b"\xff\xd8\xff",)),
    ".jpeg": Kind("JPEG 图片", (b"\xff\xd8\xff",)),
    ".png": Kind("PNG 图片", (b"\x89PNG\r\n\x1a\n",)),
    ".zip": Kind("zip 压缩包", (_ZIP,)),
}
"""Accepted suffixes, and how each kind of file begins (so a renamed program is refused)."""

MAX_FILES = 10


class AttachmentRefused(Exception):
    """A file that cannot be attached; the Chinese message names it and says why."""


def _limit_mb() -> int:
    return settings.RECTIFICATION_ATTACHMENT_MAX_BYTES // (1024 * 1024)


def check(files: Sequence[UploadedFile]) -> None:
    """Refuse the whole set if any file is too large, of a kind not accepted, or not what its
    name says; nothing is kept until every file passes."""
    if len(files) > MAX_FILES:
        raise AttachmentRefused(f"一次最多上传 {MAX_FILES} 个附件，您选择了 {len(files)} 个")
    for received in files:
        name = Path(received.name or "附件").name
        suffix = Path(name).suffix.lower()
        kind = KINDS.get(suffix)
        if kind is None:
            accepted, shown = "、".join(KINDS), suffix or "无扩展名"
            raise AttachmentRefused(f"附件“{name}”的类型（{shown}）不能上传：只接受 {accepted}")
        if not received.size:
            raise AttachmentRefused(f"附件“{name}”是空文件")
        if received.size > settings.RECTIFICATION_ATTACHMENT_MAX_BYTES:
            raise AttachmentRefused(f"附件“{name}”超过 {_limit_mb()} MB，不能上传")
        received.seek(0)
        head = received.read(16)
        received.seek(0)
        if not head.startswith(kind.signatures):
            raise AttachmentRefused(f"附件“{name}”的内容不是 {kind.name} 文件，与扩展名 {suffix} 不符")


def keep(received: UploadedFile) -> tuple[StoredFile, str]:
    """The checked file, kept by its hash; and its name as the user gave it."""
    name = Path(received.name or "附件").name[:255]
    incoming = files_dir("incoming") / f"{secrets.token_hex(16)}{Path(name).suffix.lower()}"
    with incoming.open("wb") as out:
        for chunk in received.chunks():
            out.write(chunk)
    return keep_file(incoming, name), name
