"""The funds block of a 自评表 (年度资金总额 and its 其中 rows), read from the text in whatever
flattening it comes: one space-separated line, one cell per line, pipes with or without a
leading pipe.

The text is read normalised (:mod:`.text_view`), so a traditional-script copy reads as the
simplified one. The block is the label 年度资金总额 followed by its figures, then the 其中 rows: a
funds label (本年财政拨款, 上年结转资金, 其他资金, 中央资金…: a label naming 资金, 拨款, 结转, 补助,
预算 or 财政) and its amounts. The columns are inferred from the form's headings and from the
figures themselves, never from a fixed count (:mod:`.funds_columns`); figures run together are
cut apart by the block's arithmetic (:mod:`.unglue`). Rows written after a description of the
funds, and rows whose total lost its figures among the headings, are read too.

* **rate** (JX-TABLE-005) — 执行率 against 全年执行数 / 全年预算数 (the amounts as written when
  the heading defines the rate on the form's cells, “执行率(B/A)”);
* **score_cap** (JX-TABLE-003) — the 得分 of a row that states 分值 and 得分 (the 执行率's points) at
  most its 分值: with a 执行率 in %, the whole number before it and the figure after it; without
  one, by the headings when the row has as many figures;
* **total** (JX-TABLE-004) — each amount of 年度资金总额 against the same column of its 其中
  rows, when every row states all the columns or none (a row left empty counts as nothing); a
  ledger block states one amount a row (“年度资金总额: 322.30 其中:中央资金 172.00 省级资金
  99.30 县级资金 52.00”); a ledger block broken down into ledger blocks is read by
  :mod:`.ledgers`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from jixiao.documents.model import Cell, Document
from jixiao.extract.tables.amounts import RATIO, TOTAL_ROW
from jixiao.extract.tables.cells import Figure, TableClaim, compact, figure
from jixiao.extract.tables.funds_columns import (
    COLUMNS,
    FUNDS,
    HEADINGS,
    MAX_HEADED_WEIGHT,
    MAX_WEIGHT,
    Token,
    columns,
    funds_rows,
    headed,
    is_weight,
    leading_figures,
    percent_at,
)
from jixiao.extract.tables.glued import is_glued
from jixiao.extract.tables.ledgers import Ledger, nested_claims
from jixiao.extract.tables.scores.table import SCORE_CAP
from jixiao.extract.tables.splits import split_claims
from jixiao.extract.tables.text_view import TextView, text_view
from jixiao.extract.tables.unglue import unglued
from jixiao.findings import Place
from jixiao.numbers import StatedNumber, Unit

_LABEL = re.compile(r"年度(?:财政)?资金总额")
_SCORE_RULE = re.compile(r"得分\s*[（(]\s*(\d{1,2}(?:\.\d+)?)\s*分\s*[*×]\s*执行率")
"""A 得分 heading that states the row's 分值 in its rule (“得分 (20分*执行率)”)."""
_TOKEN = re.compile(r"(?P<figure>[-+]?[\d.]*\d(?:[%％]|(?![\d.年月日号])))(?:万元|万|元)?"
                    r"|(?P<word>[^\s|:：\d]+)")
"""A figure (its unit, 万元 or 万, dropped: “150万”; a date's numbers are none) or the words
between figures; a row's cells run together (“中央财政资金10200%”) are read apart."""
_CELL_RATE = re.compile(r"执行率[（(]B/A")
"""A 执行率 heading defining the rate on the form's own cells (“执行率(B/A×100%)”)."""
_TARGETS = re.compile(r"目标|指标")
"""Where a funds block ends: the form's 年度总体目标 and 绩效指标."""
_EMPTY = re.compile(r"[—\-/－─]+")
"""A cell that says “nothing here” (“—”, “/”): no token."""


def funds_claims(document: Document) -> tuple[TableClaim, ...]:
    """The rate and total relations of every funds block in the document's text, and of
    ledger blocks broken down into ledger blocks (:mod:`.ledgers`)."""
    view = text_view(document)
    text = view.text
    claims: list[TableClaim] = []
    ledgers: list[Ledger] = []
    for match in _LABEL.finditer(text):
        head = compact(text[max(0, match.start() - 400):match.start() + 400])
        headings = [word for word in HEADINGS if word in head]
        tokens = unglued(list(_tokens(view, match.end())), headings)
        block = _block(tokens, headings, _rule_weight(view, match.start()))
        if _CELL_RATE.search(head):  # the form computes its 执行率 from these very cells
            block = [replace(claim, exact_terms=True) if claim.kind == "ratio" else claim for claim in block]
        claims += block
        ledger = _ledger(tokens, headings, _name(text, match.start()))
        if ledger is not None:
            ledgers.append(ledger)
    return tuple(claims) + nested_claims(ledgers) + split_claims(view)


