"""A change against the budget whose budget is in the table the prose describes.

“公务接待费支出4.35万元，与2023年度预算相比，减少0.65万元” after a table “单位：万元 | 项目 | 预算数 |
决算数 | … | 公务接待费 | 6 | 4.35”: the text states no budget, but the table's row of the same
item does, in its 预算 column. The 增减额 is then checked against the difference of the two
(``difference``): 6 − 4.35 = 1.65, not 0.65. Only a table whose unit a caption states before it
(单位：万元, or a title ending （万元）) is read, and only a row whose label is the item's, without
its 支出/决算 words; the caption, headers and labels are read normalised, so a traditional-script
copy (單位:萬元, 預算數, 公務接待費) reads the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from jixiao.documents.model import Document, Paragraph, Table
from jixiao.extract.amounts import Figure
from jixiao.extract.per_document import per_document
from jixiao.extract.prose.changes import comparisons, sign_of
from jixiao.extract.prose.reading import Claim, RunText, Stated
from jixiao.extract.tables.cells import compact, figure
from jixiao.extract.tables.text_view import simplified_text
from jixiao.numbers import StatedNumber, Unit

_CAPTION_UNIT = re.compile(r"单位\s*[:：]\s*(万元|元|亿元)|[（(](万元|元|亿元)[)）]\s*$")
"""A caption's unit: “单位：万元”, or a title ending with it (““三公”经费对比表（万元）”)."""
_ITEM_WORDS = re.compile(r"(?:支出)?(?:决算数?|实际数)?(?:支出)?$")
_BUDGET = re.compile(r"预算")


@dataclass(frozen=True, slots=True)
class ColumnFigure:
    """The figure of one row of a captioned table in the column asked for, with the row's
    other figures (in the caption's unit), by which a reader may tell the row is the item."""

    stated: Stated
    others: tuple[StatedNumber, ...]


def column_figures(document: Document, heading: re.Pattern[str]) -> dict[str, ColumnFigure]:
    """Every captioned table's figures in the one column whose header ``heading`` finds, by row
    label (a label found twice is left out)."""
    found: dict[str, ColumnFigure] = {}
    twice: set[str] = set()
    for caption, table in captioned_tables(document):
        for label, column in _column(table, caption, heading):
            if label in found:
                twice.add(label)
            found[label] = column
    return {label: column for label, column in found.items() if label not in twice}


@per_document
def captioned_tables(document: Document) -> tuple[tuple[Unit, Table], ...]:
    """Every table right after a paragraph stating its unit, with that unit. Only the paragraph
    before a table is read: most paragraphs are no caption (computed once per document, the
    readers of budgets and of 上年 both ask)."""
    found = []
    for before, block in pairwise(document.blocks):
        if isinstance(block, Table) and isinstance(before, Paragraph):
            unit = _CAPTION_UNIT.search(simplified_text(before.text))
            if unit is not None:
                found.append((Unit(unit[1] or unit[2]), block))
    return tuple(found)


def table_budgets(document: Document) -> dict[str, Stated]:
    """Every captioned table's 预算 figures, by row label (a label found twice is left out)."""
    return {label: column.stated for label, column in column_figures(document, _BUDGET).items()}


def _column(table: Table, unit: Unit, heading: re.Pattern[str]) -> list[tuple[str, ColumnFigure]]:
    if not table.rows:
        return []
    header = [simplified_text(compact(cell.text)) for cell in table.rows[0]]
    columns = [index for index, text in enumerate(header) if heading.search(text)]
    if len(columns) != 1:
        return []
    (column,) = columns
    read = []
    for row in table.rows[1:]:
        if column >= len(row) or not row[0].text:
            continue
        numbers = [figure(cell) for cell in row]
        number = numbers[column]
        if number is None or number.unit is not Unit.NONE:
            continue
        label = simplified_text(compact(row[0].text))
        amount = number.model_copy(update={"unit": unit})  # the caption's unit
        others = tuple(other.model_copy(update={"unit": unit}) for index, other in enumerate(numbers)
                       if index != column and other is not None and other.unit is Unit.NONE)
        stated = Stated(f"{label}{header[column]}", amount, row[column].place)
        read.append((label, ColumnFigure(stated, others)))
    return read


def item_name(label: str) -> str:
    """The item an amount's label names, without its 支出/决算 words (公务接待费支出 → 公务接待费)."""
    return _ITEM_WORDS.sub("", label)


def table_budget_claims(rt: RunText, budgets: dict[str, Stated]) -> list[Claim]:
    """The run's changes against the budget whose budget only a table states."""
    claims = []
    for match in comparisons(rt):
        if "预算" not in match["compare"] or match["prior"]:
            continue
        delta = rt.figure_at(match.start("delta"))
        current = _current(rt, match.start())
        budget = None if current is None else budgets.get(item_name(current.label))
        if delta is None or current is None or budget is None:
            continue
        sign = sign_of(match["way"])
        change = rt.stated(delta, f"{current.label}比预算{match['way']}", sign)
        spent = rt.stated(current)
        terms = (budget, spent) if sign < 0 else (spent, budget)
        claims.append(Claim("difference", change, terms, rt.evidence(current.start, delta.unit_end)))
    return claims


def _current(rt: RunText, at: int) -> Figure | None:
    """The amount the comparison is of: the last before it in its sentence."""
    start = rt.text.rfind("。", 0, at) + 1
    before = [found for found in rt.money if start <= found.start and found.unit_end <= at]
    return before[-1] if before else None
