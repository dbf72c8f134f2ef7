"""The report title as the forms print it: a title too long for one line breaks after the
unit's name (``……岳阳楼区工作部`` / ``单位整体支出绩效自评报告``), never inside a word, where
LibreOffice and Word would otherwise break a Chinese line at any character (``……绩 / 效自评报告``).
"""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

Element = Any  # lxml elements of python-docx's oxml: untyped

W_P, W_R, W_T = qn("w:p"), qn("w:r"), qn("w:t")

HALF_WIDTH = 0.55
"""Width of a Latin letter or digit in ems (a Chinese character is one em)."""


def break_long_title(document: DocxDocument, title: str, lead: str) -> None:
    """In each paragraph whose one text run is ``title``, break the line after ``lead`` when the
    title does not fit on one line of the page at the paragraph's font size."""
    if not lead or not title.startswith(lead) or title == lead:
        return
    for p in document.element.body.iterchildren(W_P):  # lxml's own iterators: no proxy per paragraph
        texts = [text for run in p.iterchildren(W_R) for text in run.iterchildren(W_T)]
        if len(texts) != 1 or texts[0].text != title:
            continue
        style = Paragraph(p, document).style
        size = style.font.size if style is not None else None
        if size is not None and ems(title) * size > _text_width(document):
            _break_after(texts[0], lead, title[len(lead):])


def _text_width(document: DocxDocument) -> int:
    """The width between the margins of the first section's page."""
    section = document.sections[0]
    return (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)


def ems(text: str) -> float:
    """How many ems ``text`` is wide, roughly: a Chinese character one, others a little over half."""
    return sum(1.0 if ord(char) > 0x2E7F else HALF_WIDTH for char in text)


def _break_after(text: Element, lead: str, rest: str) -> None:
    text.text = lead
    br = OxmlElement("w:br")
    tail = OxmlElement("w:t")
    tail.set(qn("xml:space"), "preserve")
    tail.text = rest
    text.addnext(br)
    br.addnext(tail)
