from decimal import Decimal

import pytest

from jixiao.profiles import (
    ExecutionRule,
    NotApplicablePolicy,
    ProfileError,
    available_profiles,
    load_profile,
)


def test_the_shipped_profiles() -> None:
    assert available_profiles() == ("national-2020", "provincial-banded-2024", "yueyanglou-2024")


def test_the_variant_differs_in_weights_lower_cut_execution_rule_and_caps() -> None:
    base, variant = load_profile("yueyanglou-2024"), load_profile("provincial-banded-2024")
    assert base.block_weights == {"预算执行率": 10, "产出指标": 50, "效益指标": 30, "满意度指标": 10}
    assert variant.block_weights["预算执行率"] == Decimal(20)
    assert (base.qualitative_lower_cut, variant.qualitative_lower_cut) == (60, 50)
    assert (base.execution.rule, variant.execution.rule) == (
        ExecutionRule.PROPORTIONAL, ExecutionRule.BANDS)
    assert base.total_caps == ()
    assert [(c.rate_below, c.cap) for c in variant.total_caps] == [
        (80, 89), (70, 79), (60, 69), (50, 59)]
    assert (base.not_applicable, variant.not_applicable) == (
        NotApplicablePolicy.REDISTRIBUTE, NotApplicablePolicy.RESCALE_BLOCK)


@pytest.mark.parametrize(("score", "grade"), [
    ("100", "优"), ("90", "优"), ("89.99", "良"), ("80", "良"), ("79.5", "中"), ("60", "中"),
    ("59.99", "差"), ("0", "差")])
def test_grades(score: str, grade: str) -> None:
    assert load_profile("national-2020").grade_for(Decimal(score)) == grade


def test_unknown_profile_names_the_known_ones() -> None:
    with pytest.raises(ProfileError) as raised:
        load_profile("nowhere-1999")
    assert str(raised.value) == (
        "评分规则“nowhere-1999”：不存在（可用：national-2020、provincial-banded-2024、yueyanglou-2024）")
