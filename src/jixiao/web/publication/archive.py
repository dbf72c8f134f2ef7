"""A zip of published PDFs, streamed as it is written (never whole in memory)."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

_CHUNK = 64 * 1024


class _Sink:
    """An unseekable stream that hands over what was written since it was last asked."""

    def __init__(self) -> None:
        self._chunks: list[bytes] = []

    def write(self, data: bytes) -> int:
        self._chunks.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        data = b"".join(self._chunks)
        self._chunks.clear()
        return data


def stream_zip(files: Iterable[tuple[str, Path]]) -> Iterator[bytes]:
    """The zip of ``(entry name, file)`` pairs, piece by piece (PDFs are stored, not
    compressed again)."""
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", zipfile.ZIP_STORED) as archive:  # type: ignore[arg-type]
        for name, path in files:
            with archive.open(name, "w", force_zip64=True) as entry, path.open("rb") as source:
                while chunk := source.read(_CHUNK):
                    entry.write(chunk)
                    yield sink.take()
            yield sink.take()
    yield sink.take()
