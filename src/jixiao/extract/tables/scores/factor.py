"""Score tables that give each indicator a rate, its weight and its score, in that order, and
whose cells ran together (OCR or web text of the 重庆 部门整体绩效自评表): “… 得分系数(%) 指标权重(分)
指标得分(分) 是否核心指标 …”, then rows ending “100%1010是”, and the funds row “执行率(%) 执行率权重
执行率得分(分) … 76%107.6”.

The digits after the rate are the weight and the score run together. The form scores each
indicator as its rate times its weight (得分 = 得分系数 × 权重; 执行率得分 = 执行率 × 执行率权重),
so the digits are split only where exactly one split, the weight whole and at most 100, makes
the score that product within its rounding; the rate then says how the row was scored, and
the split is the row's own arithmetic, not a guess.

* **score_cap** (JX-TABLE-003) — each such row's score at most its weight (it is above it only
  where the rate is above 100%);
* **score_bound** (code of score_sum) — a total stated above the tables (“自评总分(分)97.6”) at
  most 100 less the points the rows read lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.documents.model import Document
from jixiao.extract.tables.cells import TableClaim, compact, text_figure
from jixiao.extract.tables.scores.beside import text_beside_score_tables
from jixiao.extract.tables.scores.bounds import lines_after, stated_bounds
from jixiao.extract.tables.scores.table import FULL_SCORE, SCORE_CAP
from jixiao.extract.text_runs import line_starts
from jixiao.numbers import StatedNumber, Unit

_HEADER = re.compile(r"(?:得分系数|执行率)(?:[（(]%[)）])?(?:指标|执行率)?权重(?:[（(]分[)）])?"
                     r"(?:指标|执行率)?得分(?:[（(]分[)）])?(?:是否核心指标)?")
_ROW = re.compile(r"(?P<rate>(?:0|[1-9]\d{0,2})(?:\.\d{1,2})?)%(?P<pair>[1-9][\d.]{1,7})(?![\d.%])")
_WHOLE = re.compile(r"[1-9]\d{0,2}")
_POINTS = re.compile(r"(?:0|[1-9]\d{0,2})(?:\.\d{1,2})?")
_LABEL = re.compile(r"[^\d%“”\"≥≤<>]{2,}")
HUNDRED = Decimal(100)


def score_factor_claims(document: Document) -> tuple[TableClaim, ...]:
    text = text_beside_score_tables(document)
    # every header names its 权重: a report without the word has no such table
    headers = list(_HEADER.finditer(text)) if "权重" in text else []
    if not headers:
        return ()  # and no total stated above one
    starts = line_starts(document.text)
    claims: list[TableClaim] = []
    for index, header in enumerate(headers):
        first = "执行率" if header.group().startswith("执行率") else ""
        end = lines_after(text, header.end())
        if index + 1 < len(headers):
            end = min(end, headers[index + 1].start())
        claims += _claims(text, starts, header.end(), end, first)
    return (*claims, *stated_bounds(text, starts, [header.start() for header in headers], claims))


def _claims(text: str, starts: tuple[int, ...], start: int, end: int, first: str) -> Iterator[TableClaim]:
    """The rows after a header at ``start``; ``first`` names the row right after the header
    (the funds row, whose label stands before the header's columns)."""
    previous = start
    for row in _ROW.finditer(text, start, end):
        split = _split(row["rate"], row["pair"])
        if split is not None:
            label = (first if previous == start else "") or _label(text[previous:row.start()])
            weight_start = row.start("pair")
            weight = text_figure(text, starts, f"{label} 权重", weight_start, weight_start + split)
            score = text_figure(text, starts, f"{label} 得分", weight_start + split, row.end("pair"))
            yield TableClaim(SCORE_CAP, "cap", label, score, (weight,), (weight.cell, score.cell))
        previous = row.end()


def _split(rate: str, pair: str) -> int | None:
    """Where ``pair`` splits into a weight and the score the rate gives it, when exactly one
    split does."""
    factor = StatedNumber.parse(rate, Unit.PERCENT).value / HUNDRED
    splits = []
    for size in range(1, min(len(pair), 4)):
        weight, score = pair[:size], pair[size:]
        if not _WHOLE.fullmatch(weight) or not _POINTS.fullmatch(score) or int(weight) > FULL_SCORE:
            continue
        bounds = StatedNumber.parse(score, Unit.POINT).interval()
        if bounds.low <= factor * int(weight) <= bounds.high:
            splits.append(size)
    return splits[0] if len(splits) == 1 else None


def _label(before: str) -> str:
    """The row's name: the first words since the row before and its 是/否 (“是财政供养人员控制率%
    定量指标…”), after the last sentence a paragraph before the table ends."""
    words = _LABEL.search(before.rsplit("。", 1)[-1].removeprefix("是").removeprefix("否"))
    return compact(words.group()).strip("，,；;、:：“”\" ") if words else "指标"
