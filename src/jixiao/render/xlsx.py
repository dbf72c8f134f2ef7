"""The report's attachment tables as an Excel workbook (XlsxWriter): 附件1, 附件2 and one 附件3
per project, laid out as the template's forms, with formulas and their cached values.

The attachment sheets are the forms exactly as the unit filled them in: a stated figure stays
as stated (a 总分 that its rows do not add up to included), so the file reads like the unit's
own attachments and ``jixiao check`` finds in it what it finds in the data. Everything jixiao
computes (控制率, 执行率, sums of parts, block and total 分值/得分, the profile's score and
grade) is on the last sheet, 计算校核, as formulas over the forms' cells with their values
cached: any reader shows them without recalculating, and Excel or LibreOffice update them when
a bureau edits a cell. See docs/outputs.md.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jixiao.documents.xlsx_reader import BODY_SHEET
from jixiao.io.text_workbook import text_workbook
from jixiao.model import Evaluation, ProjectAssessment, UnitSelfAssessment
from jixiao.profiles import Profile
from jixiao.profiles.forms import prints_indicator_weights
from jixiao.render.context import RenderContext
from jixiao.render.figures import BUDGET_CHANGE, MISSING
from jixiao.render.xlsx_assessment import (
    LAST_COL,
    Split,
    Table,
    Writer,
    setup_columns,
    write_table,
)
from jixiao.render.xlsx_basic import write_basic_data
from jixiao.render.xlsx_cells import FONT, Sheet, Styles, merge, print_setup
from jixiao.render.xlsx_checks import Checks
from jixiao.scoring import Scorecard, TableScore

BODY_WIDTH = 90
WORKBOOK_FORMS = frozenset({"basic_data", "self_assessment"})
"""The attachments this workbook holds the forms of (附件1, 附件2; 附件3 in every template)."""
UNIT_SHEET = "附件2 单位整体支出绩效自评表"
PROJECT_SHEET = "附件3 项目支出绩效自评表"
NOTE = "本表为单位填报数，按原样保留；据此计算的执行率、得分合计与总分等见“计算校核”表。"
NOTE_UNWEIGHTED = "本表为单位填报数，按原样保留；据此计算的执行率及其得分见“计算校核”表。"
"""The note under a table whose indicators have no 分值: 计算校核 holds no sums or 总分 of it."""


def write_attachments(evaluation: Evaluation, scorecard: Scorecard, profile: Profile, out: Path,
                      body: Sequence[str] = (), *, template: str | None = None) -> Path:
    """Write 附件1-3 of ``evaluation`` to ``out`` (.xlsx) in the form of ``template`` (by default
    the one the data names), after the report's ``body`` (its title, headings and paragraphs) on
    a 正文 sheet when given, and return ``out``."""
    book = text_workbook(out, {"default_format_properties": {"font_name": FONT, "font_size": 10}})
    styles, checks = Styles(book), Checks()
    if body:
        _body_sheet(book, body)
    write_basic_data(book, styles, evaluation, checks)
    _unit_sheet(book, styles, evaluation, scorecard.unit_table, profile, checks,
                template or evaluation.template)
    if not evaluation.projects:
        _no_projects(book, styles, evaluation)
    for number, (project, score) in enumerate(zip(evaluation.projects, scorecard.projects, strict=True), 1):
        _project_sheet(book, styles, evaluation, project, score, profile, number, checks)
    checks.write(book, styles)
    book.close()
    return out


def _body_sheet(book: Any, body: Sequence[str]) -> None:
    """正文: one paragraph a row in column A, wrapped to the page's width."""
    sheet = Sheet(book.add_worksheet(BODY_SHEET))
    sheet.set_column(0, 0, BODY_WIDTH, book.add_format({"font_name": FONT, "font_size": 11, "text_wrap": True,
                                                        "valign": "top"}))
    for row, paragraph in enumerate(body):
        sheet.write_string(row, 0, paragraph)
    sheet.fit_rows()
    print_setup(sheet, landscape=False, repeat=None)


def report_body(context: RenderContext) -> tuple[str, ...]:
    """The report's body as the Word file prints it, a paragraph an entry: its title, then each
    section's heading and paragraphs. Empty for a template whose attachments are not the
    workbook's forms (附件1 and 附件2), since the body would belong to another form."""
    builders = {attachment.builder for attachment in context.template.attachments}
    if not context.template.sections or not builders >= WORKBOOK_FORMS:
        return ()
    texts = [(section["heading"], *(paragraph["text"] for paragraph in section["paragraphs"]))
             for section in context.data["sections"]]
    return (context.data["title"], *(text for section in texts for text in section))


def _title(sheet: Any, styles: Styles, annex: str, title: str) -> None:
    setup_columns(sheet)
    sheet.write_string(0, 0, annex, styles.annex)
    merge(sheet, 1, 0, 1, LAST_COL, title, styles.title)
    sheet.set_row(1, 30)


