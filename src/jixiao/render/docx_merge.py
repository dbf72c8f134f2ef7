"""Vertical merges of a form's tables, done on the rendered Word document.

Row loops repeat each row, so the 一级/二级 cells of an indicator group come out once per row
(or, in forms that print a group's label on its first row only, as blanks below it); here such
cells are merged (``w:vMerge``), column by column and only inside the merged group of the
columns before (二级 merges within its 一级). Each :class:`~jixiao.render.spec.TableMerge` of
the template names the tables it touches by a header cell; only cells spanning one grid column
are merged.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from jixiao.render.spec import TableMerge

Element = Any  # lxml elements of python-docx's oxml: untyped

# Qualified names, resolved once: every cell of every table is looked at.
W_T, W_TC, W_TR, W_TBL, W_P, W_R, W_VAL = (qn(f"w:{name}")
                                           for name in ("t", "tc", "tr", "tbl", "p", "r", "val"))
W_TCPR, W_GRID_SPAN, W_TRPR, W_GRID_BEFORE = (qn(f"w:{name}")
                                              for name in ("tcPr", "gridSpan", "trPr", "gridBefore"))
W_PPR, W_PSTYLE, W_KEEP_NEXT, W_VALIGN = (qn(f"w:{name}") for name in ("pPr", "pStyle", "keepNext", "vAlign"))
VMERGE_AFTER = tuple(qn(f"w:{name}") for name in ("tcW", "gridSpan", "hMerge"))


def _text(element: Element) -> str:
    return "".join(node.text or "" for node in element.iter(W_T))


def _grandchild(element: Element, child: str, grandchild: str) -> Element | None:
    """The first ``child/grandchild`` of ``element`` (lxml's own iterators: a path given to
    ``find`` is parsed in Python each time, and every cell is asked)."""
    for found in element.iterchildren(child):
        return next(found.iterchildren(grandchild), None)
    return None


def _span(tc: Element) -> int:
    span = _grandchild(tc, W_TCPR, W_GRID_SPAN)
    return 1 if span is None else int(span.get(W_VAL))


def _cells_by_column(tr: Element) -> dict[int, Element]:
    """Grid column → the cell starting there, for cells one column wide."""
    before = _grandchild(tr, W_TRPR, W_GRID_BEFORE)
    column = 0 if before is None else int(before.get(W_VAL))
    cells: dict[int, Element] = {}
    for tc in tr.iterchildren(W_TC):
        span = _span(tc)
        if span == 1:
            cells[column] = tc
        column += span
    return cells


def _tables_headed(document: DocxDocument, header: str) -> Iterator[Element]:
    for tbl in document.element.body.iter(W_TBL):
        if any(_text(tc).strip() == header for tc in tbl.iter(W_TC)):
            yield tbl


def merge_tables(document: DocxDocument, merges: Sequence[TableMerge]) -> None:
    """Merge the cells each of ``merges`` names (hierarchically) in every table it heads."""
    for merge in merges:
        for tbl in _tables_headed(document, merge.header):
            _merge_columns([_cells_by_column(tr) for tr in tbl.findall(W_TR)], merge)


def _merge_columns(rows: Sequence[dict[int, Element]], merge: TableMerge) -> None:
    previous: list[int | None] = [0] * len(rows)
    for column in merge.columns:
        groups = _groups(rows, column, previous, merge.blank_continues)
        _apply(rows, column, groups)
        if column != merge.columns[0]:  # the first column labels the whole section
            _keep_groups_together(rows, column, groups)
        previous = groups


def _groups(rows: Sequence[dict[int, Element]], column: int, outer: Sequence[int | None],
            blank_continues: bool) -> list[int | None]:
    """A run id per row: equal ids on consecutive rows are merged."""
    groups: list[int | None] = []
    last_text: str | None = None
    for index, cells in enumerate(rows):
        tc = cells.get(column)
        text = None if tc is None else _text(tc).strip()
        same_outer = index > 0 and outer[index] is not None and outer[index] == outer[index - 1]
        continued = text == last_text if text else blank_continues and tc is not None
        if continued and groups and groups[-1] is not None and same_outer:
            groups.append(groups[-1])
        else:
            groups.append(index if text else None)
        if text or not continued:
            last_text = text
    return groups


def _apply(rows: Sequence[dict[int, Element]], column: int, groups: Sequence[int | None]) -> None:
    for index, group in enumerate(groups):
        if group is None:
            continue
        starts = index == group
        continues = index + 1 < len(groups) and groups[index + 1] == group
        if starts and not continues:
            continue
        tc = rows[index][column]
        _set_vmerge(tc, "restart" if starts else None)
        if starts:
            _align_top(tc)
        else:
            _clear(tc)


KEPT_TOGETHER = 12
"""Rows of a merged 一级/二级 group kept on one page; a longer group may break."""


def _keep_groups_together(rows: Sequence[dict[int, Element]], column: int,
                          groups: Sequence[int | None]) -> None:
    """Each row of a short merged group stays on the page of the group's next row, so a page
    break never tears a group from its label (a label that does not fit the rows left on a page
    is printed on the next one, away from the rows it heads)."""
    sizes = Counter(groups)
    for index, group in enumerate(groups[:-1]):
        if group is not None and groups[index + 1] == group and sizes[group] <= KEPT_TOGETHER:
            _keep_with_next(rows[index][column].getparent())


def _keep_with_next(tr: Element) -> None:
    for paragraph in tr.iter(W_P):
        properties = paragraph.find(W_PPR)
        if properties is None:
            properties = paragraph.get_or_add_pPr()
        elif properties.find(W_KEEP_NEXT) is not None:
            continue
        properties.insert(0 if properties.find(W_PSTYLE) is None else 1, OxmlElement("w:keepNext"))


def _align_top(tc: Element) -> None:
    """A merged cell's label at its top: a group that runs onto the next page then shows its
    label on the page where it starts (centred, it would print where the middle falls)."""
    properties = tc.get_or_add_tcPr()
    align = properties.find(W_VALIGN)
    if align is None:
        align = OxmlElement("w:vAlign")
        properties.append(align)
    align.set(W_VAL, "top")


def _set_vmerge(tc: Element, value: str | None) -> None:
    properties = tc.get_or_add_tcPr()
    merge = OxmlElement("w:vMerge")
    if value:
        merge.set(W_VAL, value)
    properties.append(merge)
    _order_vmerge(properties, merge)


def _order_vmerge(properties: Element, merge: Element) -> None:
    """w:vMerge comes after w:tcW/w:gridSpan and before borders and shading (schema order)."""
    after = [properties.find(name) for name in VMERGE_AFTER]
    anchors = [element for element in after if element is not None]
    if anchors:
        anchors[-1].addnext(merge)
    else:
        properties.insert(0, merge)


def _clear(tc: Element) -> None:
    """A continued cell keeps one empty paragraph (with its style), as Word requires."""
    paragraphs = tc.findall(W_P)
    for paragraph in paragraphs[1:]:
        tc.remove(paragraph)
    for run in paragraphs[0].findall(W_R):
        paragraphs[0].remove(run)
