"""Score tables (评分表, 自评表): 分值 and 得分 of indicators, blocks and the 总分.

A score table is recognised by a header row with a 分值 column (分值, 权重, 标准分) and a 得分
column (得分, 评分, 自评得分, 自评分); level columns (一级指标, 二级指标, 三级指标) are optional. A header
with two level columns and only one of 分值 and 得分 heads a table whose indicator cells state
their weights (“相关性(5分)”): each block's weight is the sum of its children's. Rows below a
header are read against it; a row that lost cells (merged cells on the left, an empty 偏差原因
or an unfilled 得分 on the right, a label column its header leaves out) is aligned where a 分值
falls under 分值 (see :func:`_aligned`). A merged level cell appears once and applies to the rows
below it until the next non-empty cell in its column or a column to its left; a block weight
is written in that cell (``"产出指标（50分）"``) or in the block's own row.

Relations (whole points are exact: ``6`` is six points, see :data:`jixiao.numbers.WHOLE_UNITS`):

* **weight_sum** — the 分值 of a block's indicators add up to the block's weight, and all
  indicators' 分值 to the 总分's 分值;
* **score_sum** — the indicators' 得分 add up to the 总分's 得分;
* **weight_sum** also holds a rubric in a cell after 得分 (“制度健全(3分) 执行有效(2分)”) to the
  indicator's weight, when its points add up to the weight or less (more are alternatives);
* **score_cap** — no 得分 above its 分值;
* **score_bound** (code of score_sum) — a total score stated above the table (“项目名称 … 自评得分
  97”) of a table that has no 总分 row is at most the full score, 100, less the points its
  indicators visibly lost: rows left out (a truncated table) can only lose more.

A table left unfilled (``……`` rows, fewer than two weighted indicators) gives no total finding;
nor does a block of 可选项 indicators, which are alternatives.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from jixiao.documents.model import Cell, Table
from jixiao.extract.tables.cells import Figure, TableClaim, compact, figure, part_of, row_label
from jixiao.numbers import Unit

WEIGHT_SUM, SCORE_SUM, SCORE_CAP = "JX-TABLE-001", "JX-TABLE-002", "JX-TABLE-003"

WEIGHT_HEADING = re.compile(r"(?:指标)?(?:分值|权重|标准分|满分)(?:[（(]分[）)])?")
SCORE_HEADING = re.compile(r"(?:自评|评价)?(?:得分|评分)(?:[（(]分[）)])?|自评分")
LEVEL_HEADING = re.compile(r"[一二三]级指标")
_TOTAL = re.compile(r"(?:总分|合计|总计|综合得分|得分合计|分值合计|自评总分)[:：]?")
_RUBRIC_POINTS = re.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[）)]|(?<=[得计])\s*(\d+(?:\.\d+)?)\s*分")
"""A rubric's points: “制度健全(3分)”, or “…的,得2分”, “计2分”."""
_BONUS_WORD = "加"
"""A rubric cell that awards extra points (加1分): its points are no parts of the weight."""
_STATED_TOTAL = re.compile(r"(?:自评|综合)(?:得分|总分)|自评总得分|总得分")
FULL_SCORE = 100
"""The full score of a 自评表: its 分值 add up to 100 (docs/domain.md §3)."""
_STATED_WEIGHT = re.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*分?\s*[）)]")
_PLACEHOLDER = re.compile(r"[…]+|\.{3,}")
_OPTIONAL = "可选"
"""An indicator marked 可选(项) is one of alternatives: its block's weights are not a sum."""


NO_COLUMN = -1


@dataclass(frozen=True, slots=True)
class _Header:
    """Columns of a score table's header; ``weight`` is :data:`NO_COLUMN` when the indicator
    cells state their weights (“相关性(5分)”), ``score`` when the table has no 得分 column."""

    width: int
    weight: int
    score: int
    levels: tuple[int, ...]
    filled: int = 0
    """How many of its cells have text: the header's width without the padding of its row."""


@dataclass(slots=True)
class _Group:
    """An open block: its level column, label, stated weight and the weights below it."""

    col: int
    label: str
    stated: Figure | None
    row: Sequence[Cell]
    weights: list[Figure] = field(default_factory=list)
    unfilled: bool = False


@dataclass(slots=True)
class _Sheet:
    """What a score table has shown so far: the open blocks and the weighted indicators."""

    groups: list[_Group] = field(default_factory=list)
    weights: list[Figure] = field(default_factory=list)
    scores: list[Figure | None] = field(default_factory=list)
    unfilled: bool = False


