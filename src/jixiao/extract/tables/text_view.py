"""The document's text as the readers of tables written in the text read it: normalised, with
every place in the text as written.

The funds block of a 自评表 and its breakdowns are read from ``Document.text`` (whatever its
flattening); mirror copies write them in traditional script with conversion debris
(“年度資金總額”, “中央財(cái)政資金”). Reading the normalised text (:mod:`jixiao.extract.normalise`:
simplified characters, pinyin debris and thousands separators dropped) lets one vocabulary
read both; :meth:`TextView.place` maps a span of it back to ``Document.text``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from jixiao.documents.model import Document
from jixiao.extract.normalise import Normalised, normalise, normalised_text
from jixiao.extract.per_document import per_document
from jixiao.extract.text_runs import line_starts
from jixiao.findings import Place


@dataclass(frozen=True, slots=True)
class TextView:
    """``normalised`` is ``Document.text`` normalised; ``starts`` the line starts of the text
    as written."""

    normalised: Normalised
    starts: tuple[int, ...]

    @property
    def text(self) -> str:
        return self.normalised.text

    def place(self, start: int, end: int) -> Place:
        """The place in ``Document.text`` of ``text[start:end]`` (its line and offsets)."""
        source_start, source_end = self.normalised.source_span(start, end)
        return Place(line=bisect_right(self.starts, source_start), start=source_start, end=source_end)


T = TypeVar("T")


def blocks_at(view: TextView, opening: re.Pattern[str], read: Callable[[TextView, int], tuple[T, int]]
              ) -> Iterator[T]:
    """What ``read`` reads at each match of ``opening``, in turn: ``read(view, start)`` gives
    the block and where it ends, where the next one is looked for."""
    position = 0
    while (found := opening.search(view.text, position)) is not None:
        block, position = read(view, found.start())
        yield block


@per_document
def text_view(document: Document) -> TextView:
    """The document's text normalised for reading (computed once per document)."""
    return TextView(normalise(document.text), line_starts(document.text))


def simplified_text(text: str) -> str:
    """A cell's or label's text normalised for reading (“公務(wù)接待費” → “公务接待费”)."""
    return normalised_text(text)
