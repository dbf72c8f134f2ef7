"""Unit tests of the one door for numbers (:mod:`jixiao.numbers`), of the interval relations
(:mod:`jixiao.relations`) and of the real example ``examples/dongting-2023.yaml``.

Values and messages are asserted exactly.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from jixiao.model import Evaluation, ShareLine, Staffing
from jixiao.numbers import (
    FloatRefusedError,
    Interval,
    NumberError,
    Rounding,
    StatedNumber,
    Unit,
    decimals_of,
    exact,
    parse_stated,
    parse_unit,
    percent,
    quantize_down,
    quantize_half_up,
)
from jixiao.relations import (
    Verdict,
    check_change_percent,
    check_difference,
    check_equal,
    check_ratio,
    check_sum,
)

D = Decimal
P = StatedNumber.parse
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "dongting-2023.yaml"


def float_message(value: float) -> str:
    return (
        f"数值 {value!r} 是二进制浮点数，无法确定其书写的小数位；"
        "请按书面写法提供（如字符串 \"132.71\" 或 Decimal）"
    )


def interval(low: str, high: str) -> Interval:
    return Interval(D(low), D(high))


# --------------------------------------------------------------------------------------------
# Floats are refused
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [1.5, 132.71, 0.1, -3.0])
def test_of_refuses_floats(value: float) -> None:
    with pytest.raises(FloatRefusedError) as caught:
        StatedNumber.of(value)  # type: ignore[arg-type]
    assert str(caught.value) == float_message(value)


def test_exact_refuses_floats() -> None:
    with pytest.raises(FloatRefusedError) as caught:
        exact(49.55)  # type: ignore[arg-type]
    assert str(caught.value) == float_message(49.55)


def test_float_refused_error_is_a_number_error() -> None:
    assert issubclass(FloatRefusedError, NumberError)
    assert issubclass(NumberError, ValueError)


def test_constructor_refuses_floats_through_pydantic() -> None:
    # pydantic wraps the FloatRefusedError raised in the validator; the original error and its
    # message survive in the error context.
    with pytest.raises(ValidationError) as caught:
        StatedNumber(value=1.5, decimals=1)  # type: ignore[arg-type]
    error = caught.value.errors()[0]
    assert isinstance(error["ctx"]["error"], FloatRefusedError)
    assert str(error["ctx"]["error"]) == float_message(1.5)


def test_model_fields_refuse_floats_and_bools() -> None:
    with pytest.raises(ValidationError) as caught:
        ShareLine(amount=18.47)  # type: ignore[arg-type]
    assert str(caught.value.errors()[0]["ctx"]["error"]) == float_message(18.47)
    with pytest.raises(ValidationError) as caught:
        ShareLine(amount=True)  # type: ignore[arg-type]
    assert str(caught.value.errors()[0]["ctx"]["error"]) == "“True”不是一个数值"


def test_constructor_refuses_nan() -> None:
    with pytest.raises(ValidationError):
        StatedNumber(value=D("NaN"), decimals=0)


# --------------------------------------------------------------------------------------------
# Parsing keeps what was written
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "decimals", "written"),
    [
        ("5.00", "5.00", 2, "5.00"),
        ("16.2", "16.2", 1, "16.2"),
        ("1.50", "1.50", 2, "1.50"),
        ("150", "150", 0, "150"),
        ("132.71", "132.71", 2, "132.71"),
        ("87.2217", "87.2217", 4, "87.2217"),
        ("0", "0", 0, "0"),
        ("0.00", "0.00", 2, "0.00"),
        (".5", "0.5", 1, "0.5"),
        ("  49.55  ", "49.55", 2, "49.55"),
        ("+5", "5", 0, "5"),
        ("-5.3", "-5.3", 1, "-5.3"),
        ("−5", "-5", 0, "-5"),  # U+2212 MINUS SIGN
    ],
)
def test_parse_keeps_decimals(text: str, value: str, decimals: int, written: str) -> None:
    number = parse_stated(text)
    assert number.value == D(value)
    assert number.decimals == decimals
    assert number.written == written
    assert number.unit is Unit.NONE
    assert number.origin is None


def test_parse_is_the_classmethod_and_of_accepts_text() -> None:
    assert P("5.00") == parse_stated("5.00")
    assert StatedNumber.of("5.00", Unit.WAN_YUAN) == parse_stated("5.00万元")
    assert StatedNumber.of(D("5.00")).decimals == 2
    assert StatedNumber.of(7).decimals == 0
    assert StatedNumber.of(D("5.00"), Unit.WAN_YUAN).unit is Unit.WAN_YUAN


@pytest.mark.parametrize(
    ("text", "value", "decimals", "unit"),
    [
        ("１３２．７１万元", "132.71", 2, Unit.WAN_YUAN),
        ("９０％", "90", 0, Unit.PERCENT),
        ("１，２３４．５", "1234.5", 1, Unit.NONE),
        ("－３．５", "-3.5", 1, Unit.NONE),
        ("＋８", "8", 0, Unit.NONE),
        ("１０人", "10", 0, Unit.PERSON),
    ],
)
def test_parse_full_width(text: str, value: str, decimals: int, unit: Unit) -> None:
    number = parse_stated(text)
    assert (number.value, number.decimals, number.unit) == (D(value), decimals, unit)


@pytest.mark.parametrize(
    ("text", "value", "decimals"),
    [
        ("1,234.50", "1234.50", 2),
        ("12,345,678", "12345678", 0),
        ("1,000", "1000", 0),
        ("-1,234.5", "-1234.5", 1),
        ("999", "999", 0),
    ],
)
def test_parse_thousands_separators(text: str, value: str, decimals: int) -> None:
    number = parse_stated(text)
    assert (number.value, number.decimals) == (D(value), decimals)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("132.71万元", "132.71", Unit.WAN_YUAN),
        ("132.71 万元", "132.71", Unit.WAN_YUAN),
        ("495500元", "495500", Unit.YUAN),
        ("1.2亿元", "1.2", Unit.YI_YUAN),
        ("90%", "90", Unit.PERCENT),
        ("90％", "90", Unit.PERCENT),
        ("86.08 %", "86.08", Unit.PERCENT),
        ("10人", "10", Unit.PERSON),
        ("9名", "9", Unit.PERSON),
        ("4个", "4", Unit.ITEM),
        ("3项", "3", Unit.ITEM),
        ("32户", "32", Unit.HOUSEHOLD),
        ("3次", "3", Unit.TIMES),
        ("2篇", "2", Unit.ARTICLE),
        ("5件", "5", Unit.PIECE),
        ("120平方米", "120", Unit.SQUARE_METRE),
        ("120㎡", "120", Unit.SQUARE_METRE),
        ("120m2", "120", Unit.SQUARE_METRE),
        ("99分", "99", Unit.POINT),
    ],
)
def test_parse_units(text: str, value: str, unit: Unit) -> None:
    number = parse_stated(text)
    assert (number.value, number.unit) == (D(value), unit)
    assert str(number) == f"{number.written}{unit.value}"


def test_parse_default_unit_only_when_none_written() -> None:
    assert parse_stated("132.71", Unit.WAN_YUAN).unit is Unit.WAN_YUAN
    assert parse_stated("132.71元", Unit.WAN_YUAN).unit is Unit.YUAN
    assert str(parse_stated("132.71", Unit.WAN_YUAN)) == "132.71万元"


def test_parse_unknown_unit() -> None:
    with pytest.raises(NumberError) as caught:
        parse_stated("5公斤")
    assert str(caught.value) == "无法识别的计量单位“公斤”"
    with pytest.raises(NumberError) as caught:
        parse_unit("美元")
    assert str(caught.value) == "无法识别的计量单位“美元”"


@pytest.mark.parametrize(
    "text", ["nan", "NaN", "inf", "Infinity", "abc", "", "   ", "万元", "%", "1,23", "1234,567",
             "1.2.3", ".", "-", "五", "三次"],
)
def test_parse_invalid_text(text: str) -> None:
    with pytest.raises(NumberError) as caught:
        parse_stated(text)
    assert str(caught.value) == f"“{text}”不是一个数值"


@pytest.mark.parametrize("text", ["1e5", "1E5", "2.5e-3"])
def test_parse_refuses_scientific_notation(text: str) -> None:
    with pytest.raises(NumberError):
        parse_stated(text)


def test_parse_scientific_notation_message() -> None:
    with pytest.raises(NumberError) as caught:
        parse_stated("1e5")
    assert str(caught.value) == "“1e5”不是一个数值"


# --------------------------------------------------------------------------------------------
# Intervals, counts and conversion
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "half_up", "truncate"),
    [
        ("49.55", ("49.545", "49.555"), ("49.55", "49.56")),
        ("5.00", ("4.995", "5.005"), ("5.00", "5.01")),
        ("16.2", ("16.15", "16.25"), ("16.2", "16.3")),
        ("150", ("149.5", "150.5"), ("150", "151")),
        ("90%", ("89.5", "90.5"), ("90", "91")),
        ("-1.2", ("-1.25", "-1.15"), ("-1.3", "-1.2")),
        ("87.2217", ("87.22165", "87.22175"), ("87.2217", "87.2218")),
        ("9.5人", ("9.45", "9.55"), ("9.5", "9.6")),  # a fractional count is a measure
    ],
)
def test_intervals(text: str, half_up: tuple[str, str], truncate: tuple[str, str]) -> None:
    number = parse_stated(text)
    assert number.interval() == interval(*half_up)
    assert number.interval(Rounding.HALF_UP) == interval(*half_up)
    assert number.interval(Rounding.TRUNCATE) == interval(*truncate)


def test_quantum() -> None:
    assert P("5.00").quantum == D("0.01")
    assert P("150").quantum == D(1)
    assert P("87.2217").quantum == D("0.0001")


@pytest.mark.parametrize("text", ["10人", "9名", "4个", "32户", "3次", "2篇", "5件", "0人", "99分"])
def test_counts_are_exact(text: str) -> None:
    number = parse_stated(text)
    assert number.is_exact_count
    point = Interval.point(number.value)
    assert number.interval(Rounding.HALF_UP) == point
    assert number.interval(Rounding.TRUNCATE) == point


def test_model_headcounts_are_exact() -> None:
    staffing = Staffing(authorized="10", actual=9)  # type: ignore[arg-type]
    assert staffing.authorized is not None
    assert staffing.actual is not None
    assert staffing.authorized.unit is Unit.PERSON
    assert staffing.authorized.interval() == Interval.point(D(10))
    assert staffing.actual.interval(Rounding.TRUNCATE) == Interval.point(D(9))


def test_negative_zero_truncation_interval() -> None:
    assert P("-0.00").interval(Rounding.TRUNCATE) == interval("-0.01", "0")


@pytest.mark.parametrize(
    ("text", "unit", "value", "decimals", "written", "low", "high"),
    [
        ("49.55万元", Unit.YUAN, "495500", -2, "495500", "495450", "495550"),
        ("49.55万元", Unit.YI_YUAN, "0.004955", 6, "0.004955", "0.0049545", "0.0049555"),
        ("1.2亿元", Unit.WAN_YUAN, "12000", -3, "12000", "11500", "12500"),
        ("1.2亿元", Unit.YUAN, "120000000", -7, "120000000", "115000000", "125000000"),
        ("500元", Unit.WAN_YUAN, "0.05", 4, "0.0500", "0.04995", "0.05005"),
        ("132.71万元", Unit.WAN_YUAN, "132.71", 2, "132.71", "132.705", "132.715"),
    ],
)
def test_unit_conversion(text: str, unit: Unit, value: str, decimals: int, written: str,
                         low: str, high: str) -> None:
    number = parse_stated(text)
    converted = number.in_unit(unit)
    assert converted.unit is unit
    assert converted.value == D(value)
    assert converted.decimals == decimals
    assert converted.written == written
    assert converted.interval() == interval(low, high)


def test_unit_conversion_to_same_unit_is_identity() -> None:
    number = P("132.71万元")
    assert number.in_unit(Unit.WAN_YUAN) is number


@pytest.mark.parametrize(
    ("text", "unit", "message"),
    [
        ("90%", Unit.WAN_YUAN, "无法把“%”换算为“万元”"),
        ("5", Unit.YUAN, "无法把“无单位”换算为“元”"),
        ("10人", Unit.YUAN, "无法把“人”换算为“元”"),
        ("5万元", Unit.PERCENT, "无法把“万元”换算为“%”"),
    ],
)
def test_unit_conversion_refused(text: str, unit: Unit, message: str) -> None:
    with pytest.raises(NumberError) as caught:
        parse_stated(text).in_unit(unit)
    assert str(caught.value) == message


# --------------------------------------------------------------------------------------------
# Helpers: exact, decimals_of, quantize, percent, Interval
# --------------------------------------------------------------------------------------------


def test_exact() -> None:
    assert exact("132.71") == D("132.71")
    assert exact("5.00").as_tuple().exponent == -2
    assert exact(7) == D(7)
    value = D("1.50")
    assert exact(value) is value
    with pytest.raises(NumberError) as caught:
        exact("abc")
    assert str(caught.value) == "“abc”不是一个数值"


@pytest.mark.parametrize("text", ["nan", "Infinity"])
def test_exact_refuses_nan_and_infinity(text: str) -> None:
    with pytest.raises(NumberError):
        exact(text)


def test_decimals_of() -> None:
    assert decimals_of(D("5.00")) == 2
    assert decimals_of(D("150")) == 0
    assert decimals_of(D("87.2217")) == 4
    assert decimals_of(D("1E+2")) == 0


@pytest.mark.parametrize(
    ("value", "decimals", "half_up", "down"),
    [
        ("2.345", 2, "2.35", "2.34"),
        ("2.3449999", 2, "2.34", "2.34"),
        ("-2.345", 2, "-2.35", "-2.34"),
        ("86.0824", 2, "86.08", "86.08"),
        ("13.9176", 2, "13.92", "13.91"),
        ("99.5", 0, "100", "99"),
        ("0.005", 2, "0.01", "0.00"),
    ],
)
def test_quantize(value: str, decimals: int, half_up: str, down: str) -> None:
    assert str(quantize_half_up(D(value), decimals)) == half_up
    assert str(quantize_down(D(value), decimals)) == down


def test_percent() -> None:
    share = percent(D("114.24"), D("132.71"))
    assert share is not None
    assert quantize_half_up(share, 4) == D("86.0824")
    assert percent(D(9), D(10)) == D(90)
    assert percent(D(1), D(0)) is None


def test_interval_arithmetic() -> None:
    a, b = interval("1", "2"), interval("10", "20")
    assert a + b == interval("11", "22")
    assert b - a == interval("8", "19")
    assert a.scale(D(-2)) == interval("-4", "-2")
    assert b.divided_by(interval("2", "5")) == interval("2", "10")
    assert b.divided_by(interval("-1", "1")) is None
    assert b.divided_by(interval("0", "1")) is None
    assert a.intersects(interval("2", "3"))
    assert not a.intersects(interval("2.01", "3"))
    assert a.contains(D("1")) and a.contains(D("2")) and not a.contains(D("2.0001"))


# --------------------------------------------------------------------------------------------
# Relations on hand-picked cases
# --------------------------------------------------------------------------------------------


def test_sum_holds_exactly() -> None:
    outcome = check_sum(P("132.71"), [P("114.24"), P("18.47")])
    assert outcome.verdict is Verdict.HOLDS
    assert outcome.expected == D("132.71")
    assert outcome.expected_range == interval("132.700", "132.720")
    assert not outcome.fails


def test_sum_within_rounding_of_six_parts() -> None:
    outcome = check_sum(P("49.55"), [P(x) for x in ("5.00", "0.17", "0.54", "0.67", "0.71",
                                                     "42.47")])
    assert outcome.verdict is Verdict.WITHIN_ROUNDING
    assert outcome.expected == D("49.56")
    assert outcome.expected_range == interval("49.530", "49.590")


def test_sum_fails() -> None:
    outcome = check_sum(P("203.54"), [P("132.71"), P("49.55")])
    assert outcome.verdict is Verdict.FAILS
    assert outcome.fails
    assert outcome.expected == D("182.26")
    assert outcome.expected_range == interval("182.250", "182.270")


def test_sum_edges_of_two_parts() -> None:
    # Two parts with q = 0.01: half-up allows ±0.015, truncation of the parts +0.02 (+0.005
    # for a half-up total), truncation of the total −0.02.
    parts = [P("1.00"), P("2.00")]
    assert check_sum(P("3.01"), parts).verdict is Verdict.WITHIN_ROUNDING
    assert check_sum(P("3.02"), parts).verdict is Verdict.WITHIN_ROUNDING
    assert check_sum(P("3.03"), parts).verdict is Verdict.FAILS
    assert check_sum(P("2.98"), parts).verdict is Verdict.WITHIN_ROUNDING
    assert check_sum(P("2.97"), parts).verdict is Verdict.FAILS


def test_difference() -> None:
    outcome = check_difference(P("60.90"), P("203.54"), P("142.64"))
    assert outcome.verdict is Verdict.HOLDS
    assert outcome.expected == D("60.90")
    assert check_difference(P("-2.30"), P("16.17"), P("18.47")).verdict is Verdict.HOLDS
    assert check_difference(P("2.30"), P("16.17"), P("18.47")).verdict is Verdict.FAILS


def test_difference_negative_zero_truncated() -> None:
    assert check_difference(P("-0.0"), P("1.00"), P("1.09")).verdict is Verdict.WITHIN_ROUNDING


def test_equal() -> None:
    assert check_equal(P("16.2"), P("16.20")).verdict is Verdict.HOLDS
    assert check_equal(P("16.20"), P("16.2")).verdict is Verdict.HOLDS
    assert check_equal(P("16.25"), P("16.2")).verdict is Verdict.WITHIN_ROUNDING
    outcome = check_equal(P("70.83"), P("49.55"))
    assert outcome.verdict is Verdict.FAILS
    assert outcome.expected == D("49.55")
    assert outcome.expected_range == interval("49.545", "49.555")


def test_ratio() -> None:
    outcome = check_ratio(P("86.08"), P("114.24"), P("132.71"))
    assert outcome.verdict is Verdict.HOLDS
    assert outcome.expected == D("86.08")
    outcome = check_ratio(P("90%"), P("9人"), P("10人"))
    assert outcome.verdict is Verdict.HOLDS
    assert outcome.expected == D("90.00")
    assert outcome.expected_range == Interval.point(D(90))
    assert check_ratio(P("91"), P("9人"), P("10人")).verdict is Verdict.FAILS
    assert check_ratio(P("86.09"), P("114.24"), P("132.71")).verdict is Verdict.WITHIN_ROUNDING
    assert check_ratio(P("86.1"), P("114.24"), P("132.71")).verdict is Verdict.HOLDS
    assert check_ratio(P("86.2"), P("114.24"), P("132.71")).verdict is Verdict.FAILS


def test_ratio_not_assessable() -> None:
    outcome = check_ratio(P("100"), P("49.55"), P("0"))
    assert outcome.verdict is Verdict.NOT_ASSESSABLE
    assert outcome.expected is None
    assert outcome.expected_range is None
    assert not outcome.fails


def test_change_percent() -> None:
    outcome = check_change_percent(P("42.69"), P("203.54"), P("142.64"))
    assert outcome.verdict is Verdict.HOLDS
    assert outcome.expected == D("42.69")
    assert check_change_percent(P("-12.45"), P("16.17"), P("18.47")).verdict is Verdict.HOLDS
    assert check_change_percent(P("12.45"), P("16.17"), P("18.47")).verdict is Verdict.FAILS
    outcome = check_change_percent(P("5"), P("1.00"), P("0.00"))
    assert outcome.verdict is Verdict.NOT_ASSESSABLE


def test_change_percent_interval_is_tight() -> None:
    assert check_change_percent(P("-91.0"), P("0.10"), P("1.00")).verdict is Verdict.FAILS


def test_change_percent_negative_zero_truncated() -> None:
    outcome = check_change_percent(P("-0.00"), P("999910.00"), P("1000000.00"))
    assert outcome.verdict is Verdict.WITHIN_ROUNDING


def test_amounts_written_with_different_decimals_are_read_half_up_only() -> None:
    # Case 052: a 全年执行数 of 1157.97 against its one part 1157.9. Truncated, 1157.9 would run
    # to 1157.99; written shorter than its total it was rounded (or lost a trailing zero).
    assert check_sum(P("1157.97"), [P("1157.9")]).verdict is Verdict.FAILS
    assert check_sum(P("1157.97"), [P("1157.90")]).verdict is Verdict.FAILS
    # Truncated, 1157.9 is 1157.90 to 1158.00; half-up it reaches 1157.95, and 1157.94 passes.
    assert check_sum(P("1157.94"), [P("1157.9")]).verdict is Verdict.WITHIN_ROUNDING
    # A rounded 1.79 written 1.8 beside 4.53 (seed dingcheng): within the half-up interval.
    assert check_change_percent(P("-28.35%"), P("4.53万元"), P("6.3万元")).verdict is Verdict.WITHIN_ROUNDING
    # A stated rate may still be truncated (case 008: 6.0099% written 6.00).
    rate = check_ratio(P("6.00%"), P("54357.12元"), P("904445.4元"))
    assert rate.verdict is Verdict.WITHIN_ROUNDING
    # Amounts written with the same decimals keep the truncation reading: three 3.33 cut from
    # 3.339 add up to 10.02 (half-up they reach only 10.005).
    assert check_sum(P("10.02"), [P("3.33")] * 3).verdict is Verdict.WITHIN_ROUNDING


DONGTING_SCORES = ("10", "6", "6", "6", "6", "6", "7", "7", "5", "6", "6", "6", "6", "5", "5")


def test_whole_points_are_exact() -> None:
    # A 得分 of 6 is six points, not anything from 5.5 to 6.5: the published 总分 99 against the
    # 93 its rows add up to must fail, not pass as rounding.
    scores = [P(x, Unit.POINT) for x in DONGTING_SCORES]
    outcome = check_sum(P("99分"), scores)
    assert outcome.verdict is Verdict.FAILS
    assert outcome.expected == D(93)
    assert outcome.expected_range == Interval.point(D(93))
    assert check_sum(P("93分"), scores).verdict is Verdict.HOLDS
    assert P("5.5分").interval() == interval("5.45", "5.55")  # a fractional score is rounded


# --------------------------------------------------------------------------------------------
# The real example: examples/dongting-2023.yaml
# --------------------------------------------------------------------------------------------


def load_example() -> Evaluation:
    """Read the example with every scalar as text, as the project's loader will keep it."""
    data: dict[str, Any] = yaml.load(EXAMPLE.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    data["schema_version"] = int(data["schema_version"])  # a Literal[1], not a number
    return Evaluation.model_validate(data)


@pytest.fixture(scope="module")
def example() -> Evaluation:
    return load_example()


def test_example_unit(example: Evaluation) -> None:
    assert example.year == 2023
    assert example.title == "2023 年度岳阳市洞庭新城项目建设岳阳楼区工作部单位整体支出绩效自评报告"
    unit = example.unit
    assert unit.name == "岳阳市洞庭新城项目建设岳阳楼区工作部"
    assert len(unit.functions) == 4
    assert unit.departments == ("综合办公室", "财务统计科", "拆迁征收科", "安置保障科")
    assert unit.stated_department_count is not None
    assert unit.stated_department_count.written == "4"
    assert unit.staffing.authorized is not None and unit.staffing.actual is not None
    assert (unit.staffing.authorized.value, unit.staffing.actual.value) == (10, 9)
    assert unit.staffing.stated_control_rate is None


def test_example_keeps_written_decimals(example: Evaluation) -> None:
    basic = example.finances.general_budget.basic
    assert basic.total is not None and basic.total.written == "132.71"
    assert basic.total.unit is Unit.WAN_YUAN
    assert basic.personnel.stated_share is not None
    assert str(basic.personnel.stated_share) == "86.08%"
    assert basic.subsidies.amount is None and basic.subsidies.stated_share is None
    items = example.finances.general_budget.projects.items
    assert [(item.name, item.amount.written if item.amount else None) for item in items] == [
        ("应急工作专项", "5.00"), ("工伤保险", "0.17"), ("公积金支出", "0.54"),
        ("事业单位基本养老保险", "0.67"), ("医疗保险", "0.71"), ("城乡社区支出", "42.47"),
    ]
    funds = example.basic_data.public_funds
    assert funds.total.budget is not None and funds.total.budget.written == "16.2"
    assert funds.office.budget is not None and funds.office.budget.written == "1.50"
    assert funds.office.prior_actual is not None and funds.office.prior_actual.written == "3.1"
    procurement = example.basic_data.procurement
    assert procurement.prior_actual is not None and procurement.prior_actual.written == "150"
    assert example.basic_data.staffing.stated_control_rate is not None
    assert str(example.basic_data.staffing.stated_control_rate) == "90%"


def test_example_self_assessment(example: Evaluation) -> None:
    assessment = example.self_assessment
    assert len(assessment.goals) == 4
    assert len(assessment.indicators) == 15
    not_applicable = [row for row in assessment.indicators if row.not_applicable]
    assert len(not_applicable) == 1
    assert not_applicable[0].level2 == "生态效益指标"
    assert not_applicable[0].weight is None and not_applicable[0].stated_score is None
    lost = [row for row in assessment.indicators
            if row.weight is not None and row.stated_score != row.weight]
    assert [row.name for row in lost] == ["总成本控制"]
    assert lost[0].deviation_reason
    assert assessment.stated_total_weight is not None
    assert assessment.stated_total_score is not None
    assert (assessment.stated_total_weight.written,
            assessment.stated_total_score.written) == ("100", "99")
    assert assessment.budget_change_explanation == ""


def test_example_blanks_are_kept(example: Evaluation) -> None:
    assert example.projects == ()
    assert example.narrative.performance
    assert example.narrative.problems
    assert example.narrative.measures
    assert example.narrative.results.text == ""
    assert example.narrative.results.stated_score is None
    assert example.narrative.results.stated_grade == ""
    assert example.narrative.other == ""
    assert example.sign_off.head == example.sign_off.preparer == ""
    assert example.sign_off.phone == example.sign_off.date == ""
    for table in (example.finances.government_fund, example.finances.state_capital,
                  example.finances.social_insurance):
        assert not table.has_expenditure and table.rows == ()


def _example_relations(ev: Evaluation) -> dict[str, Any]:
    basic = ev.finances.general_budget.basic
    projects = ev.finances.general_budget.projects
    sa = ev.self_assessment
    bd = ev.basic_data
    weights = [row.weight for row in sa.indicators if row.weight is not None]
    scores = [row.stated_score for row in sa.indicators if row.stated_score is not None]
    return {
        "基本支出 = 人员经费 + 公用经费": check_sum(
            basic.total, [basic.personnel.amount, basic.public.amount]),
        "人员经费占比": check_ratio(basic.personnel.stated_share, basic.personnel.amount,
                              basic.total),
        "公用经费占比": check_ratio(basic.public.stated_share, basic.public.amount, basic.total),
        "项目支出 = 六项": check_sum(projects.total, [item.amount for item in projects.items]),
        "附件1 区级专项 = 六行": check_sum(
            bd.projects.district_specials.actual,
            [row.actual for row in bd.projects.district_special_items]),
        "附件1 项目支出 = 正文": check_equal(bd.projects.total.actual, projects.total),
        "附件2 项目支出 = 正文": check_equal(sa.by_nature.projects, projects.total),
        "附件2 基本支出 = 正文": check_equal(sa.by_nature.basic, basic.total),
        "执行数 = 按支出性质": check_sum(sa.funds.actual,
                                   [sa.by_nature.basic, sa.by_nature.projects]),
        "执行数 = 按收入性质": check_sum(sa.funds.actual,
                                   [sa.by_income.general_public, sa.by_income.other]),
        "执行数 = 正文基本 + 项目": check_sum(sa.funds.actual, [basic.total, projects.total]),
        "执行率": check_ratio(sa.funds.stated_execution_rate, sa.funds.actual,
                           sa.funds.full_year_budget),
        "全年预算 = 年初预算": check_equal(sa.funds.full_year_budget, sa.funds.initial_budget),
        "控制率": check_ratio(bd.staffing.stated_control_rate, bd.staffing.actual,
                           bd.staffing.authorized),
        "内设机构数": check_equal(ev.unit.stated_department_count,
                             StatedNumber.of(len(ev.unit.departments), Unit.ITEM)),
        "总分 分值": check_sum(sa.stated_total_weight, [sa.funds.weight, *weights]),
        "总分 得分": check_sum(sa.stated_total_score, [sa.funds.stated_score, *scores]),
    }


def test_example_relations(example: Evaluation) -> None:
    outcomes = _example_relations(example)
    verdicts = {label: outcome.verdict for label, outcome in outcomes.items()}
    assert verdicts == {
        "基本支出 = 人员经费 + 公用经费": Verdict.HOLDS,
        "人员经费占比": Verdict.HOLDS,
        "公用经费占比": Verdict.HOLDS,
        "项目支出 = 六项": Verdict.WITHIN_ROUNDING,
        "附件1 区级专项 = 六行": Verdict.WITHIN_ROUNDING,
        "附件1 项目支出 = 正文": Verdict.HOLDS,
        "附件2 项目支出 = 正文": Verdict.FAILS,
        "附件2 基本支出 = 正文": Verdict.HOLDS,
        "执行数 = 按支出性质": Verdict.HOLDS,
        "执行数 = 按收入性质": Verdict.HOLDS,
        "执行数 = 正文基本 + 项目": Verdict.FAILS,
        "执行率": Verdict.HOLDS,
        "全年预算 = 年初预算": Verdict.FAILS,
        "控制率": Verdict.HOLDS,
        "内设机构数": Verdict.HOLDS,
        "总分 分值": Verdict.FAILS,  # 100 stated, 94 by the rows
        "总分 得分": Verdict.FAILS,  # 99 stated, 93 by the rows
    }
    expected = {label: outcome.expected for label, outcome in outcomes.items()}
    assert expected["项目支出 = 六项"] == D("49.56")
    assert expected["附件2 项目支出 = 正文"] == D("49.55")
    assert expected["执行数 = 正文基本 + 项目"] == D("182.26")
    assert expected["全年预算 = 年初预算"] == D("142.64")
    assert expected["总分 分值"] == D(94)
    assert expected["总分 得分"] == D(93)


def test_more_than_twelve_decimals_is_a_number_error_not_a_validation_error() -> None:
    with pytest.raises(NumberError) as raised:
        parse_stated("1.1401234567901235")
    assert str(raised.value) == "“1.1401234567901235”的小数位过多（最多 12 位）"
    assert parse_stated("0.123456789012").decimals == 12