def is_score_table(table: Table) -> bool:
    """Whether a row of the table heads 分值 and 得分 columns."""
    return any(_header(row) is not None for row in table.rows)


def score_claims(table: Table) -> Iterator[TableClaim]:
    header: _Header | None = None
    sheet = _Sheet()
    stated: Figure | None = None
    previous: Sequence[Cell] = ()
    rows = list(_header_apart(table.rows))
    for index, row in enumerate(rows):
        found = _header(row)
        if found is not None:
            yield from _close_groups(sheet, 0)
            header = _two_rows(previous, row) or found
        elif header is not None and not _caption(row, rows[index + 1:index + 2]):
            yield from _read_row(header, row, sheet)
        else:
            stated = _stated_total(row) or stated
        previous = row
    yield from _close_groups(sheet, 0, at_end=table.cut)
    if stated is not None:
        yield from _bound(stated, sheet)


def _caption(row: Sequence[Cell], following: Sequence[Sequence[Cell]]) -> bool:
    """Whether the row is the caption of a table whose header follows it (“单位名称/ 项目名称”
    before “一级指标 | 二级指标 | …”): no indicator, though it stands in a level column."""
    return bool(following) and _header(following[0]) is not None \
        and not any(figure(cell) is not None or _STATED_WEIGHT.search(cell.text) for cell in row)


def _header_apart(rows: Sequence[Sequence[Cell]]) -> Iterator[Sequence[Cell]]:
    """The rows, a header that the extraction ran together with the first row below it
    (“一级指标 | 二级指标 | 三级指标 | 自评分 | … | 得分 | 项目决策(15分) | …”, a dump with one cell a
    line and no line between its rows) cut where the first cell stating a weight or a figure
    begins the row."""
    for row in rows:
        cut = next((index for index, cell in enumerate(row)
                    if figure(cell) is not None or _STATED_WEIGHT.search(cell.text)), len(row))
        if 0 < cut < len(row) and _header(row[:cut]) is not None:
            yield row[:cut]
            yield row[cut:]
        else:
            yield row


def _stated_total(row: Sequence[Cell]) -> Figure | None:
    """A total score stated beside its label above the table (“自评得分 97”)."""
    for label, value in pairwise(row):
        if _STATED_TOTAL.fullmatch(compact(label.text)):
            return _points(compact(label.text), value)
    return None


def _bound(stated: Figure, sheet: _Sheet) -> Iterator[TableClaim]:
    """The stated total against what the indicators read, and their lost points, allow; only
    when the table had no 总分 row (whose sum is checked in full) and its indicators were read."""
    pairs = [(weight, score) for weight, score in zip(sheet.weights, sheet.scores, strict=True)
             if score is not None]
    if len(pairs) >= 2 and not sheet.unfilled:
        terms = tuple(figure for pair in pairs for figure in pair)
        yield TableClaim(SCORE_SUM, "bound", stated.label, stated, terms, (stated.cell,))


def _header(row: Sequence[Cell]) -> _Header | None:
    written = "".join([cell.text for cell in row])
    if "分" not in written and "权" not in written:  # a 分值 or 得分 heading has one of them
        return None
    texts = [compact(cell.text) for cell in row]
    weight = next((i for i, text in enumerate(texts) if WEIGHT_HEADING.fullmatch(text)), NO_COLUMN)
    score = next((i for i, text in enumerate(texts) if SCORE_HEADING.fullmatch(text)), NO_COLUMN)
    levels = tuple(i for i, text in enumerate(texts) if LEVEL_HEADING.fullmatch(text))
    both = weight != NO_COLUMN and score != NO_COLUMN
    if both or (len(levels) >= 2 and NO_COLUMN in (weight, score) and (weight, score) != (NO_COLUMN,) * 2):
        return _Header(len(row), weight, score, levels, len(_unpadded(row)))
    return None


def _two_rows(upper: Sequence[Cell], lower: Sequence[Cell]) -> _Header | None:
    """The header of two rows: a row of level headings whose last cells head the columns the
    short row below names (“序号 | 一级指标 | … | 指标 | 县级 | 市级” over “分值 | 评分 | 评分”)."""
    upper, lower = _unpadded(upper), _unpadded(lower)
    levels = [cell for cell in upper if LEVEL_HEADING.fullmatch(compact(cell.text))]
    if len(levels) < 2 or len(lower) >= len(upper) or _header(upper) is not None:
        return None
    merged = [*upper[:len(upper) - len(lower)], *lower]
    found = _header(merged)
    return None if found is None or found.weight == NO_COLUMN else found


