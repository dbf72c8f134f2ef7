"""A scoring profile: the rules of one region and period, read from a data file.

Everything that differs between regions and years lives here, declared once with its meaning,
so the scoring code holds no regional constant.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from string import Formatter

from pydantic import BaseModel, ConfigDict, Field, model_validator


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ExecutionRule(StrEnum):
    PROPORTIONAL = "proportional"
    """得分 = 分值 × min(执行率, 100%)."""
    BANDS = "bands"
    """得分 = 分值 × the share of the highest band whose lower bound the rate reaches."""


class NotApplicablePolicy(StrEnum):
    """What happens to the weight of a 不适用 indicator."""

    REDISTRIBUTE = "redistribute"
    """The unit gives the weight to applicable indicators: the 分值 column still totals 100."""
    RESCALE_BLOCK = "rescale-block"
    """Scores of the 一级 block are scaled up to the block's full weight."""
    RESCALE_TOTAL = "rescale-total"
    """The total is scaled up to 100 from the applicable weights."""


class ExecutionBand(_Frozen):
    min_rate: Decimal = Field(description="执行率 (%) from which this band applies")
    score_share: Decimal = Field(description="share of the 分值 earned, in %")


class ExecutionScoring(_Frozen):
    rule: ExecutionRule = ExecutionRule.PROPORTIONAL
    bands: tuple[ExecutionBand, ...] = ()
    explanation_below: Decimal = Field(
        Decimal(90), description="执行率 (%) below which an explanation is required"
    )

    @model_validator(mode="after")
    def _bands_for_band_rule(self) -> ExecutionScoring:
        if self.rule is ExecutionRule.BANDS and not self.bands:
            raise ValueError("执行率按档计分时必须给出 bands")
        return self


class QualitativeBand(_Frozen):
    label: str
    low: Decimal = Field(description="lowest share of the 分值 in this band, in %")
    high: Decimal = Field(description="highest share of the 分值 in this band, in %")


class TotalCap(_Frozen):
    rate_below: Decimal = Field(description="applies when 执行率 (%) is below this")
    cap: Decimal = Field(description="the total score may not exceed this")


class GradeCut(_Frozen):
    min_score: Decimal
    grade: str


class AlertSeverity(StrEnum):
    RED = "red"
    """红色预警: the bureau acts on it (returns, cuts, reviews on site)."""
    YELLOW = "yellow"
    """黄色预警: the bureau looks at it."""

    @property
    def label(self) -> str:
        return "红色预警" if self is AlertSeverity.RED else "黄色预警"


class AlertKind(StrEnum):
    """What an alert compares; each kind names the figures its message may quote."""

    EXECUTION_BELOW = "execution-below"
    """执行率 below ``threshold`` (%)."""
    SCORE_ABOVE_EXECUTION = "score-above-execution"
    """一体化红色预警: the score exceeds the execution-based score (100 × min(执行率, 100%)) by
    more than ``threshold`` points."""
    STATED_TOTAL_ABOVE_CAP = "stated-total-above-cap"
    """The unit's stated 总分 above the cap the profile puts on its 执行率 (``total_caps``)."""
    ACHIEVEMENT_ABOVE = "achievement-above"
    """An indicator's 实际/目标 above ``threshold`` (%): a target set far too low."""
    THREE_PUBLIC_INCREASE = "three-public-increase"
    """三公经费 this year above last year's by more than ``threshold`` (%)."""

    @property
    def figures(self) -> frozenset[str]:
        return _ALERT_FIGURES[self]


_ALERT_FIGURES = {
    AlertKind.EXECUTION_BELOW: frozenset({"rate", "threshold"}),
    AlertKind.SCORE_ABOVE_EXECUTION: frozenset({"score", "rate", "expected", "excess", "threshold"}),
    AlertKind.STATED_TOTAL_ABOVE_CAP: frozenset({"stated", "cap", "rate", "rate_below"}),
    AlertKind.ACHIEVEMENT_ABOVE: frozenset({"indicator", "achievement", "threshold"}),
    AlertKind.THREE_PUBLIC_INCREASE: frozenset({"current", "prior", "change", "threshold"}),
}


class AlertRule(_Frozen):
    """预警规则: a named, versioned comparison of an evaluation's computed figures."""

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    version: int = Field(ge=1)
    name: str = Field(min_length=1, description="预警名称, shown to reviewers")
    severity: AlertSeverity
    kind: AlertKind
    threshold: Decimal | None = None
    message: str = Field(min_length=1, description="Chinese text with {figure} placeholders")

    @model_validator(mode="after")
    def _message_quotes_known_figures(self) -> AlertRule:
        quoted = {name for _, name, _, _ in Formatter().parse(self.message) if name is not None}
        unknown = quoted - self.kind.figures
        if unknown:
            known = "、".join(sorted(self.kind.figures))
            raise ValueError(f"预警“{self.id}”的提示中有未知的数字 {sorted(unknown)}（可用：{known}）")
        if self.threshold is None and self.kind is not AlertKind.STATED_TOTAL_ABOVE_CAP:
            raise ValueError(f"预警“{self.id}”须给出 threshold")
        return self


class Profile(_Frozen):
    """评分规则 of one region and period."""

    id: str
    name: str
    region: str
    years: tuple[int, ...]
    block_weights: dict[str, Decimal] = Field(
        description="一级指标 → 分值, including 预算执行率; must total 100"
    )
    execution: ExecutionScoring = ExecutionScoring()
    qualitative_bands: tuple[QualitativeBand, ...]
    over_achievement_warn_ratio: Decimal = Field(
        Decimal(130), description="实际/目标 (%) above which the target looks set too low"
    )
    not_applicable: NotApplicablePolicy
    total_caps: tuple[TotalCap, ...] = ()
    grades: tuple[GradeCut, ...]
    score_decimals: int = Field(2, ge=0, le=4)
    execution_block: str = Field("预算执行率", description="the block scored from 执行率")
    alerts: tuple[AlertRule, ...] = Field((), description="预警规则 the dashboards apply")

    @model_validator(mode="after")
    def _weights_total_100(self) -> Profile:
        total = sum(self.block_weights.values(), Decimal(0))
        if total != 100:
            raise ValueError(f"一级指标分值合计应为 100，实为 {total}")
        if self.execution_block not in self.block_weights:
            raise ValueError(f"block_weights 缺少“{self.execution_block}”")
        ids = [alert.id for alert in self.alerts]
        if len(ids) != len(set(ids)):
            raise ValueError("预警规则的 id 重复")
        return self

    @property
    def qualitative_lower_cut(self) -> Decimal:
        """The lowest share (%) that still counts as 部分达成 (60 nationally, 50 in some)."""
        return sorted(band.low for band in self.qualitative_bands)[1]

    def grade_for(self, score: Decimal) -> str:
        for cut in sorted(self.grades, key=lambda cut: cut.min_score, reverse=True):
            if score >= cut.min_score:
                return cut.grade
        return self.grades[-1].grade
