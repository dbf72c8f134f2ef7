"""The 年度资金总额 row of a score table whose cells ran together: “全年预算数(A)全年执行数(B)分值
执行率(B/A)得分年度资金总额:202010100.00%10” is the amounts, the 分值, the 执行率 and the 得分.

The header says how many amounts come first (预算数, 执行数 columns before 分值). The digits are
split into them, a whole 分值 of at most 100 and the 执行率 only where exactly one split makes
the 执行率, within its rounding, the last amount over the one before (执行数 / 预算数): the row's
own arithmetic reads it. Amounts are positive and written to the 分 at most.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.extract.tables.cells import Figure, text_figure
from jixiao.extract.tables.scores.table import FULL_SCORE
from jixiao.numbers import StatedNumber, Unit

_FUNDS_HEADER = re.compile(r"(?P<amounts>(?:(?:年初|全年|调整后)?(?:预算数|执行数)(?:[（(][A-Z][)）])?){2,3})"
                           r"分值(?:[（(]\d+分[)）])?执行率(?:[（(][^()（）]*[)）])?得分")
_AMOUNT_COLUMN = re.compile(r"预算数|执行数")
_FUNDS_ROW = re.compile(r"年度资金总额[:：]?(?P<run>[\d.]{4,48})%"
                        r"(?P<score>(?:0|[1-9]\d?|100)(?:\.\d{1,2})?)(?![\d.])")
_AMOUNT = re.compile(r"(?:0|[1-9]\d{0,11})(?:\.\d{1,2})?")
"""An amount of a funds row: 万元 or 元, to the 分 at most (and below a trillion, which bounds
the splits tried)."""
_RATE = re.compile(r"(?:0|[1-9]\d{0,2})(?:\.\d{1,2})?")
_WHOLE = re.compile(r"[1-9]\d{0,2}")


def glued_funds(text: str, starts: tuple[int, ...], start: int, end: int) -> tuple[Figure, Figure] | bool:
    """The 分值 and 得分 of the funds row between ``start`` and ``end``: ``False`` when there
    is none, ``True`` when its digits allow no single reading."""
    row = _FUNDS_ROW.search(text, start, end)
    if row is None:
        return "年度资金总额" in text[start:end]
    headers = list(_FUNDS_HEADER.finditer(text, start, row.start()))
    header = headers[-1] if headers else None  # the last header before the row heads it
    if header is None or any(char.isspace() for char in text[header.start():row.end()]):
        return True
    count = len(_AMOUNT_COLUMN.findall(header["amounts"]))
    readings = sorted(set(_fund_splits(row["run"], count)))
    if len(readings) != 1:
        return True
    weight_start = row.start("run") + readings[0][0]
    weight = text_figure(text, starts, "预算执行率 分值", weight_start, weight_start + readings[0][1])
    return weight, text_figure(text, starts, "预算执行率 得分", *row.span("score"))


def _fund_splits(run: str, count: int) -> Iterator[tuple[int, int]]:
    """Each split of ``run`` into ``count`` amounts, a whole 分值 and a 执行率 equal, within its
    rounding, to the last amount over the one before: the 分值's offset and length."""
    for amounts, at in _amount_splits(run, 0, count):
        for size in (1, 2, 3):
            weight = _WHOLE.fullmatch(run, at, at + size)
            rate = _RATE.fullmatch(run, at + size)
            if weight is None or rate is None or int(weight.group()) > FULL_SCORE or amounts[-2] == 0:
                continue
            stated = StatedNumber.parse(rate.group(), Unit.PERCENT).interval()
            if stated.low <= amounts[-1] / amounts[-2] * 100 <= stated.high:
                yield at, size


def _amount_splits(run: str, at: int, count: int) -> Iterator[tuple[list[Decimal], int]]:
    if count == 0:
        yield [], at
        return
    for stop in range(at + 1, len(run)):
        if _AMOUNT.fullmatch(run, at, stop) and run[stop] != "." and Decimal(run[at:stop]) > 0:
            for rest, after in _amount_splits(run, stop, count - 1):
                yield [Decimal(run[at:stop]), *rest], after