def _aligned(header: _Header, row: Sequence[Cell]) -> dict[int, Cell] | None:
    """The row's cells by header column. A row lost cells on the left (merged level cells, a
    label column the header leaves out) or on the right (an empty 偏差原因, an unfilled 得分):
    it is aligned as far right as puts a 分值 under 分值, a 得分 or nothing under 得分, no
    figure under a level column and text only after 得分; on the right when none does."""
    if header.weight == NO_COLUMN:
        return _in_levels(header, row)
    widest = header.width - len(row)
    shifts = list(range(widest, -1, -1)) if widest >= 0 else []
    if widest < 0 and not any(figure(cell) is not None for cell in row[:-widest]):
        shifts.append(widest)
    numbered = _numbered(header, row)
    if numbered is not None:
        return numbered
    last = next((index for index in range(len(row) - 1, -1, -1) if figure(row[index]) is not None), None)
    if last is not None and header.score > header.weight and len(_unpadded(row)) > header.filled:
        # a row wider than its header (a two-row header: “年度指标值” over 指标性质, 指标值 and
        # 度量单位) puts its last figure under 得分
        shifts.append(header.score - last)
    for shift in shifts:
        cells = {col + shift: cell for col, cell in enumerate(row) if col + shift >= 0}
        if _fits(header, cells):
            return cells
    return None if widest < 0 else {col + widest: cell for col, cell in enumerate(row)}


def _numbered(header: _Header, row: Sequence[Cell]) -> dict[int, Cell] | None:
    """A row that keeps its 序号 in the first column and lost merged level cells after it
    (“2 | 申报审批 | … | 2 | 2” under “序号 | 一级指标 | 二级指标 | 三级指标 | …”): the number stays
    in its column, the other cells are aligned from the right."""
    if not header.levels or header.levels[0] == 0 or len(row) < 2 or figure(row[0]) is None:
        return None
    rest = header.width - len(row)
    for shift in range(rest, -1, -1):
        cells = {0: row[0]} | {col + shift: cell for col, cell in enumerate(row) if col}
        if _fits(header, cells):
            return cells
    return None


def _unpadded(row: Sequence[Cell]) -> Sequence[Cell]:
    """The row without the empty cells that pad it to the table's width."""
    end = len(row)
    while end > 0 and not row[end - 1].text:
        end -= 1
    return row[:end]


def _in_levels(header: _Header, row: Sequence[Cell]) -> dict[int, Cell] | None:
    """A row of a table whose indicator cells state their weights: its text cells end at the
    deepest level column, a figure after them is its 得分."""
    cells = list(row)
    found: dict[int, Cell] = {}
    if header.score != NO_COLUMN:  # text columns after 得分 (评价标准) keep their header columns
        after = header.width - 1 - header.score
        tail: list[Cell] = []
        while cells and len(tail) < after and figure(cells[-1]) is None \
                and any(figure(cell) is not None for cell in cells[:-1]):
            tail.insert(0, cells.pop())
        found |= {header.score + 1 + index: cell for index, cell in enumerate(tail)}
    while cells and not cells[-1].text:
        cells.pop()
    if cells and figure(cells[-1]) is not None and header.score != NO_COLUMN:
        found[header.score] = cells.pop()
    if len(cells) > len(header.levels) or any(figure(cell) is not None for cell in cells):
        return None
    levels = header.levels[len(header.levels) - len(cells):]
    return found | dict(zip(levels, cells, strict=True))


def _fits(header: _Header, cells: dict[int, Cell]) -> bool:
    weight = figure(cells.get(header.weight), Unit.POINT)
    score = cells.get(header.score)
    return (weight is not None and weight.unit is Unit.POINT
            and (score is None or not score.text or _PLACEHOLDER.search(score.text) is not None
                 or _points("", score) is not None)
            and not any(figure(cells.get(col)) is not None for col in header.levels)
            and not any(figure(cell) is not None for col, cell in cells.items() if col > header.score))


