"""The pieces every template's workbook is built from: columns, blocks and whole sheets that
several forms print alike (the unit, the indicator table, 附件3, the sign-off).

Percentages are plain numbers in columns titled “（%）” (86.08 means 86.08%); amounts are 万元.
"""

from __future__ import annotations

from jixiao.io.workbook.blocks import (
    Column,
    Kind,
    Row,
    RowsBlock,
    SheetLayout,
    TableBlock,
    WorkbookLayout,
)

VALUE = (Column("填写内容", ""),)
FUNDS = tuple(Column(header, key, kind) for header, key, kind in (
    ("年初预算数（万元）", "initial_budget", Kind.AMOUNT),
    ("全年预算数（万元）", "full_year_budget", Kind.AMOUNT),
    ("全年执行数（万元）", "actual", Kind.AMOUNT),
    ("分值", "weight", Kind.POINTS),
    ("执行率（%）", "stated_execution_rate", Kind.PERCENT),
    ("自评得分", "stated_score", Kind.POINTS)))
GOALS = (Column("预期目标", "expected", Kind.LONG_TEXT),
         Column("实际完成情况", "achieved", Kind.LONG_TEXT))
INDICATOR_COLUMNS = (
    Column("一级指标", "level1", Kind.LEVEL1, "产出指标、效益指标、满意度指标等"),
    Column("二级指标", "level2", Kind.LEVEL2, "数量、质量、时效、成本指标等"),
    Column("三级指标", "name", Kind.TEXT),
    Column("指标性质", "nature", Kind.NATURE, "≥ 越大越好，≤ 越小越好，= 等于目标，定性，不适用；"
           "也可写 >=、<=；可留空，由年度指标值推断"),
    Column("年度指标值", "target", Kind.TEXT, "按报告写法，如“32户”“≥95%”"),
    Column("实际完成值", "actual", Kind.TEXT),
    Column("分值", "weight", Kind.POINTS, "不适用的指标可不填"),
    Column("自评得分", "stated_score", Kind.POINTS),
    Column("偏差原因分析及改进措施", "deviation_reason", Kind.LONG_TEXT, "失分的指标必须填写"),
)
AMOUNT = Column("金额（万元）", "amount", Kind.AMOUNT)
NAME_AND_AMOUNT = (Column("名称", "name", Kind.TEXT), AMOUNT)


def amount_rows(base: str, rows: tuple[tuple[str, str], ...]) -> tuple[Row, ...]:
    """Labelled amount rows below ``base`` (an empty key: ``base`` itself)."""
    return tuple(Row(label, f"{base}.{key}" if key else base, Kind.AMOUNT) for label, key in rows)


def text_rows(base: str, rows: tuple[tuple[str, str], ...]) -> tuple[Row, ...]:
    """Labelled rows of the unit's own words below ``base``."""
    return tuple(Row(label, f"{base}.{key}", Kind.LONG_TEXT) for label, key in rows)


def results_rows(*texts: tuple[str, str, str]) -> tuple[Row, ...]:
    """自评得分, 评价等次 and the form's ``(label, key, note)`` texts of 自评结果."""
    return (*SCORE_AND_GRADE, *(Row(label, f"{_RESULTS}.{key}", Kind.LONG_TEXT, note)
                                for label, key, note in texts))


UNIT = RowsBlock("【单位基本情况】", VALUE, (
    Row("年度", "year", Kind.YEAR, "如 2023"),
    Row("预算单位名称", "unit.name", note="与报告标题一致"),
    Row("预算编码", "unit.code"),
    Row("主管部门", "unit.supervising_department"),
    Row("报告标题", "title", note="如“2023年度××单位整体支出绩效自评报告”"),
    Row("报告模板", "template",
        note="报告的版式；改为其他模板名（见 jixiao templates list）即按该地区的格式出具"),
    Row("评分规则", "profile", note="留空即与报告模板相同的地区规则"),
))
"""The first block of every workbook."""

FIRST_SHEET = "基本情况"

_STAFFING = (("编制数", "authorized", Kind.COUNT, ""),
             ("实际在职人数", "actual", Kind.COUNT, "即实有人数"),
             ("离退休人数", "retired", Kind.COUNT, ""),
             ("控制率（%）", "stated_control_rate", Kind.PERCENT, "实际在职人数 / 编制数，如 90"))


def staffing_rows(base: str, keys: tuple[str, ...]) -> tuple[Row, ...]:
    """The staffing rows of ``keys`` (authorized, actual, retired, stated_control_rate) below
    ``base``, in the forms' order."""
    return tuple(Row(label, f"{base}.{key}", kind, note)
                 for label, key, kind, note in _STAFFING if key in keys)


STAFFING_ALL = ("authorized", "actual", "retired", "stated_control_rate")
DEPARTMENT_COUNT = Row("内设机构数", "unit.stated_department_count", Kind.COUNT, "报告中写的个数")
FUNCTIONS = TableBlock("【职能职责】", "unit.functions",
                       (Column("职能职责（一行一项）", "", Kind.LONG_TEXT),))
