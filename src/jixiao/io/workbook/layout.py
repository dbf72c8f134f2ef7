"""The guided workbook of each report template, as data: sheet → block → row/column → field path.

Both :mod:`jixiao.io.workbook.writer` and :mod:`jixiao.io.workbook.reader` work from these
layouts only. Percentages are plain numbers in columns titled “（%）” (86.08 means 86.08%);
amounts are 万元.
"""

from __future__ import annotations

from jixiao.io import DEFAULT_TEMPLATE
from jixiao.io.errors import InputError
from jixiao.io.workbook.blocks import (
    Column,
    Kind,
    Row,
    RowsBlock,
    SheetLayout,
    TableBlock,
    WorkbookLayout,
)

_VALUE = (Column("填写内容", ""),)
_CONTROL = tuple(Column(header, key, Kind.AMOUNT) for header, key in (
    ("上年决算数", "prior_actual"), ("本年预算数", "budget"), ("本年决算数", "actual")))
_FUNDS = tuple(Column(header, key, kind) for header, key, kind in (
    ("年初预算数（万元）", "initial_budget", Kind.AMOUNT),
    ("全年预算数（万元）", "full_year_budget", Kind.AMOUNT),
    ("全年执行数（万元）", "actual", Kind.AMOUNT),
    ("分值", "weight", Kind.POINTS),
    ("执行率（%）", "stated_execution_rate", Kind.PERCENT),
    ("自评得分", "stated_score", Kind.POINTS)))
_GOALS = (Column("预期目标", "expected", Kind.LONG_TEXT),
          Column("实际完成情况", "achieved", Kind.LONG_TEXT))
INDICATOR_COLUMNS = (
    Column("一级指标", "level1", Kind.LEVEL1, "产出指标、效益指标、满意度指标等"),
    Column("二级指标", "level2", Kind.LEVEL2, "数量、质量、时效、成本指标等"),
    Column("三级指标", "name", Kind.TEXT),
    Column("指标性质", "nature", Kind.NATURE, "≥ 越大越好，≤ 越小越好，= 等于目标，定性，不适用；"
           "可留空，由年度指标值推断"),
    Column("年度指标值", "target", Kind.TEXT, "按报告写法，如“32户”“≥95%”"),
    Column("实际完成值", "actual", Kind.TEXT),
    Column("分值", "weight", Kind.POINTS, "不适用的指标可不填"),
    Column("自评得分", "stated_score", Kind.POINTS),
    Column("偏差原因分析及改进措施", "deviation_reason", Kind.LONG_TEXT, "失分的指标必须填写"),
)


def _amount_rows(base: str, rows: tuple[tuple[str, str], ...]) -> tuple[Row, ...]:
    return tuple(Row(label, f"{base}.{key}" if key else base, Kind.AMOUNT) for label, key in rows)


def _fund_blocks(key: str, section: str, annex: str, name: str) -> tuple[RowsBlock, TableBlock]:
    path = f"finances.{key}"
    return (
        RowsBlock(f"【{section}、{name}预算支出情况（{annex}）】", _VALUE, (
            Row("是否有此项支出", f"{path}.has_expenditure", Kind.YES_NO,
                "选“否”即报告中的“本单位无此项支出”"),)),
        TableBlock(f"【{annex} {name}预算支出明细】", f"{path}.rows", (
            Column("项目", "name", Kind.TEXT), Column("预算数（万元）", "budget", Kind.AMOUNT),
            Column("执行数（万元）", "actual", Kind.AMOUNT)), spare_rows=3),
    )


_STAFFING = (("编制数", "authorized", Kind.COUNT, ""), ("实际在职人数", "actual", Kind.COUNT, ""),
             ("离退休人数", "retired", Kind.COUNT, ""),
             ("控制率（%）", "stated_control_rate", Kind.PERCENT, "实际在职人数 / 编制数，如 90"))

