"""Scanned or photographed report pages (``.png``, ``.jpg``, ``.jpeg``) read by OCR.

The image is turned upright by its EXIF orientation, shrunk to at most 2000 pixels on its longer
side and read by :mod:`jixiao.documents.ocr` (cached by the file's hash). Its lines become
paragraphs and, where pieces of text line up in columns on consecutive lines, tables
(:func:`~jixiao.documents.page_layout.text_blocks`); every place has ``page=1``.

Refused with :class:`InputError`: a missing or empty file, a file above 50 MB, a file that is not
a PNG or JPEG image (or is damaged), an image above 60 megapixels, and an image in which OCR
finds no text.
"""

from __future__ import annotations

import hashlib
import warnings
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from jixiao.documents.model import Document
from jixiao.documents.ocr import OcrText, engine_version, fit_image, ocr_image, ocr_lines
from jixiao.documents.ocr_cache import CacheKey, cached_ocr
from jixiao.documents.page_layout import Margins, PageBlock, margins_of, text_blocks, without_page_numbers
from jixiao.documents.paged_text import PagedLayout
from jixiao.io.errors import InputError, os_reason
from jixiao.io.limits import MB, checked_size

FORMAT = "image"
MAX_BYTES = 50 * MB
MAX_PIXELS = 60_000_000
MAX_ASPECT = 20
"""How many times longer than wide (or wider than long) an image may be: a page is about 1.4."""
#: Pieces of one line further apart than this many line heights are cells of a table row.
CELL_GAP = 1.5
#: A line of a scan ending within this many line heights of the right margin wrapped.
SLACK = 2.0
NOT_IMAGE = "不是有效的 PNG 或 JPEG 图片（文件已损坏或格式不符）"


def read_image_document(path: Path) -> Document:
    """The text OCR reads in the image at ``path``; :class:`InputError` when it cannot."""
    file = str(path)
    data = read_limited(path, MAX_BYTES)
    image = open_image(data, file)
    key = CacheKey(hashlib.sha256(data).hexdigest(), 0, engine_version())
    texts = cached_ocr(key, lambda: ocr_image(image))
    layout = PagedLayout()
    layout.add(1, ocr_blocks(texts, image.width, image.height))
    if not layout.blocks:
        raise InputError("图片中未识别出文字", file=file, english="OCR found no text in the image")
    return layout.document(file, FORMAT)


def ocr_blocks(texts: tuple[OcrText, ...], width: float, height: float) -> list[PageBlock]:
    """The paragraphs and tables of one OCR'd page of ``width`` × ``height`` pixels. Lines
    that span less than half the page (a page of short lines) are never taken as wrapped."""
    lines = without_page_numbers(ocr_lines(texts), height)
    if not lines:
        return []
    margins = margins_of(lines, SLACK)
    if margins.right - margins.left < width / 2:
        margins = Margins(margins.left, width, SLACK)
    return text_blocks(lines, margins, CELL_GAP)


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of ``path``; :class:`InputError` if it is missing, empty or above ``limit``."""
    file = str(path)
    checked_size(path, limit)
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"无法读取文件：{os_reason(error)}", file=file,
                         english="cannot read file") from None


def open_image(data: bytes, file: str) -> Image.Image:
    """The PNG or JPEG image in ``data``, upright, in RGB, fit for OCR."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(BytesIO(data))
            if image.format not in ("PNG", "JPEG", "MPO"):
                raise InputError(NOT_IMAGE, file=file, english="not a PNG or JPEG image")
            size = f"{image.width}×{image.height}"
            if image.width * image.height > MAX_PIXELS:
                raise InputError(f"图片为 {size} 像素，超过 6000 万像素的上限，拒绝读取", file=file,
                                 english="image above 60 megapixels")
            if max(image.size) > MAX_ASPECT * max(min(image.size), 1):
                raise InputError(f"图片为 {size} 像素，长宽比超过 {MAX_ASPECT}:1 的上限，拒绝读取", file=file,
                                 english=f"image aspect above {MAX_ASPECT}:1")
            image.load()
            return fit_image(ImageOps.exif_transpose(image))
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError,
            Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise InputError(NOT_IMAGE, file=file, english="not a PNG or JPEG image") from None
