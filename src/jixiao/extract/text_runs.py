"""Prose as claims read it: runs of paragraphs, with every character's place in the document.

Extracted text breaks sentences at page ends and blank lines (“…职工” / “基本医疗保险
缴费…”). A *run* joins consecutive paragraphs when the first does not end a sentence (。！？；：)
and neither is a heading (“（二）…”, “一、…” without a comma); a table between them ends the run.
Offsets into the run map back to ``Document.text``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from jixiao.documents.model import Document, Paragraph, Table
from jixiao.findings import Place

SENTENCE_ENDS = "。！？!?"
_RUN_ENDS = tuple(SENTENCE_ENDS + "；;：:")
_HEADING = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[、.．]\D)")


@dataclass(frozen=True, slots=True)
class Run:
    """Joined paragraph texts; ``starts[i]`` is where paragraph ``paragraphs[i]`` begins in
    ``text``."""

    text: str
    paragraphs: tuple[Paragraph, ...]
    starts: tuple[int, ...]

    def place(self, start: int, end: int, line_starts: tuple[int, ...]) -> Place:
        """The document place of ``text[start:end]`` (which must lie in one paragraph)."""
        index = bisect_right(self.starts, start) - 1
        paragraph = self.paragraphs[index]
        offset = (paragraph.place.start or 0) - self.starts[index]
        doc_start = start + offset
        return Place(paragraph=paragraph.place.paragraph, line=bisect_right(line_starts, doc_start),
                     start=doc_start, end=end + offset)


def line_starts(text: str) -> tuple[int, ...]:
    """Offsets where each line of ``text`` begins (line *n* starts at index *n − 1*)."""
    return (0, *(match.end() for match in re.finditer("\n", text)))


def runs_of(document: Document) -> tuple[Run, ...]:
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
    if previous.text.endswith(_RUN_ENDS) or _HEADING.match(following.text):
        return False
    return not (_HEADING.match(previous.text) and "，" not in previous.text)  # a heading line


def _joined(group: list[Paragraph]) -> Run:
    starts, offset = [], 0
    for paragraph in group:
        starts.append(offset)
        offset += len(paragraph.text)
    return Run("".join(p.text for p in group), tuple(group), tuple(starts))


def sentence_end(text: str, start: int) -> int:
    """The index just after the sentence that contains ``start`` (its 。 included)."""
    ends = [i for i in (text.find(mark, start) for mark in SENTENCE_ENDS) if i >= 0]
    return min(ends) + 1 if ends else len(text)


def sentence_start(text: str, position: int) -> int:
    """The index where the sentence containing ``position`` begins."""
    return max(text.rfind(mark, 0, position) for mark in SENTENCE_ENDS) + 1
