"""One workbook cell ↔ one field value, keeping numbers exactly as the user wrote them.

Excel stores every number as a binary double and shows it through the cell's number format.
:func:`cell_decimal` is jixiao's only door from a float to a ``Decimal``; the decimals a number
was written with are the larger of those of its shortest text and those its format shows, so
``5`` typed into a ``0.00`` cell reads as ``5.00``. The writer formats each filled number with
exactly its own decimals, so what it writes reads back unchanged.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from jixiao.io.workbook.blocks import NO, YES, Kind
from jixiao.numbers import NumberError, decimals_of, parse_stated

MAX_EXACT_DIGITS = 15
"""Significant digits a double holds exactly; longer numbers are written as text."""


class CellValueError(ValueError):
    """A cell that cannot hold its field's value; the Chinese message names the value."""


def cell_decimal(value: float) -> Decimal:
    """The decimal a person typed, from the double Excel stored for it.

    ``repr`` gives the shortest text that converts back to the same double: for anything typed
    with up to 15 significant digits it is exactly the typed text (``132.71``, not
    ``132.7100000000000079…``). A whole number's ``.0`` is not a written decimal and is dropped.
    """
    if not math.isfinite(value):
        raise CellValueError(f"“{value}”不是一个数值")
    text = repr(value)
    return Decimal(text[:-2] if text.endswith(".0") else text)


_QUOTED = re.compile(r'"[^"]*"|\[[^]]*]|\\.')


def format_decimals(number_format: str | None) -> int:
    """Decimals a number format shows: ``0.00`` → 2, ``#,##0.0000`` → 4, ``General`` → 0."""
    section = _QUOTED.sub("", (number_format or "").split(";")[0])
    match = re.search(r"\.(0+)", section)
    return len(match[1]) if match else 0


def read_cell(value: Any, number_format: str | None, kind: Kind) -> Any:
    """The field value of a cell (``None`` when empty), or :class:`CellValueError`."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if kind.is_number:
        return _read_number(value, number_format, kind)
    if kind is Kind.YEAR:
        return _read_year(value)
    if kind is Kind.YES_NO:
        return _read_yes_no(value)
    text = _read_text(value, number_format)
    return text.strip() if kind.choices else text


def _read_number(value: Any, number_format: str | None, kind: Kind) -> Decimal | str:
    if isinstance(value, str):
        try:
            parse_stated(value)
        except NumberError as error:
            raise CellValueError(str(error)) from None
        return value.strip()
    number = _number_of(value)
    if kind is Kind.PERCENT and "%" in (number_format or ""):
        number = number.scaleb(2)
    return _shown_decimals(number, number_format)


def _shown_decimals(number: Decimal, number_format: str | None) -> Decimal:
    """The number with as many decimals as it has or as its format shows, whichever is more."""
    decimals = max(decimals_of(number), format_decimals(number_format))
    return number.quantize(Decimal(1).scaleb(-decimals))


def _number_of(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CellValueError(f"“{_shown(value)}”不是一个数值")
    return cell_decimal(value) if isinstance(value, float) else Decimal(value)


def _read_year(value: Any) -> int | str:
    if isinstance(value, str):  # “2024年” is read by the model, as in YAML
        text = value.strip()
        if not text.removesuffix("年度").removesuffix("年").strip().isascii():
            raise CellValueError(f"“{text}”不是一个年份（如 2023 或“2023年”）")
        return text
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    number = cell_decimal(value) if isinstance(value, float) else None
    if number is None or number != number.to_integral_value():
        raise CellValueError(f"“{_shown(value)}”不是一个年份")
    return int(number)


_YES_NO_SPELLINGS = {**dict.fromkeys((YES, "有", "y", "yes", "true", "√"), True),
                     **dict.fromkeys((NO, "无", "没有", "n", "no", "false", "×"), False)}
"""What people type for 是 and 否 (compared in lower case)."""


def _read_yes_no(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip()
    if text.lower() not in _YES_NO_SPELLINGS:
        raise CellValueError(f"“{text}”应填“{YES}”或“{NO}”")
    return _YES_NO_SPELLINGS[text.lower()]


def _read_text(value: Any, number_format: str | None) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, float | int):
        return format(_shown_decimals(_number_of(value), number_format), "f")
    return _shown(value)


def _shown(value: Any) -> str:
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def cell_number_format(kind: Kind, value: Any) -> str:
    """The format a written cell gets: its value's own decimals, or the kind's for a blank."""
    if not (kind.is_number or kind is Kind.YEAR):
        return "@"
    if isinstance(value, Decimal):
        decimals = decimals_of(value)
    else:
        decimals = kind.blank_decimals if value is None else 0
    return "0." + "0" * decimals if decimals else "General"


def fits_a_double(value: Decimal) -> bool:
    """Whether Excel's double holds the number exactly (else it is written as text)."""
    return len(value.as_tuple().digits) <= MAX_EXACT_DIGITS