def _ledger(tokens: list[Token], headings: list[str], name: str) -> Ledger | None:
    """A block stating one amount (“年度资金总额: 604.10 其中:中央资金 340.00 …”) with its rows,
    and whether a 其中 follows the rows (blocks of its parts come next)."""
    figures = leading_figures(tokens)
    if len(figures) != 1:
        return None
    rows = _parts(tokens[1:], headings, 1)
    used = 1 + _leading_qizhong(tokens[1:]) + sum(1 + len(row_figures) for _, row_figures, _ in rows)
    broken_down = used < len(tokens) and tokens[used].cell.text.startswith("其中")
    return Ledger(name, _figure(f"{name}年度资金总额", figures[0]),
                  tuple((label, _figure(f"{name}{label}", values[0])) for label, _, values in rows if values),
                  broken_down, tokens[0].cell.place.start or 0)


def _leading_qizhong(tokens: list[Token]) -> int:
    """1 when the rows open with a 其中 token of its own (“其中:中央资金”), which they skip."""
    return 1 if tokens and tokens[0].cell.text == "其中" else 0


def _name(text: str, start: int) -> str:
    """The words before 年度资金总额 on its line (“水质检测补助资金(万元)”), without the unit."""
    line = text[text.rfind("\n", 0, start) + 1:start].strip()
    if not line:
        previous_end = text.rfind("\n", 0, start)
        line = text[text.rfind("\n", 0, max(previous_end, 0)) + 1:previous_end].strip()
    return re.sub(r"[（(]\s*万?元\s*[)）]|合计|[:：]$", "", line).strip()


def _tokens(view: TextView, start: int) -> Iterator[Token]:
    for match in _TOKEN.finditer(view.text, start, min(len(view.text), start + 600)):
        if match["word"] is not None and _EMPTY.fullmatch(match["word"]):
            continue
        group = "figure" if match["figure"] is not None else "word"
        low, high = match.span(group)
        cell = Cell(match[group], view.place(low, high))
        number = figure(cell) if group == "figure" else None
        yield Token(cell, number, low, group == "figure" and is_glued(cell.text))


def _rule_weight(view: TextView, start: int) -> Token | None:
    """The 分值 a 得分 heading before the block states in its rule (“得分 (20分*执行率)”)."""
    found = list(_SCORE_RULE.finditer(view.text, max(0, start - 400), start))
    if not found:
        return None
    low, high = found[-1].span(1)
    return Token(Cell(found[-1][1], view.place(low, high)), figure(Cell(found[-1][1], Place())), low)


def _block(tokens: list[Token], headings: list[str], rule: Token | None = None) -> list[TableClaim]:
    figures = leading_figures(tokens)
    if not figures:
        return _scattered_rates(tokens, headings)
    amounts, rate = columns(figures, headings)
    rows = _parts(tokens[len(figures):], headings, len(amounts)) if amounts else []
    if len(amounts) == 1 and not rows:
        rows = _later_rows(tokens[len(figures):], headings)
    if len(amounts) < 2 and not rows:  # one amount: a ledger block, “…其中:中央资金 172.00…”
        return []
    names = _names(amounts, headings)
    claims = _rate("年度资金总额", figures, amounts, rate, names)
    claims += _cap("年度资金总额", figures, headings, rule)
    if any(values for _, _, values in rows):
        row = tuple(token.cell for token in figures)
        for column, total in enumerate(amounts):
            parts = tuple(_figure(f"{label} {names[column]}".strip(), values[column])
                          for label, _, values in rows if values)
            what = f"年度资金总额的{names[column]}" if names[column] else "年度资金总额"
            claims.append(TableClaim(TOTAL_ROW, "sum", what,
                                     _figure(f"年度资金总额 {names[column]}".strip(), total), parts, row))
    for label, figures_of_row, values in rows:
        _, row_rate = columns(figures_of_row, headings)
        claims += _rate(label, figures_of_row, values, row_rate, names)
        claims += _cap(label, figures_of_row, headings)
    return claims


def _cap(label: str, figures: list[Token], headings: list[str], rule: Token | None = None
         ) -> list[TableClaim]:
    """The row's 得分 at most its 分值, when the row states both (see :func:`_weight_and_score`)
    or its 得分 heading states the 分值 in its rule (``rule``)."""
    pair = _weight_and_score(figures, headings) if rule is None else _after_rate(figures, rule)
    if pair is None:
        return []
    weight, score = (figure(token.cell, Unit.POINT) for token in pair)
    if weight is None or score is None:
        return []
    # points are exact (a 分值 of 9 is nine points), unlike the amounts of the row
    row = tuple(token.cell for token in figures)
    return [TableClaim(SCORE_CAP, "cap", label, Figure(f"{label} 得分", score, pair[1].cell),
                       (Figure(f"{label} 分值", weight, pair[0].cell),), row)]