def _read_row(header: _Header, row: Sequence[Cell], sheet: _Sheet) -> Iterator[TableClaim]:
    if _total_label(row) is not None:
        yield from _total_row(header, row, sheet)
        return
    cells = _aligned(header, row)
    if cells is None:
        return
    for col in header.levels:
        cell = cells.get(col)
        if cell is not None and cell.text:
            yield from _close_groups(sheet, col)
            group = _open_group(col, cell, row)
            if header.weight == NO_COLUMN:
                _add_to_parent(sheet, group)
            sheet.groups.append(group)
    if any(_PLACEHOLDER.search(cell.text) or _OPTIONAL in cell.text for cell in row):
        sheet.unfilled = True
        for group in sheet.groups:
            group.unfilled = True
    if header.weight == NO_COLUMN:
        yield from _weight_in_cell(header, cells, sheet, row)
        return
    weight_cell, score_cell = cells.get(header.weight), cells.get(header.score)
    weight = figure(weight_cell, Unit.POINT)
    if weight is None or weight.unit is not Unit.POINT or weight_cell is None:
        return
    label = _label(header, cells, row)
    weighed = Figure(f"{label} 分值", weight, weight_cell)
    # a figure in % under 得分 is a rate the row lost its cells before, not points
    scored = None if score_cell is None else _points(f"{label} 得分", score_cell)
    if scored is not None:
        yield from _cap(weighed, scored, label, row)
    figures = {header.weight, header.score, *header.levels}
    yield from _rubric(label, weighed, [cell for col, cell in cells.items() if col not in figures], row)
    if _is_block_row(header, cells) and sheet.groups and sheet.groups[-1].stated is None:
        sheet.groups[-1].stated = weighed
        return
    sheet.weights.append(weighed)
    sheet.scores.append(scored)
    for group in sheet.groups:
        group.weights.append(weighed)


def _add_to_parent(sheet: _Sheet, group: _Group) -> None:
    """Where cells state the weights (“目标任务(15分)” above “相关性(5分)”), a block's weight is
    the sum of its children's; a child without a weight leaves its block's sum unknown."""
    parent: _Group | _Sheet = sheet.groups[-1] if sheet.groups else sheet
    if group.stated is None:
        parent.unfilled = True
    else:
        parent.weights.append(group.stated)


def _weight_in_cell(header: _Header, cells: dict[int, Cell], sheet: _Sheet,
                    row: Sequence[Cell]) -> Iterator[TableClaim]:
    """The 得分 of an indicator whose cell states its weight, against that weight."""
    leaf = cells.get(header.levels[-1])
    if leaf is None or not leaf.text or not sheet.groups:
        return
    own = sheet.groups[-1]
    score = cells.get(header.score)
    number = figure(score, Unit.POINT)
    scored = None if score is None or number is None else Figure(f"{own.label} 得分", number, score)
    if scored is not None and own.stated is not None:
        yield from _cap(own.stated, scored, own.label, row)
    if own.stated is not None:
        yield from _rubric(own.label, own.stated, [cell for col, cell in cells.items() if col > header.score],
                           row)
    sheet.scores.append(scored)


def _rubric(label: str, weight: Figure, cells: list[Cell], row: Sequence[Cell]) -> Iterator[TableClaim]:
    """The points of a scoring rubric in a cell (“制度健全(3分) 执行有效(2分)”) against the
    indicator's weight. Only points that add up to the weight or less are a claim: points
    above it are alternatives (“100%(4分)，90%以上(3分)”), and deductions (扣) are no parts."""
    for cell in cells:
        points = list(_points_of(cell))
        if len(points) >= 2 and "扣" not in cell.text and _BONUS_WORD not in cell.text \
                and sum(point.number.value for point in points) <= weight.number.value:
            yield from _sum(WEIGHT_SUM, f"{label}的分值", weight, points, "评分要点分值", row)


def _points_of(cell: Cell) -> Iterator[Figure]:
    """The points of a rubric cell, each named by the words before it (“制度健全(3分)”)."""
    previous = 0
    for match in _RUBRIC_POINTS.finditer(cell.text):
        group = 1 if match.group(1) is not None else 2
        piece = part_of(cell, match.start(group), match.end(group))
        number = figure(piece, Unit.POINT)
        if number is not None:
            yield Figure(compact(cell.text[previous:match.start()]).strip("，,；;、 "), number, piece)
        previous = match.end()


def _open_group(col: int, cell: Cell, row: Sequence[Cell]) -> _Group:
    # the last bracket states the weight: “科技(制度、方法等)创新(5分)”
    match = next(reversed(list(_STATED_WEIGHT.finditer(cell.text))), None)
    label = compact(_STATED_WEIGHT.sub("", cell.text)) or compact(cell.text)
    if match is None:
        return _Group(col, label, None, row)
    number = figure(part_of(cell, match.start(1), match.end(1)), Unit.POINT)
    stated = None if number is None else Figure(f"{label} 分值", number,
                                                part_of(cell, match.start(1), match.end(1)))
    return _Group(col, label, stated, row)


