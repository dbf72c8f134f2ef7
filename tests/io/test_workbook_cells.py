"""Cell conversions and the layout's coverage of the model."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from pydantic import BaseModel

from jixiao.io import DEFAULT_TEMPLATE
from jixiao.io.fields import record_type, unwrap
from jixiao.io.workbook.blocks import Kind, RowsBlock, join_path
from jixiao.io.workbook.cells import CellValueError, cell_decimal, format_decimals, read_cell
from jixiao.io.workbook.layout import workbook_layout
from jixiao.model import Evaluation


@pytest.mark.parametrize(("stored", "typed"), [
    (132.71, "132.71"), (0.1 + 0.2, "0.30000000000000004"), (5.0, "5"), (1e-05, "0.00001"),
    (87.2217, "87.2217"), (-0.5, "-0.5"), (123456789012.34, "123456789012.34"),
])
def test_cell_decimal_is_the_shortest_text_of_the_double(stored: float, typed: str) -> None:
    assert cell_decimal(stored) == Decimal(typed)
    assert str(cell_decimal(stored)) == str(Decimal(typed))


@pytest.mark.parametrize("stored", [float("nan"), float("inf")])
def test_cell_decimal_refuses_what_no_cell_can_hold(stored: float) -> None:
    with pytest.raises(CellValueError):
        cell_decimal(stored)


@pytest.mark.parametrize(("number_format", "decimals"), [
    ("General", 0), (None, 0), ("0", 0), ("0.00", 2), ("#,##0.0000", 4), ("0.00%", 2),
    ('0.0"万元"', 1), ('"0.000"0', 0), ("0.00_);[Red](0.00)", 2), ("@", 0),
])
def test_format_decimals(number_format: str | None, decimals: int) -> None:
    assert format_decimals(number_format) == decimals


@pytest.mark.parametrize(("value", "number_format", "kind", "read"), [
    (5, "0.00", Kind.AMOUNT, Decimal("5.00")),
    (16.2, "0.0", Kind.AMOUNT, Decimal("16.2")),
    (16.25, "0.0", Kind.AMOUNT, Decimal("16.25")),
    (150, "General", Kind.AMOUNT, Decimal("150")),
    (0.9, "0%", Kind.PERCENT, Decimal("90")),
    (" 90% ", "General", Kind.PERCENT, "90%"),
    (32, "General", Kind.TEXT, "32"),
    (95.5, "0.00", Kind.TEXT, "95.50"),
    (2023, "General", Kind.YEAR, 2023),
    ("是", "@", Kind.YES_NO, True),
    (" ≥ ", "@", Kind.NATURE, "≥"),
    ("  ", "@", Kind.TEXT, None),
])
def test_read_cell(value: object, number_format: str, kind: Kind, read: object) -> None:
    assert read_cell(value, number_format, kind) == read
    if isinstance(read, Decimal):
        assert str(read_cell(value, number_format, kind)) == str(read)


@pytest.mark.parametrize(("value", "kind", "message"), [
    ("六分", Kind.POINTS, "“六分”不是一个数值"),
    (True, Kind.AMOUNT, "“True”不是一个数值"),
    (2023.5, Kind.YEAR, "“2023.5”不是一个年份"),
    ("也许", Kind.YES_NO, "“也许”应填“是”或“否”"),
])
def test_read_cell_refuses(value: object, kind: Kind, message: str) -> None:
    with pytest.raises(CellValueError) as caught:
        read_cell(value, "General", kind)
    assert str(caught.value) == message


def model_paths(model: type[BaseModel], prefix: str = "") -> Iterator[str]:
    for name, field in model.model_fields.items():
        is_sequence, _ = unwrap(field.annotation)
        path = join_path(prefix, name) + ("[]" if is_sequence else "")
        record = record_type(field.annotation)
        yield from model_paths(record, path) if record else (path,)


def layout_paths() -> Iterator[str]:
    for sheet in workbook_layout(DEFAULT_TEMPLATE).sheets:
        for block in sheet.blocks:
            if isinstance(block, RowsBlock):
                yield from (join_path(row.path, column.key)
                            for row in block.rows for column in block.columns)
                continue
            items = f"{block.owner}[].{block.path}[]" if block.owner else f"{block.path}[]"
            if block.owner:
                yield f"{block.owner}[].{block.columns[0].key}"
            yield from (join_path(items, column.key) for column in block.item_columns)


def test_the_workbook_holds_every_field_but_those_it_declares_it_does_not() -> None:
    layout = workbook_layout(DEFAULT_TEMPLATE)
    held = set(layout_paths())
    elsewhere = tuple(f"{path}{end}" for path in layout.not_held for end in (".", "["))
    expected = {path for path in model_paths(Evaluation)
                if path != "schema_version" and not path.startswith(elsewhere)}
    assert held == expected
