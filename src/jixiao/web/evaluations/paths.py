"""Field paths over an evaluation's plain data (``self_assessment.indicators[3].weight``).

The web keeps an evaluation as the plain data the core validates: nested dicts and lists whose
numbers are the text the unit wrote. These helpers read, write and compare it by field path.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def steps(path: str) -> list[str | int]:
    return [key if key else int(index) for key, index in _STEP.findall(path)]


def get(data: Any, path: str, default: Any = None) -> Any:
    for step in steps(path):
        if isinstance(step, int):
            if not isinstance(data, list) or step >= len(data):
                return default
        elif not isinstance(data, dict) or step not in data:
            return default
        data = data[step]
    return data


def put(data: dict[str, Any], path: str, value: Any) -> None:
    """Set the field at ``path``, creating the records on the way; ``None`` removes it."""
    *parents, last = steps(path)
    container: Any = data
    for step, following in zip(parents, [*parents[1:], last][: len(parents)], strict=True):
        if isinstance(step, int):
            container = container[step]
        else:
            container = container.setdefault(step, [] if isinstance(following, int) else {})
    if value is None:
        if isinstance(container, dict):
            container.pop(last, None)
        return
    if isinstance(last, int):
        while len(container) <= last:
            container.append({})
    container[last] = value


def plain(value: Any) -> Any:
    """A value as the JSON the database stores: numbers as the text they were written with."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


def leaves(data: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Every (path, value) of a scalar field, in document order."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from leaves(value, f"{prefix}.{key}" if prefix else key)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from leaves(value, f"{prefix}[{index}]")
    else:
        yield prefix, data


def changed_fields(before: Any, after: Any) -> list[tuple[str, Any, Any]]:
    """(path, old, new) of every scalar field that differs between two versions."""
    old, new = dict(leaves(before)), dict(leaves(after))
    return [
        (path, old.get(path), new.get(path))
        for path in [*old, *(p for p in new if p not in old)]
        if _written(old.get(path)) != _written(new.get(path))
    ]


def _written(value: Any) -> str | None:
    """A scalar as the text it shows: 10 read from a file and “10” typed on the page are one value."""
    if value is None or value == "":
        return None
    return str(value)
