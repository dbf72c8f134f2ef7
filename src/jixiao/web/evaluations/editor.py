"""The editor's parts and fields, laid out by the same declarative layout as the guided
workbook (:mod:`jixiao.io.workbook.layout`): a part per sheet, a field per cell.

The page posts every field under its path; :func:`read_form` reads the posted text through the
workbook's own cell reader (:func:`jixiao.io.workbook.cells.read_cell`), so the web and the
workbook accept and refuse exactly the same values.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from jixiao.io.errors import InputError
from jixiao.io.workbook.blocks import NO, YES, Column, Kind, RowsBlock, SheetLayout, TableBlock, join_path
from jixiao.io.workbook.cells import CellValueError, read_cell
from jixiao.io.workbook.layout import DEFAULT_TEMPLATE, workbook_layout
from jixiao.web.evaluations import paths

ROWS_FIELD = "_rows:"
"""Hidden field that states how many items a list has on the page: ``_rows:projects`` = 3."""

LOCKED = frozenset({"year", "template", "profile"})
"""Fields the 自评任务 decides: shown, never read from the page."""

MAX_LIST_ITEMS = 500
"""Items a list may have: a page cannot grow a list without bound."""


@dataclass(frozen=True)
class FieldView:
    path: str
    label: str
    kind: Kind
    value: str
    note: str = ""

    @property
    def dom_id(self) -> str:
        return dom_id(self.path)

    @property
    def locked(self) -> bool:
        return self.path in LOCKED

    @property
    def choices(self) -> tuple[str, ...]:
        return self.kind.choices

    @property
    def long(self) -> bool:
        return self.kind is Kind.LONG_TEXT

    @property
    def numeric(self) -> bool:
        return self.kind.is_number


@dataclass(frozen=True)
class RowView:
    label: str
    fields: tuple[FieldView, ...]
    note: str = ""


@dataclass(frozen=True)
class ItemView:
    index: int
    fields: tuple[FieldView, ...]


@dataclass(frozen=True)
class TableView:
    """A list of records: ``path`` is the list's field path on this page."""

    title: str
    path: str
    headers: tuple[str, ...]
    items: tuple[ItemView, ...]
    indicators: bool = False

    @property
    def dom_id(self) -> str:
        return dom_id(self.path)


@dataclass(frozen=True)
class BlockView:
    title: str
    headers: tuple[str, ...] = ()
    rows: tuple[RowView, ...] = ()
    tables: tuple[TableView, ...] = ()


@dataclass(frozen=True)
class PartView:
    slug: str
    name: str
    blocks: tuple[BlockView, ...]
    paths: frozenset[str] = field(default_factory=frozenset)


def dom_id(path: str) -> str:
    """An HTML id for a field path (``self_assessment.indicators[3].weight`` →
    ``f-self_assessment-indicators-3-weight``)."""
    return "f-" + path.replace(".", "-").replace("[", "-").replace("]", "")


def shown(value: Any) -> str:
    """The text a field shows for a stored value."""
    if value is None or isinstance(value, dict | list):
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    return str(value)


def parts(data: Mapping[str, Any]) -> tuple[PartView, ...]:
    """The editor's parts for ``data``, in the layout of its template."""
    layout = workbook_layout(_template(data))
    return tuple(_part(index, sheet, data) for index, sheet in enumerate(layout.sheets))


def _template(data: Mapping[str, Any]) -> str:
    try:
        workbook_layout(str(data.get("template", "")))
    except InputError:
        return DEFAULT_TEMPLATE
    return str(data["template"])


def _part(index: int, sheet: SheetLayout, data: Mapping[str, Any]) -> PartView:
    blocks = tuple(_block(block, data) for block in sheet.blocks)
    found = frozenset(view.path for block in blocks for view in _block_fields(block))
    return PartView(f"part{index + 1}", sheet.name, blocks, found)


def _block_fields(block: BlockView) -> Iterator[FieldView]:
    for row in block.rows:
        yield from row.fields
    for table in block.tables:
        for item in table.items:
            yield from item.fields


def _block(block: RowsBlock | TableBlock, data: Mapping[str, Any]) -> BlockView:
    title = block.title.strip("【】")
    if isinstance(block, RowsBlock):
        rows = tuple(
            RowView(
                row.label,
                tuple(
                    _field(
                        join_path(row.path, column.key),
                        f"{row.label} {column.header}".strip(),
                        row.kind_in(column),
                        data,
                        column.note or row.note,
                    )
                    for column in block.columns
                ),
                row.note,
            )
            for row in block.rows
        )
        return BlockView(title, tuple(column.header for column in block.columns), rows=rows)
    return BlockView(title, tables=tuple(_tables(block, data)))


def _tables(block: TableBlock, data: Mapping[str, Any]) -> Iterator[TableView]:
    columns = block.item_columns
    headers = tuple(column.header for column in columns)
    if not block.owner:
        yield _table(block.title.strip("【】"), block.path, columns, headers, block.indicators, data)
        return
    owners = paths.get(data, block.owner) or []
    for index, owner in enumerate(owners):
        name = owner.get(block.columns[0].key, "") if isinstance(owner, dict) else ""
        title = f"{block.title.strip('【】')}：{name or f'第{index + 1}个项目'}"
        yield _table(title, f"{block.owner}[{index}].{block.path}", columns, headers, block.indicators, data)