def _after_rate(figures: list[Token], weight: Token) -> tuple[Token, Token] | None:
    """The 分值 a heading states and the bare figure right after the row's 执行率 in %."""
    percent = percent_at(figures)
    if percent is None or percent + 1 >= len(figures):
        return None
    score = figures[percent + 1]
    return None if score.number is None or score.number.unit is not Unit.NONE else (weight, score)


def _weight_and_score(figures: list[Token], headings: list[str]) -> tuple[Token, Token] | None:
    """The 分值 and 得分 of a funds row: by the headings when the row has a figure for each
    (“29 29 27.8 9 0.958 8”: a 执行率 written as a fraction; “150 150 125.25 100 83.5% 98”);
    otherwise around a 执行率 in % (“10 98.75% 9”), the whole number before it and the bare
    number after it."""
    if "分值" not in headings or "得分" not in headings:
        return None
    percent = percent_at(figures)
    if headed(figures, headings):
        weight, score = figures[headings.index("分值")], figures[headings.index("得分")]
        largest = MAX_HEADED_WEIGHT
    elif percent is None or percent == 0 or percent + 1 >= len(figures):
        return None
    else:
        weight, score = figures[percent - 1], figures[percent + 1]
        largest = MAX_WEIGHT
    if not is_weight(weight, largest) or score.number is None or score.number.unit is not Unit.NONE:
        return None
    return weight, score


def _rate(label: str, figures: list[Token], amounts: list[Token], rate: Token | None,
          names: tuple[str, ...]) -> list[TableClaim]:
    if rate is None or len(amounts) < 2:
        return []
    terms = (_figure(f"{label} {names[-1]}", amounts[-1]), _figure(f"{label} {names[-2]}", amounts[-2]))
    return [TableClaim(RATIO, "ratio", f"{label} 执行率", _figure(f"{label} 执行率", rate), terms,
                       tuple(token.cell for token in figures))]








def _parts(tokens: list[Token], headings: list[str], width: int
           ) -> list[tuple[str, list[Token], list[Token]]]:
    """The 其中 rows after the block: (label, its figures, its amounts), each with ``width``
    amounts or none; empty when a row states some of them only (it cannot be aligned)."""
    rows: list[tuple[str, list[Token], list[Token]]] = []
    for label, figures in funds_rows(tokens):
        amounts, _ = columns(figures, headings)
        if figures and len(amounts) != width:
            return []
        rows.append((compact(label.cell.text), figures, amounts))
    return rows


def _scattered_rates(tokens: list[Token], headings: list[str]) -> list[TableClaim]:
    """The 执行率 of funds rows whose block lost its total's figures among its headings (OCR:
    “年度资金总额 全年预算数(A) 300 全年执行数(B) 执行率(B/A) 其中 中央补助 自治区补助 300 259.45 86.5%”): a
    funds label followed by amounts and a 执行率 in %, before the form's targets."""
    claims: list[TableClaim] = []
    for index, token in enumerate(tokens):
        if token.number is not None:
            continue
        if _TARGETS.search(token.cell.text):
            break
        figures = leading_figures(tokens[index + 1:])
        amounts, rate = columns(figures, headings)
        if FUNDS.search(token.cell.text) and rate is not None and len(amounts) >= 2:
            label = re.split(r"其中|[）)]", compact(token.cell.text))[-1] or compact(token.cell.text)
            claims += _rate(label, figures, amounts, rate, _names(amounts, headings))
    return claims


def _later_rows(tokens: list[Token], headings: list[str]) -> list[tuple[str, list[Token], list[Token]]]:
    """The 其中 rows of a one-amount block written after a description of the funds
    (“年度资金总额:38.75万元 2022年…推广项目38.75万元(…) 其中:财政拨款…资金37万元 其他资金…1.75万元”): the
    rows after the first 其中 before the form's targets, two at least, each stating its amount."""
    start = next((index for index, token in enumerate(tokens) if token.number is None
                  and (_unbracketed(token).startswith("其中") or _TARGETS.search(token.cell.text))), None)
    if start is None or not _unbracketed(tokens[start]).startswith("其中"):
        return []
    opening = tokens[start]
    rows = _parts([Token(Cell(_unbracketed(opening), opening.cell.place), None, opening.offset),
                   *tokens[start + 1:]], headings, 1)
    return rows if len(rows) >= 2 and all(values for _, _, values in rows) else []


def _unbracketed(token: Token) -> str:
    """A word without the punctuation that closes what comes before it (“）其中”)."""
    return token.cell.text.lstrip("）)，,。；;")


def _names(amounts: list[Token], headings: list[str]) -> tuple[str, ...]:
    """The amount columns' names: the headings' when they name as many, else from the right."""
    if len(amounts) < 2:
        return ("",)
    named = tuple(word for word in headings if word in COLUMNS)
    return named if len(named) == len(amounts) else COLUMNS[-len(amounts):]


def _figure(label: str, token: Token) -> Figure:
    number = token.number if token.number is not None else StatedNumber.of(0)
    return Figure(label, number, token.cell)
