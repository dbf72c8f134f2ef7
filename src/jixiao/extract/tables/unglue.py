"""A funds block whose figures ran together, read apart by its arithmetic.

“年度资金总额:1484631.00%其中:中央财政资金10200%地方资金4646100%”: each run
(:func:`jixiao.extract.tables.glued.is_glued`) is cut into the figures the headings call for
(:func:`jixiao.extract.tables.glued.cuts`). Of the cuts of a row, those whose 执行率 agrees best
with the amounts they give are kept (exactly, then within rounding, then nearest; amounts
written alike, with as many decimals, before others); when a row keeps several
(4646100% is 46, 46 and 100%, or 46461, 0 and 0%), the choice of all rows' cuts under which
most of the total's columns equal the sum of its 其中 rows wins. The block's 执行率 may still
disagree with its amounts (31.00% stated for 46 / 148): the cut nearest to agreeing is the one
the form wrote, and the finding says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from itertools import product

from jixiao.documents.model import Cell
from jixiao.extract.tables.cells import figure
from jixiao.extract.tables.funds_columns import COLUMNS, Token, columns, funds_rows, leading_figures
from jixiao.extract.tables.glued import cuts
from jixiao.findings import Place
from jixiao.numbers import Unit
from jixiao.relations import Verdict, check_ratio, check_sum

_KEPT = 8
"""The readings of a row weighed with the other rows' (its best by its own arithmetic)."""
_MAX_CHOICES = 4096
"""The most combinations of rows' readings weighed together."""

Row = list[Token]


def unglued(tokens: list[Token], headings: list[str]) -> list[Token]:
    """``tokens`` with every run of figures of the block cut into its figures (unchanged when
    none ran together)."""
    total = leading_figures(tokens)
    rest = tokens[len(total):]
    rows = [total] + [figures for _, figures in funds_rows(rest)]
    if not any(token.glued for row in rows for token in row):
        return tokens
    amounts = sum(word in COLUMNS for word in headings)
    weight = "分值" in headings
    options = [_options(row, headings, amounts, weight and index == 0) for index, row in enumerate(rows)]
    chosen = _best_together(options, headings)
    replaced = {id(token): cut for row, cut in zip(rows, chosen, strict=True) for token in row[:1]}
    dropped = {id(token) for row in rows for token in row[1:]}
    result: list[Token] = []
    for token in tokens:
        if id(token) in replaced:
            result += replaced[id(token)]
        elif id(token) not in dropped:
            result.append(token)
    # a run no cut fits ends the block: what follows cannot be aligned
    return result[:next((index for index, token in enumerate(result) if token.glued), len(result))]


def _options(row: Row, headings: list[str], amounts: int, weight: bool) -> list[Row]:
    """The readings of a row, best first by its own arithmetic (the row itself when nothing in
    it ran together or no cut fits)."""
    glued = next((index for index, token in enumerate(row) if token.glued), None)
    if glued is None:
        return [row]
    token = row[glued]
    rate = token.cell.text.endswith(("%", "％"))
    wanted = amounts - sum(1 for other in row[:glued] if other.number is not None
                           and other.number.unit is Unit.NONE)
    readings = [row[:glued] + _pieces(token, cut) + row[glued + 1:]
                for cut in cuts(token.cell.text, wanted, weight and rate)]
    return sorted(readings, key=lambda reading: _rank(reading, headings))[:_KEPT] or [row]


def _pieces(token: Token, cut: Sequence[str]) -> Row:
    """The tokens of a cut, each with its own place inside the run."""
    pieces, at = [], 0
    place = token.cell.place
    for written in cut:
        start = (place.start or 0) + at
        cell = Cell(written, Place(line=place.line, start=start, end=start + len(written)))
        pieces.append(Token(cell, figure(cell), token.offset + at))
        at += len(written)
    return pieces


def _rank(row: Row, headings: list[str]) -> tuple[int, Decimal, int, bool]:
    """How well a reading's 执行率 agrees with its amounts (exactly 0, within rounding 1, else 2
    with the relative gap), how many different decimals its amounts are written with, and
    whether it states a 执行率 at all."""
    amounts, rate = columns(row, headings)
    decimals = len({token.number.decimals for token in amounts if token.number is not None})
    if rate is None or rate.number is None or len(amounts) < 2:
        return 0, Decimal(0), decimals, False
    numerator, denominator = amounts[-1].number, amounts[-2].number
    outcome = None if numerator is None or denominator is None \
        else check_ratio(rate.number, numerator, denominator)
    if outcome is None or outcome.expected is None:
        return 3, Decimal(0), decimals, True
    if outcome.verdict is Verdict.HOLDS:
        return 0, Decimal(0), decimals, True
    if outcome.verdict is Verdict.WITHIN_ROUNDING:
        return 1, Decimal(0), decimals, True
    gap = abs(outcome.expected - rate.number.value) / max(abs(rate.number.value), Decimal(1))
    return 2, gap, decimals, True


def _best_together(options: list[list[Row]], headings: list[str]) -> list[Row]:
    """The rows' readings under which most relations hold: each row's 执行率, and the total's
    columns against the sums of its rows; then the readings each row ranks best."""
    choices = 1
    for row_options in options:
        choices *= len(row_options)
    if choices == 1 or choices > _MAX_CHOICES:
        return [row_options[0] for row_options in options]

    ranked = {id(row): _rank(row, headings) for row_options in options for row in row_options}

    def score(reading: Iterable[Row]) -> tuple[int, int, Decimal, int]:
        rows = list(reading)
        ranks = [ranked[id(row)] for row in rows]
        holding = sum(rank[0] == 0 and rank[3] for rank in ranks) + _sums_holding(rows, headings)
        return (holding, -sum(rank[0] for rank in ranks), -sum((rank[1] for rank in ranks), Decimal(0)),
                -sum(rank[2] for rank in ranks))

    return list(max(product(*options), key=score))


def _sums_holding(rows: list[Row], headings: list[str]) -> int:
    total, _ = columns(rows[0], headings)
    parts = [columns(row, headings)[0] for row in rows[1:] if row]
    holding = 0
    for column, stated in enumerate(total):
        terms = [amounts[column].number for amounts in parts if column < len(amounts)]
        numbers = [number for number in terms if number is not None]
        if stated.number is not None and numbers:
            holding += check_sum(stated.number, numbers).verdict is Verdict.HOLDS
    return holding