def _is_block_row(header: _Header, cells: dict[int, Cell]) -> bool:
    """A row of a block (its own 分值) rather than an indicator: its deepest level cell is empty."""
    if len(header.levels) < 2:
        return False
    leaf = cells.get(header.levels[-1])
    named = any(cells.get(col) is not None and cells[col].text for col in header.levels[:-1])
    return named and (leaf is None or not leaf.text)


def _label(header: _Header, cells: dict[int, Cell], row: Sequence[Cell]) -> str:
    for col in reversed(header.levels):
        cell = cells.get(col)
        if cell is not None and cell.text:
            return compact(_STATED_WEIGHT.sub("", cell.text))
    return row_label(row) or "本行"


def _close_groups(sheet: _Sheet, col: int, *, at_end: bool = False) -> Iterator[TableClaim]:
    """Close the open blocks at level column ``col`` or deeper, checking their weights. A block
    the end of a cut table closes (an excerpt, a page break: :attr:`Table.cut`) may have lost
    its last indicators: weights short of its own say nothing there, weights above it fail."""
    while sheet.groups and sheet.groups[-1].col >= col:
        group = sheet.groups.pop()
        short = at_end and group.stated is not None \
            and sum(weight.number.value for weight in group.weights) < group.stated.number.value
        if group.stated is not None and group.weights and not group.unfilled and not short:
            yield from _sum(WEIGHT_SUM, f"{group.label}的分值", group.stated, group.weights, "分值",
                            group.row)


def _total_row(header: _Header, row: Sequence[Cell], sheet: _Sheet) -> Iterator[TableClaim]:
    yield from _close_groups(sheet, 0)
    weight, score = _total_figures(header, row)
    complete = len(sheet.weights) >= 2 and not sheet.unfilled
    if complete and weight is not None:
        yield from _sum(WEIGHT_SUM, "总分的分值", weight, sheet.weights, "分值", row)
    scores = [item for item in sheet.scores if item is not None]
    if complete and score is not None and len(scores) == len(sheet.scores):
        yield from _sum(SCORE_SUM, "总分（得分）", score, scores, "得分", row)
    if weight is not None and score is not None:
        yield from _cap(weight, score, "总分", row)
    sheet.weights, sheet.scores, sheet.unfilled = [], [], False


def _total_label(row: Sequence[Cell]) -> int | None:
    """The column of the row's 总分 label, when the row is a total row: the label is its first
    text cell, or a later one that figures follow (“其他需要说明事项 | 无 | 总分 | 100 | 97 | 良”,
    the 总分 row merged with the row of remarks before it)."""
    for index, cell in enumerate(row):
        if _TOTAL.fullmatch(compact(cell.text)):
            first = compact(cell.text) == row_label(row)
            if first or any(figure(after) is not None for after in row[index + 1:]):
                return index
    return None


def _total_figures(header: _Header, row: Sequence[Cell]) -> tuple[Figure | None, Figure | None]:
    """The 总分 row's 分值 and 得分: by column when the row is as wide as its header and its
    label stands before the 分值 column, else the two figures after the label, in the header's
    order (a grade word may follow them)."""
    if NO_COLUMN in (header.weight, header.score):
        return None, None
    label = _total_label(row) or 0
    if len(row) == header.width and label < min(header.weight, header.score):
        weight_cell, score_cell = row[header.weight], row[header.score]
    else:
        cells = [cell for cell in row[label + 1:] if figure(cell, Unit.POINT) is not None]
        if len(cells) != 2:
            return None, None
        weight_cell, score_cell = cells if header.weight < header.score else cells[::-1]
    return _points("总分 分值", weight_cell), _points("总分 得分", score_cell)


def _points(label: str, cell: Cell) -> Figure | None:
    number = figure(cell, Unit.POINT)
    return None if number is None or number.unit is not Unit.POINT else Figure(label, number, cell)


def _sum(code: str, what: str, stated: Figure, parts: list[Figure], kind: str,
         row: Sequence[Cell]) -> Iterator[TableClaim]:
    yield TableClaim(code, "sum", what, stated, tuple(parts), tuple(row), kind)


def _cap(weight: Figure, score: Figure, label: str, row: Sequence[Cell]) -> Iterator[TableClaim]:
    yield TableClaim(SCORE_CAP, "cap", label, score, (weight,), tuple(row))
