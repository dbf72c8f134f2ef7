from decimal import Decimal

import pytest

from builders import evaluation, full_marks_indicators, indicator
from jixiao.model import Indicator, IndicatorNature
from jixiao.profiles import load_profile
from jixiao.scoring import infer_nature, read_quantity, score_evaluation
from jixiao.scoring.indicators import score_indicator

NATIONAL = load_profile("national-2020")


def _score(target: str, actual: str, weight: str = "10", nature: str | None = None):
    row = Indicator.model_validate(indicator("产出指标", "x", target, actual, weight, None, nature))
    return score_indicator(0, row, NATIONAL)


@pytest.mark.parametrize(("target", "actual", "nature", "score"), [
    ("32户", "32户", None, "10.00"),
    ("32户", "16户", None, "5.00"),
    ("1000万元", "1220万元", None, "10.00"),      # over-achievement earns nothing extra
    ("≥95%", "76%", None, "8.00"),
    ("≤5天", "5天", "≤", "10.00"),
    ("≤10%", "20%", None, "5.00"),               # 反向: 目标 / 实际
    ("0%", "0%", "≤", "10.00"),
    ("100", "90", "=", "9.00"),                 # =: proportional to the deviation
])
def test_quantitative_scores(target: str, actual: str, nature: str | None, score: str) -> None:
    assert _score(target, actual, nature=nature).rule_score == Decimal(score)


def test_a_qualitative_indicator_has_no_rule_score_but_a_band() -> None:
    row = Indicator.model_validate(indicator("产出指标", "x", "显著提升", "显著提升", "10", "7"))
    scored = score_indicator(0, row, NATIONAL)
    assert (scored.nature, scored.rule_score, scored.band) == (
        IndicatorNature.QUALITATIVE, None, "部分达成并具有一定效果")
    variant = score_indicator(0, row.model_copy(update={"stated_score": None}), NATIONAL)
    assert variant.band is None


def test_the_lower_cut_of_the_variant_profile_moves_the_band() -> None:
    row = Indicator.model_validate(indicator("产出指标", "x", "完成", "部分完成", "10", "5.5"))
    assert score_indicator(0, row, NATIONAL).band == "未达成且效果较差"
    assert score_indicator(0, row, load_profile("provincial-banded-2024")).band == (
        "部分达成并具有一定效果")


@pytest.mark.parametrize(("target", "nature"), [
    ("≥95%", IndicatorNature.AT_LEAST), ("32户", IndicatorNature.AT_LEAST),
    ("不超过年初预算投入", IndicatorNature.QUALITATIVE), ("≤5天", IndicatorNature.AT_MOST),
    ("不超过100万元", IndicatorNature.AT_MOST), ("2023年度完成", IndicatorNature.QUALITATIVE),
    ("=100%", IndicatorNature.EQUAL), ("2023年12月底前完成", IndicatorNature.QUALITATIVE),
    ("不适用", IndicatorNature.NOT_APPLICABLE),
])
def test_nature_is_read_from_the_target_when_not_stated(target: str, nature: IndicatorNature
                                                        ) -> None:
    weight = None if target == "不适用" else "5"
    row = Indicator.model_validate(indicator("产出指标", "x", target, "", weight, None))
    assert infer_nature(row) is nature


def test_read_quantity_keeps_decimals_and_unit() -> None:
    number = read_quantity("≥95.50%")
    assert number is not None and (number.written, number.unit.value) == ("95.50", "%")
    assert read_quantity("3至5次") is None


def test_full_marks_score_100_grade_excellent() -> None:
    table = score_evaluation(evaluation()).unit_table
    assert (table.execution_rate, table.execution_score, table.rule_total, table.grade) == (
        Decimal(100), Decimal("10.00"), Decimal("100.00"), "优")


def _with_not_applicable() -> list[dict[str, object]]:
    rows = full_marks_indicators()
    rows[2] = indicator("效益指标", "招商投资", "1000万元", "1100万元", "24", "24")
    return [*rows, indicator("效益指标", "不适用", "不适用", "不适用", None, None)]


@pytest.mark.parametrize(("profile_id", "total"), [
    ("national-2020", "94.00"),               # redistribute: the lost 6 points stay lost
    ("provincial-banded-2024", "100.00"),     # rescale-block: 24 of 24 scale to 30 of 30
])
def test_not_applicable_policy_is_a_profile_setting(profile_id: str, total: str) -> None:
    rows = _with_not_applicable()
    case = evaluation(self_assessment={"indicators": rows, "stated_total_score": "94"})
    table = score_evaluation(case, load_profile(profile_id)).unit_table
    assert table.rule_total == Decimal(total)


@pytest.mark.parametrize(("actual", "profile_id", "execution_score", "total", "grade"), [
    ("75.00", "national-2020", "7.50", "97.50", "优"),
    ("91.25", "national-2020", "9.13", "99.13", "优"),          # 9.125 rounds half up (四舍五入)
    ("75.00", "provincial-banded-2024", "12.00", "89", "良"),   # band 60%, capped at 89
    ("96.00", "provincial-banded-2024", "20.00", "100.00", "优"),
    ("45.00", "provincial-banded-2024", "0.00", "59", "差"),
])
def test_execution_rule_and_caps(actual: str, profile_id: str, execution_score: str, total: str,
                                 grade: str) -> None:
    case = evaluation(self_assessment={"funds": {"full_year_budget": "100.00", "actual": actual}})
    table = score_evaluation(case, load_profile(profile_id)).unit_table
    assert (table.execution_score, table.rule_total, table.grade) == (
        Decimal(execution_score), Decimal(total), grade)


def test_derived_figures_are_exact_until_shown() -> None:
    case = evaluation(unit={"name": "示例单位",
                            "staffing": {"authorized": 8, "actual": 7, "stated_control_rate": 100}})
    figures = {f.key: f for f in score_evaluation(case).derived}
    assert figures["staffing.report"].value == Decimal("87.5")
    assert figures["staffing.report"].stated is not None
    assert figures["staffing.report"].stated.written == "100"
