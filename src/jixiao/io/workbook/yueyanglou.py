"""The 岳阳楼区 form's workbook (``yueyanglou-2024``): 一 to 十 and 附件1-6.

附件1 repeats the body's 编制数, 实际在职人数 and 离退休人数: they are entered once, in 基本情况,
and read into both places (each place keeps its own stated 控制率). Its 专项 rows repeat the
amounts of 二's 项目支出明细: a 专项 named there takes its 本年决算数 from there.
"""

from __future__ import annotations

from jixiao.io.shared import PROJECT_AMOUNTS, STAFFING_KEYS
from jixiao.io.workbook.blocks import Column, Kind, Row, RowsBlock, SheetLayout, TableBlock, WorkbookLayout
from jixiao.io.workbook.parts import (
    AMOUNT,
    DEPARTMENT_COUNT,
    DEPARTMENTS,
    FUNCTIONS,
    FUNDS,
    PROJECT_LINES,
    PROJECTS,
    SIGN_OFF,
    STAFFING_ALL,
    UNIT_GOALS,
    UNIT_INDICATORS,
    VALUE,
    amount_rows,
    basic_info,
    results_rows,
    staffing_rows,
    text_rows,
)

_CONTROL = tuple(Column(header, key, Kind.AMOUNT) for header, key in (
    ("上年决算数", "prior_actual"), ("本年预算数", "budget"), ("本年决算数", "actual")))


def _fund_blocks(key: str, section: str, annex: str, name: str) -> tuple[RowsBlock, TableBlock]:
    path = f"finances.{key}"
    return (
        RowsBlock(f"【{section}、{name}预算支出情况（{annex}）】", VALUE, (
            Row("是否有此项支出", f"{path}.has_expenditure", Kind.YES_NO,
                "选“否”即报告中的“本单位无此项支出”"),)),
        TableBlock(f"【{annex} {name}预算支出明细】", f"{path}.rows", (
            Column("项目", "name", Kind.TEXT), Column("预算数（万元）", "budget", Kind.AMOUNT),
            Column("执行数（万元）", "actual", Kind.AMOUNT)), spare_rows=3),
    )


BASIC_INFO = basic_info(RowsBlock("【人员情况（一、单位基本情况）】", VALUE, (
    *staffing_rows("unit.staffing", STAFFING_ALL), DEPARTMENT_COUNT)), FUNCTIONS, DEPARTMENTS)

_GENERAL = "finances.general_budget"
EXPENDITURE = SheetLayout("支出情况", (
    RowsBlock("【二、一般公共预算支出情况（万元）】", VALUE, (
        *amount_rows(f"{_GENERAL}.basic", (("基本支出年初预算数", "stated_budget"),
                                           ("基本支出", "total"))),
        *amount_rows(f"{_GENERAL}.projects", (("项目支出预算数", "stated_budget"),
                                              ("项目支出", "total"))),
    )),
    RowsBlock("【基本支出构成】", (Column("金额（万元）", "amount", Kind.AMOUNT),
                                   Column("占基本支出（%）", "stated_share", Kind.PERCENT)), (
        Row("人员经费（工资福利支出）", f"{_GENERAL}.basic.personnel"),
        Row("公用经费（商品和服务支出）", f"{_GENERAL}.basic.public"),
        Row("对个人和家庭的补助", f"{_GENERAL}.basic.subsidies"),
    )),
    TableBlock("【项目支出明细】", f"{_GENERAL}.projects.items", (
        Column("项目名称", "name", Kind.TEXT), AMOUNT)),
    *_fund_blocks("government_fund", "三", "附件4", "政府性基金"),
    *_fund_blocks("state_capital", "四", "附件5", "国有资本经营"),
    *_fund_blocks("social_insurance", "五", "附件6", "社会保险基金"),
), "二至五及附件4-6")

_ITEMS = (Column("专项名称", "name", Kind.TEXT), *_CONTROL[:2],
          Column("本年决算数", "actual", Kind.AMOUNT,
                 "与“支出情况”【项目支出明细】同名的专项不必再填，取其金额"))
