"""A score table flattened to space-separated lines, one row a line (as web pages and xlsx give
it): “三级指标 年度指标值 实际完成值 分值 得分 偏差原因”, then “质量指标 指标1:验收通过率 100% 95% 6 5”.

The header is a line with a level heading (二级指标, 三级指标) and the 分值 and 得分 headings; its
first word may be cut onto the lines before (“一级” / “指标”) and its last onto the line after
(“指标值 完成值”). Below it, a row's 分值 and 得分 are read from the right of the line, past the
words of a 偏差原因 column: where 分值 and 得分 are neighbours in the header, the last two bare
numbers (no unit, no %) after a figure that is not bare (“95% 6 5”, “6000平方米 7 7”), or after
the label; where columns stand between them (“分值 年度指标值 全年实际值 得分”), only a row whose
only bare numbers are those two, at its end (the values left empty). A line of the two numbers
alone is the pair of the row the line before began (its cells broke across lines).

A block weight in a line of its own or opening a row (“(50分)”, “产出指标(50分) 数量指标 …”)
heads the rows below it up to the next block, header or 总分 line.

* **score_cap** (JX-TABLE-003) — each row's 得分 at most its 分值;
* **weight_sum** (JX-TABLE-001) — the 分值 of a block's rows against its weight, and of all rows
  against a 总分 line's (“总分 100 96”), when they reach it or go beyond: a row the reader missed
  can only leave the sum short, so a sum below the weight is no finding (the table may also be
  cut off);
* **score_sum** (JX-TABLE-002) — the rows' 得分 against the 总分 line's, when their 分值 add up
  to its 分值 (so every row was read).

Lines inside a rebuilt table (with a TAB or a pipe) are read by :mod:`.scores`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from jixiao.documents.model import Cell, Document
from jixiao.extract.tables.cells import Figure, TableClaim, compact
from jixiao.extract.tables.scores.beside import text_beside_score_tables
from jixiao.extract.tables.scores.table import (
    FULL_SCORE,
    LEVEL_HEADING,
    SCORE_CAP,
    SCORE_HEADING,
    SCORE_SUM,
    WEIGHT_HEADING,
    WEIGHT_SUM,
)
from jixiao.extract.text_runs import line_starts, text_place
from jixiao.numbers import StatedNumber, Unit

_TOKEN = re.compile(r"\S+")
_BARE = re.compile(r"\d{1,3}(?:\.\d+)?")
_DIGIT = re.compile(r"\d")
_VALUE = re.compile(r"[\d≥≤<>=＞＜]")
_BLOCK = re.compile(r"(?P<label>[^\s\d()（）]*指标)?\s*[（(]\s*(?P<weight>\d{1,3}(?:\.\d+)?)\s*分\s*[）)]")
_TOTAL = re.compile(r"(?:总分|合计|总计|综合得分|得分合计|自评总分)[:：]?")
_TABLE_LINE = re.compile(r"[\t|]")


@dataclass(frozen=True, slots=True)
class _Columns:
    """How many header columns stand between 分值 and 得分 (0: neighbours)."""

    gap: int


@dataclass(slots=True)
class _Block:
    """An open block: its stated weight and the 分值 of its rows so far."""

    label: str
    stated: Figure
    weights: list[Figure] = field(default_factory=list)


def score_row_claims(document: Document) -> tuple[TableClaim, ...]:
    text = text_beside_score_tables(document)
    if "级指标" not in text:  # the words every header line holds (_header)
        return ()
    starts = line_starts(document.text)
    lines = _lines(text)
    claims: list[TableClaim] = []
    index = 0
    while index < len(lines):
        columns = _header(lines[index][1])
        if columns is None:
            index += 1
            continue
        index, read = _rows(text, starts, lines, index + 1, columns)
        claims += read
    return tuple(claims)


def _lines(text: str) -> list[tuple[int, str]]:
    """Each line of ``text`` with its offset."""
    found, offset = [], 0
    for line in text.split("\n"):
        found.append((offset, line))
        offset += len(line) + 1
    return found


def _header(line: str) -> _Columns | None:
    # Every line of the text comes here: the words a 级指标 heading needs are looked for first.
    if "级指标" not in line or _TABLE_LINE.search(line):
        return None
    words = [compact(word) for word in line.split()]
    weight = next((i for i, word in enumerate(words) if WEIGHT_HEADING.fullmatch(word)), None)
    score = next((i for i, word in enumerate(words) if SCORE_HEADING.fullmatch(word)), None)
    if weight is None or score is None or weight > score \
            or not any(LEVEL_HEADING.fullmatch(word) for word in words[:weight]):
        return None
    return _Columns(score - weight - 1)


def _rows(text: str, starts: tuple[int, ...], lines: list[tuple[int, str]], index: int,
          columns: _Columns) -> tuple[int, list[TableClaim]]:
    """The claims of the rows from line ``index`` on, and the line after them."""
    claims: list[TableClaim] = []
    block: _Block | None = None
    sheet: list[tuple[Figure, Figure]] = []
    label = "指标"
    while index < len(lines):
        offset, line = lines[index]
        tokens = list(_TOKEN.finditer(line))
        if _TABLE_LINE.search(line) or _header(line) is not None:
            break
        if tokens and _TOTAL.fullmatch(compact(tokens[0].group())):
            claims += _close(block)
            claims += _total(starts, offset, tokens, sheet)
            return index + 1, claims
        heading = _BLOCK.match(line.strip())
        if heading is not None:
            claims += _close(block)
            block = _block(text, starts, offset + line.index(heading.group()), heading)
        pair = _pair(tokens, columns)
        if pair is not None:
            label = _label(tokens, pair[0]) or label
            weight, score = (_points(starts, offset, token, f"{label} {name}")
                             for token, name in zip(pair, ("分值", "得分"), strict=True))
            claims.append(TableClaim(SCORE_CAP, "cap", label, score, (weight,), (weight.cell, score.cell)))
            sheet.append((weight, score))
            if block is not None:
                block.weights.append(weight)
        elif tokens:
            label = _label(tokens, None) or label
        index += 1
    claims += _close(block)
    return index, claims


def _pair(tokens: list[re.Match[str]], columns: _Columns) -> tuple[re.Match[str], re.Match[str]] | None:
    """The row's 分值 and 得分 tokens, read from the right past the words of a 偏差原因 column."""
    end = len(tokens)
    while end > 0 and not _DIGIT.search(tokens[end - 1].group()):
        end -= 1
    if end < 2 or not all(_BARE.fullmatch(token.group()) for token in tokens[end - 2:end]):
        return None
    bare = [token for token in tokens[:end] if _BARE.fullmatch(token.group())]
    if columns.gap and len(bare) != 2:
        return None
    if end > 2 and _BARE.fullmatch(tokens[end - 3].group()):
        return None  # three bare numbers in a row: which two are the points cannot be told
    weight, score = tokens[end - 2], tokens[end - 1]
    if StatedNumber.parse(weight.group(), Unit.POINT).value > FULL_SCORE:
        return None
    return weight, score


