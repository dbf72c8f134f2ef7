"""The workbooks of the other regions' forms: 常德鼎城区 (``dingcheng-2023``), 岳阳市财政局
(``yueyang-finance-2021``) and the national 项目支出绩效自评表 (``national-project``).

Each holds the rows its form prints, in the fields of the one model: a workbook filled for one
form renders in another with every figure the two share (see :mod:`jixiao.io.shared`).
"""

from __future__ import annotations

from dataclasses import replace

from jixiao.io.workbook.blocks import Column, Kind, RowsBlock, SheetLayout, TableBlock, WorkbookLayout
from jixiao.io.workbook.parts import (
    AMOUNT,
    DEPARTMENT_COUNT,
    DEPARTMENTS,
    FUNCTIONS,
    GOALS,
    NAME_AND_AMOUNT,
    PROJECT_LINES,
    PROJECTS,
    SIGN_OFF,
    UNIT_INDICATORS,
    VALUE,
    amount_rows,
    basic_info,
    results_rows,
    sign_off_sheet,
    staffing_rows,
    text_rows,
)

_BREAKDOWN = "finances.breakdown"
_GENERAL = "finances.general_budget"
_GOALS = "self_assessment.goals"
_INDICATORS_NOTE = "可不填：不填自评得分时，由指标按评分规则计算综合得分"

DINGCHENG = WorkbookLayout(
    template="dingcheng-2023",
    purpose="部门整体支出绩效自评",
    sheets=(
        basic_info(RowsBlock("【机构、人员构成】", VALUE, (
            DEPARTMENT_COUNT, *staffing_rows("unit.staffing", ("authorized", "actual", "retired")))),
            DEPARTMENTS, FUNCTIONS),
        SheetLayout("财务情况", (
            RowsBlock("【部门整体支出情况（万元）】", VALUE, amount_rows(_BREAKDOWN, (
                ("支出总额", "total"), ("基本支出", "basic"), ("其中：人员经费", "basic_personnel"),
                ("其中：公用经费", "basic_public"), ("项目支出", "projects"),
                ("决算收入数", "income_total")))),
            TableBlock("【按功能分类】", f"{_BREAKDOWN}.by_function", NAME_AND_AMOUNT),
            TableBlock("【按经济分类】", f"{_BREAKDOWN}.by_economic", NAME_AND_AMOUNT),
            TableBlock("【决算收入构成】", f"{_BREAKDOWN}.income_lines", NAME_AND_AMOUNT),
            TableBlock("【“三公”经费对比】", "finances.three_public_year_on_year", (
                Column("项目", "name", Kind.TEXT), Column("本年（万元）", "current", Kind.AMOUNT),
                Column("上年（万元）", "prior", Kind.AMOUNT),
                Column("增减额（万元）", "stated_change", Kind.AMOUNT, "减少填负数，如 -1.80"),
                Column("增减率（%）", "stated_change_percent", Kind.PERCENT, "下降填负数，如 -28.35"))),
        ), "二、部门财务情况及两张表"),
        SheetLayout("正文", (
            TableBlock("【三、部门绩效目标】", _GOALS, (
                Column("部门绩效总目标", "expected", Kind.LONG_TEXT),
                Column("年度绩效目标", "achieved", Kind.LONG_TEXT)), spare_rows=3),
            RowsBlock("【五、综合评价结果】", VALUE, results_rows(
                ("原文", "text", "可粘贴报告第五部分原文"))),
            RowsBlock("【报告正文】", VALUE, text_rows("narrative", (
                ("四、绩效评价工作情况", "other"), ("六、部门整体支出绩效情况", "performance"),
                ("七、存在的主要问题", "problems"), ("八、有关建议", "measures")))),
            replace(UNIT_INDICATORS, title=f"【绩效指标（{_INDICATORS_NOTE}）】"),
        ), "三至八"),
        SIGN_OFF,
    ),
)

_ACCOUNT_COLUMNS = (("机构", "name", Kind.TEXT), *((header, key, Kind.AMOUNT) for header, key in (
    ("收入合计", "income_total"), ("上年结转", "carryover"), ("公共财政拨款", "fiscal_appropriation"),
    ("政府基金拨款", "government_fund"), ("纳入专户管理的非税收入拨款", "special_account_nontax"),
    ("其他收入", "other_income"), ("支出合计", "expenditure_total"), ("基本支出", "basic"),
    ("人员支出", "personnel"), ("公用支出", "public"), ("项目支出", "projects"),
    ("当年结余", "surplus_current"), ("累计结余", "surplus_cumulative"),
    ("三公经费合计", "three_public_total"), ("公务接待费", "reception"),
    ("公务用车运维费", "vehicle_operation"), ("公务用车购置费", "vehicle_purchase"),
    ("因公出国费", "overseas"), ("固定资产合计", "fixed_assets_total"),
    ("在用固定资产", "fixed_assets_in_use"), ("出租固定资产", "fixed_assets_leased"),
    ("其他固定资产", "fixed_assets_other"))))

_TASKS = TableBlock("【年度主要工作内容】", "unit.tasks", (
    Column("年度主要工作内容（一行一项）", "", Kind.LONG_TEXT, "按报告写法，如“任务1：……”"),))
_OPERATION = RowsBlock("【年度总体运行情况】", VALUE, text_rows("narrative", (
    ("年度部门（单位）总体运行情况及取得的成绩", "operation"),)))

FINANCE = WorkbookLayout(
    template="yueyang-finance-2021",
    purpose="部门整体支出绩效评价自评",
    sheets=(
        basic_info(RowsBlock("【人员情况】", VALUE, staffing_rows(
            "unit.staffing", ("authorized", "actual"))), FUNCTIONS, _TASKS, _OPERATION),
        SheetLayout("收支情况", (
            TableBlock("【收支情况（按机构，汇总行在第一行）】", "finances.org_accounts",
                       tuple(Column(header, key, kind) for header, key, kind in _ACCOUNT_COLUMNS),
                       spare_rows=3),
            RowsBlock("【一般公共预算支出（万元）】", VALUE, amount_rows(_GENERAL, (
                ("基本支出", "basic.total"), ("其中：人员经费", "basic.personnel.amount"),
                ("其中：公用经费", "basic.public.amount"), ("项目支出", "projects.total")))),
            TableBlock("【项目支出明细】", f"{_GENERAL}.projects.items", (
                Column("项目名称", "name", Kind.TEXT), AMOUNT)),
        ), "二、收支情况"),
        SheetLayout("自评情况", (
            TableBlock("【定性目标】", _GOALS, GOALS, spare_rows=3),
            replace(UNIT_INDICATORS, title="【定量目标】", weighted=False),
            RowsBlock("【综合得分与评价等次】", VALUE, results_rows()),
        ), "三、绩效自评情况"),
        SheetLayout("综述", (
            RowsBlock("【五、评价报告综述】", VALUE, text_rows("narrative", (
                ("专项支出", "other"), ("部门（单位）专项组织实施情况", "implementation"),
                ("部门（单位）整体支出绩效情况", "performance"),
                ("存在的主要问题", "problems"), ("改进措施和有关建议", "measures")))),
        ), "五、评价报告综述"),
        sign_off_sheet(("职务/职称", "preparer_title")),
    ),
)

NATIONAL_PROJECT = WorkbookLayout(
    template="national-project",
    purpose="项目支出绩效自评",
    sheets=(basic_info(), replace(PROJECTS, name="项目自评表"), SIGN_OFF),
    notes=PROJECT_LINES,
)
