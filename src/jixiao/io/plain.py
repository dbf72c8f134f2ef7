"""An evaluation as plain data: nested dicts and lists of text, ``Decimal``, ``int`` and ``bool``.

This is what the YAML writer and the workbook writer start from, and what the loaders read back:
numbers are their written text as a ``Decimal`` (``5.00`` keeps two decimals), fields left at
their default are omitted, and a number's origin is dropped (a written file is a new source).
"""

from __future__ import annotations

from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any

from pydantic import BaseModel

from jixiao.numbers import MONEY_UNITS_IN_YUAN, StatedNumber, Unit

ALWAYS_WRITTEN = frozenset({"schema_version", "year", "template", "profile"})
"""Root fields written even at their default, so a file says which format and rules it uses."""

_LARGER_MONEY_UNITS = (Unit.WAN_YUAN, Unit.YI_YUAN)


def plain_data(record: BaseModel, keep: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The record's non-default fields as plain data (``keep``: fields written regardless)."""
    data: dict[str, Any] = {}
    model = type(record)
    for name, field in model.model_fields.items():
        value = getattr(record, name)
        if name not in keep and not field.is_required() and value == _default(model, name):
            continue
        data[name] = plain_value(value)
    return data


@cache
def _default(model: type[BaseModel], name: str) -> Any:
    """The default of an optional field, made once: a default factory (a record, a tuple) was
    otherwise called, and its signature inspected by pydantic, for every record written."""
    return model.model_fields[name].get_default(call_default_factory=True, validated_data={})


def plain_value(value: Any) -> Any:
    """One field value as plain data."""
    if isinstance(value, StatedNumber):
        return written_number(value)
    if isinstance(value, BaseModel):
        return plain_data(value)
    if isinstance(value, tuple):
        return [plain_value(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    return value


def written_number(number: StatedNumber) -> Decimal | str:
    """The number as written, in the field's own unit: ``Decimal("5.00")``.

    A money amount converted from a larger unit can be precise to less than one unit
    (1.2亿元 is 12000万元 to the thousand): it is then written in the larger unit as text
    (``"1.2亿元"``), which every reader converts back with the same precision.
    """
    if number.decimals >= 0 or number.unit not in MONEY_UNITS_IN_YUAN:
        return Decimal(number.written)
    for unit in _LARGER_MONEY_UNITS:
        larger = number.in_unit(unit)
        if larger.decimals >= 0 and MONEY_UNITS_IN_YUAN[unit] > MONEY_UNITS_IN_YUAN[number.unit]:
            return str(larger)
    return Decimal(number.written)