BASIC_INFO = SheetLayout("基本情况", (
    RowsBlock("【单位基本情况】", _VALUE, (
        Row("年度", "year", Kind.YEAR, "如 2023"),
        Row("预算单位名称", "unit.name", note="与报告标题一致"),
        Row("预算编码", "unit.code"),
        Row("主管部门", "unit.supervising_department"),
        Row("报告标题", "title", note="如“2023年度××单位整体支出绩效自评报告”"),
        Row("报告模板", "template", note="报告的版式，一般不用改"),
        Row("评分规则", "profile", note="留空即与报告模板相同的地区规则"),
    )),
    RowsBlock("【人员情况（一、单位基本情况）】", _VALUE, (
        *(Row(label, f"unit.staffing.{key}", kind, note) for label, key, kind, note in _STAFFING),
        Row("内设机构数", "unit.stated_department_count", Kind.COUNT, "报告中写的个数"),
    )),
    TableBlock("【职能职责】", "unit.functions", (Column("职能职责（一行一项）", "", Kind.LONG_TEXT),)),
    TableBlock("【内设机构】", "unit.departments", (Column("内设机构（一行一个）", "", Kind.TEXT),)),
))

_GENERAL = "finances.general_budget"
EXPENDITURE = SheetLayout("支出情况", (
    RowsBlock("【二、一般公共预算支出情况（万元）】", _VALUE, (
        *_amount_rows(f"{_GENERAL}.basic", (("基本支出年初预算数", "stated_budget"),
                                            ("基本支出", "total"))),
        *_amount_rows(f"{_GENERAL}.projects", (("项目支出预算数", "stated_budget"),
                                               ("项目支出", "total"))),
    )),
    RowsBlock("【基本支出构成】", (Column("金额（万元）", "amount", Kind.AMOUNT),
                                   Column("占基本支出（%）", "stated_share", Kind.PERCENT)), (
        Row("人员经费（工资福利支出）", f"{_GENERAL}.basic.personnel"),
        Row("公用经费（商品和服务支出）", f"{_GENERAL}.basic.public"),
        Row("对个人和家庭的补助", f"{_GENERAL}.basic.subsidies"),
    )),
    TableBlock("【项目支出明细】", f"{_GENERAL}.projects.items", (
        Column("项目名称", "name", Kind.TEXT), Column("金额（万元）", "amount", Kind.AMOUNT))),
    *_fund_blocks("government_fund", "三", "附件4", "政府性基金"),
    *_fund_blocks("state_capital", "四", "附件5", "国有资本经营"),
    *_fund_blocks("social_insurance", "五", "附件6", "社会保险基金"),
))

_ITEMS = (Column("专项名称", "name", Kind.TEXT), *_CONTROL)
BASIC_DATA = SheetLayout("附件1", (
    RowsBlock("【财政供养人员情况（人）】", _VALUE, tuple(
        Row(label, f"basic_data.staffing.{key}", kind, note)
        for label, key, kind, note in _STAFFING)),
    RowsBlock("【经费控制情况（万元）】", _CONTROL, (
        *_amount_rows("basic_data.three_public", (
            ("三公经费", "total"), ("1、公务用车购置和维护经费", "vehicles"),
            ("其中：公车购置", "vehicle_purchase"), ("公车运行维护", "vehicle_operation"),
            ("2、出国经费", "overseas"), ("3、公务接待", "reception"))),
        *_amount_rows("basic_data.projects", (
            ("项目支出", "total"), ("1、业务工作经费", "business"), ("2、运行维护经费", "operation"),
            ("3、区级专项资金", "district_specials"), ("4、上级转移支付", "transfers"))),
        *_amount_rows("basic_data.public_funds", (
            ("公用经费", "total"), ("其中：办公经费", "office"),
            ("水费、电费、差旅费", "utilities_travel"), ("会议费、培训费", "meetings_training"))),
        *_amount_rows("basic_data", (("政府采购金额", "procurement"),
                                     ("部门基本支出预算调整", "basic_budget_adjustment"))),
    )),
    TableBlock("【区级专项（一个专项一行）】", "basic_data.projects.district_special_items", _ITEMS),
    TableBlock("【上级转移支付（一个专项一行）】", "basic_data.projects.transfer_items", _ITEMS),
    RowsBlock("【楼堂馆所控制情况（本年完工项目）】", _VALUE, tuple(
        Row(label, f"basic_data.buildings.{key}", kind) for label, key, kind in (
            ("批复规模（m²）", "approved_area", Kind.AREA),
            ("实际规模（m²）", "actual_area", Kind.AREA),
            ("规模控制率（%）", "stated_area_control_rate", Kind.PERCENT),
            ("预算投资（万元）", "budget_investment", Kind.AMOUNT),
            ("实际投资（万元）", "actual_investment", Kind.AMOUNT),
            ("投资概算控制率（%）", "stated_investment_control_rate", Kind.PERCENT)))),
    RowsBlock("【厉行节约保障措施】", _VALUE, (
        Row("厉行节约保障措施", "basic_data.austerity_measures", Kind.LONG_TEXT),)),
))

