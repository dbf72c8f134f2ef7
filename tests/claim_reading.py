"""Table relations read from a text by one reader, as tuples that tests compare whole."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from jixiao.documents import Document, parse_flat_text
from jixiao.extract.tables.cells import TableClaim
from jixiao.extract.tables.claims import check_table_claim

Read = tuple[str, str, str, list[str], int | None, str | None]
"""A relation read: code, what it names, the stated figure, the terms, the stated figure's
offset, and the finding's message (``None`` when it holds)."""


def text_document(text: str) -> Document:
    return Document(file="r.txt", format="text", blocks=parse_flat_text(text), text=text)


def read_claims(reader: Callable[[Document], Sequence[TableClaim]], text: str) -> list[Read]:
    found = []
    for claim in reader(text_document(text)):
        finding = check_table_claim(claim)
        found.append((claim.code, claim.what, claim.stated.number.written,
                      [term.number.written for term in claim.terms], claim.stated.cell.place.start,
                      None if finding is None else finding.message))
    return found


def held(found: list[Read]) -> list[tuple[str, str, str, list[str], int | None]]:
    """The relations read, without their messages, once every one of them is checked to hold."""
    assert [message for *_, message in found] == [None] * len(found)
    return [(code, what, stated, terms, start) for code, what, stated, terms, start, _ in found]
