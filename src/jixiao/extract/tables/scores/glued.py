"""A score table whose cells ran together with nothing between them (web or 文库 extraction):
“…三级指标分值年度指标值全年实际值得分…产出指标(70分)数量指标安装水标尺10≥200米≥200米10…总分100100”.

The header (level headings, then 分值, the value columns, 得分) says how many values stand
between an indicator's 分值 and its 得分 (:data:`_VALUE_COLUMN`; a header whose columns are not
all known is left alone). Each row is then read as its label, its 分值 (one to three digits
glued to the label), that many values (a figure with its unit, “≥95%”, or words; two equal
words glued, “显著提升显著提升”, are two values) and its 得分, which the next row's label follows.
Digits glued together (“20100%100%20”) are split only where exactly one reading fits: no
leading zeros, points at most 100; a row that cannot be read that way ends the reading.

A block weight in the text (“产出指标(70分)”, “(20分)项目决策(10分)科学决策”) opens a block under
the open one; a block closes when its rows reach its weight. A block whose rows pass its
weight, or that a total finds still open, leaves the blocks and the total unjudged (the rows
may belong elsewhere).

The 年度资金总额 row of the same line (“年度资金总额:202010100.00%10”) is read by
:mod:`.score_glued_funds`; its 分值 and 得分 join the total's parts. A row that cannot be read
loses its blocks and the total; reading starts again at the next first-level block
(“效益指标(40分)”).

The same blocks are read in PDF text whose lines begin with the “分值 得分” of the label before
(“5 4 完成时效”) or with its 得分 alone, the label stating its weight (“5 明确性(5 分)”): a run
of at least three such lines is read from the line before it, page numbers between blocks
passed over.

* **score_cap** (JX-TABLE-003) — each row's 得分 at most its 分值, the funds row's too;
* **weight_sum** (JX-TABLE-001) — a block's weight against its rows (it closes only when they
  reach it); the 总分's 分值 (“总分100100”, split as one reading allows) against the funds row's
  and the top blocks' weights, when every row up to it was read;
* **score_sum** (JX-TABLE-002) — the 总分's 得分 against the rows' and the funds row's, then.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.documents.model import Document
from jixiao.extract.tables.cells import Figure, TableClaim
from jixiao.extract.tables.scores.beside import text_beside_score_tables
from jixiao.extract.tables.scores.bounds import stated_bounds
from jixiao.extract.tables.scores.glued_funds import glued_funds
from jixiao.extract.tables.scores.glued_rows import POINTS, Layout, TextFigures, read_row
from jixiao.extract.tables.scores.table import FULL_SCORE, SCORE_CAP, SCORE_SUM, WEIGHT_SUM
from jixiao.extract.text_runs import line_starts

_HEADER = re.compile(r"(?:[一二三]级指标){2,3}(?:分值|权重)(?:[（(]分[)）])?(?P<columns>\S*?)(?:自评)?得分"
                     r"(?:[（(]分[)）])?(?:(?:未完成|偏差)原因\S{0,12}?(?:措施|分析))?")
_VALUE_COLUMN = re.compile(r"(?:(?:年度|全年|年初|预期|实际)?"
                           r"(?:指标值|目标值|实际值|实际完成值|完成值|完成情况)"
                           r"|(?:指标)?评价内容)(?:[（(][^()（）]*[)）])?")
_PLACEHOLDER = re.compile(r"[…]+|\.{3,}")
_CUT_OPEN = re.compile(r"\s*(?P<weight>\d{1,3})\s*分\s*[)）]")
_NAME_AFTER = re.compile(r"[^\W\d_]+")
_STRAY = re.compile(r"\s*\d{1,4}\s+(?=\D)")
_PAIR_LINE = re.compile(r"^[ \t]*\d{1,3}[ \t]+\d{1,3}(?:\.\d{1,2})?(?=[ \t]|$)", re.MULTILINE)
_PAIR_LINES = 3
"""At least this many lines beginning with “分值 得分” make a run of a flattened score table."""
_SCORE_LINE = re.compile(r"^[ \t]*(?:0|[1-9]\d?)(?:\.\d{1,2})?[ \t]+[^\d\s][^\n]*?"
                         r"[（(]\s*\d{1,3}\s*分\s*[)）][ \t]*$", re.MULTILINE)
"""A line of a score and the next indicator's label with its weight: “5 明确性(5 分)”."""
_PAIR_LINES_APART = 3
"""Lines of one run are at most this many lines apart (headings broken over lines between)."""
_FIRST_LEVEL = re.compile(r"[^\W\d_]{2,6}指标[（(]\s*\d{1,3}\s*分\s*[)）]")
"""A first-level block named with its weight, where reading starts again after an unread row."""
_FUNDS_WORDS = re.compile(r"资金总额|执行率")
_FUNDS_ROW = re.compile(r"年度资金总额[:：]?[\d.]{4,48}%")
_TOTAL = re.compile(r"(?:总分|合计)[:：]?(?P<digits>\d{2,6})(?![\d.])")