_UNIT = "self_assessment"
UNIT_ASSESSMENT = SheetLayout("附件2", (
    RowsBlock("【年度资金总额】", _FUNDS, (Row("年度资金总额", f"{_UNIT}.funds"),)),
    RowsBlock("【资金构成（全年执行数，万元）】", _VALUE, (
        *_amount_rows(f"{_UNIT}.by_income", (
            ("按收入性质：一般公共预算", "general_public"),
            ("按收入性质：政府性基金拨款", "government_fund"),
            ("按收入性质：纳入专户管理的非税收入拨款", "special_account_nontax"),
            ("按收入性质：其他资金", "other"))),
        *_amount_rows(f"{_UNIT}.by_nature", (("按支出性质：基本支出", "basic"),
                                             ("按支出性质：项目支出", "projects"))),
    )),
    RowsBlock("【说明与总分】", _VALUE, (
        Row("预算调整说明", f"{_UNIT}.budget_change_explanation", Kind.LONG_TEXT,
            "全年预算数与年初预算数不同时说明原因"),
        Row("执行率说明", f"{_UNIT}.execution_explanation", Kind.LONG_TEXT, "执行率低于 90% 时必须说明"),
        Row("总分（分值）", f"{_UNIT}.stated_total_weight", Kind.POINTS, "一般为 100"),
        Row("总分（自评得分）", f"{_UNIT}.stated_total_score", Kind.POINTS),
    )),
    TableBlock("【年度总体目标】", f"{_UNIT}.goals", _GOALS, spare_rows=3),
    TableBlock("【绩效指标】", f"{_UNIT}.indicators", INDICATOR_COLUMNS, indicators=True,
               spare_rows=20),
))

_PROJECT_NAME = Column("项目名称", "name", Kind.TEXT, "与【项目基本信息与资金】中的项目名称一致")
_SPLITS = tuple(
    Column(f"{line}·{header}", f"funds.{key}.{field}", Kind.AMOUNT)
    for line, key in (("当年财政拨款", "current_appropriation"), ("上年结转资金", "carryover"),
                      ("其他资金", "other"))
    for header, field in (("年初预算数", "initial_budget"), ("全年预算数", "full_year_budget"),
                          ("全年执行数", "actual")))
PROJECTS = SheetLayout("附件3", (
    TableBlock("【项目基本信息与资金】", "projects", (
        Column("项目名称", "name", Kind.TEXT, "每个项目一行，名称不能重复"),
        Column("主管部门", "supervising_department", Kind.TEXT),
        Column("实施单位", "implementer", Kind.TEXT),
        *(Column(column.header, f"funds.{column.key}", column.kind) for column in _FUNDS),
        *_SPLITS,
        Column("总分（分值）", "stated_total_weight", Kind.POINTS),
        Column("总分（自评得分）", "stated_total_score", Kind.POINTS),
        Column("预算调整说明", "budget_change_explanation", Kind.LONG_TEXT),
        Column("执行率说明", "execution_explanation", Kind.LONG_TEXT),
    ), spare_rows=3),
    TableBlock("【项目年度总体目标】", "goals", (_PROJECT_NAME, *_GOALS), owner="projects",
               owner_title="【项目基本信息与资金】"),
    TableBlock("【项目绩效指标】", "indicators", (_PROJECT_NAME, *INDICATOR_COLUMNS),
               owner="projects", owner_title="【项目基本信息与资金】", indicators=True,
               spare_rows=20),
))