DEPARTMENTS = TableBlock("【内设机构】", "unit.departments",
                         (Column("内设机构（一行一个）", "", Kind.TEXT),))


def basic_info(*blocks: RowsBlock | TableBlock) -> SheetLayout:
    """基本情况: the unit, then what the form states of its staffing, duties and offices."""
    return SheetLayout(FIRST_SHEET, (UNIT, *blocks), "单位基本情况")


_ASSESSMENT = "self_assessment"
UNIT_GOALS = TableBlock("【年度总体目标】", f"{_ASSESSMENT}.goals", GOALS, spare_rows=3)
UNIT_INDICATORS = TableBlock("【绩效指标】", f"{_ASSESSMENT}.indicators", INDICATOR_COLUMNS,
                             indicators=True, spare_rows=20)

_RESULTS = "narrative.results"
SCORE_AND_GRADE = (
    Row("自评得分", f"{_RESULTS}.stated_score", Kind.POINTS),
    Row("评价等次", f"{_RESULTS}.stated_grade", Kind.GRADE,
        "90 分及以上优，80-90 良，60-80 中，60 以下差"),
)

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
        *(Column(column.header, f"funds.{column.key}", column.kind) for column in FUNDS),
        *_SPLITS,
        Column("总分（分值）", "stated_total_weight", Kind.POINTS),
        Column("总分（自评得分）", "stated_total_score", Kind.POINTS),
        Column("预算调整说明", "budget_change_explanation", Kind.LONG_TEXT),
        Column("执行率说明", "execution_explanation", Kind.LONG_TEXT),
    ), spare_rows=3),
    TableBlock("【项目年度总体目标】", "goals", (_PROJECT_NAME, *GOALS), owner="projects",
               owner_title="【项目基本信息与资金】"),
    TableBlock("【项目绩效指标】", "indicators", (_PROJECT_NAME, *INDICATOR_COLUMNS),
               owner="projects", owner_title="【项目基本信息与资金】", indicators=True,
               spare_rows=20),
), "项目支出绩效自评表")



def sign_off_sheet(*beside_preparer: tuple[str, str]) -> SheetLayout:
    """签字栏: 单位负责人, 填表人, then ``beside_preparer`` (label, field of ``sign_off``: what a
    form prints beside the preparer's name, as the 财政局 form's 职务/职称), 联系电话, 填报日期."""
    rows = (("单位负责人", "head"), ("填表人", "preparer"), *beside_preparer, ("联系电话", "phone"),
            ("填报日期", "date"))
    return SheetLayout("签字", (
        RowsBlock("【签字栏】", VALUE, tuple(Row(label, f"sign_off.{key}") for label, key in rows)),
    ), "签字栏")


SIGN_OFF = sign_off_sheet()

FIRST_LINES = (
    "本工作簿用于填报{purpose}（报告模板 {template}）。填好后用 jixiao 读取：自动计算、评分并校验；"
    "同一份数据可以出具任一地区的报告（jixiao render --template），各表共有的数字只填一次。",
)
LAST_LINES = (
    "请勿修改工作表名称、【】标题行、表头行和 A 列的项目名称：读取时按它们找到每一格。",
    "金额单位为万元，按报告中的写法填写。小数位以单元格为准：空白金额格按两位小数读取"
    "（填 5 即 5.00），需要更多位时直接填写（如 87.2217）；已填的数按原有小数位显示和读取。"
    "也可以把数字作为文字填写（如“132.71”）。",
    "百分比填数字、不带 %：列名带“（%）”，执行率 86.08% 填 86.08。"
    "若单元格设成了百分比格式（显示 86.08%）也能正确读取。",
    "列表类的表一行一条；行不够时在表内插入整行，空行不读取。",
    "指标性质从下拉列表选择：≥（越大越好）、≤（越小越好）、=（等于目标）、定性、不适用，也可写 >=、<=；"
    "留空时由年度指标值推断。只有不适用的指标可以不填分值。",
    "年度可写 2023，也可写“2023年”“2023年度”。",
    "每个表的“说明”列和表头批注写明该格应填什么；填错的格一次全部列出，附工作表和单元格。",
)
PROJECT_LINES = (
    "项目支出绩效自评表：每个项目在【项目基本信息与资金】中占一行，项目名称不能重复；"
    "【项目年度总体目标】和【项目绩效指标】用“项目名称”对应到项目。",
)


def guide_lines(layout: WorkbookLayout) -> tuple[str, ...]:
    """The 说明 sheet of a workbook: what it is for, its sheets, how to fill them in."""
    sheets = "；".join(f"{sheet.name}（{sheet.about}）" if sheet.about else sheet.name
                      for sheet in layout.sheets)
    first = FIRST_LINES[0].format(purpose=layout.purpose, template=layout.template)
    return (first, f"工作表：{sheets}。", *layout.notes, *LAST_LINES)
