"""二 to 五: expenditure of the year by fund and by kind, as the report body states it."""

from __future__ import annotations

from pydantic import Field

from jixiao.model.base import AmountLine, Percent, Record, SignedWanYuan, WanYuan


class ShareLine(Record):
    """A part of 基本支出 with its amount and the share the report states (占基本支出的 p%)."""

    amount: WanYuan | None = Field(None, title="金额")
    stated_share: Percent | None = Field(None, title="占比")


class BasicExpenditure(Record):
    """（一）基本支出 = 人员经费（工资福利支出） + 公用经费（商品和服务支出） + 对个人和家庭的补助."""

    stated_budget: WanYuan | None = Field(None, title="基本支出年初预算数")
    total: WanYuan | None = Field(None, title="基本支出")
    personnel: ShareLine = Field(default_factory=ShareLine, title="人员经费（工资福利支出）")
    public: ShareLine = Field(default_factory=ShareLine, title="公用经费（商品和服务支出）")
    subsidies: ShareLine = Field(default_factory=ShareLine, title="对个人和家庭的补助")


class ProjectExpenditure(Record):
    """（二）项目支出: the stated total and each project, or none (``items`` empty, total 0)."""

    stated_budget: WanYuan | None = Field(None, title="项目支出预算数")
    total: WanYuan | None = Field(None, title="项目支出总数")
    items: tuple[AmountLine, ...] = Field((), title="项目支出明细")


class GeneralBudgetExpenditure(Record):
    """二、一般公共预算支出情况."""

    basic: BasicExpenditure = Field(default_factory=BasicExpenditure, title="基本支出")
    projects: ProjectExpenditure = Field(default_factory=ProjectExpenditure, title="项目支出")


class BudgetExecutionRow(Record):
    """A 项目 / 预算数 / 执行数 row of 附件4-6."""

    name: str
    budget: WanYuan | None = Field(None, title="预算数")
    actual: WanYuan | None = Field(None, title="执行数")


class FundBudgetTable(Record):
    """三 to 五 and 附件4-6: 政府性基金 / 国有资本经营 / 社会保险基金 预算支出.

    ``rows`` empty with ``has_expenditure`` false is the report's “本单位无此项支出”; left
    empty (``None``) it is not stated, and the report asks for it instead of printing 无.
    """

    has_expenditure: bool | None = Field(None, title="是否有此项支出")
    rows: tuple[BudgetExecutionRow, ...] = Field((), title="支出明细")


class ExpenditureBreakdown(Record):
    """部门财务情况 (鼎城区 form): one total, broken down three ways, and the income side."""

    total: WanYuan | None = Field(None, title="支出总额")
    by_function: tuple[AmountLine, ...] = Field((), title="按功能分类")
    basic: WanYuan | None = Field(None, title="基本支出")
    basic_personnel: WanYuan | None = Field(None, title="其中：人员经费")
    basic_public: WanYuan | None = Field(None, title="其中：公用经费")
    projects: WanYuan | None = Field(None, title="项目支出")
    by_economic: tuple[AmountLine, ...] = Field((), title="按经济分类")
    income_total: WanYuan | None = Field(None, title="决算收入数")
    income_lines: tuple[AmountLine, ...] = Field((), title="收入构成")


class YearOnYearLine(Record):
    """A 三公 item against the prior year: 本年, 上年, 增减额 and 增减率 as stated.

    ``stated_change`` and ``stated_change_percent`` carry their sign: 减少 1.8 is ``-1.8``.
    """

    name: str
    current: WanYuan | None = Field(None, title="本年")
    prior: WanYuan | None = Field(None, title="上年")
    stated_change: SignedWanYuan | None = Field(None, title="增减额")
    stated_change_percent: Percent | None = Field(None, title="增减率")


class OrgAccount(Record):
    """收支情况 by 机构 (岳阳市财政局 form): income, expenditure and 结余 of one organisation."""

    name: str
    income_total: WanYuan | None = Field(None, title="收入合计")
    carryover: WanYuan | None = Field(None, title="上年结转")
    fiscal_appropriation: WanYuan | None = Field(None, title="公共财政拨款")
    government_fund: WanYuan | None = Field(None, title="政府基金拨款")
    special_account_nontax: WanYuan | None = Field(None, title="纳入专户管理的非税收入拨款")
    other_income: WanYuan | None = Field(None, title="其他收入")
    expenditure_total: WanYuan | None = Field(None, title="支出合计")
    basic: WanYuan | None = Field(None, title="基本支出")
    personnel: WanYuan | None = Field(None, title="人员支出")
    public: WanYuan | None = Field(None, title="公用支出")
    projects: WanYuan | None = Field(None, title="项目支出")
    surplus_current: WanYuan | None = Field(None, title="当年结余")
    surplus_cumulative: WanYuan | None = Field(None, title="累计结余")
    three_public_total: WanYuan | None = Field(None, title="三公经费合计")
    reception: WanYuan | None = Field(None, title="公务接待费")
    vehicle_operation: WanYuan | None = Field(None, title="公务用车运维费")
    vehicle_purchase: WanYuan | None = Field(None, title="公务用车购置费")
    overseas: WanYuan | None = Field(None, title="因公出国费")
    fixed_assets_total: WanYuan | None = Field(None, title="固定资产合计")
    fixed_assets_in_use: WanYuan | None = Field(None, title="在用固定资产")
    fixed_assets_leased: WanYuan | None = Field(None, title="出租固定资产")
    fixed_assets_other: WanYuan | None = Field(None, title="其他固定资产")


class Finances(Record):
    """The money of the year as the report body states it, in every form the supported templates use."""

    general_budget: GeneralBudgetExpenditure = Field(
        default_factory=GeneralBudgetExpenditure, title="一般公共预算支出情况"
    )
    government_fund: FundBudgetTable = Field(
        default_factory=FundBudgetTable, title="政府性基金预算支出情况"
    )
    state_capital: FundBudgetTable = Field(
        default_factory=FundBudgetTable, title="国有资本经营预算支出情况"
    )
    social_insurance: FundBudgetTable = Field(
        default_factory=FundBudgetTable, title="社会保险基金预算支出情况"
    )
    breakdown: ExpenditureBreakdown | None = Field(None, title="部门财务情况")
    three_public_year_on_year: tuple[YearOnYearLine, ...] = Field((), title="三公经费同比")
    org_accounts: tuple[OrgAccount, ...] = Field(
        (), title="收支情况（按机构）", description="first row is the 汇总 row when there is one"
    )