def _unit_sheet(book: Any, styles: Styles, evaluation: Evaluation, score: TableScore,
                profile: Profile, checks: Checks, template: str) -> None:
    sheet = Sheet(book.add_worksheet(UNIT_SHEET))
    _title(sheet, styles, "附件2", f"{evaluation.year}年度预算单位整体支出绩效自评表")
    merge(sheet, 2, 0, 2, 2, "预算单位名称", styles.label)
    merge(sheet, 2, 3, 2, LAST_COL, evaluation.unit.name, styles.text)
    table = evaluation.self_assessment
    writer = Writer(sheet, UNIT_SHEET, styles, profile, score, checks)
    unit_table = _unit_table(table, template)
    row, header = write_table(writer, unit_table, 3, "年度预算申请（万元）", _splits(table))
    row = _explanation(sheet, styles, row, table)
    _footer(sheet, styles, row, header, NOTE if unit_table.weighted else NOTE_UNWEIGHTED)


def _unit_table(table: UnitSelfAssessment, template: str) -> Table:
    return Table(table.funds, table.goals, table.indicators, table.stated_total_weight,
                 table.stated_total_score, weighted=prints_indicator_weights(template))


def _splits(table: UnitSelfAssessment) -> tuple[Split, ...]:
    income, nature = table.by_income, table.by_nature
    by_income = (("一般公共预算", income.general_public), ("政府性基金拨款", income.government_fund),
                 ("纳入专户管理的非税收入拨款", income.special_account_nontax), ("其他资金", income.other))
    by_nature = (("基本支出", nature.basic), ("项目支出", nature.projects))
    return ("按收入性质分", by_income), ("按支出性质分", by_nature)


def _project_sheet(book: Any, styles: Styles, evaluation: Evaluation, project: ProjectAssessment,
                   score: TableScore, profile: Profile, number: int, checks: Checks) -> None:
    name = project_sheet_name(number, project.name)
    sheet = Sheet(book.add_worksheet(name))
    _title(sheet, styles, f"附件3-{number}", f"{evaluation.year}年度项目支出绩效自评表")
    merge(sheet, 2, 0, 2, 2, "项目名称", styles.label)
    merge(sheet, 2, 3, 2, LAST_COL, project.name, styles.text)
    merge(sheet, 3, 0, 3, 2, "主管部门", styles.label)
    merge(sheet, 3, 3, 3, 4, project.supervising_department, styles.text)
    merge(sheet, 3, 5, 3, 6, "实施单位", styles.label)
    merge(sheet, 3, 7, 3, LAST_COL, project.implementer, styles.text)
    table = Table(project.funds, project.goals, project.indicators, project.stated_total_weight,
                  project.stated_total_score)
    writer = Writer(sheet, name, styles, profile, score, checks)
    row, header = write_table(writer, table, 4, "项目资金（万元）")
    row = _explanation(sheet, styles, row, project)
    _footer(sheet, styles, row, header)


_FORBIDDEN = re.compile(r"[\[\]:*?/\\']")


def project_sheet_name(number: int, name: str) -> str:
    """``附件3-1 项目名``: Excel's 31-character limit, without the characters it forbids."""
    return f"附件3-{number} {_FORBIDDEN.sub('_', name)}"[:31].rstrip()


def _no_projects(book: Any, styles: Styles, evaluation: Evaluation) -> None:
    sheet = Sheet(book.add_worksheet(PROJECT_SHEET))
    _title(sheet, styles, "附件3", f"{evaluation.year}年度项目支出绩效自评表")
    merge(sheet, 2, 0, 2, LAST_COL, "本单位本年度无项目支出绩效自评表。", styles.text)
    print_setup(sheet, landscape=True, repeat=None)


def _explanation(sheet: Any, styles: Styles, row: int, table: UnitSelfAssessment | ProjectAssessment) -> int:
    """预算调整说明 under the form, as the unit's workbook has it: the unit's words, or 【未填写】
    where 全年预算数 differs from 年初预算数 and none was given (no row when neither), so
    ``jixiao check`` judges its absence (JX-EXEC-002) on the workbook as on the data. The next row."""
    initial, full = table.funds.initial_budget, table.funds.full_year_budget
    changed = initial is not None and full is not None and initial.value != full.value
    text = table.budget_change_explanation.strip() or (MISSING if changed else "")
    if not text:
        return row
    merge(sheet, row, 0, row, 2, BUDGET_CHANGE, styles.label)
    merge(sheet, row, 3, row, LAST_COL, text, styles.text)
    return row + 1


def _footer(sheet: Any, styles: Styles, row: int, header: int, note: str = NOTE) -> None:
    merge(sheet, row, 0, row, LAST_COL, note, styles.note)
    print_setup(sheet, landscape=True, repeat=(header, header))
