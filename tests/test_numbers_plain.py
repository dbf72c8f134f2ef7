"""The quick reading of plain figures gives what the general reading gives: the same Decimal
(digits and exponent), decimals and unit, or the same refusal with the same message."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from jixiao.numbers import (
    MAX_DECIMALS,
    MAX_DIGITS,
    NumberError,
    StatedNumber,
    Unit,
    _parse_written,
    parse_stated,
)

MODEST = settings(max_examples=500, deadline=None)
UNITS = ["", "万元", "元", "亿元", "%", "％", "分", "人", "m2", "m²", "㎡", "平方米", "公里", "km", "万", "e5"]
signs = st.sampled_from(["", "", "-", "+", "−", " -"])
digit_runs = st.text("0123456789", min_size=0, max_size=MAX_DIGITS + 3)
fractions = st.one_of(st.just(None), st.text("0123456789", max_size=MAX_DECIMALS + 2))
written_figures = st.builds(
    lambda sign, digits, fraction, unit: f"{sign}{digits}{'' if fraction is None else '.' + fraction}{unit}",
    signs, digit_runs, fractions, st.sampled_from(UNITS))
"""Figures as reports write them, and a few digits too many or too few around that."""
anything = st.text("0123456789０１２３４５６７８９.．,，-+−％% e_万元分人m2", max_size=20)


def reading(text: str, default_unit: Unit, parse: object) -> tuple[object, ...]:
    """What ``parse`` makes of ``text``: the Decimal's digits and exponent, the decimals, the
    unit and the origin, or the message it refuses it with."""
    assert callable(parse)
    try:
        number: StatedNumber = parse(text, default_unit)
    except NumberError as error:
        return ("refused", str(error))
    return (number.value.as_tuple(), number.decimals, number.unit, number.origin)


@MODEST
@given(st.one_of(written_figures, anything), st.sampled_from([Unit.NONE, Unit.WAN_YUAN, Unit.PERCENT]))
@example("132.71", Unit.NONE)
@example("-0.00万元", Unit.NONE)
@example("007.50%", Unit.WAN_YUAN)
@example("1" * MAX_DIGITS, Unit.NONE)
@example("1" * (MAX_DIGITS + 1), Unit.NONE)
@example("1." + "5" * (MAX_DECIMALS + 1), Unit.NONE)
@example("5m2", Unit.NONE)
def test_quick_reading_is_the_general_reading(text: str, default_unit: Unit) -> None:
    assert reading(text, default_unit, parse_stated) == reading(text, default_unit, _parse_written)


def test_quick_reading_validates_as_the_model_would() -> None:
    number = parse_stated("132.71万元")
    assert number == StatedNumber(value=number.value, decimals=2, unit=Unit.WAN_YUAN)
    assert number.model_fields_set == {"value", "decimals", "unit"}