BASIC_DATA = SheetLayout("附件1", (
    RowsBlock("【财政供养人员情况（人）】", VALUE,
              (Row("控制率（%）", "basic_data.staffing.stated_control_rate", Kind.PERCENT,
                   "编制数、实际在职人数、离退休人数取自“基本情况”，不必重复填写"),),
              legacy=staffing_rows("basic_data.staffing", STAFFING_KEYS)),
    RowsBlock("【经费控制情况（万元）】", _CONTROL, (
        *amount_rows("basic_data.three_public", (
            ("三公经费", "total"), ("1、公务用车购置和维护经费", "vehicles"),
            ("其中：公车购置", "vehicle_purchase"), ("公车运行维护", "vehicle_operation"),
            ("2、出国经费", "overseas"), ("3、公务接待", "reception"))),
        *amount_rows("basic_data.projects", (
            ("项目支出", "total"), ("1、业务工作经费", "business"), ("2、运行维护经费", "operation"),
            ("3、区级专项资金", "district_specials"), ("4、上级转移支付", "transfers"))),
        *amount_rows("basic_data.public_funds", (
            ("公用经费", "total"), ("其中：办公经费", "office"),
            ("水费、电费、差旅费", "utilities_travel"), ("会议费、培训费", "meetings_training"))),
        *amount_rows("basic_data", (("政府采购金额", "procurement"),
                                    ("部门基本支出预算调整", "basic_budget_adjustment"))),
    )),
    TableBlock("【区级专项（一个专项一行）】", "basic_data.projects.district_special_items", _ITEMS),
    TableBlock("【上级转移支付（一个专项一行）】", "basic_data.projects.transfer_items", _ITEMS),
    RowsBlock("【楼堂馆所控制情况（本年完工项目）】", VALUE, tuple(
        Row(label, f"basic_data.buildings.{key}", kind) for label, key, kind in (
            ("批复规模（m²）", "approved_area", Kind.AREA),
            ("实际规模（m²）", "actual_area", Kind.AREA),
            ("规模控制率（%）", "stated_area_control_rate", Kind.PERCENT),
            ("预算投资（万元）", "budget_investment", Kind.AMOUNT),
            ("实际投资（万元）", "actual_investment", Kind.AMOUNT),
            ("投资概算控制率（%）", "stated_investment_control_rate", Kind.PERCENT)))),
    RowsBlock("【厉行节约保障措施】", VALUE, (
        Row("厉行节约保障措施", "basic_data.austerity_measures", Kind.LONG_TEXT),)),
), "基础数据表")

_UNIT = "self_assessment"
UNIT_ASSESSMENT = SheetLayout("附件2", (
    RowsBlock("【年度资金总额】", FUNDS, (Row("年度资金总额", f"{_UNIT}.funds"),)),
    RowsBlock("【资金构成（全年执行数，万元）】", VALUE, (
        *amount_rows(f"{_UNIT}.by_income", (
            ("按收入性质：一般公共预算", "general_public"),
            ("按收入性质：政府性基金拨款", "government_fund"),
            ("按收入性质：纳入专户管理的非税收入拨款", "special_account_nontax"),
            ("按收入性质：其他资金", "other"))),
        *amount_rows(f"{_UNIT}.by_nature", (("按支出性质：基本支出", "basic"),
                                            ("按支出性质：项目支出", "projects"))),
    )),
    RowsBlock("【说明与总分】", VALUE, (
        Row("预算调整说明", f"{_UNIT}.budget_change_explanation", Kind.LONG_TEXT,
            "全年预算数与年初预算数不同时说明原因"),
        Row("执行率说明", f"{_UNIT}.execution_explanation", Kind.LONG_TEXT, "执行率低于 90% 时必须说明"),
        Row("总分（分值）", f"{_UNIT}.stated_total_weight", Kind.POINTS, "一般为 100"),
        Row("总分（自评得分）", f"{_UNIT}.stated_total_score", Kind.POINTS),
    )),
    UNIT_GOALS,
    UNIT_INDICATORS,
), "单位整体支出绩效自评表")

NARRATIVE = SheetLayout("正文", (
    RowsBlock("【报告正文】", VALUE, text_rows("narrative", (
        ("六、单位整体支出绩效情况", "performance"), ("七、存在的问题及原因分析", "problems"),
        ("八、下一步改进措施", "measures"), ("十、其他需要说明的情况", "other")))),
    RowsBlock("【九、自评结果拟应用和公开情况】", VALUE, results_rows(
        ("公开情况", "publication", "在何处、何时公开"), ("结果应用", "application", ""),
        ("原文", "text", "可粘贴报告第九部分原文"))),
), "六至十")

LAYOUT = WorkbookLayout(
    template="yueyanglou-2024",
    purpose="单位整体支出和项目支出绩效自评",
    sheets=(BASIC_INFO, EXPENDITURE, BASIC_DATA, UNIT_ASSESSMENT, PROJECTS, NARRATIVE, SIGN_OFF),
    notes=PROJECT_LINES,
    copies=(*((f"unit.staffing.{key}", f"basic_data.staffing.{key}") for key in STAFFING_KEYS),
            *PROJECT_AMOUNTS),
)
