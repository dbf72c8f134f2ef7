"""Prose as claims read it: runs of paragraphs, with every character's place in the document.

Extracted text breaks sentences at page ends, blank lines and line ends (“…职工” / “基本医疗保险
缴费…”, “其中本年收” / “入390.55万元”, even inside a number: “12” / “3.45万元”). A *run* joins
consecutive paragraphs up to the next heading (“（二）…”, “1.…”, or “一、…” without a comma, or
a numbered line that ends a sentence); a table between them ends the run. The joined text is
normalised (:mod:`jixiao.extract.normalise`); offsets into the run map back to
``Document.text``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate

from jixiao.documents.model import Document, Paragraph, Table
from jixiao.extract.amounts import Figure, depths, figures
from jixiao.extract.normalise import Normalised, normalise
from jixiao.extract.per_document import per_document
from jixiao.findings import Place

SENTENCE_ENDS = "。！？!?"
_RUN_ENDS = tuple(SENTENCE_ENDS + "；;：:")
_GOES_ON = re.compile(r"[，,]|[：:].")
_HEADING = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、"
                      r"|\d+[、.．](?:\D|$))")


@dataclass(frozen=True)
class Run:
    """Joined paragraph texts, normalised; ``starts[i]`` is where paragraph ``paragraphs[i]``
    begins in the joined text as written, which ``normalised.origin`` indexes. Not slotted: its
    depths and figures are kept on it once read, for every reader of the run."""

    normalised: Normalised
    paragraphs: tuple[Paragraph, ...]
    starts: tuple[int, ...]

    @property
    def text(self) -> str:
        return self.normalised.text

    @cached_property
    def depth(self) -> list[int]:
        """The bracket depth at every index of the run (:func:`~jixiao.extract.amounts.depths`)."""
        return depths(self.text)

    @cached_property
    def figures(self) -> tuple[Figure, ...]:
        """The figures the run states (:func:`~jixiao.extract.amounts.figures`), read once for
        all its readers: the prose auditor's and the forms'."""
        text = self.text
        # every figure ends in one of these marks: most runs need no pattern run over them
        stated = "元" in text or "万" in text or "%" in text or "％" in text
        return tuple(figures(text, self.depth)) if stated else ()

    def place(self, start: int, end: int, line_starts: tuple[int, ...]) -> Place:
        """The document place of ``text[start:end]``; a span that a line end of the source
        breaks (“12” / “3.45”) runs from its first to its last character as written."""
        raw_start, raw_end = self.normalised.source_span(start, end)
        first = bisect_right(self.starts, raw_start) - 1
        last = bisect_right(self.starts, max(raw_end - 1, raw_start)) - 1
        doc_start = raw_start + (self.paragraphs[first].place.start or 0) - self.starts[first]
        doc_end = raw_end + (self.paragraphs[last].place.start or 0) - self.starts[last]
        return Place(paragraph=self.paragraphs[first].place.paragraph,
                     line=bisect_right(line_starts, doc_start), start=doc_start, end=doc_end)


def text_place(starts: tuple[int, ...], start: int, end: int) -> Place:
    """The place of ``Document.text[start:end]``; ``starts`` are the document's line starts."""
    return Place(line=bisect_right(starts, start), start=start, end=end)


@lru_cache(maxsize=8)
def line_starts(text: str) -> tuple[int, ...]:
    """Offsets where each line of ``text`` begins (line *n* starts at index *n − 1*); the
    auditors of one report ask for the same text's, so the last few are kept."""
    return (0, *(match.end() for match in re.finditer("\n", text)))


@per_document
def runs_of(document: Document) -> tuple[Run, ...]:
    """The document's prose runs: paragraphs that carry on one another, joined and normalised
    (computed once per document, :mod:`jixiao.extract.per_document`)."""
    runs: list[Run] = []
    group: list[Paragraph] = []
    for block in (*document.blocks, None):
        if isinstance(block, Paragraph) and group and _continues(group[-1], block):
            group.append(block)
            continue
        if group:
            runs.append(_joined(group))
        group = [block] if isinstance(block, Paragraph) else []
        if isinstance(block, Table):
            group = []
    return tuple(runs)


def _continues(previous: Paragraph, following: Paragraph) -> bool:
    heading = _HEADING.match(previous.text)
    if _HEADING.match(following.text) or (heading and previous.text.endswith(_RUN_ENDS)):
        return False
    # A numbered line is a heading unless it goes on past a comma or a colon (“1.社会保障和就业支出
    # 467.99万元：主要用于本单位在” / “社会保障与就业方面的支出。”).
    return not (heading and not _GOES_ON.search(previous.text.rstrip()))


def _joined(group: list[Paragraph]) -> Run:
    texts = [paragraph.text for paragraph in group]
    starts = tuple(accumulate(map(len, texts[:-1]), initial=0))
    return Run(normalise("".join(texts)), tuple(group), starts)


def sentence_end(text: str, start: int) -> int:
    """The index just after the sentence that contains ``start`` (its 。 included)."""
    ends = [i for i in (text.find(mark, start) for mark in SENTENCE_ENDS) if i >= 0]
    return min(ends) + 1 if ends else len(text)


def sentence_start(text: str, position: int) -> int:
    """The index where the sentence containing ``position`` begins."""
    return max(text.rfind(mark, 0, position) for mark in SENTENCE_ENDS) + 1
