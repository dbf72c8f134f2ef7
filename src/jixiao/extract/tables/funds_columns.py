"""Which of a funds row's figures is which: amounts, 分值, 执行率, 得分.

The columns of a funds block (年度资金总额 and its 其中 rows) are inferred from the form's
headings and from the figures themselves, never from a fixed count: a row with a figure for each
heading is read by the headings; otherwise the 执行率 is the figure written with %, the 分值 the
whole number right before it, and the amounts before that are, from the right, 全年执行数,
全年预算数 and 年初预算数 (“年度资金总额 38.40 37.92 10 98.75% 9”: no 年初预算数).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.documents.model import Cell
from jixiao.numbers import StatedNumber, Unit

FUNDS = re.compile(r"资金|拨款|结转|补助|预算|财政")
"""The words of a funds row's label (本年财政拨款, 上年结转资金, 中央补助…)."""
HEADINGS = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
COLUMNS = ("年初预算数", "全年预算数", "全年执行数")
MAX_WEIGHT = 30
"""The largest 分值 a funds row is read to state when no heading places it."""
MAX_HEADED_WEIGHT = 100


@dataclass(frozen=True, slots=True)
class Token:
    """A token of the normalised text: its cell (text and place as written), its number when
    it is a figure, where it starts in the normalised text, and whether it is figures run
    together."""

    cell: Cell
    number: StatedNumber | None
    offset: int = 0
    glued: bool = False

    @property
    def is_figure(self) -> bool:
        """A figure, or figures run together (:func:`jixiao.extract.tables.glued.is_glued`)."""
        return self.number is not None or self.glued


def leading_figures(tokens: list[Token]) -> list[Token]:
    """The figures at the start of ``tokens``, up to the first word."""
    figures = []
    for token in tokens:
        if not token.is_figure:
            break
        figures.append(token)
    return figures


def percent_at(figures: list[Token]) -> int | None:
    """Where the row's first figure in % (its 执行率) stands, if it has one."""
    return next((index for index, token in enumerate(figures)
                 if token.number is not None and token.number.unit is Unit.PERCENT), None)


def is_weight(token: Token, largest: int = MAX_WEIGHT) -> bool:
    number = token.number
    return number is not None and number.unit is Unit.NONE and number.value <= largest \
        and number.value == number.value.to_integral()


def headed(figures: list[Token], headings: list[str]) -> bool:
    """Whether the row has a figure for each heading, and no figure in % but its 执行率
    (“0 0 0 10 0 0”, “150 150 125.25 100 83.5% 98”)."""
    if len(figures) != len(headings):
        return False
    return percent_at(figures) in (None, headings.index("执行率") if "执行率" in headings else None)


def columns(figures: list[Token], headings: list[str]) -> tuple[list[Token], Token | None]:
    """The amount columns (年初?, 全年预算, 全年执行) and the 执行率 among a row's figures."""
    percent = percent_at(figures)
    if headed(figures, headings) and (percent is not None or "全年执行数" in headings):
        amounts = figures[:sum(word in COLUMNS for word in headings)]
        return amounts, None if percent is None else figures[percent]
    if percent is None:
        return (figures, None) if len(figures) <= len(COLUMNS) else ([], None)
    before = figures[:percent]
    if len(before) > 1 and is_weight(before[-1]) and ("分值" in headings or len(before) > len(COLUMNS)):
        before = before[:-1]
    return before[-len(COLUMNS):], figures[percent]


def after_qizhong(tokens: list[Token]) -> list[Token]:
    """The tokens after a leading 其中 (“其中:本年财政拨款” or “其中本年财政拨款”)."""
    if not tokens or not tokens[0].cell.text.startswith("其中"):
        return tokens
    rest = tokens[0].cell.text.removeprefix("其中")
    if not rest:
        return tokens[1:]
    return [Token(Cell(rest, tokens[0].cell.place), None, tokens[0].offset), *tokens[1:]]


def funds_rows(tokens: list[Token]) -> list[tuple[Token, list[Token]]]:
    """The 其中 rows after a block's figures: each funds label with the figures after it."""
    tokens = after_qizhong(tokens)
    rows: list[tuple[Token, list[Token]]] = []
    index = 0
    while index < len(tokens) and len(rows) < 8:
        label = tokens[index]
        if label.is_figure or not FUNDS.search(label.cell.text):
            break
        figures = leading_figures(tokens[index + 1:])
        rows.append((label, figures))
        index += 1 + len(figures)
    return rows