def _table(
    title: str,
    path: str,
    columns: tuple[Column, ...],
    headers: tuple[str, ...],
    indicators: bool,
    data: Mapping[str, Any],
) -> TableView:
    items = paths.get(data, path) or []
    views = tuple(
        ItemView(
            index,
            tuple(
                _field(
                    join_path(f"{path}[{index}]", column.key),
                    column.header,
                    column.kind or Kind.TEXT,
                    data,
                    column.note,
                )
                for column in columns
            ),
        )
        for index in range(len(items))
    )
    return TableView(title, path, headers, views, indicators)


def _field(path: str, label: str, kind: Kind, data: Mapping[str, Any], note: str) -> FieldView:
    return FieldView(path, label, kind, shown(paths.get(data, path)), note)


def part_of(path: str, views: tuple[PartView, ...]) -> PartView | None:
    """The part that shows the field at ``path`` (or the first field inside it)."""
    for part in views:
        if path in part.paths or any(p.startswith((f"{path}.", f"{path}[")) for p in part.paths):
            return part
    return None


def field_for(path: str, views: tuple[PartView, ...]) -> str | None:
    """The path of the field a finding on ``path`` is shown beside: the field itself, else the
    first field inside the record it names, else its nearest shown ancestor."""
    every = [p for part in views for p in sorted(part.paths)]
    shown_paths = set(every)
    if path in shown_paths:
        return path
    inside = next((p for p in every if p.startswith((f"{path}.", f"{path}["))), None)
    if inside:
        return inside
    for ancestor in paths_up(path):
        if ancestor in shown_paths:
            return ancestor
    return None


def paths_up(path: str) -> Iterator[str]:
    while path:
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
        if path:
            yield path


@dataclass(frozen=True)
class FormReading:
    """The data as posted, and what could not be read, by field path."""

    data: dict[str, Any]
    errors: dict[str, list[str]]


def read_form(post: Mapping[str, str], stored: Mapping[str, Any]) -> FormReading:
    """The evaluation as the page posted it: ``stored`` with every field of every part
    replaced by its posted text, read as the workbook reads a cell."""
    data: dict[str, Any] = copy.deepcopy(dict(stored))
    errors: dict[str, list[str]] = {}
    _resize_lists(post, data)
    for part in parts(data):
        for block in part.blocks:
            for view in _block_fields(block):
                if view.path not in post or view.locked:
                    continue
                try:
                    # Browsers send a textarea's line breaks as CRLF; the data keeps LF.
                    value = read_cell(post[view.path].replace("\r\n", "\n"), None, view.kind)
                except CellValueError as error:
                    errors[view.path] = [str(error)]
                    continue
                paths.put(data, view.path, paths.plain(value))
    for home, copy_path in workbook_layout(_template(data)).copies:
        if "[*]" not in copy_path:  # no field on the page: it follows the one entered
            paths.put(data, copy_path, copy.deepcopy(paths.get(data, home)))
    return FormReading(data, errors)


def _resize_lists(post: Mapping[str, str], data: dict[str, Any]) -> None:
    """Lists as long as the page says, so items added or removed on the page are kept."""
    for key, value in post.items():
        if not key.startswith(ROWS_FIELD):
            continue
        path = key[len(ROWS_FIELD) :]
        try:
            count = min(max(int(value), 0), MAX_LIST_ITEMS)
        except ValueError:
            continue
        items = paths.get(data, path)
        items = list(items) if isinstance(items, list) else []
        items = items[:count] + [{} for _ in range(count - len(items))]
        paths.put(data, path, items)


def drop_blank_items(data: dict[str, Any]) -> dict[str, Any]:
    """The data without list items whose every field is empty (a row added and left blank),
    as the workbook skips empty rows."""
    if isinstance(data, dict):
        return {key: drop_blank_items(value) for key, value in data.items()}
    if isinstance(data, list):
        kept = [drop_blank_items(item) for item in data]
        return [item for item in kept if not _blank(item)]
    return data


def _blank(value: Any) -> bool:
    if isinstance(value, dict):
        return all(_blank(item) for item in value.values())
    if isinstance(value, list):
        return all(_blank(item) for item in value)
    return value is None or value == ""


def apply_row_action(data: dict[str, Any], action: str) -> None:
    """``add:PATH``, ``remove:PATH:I``, ``up:PATH:I`` or ``down:PATH:I`` on the list at PATH."""
    verb, _, rest = action.partition(":")
    path, _, index_text = rest.rpartition(":") if verb != "add" else (rest, "", "")
    items = paths.get(data, path)
    items = list(items) if isinstance(items, list) else []
    index = int(index_text) if index_text.isdigit() else -1
    if verb == "add" and len(items) < MAX_LIST_ITEMS:
        items.append(_new_item(items))
    elif verb == "remove" and 0 <= index < len(items):
        del items[index]
    elif verb == "up" and 0 < index < len(items):
        items[index - 1], items[index] = items[index], items[index - 1]
    elif verb == "down" and 0 <= index < len(items) - 1:
        items[index], items[index + 1] = items[index + 1], items[index]
    paths.put(data, path, items)


def _new_item(items: list[Any]) -> Any:
    """A new row: an indicator row starts under the same 一级/二级 as the row above it."""
    if items and isinstance(items[-1], dict) and "level1" in items[-1]:
        return {key: items[-1][key] for key in ("level1", "level2") if key in items[-1]}
    if items and not isinstance(items[-1], dict):
        return ""
    return {}
