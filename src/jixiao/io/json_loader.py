"""JSON → raw data and a source map (field path → place), without ever creating a float.

``json.loads`` hands each number's text to ``parse_float``/``parse_int``; decimals become
``Decimal`` of exactly that text. Scientific notation and ``NaN``/``Infinity`` are refused like
in YAML; JSON's parser knows no lines for values, so those errors name the field path.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from jixiao.findings import Place
from jixiao.io.errors import InputError
from jixiao.io.yaml_loader import DECIMAL, NOT_WRITTEN_MESSAGE, SourceMap
from jixiao.numbers import number_problem


class _NotWritten:
    """Stands for a number in a form no report uses, until its path is known."""

    def __init__(self, text: str) -> None:
        self.text = text


def _decimal(text: str) -> Decimal | _NotWritten:
    return Decimal(text) if DECIMAL.fullmatch(text) and not number_problem(text) else _NotWritten(text)


def _whole(text: str) -> int | _NotWritten:
    return _NotWritten(text) if number_problem(text) else int(text)


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refusing a key given twice (``json`` would keep the last silently)."""
    mapping: dict[str, Any] = {}
    for key, value in pairs:
        if key in mapping:
            raise _DuplicateKeyError(key)
        mapping[key] = value
    return mapping


def read_json(text: str, file: str) -> tuple[Any, SourceMap]:
    """Parse a JSON document into plain data and a source map of its field paths."""
    source: SourceMap = {}
    try:
        data = json.loads(text, parse_float=_decimal, parse_int=_whole, parse_constant=_NotWritten,
                          object_pairs_hook=_unique_keys)
        _map(data, "", source, file)
    except _DuplicateKeyError as error:
        raise InputError(f"字段“{error.key}”重复", file=file,
                         english=f"duplicate key {error.key}") from None
    except json.JSONDecodeError as error:
        raise InputError(f"JSON 格式错误：{error.msg}", file=file,
                         place=Place(line=error.lineno, col=error.colno),
                         english=f"JSON syntax error: {error.msg}") from None
    except RecursionError:
        raise InputError("JSON 嵌套层数超过解析器的上限，拒绝读取", file=file,
                         english="JSON nested too deep") from None
    return data, source


def _map(value: Any, path: str, source: SourceMap, file: str) -> None:
    source[path] = Place(path=path)
    if isinstance(value, _NotWritten):
        raise InputError(number_problem(value.text) or NOT_WRITTEN_MESSAGE.format(value.text), file=file,
                         place=Place(path=path), english="number not in written form")
    if isinstance(value, dict):
        for key, item in value.items():
            _map(item, f"{path}.{key}" if path else key, source, file)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _map(item, f"{path}[{index}]", source, file)
