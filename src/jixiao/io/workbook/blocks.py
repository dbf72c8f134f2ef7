"""The vocabulary of the guided workbook's layout: kinds of cell, rows, columns, blocks, sheets.

The layouts written in it (:mod:`jixiao.io.workbook.layout`) say which sheet, block, row and
column holds which field; the writer lays the workbook out from them and the reader finds every
field by them, so the two cannot drift apart. A sheet is a stack of blocks, each opened by a title row in
column A (``【绩效指标】``) and a header row; the reader locates blocks by their title and
columns by their header, so a user may insert rows inside a block without breaking anything.

* :class:`RowsBlock`: labelled rows (column A names the row, value columns follow, a 说明 column
  last), e.g. 基本情况 or the 经费控制情况 grid of 附件1.
* :class:`TableBlock`: one row per list item (indicators, goals, 专项). With ``owner`` set, its
  first column names the owning record (附件3: the 项目名称 links a row to its project).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from jixiao.model import IndicatorNature


class Kind(StrEnum):
    """What a cell holds: decides its number format, dropdown and how it is read back."""

    TEXT = "text"
    LONG_TEXT = "long_text"
    AMOUNT = "amount"
    PERCENT = "percent"
    POINTS = "points"
    COUNT = "count"
    AREA = "area"
    YEAR = "year"
    YES_NO = "yes_no"
    NATURE = "nature"
    LEVEL1 = "level1"
    LEVEL2 = "level2"
    GRADE = "grade"

    @property
    def is_number(self) -> bool:
        return self in _NUMBER_KINDS

    @property
    def choices(self) -> tuple[str, ...]:
        """Dropdown values ("" when the cell is free)."""
        return _CHOICES.get(self, ())

    @property
    def strict(self) -> bool:
        """Whether the dropdown refuses other values (otherwise it only warns: a 指标性质
        typed as ``>=`` is read as ≥)."""
        return self is Kind.YES_NO

    @property
    def blank_decimals(self) -> int:
        """Decimals an empty cell is formatted with: ``5`` typed into an amount reads 5.00."""
        return 2 if self is Kind.AMOUNT else 0


_NUMBER_KINDS = frozenset({Kind.AMOUNT, Kind.PERCENT, Kind.POINTS, Kind.COUNT, Kind.AREA})

_CHOICES: dict[Kind, tuple[str, ...]] = {
    Kind.YES_NO: ("是", "否"),
    Kind.NATURE: tuple(nature.value for nature in IndicatorNature),
    Kind.LEVEL1: ("预算执行率", "产出指标", "效益指标", "满意度指标"),
    Kind.LEVEL2: ("数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标",
                  "生态效益指标", "可持续影响指标", "服务对象满意度指标"),
    Kind.GRADE: ("优", "良", "中", "差"),
}

YES, NO = _CHOICES[Kind.YES_NO]


@dataclass(frozen=True)
class Column:
    """A value column: its header, the field below the row's path (``""``: the path itself)."""

    header: str
    key: str
    kind: Kind | None = None
    note: str = ""


@dataclass(frozen=True)
class Row:
    """A labelled row of a :class:`RowsBlock`; ``kind`` applies where the column has none."""

    label: str
    path: str
    kind: Kind = Kind.TEXT
    note: str = ""

    def kind_in(self, column: Column) -> Kind:
        return column.kind or self.kind


@dataclass(frozen=True)
class RowsBlock:
    """Labelled rows: column A holds the row labels, then the value columns, then 说明."""

    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    legacy: tuple[Row, ...] = ()
    """Rows of workbooks written by earlier versions, still read, no longer written (a figure
    now entered elsewhere: its value then fills this place as entered)."""


@dataclass(frozen=True)
class TableBlock:
    """One row per item of the list at ``path``; empty rows are skipped.

    With ``owner`` (a list path such as ``projects``) the first column links each row to the
    owner record whose field ``columns[0].key`` equals the cell, and ``path`` is relative to it.
    ``owner_title`` names the owners' block in messages. ``indicators`` marks 三级指标 rows,
    whose 分值 may be empty only when they are 不适用, or when not ``weighted`` (a form that
    prints no 分值, as the 财政局 form's 定量目标).
    """

    title: str
    path: str
    columns: tuple[Column, ...]
    owner: str = ""
    owner_title: str = ""
    indicators: bool = False
    weighted: bool = True
    spare_rows: int = 5

    @property
    def item_columns(self) -> tuple[Column, ...]:
        return self.columns[1:] if self.owner else self.columns


Block = RowsBlock | TableBlock

LABEL_HEADER = "项目"
NOTE_HEADER = "说明"


@dataclass(frozen=True)
class SheetLayout:
    """A sheet: its name, its blocks top to bottom, and what it holds (for the 说明 sheet)."""

    name: str
    blocks: tuple[Block, ...]
    about: str = ""


@dataclass(frozen=True)
class WorkbookLayout:
    """A template's workbook.

    ``purpose`` names the evaluation in the 说明 sheet and ``notes`` are its lines about this
    form. ``copies`` are ``(home, copy)`` field paths: a figure the form prints twice, entered
    once at ``home`` and read into ``copy`` too (附件1 repeats the body's 编制数). In lists,
    ``[*]`` pairs the items of the same name, and the copy keeps a column for the others.
    """

    template: str
    purpose: str
    sheets: tuple[SheetLayout, ...]
    notes: tuple[str, ...] = ()
    copies: tuple[tuple[str, str], ...] = ()


def held_paths(layout: WorkbookLayout) -> frozenset[str]:
    """Every field path the workbook has a cell for (list items as ``[]``:
    ``projects[].goals[].expected``), and the copies it reads from them."""
    paths = {copy.replace("[*]", "[]") for _, copy in layout.copies}
    for sheet in layout.sheets:
        for block in sheet.blocks:
            if isinstance(block, RowsBlock):
                paths.update(join_path(row.path, column.key)
                             for row in block.rows for column in block.columns)
                continue
            items = f"{block.owner}[].{block.path}[]" if block.owner else f"{block.path}[]"
            if block.owner:
                paths.add(f"{block.owner}[].{block.columns[0].key}")
            paths.update(join_path(items, column.key) for column in block.item_columns)
    return frozenset(paths)


def join_path(base: str, key: str) -> str:
    """``join_path("self_assessment.funds", "actual")`` → ``self_assessment.funds.actual``."""
    return f"{base}.{key}" if base and key else base or key


def is_title(text: object) -> bool:
    """Whether a column-A cell opens a block."""
    return isinstance(text, str) and text.startswith("【") and text.rstrip().endswith("】")
