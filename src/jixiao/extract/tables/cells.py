"""What table relations read from cells: header words, figures, row labels and findings.

A cell is a figure only when it is a number and nothing else (``"6"``, ``"203.54"``,
``"90%"``, ``"5分"``): a cell such as ``"32户"`` or ``"203.54万元"`` in a 实际完成值 column is
a value of an indicator, not an amount of the table. Blank cells and ``/`` are no figure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Literal

from jixiao.documents.model import Cell
from jixiao.extract.text_runs import text_place
from jixiao.findings import Finding, Place, Severity, Term, number_text, range_text
from jixiao.numbers import NumberError, StatedNumber, Unit, parse_stated
from jixiao.relations import Outcome, Verdict

_FIGURE = re.compile(r"[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:[%％]|分)?")
_SPACES = re.compile(r"\s+")

SEVERITY_OF = {Verdict.FAILS: Severity.ERROR, Verdict.WITHIN_ROUNDING: Severity.INFO}
"""A relation that fails is an error; one that holds only within rounding, a note."""


@lru_cache(maxsize=8192)
def compact(text: str) -> str:
    """Cell text without any whitespace (``"绩 效 指 标"`` → ``"绩效指标"``); kept by text: the
    readers of one table ask for the same cells' texts many times."""
    return "".join(text.split())  # str.split's whitespace is re's \s, at a third of the cost


def figure(cell: Cell | None, unit: Unit = Unit.NONE) -> StatedNumber | None:
    """The number a cell states, as written, or ``None`` when it states none."""
    return None if cell is None else figure_of(cell.text, unit)


@lru_cache(maxsize=4096)
def figure_of(text: str, unit: Unit = Unit.NONE) -> StatedNumber | None:
    """The number a cell's text states, or ``None``. Kept by text: the readers of a table ask
    for the same cells' figures over and over (a score table's aligning tries every shift of a
    row), and a table repeats its few texts (“5”, “10”, “100%”); a stated number is frozen."""
    if not _FIGURE.fullmatch(text):
        return None
    try:
        number = parse_stated(text.replace("分", ""), unit)
    except NumberError:
        return None
    return number if number.unit in (unit, Unit.PERCENT) else None


def row_label(row: Sequence[Cell]) -> str:
    """The first cell of the row that is text, not a figure (empty when there is none)."""
    for cell in row:
        if cell.text and figure(cell) is None:
            return compact(cell.text)
    return ""


def evidence(row: Sequence[Cell]) -> str:
    """The row's non-empty cells, as one line."""
    return " ".join(_SPACES.sub(" ", cell.text) for cell in row if cell.text)


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure of a relation: its label, the number and the cell it was read from."""

    label: str
    number: StatedNumber
    cell: Cell

    def term(self) -> Term:
        return Term(self.label, self.number.written, self.cell.place)


TableKind = Literal["sum", "cap", "ratio", "bound", "difference"]


@dataclass(frozen=True, slots=True)
class TableClaim:
    """A relation a table states, read but not yet judged.

    ``kind`` says how ``stated`` is checked against ``terms``: ``"sum"``, their sum (``what``
    names the total in messages, ``parts`` the word for the summed figures, 分值 or 得分);
    ``"cap"``, the 得分 ``stated`` at most the 分值 ``terms[0]`` (``what`` names the row);
    ``"ratio"``, the rate ``stated`` (percent) against ``terms[0]`` / ``terms[1]``; ``"bound"``,
    the total ``stated`` at most the full score less the points the indicators ``terms`` lost
    (分值 and 得分 in turn); ``"difference"``, ``stated`` against ``terms[0]`` − ``terms[1]``
    (结余 = 实际到位 − 实际支出). ``code`` is
    the rule's code and ``row`` the stated figure's row, the finding's evidence. ``exact_terms``
    says a ratio's operands are read as written, not as rounded figures (a form's 执行率 defined
    on its own cells, ``执行率(B/A)``)."""

    code: str
    kind: TableKind
    what: str
    stated: Figure
    terms: tuple[Figure, ...]
    row: tuple[Cell, ...]
    parts: str = ""
    exact_terms: bool = False


def relation_finding(code: str, message: str, stated: Figure, outcome: Outcome,
                     terms: Sequence[Figure], row: Sequence[Cell]) -> Finding | None:
    """The finding on an outcome (``None`` when the relation holds or cannot be judged);
    ``row`` is the stated figure's row, the finding's evidence."""
    severity = SEVERITY_OF.get(outcome.verdict)
    if severity is None or outcome.expected is None:
        return None
    if severity is Severity.INFO:
        message = f"{message}（仅在舍入范围内一致）"
    return Finding.new(code, severity, message, stated.cell.place,
                       stated=stated.number.written, expected=number_text(outcome.expected),
                       expected_range=range_text(outcome.expected_range, stated.number.decimals),
                       terms=tuple(figure.term() for figure in terms), evidence=evidence(row))


def plain(value: Decimal) -> str:
    """A value for a message: no exponent, no trailing zeros after the point."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


BLANKS = ("", "-", "—", "/")
"""What an empty cell of an amount table may say."""


def column_figures(rows: Sequence[Sequence[Cell]], parts: Sequence[tuple[int, str]], column: int, *,
                   missing_is_blank: bool) -> tuple[Figure, ...] | None:
    """The figures the rows ``parts`` (each its row's index and its label for messages) state in
    ``column``; a blank cell counts as nothing, and so does a cell the row lacks when
    ``missing_is_blank``. ``None`` when a part's cell says something else, a part lacks the cell
    otherwise (the text ends inside its row), or a figure is a percentage."""
    figures = []
    for index, label in parts:
        cells = rows[index]
        if column >= len(cells):
            if missing_is_blank:
                continue
            return None
        number = figure(cells[column])
        if number is None and compact(cells[column].text) not in BLANKS:
            return None
        if number is not None:
            if number.unit is Unit.PERCENT:
                return None
            figures.append(Figure(label, number, cells[column]))
    return tuple(figures)


def part_of(cell: Cell, start: int, end: int) -> Cell:
    """The piece ``cell.text[start:end]`` as a cell of its own, with its exact place."""
    place = cell.place
    line = (place.line or 0) + cell.text.count("\n", 0, start)
    offset = place.start or 0
    piece = Place(table=place.table, row=place.row, col=place.col, line=line,
                  start=offset + start, end=offset + end)
    return Cell(cell.text[start:end], piece)


def text_figure(text: str, starts: tuple[int, ...], label: str, start: int, end: int) -> Figure:
    """The points ``text[start:end]`` of a document's text (``starts``: its line starts), with
    their place, as a figure named ``label``."""
    written = text[start:end]
    place = text_place(starts, start, end)
    return Figure(label, StatedNumber.parse(written, Unit.POINT), Cell(written, place))
