"""A list of amounts written one cell a paragraph, closed by its 合计.

“支出内容” / “实际支出数” / “会计凭证号” / “备注” / “上半年重点优抚对象补助” / “67” / “1月31日33号凭证…” /
“优抚解三难” / “9.1” / “1月34、41号…” / “11月4、46号、12月75号凭证” / … / “支出合计” / “179.6”: a table
whose every cell is a paragraph of its own and whose rows differ in length (a cell of two
paragraphs, an empty cell left out), so no width cuts it into rows. Under a header naming one
amount column (…数, …额, 金额) after a column of names (…内容, 项目, 名称, 科目), each paragraph that
is a figure is a row's amount, its label the paragraph before it; the 合计 paragraph and the figure
after it close the list.

* **total** (JX-TABLE-004) — the 合计 against the rows' amounts, two at least, no two figures in a
  row (that would be a second amount column).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from jixiao.documents.model import Cell, Document, Paragraph
from jixiao.extract.tables.amounts import TOTAL_ROW
from jixiao.extract.tables.cells import Figure, TableClaim, compact, figure
from jixiao.extract.tables.text_view import simplified_text
from jixiao.numbers import Unit

_TOTAL = re.compile(r"(?:支出|收入)?(?:合计|总计)")
_NAMES = re.compile(r"内容|项目|名称|科目")
_AMOUNT = re.compile(r"(?:数|额|金额)(?:[（(]万?元[)）])?$")
_HEADER_CELLS = 6
"""At most this many paragraphs before the first row are the header."""
_MAX_ROWS = 60


def cell_paragraph_claims(document: Document) -> tuple[TableClaim, ...]:
    paragraphs = document.paragraphs
    claims = []
    for index, paragraph in enumerate(paragraphs[:-1]):
        # 计 is in every total, and only 計 is read as it: most paragraphs need no normalising
        if ("计" in paragraph.text or "計" in paragraph.text) \
                and _TOTAL.fullmatch(simplified_text(compact(paragraph.text))):
            claim = _closed_list(paragraphs, index)
            if claim is not None:
                claims.append(claim)
    return tuple(claims)


def _amount(paragraph: Paragraph) -> Figure | None:
    number = figure(Cell(paragraph.text, paragraph.place))
    if number is None or number.unit is not Unit.NONE:
        return None
    return Figure(paragraph.text, number, Cell(paragraph.text, paragraph.place))


def _closed_list(paragraphs: Sequence[Paragraph], total_at: int) -> TableClaim | None:
    """The list the 合计 at ``total_at`` closes, when a header of one amount column opens it."""
    total = _amount(paragraphs[total_at + 1])
    if total is None:
        return None
    rows: list[Figure] = []
    index = total_at - 1
    while index > 0 and total_at - index < _MAX_ROWS * 4:
        amount = _amount(paragraphs[index])
        if amount is not None:
            before = paragraphs[index - 1]
            if _amount(before) is not None:
                return None  # two figures in a row: a second amount column
            rows.append(Figure(compact(before.text), amount.number, amount.cell))
            index -= 2
            continue
        if _header(paragraphs[max(0, index - _HEADER_CELLS + 1):index + 1]):
            break
        index -= 1
    else:
        return None
    if len(rows) < 2:
        return None
    what = compact(paragraphs[total_at].text)
    stated = Figure(what, total.number, total.cell)
    return TableClaim(TOTAL_ROW, "sum", what, stated, tuple(reversed(rows)), (total.cell,))


def _header(cells: Sequence[Paragraph]) -> bool:
    """Whether ``cells`` end a header: a column of names, then exactly one amount column."""
    texts = [simplified_text(compact(cell.text)) for cell in cells]
    names = next((position for position, text in enumerate(texts) if _NAMES.search(text)), None)
    if names is None or any(_amount(cell) is not None for cell in cells[names:]):
        return False
    amounts = [text for text in texts[names + 1:] if _AMOUNT.search(text)]
    return len(amounts) == 1 and len(texts[names]) <= 12
