"""Amount tables: 合计 rows against their items, and rate columns against the columns they
divide.

* **total row** (JX-TABLE-004) — a row labelled 合计, 总计, 小计, 汇总 (or ending so, such as
  ``"局机关及二级机构汇总"``) right under its header adds up the rows below it; one at the
  bottom, the rows above it up to the header. The items must be one flat list: all numbered
  alike (``1、``, ``（一）``) or none numbered, none a 其中 row, all as wide as the total row. Each
  column where the total states an amount is checked; an empty item cell counts as nothing,
  and a column whose items are all empty is not assessable.
* **rate column** (JX-TABLE-005) — a column headed 执行率, 完成率 or 控制率 is its row's
  numerator over its denominator, the columns its header names: by letters (``执行率(B/A)``
  over ``全年预算数(A)`` and ``全年执行数(B)``), or by words among the columns to its left
  (执行数/预算数 — the 全年 budget before the 年初 one —, 实有人数/编制数, 实际/批复).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from jixiao.documents.model import Cell, Table
from jixiao.extract.tables.cells import Figure, TableClaim, compact, figure, row_label
from jixiao.numbers import Unit
from jixiao.relations import Verdict, check_sum

TOTAL_ROW, RATIO = "JX-TABLE-004", "JX-TABLE-005"

_TOTAL = re.compile(r"(?:合计|总计|小计|汇总|共计)[:：]?|.{1,20}(?:合计|汇总)")
_NUMBERED = (re.compile(r"\d+[、.．]"), re.compile(r"[（(][一二三四五六七八九十\d]+[）)]"),
             re.compile(r"[一二三四五六七八九十]+、"))
_RATE = re.compile(r".*(?:执行率|完成率|控制率)")
_LETTERS = re.compile(r"[（(]\s*([A-Z])\s*/\s*([A-Z])\s*[）)]")
_WORDS = {  # rate word → (numerator, denominator, preferred denominator)
    "控制率": (re.compile("实际|实有|在职"), re.compile("编制|核定|批复|预算|概算"), None),
    "执行率": (re.compile("执行|决算|实际"), re.compile("预算"), re.compile("全年|调整")),
    "完成率": (re.compile("完成|决算|执行|实际"), re.compile("预算|计划|目标"), re.compile("全年|调整")),
}


def amount_claims(table: Table, *, totals: bool = True) -> Iterator[TableClaim]:
    """The relations of the rate columns and, when ``totals``, of the 合计 rows of ``table``."""
    if totals:
        yield from _total_rows(table.rows)
    yield from _rate_columns(table.rows)


def _is_header(row: Sequence[Cell]) -> bool:
    texts = [cell for cell in row if cell.text]
    return len(texts) >= 2 and all(figure(cell) is None for cell in texts)


def _total_rows(rows: Sequence[Sequence[Cell]]) -> Iterator[TableClaim]:
    for index, row in enumerate(rows):
        if not _TOTAL.fullmatch(row_label(row)) or not row or not row[0].text:
            continue
        at_top = index == 0 or _is_header(rows[index - 1])
        step = 1 if at_top else -1
        items = list(_items(rows, index + step, step, len(row)))[::step]  # in reading order
        if (len(items) >= 2 and _flat(items)) or (len(items) == 1 and at_top):
            above = index - 1 if at_top else index - len(items) - 1
            header = rows[above] if above >= 0 and _is_header(rows[above]) else None
            yield from _column_sums(row, items, _names(header, len(row)))


def _names(header: Sequence[Cell] | None, width: int) -> list[str]:
    """What each column is called in messages: its header word, else 第N列."""
    texts = [compact(cell.text) for cell in header] if header is not None and len(header) == width else []
    return [texts[col] if texts and texts[col] else f"第{col + 1}列" for col in range(width)]


def _items(rows: Sequence[Sequence[Cell]], start: int, step: int, width: int
           ) -> Iterator[Sequence[Cell]]:
    index = start
    while 0 <= index < len(rows):
        row = rows[index]
        if len(row) != width or _is_header(row) or _TOTAL.fullmatch(row_label(row)) or not row[0].text:
            return
        yield row
        index += step


def _flat(items: list[Sequence[Cell]]) -> bool:
    labels = [compact(row[0].text) for row in items]
    if any(label.startswith("其中") for label in labels):
        return False
    styles = {next((i for i, style in enumerate(_NUMBERED) if style.match(label)), None)
              for label in labels}
    return len(styles) == 1


def _shifted(total_row: Sequence[Cell], items: list[Sequence[Cell]]) -> bool:
    """Whether the rows seem to have lost cells on their left: the total states a column no row
    fills, right of one they fill (“支出合计 | 1355.81 | 588.23” over “维修费 | 10.62”, the 实际
    column's amounts standing under 计划), so no column can be summed as it stands."""
    filled = [figure(total_row[col]) is not None and any(figure(row[col]) is not None for row in items)
              for col in range(len(total_row))]
    stated = [figure(cell) is not None for cell in total_row]
    return any(stated[col] and not filled[col] and any(filled[:col]) for col in range(len(total_row)))


def _realigned(total_row: Sequence[Cell], items: list[Sequence[Cell]], names: list[str]
               ) -> Iterator[TableClaim]:
    """The sum of rows that lost cells on their left, each one figure in the same column: the
    column of the total they make up is told by their arithmetic (the one total they add up
    to), since their place no longer tells it."""
    columns = {col for row in items for col, cell in enumerate(row) if figure(cell) is not None}
    if len(columns) != 1 or any(sum(figure(cell) is not None for cell in row) != 1 for row in items):
        return
    (column,) = columns
    parts = tuple(Figure(compact(row[0].text), number, row[column]) for row in items
                  if (number := figure(row[column])) is not None)
    if any(part.number.unit is Unit.PERCENT for part in parts):
        return
    totals = [col for col in range(column, len(total_row)) if (total := figure(total_row[col])) is not None
              and total.unit is not Unit.PERCENT
              and check_sum(total, [part.number for part in parts]).verdict is Verdict.HOLDS]
    if len(totals) == 1:
        (col,) = totals
        stated = figure(total_row[col])
        if stated is not None:
            label = compact(total_row[0].text)
            yield TableClaim(TOTAL_ROW, "sum", f"{label}的{names[col]}",
                             Figure(f"{label} {names[col]}", stated, total_row[col]), parts, tuple(total_row))


def _column_sums(total_row: Sequence[Cell], items: list[Sequence[Cell]], names: list[str]
                 ) -> Iterator[TableClaim]:
    label = compact(total_row[0].text)
    if _shifted(total_row, items):
        yield from _realigned(total_row, items, names)
        return
    for col in range(1, len(total_row)):
        total = figure(total_row[col])
        if total is None or total.unit is Unit.PERCENT:
            continue
        parts = []
        for row in items:
            cell = row[col]
            number = figure(cell)
            if number is None and cell.text not in ("", "-", "—", "/"):
                break
            if number is not None:
                parts.append(Figure(f"{compact(row[0].text)} {names[col]}", number, cell))
        else:
            if not parts or any(part.number.unit is Unit.PERCENT for part in parts):
                continue
            name = names[col] if names[col].startswith("第") else f"的{names[col]}"
            stated = Figure(f"{label} {names[col]}", total, total_row[col])
            yield TableClaim(TOTAL_ROW, "sum", f"{label}{name}", stated, tuple(parts), tuple(total_row))


def _rate_columns(rows: Sequence[Sequence[Cell]]) -> Iterator[TableClaim]:
    header: Sequence[Cell] | None = None
    pairs: list[tuple[int, int, int]] = []
    for row in rows:
        if _is_header(row):
            header, pairs = row, _rate_pairs(row)
        elif header is not None and pairs and len(row) == len(header):
            for rate, numerator, denominator in pairs:
                claim = _rate(header, row, rate, numerator, denominator)
                if claim is not None:
                    yield claim


def _rate_pairs(header: Sequence[Cell]) -> list[tuple[int, int, int]]:
    """(rate, numerator, denominator) columns of a header row."""
    texts = [compact(cell.text) for cell in header]
    pairs, previous = [], -1
    for col, text in enumerate(texts):
        if not _RATE.match(text):
            continue
        pair = _by_letters(texts, text) or _by_words(texts, text, previous, col)
        if pair is not None:
            pairs.append((col, *pair))
        previous = col
    return pairs


def _by_letters(texts: list[str], rate: str) -> tuple[int, int] | None:
    match = _LETTERS.search(rate)
    if match is None:
        return None
    cols = [next((i for i, text in enumerate(texts) if re.search(rf"[（(]{letter}[）)]$", text)), None)
            for letter in match.groups()]
    numerator, denominator = cols
    return None if numerator is None or denominator is None else (numerator, denominator)


def _by_words(texts: list[str], rate: str, previous: int, col: int) -> tuple[int, int] | None:
    word = next((word for word in _WORDS if word in rate), None)
    if word is None:
        return None
    numerator_words, denominator_words, preferred = _WORDS[word]
    span = range(col - 1, previous, -1)
    numerator = next((i for i in span if numerator_words.search(texts[i])), None)
    denominators = [i for i in span if i != numerator and denominator_words.search(texts[i])]
    best = [i for i in denominators if preferred is not None and preferred.search(texts[i])]
    chosen = best or denominators
    return None if numerator is None or not chosen else (numerator, chosen[0])


def _rate(header: Sequence[Cell], row: Sequence[Cell], rate_col: int, numerator_col: int,
          denominator_col: int) -> TableClaim | None:
    # Head counts (编制数, 实有人数) are exact; amounts are rounded.
    counted = Unit.PERSON if any("人" in header[col].text for col in (numerator_col, denominator_col)) \
        else Unit.NONE
    rate = figure(row[rate_col])
    numerator, denominator = figure(row[numerator_col], counted), figure(row[denominator_col], counted)
    if rate is None or numerator is None or denominator is None or rate.unit is not Unit.PERCENT \
            or Unit.PERCENT in (numerator.unit, denominator.unit):
        return None
    where = row_label(row)
    names = [f"{where} {compact(header[col].text)}".strip()
             for col in (rate_col, numerator_col, denominator_col)]
    stated = Figure(names[0], rate, row[rate_col])
    terms = (Figure(names[1], numerator, row[numerator_col]),
             Figure(names[2], denominator, row[denominator_col]))
    return TableClaim(RATIO, "ratio", names[0], stated, terms, tuple(row))
