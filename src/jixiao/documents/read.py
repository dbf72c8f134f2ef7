"""One entrance for every report format: the reader is chosen by the file's suffix."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from jixiao.documents.model import Document
from jixiao.io.errors import InputError

READERS: dict[str, str] = {
    ".txt": "text_reader.read_text_document",
    ".docx": "docx_reader.read_docx_document",
    ".xlsx": "xlsx_reader.read_xlsx_document",
    ".pdf": "pdf.reader.read_pdf_document",
    ".doc": "legacy_reader.read_doc_document",
    ".xls": "legacy_reader.read_xls_document",
    ".png": "image_reader.read_image_document",
    ".jpg": "image_reader.read_image_document",
    ".jpeg": "image_reader.read_image_document",
}
"""Suffix → the reader (module of :mod:`jixiao.documents`, function), imported when a file of
that kind is read: checking a .txt loads no PDF, Excel or OCR library."""


def read_document(path: Path) -> Document:
    """The document in the report at ``path``, read by the reader of its suffix (any case);
    :class:`InputError` for a suffix no reader knows."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = "、".join(READERS)
        raise InputError(f"无法识别的文件类型“{path.suffix or '（无后缀）'}”：支持 {known}",
                         file=str(path), english="unknown file type")
    module, function = reader.rsplit(".", 1)
    read: Callable[[Path], Document] = getattr(importlib.import_module(f"jixiao.documents.{module}"),
                                               function)
    return read(path)
