"""Readers, one per format, into one :class:`Document` with the place of every sentence and cell.

The readers are imported when first named (``from jixiao.documents import read_pdf_document``),
so that reading one format loads no other format's libraries.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from jixiao.documents.model import Block, Cell, Document, Paragraph, Table
from jixiao.documents.read import read_document

if TYPE_CHECKING:
    from jixiao.documents.docx_reader import read_docx_document
    from jixiao.documents.flat_tables import parse_flat_text
    from jixiao.documents.image_reader import read_image_document
    from jixiao.documents.legacy_reader import read_doc_document, read_xls_document
    from jixiao.documents.office_convert import convert_with_libreoffice
    from jixiao.documents.pdf.reader import read_pdf_document
    from jixiao.documents.text_reader import read_text_document
    from jixiao.documents.xlsx_reader import read_xlsx_document

_LAZY = {"read_docx_document": "docx_reader", "parse_flat_text": "flat_tables",
         "read_image_document": "image_reader", "read_doc_document": "legacy_reader",
         "read_xls_document": "legacy_reader", "convert_with_libreoffice": "office_convert",
         "read_pdf_document": "pdf.reader", "read_text_document": "text_reader",
         "read_xlsx_document": "xlsx_reader"}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)


__all__ = ["Block", "Cell", "Document", "Paragraph", "Table", "convert_with_libreoffice", "parse_flat_text",
           "read_doc_document", "read_document", "read_docx_document", "read_image_document",
           "read_pdf_document", "read_text_document", "read_xls_document", "read_xlsx_document"]
