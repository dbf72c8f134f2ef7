"""The evaluation: everything a unit states about one year, the root of the model."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from jixiao.model.assessment import ProjectAssessment, UnitSelfAssessment
from jixiao.model.base import Record
from jixiao.model.basic_data import BasicDataTable
from jixiao.model.expenditure import Finances
from jixiao.model.indicators import require_weights
from jixiao.model.report import Narrative, SignOff
from jixiao.model.unit import UnitProfile
from jixiao.profiles.forms import prints_indicator_weights

SCHEMA_VERSION: Literal[1] = 1


class Evaluation(Record):
    """单位整体支出绩效自评: one unit, one year, as entered or as read from its report.

    ``template`` names the report layout, ``profile`` the scoring rules (both versioned data in
    :mod:`jixiao.profiles`). ``stated_year`` fields elsewhere are compared with ``year`` by the
    rules; nothing here is derived: scoring and checks compute from these stated values.
    """

    schema_version: Literal[1] = SCHEMA_VERSION
    year: int = Field(ge=2000, le=2100, title="年度")
    template: str = Field("yueyanglou-2024", title="报告模板")
    profile: str = Field("yueyanglou-2024", title="评分规则")
    title: str = Field("", title="报告标题", description="as printed; checked for year and unit")
    unit: UnitProfile = Field(title="单位基本情况")
    finances: Finances = Field(default_factory=Finances, title="预算支出情况")
    narrative: Narrative = Field(default_factory=Narrative, title="报告正文")
    basic_data: BasicDataTable = Field(default_factory=BasicDataTable, title="附件1 基础数据表")
    self_assessment: UnitSelfAssessment = Field(
        default_factory=UnitSelfAssessment, title="附件2 单位整体支出绩效自评表"
    )
    projects: tuple[ProjectAssessment, ...] = Field((), title="附件3 项目支出绩效自评表")
    sign_off: SignOff = Field(default_factory=SignOff, title="签字栏")

    @field_validator("year", mode="before")
    @classmethod
    def _year_as_written(cls, value: object) -> object:
        """“2024年” and “2024年度” are the year 2024, as reports write it."""
        if isinstance(value, str):
            return value.strip().removesuffix("年度").removesuffix("年").strip()
        return value

    @field_validator("self_assessment")
    @classmethod
    def _weighted_where_printed(cls, table: UnitSelfAssessment, info: ValidationInfo) -> UnitSelfAssessment:
        """分值 of every applicable indicator, unless the form's table prints none (its
        ``template.yaml`` says so)."""
        template = info.data.get("template")
        if template is None or prints_indicator_weights(template):
            require_weights(table.indicators, at=("indicators",))
        return table
