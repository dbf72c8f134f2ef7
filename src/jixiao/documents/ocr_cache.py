"""OCR results cached on disk: reading a scanned report twice runs OCR once.

A result is keyed by the SHA-256 of the file's bytes, the page index and the engine version
(:func:`jixiao.documents.ocr.engine_version`, with the rendering resolution for PDF pages), and
stored as one JSON file, written to a temporary file and renamed (atomic: parallel workers never
read half a file). The directory is ``$JIXIAO_CACHE_DIR/ocr`` when ``JIXIAO_CACHE_DIR`` is set,
else ``$XDG_CACHE_HOME/jixiao/ocr``, else ``~/.cache/jixiao/ocr``, and for a user without a home
directory (``HOME`` unset and no account entry, or an account whose home does not exist)
``jixiao-ocr-<uid>`` in the system's temporary folder. ``JIXIAO_OCR_CACHE=off`` turns the
cache off. A cache that cannot be written, or a damaged entry, only costs a new OCR.

What the cache trusts: a directory owned by the user running jixiao and writable by no one
else (created ``0700``; any other is not used); in it, an entry only when it is a regular file
(not a link, FIFO or device, opened without following links and without blocking) of at most
:data:`MAX_ENTRY` bytes, whose JSON has the schema written here (finite coordinates, scores
between 0 and 1, text), names the key it was stored under, and whose ``digest`` is the SHA-256
of its own texts. Anything else is ignored and recomputed. Entries are keyed by content, so a
cache shared between users or tenants would let one plant text for another's file: keep one
cache per user or tenant (``JIXIAO_CACHE_DIR``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jixiao.documents.ocr import OcrText

CHUNK = 1024 * 1024
MAX_ENTRY = 4 * 1024 * 1024
"""Bytes of one cache entry: a dense page gives some 100 KB."""


@dataclass(frozen=True, slots=True)
class CacheKey:
    """What an OCR result depends on: the file's SHA-256, the 0-based page, the engine version."""

    file_hash: str
    page: int
    version: str

    def name(self) -> str:
        key = f"{self.file_hash}|{self.page}|{self.version}"
        return hashlib.sha256(key.encode("utf-8")).hexdigest() + ".json"


def file_hash(path: Path) -> str:
    """The SHA-256 of the file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def cache_dir() -> Path | None:
    """Where OCR results are kept, or ``None`` when the cache is off."""
    if os.environ.get("JIXIAO_OCR_CACHE", "").lower() in ("off", "0", "no", "false"):
        return None
    root = os.environ.get("JIXIAO_CACHE_DIR")
    if root:
        return Path(root) / "ocr"
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "jixiao" / "ocr"
    if os.environ.get("HOME"):
        return Path(os.environ["HOME"]) / ".cache" / "jixiao" / "ocr"
    try:
        home = Path.home()  # the account's
    except (RuntimeError, KeyError):  # no account entry either
        home = None
    if home is not None and home.is_dir():
        return home / ".cache" / "jixiao" / "ocr"
    # No home (a service account, a container's bare uid): a directory of this user's own in
    # the system's temporary folder, trusted only if private_dir finds it ours and 0700.
    user = os.getuid() if hasattr(os, "getuid") else os.getlogin()
    return Path(tempfile.gettempdir()) / f"jixiao-ocr-{user}"


def private_dir(directory: Path) -> bool:
    """Create ``directory`` (``0700``) if needed; whether it is a real directory owned by this
    user that no one else may write to."""
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        status = os.lstat(directory)
    except OSError:
        return False
    owner = os.getuid() if hasattr(os, "getuid") else status.st_uid
    return stat.S_ISDIR(status.st_mode) and status.st_uid == owner and not status.st_mode & 0o022


def cached_ocr(key: CacheKey, compute: Callable[[], tuple[OcrText, ...]]) -> tuple[OcrText, ...]:
    """The cached result for ``key``, else ``compute()``, stored for next time."""
    directory = cache_dir()
    if directory is None or not private_dir(directory):
        return compute()
    path = directory / key.name()
    found = _load(path, key)
    if found is not None:
        return found
    texts = compute()
    _store(path, key, texts)
    return texts


def _load(path: Path, key: CacheKey) -> tuple[OcrText, ...] | None:
    try:
        data = json.loads(_read_regular(path))
        if data["version"] != key.version or data["file_hash"] != key.file_hash or data["page"] != key.page:
            return None
        if data["digest"] != texts_digest(data["texts"]):
            return None
        return tuple(_text(item) for item in data["texts"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _read_regular(path: Path) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most :data:`MAX_ENTRY` bytes (a link,
    FIFO or device is not opened through, nor waited on)."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as stream:
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_ENTRY:
            raise ValueError("not a cache entry")
        return stream.read(MAX_ENTRY + 1)


def texts_digest(texts: Any) -> str:
    """The SHA-256 an entry claims for its texts (canonical JSON)."""
    return hashlib.sha256(json.dumps(texts, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def _text(item: dict[str, Any]) -> OcrText:
    a, b, c, d = ((_finite(x), _finite(y)) for x, y in item["points"])
    score = _finite(item["score"])
    if not isinstance(item["text"], str) or not 0 <= score <= 1:
        raise ValueError("not a cache entry")
    return OcrText(item["text"], (a, b, c, d), score)


def _finite(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError("not a finite number")
    return float(value)


def _store(path: Path, key: CacheKey, texts: tuple[OcrText, ...]) -> None:
    items = [{"text": t.text, "points": [list(p) for p in t.points], "score": t.score} for t in texts]
    data = {"version": key.version, "file_hash": key.file_hash, "page": key.page, "texts": items,
            "digest": texts_digest(items)}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    except OSError:
        return  # an unwritable cache only costs time
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(data, stream, ensure_ascii=False)
        Path(temporary).replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
