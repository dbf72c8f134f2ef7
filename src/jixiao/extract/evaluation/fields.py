"""Collecting what a report states, field by field, with the place each value was read from.

Readers of a report's tables and prose put values into a :class:`Fields`, keyed by field path
(``self_assessment.indicators[3].stated_score``, the paths of :mod:`jixiao.io.fields`), each
with its :class:`~jixiao.findings.Place` in ``Document.text``. :func:`nested` turns the flat
paths into the plain data :class:`~jixiao.model.Evaluation` validates, and the places become the
source map every finding is placed by, as for YAML and workbook input.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from jixiao.documents.model import Cell
from jixiao.extract.tables.cells import compact
from jixiao.findings import Place
from jixiao.numbers import MONEY_UNITS_IN_YUAN, NumberError, StatedNumber, Unit, parse_stated

BLANKS = frozenset({"", "/", "／", "-", "—", "——", "－", "无", "……", "…"})
"""What a form's empty cell holds: nothing stated."""

_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def read_number(text: str, unit: Unit, *, signed: bool = False) -> StatedNumber | None:
    """The one number ``text`` states in ``unit`` (or a money unit convertible to it), or
    ``None`` when it is blank, not a number, in another unit, or negative where ``signed`` is
    false."""
    written = compact(text)
    if written in BLANKS:
        return None
    try:
        number = parse_stated(written, unit)
    except NumberError:
        return None
    convertible = number.unit in MONEY_UNITS_IN_YUAN and unit in MONEY_UNITS_IN_YUAN
    if number.unit is not unit and not convertible:
        return None
    if number.value < 0 and not signed:
        return None
    return number


def first_line(cell: Cell) -> tuple[str, Place]:
    """The cell's first line and its place: a cell may run on into text that follows the
    table (“99\\n附件 3 …”)."""
    text = cell.text.split("\n", 1)[0].rstrip()
    place = cell.place
    start = place.start if place.start is not None else 0
    if text == cell.text and place.start is not None and place.end == start + len(text):
        return text, place  # a one-line cell, most of them: its place is already the line's
    return text, replace(place, start=start, end=start + len(text))  # a workbook's sheet and cell kept


@dataclass
class Fields:
    """What has been read so far: field path → value, and field path → the place it was read
    at (which :class:`SourceMap` makes name its path).

    Mutable while one document is read, then handed over as plain dicts. A path is set once:
    the first statement read wins (a report's later repetition is checked, not overwritten)."""

    values: dict[str, Any] = field(default_factory=dict)
    source: dict[str, Place] = field(default_factory=dict)
    items: dict[str, set[str]] = field(default_factory=dict, repr=False, compare=False)
    """List path → the indices it has so far (``a[0].b[2]``: ``a`` has 0, ``a[0].b`` has 2)."""
    numbers: dict[tuple[str, Unit, bool], StatedNumber | None] = field(
        default_factory=dict, repr=False, compare=False)
    """Text, unit and whether signed → the number it states (:meth:`stated`)."""
    last_item: str = field(default="", repr=False, compare=False)
    """The innermost list item of the last path indexed (``a[0].b[2]``): the values of one item
    are put one after another, and its indices are in :attr:`items` once its first is."""

    def __post_init__(self) -> None:
        self._index()

    def put(self, path: str, value: Any, place: Place) -> bool:
        if path in self.values:
            return False
        self.values[path] = value
        self.source[path] = place
        self._list_items(path)
        return True

    def _index(self) -> None:
        self.items.clear()
        self.last_item = ""
        for path in self.values:
            self._list_items(path)

    def _list_items(self, path: str) -> None:
        item = path[:path.rfind("]") + 1]  # empty for the many fields in no list
        if not item or item == self.last_item:
            return
        self.last_item = item
        opening = path.find("[")
        while opening >= 0:
            closing = path.find("]", opening)
            if closing < 0:
                return
            self.items.setdefault(path[:opening], set()).add(path[opening + 1:closing])
            opening = path.find("[", closing)

    def stated(self, text: str, unit: Unit, *, signed: bool = False) -> StatedNumber | None:
        """:func:`read_number`, read once per text: a form repeats its figures (分值 10, 5), and
        its readers test a cell for a number before they put it."""
        key = (text, unit, signed)
        if key not in self.numbers:
            self.numbers[key] = read_number(text, unit, signed=signed)
        return self.numbers[key]

    def number(self, path: str, text: str, place: Place, unit: Unit, *,
               signed: bool = False) -> bool:
        """Put the number ``text`` states at ``path``; ``False`` when it states none."""
        number = self.stated(text, unit, signed=signed)
        return number is not None and self.put(path, number, place)

    def cell_number(self, path: str, cell: Cell, unit: Unit) -> bool:
        text, place = first_line(cell)
        return self.number(path, text, place, unit)

    def text(self, path: str, text: str, place: Place) -> bool:
        """Put non-blank text at ``path``."""
        return bool(text.strip()) and self.put(path, text.strip(), place)

    def drop(self, prefix: str) -> None:
        """Forget ``prefix`` and everything under it."""
        under = (f"{prefix}.", f"{prefix}[")
        forgotten = [key for key in self.values if key == prefix or key.startswith(under)]
        for path in forgotten:
            del self.values[path], self.source[path]
        if forgotten:  # a blank form put nothing: its lists are as they were
            self._index()

    def has(self, path: str) -> bool:
        return path in self.values

    def count(self, prefix: str) -> int:
        """How many items the list at ``prefix`` has so far."""
        return len(self.items.get(prefix, ()))


class SourceMap(Mapping[str, Place]):
    """Field path → its place in the document, naming the path (as every source map's places
    do). Kept as the places were read: the one naming its path is made when it is looked up, as
    an audit looks up a few of the hundreds of fields a form holds."""

    __slots__ = ("_read",)

    def __init__(self, read: Mapping[str, Place]) -> None:
        self._read = dict(read)

    def __getitem__(self, path: str) -> Place:
        return self._read[path].at_path(path)

    def __contains__(self, path: object) -> bool:
        return path in self._read

    def __iter__(self) -> Iterator[str]:
        return iter(self._read)

    def __len__(self) -> int:
        return len(self._read)


@lru_cache(maxsize=4096)
def steps(path: str) -> tuple[str | int, ...]:
    """``a.b[2].c`` → ``("a", "b", 2, "c")`` (remembered: the reports of one form share their
    paths, hundreds each)."""
    return tuple(int(index) if index else name for name, index in _STEP.findall(path))


def nested(values: dict[str, Any]) -> dict[str, Any]:
    """Flat field paths → the nested dicts and lists the model validates."""
    root: dict[str, Any] = {}
    for path, value in values.items():
        _place_value(root, steps(path), value)
    return {key: _lists(value) for key, value in root.items()}


def _place_value(root: dict[str, Any], path: tuple[str | int, ...], value: Any) -> None:
    node: Any = root
    for step in path[:-1]:
        node = node.setdefault(step, {})
    node[path[-1]] = value


def _lists(node: Any) -> Any:
    """Dicts keyed by list indices become lists, in index order."""
    if not isinstance(node, dict):
        return node
    if node and all(isinstance(key, int) for key in node):
        return [_lists(node[key]) for key in sorted(node)]
    return {key: _lists(value) for key, value in node.items()}
