"""Readers, one per format, into one :class:`Document` with the place of every sentence and cell."""

from __future__ import annotations

from jixiao.documents.docx_reader import read_docx_document
from jixiao.documents.flat_tables import parse_flat_text
from jixiao.documents.image_reader import read_image_document
from jixiao.documents.legacy_reader import read_doc_document, read_xls_document
from jixiao.documents.model import Block, Cell, Document, Paragraph, Table
from jixiao.documents.office_convert import convert_with_libreoffice
from jixiao.documents.pdf_reader import read_pdf_document
from jixiao.documents.read import read_document
from jixiao.documents.text_reader import read_text_document
from jixiao.documents.xlsx_reader import read_xlsx_document

__all__ = ["Block", "Cell", "Document", "Paragraph", "Table", "convert_with_libreoffice", "parse_flat_text",
           "read_doc_document", "read_document", "read_docx_document", "read_image_document",
           "read_pdf_document", "read_text_document", "read_xls_document", "read_xlsx_document"]
