import subprocess
import sys
from decimal import Decimal

import pytest

from jixiao.profiles import (
    ExecutionRule,
    NotApplicablePolicy,
    ProfileError,
    available_profiles,
    load_profile,
)
from jixiao.profiles.forms import forms_without_indicator_weights, prints_indicator_weights
from jixiao.render.spec import available_templates, load_template


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


def test_which_forms_print_no_unit_weights_is_template_data() -> None:
    """``indicator_weights`` of each ``template.yaml``, as the renderer's spec reads it too; a
    template that is not built in (a bureau's own Word file) prints 分值 as the common forms do."""
    assert forms_without_indicator_weights() == ("yueyang-finance-2021",)
    assert all(load_template(template).indicator_weights is prints_indicator_weights(template)
               for template in available_templates())
    assert prints_indicator_weights("财政局模板.docx")


def test_the_model_and_the_checks_read_it_without_the_renderer() -> None:
    code = ("import sys, jixiao.model, jixiao.checks\n"
            "from jixiao.profiles.forms import prints_indicator_weights\n"
            "assert not prints_indicator_weights('yueyang-finance-2021')\n"
            "print(sorted(name for name in sys.modules if name.startswith(('jixiao.render', 'jixiao.web'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "[]\n"
