"""Table rows of the rendered Word report as the paper forms print them.

No row is split across pages (``w:cantSplit``): a row split as ``效益指 / 标（30分）`` misreads
both for a person and for a reader of the PDF. A table's leading heading rows (every run bold,
as the templates write column headings) repeat at the top of each page the table continues on
(``w:tblHeader``). Applies to every table, of built-in and user templates alike.
"""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

Element = Any  # lxml elements of python-docx's oxml: untyped


def keep_rows_whole(document: DocxDocument) -> None:
    """Mark every row of every table unsplittable and the leading heading rows as repeated."""
    for tbl in document.element.body.iter(qn("w:tbl")):
        rows = tbl.findall(qn("w:tr"))
        heading = True
        for tr in rows:
            _mark(tr, "w:cantSplit")
            heading = heading and len(rows) > 1 and _all_bold(tr)
            if heading:
                _mark(tr, "w:tblHeader")


def _mark(tr: Element, name: str) -> None:
    properties = tr.get_or_add_trPr()
    if properties.find(qn(name)) is None:
        properties.append(OxmlElement(name))


def _all_bold(tr: Element) -> bool:
    runs = [run for run in tr.iter(qn("w:r"))
            if "".join(text.text or "" for text in run.iter(qn("w:t"))).strip()]
    return bool(runs) and all(_bold(run) for run in runs)


def _bold(run: Element) -> bool:
    bold = run.find(f"{qn('w:rPr')}/{qn('w:b')}")
    return bold is not None and bold.get(qn("w:val")) not in ("0", "false")
