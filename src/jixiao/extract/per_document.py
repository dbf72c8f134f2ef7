"""A reading of a document that several auditors need, made once per document.

The prose runs and the tables' findings are read by more than one auditor of the same document
(the prose auditor and the form's sections; the table auditor and the catalogue's, which leaves
to it what it owns). :func:`per_document` remembers a pure function's result for the last
document it was given, by identity, so an audit computes each once.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from jixiao.documents.model import Document

T = TypeVar("T")


def per_document(function: Callable[[Document], T]) -> Callable[[Document], T]:
    """``function`` (pure, its result immutable) remembering its result for the last document
    it was given."""
    last: list[tuple[Document, T]] = []

    @wraps(function)
    def remembered(document: Document) -> T:
        entry = last[0] if last else None  # read once: another thread may replace it
        if entry is not None and entry[0] is document:
            return entry[1]
        result = function(document)
        last[:] = [(document, result)]
        return result

    return remembered
