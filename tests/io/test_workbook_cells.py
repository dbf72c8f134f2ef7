"""Cell conversions and the layout's coverage of the model."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from pydantic import BaseModel

from jixiao.io import DEFAULT_TEMPLATE
from jixiao.io.fields import record_type, unwrap
from jixiao.io.workbook.blocks import Kind, held_paths, join_path
from jixiao.io.workbook.cells import CellValueError, cell_decimal, format_decimals, read_cell
from jixiao.io.workbook.layout import LAYOUTS, workbook_layout
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
    (87.0, "General", Kind.POINTS, Decimal("87")),  # Excel shows 87.00 typed in General as 87
    (87.0, "0.00", Kind.POINTS, Decimal("87.00")),
    ("87.00", "General", Kind.POINTS, "87.00"),  # typed as text: its decimals are kept
    ("2024年", "General", Kind.YEAR, "2024年"),  # read as 2024 by the model
    ("无", "@", Kind.YES_NO, False),
    ("有", "@", Kind.YES_NO, True),
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


NOT_IN_THE_FORM = ("finances.breakdown", "finances.three_public_year_on_year",
                   "finances.org_accounts", "unit.tasks", "narrative.operation", "narrative.implementation",
                   "sign_off.preparer_title")
"""What the 岳阳楼区 form does not print: the 鼎城区 and 财政局 forms' own tables, and the
财政局 form's 年度主要工作内容, 年度总体运行情况, 专项组织实施情况 and 评价人员 职务/职称."""


def test_the_yueyanglou_workbook_holds_every_field_its_form_prints() -> None:
    elsewhere = tuple(f"{path}{end}" for path in NOT_IN_THE_FORM for end in (".", "["))
    expected = {path for path in model_paths(Evaluation)
                if path not in ("schema_version", *NOT_IN_THE_FORM) and not path.startswith(elsewhere)}
    assert held_paths(workbook_layout(DEFAULT_TEMPLATE)) == expected


@pytest.mark.parametrize("template", sorted(LAYOUTS))
def test_every_cell_of_every_layout_is_a_field_of_the_model(template: str) -> None:
    assert held_paths(LAYOUTS[template]) <= set(model_paths(Evaluation))
