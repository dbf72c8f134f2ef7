"""预警规则: data in the profiles, applied by a pure function to an evaluation's computed figures."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.alerts import Alert, KeyFigures, alerts_for, key_figures
from jixiao.io.load import load_evaluation
from jixiao.profiles import Profile, available_profiles, load_profile
from jixiao.profiles.model import AlertKind, AlertRule, AlertSeverity
from jixiao.scoring import score_evaluation

EXAMPLES = Path(__file__).parents[1] / "examples"
RULES_DOC = Path(__file__).parents[1] / "docs" / "rules.md"
RULES = load_profile("yueyanglou-2024").alerts
QUIET = KeyFigures(score=Decimal("90"), grade="优", stated_score=Decimal("90"), execution_rate=Decimal("95"),
                   budget=Decimal("100"), actual=Decimal("95"), cap=None, cap_rate_below=None,
                   three_public=Decimal("10"), three_public_prior=Decimal("10"), three_public_change=Decimal("0"),
                   top_achievement=Decimal("100"), top_achievement_indicator="群众满意度")


def fired(figures: KeyFigures, profile: str = "yueyanglou-2024") -> list[tuple[str, str]]:
    return [(alert.rule_id, alert.message) for alert in alerts_for(figures, load_profile(profile).alerts)]


def test_quiet_figures_raise_nothing() -> None:
    assert fired(QUIET) == []


@pytest.mark.parametrize(("rate", "raised"), [("80", False), ("79.99", True), ("80.0001", False), ("0", True)])
def test_execution_below_80_percent(rate: str, raised: bool) -> None:
    figures = replace(QUIET, execution_rate=Decimal(rate), score=Decimal("0"))
    assert [rule for rule, _ in fired(figures)] == (["execution-low"] if raised else [])


def test_execution_below_says_the_rate_and_the_threshold() -> None:
    figures = replace(QUIET, execution_rate=Decimal("79.99"), score=Decimal("70"))
    assert fired(figures) == [("execution-low", "预算执行率 79.99%，低于 80%")]
    figures = replace(QUIET, execution_rate=Decimal("64.5"), score=Decimal("60"))
    assert fired(figures) == [("execution-low", "预算执行率 64.5%，低于 80%")]


@pytest.mark.parametrize(("score", "rate", "raised"), [
    ("90", "85", False),       # exactly 5 points above: not more than 5
    ("90.01", "85", True),
    ("100", "95.01", False),   # 4.99 above
    ("100", "94.99", True),    # 5.01 above
    ("100", "120", False),     # over-execution counts as 100%
    ("99", "100", False),
])
def test_score_above_execution_based_score_by_more_than_5(score: str, rate: str, raised: bool) -> None:
    figures = replace(QUIET, score=Decimal(score), execution_rate=Decimal(rate))
    assert ("score-above-execution" in dict(fired(figures))) == raised


def test_the_red_alert_message_and_order() -> None:
    figures = replace(QUIET, score=Decimal("93.00"), execution_rate=Decimal("64"))
    alerts = alerts_for(figures, RULES)
    assert [(a.rule_id, a.severity) for a in alerts] == [
        ("score-above-execution", AlertSeverity.RED), ("execution-low", AlertSeverity.YELLOW)]
    assert alerts[0] == Alert("score-above-execution", 1, "高分低执行（一体化红色预警）", AlertSeverity.RED,
                              "自评得分 93 分，比按执行率 64% 折算的 64 分高 29 分（超过 5 分即预警）")


@pytest.mark.parametrize(("stated", "raised"), [("89", False), ("89.01", True), ("92", True)])
def test_a_stated_total_above_the_profiles_cap(stated: str, raised: bool) -> None:
    figures = replace(QUIET, stated_score=Decimal(stated), score=Decimal("75"), execution_rate=Decimal("75"),
                      cap=Decimal("89"), cap_rate_below=Decimal("80"))
    messages = dict(fired(figures, "provincial-banded-2024"))
    if raised:
        assert messages["total-above-cap"] == (
            f"填报总分 {stated} 分，超过执行率 75%（低于 80%）时的封顶分 89 分")
    else:
        assert "total-above-cap" not in messages


def test_no_cap_no_cap_alert() -> None:
    assert fired(replace(QUIET, stated_score=Decimal("100"))) == []


@pytest.mark.parametrize(("achievement", "raised"), [("150", False), ("150.01", True), ("210", True)])
def test_a_target_completed_far_beyond_plan(achievement: str, raised: bool) -> None:
    figures = replace(QUIET, top_achievement=Decimal(achievement), top_achievement_indicator="引进招商投资项目")
    messages = dict(fired(figures))
    assert ("target-far-exceeded" in messages) == raised
    if achievement == "210":
        assert messages["target-far-exceeded"] == (
            "指标“引进招商投资项目”完成值为指标值的 210%，超过 150%，年度目标可能定得过低")


@pytest.mark.parametrize(("current", "prior", "change", "raised"), [
    ("10", "10", "0", False), ("10.01", "10", "0.1", True), ("9", "10", "-10", False)])
def test_three_public_costs_only_go_down(current: str, prior: str, change: str, raised: bool) -> None:
    figures = replace(QUIET, three_public=Decimal(current), three_public_prior=Decimal(prior),
                      three_public_change=Decimal(change))
    messages = dict(fired(figures))
    assert ("three-public-up" in messages) == raised
    if raised:
        assert messages["three-public-up"] == "三公经费 10.01 万元，比上年 10 万元增长 0.1%（三公经费只减不增）"


def test_missing_figures_raise_nothing() -> None:
    empty = KeyFigures(None, "", None, None, None, None, None, None, None, None, None, None)
    assert fired(empty) == []


def test_key_figures_are_the_scorecards() -> None:
    evaluation = load_evaluation(EXAMPLES / "dongting-2023.yaml").evaluation
    scorecard = score_evaluation(evaluation)
    figures = key_figures(evaluation, scorecard)
    assert figures.score == scorecard.unit_table.rule_total == Decimal("93.00")
    assert (figures.grade, figures.stated_score, figures.execution_rate) == ("优", Decimal(99), Decimal(100))
    assert (figures.budget, figures.actual) == (Decimal("203.54"), Decimal("203.54"))
    assert (figures.three_public, figures.three_public_prior, figures.three_public_change) == (0, 0, None)
    assert (figures.top_achievement, figures.top_achievement_indicator) == (Decimal("122.00"), "引进招商投资项目")
    assert alerts_for(figures, scorecard.profile.alerts) == ()


def test_three_public_from_the_reports_year_on_year_lines() -> None:
    evaluation = load_evaluation(EXAMPLES / "dingcheng-zhengfuban-2023.yaml").evaluation
    figures = key_figures(evaluation, score_evaluation(evaluation))
    assert (figures.three_public, figures.three_public_prior) == (Decimal("337.67"), None)


def test_every_profile_has_the_alert_kinds_and_unique_ids() -> None:
    for profile_id in available_profiles():
        kinds = {rule.kind for rule in load_profile(profile_id).alerts}
        assert kinds == set(AlertKind), profile_id


def test_a_message_quoting_an_unknown_figure_is_refused() -> None:
    with pytest.raises(ValueError, match="未知的数字"):
        AlertRule(id="x", version=1, name="执行率偏低", severity=AlertSeverity.RED, kind=AlertKind.EXECUTION_BELOW,
                  threshold=Decimal(80), message="执行率 {score}")
    with pytest.raises(ValueError, match="须给出 threshold"):
        AlertRule(id="x", version=1, name="执行率偏低", severity=AlertSeverity.RED, kind=AlertKind.EXECUTION_BELOW,
                  message="执行率 {rate}")


def test_two_alerts_of_one_id_in_a_profile_are_refused() -> None:
    raw = load_profile("national-2020").model_dump()
    raw["alerts"] = [*raw["alerts"], raw["alerts"][0]]
    with pytest.raises(ValueError, match="预警规则的 id 重复"):
        Profile.model_validate(raw)


def test_the_rule_catalogue_documents_every_alert_rule() -> None:
    rows = re.findall(r"^\| `([a-z0-9-]+)` \| (\d+) \| (\w+) \| ([^|]+) \|", RULES_DOC.read_text("utf-8"),
                      flags=re.MULTILINE)
    documented = {rule_id: (int(version), severity, name.strip()) for rule_id, version, severity, name in rows}
    for profile_id in available_profiles():
        for rule in load_profile(profile_id).alerts:
            assert documented.get(rule.id) == (rule.version, rule.severity.value, rule.name), rule.id
    in_profiles = {rule.id for profile_id in available_profiles() for rule in load_profile(profile_id).alerts}
    assert set(documented) == in_profiles