def _label(tokens: list[re.Match[str]], before: re.Match[str] | None) -> str:
    """The first of the leading words after the level names (“质量指标 指标1:验收通过率 100% …”);
    the words end at the first value (a figure, “≥95%”) or at the points."""
    words = []
    for token in tokens:
        if token is before or _VALUE.match(token.group()):
            break
        if not _BLOCK.fullmatch(token.group()):
            words.append(_BLOCK.sub("", token.group()))
    named = [word for word in words if word and not word.endswith("指标")]
    return named[0] if named else (words[-1] if words else "")


def _points(starts: tuple[int, ...], offset: int, token: re.Match[str], label: str) -> Figure:
    start, end = offset + token.start(), offset + token.end()
    return Figure(label, StatedNumber.parse(token.group(), Unit.POINT),
                  Cell(token.group(), text_place(starts, start, end)))


def _block(text: str, starts: tuple[int, ...], start: int, heading: re.Match[str]) -> _Block:
    weight_start = start + heading.start("weight") - heading.start()
    weight_end = weight_start + len(heading["weight"])
    label = heading["label"] or "一级指标"
    cell = Cell(text[weight_start:weight_end], text_place(starts, weight_start, weight_end))
    return _Block(label, Figure(f"{label} 分值", StatedNumber.parse(heading["weight"], Unit.POINT), cell))


def _close(block: _Block | None) -> Iterator[TableClaim]:
    if block is None or len(block.weights) < 2:
        return
    if sum(weight.number.value for weight in block.weights) >= block.stated.number.value:
        yield TableClaim(WEIGHT_SUM, "sum", f"{block.label}的分值", block.stated, tuple(block.weights),
                         (block.stated.cell,), "分值")


def _total(starts: tuple[int, ...], offset: int, tokens: list[re.Match[str]],
           sheet: list[tuple[Figure, Figure]]) -> Iterator[TableClaim]:
    """The 总分 line's 分值 and 得分 (“总分 100 96”) against the rows'. The 得分 is checked only
    where the 分值 add up to the total's (every row was read: the funds row's 执行率 points,
    read by :mod:`.funds`, are not among them, so a form that weighs them is left alone); 分值
    beyond the total's are an error whatever was missed."""
    figures = [token for token in tokens[1:] if _BARE.fullmatch(token.group())]
    if len(figures) != 2 or len(sheet) < 2:
        return
    weight, score = (_points(starts, offset, token, f"总分 {name}")
                     for token, name in zip(figures, ("分值", "得分"), strict=True))
    weights = [pair[0] for pair in sheet]
    row = (weight.cell, score.cell)
    total = sum(figure.number.value for figure in weights)
    if total >= weight.number.value:
        yield TableClaim(WEIGHT_SUM, "sum", "总分的分值", weight, tuple(weights), row, "分值")
    if total == weight.number.value:
        scores = tuple(pair[1] for pair in sheet)
        yield TableClaim(SCORE_SUM, "sum", "总分（得分）", score, scores, row, "得分")
    yield TableClaim(SCORE_CAP, "cap", "总分", score, (weight,), row)
