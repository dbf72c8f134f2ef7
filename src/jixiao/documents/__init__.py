"""Readers, one per format, into one :class:`Document` (docs/design.md, ``jixiao/documents/``)."""

from __future__ import annotations

from jixiao.documents.flat_tables import parse_flat_text
from jixiao.documents.model import Block, Cell, Document, Paragraph, Table
from jixiao.documents.text_reader import read_text_document

__all__ = ["Block", "Cell", "Document", "Paragraph", "Table", "parse_flat_text",
           "read_text_document"]
