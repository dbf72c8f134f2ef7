"""The pieces the workbook reader works with: a sheet's cells, and the data being gathered.

:class:`Grid` answers where blocks, headers and cells are; :class:`SheetReading` turns cells
into raw evaluation data at field paths, records each cell's place in the source map and
collects every problem instead of stopping at the first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jixiao.findings import Place
from jixiao.io.errors import Problem, with_path
from jixiao.io.shared import steps
from jixiao.io.workbook.blocks import Kind, TableBlock, is_title
from jixiao.io.workbook.cells import CellValueError, read_cell
from jixiao.model import IndicatorNature

_NOT_APPLICABLE = IndicatorNature.NOT_APPLICABLE.value


@dataclass(frozen=True, slots=True)
class Cell:
    """A non-empty cell's value as openpyxl read it and its number format."""

    value: Any
    number_format: str | None


@dataclass(frozen=True)
class Grid:
    """The non-empty cells of one sheet by (row, column), both counted from 1."""

    cells: dict[tuple[int, int], Cell]

    def get(self, row: int, column: int) -> Cell | None:
        return self.cells.get((row, column))

    def text(self, row: int, column: int) -> str:
        cell = self.get(row, column)
        return "" if cell is None else str(cell.value).strip()

    def title_row(self, title: str) -> int | None:
        rows = [row for (row, column) in self.cells if column == 1 and self.text(row, 1) == title]
        return min(rows, default=None)

    def block_end(self, title_row: int) -> int:
        """The last row of the block opened at ``title_row``: before the next title, or the end."""
        later = [row for (row, column) in self.cells
                 if column == 1 and row > title_row and is_title(self.text(row, 1))]
        return min(later) - 1 if later else max(row for row, _ in self.cells)

    def header_columns(self, row: int) -> dict[str, int]:
        """Header text → column number, for the header row of a block."""
        return {self.text(row, column): column for (at, column) in self.cells if at == row}


@dataclass
class SheetReading:
    """Raw data, source map and problems gathered while reading the sheets."""

    raw: dict[str, Any] = field(default_factory=dict)
    source: dict[str, Place] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def problem(self, message: str, place: Place) -> None:
        self.problems.append(Problem(message, place))

    def field(self, place: Place, cell: Cell | None, kind: Kind) -> None:
        """Read one cell into the field at ``place.path``; an empty cell leaves the default."""
        path = place.path or ""
        self.source[path] = place
        try:
            value = None if cell is None else read_cell(cell.value, cell.number_format, kind)
        except CellValueError as error:
            self.problem(str(error), place)
            return
        if value is not None:
            _set(self.raw, path, value)

    def next_item(self, block: TableBlock, link: str, place: Place) -> str | None:
        """Start the next list item of a table; its path, or ``None`` when its owner is unknown."""
        if block.owner:
            owner = self._owner(block, link, place)
            if owner is None:
                return None
            items_path = f"{block.owner}[{owner}].{block.path}"
        else:
            items_path = block.path
        items = _list_at(self.raw, items_path)
        base = f"{items_path}[{len(items)}]"
        items.append({} if block.item_columns[0].key else None)
        self.source[base] = with_path(place, base)
        return base

    def _owner(self, block: TableBlock, link: str, place: Place) -> int | None:
        header = block.columns[0].header
        if not link:
            self.problem(f"请填写{header}", place)
            return None
        owners = _list_at(self.raw, block.owner)
        matches = [index for index, owner in enumerate(owners)
                   if str(owner.get(block.columns[0].key, "")).strip() == link]
        if len(matches) != 1:
            where = "重复" if matches else "找不到"
            self.problem(f"{header}“{link}”在{block.owner_title}中{where}", place)
            return None
        return matches[0]

    def check_indicator(self, base: str, weight_empty: bool, place: Place) -> None:
        """Only a 不适用 indicator may leave its 分值 empty."""
        item = _get(self.raw, base)
        applicable = _NOT_APPLICABLE not in (item.get("nature"), item.get("name"),
                                              item.get("target"))
        if weight_empty and applicable:
            label = item.get("name") or item.get("level2") or item.get("level1") or ""
            self.problem(f"指标“{label}”缺少分值（只有“不适用”的指标可以不填）", place)


def _get(data: Any, path: str) -> Any:
    for step in steps(path):
        data = data[step]
    return data


def _list_at(data: dict[str, Any], path: str) -> list[Any]:
    *parents, last = steps(path)
    container: Any = data
    for step in parents:
        container = container[step] if isinstance(step, int) else container.setdefault(step, {})
    items: list[Any] = container.setdefault(last, [])
    return items


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = steps(path)
    container: Any = data
    for step in parents:
        container = container[step] if isinstance(step, int) else container.setdefault(step, {})
    container[last] = value
