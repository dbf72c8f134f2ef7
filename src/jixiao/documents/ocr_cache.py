"""OCR results cached on disk: reading a scanned report twice runs OCR once.

A result is keyed by the SHA-256 of the file's bytes, the page index and the engine version
(:func:`jixiao.documents.ocr.engine_version`, with the rendering resolution for PDF pages), and
stored as one JSON file, written to a temporary file and renamed (atomic: parallel workers never
read half a file). The directory is ``$JIXIAO_CACHE_DIR/ocr`` when ``JIXIAO_CACHE_DIR`` is set,
else ``$XDG_CACHE_HOME/jixiao/ocr``, else ``~/.cache/jixiao/ocr``. ``JIXIAO_OCR_CACHE=off``
turns the cache off. A cache that cannot be written, or a damaged entry, only costs a new OCR.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jixiao.documents.ocr import OcrText

CHUNK = 1024 * 1024


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
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "jixiao" / "ocr"


def cached_ocr(key: CacheKey, compute: Callable[[], tuple[OcrText, ...]]) -> tuple[OcrText, ...]:
    """The cached result for ``key``, else ``compute()``, stored for next time."""
    directory = cache_dir()
    if directory is None:
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
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["version"] != key.version or data["file_hash"] != key.file_hash or data["page"] != key.page:
            return None
        return tuple(_text(item) for item in data["texts"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _text(item: dict[str, Any]) -> OcrText:
    a, b, c, d = ((float(x), float(y)) for x, y in item["points"])
    return OcrText(str(item["text"]), (a, b, c, d), float(item["score"]))


def _store(path: Path, key: CacheKey, texts: tuple[OcrText, ...]) -> None:
    data = {"version": key.version, "file_hash": key.file_hash, "page": key.page,
            "texts": [{"text": t.text, "points": [list(p) for p in t.points], "score": t.score}
                      for t in texts]}
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