@dataclass(slots=True)
class _Block:
    """An open block: its name, stated weight and the 分值 below it so far."""

    name: str
    stated: Figure
    parts: list[Figure] = field(default_factory=list)
    caps: list[TableClaim] = field(default_factory=list)


def score_glued_claims(document: Document) -> tuple[TableClaim, ...]:
    text = TextFigures(text_beside_score_tables(document), line_starts(document.text))
    claims = [*_funds_caps(text)]
    starts: list[int] = []  # where each table begins, for the totals stated above them
    for start, claimed in (*_glued_tables(text), *_flattened_tables(text)):
        starts.append(start)
        claims += claimed
    if not starts:  # no table: no total stated above one either
        return tuple(claims)
    caps = [claim for claim in claims if claim.kind == "cap" and claim.what != "总分"]
    return (*claims, *stated_bounds(text.text, text.starts, starts, caps))


def _funds_caps(text: TextFigures) -> Iterator[TableClaim]:
    """The 得分 of each glued funds row against its 分值, the row read from its header on."""
    after = 0
    for row in _FUNDS_ROW.finditer(text.text):
        start = max(after, _line_start(text.text, row.start()))
        funds = glued_funds(text.text, text.starts, start, _line_end(text.text, row.start()))
        if isinstance(funds, tuple):
            yield _cap("预算执行率", funds[1], funds[0])
        after = row.end()


def _glued_tables(text: TextFigures) -> Iterator[tuple[int, list[TableClaim]]]:
    """Each glued table's start and claims: its rows read from its header to the line's end,
    with the funds row between the header before it (or the line's start) and its own."""
    if "级指标" not in text.text:  # every header names its 一级指标 and 二级指标
        return
    mentioned = _FUNDS_WORDS.search(text.text)
    after = 0
    for header in _HEADER.finditer(text.text):
        gap = _gap(header["columns"])
        start = max(after, _line_start(text.text, header.start()))
        after = header.end()
        if gap is None:
            continue
        funds = glued_funds(text.text, text.starts, start, header.start())
        if funds is False and mentioned is not None and mentioned.start() < start:
            funds = True  # a funds row stands elsewhere: its points are a part the line lacks
        end = _line_end(text.text, header.end())
        yield header.start(), list(_table(text, header.end(), end, Layout(gap), funds))


def _flattened_tables(text: TextFigures) -> Iterator[tuple[int, list[TableClaim]]]:
    """Each run of PDF lines that begin with a row's points, its start and claims."""
    for layout in (Layout(0, spaced=True), Layout(0, spaced=True, in_label=True)):
        for start, end in _line_runs(text, _SCORE_LINE if layout.in_label else _PAIR_LINE):
            yield start, list(_table(text, start, end, layout, False))


