"""One entrance for every report format: the reader is chosen by the file's suffix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jixiao.documents.docx_reader import read_docx_document
from jixiao.documents.image_reader import read_image_document
from jixiao.documents.legacy_reader import read_doc_document, read_xls_document
from jixiao.documents.model import Document
from jixiao.documents.pdf_reader import read_pdf_document
from jixiao.documents.text_reader import read_text_document
from jixiao.documents.xlsx_reader import read_xlsx_document
from jixiao.io.errors import InputError

READERS: dict[str, Callable[[Path], Document]] = {
    ".txt": read_text_document,
    ".docx": read_docx_document,
    ".xlsx": read_xlsx_document,
    ".pdf": read_pdf_document,
    ".doc": read_doc_document,
    ".xls": read_xls_document,
    ".png": read_image_document,
    ".jpg": read_image_document,
    ".jpeg": read_image_document,
}


def read_document(path: Path) -> Document:
    """The document in the report at ``path``, read by the reader of its suffix (any case);
    :class:`InputError` for a suffix no reader knows."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = "、".join(READERS)
        raise InputError(f"无法识别的文件类型“{path.suffix or '（无后缀）'}”：支持 {known}",
                         file=str(path), english="unknown file type")
    return reader(path)
