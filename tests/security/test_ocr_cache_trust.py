"""The OCR cache trusts only what it wrote itself, in a directory only its user can write."""

from __future__ import annotations

import json
import os
import tempfile
import threading
from pathlib import Path

import pytest

from jixiao.documents.ocr import OcrText
from jixiao.documents.ocr_cache import MAX_ENTRY, CacheKey, cache_dir, cached_ocr, texts_digest

KEY = CacheKey("ab" * 32, 0, "engine 1")
TRUE = (OcrText("基本支出113.94万元。", ((0.0, 0.0), (10.0, 0.0), (10.0, 5.0), (0.0, 5.0)), 0.99),)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("JIXIAO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("JIXIAO_OCR_CACHE", raising=False)
    return tmp_path / "cache" / "ocr"


def planted(text: str, points: list[list[float]], digest: str | None = None) -> str:
    items = [{"text": text, "points": points, "score": 0.9}]
    return json.dumps({"version": KEY.version, "file_hash": KEY.file_hash, "page": KEY.page, "texts": items,
                       "digest": digest if digest is not None else texts_digest(items)})


def read(cache: Path) -> tuple[OcrText, ...]:
    calls: list[int] = []

    def compute() -> tuple[OcrText, ...]:
        calls.append(1)
        return TRUE

    found = cached_ocr(KEY, compute)
    return found if calls else (*found, OcrText("(from cache)", TRUE[0].points, 1.0))


SQUARE = [[0, 0], [1, 0], [1, 1], [0, 1]]


@pytest.mark.parametrize("plant", [
    "forged digest", "NaN coordinates", "score above 1", "too large", "symbolic link to /dev/zero", "FIFO",
])
def test_a_planted_or_hostile_entry_is_ignored_and_recomputed(cache: Path, plant: str) -> None:
    cache.mkdir(parents=True, mode=0o700)
    entry = cache / KEY.name()
    if plant == "forged digest":
        entry.write_text(planted("基本支出999.00万元。", SQUARE, digest="0" * 64), encoding="utf-8")
    elif plant == "NaN coordinates":
        entry.write_text(planted("基本支出999.00万元。", [[float("nan"), 0], *SQUARE[1:]]), encoding="utf-8")
    elif plant == "score above 1":
        entry.write_text(planted("x", SQUARE).replace('"score": 0.9', '"score": 7'), encoding="utf-8")
    elif plant == "too large":
        entry.write_text(planted("基" * MAX_ENTRY, SQUARE), encoding="utf-8")
    elif plant == "symbolic link to /dev/zero":
        entry.symlink_to("/dev/zero")
    else:
        os.mkfifo(entry)
    done: list[tuple[OcrText, ...]] = []
    worker = threading.Thread(target=lambda: done.append(read(cache)), daemon=True)
    worker.start()
    worker.join(10)
    assert done == [TRUE]  # recomputed, within seconds (a FIFO is not waited on)


def test_a_valid_entry_is_used(cache: Path) -> None:
    cache.mkdir(parents=True, mode=0o700)
    (cache / KEY.name()).write_text(planted("基本支出120.00万元。", SQUARE), encoding="utf-8")
    assert [text.text for text in read(cache)] == ["基本支出120.00万元。", "(from cache)"]


def test_a_cache_directory_others_may_write_is_not_used(cache: Path) -> None:
    cache.mkdir(parents=True)
    (cache / KEY.name()).write_text(planted("基本支出120.00万元。", SQUARE), encoding="utf-8")
    cache.chmod(0o777)
    assert read(cache) == TRUE
    assert sorted(path.name for path in cache.iterdir()) == [KEY.name()]  # nothing stored there either


def test_without_a_home_directory_the_cache_is_the_users_own_in_the_temporary_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HOME", "XDG_CACHE_HOME", "JIXIAO_CACHE_DIR", "JIXIAO_OCR_CACHE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", None)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert cache_dir() == tmp_path / f"jixiao-ocr-{os.getuid()}"
    assert cached_ocr(KEY, lambda: TRUE) == TRUE
    assert (tmp_path / f"jixiao-ocr-{os.getuid()}").stat().st_mode & 0o777 == 0o700
    assert cached_ocr(KEY, lambda: ()) == TRUE  # read back from there
    monkeypatch.setattr(Path, "home", staticmethod(lambda: tmp_path / "gone"))  # an account's missing home
    assert cache_dir() == tmp_path / f"jixiao-ocr-{os.getuid()}"
