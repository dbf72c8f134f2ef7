"""A 项目支出绩效自评表 flattened to one space-separated line (as xlsx- or PDF-to-text gives it).

“… 年度资金总额 38.40 37.92 10 98.75% 9 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因
30 28 10 9 100 96 产出指标 (50分) 数量指标 补贴发放人数 1260人 1244人 20 18 … 合计”: the 分值 and
得分 of each indicator are two bare numbers side by side; some print before their labels, and the
总分's pair stands among them, its label (合计) elsewhere on the line. Which pair is the total is
read from the arithmetic, not from its place: the one pair whose 分值 is 100 and equals the
others' 分值 with the funds row's (年度资金总额 … 分值 执行率 得分). Its 得分 is then checked
against the others' 得分 with the funds row's (``score_sum``, JX-TABLE-002). A block weight on
the line (“产出指标 (50分)”) is checked against the 分值 of the pairs after it up to the next
block weight or first-level indicator (满意度指标), when they reach it (``weight_sum``, JX-TABLE-001).

A pair is two whole numbers (no unit, no %), the 得分 at most the 分值; figures with a unit (1260人)
or a percentage are indicator values, not points.
"""

from __future__ import annotations

import re

from jixiao.documents.model import Cell, Document
from jixiao.extract.tables.cells import Figure, TableClaim
from jixiao.extract.tables.scores.beside import text_beside_score_tables
from jixiao.extract.tables.scores.table import FULL_SCORE, SCORE_SUM, WEIGHT_SUM
from jixiao.extract.text_runs import line_starts, text_place
from jixiao.numbers import StatedNumber, Unit, parse_stated

_HEADER = re.compile(r"分值\s+得分(?:\s+偏差原因\S*)?")
_FUNDS = re.compile(r"年度资金总额(?:\s+\d+(?:\.\d+)?){1,3}\s+(?P<weight>\d+)\s+\d+(?:\.\d+)?%\s+"
                    r"(?P<score>\d+(?:\.\d+)?)(?=\s)")
_TOKEN = re.compile(r"\S+")
_POINTS = re.compile(r"\d{1,3}(?:\.\d+)?")
_WORDS = re.compile(r"[^\d\s()（）%≥≤]+")
_BLOCK = re.compile(r"[（(]\s*(?P<weight>\d{1,3})\s*分\s*[）)]")
_LEVEL_ONE = re.compile(r"(?:产出|效益|满意度|成本)指标(?!\s*[（(]\s*\d)")
"""A first-level indicator written without its weight: it ends the block before it."""


def score_line_claims(document: Document) -> tuple[TableClaim, ...]:
    text, starts = text_beside_score_tables(document), line_starts(document.text)
    claims: list[TableClaim] = []
    for header in _HEADER.finditer(text):
        line_start = text.rfind("\n", 0, header.start()) + 1
        end = text.find("\n", header.end())
        end = len(text) if end < 0 else end
        pairs = _pairs(text, starts, header.end(), end)
        claims += _blocks(text, starts, header.end(), end, pairs)
        funds = _FUNDS.search(text, line_start, header.start())
        if funds is None:
            continue
        funds_pair = (_figure(text, starts, funds, "weight", "预算执行率 分值"),
                      _figure(text, starts, funds, "score", "预算执行率 得分"))
        claim = _total(funds_pair, pairs)
        if claim is not None:
            claims.append(claim)
    return tuple(claims)


def _pairs(text: str, starts: tuple[int, ...], start: int, end: int) -> list[tuple[Figure, Figure]]:
    tokens = list(_TOKEN.finditer(text, start, end))
    pairs, index, after = [], 0, 0
    while index + 1 < len(tokens):
        first, second = tokens[index], tokens[index + 1]
        if _POINTS.fullmatch(first.group()) and _POINTS.fullmatch(second.group()):
            weight, score = _points(text, starts, first, "分值"), _points(text, starts, second, "得分")
            if score.number.value <= weight.number.value <= FULL_SCORE:
                label = _label(tokens[after:index])
                pairs.append((_named(weight, label), _named(score, label)))
                index = after = index + 2
                continue
        index += 1
    return pairs


def _blocks(text: str, starts: tuple[int, ...], start: int, end: int,
            pairs: list[tuple[Figure, Figure]]) -> list[TableClaim]:
    """Each block weight on the line (“产出指标 (50分)”) against the pairs after it up to the next
    one, when they reach it: pairs printed elsewhere on the line (before their labels) can only
    leave a block short."""
    claims: list[TableClaim] = []
    marks = list(_BLOCK.finditer(text, start, end))
    if not marks:
        return claims
    for mark, following in zip(marks, [*marks[1:], None], strict=True):
        stop = following.start() if following is not None else end
        level_one = _LEVEL_ONE.search(text, mark.end(), stop)
        stop = level_one.start() if level_one is not None else stop
        weights = [pair[0] for pair in pairs if mark.end() <= (pair[0].cell.place.start or 0) < stop]
        stated = _figure(text, starts, mark, "weight", f"{_block_label(text, mark)} 分值")
        if len(weights) >= 2 and sum(weight.number.value for weight in weights) >= stated.number.value:
            claims.append(TableClaim(WEIGHT_SUM, "sum", f"{_block_label(text, mark)}的分值", stated,
                                     tuple(weights), (stated.cell,), "分值"))
    return claims


def _block_label(text: str, mark: re.Match[str]) -> str:
    words = _WORDS.findall(text, max(0, mark.start() - 12), mark.start())
    return words[-1].strip() if words and words[-1].strip() else "一级指标"


def _total(funds: tuple[Figure, Figure], pairs: list[tuple[Figure, Figure]]) -> TableClaim | None:
    """The 总分's score against the others', when exactly one pair is the total of the rest."""
    totals = [pair for pair in pairs
              if pair[0].number.value == FULL_SCORE
              and funds[0].number.value + sum(other[0].number.value for other in pairs if other is not pair)
              == FULL_SCORE]
    if len(totals) != 1 or len(pairs) < 3:
        return None
    (total,) = totals
    scores = (funds[1], *(pair[1] for pair in pairs if pair is not total))
    stated = Figure("总分 得分", total[1].number, total[1].cell)
    row = (total[0].cell, total[1].cell)
    return TableClaim(SCORE_SUM, "sum", "总分（得分）", stated, scores, row, "得分")


def _label(between: list[re.Match[str]]) -> str:
    """The last words without figures since the pair before (“补贴发放人数” before “1260人 1244人
    20 18”); a pair printed before its label has none, and is named 指标."""
    words = [token.group() for token in between if _WORDS.fullmatch(token.group())]
    return words[-1] if words else "指标"


def _named(figure: Figure, label: str) -> Figure:
    return Figure(f"{label} {figure.label}", figure.number, figure.cell)


def _points(text: str, starts: tuple[int, ...], token: re.Match[str], label: str) -> Figure:
    number = parse_stated(token.group(), Unit.POINT)
    return Figure(label, number, Cell(token.group(), text_place(starts, token.start(), token.end())))


def _figure(text: str, starts: tuple[int, ...], match: re.Match[str], group: str, label: str) -> Figure:
    number = StatedNumber.parse(match[group], Unit.POINT)
    place = text_place(starts, match.start(group), match.end(group))
    return Figure(label, number, Cell(match[group], place))
