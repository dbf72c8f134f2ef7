"""附件1 单位整体支出绩效评价基础数据表: staffing, cost control and 楼堂馆所."""

from __future__ import annotations

from pydantic import Field

from jixiao.model.base import Area, Percent, Record, WanYuan
from jixiao.model.unit import Staffing


class ControlRow(Record):
    """One row of 经费控制情况: 上年决算数 / 本年预算数 / 本年决算数 (万元). Blank cells are ``None``."""

    prior_actual: WanYuan | None = Field(None, title="上年决算数")
    budget: WanYuan | None = Field(None, title="本年预算数")
    actual: WanYuan | None = Field(None, title="本年决算数")


class NamedControlRow(ControlRow):
    """A 专项 row (区级专项 or 上级转移支付): one project per row."""

    name: str


class ThreePublicCosts(Record):
    """三公经费 and its parts."""

    total: ControlRow = Field(default_factory=ControlRow, title="三公经费")
    vehicles: ControlRow = Field(default_factory=ControlRow, title="公务用车购置和维护经费")
    vehicle_purchase: ControlRow = Field(default_factory=ControlRow, title="其中：公车购置")
    vehicle_operation: ControlRow = Field(default_factory=ControlRow, title="公车运行维护")
    overseas: ControlRow = Field(default_factory=ControlRow, title="出国经费")
    reception: ControlRow = Field(default_factory=ControlRow, title="公务接待")


class ProjectCosts(Record):
    """项目支出: all expenditure other than 基本支出, by kind."""

    total: ControlRow = Field(default_factory=ControlRow, title="项目支出")
    business: ControlRow = Field(default_factory=ControlRow, title="业务工作经费")
    operation: ControlRow = Field(default_factory=ControlRow, title="运行维护经费")
    district_specials: ControlRow = Field(default_factory=ControlRow, title="区级专项资金")
    district_special_items: tuple[NamedControlRow, ...] = Field((), title="区级专项（一个专项一行）")
    transfers: ControlRow = Field(default_factory=ControlRow, title="上级转移支付")
    transfer_items: tuple[NamedControlRow, ...] = Field((), title="上级转移支付（一个专项一行）")


class PublicFunds(Record):
    """公用经费 (基本支出中的一般商品和服务支出) and its named parts."""

    total: ControlRow = Field(default_factory=ControlRow, title="公用经费")
    office: ControlRow = Field(default_factory=ControlRow, title="其中：办公经费")
    utilities_travel: ControlRow = Field(default_factory=ControlRow, title="水费、电费、差旅费")
    meetings_training: ControlRow = Field(default_factory=ControlRow, title="会议费、培训费")


class BuildingControl(Record):
    """楼堂馆所控制情况 (本年完工项目). All fields empty when the unit has none."""

    approved_area: Area | None = Field(None, title="批复规模（m²）")
    actual_area: Area | None = Field(None, title="实际规模（m²）")
    stated_area_control_rate: Percent | None = Field(None, title="规模控制率")
    budget_investment: WanYuan | None = Field(None, title="预算投资（万元）")
    actual_investment: WanYuan | None = Field(None, title="实际投资（万元）")
    stated_investment_control_rate: Percent | None = Field(None, title="投资概算控制率")


class BasicDataTable(Record):
    """附件1 as the unit filled it in."""

    staffing: Staffing = Field(default_factory=Staffing, title="财政供养人员情况")
    three_public: ThreePublicCosts = Field(default_factory=ThreePublicCosts, title="三公经费")
    projects: ProjectCosts = Field(default_factory=ProjectCosts, title="项目支出")
    public_funds: PublicFunds = Field(default_factory=PublicFunds, title="公用经费")
    procurement: ControlRow = Field(default_factory=ControlRow, title="政府采购金额")
    basic_budget_adjustment: ControlRow = Field(
        default_factory=ControlRow, title="部门基本支出预算调整"
    )
    buildings: BuildingControl = Field(default_factory=BuildingControl, title="楼堂馆所控制情况")
    austerity_measures: str = Field("", title="厉行节约保障措施")
