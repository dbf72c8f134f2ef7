"""The words of the 岳阳市财政局 form (template ``yueyang-finance-2021``): 联系人 and 联络电话,
职能职责概述, 年度主要工作内容, 年度总体运行情况, the 定性目标 (预期目标 / 实际完成), the 定量目标
(:mod:`~jixiao.extract.evaluation.finance_targets`), 评价人员 (姓名 and
职务/职称), and the
unit's own parts of 五、评价报告综述.

The 综述's 概况 and 基本支出 are not read: the form's renderer writes them from the figures, so
keeping them as the unit's words would print them twice. What is read is kept as written,
line by line, each line with its place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from jixiao.documents.model import Cell, Document
from jixiao.extract.amounts import NUMBER
from jixiao.extract.evaluation.fields import BLANKS, Fields
from jixiao.extract.evaluation.finance_targets import read_targets
from jixiao.extract.evaluation.rows import Row, rows_of
from jixiao.extract.evaluation.sections import text_place
from jixiao.extract.evaluation.subsections import duties
from jixiao.extract.tables.cells import compact
from jixiao.extract.text_runs import line_starts
from jixiao.findings import Place
from jixiao.numbers import Unit
from jixiao.render.figures import MISSING

_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[、.．]|[（(][一二三四五六七八九十\d]+[）)])\s*")
SUMMARY = "评价报告综述"
"""What opens 五、评价报告综述 (a cell of the paper form, a heading once rendered): the whole
prose part of the form, to its end."""
OWN_PARTS = (("专项支出", "narrative.other"), ("部门（单位）专项组织实施情况", "narrative.implementation"),
             ("部门（单位）整体支出绩效情况", "narrative.performance"),
             ("存在的主要问题", "narrative.problems"), ("改进措施和有关建议", "narrative.measures"))
"""Headings of the 综述 (numbering removed) → the field their text fills, up to the next one."""
PROJECT_ITEMS = "finances.general_budget.projects.items"
_HEAD = re.compile(r"部门（单位）负责人（签章）：[ \t　]*(?P<name>[^\s　]+)")
_ITEMS = re.compile(rf"项目支出{NUMBER}万元(?:，其中一般公共预算项目支出(?P<general>{NUMBER})万元)?"
                    rf"（(?P<list>[^）]+)）")
PROJECTS_TOTAL = "finances.general_budget.projects.total"
_ITEM = re.compile(rf"(?P<name>[^，,]+?)(?P<amount>{NUMBER})万元")
ENDS = ("二、部门（单位）整体支出管理及使用情况", "一、部门（单位）概况")
"""Headings of the generated parts: a part of the unit's words ends at them."""
LISTED = (("年度主要工作内容", "unit.tasks", True),
          ("年度部门（单位）总体运行情况", "narrative.operation", False))
