"""整体支出绩效定量目标及实施计划完成情况 of the 岳阳市财政局 form (template ``yueyang-finance-2021``).

The table prints 评价内容 (一级, 二级), 绩效目标 and 完成情况, and no 分值 or 得分: each row is an
indicator without a weight (the model allows it for this form: its ``template.yaml`` says
``indicator_weights: false``, see :mod:`jixiao.profiles.forms`). 评价内容 is written on a group's first
row only (the paper merges it down), so a blank one continues the row above.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from jixiao.documents.model import Cell
from jixiao.extract.evaluation.fields import BLANKS, Fields
from jixiao.extract.evaluation.rows import Row
from jixiao.extract.tables.cells import compact
from jixiao.render.figures import MISSING

INDICATORS = "self_assessment.indicators"
_WIDTH = 5
"""The table's columns: its label (merged down), 一级, 二级, 绩效目标, 完成情况."""
_NAMED = "："
"""What parts a named target (“指标1：…”, “时效指标：≥95%”) from its target, as the form prints it."""


def read_targets(rows: Sequence[Row], fields: Fields) -> None:
    """The rows under the table's header, each an indicator: level1, level2, name and target
    (the 绩效目标 split at its first “：”, else the whole of it as the name) and actual."""
    level1: Cell | None = None
    level2: Cell | None = None
    for cells in _rows(rows):
        _, first, second, goal, done = cells
        if _stated(first.text):
            level1, level2 = first, None
        if _stated(second.text):
            level2 = second
        if level1 is None or not _stated(goal.text):
            continue
        path = f"{INDICATORS}[{fields.count(INDICATORS)}]"
        fields.put(f"{path}.level1", level1.text.strip(), level1.place)
        if level2 is not None:
            fields.put(f"{path}.level2", level2.text.strip(), level2.place)
        name, target = split_goal(goal.text)
        fields.put(f"{path}.name", name, goal.place)
        fields.text(f"{path}.target", target, goal.place)
        fields.text(f"{path}.actual", done.text if _stated(done.text) else "", done.place)


def split_goal(text: str) -> tuple[str, str]:
    """A 绩效目标 as name and target: split at its first “：”, else all of it the name."""
    name, _, target = text.strip().partition(_NAMED)
    if not target.strip():
        return text.strip(), ""
    return name.strip(), target


def _stated(text: str) -> bool:
    return compact(text) not in BLANKS and MISSING not in text


def _rows(rows: Sequence[Row]) -> Iterator[tuple[Cell, ...]]:
    """The table's body: rows of its five cells with the label column blank, to the next label
    (绩效自评综合得分)."""
    for row in rows:
        if row.paragraph or len(row.cells) != _WIDTH or row.texts()[0] not in BLANKS:
            return
        yield tuple(row.cells)