_RESULTS = "narrative.results"
NARRATIVE = SheetLayout("正文", (
    RowsBlock("【报告正文】", _VALUE, tuple(
        Row(label, f"narrative.{key}", Kind.LONG_TEXT) for label, key in (
            ("六、单位整体支出绩效情况", "performance"), ("七、存在的问题及原因分析", "problems"),
            ("八、下一步改进措施", "measures"), ("十、其他需要说明的情况", "other")))),
    RowsBlock("【九、自评结果拟应用和公开情况】", _VALUE, (
        Row("自评得分", f"{_RESULTS}.stated_score", Kind.POINTS),
        Row("评价等次", f"{_RESULTS}.stated_grade", Kind.GRADE,
            "90 分及以上优，80-90 良，60-80 中，60 以下差"),
        Row("公开情况", f"{_RESULTS}.publication", Kind.LONG_TEXT, "在何处、何时公开"),
        Row("结果应用", f"{_RESULTS}.application", Kind.LONG_TEXT),
        Row("原文", f"{_RESULTS}.text", Kind.LONG_TEXT, "可粘贴报告第九部分原文"),
    )),
))

SIGN_OFF = SheetLayout("签字", (
    RowsBlock("【签字栏】", _VALUE, tuple(Row(label, f"sign_off.{key}") for label, key in (
        ("单位负责人", "head"), ("填表人", "preparer"), ("联系电话", "phone"),
        ("填报日期", "date")))),
))

GUIDE = (
    "本工作簿用于填报单位整体支出和项目支出绩效自评（报告模板 {template}）。"
    "填好后用 jixiao 读取：自动计算、评分并校验。",
    "工作表：基本情况（一、单位基本情况）；支出情况（二至五及附件4-6）；附件1 基础数据表；"
    "附件2 单位整体支出绩效自评表；附件3 项目支出绩效自评表；正文（六至十）；签字。",
    "请勿修改工作表名称、【】标题行、表头行和 A 列的项目名称：读取时按它们找到每一格。",
    "金额单位为万元，按报告中的写法填写。小数位以单元格为准：空白金额格按两位小数读取"
    "（填 5 即 5.00），需要更多位时直接填写（如 87.2217）；已填的数按原有小数位显示和读取。"
    "也可以把数字作为文字填写（如“132.71”）。",
    "百分比填数字、不带 %：列名带“（%）”，执行率 86.08% 填 86.08。"
    "若单元格设成了百分比格式（显示 86.08%）也能正确读取。",
    "列表类的表（职能职责、项目支出明细、区级专项、年度总体目标、绩效指标、附件3）一行一条；"
    "行不够时在表内插入整行，空行不读取。",
    "附件3：每个项目在【项目基本信息与资金】中占一行，项目名称不能重复；"
    "【项目年度总体目标】和【项目绩效指标】用“项目名称”对应到项目。",
    "指标性质从下拉列表选择：≥（越大越好）、≤（越小越好）、=（等于目标）、定性、不适用；"
    "留空时由年度指标值推断。只有不适用的指标可以不填分值。",
    "每个表的“说明”列和表头批注写明该格应填什么。",
)

LAYOUTS = {
    DEFAULT_TEMPLATE: WorkbookLayout(
        template=DEFAULT_TEMPLATE,
        guide=GUIDE,
        sheets=(BASIC_INFO, EXPENDITURE, BASIC_DATA, UNIT_ASSESSMENT, PROJECTS, NARRATIVE,
                SIGN_OFF),
        not_held=("finances.breakdown", "finances.three_public_year_on_year",
                  "finances.org_accounts"),
    ),
}


def workbook_layout(template_id: str) -> WorkbookLayout:
    """The workbook layout of a report template."""
    try:
        return LAYOUTS[template_id]
    except KeyError:
        known = "、".join(LAYOUTS)
        raise InputError(f"没有报告模板“{template_id}”的填报工作簿（现有：{known}）",
                         english=f"no workbook layout for template {template_id!r}") from None