"""Boxes of 基本概况 holding a line per entry → their field, and whether it is a list (a task per
line) rather than a text (a paragraph per line)."""


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a cell or paragraph: its text as written and its place."""

    text: str
    place: Place


def read_finance_words(document: Document, fields: Fields) -> None:
    """联系人, 联络电话, 职能职责, 主要工作, 总体运行情况, 定性目标, 评价人员, the unit's parts of the
    综述 and the project list of its 概况."""
    starts = line_starts(document.text)
    rows = list(rows_of(document))
    for index, row in enumerate(rows):
        head = row.texts()[0] if row.cells else ""
        if head.startswith(f"五、{SUMMARY}"):
            _summary([*_lines(row.cells[0], starts), *_paragraph_lines(rows[index + 1:])], fields)
            return
        if row.paragraph:
            continue
        for label, path in (("联系人", "sign_off.preparer"), ("联络电话", "sign_off.phone")):
            cell = row.after(label)
            if cell is not None:
                fields.text(path, _filled(cell.text), cell.place)
        functions = row.after("职能职责概述")
        if functions is not None:
            _functions(functions, fields)
        for label, path, items in LISTED:
            first = row.after(label)
            if first is not None:
                cells = [first, *(cells[0] for cells in _continued(rows[index + 1:], 1))]
                _listed(path, [line for cell in cells for line in _lines(cell, starts)], fields,
                        items=items)
        if head.startswith("整体支出绩效定性目标"):
            _goals(_continued(rows[index + 1:], 2), starts, fields)
        if head.startswith("整体支出绩效定量目标"):
            read_targets(rows[index + 1:], fields)
        if head.startswith("部门（单位）意见"):
            _head(row.cells[0], starts, fields)
        following = rows[index + 1] if index + 1 < len(rows) else None
        if head == "姓名" and following is not None and not following.paragraph:  # 评价人员
            _reviewer(following, fields)


def _reviewer(row: Row, fields: Fields) -> None:
    """The first row of 评价人员: 姓名 and 职务/职称 (its 单位 is the unit's name, 签字 by hand)."""
    for cell, path in zip(row.cells, ("sign_off.preparer", "sign_off.preparer_title"), strict=False):
        fields.text(path, _filled(cell.text), cell.place)


def _head(cell: Cell, starts: tuple[int, ...], fields: Fields) -> None:
    """部门（单位）负责人 as the opinion box names its signer (“部门（单位）负责人（签章）：张三”)."""
    match = _HEAD.search(cell.text)
    if match is not None and cell.place.start is not None and MISSING not in match["name"]:
        start = cell.place.start + match.start("name")
        fields.text("sign_off.head", match["name"], text_place(starts, start, start + len(match["name"])))


def _filled(text: str) -> str:
    return "" if compact(text) in BLANKS else text


def _functions(cell: Cell, fields: Fields) -> None:
    for index, duty in enumerate(duties(cell.text)):
        fields.put(f"unit.functions[{index}]", duty, cell.place)


def _continued(rows: Sequence[Row], width: int) -> Iterator[tuple[Cell, ...]]:
    """The ``width`` filled cells of each row continuing a labelled box: the paper form writes
    a box in one cell, line by line, a rendered one has a row per entry with the label on the
    first only (the 定性目标 rows under their heading, the tasks under 年度主要工作内容); they end
    at the next labelled row."""
    for row in rows:
        cells = row.filled()
        if row.paragraph or row.texts()[0] not in BLANKS or len(cells) != width:
            return
        yield cells


def _listed(path: str, lines: Sequence[Line], fields: Fields, *, items: bool) -> None:
    """A box's lines into ``path``: a list takes a line per item, a text the lines joined. A
    missing mark is not the unit's words."""
    lines = [line for line in lines if MISSING not in line.text]
    if not items:
        _joined(path, lines, fields)
        return
    for index, line in enumerate(lines):
        fields.put(f"{path}[{index}]", line.text, line.place)


def _joined(path: str, lines: Sequence[Line], fields: Fields) -> None:
    """Lines as one text at ``path``, placed from the first line's start to the last's end."""
    if lines:
        first, last = lines[0].place, lines[-1].place
        place = Place(line=first.line, start=first.start, end=last.end)
        fields.text(path, "\n".join(line.text for line in lines), place)


def _goals(rows: Iterator[tuple[Cell, ...]], starts: tuple[int, ...], fields: Fields) -> None:
    """预期目标 and 实际完成 side by side: in a row, one goal per line when both columns have as
    many lines (目标1… / 1、…), else one goal of the two columns as written."""
    index = 0
    for expected_cell, achieved_cell in rows:
        expected, achieved = _lines(expected_cell, starts), _lines(achieved_cell, starts)
        pairs = list(zip(expected, achieved, strict=True)) if len(expected) == len(achieved) else [
            (Line(expected_cell.text, expected_cell.place), Line(achieved_cell.text, achieved_cell.place))]
        for goal, done in pairs:
            fields.put(f"self_assessment.goals[{index}].expected", goal.text, goal.place)
            fields.put(f"self_assessment.goals[{index}].achieved", done.text, done.place)
            index += 1


def _lines(cell: Cell, starts: tuple[int, ...]) -> list[Line]:
    """The cell's non-blank lines, each placed exactly when the cell's offsets are known."""
    begin = cell.place.start
    lines, offset = [], 0
    for text in cell.text.split("\n"):
        if text.strip():
            place = (cell.place if begin is None
                     else text_place(starts, begin + offset, begin + offset + len(text)))
            lines.append(Line(text.strip(), place))
        offset += len(text) + 1
    return lines


def _paragraph_lines(rows: Sequence[Row]) -> Iterator[Line]:
    """The text after the 综述's opening, to the end of the document (on the paper form it runs
    on out of the table's last cell: “六、改进措施和有关建议” is a paragraph)."""
    for row in rows:
        for cell in row.cells:
            if cell.text.strip():
                yield Line(cell.text.strip(), cell.place)


def _summary(lines: Sequence[Line], fields: Fields) -> None:
    """Each of the unit's parts: the lines under its heading, up to the next heading known."""
    path: str | None = None
    taken: dict[str, list[Line]] = {}
    for line in lines:
        _project_items(line, fields)
        title = compact(_NUMBERING.sub("", line.text))
        heading = next((target for words, target in OWN_PARTS if title == words), None)
        if heading is not None:
            path = heading
            continue
        if any(title == compact(_NUMBERING.sub("", end)) for end in ENDS):
            path = None
            continue
        if path is not None:
            taken.setdefault(path, []).append(line)
    for target, part in taken.items():
        _joined(target, part, fields)


def _project_items(line: Line, fields: Fields) -> None:
    """The 项目支出 items the 概况 lists in brackets as jixiao writes it (“项目支出46.90万元（党群人事
    专项支出12.44万元，…）”), and their own 一般公共预算 total where it is written before them
    (“…，其中一般公共预算项目支出77.47万元（…）”); the amounts keep the place of the line."""
    listed = _ITEMS.search(line.text)
    if listed is None or fields.count(PROJECT_ITEMS):
        return
    if listed["general"] is not None:
        fields.number(PROJECTS_TOTAL, listed["general"], line.place, Unit.WAN_YUAN)
    for index, item in enumerate(_ITEM.finditer(listed["list"])):
        fields.put(f"{PROJECT_ITEMS}[{index}].name", item["name"].strip(), line.place)
        fields.number(f"{PROJECT_ITEMS}[{index}].amount", item["amount"], line.place, Unit.WAN_YUAN)