def _line_runs(text: TextFigures, beginning: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """The spans of PDF text whose lines begin with an indicator's “分值 得分” (or its 得分 alone,
    its 分值 written in its label) and go on with the next indicator's label: from the line
    before the first such line to the last one's end."""
    lines = [(match.start(), text.place(match.start())) for match in beginning.finditer(text.text)]
    run: list[tuple[int, int]] = []
    for line in [*lines, None]:
        if line is not None and (not run or line[1] - run[-1][1] <= _PAIR_LINES_APART):
            run.append(line)
            continue
        if len(run) >= _PAIR_LINES:
            yield _line_start(text.text, max(run[0][0] - 1, 0)), _line_end(text.text, run[-1][0])
        run = [] if line is None else [line]


def _line_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _gap(columns: str) -> int | None:
    """How many value columns stand between 分值 and 得分; ``None`` when a column is unknown."""
    count, at = 0, 0
    while at < len(columns):
        match = _VALUE_COLUMN.match(columns, at)
        if match is None:
            return None
        count, at = count + 1, match.end()
    return count


def _table(text: TextFigures, start: int, end: int, layout: Layout,
           funds: tuple[Figure, Figure] | bool) -> Iterator[TableClaim]:
    """The claims of the rows from ``start``; ``funds`` is the funds row's pair, ``True`` when
    the line has one that could not be read (the total then is not judged), ``False`` when none.
    A row's 得分 is checked once the block it is in closes on its weight or the total is read:
    the arithmetic of the rows confirms that the glued digits were split right."""
    stack: list[_Block] = []
    top: list[Figure] = []
    scores: list[Figure] = []
    pending: list[TableClaim] = []
    whole = True
    at = start
    while at < end:
        placeholder = _PLACEHOLDER.match(text.text, at)
        if placeholder is not None:
            at = placeholder.end()
            continue
        cut = _CUT_OPEN.match(text.text, at, end) if layout.spaced and not stack else None
        if cut is not None:  # a weight whose opening bracket a page break cut off: “20 分)项目决策”
            words = _NAME_AFTER.match(text.text, cut.end(), end)
            name = words.group() if words else "一级指标"
            stack.append(_Block(name, text.figure(f"{name} 分值", *cut.span("weight"))))
            at = cut.end()
            continue
        stray = _STRAY.match(text.text, at, end) if layout.spaced and not stack else None
        if stray is not None:  # a page number between blocks
            at = stray.end()
            continue
        total = _TOTAL.match(text.text, at)
        if total is not None:
            if whole and not stack:
                yield from pending
                yield from _total(text, total, (top, scores), funds)
            return
        row = read_row(text, at, end, layout)
        if row is None:
            # a row that cannot be read (OCR debris) loses its blocks and the total; reading
            # starts again at the next first-level block (“效益指标(40分)”)
            block = _FIRST_LEVEL.search(text.text, at + 1, end)
            if block is None:
                return
            stack, whole, at = [], False, block.start()
            continue
        scores.append(row.score)
        stack += [_Block(name, heading) for name, heading in row.headings]
        (stack[-1].caps if stack else pending).append(_cap(row.label, row.score, row.weight))
        whole = _add(stack, top, row.weight) and whole
        yield from _reached(stack, top)
        at = row.end


def _add(stack: list[_Block], top: list[Figure], weight: Figure) -> bool:
    """Add a 分值 to the innermost open block; ``False`` when it passes the block's weight."""
    if not stack:
        top.append(weight)
        return True
    block = stack[-1]
    block.parts.append(weight)
    return _sum(block.parts) <= block.stated.number.value


def _reached(stack: list[_Block], top: list[Figure]) -> Iterator[TableClaim]:
    """Close the innermost blocks whose parts reach their weight, each a part of its parent,
    with the 得分 of their rows, which the closing confirms were read right."""
    while stack and _sum(stack[-1].parts) == stack[-1].stated.number.value:
        block = stack.pop()
        yield from block.caps
        yield TableClaim(WEIGHT_SUM, "sum", f"{block.name}的分值", block.stated, tuple(block.parts),
                         (block.stated.cell, *(part.cell for part in block.parts)), "分值")
        (stack[-1].parts if stack else top).append(block.stated)


def _sum(figures: list[Figure]) -> Decimal:
    return sum((figure.number.value for figure in figures), Decimal(0))


def _total(text: TextFigures, total: re.Match[str], parts: tuple[list[Figure], list[Figure]],
           funds: tuple[Figure, Figure] | bool) -> Iterator[TableClaim]:
    """The 总分's 分值 and 得分, glued (“总分100100”), against the top blocks' weights and the
    rows' scores (``parts``) with the funds row's. Where the funds row's points are unknown
    (``funds`` is ``True``), a sum short of the total says nothing; one above it still fails."""
    start = total.start("digits")
    splits = [size for size in range(1, len(total["digits"]))
              if POINTS.fullmatch(total["digits"][:size]) and POINTS.fullmatch(total["digits"][size:])
              and int(total["digits"][:size]) <= FULL_SCORE and int(total["digits"][size:]) <= FULL_SCORE]
    if len(splits) != 1:
        return
    weight = text.figure("总分 分值", start, start + splits[0])
    score = text.figure("总分 得分", start + splits[0], total.end("digits"))
    read = funds if isinstance(funds, tuple) else ()
    weights, points = [*read[:1], *parts[0]], [*read[1:], *parts[1]]
    row = (weight.cell, score.cell)
    for stated, terms, code, what, kind in ((weight, weights, WEIGHT_SUM, "总分的分值", "分值"),
                                            (score, points, SCORE_SUM, "总分（得分）", "得分")):
        if len(weights) >= 2 and (funds is not True or _sum(terms) > stated.number.value):
            yield TableClaim(code, "sum", what, stated, tuple(terms), row, kind)
    yield _cap("总分", score, weight)


def _cap(label: str, score: Figure, weight: Figure) -> TableClaim:
    return TableClaim(SCORE_CAP, "cap", label, score, (weight,), (weight.cell, score.cell))


