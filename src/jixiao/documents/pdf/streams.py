"""The compressed streams of a PDF, measured before pdfium decompresses them.

pdfium inflates a page's content streams whole when it loads the page: a 1 MB file holding a
flate stream of 1 GB of blanks costs 2 GB of memory. So every flate stream of the file is
inflated here first, in pieces and without keeping what comes out, against a limit per stream
(:data:`MAX_STREAM`; an image may reach the size its declared pixels need, up to
:data:`MAX_IMAGE_PIXELS`) and a limit of work for the whole file (:data:`MAX_INFLATED`). A
stream is found by its ``stream`` keyword after a dictionary, so neither an indirect
``/Length`` nor a damaged cross-reference table hides one.
"""

from __future__ import annotations

import mmap
import re
import zlib
from pathlib import Path

from jixiao.io.errors import InputError
from jixiao.io.limits import MB

MAX_STREAM = 64 * MB
"""Bytes one stream (page content, a form, a font) may inflate to: a dense page has some 100 KB."""
MAX_IMAGE_PIXELS = 60_000_000
"""Pixels an image of a PDF may declare (as a PNG or JPEG report: docs/readers.md)."""
MAX_INFLATED = 4096 * MB
"""Bytes all the streams of a file may inflate to (200 pages scanned without loss need 2.3 GB)."""

_STREAM = re.compile(rb">>\s*stream\r?\n")
_PIECE = 1 * MB
_DICTIONARY = 4096  # bytes before ``stream`` searched for the stream's dictionary
_CHANNELS = {b"DeviceGray": 1, b"CalGray": 1, b"DeviceRGB": 3, b"CalRGB": 3, b"Lab": 3}


def check_streams(path: Path, file: str) -> None:
    """Refuse, with a Chinese :class:`InputError` naming the limit, a PDF one of whose flate
    streams inflates past its limit, or whose streams together inflate past
    :data:`MAX_INFLATED`."""
    with path.open("rb") as stream, mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ) as data, \
            memoryview(data) as view:  # pieces of the file without copying them
        total = 0
        for found in _STREAM.finditer(data):
            head = data[max(0, found.start() - _DICTIONARY):found.start()]
            dictionary = head[head.rfind(b"obj") + 3:] if b"obj" in head else head
            if b"/FlateDecode" not in dictionary and b"/Fl " not in dictionary:
                continue
            limit = _limit(dictionary, file)
            size = _inflated(view, found.end(), min(limit, MAX_INFLATED - total) + 1)
            if size > limit:
                raise InputError(f"PDF 中有一个压缩数据流解压后超过 {limit // MB} MB 的上限，拒绝读取",
                                 file=file, english=f"a stream inflates past {limit // MB} MB")
            total += size
            if total > MAX_INFLATED:
                raise InputError(f"PDF 的压缩数据解压后共超过 {MAX_INFLATED // MB} MB 的上限，拒绝读取",
                                 file=file, english=f"streams inflate past {MAX_INFLATED // MB} MB")


def _limit(dictionary: bytes, file: str) -> int:
    """What the stream may inflate to: an image the bytes its declared pixels need."""
    if not re.search(rb"/Subtype\s*/Image\b", dictionary):
        return MAX_STREAM
    width, height = (_number(dictionary, key) for key in (b"Width", b"Height"))
    if width * height > MAX_IMAGE_PIXELS:
        megapixels = MAX_IMAGE_PIXELS // 1_000_000
        raise InputError(f"PDF 中有一张 {width}×{height} 像素的图片，超过 {megapixels} 百万像素的上限，"
                         "拒绝读取", file=file, english=f"an image above {megapixels} megapixels")
    space = re.search(rb"/ColorSpace\s*/(\w+)", dictionary)
    channels = _CHANNELS.get(space.group(1), 4) if space else 4
    bits = _number(dictionary, b"BitsPerComponent") or 8
    return max(MAX_STREAM, width * height * channels * min(bits, 16) // 8 + height)


def _number(dictionary: bytes, key: bytes) -> int:
    found = re.search(rb"/" + key + rb"\s+(\d{1,9})\b(?!\s+\d+\s+R)", dictionary)
    return int(found.group(1)) if found else 0


def _inflated(data: memoryview, start: int, budget: int) -> int:
    """Bytes the deflate data at ``start`` inflates to, counting no further than ``budget``;
    0 when it is not deflate data (the filter is not the first, or the stream is damaged:
    pdfium refuses it then)."""
    inflater = zlib.decompressobj()
    size, position = 0, start
    try:
        while not inflater.eof and size < budget:
            piece: bytes | memoryview = inflater.unconsumed_tail
            if not piece:
                if position >= len(data):
                    break
                piece, position = data[position:position + _PIECE], position + _PIECE
            size += len(inflater.decompress(piece, _PIECE))
    except zlib.error:
        return size
    return size
