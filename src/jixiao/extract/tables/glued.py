"""Figures that text extraction ran together, cut apart by the form's columns and arithmetic.

A 自评表 copied from a web page or a PDF often loses the gaps between its cells: “年度资金总额:
1484631.00%” is 全年预算数 148, 全年执行数 46 and 执行率 31.00%; “2456.182456.182456.1810100%”
is three amounts of 2456.18, a 分值 of 10 and 100%. Such a run is no figure a form would write
(two decimal points, or a 执行率 above :data:`MAX_RATE`). :func:`cuts` lists every way to cut it
into the number of figures the form's headings call for, each well formed (no leading zero, at
most :data:`MAX_DECIMALS` decimals; a 分值 a whole number up to 100; a 执行率 at most
:data:`MAX_RATE` with two decimals at most). Which cut is right is then decided by the arithmetic
of the rows (:mod:`jixiao.extract.tables.funds`): the 执行率 its amounts give, the 其中 rows
adding up to the total.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

MAX_DECIMALS = 4
MAX_RATE = Decimal(1000)
"""A 执行率 at or above this (percent) is taken for figures run together."""

_NUMBER = re.compile(rf"(?:0|[1-9]\d*)(?:\.\d{{1,{MAX_DECIMALS}}})?")
_WEIGHT = re.compile(r"[1-9]\d?|100")
_RATE = re.compile(r"(?:0|[1-9]\d{0,2})(?:\.\d{1,2})?")
_RUN = re.compile(r"[\d.]+[%％]?")


def is_glued(written: str) -> bool:
    """Whether a run of digits is several figures run together: it is no number (two decimal
    points), or a percentage no 执行率 reaches."""
    if _RUN.fullmatch(written) is None:
        return False
    body = written.rstrip("%％")
    if body.count(".") > 1:
        return True
    if body == written or _NUMBER.fullmatch(body) is None:
        return False
    return Decimal(body) >= MAX_RATE


def cuts(written: str, amounts: int, weight: bool) -> Iterator[tuple[str, ...]]:
    """Every cut of ``written`` into ``amounts`` amounts, then (when ``weight``) a 分值, then
    (when it ends with %) the 执行率 with its ``%``."""
    rate = written.endswith(("%", "％"))
    body = written.rstrip("%％")
    kinds = [_NUMBER] * amounts + ([_WEIGHT] if weight else []) + ([_RATE] if rate else [])
    for pieces in _cut(body, tuple(kinds)):
        yield (*pieces[:-1], pieces[-1] + written[len(body):]) if rate else pieces


def _cut(body: str, kinds: tuple[re.Pattern[str], ...]) -> Iterator[tuple[str, ...]]:
    if not kinds:
        return
    if len(kinds) == 1:
        if kinds[0].fullmatch(body):
            yield (body,)
        return
    for end in range(1, len(body)):
        head = body[:end]
        if kinds[0].fullmatch(head):
            for rest in _cut(body[end:], kinds[1:]):
                yield (head, *rest)
