"""附件2 单位整体支出绩效自评表 and 附件3 项目支出绩效自评表."""

from __future__ import annotations

from pydantic import Field, field_validator

from jixiao.model.base import Percent, Points, Record, WanYuan
from jixiao.model.indicators import Indicator, require_weights


class FundsLine(Record):
    """年初预算数 / 全年预算数 / 全年执行数 of one fund line (万元)."""

    initial_budget: WanYuan | None = Field(None, title="年初预算数")
    full_year_budget: WanYuan | None = Field(None, title="全年预算数")
    actual: WanYuan | None = Field(None, title="全年执行数")


class FundsExecution(FundsLine):
    """年度资金总额 with its 分值, stated 执行率 and stated 自评得分."""

    weight: Points | None = Field(None, title="分值")
    stated_execution_rate: Percent | None = Field(None, title="执行率")
    stated_score: Points | None = Field(None, title="自评得分")


class IncomeSplit(Record):
    """按收入性质分 of the 全年执行数."""

    general_public: WanYuan | None = Field(None, title="一般公共预算")
    government_fund: WanYuan | None = Field(None, title="政府性基金拨款")
    special_account_nontax: WanYuan | None = Field(None, title="纳入专户管理的非税收入拨款")
    other: WanYuan | None = Field(None, title="其他资金")


class NatureSplit(Record):
    """按支出性质分 of the 全年执行数."""

    basic: WanYuan | None = Field(None, title="基本支出")
    projects: WanYuan | None = Field(None, title="项目支出")


class Goal(Record):
    """年度总体目标: one 预期目标 and its 实际完成情况."""

    expected: str = Field("", title="预期目标")
    achieved: str = Field("", title="实际完成情况")


class UnitSelfAssessment(Record):
    """附件2: funds, their two splits, goals, indicators and the stated 总分."""

    funds: FundsExecution = Field(default_factory=FundsExecution, title="年度资金总额")
    by_income: IncomeSplit = Field(default_factory=IncomeSplit, title="按收入性质分")
    by_nature: NatureSplit = Field(default_factory=NatureSplit, title="按支出性质分")
    goals: tuple[Goal, ...] = Field((), title="年度总体目标")
    indicators: tuple[Indicator, ...] = Field((), title="绩效指标")
    stated_total_weight: Points | None = Field(None, title="总分（分值）")
    stated_total_score: Points | None = Field(None, title="总分（自评得分）")
    budget_change_explanation: str = Field(
        "", title="预算调整说明", description="why 全年预算数 differs from 年初预算数"
    )
    execution_explanation: str = Field("", title="执行率说明", description="required below 90%")


class ProjectFunds(FundsExecution):
    """项目资金: the total and its 当年财政拨款 / 上年结转资金 / 其他资金 lines."""

    current_appropriation: FundsLine = Field(default_factory=FundsLine, title="当年财政拨款")
    carryover: FundsLine = Field(default_factory=FundsLine, title="上年结转资金")
    other: FundsLine = Field(default_factory=FundsLine, title="其他资金")


class ProjectAssessment(Record):
    """附件3: one project's self-evaluation table."""

    name: str = Field(min_length=1, title="项目支出名称")
    supervising_department: str = Field("", title="主管部门")
    implementer: str = Field("", title="实施单位")
    funds: ProjectFunds = Field(default_factory=ProjectFunds, title="项目资金")
    goals: tuple[Goal, ...] = Field((), title="年度总体目标")
    indicators: tuple[Indicator, ...] = Field((), title="绩效指标")
    stated_total_weight: Points | None = Field(None, title="总分（分值）")
    stated_total_score: Points | None = Field(None, title="总分（自评得分）")
    budget_change_explanation: str = Field("", title="预算调整说明")
    execution_explanation: str = Field("", title="执行率说明")

    @field_validator("indicators")
    @classmethod
    def _weighted(cls, indicators: tuple[Indicator, ...]) -> tuple[Indicator, ...]:
        """附件3 prints 分值 in every form."""
        require_weights(indicators)
        return indicators
