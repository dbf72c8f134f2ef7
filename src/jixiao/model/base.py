"""Shared base of the evaluation model and the annotated number types its fields use.

Every record is frozen: change one with ``model_copy(update=…)``. Number fields accept a
decimal string (``"132.71"``, ``"90%"``), a ``Decimal`` or an ``int``; a ``float`` is refused,
because it cannot say how many decimals were written.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict

from jixiao.numbers import (
    MONEY_UNITS_IN_YUAN,
    FloatRefusedError,
    NumberError,
    StatedNumber,
    Unit,
    decimals_of,
    parse_stated,
)


class Record(BaseModel):
    """Base of every model record: frozen, unknown keys refused."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


def _coerce_to(unit: Unit) -> Callable[[Any], Any]:
    def coerce(value: Any) -> Any:
        if isinstance(value, float):
            raise FloatRefusedError(value)
        if isinstance(value, bool):
            raise NumberError(f"“{value}”不是一个数值")
        if isinstance(value, int | Decimal):
            exact = Decimal(value)
            return StatedNumber(value=exact, decimals=decimals_of(exact), unit=unit)
        if isinstance(value, str):
            return _in_unit(parse_stated(value, unit), unit)
        if isinstance(value, StatedNumber):
            return _in_unit(value, unit)
        return value

    return coerce


def _in_unit(number: StatedNumber, unit: Unit) -> StatedNumber:
    if number.unit == unit:
        return number
    if number.unit in MONEY_UNITS_IN_YUAN and unit in MONEY_UNITS_IN_YUAN:
        return number.in_unit(unit)
    if number.unit is Unit.NONE:
        return number.model_copy(update={"unit": unit})
    raise NumberError(f"单位“{number.unit.value}”与此处应填的“{unit.value or '无单位'}”不符")


def _non_negative(number: StatedNumber) -> StatedNumber:
    if number.value < 0:
        raise NumberError(f"金额不能为负数：{number.written}")
    return number


WanYuan = Annotated[StatedNumber, BeforeValidator(_coerce_to(Unit.WAN_YUAN)),
                    AfterValidator(_non_negative)]
"""A non-negative amount in 万元."""

SignedWanYuan = Annotated[StatedNumber, BeforeValidator(_coerce_to(Unit.WAN_YUAN))]
"""An amount in 万元 that may be negative (增减额)."""

Percent = Annotated[StatedNumber, BeforeValidator(_coerce_to(Unit.PERCENT))]
"""A percentage as written: ``86.08`` means 86.08%."""

Headcount = Annotated[StatedNumber, BeforeValidator(_coerce_to(Unit.PERSON)),
                      AfterValidator(_non_negative)]
"""A number of people (人)."""

Count = Annotated[StatedNumber, BeforeValidator(_coerce_to(Unit.ITEM)),
                  AfterValidator(_non_negative)]
"""A number of things (个)."""

Points = Annotated[StatedNumber, BeforeValidator(_coerce_to(Unit.POINT)),
                   AfterValidator(_non_negative)]
"""A weight (分值) or score (得分) in points."""

Area = Annotated[StatedNumber, BeforeValidator(_coerce_to(Unit.SQUARE_METRE)),
                 AfterValidator(_non_negative)]
"""A floor area in m²."""


class AmountLine(Record):
    """One named amount: a 项目 of 项目支出, a 功能分类 line, a 专项 row."""

    name: str
    amount: WanYuan | None = None
