"""The other whole-unit forms: the 岳阳市财政局 部门整体支出绩效评价自评报告 (收支情况 by 机构,
综合得分 and 评价等次) and the 常德鼎城区 部门整体支出绩效自评报告 (部门财务情况, 三公 changes);
and the year of a stand-alone 项目支出绩效自评表.
"""

from __future__ import annotations

import re

from jixiao.documents.model import Cell, Document
from jixiao.extract.amounts import NUMBER, Figure, label_before
from jixiao.extract.evaluation.fields import BLANKS, Fields, first_line
from jixiao.extract.evaluation.rows import rows_of
from jixiao.extract.evaluation.sections import GRADE_WORDS, Section, section_runs, text_place
from jixiao.extract.tables.cells import compact
from jixiao.extract.text_runs import Run, line_starts, sentence_end
from jixiao.numbers import Unit

ORG_TABLES = (
    ("收入合计", ("income_total", "carryover", "fiscal_appropriation", "government_fund",
                  "special_account_nontax", "other_income")),
    ("支出合计", ("expenditure_total", "basic", "personnel", "public", "projects",
                  "surplus_current", "surplus_cumulative")),
    ("三公经费合计", ("three_public_total", "reception", "vehicle_operation", "vehicle_purchase",
                      "overseas")),
    ("固定资产合计", ("fixed_assets_total", "fixed_assets_in_use", "fixed_assets_leased",
                      "fixed_assets_other")),
)
"""收支情况 tables by their first amount column's header → the :class:`OrgAccount` fields of
their amount columns, in order (the first column is the 机构名称)."""
_LABELS = (("部门(单位)名称", "unit.name"), ("部门（单位）名称", "unit.name"),
           ("预算编码", "unit.code"), ("报告日期", "sign_off.date"))
_FINANCE_YEAR = re.compile(r"(?P<year>20\d\d)\s*年度?\s*部门\s*整体支出绩效评价自评报告")
_PROJECT_YEAR = re.compile(r"[（(]\s*(?P<year>20\d\d)\s*年度?\s*[）)]"
                           r"|(?P<lead>20\d\d)\s*年度?\s*项目支出绩效自评表")
_CHANGE = re.compile(
    rf"(?P<name>公务用车运行(?:维护)?费|公务用车购置费|公务接待费|因公出国(?:（境）)?费)\s*(?P<current>{NUMBER})"
    rf"\s*万元[，,]\s*(?:对比|相比|比|较)上年(?P<way>增加|减少)\s*(?P<change>{NUMBER})\s*万元[，,]\s*"
    rf"(?P<rate_way>增长|增加|下降|减少)\s*(?P<rate>{NUMBER})\s*[%％]")
_PROJECT_UNIT = re.compile(r"^预算单位[：:][ \t　]*(?P<name>\S+)[ \t　]*$", re.MULTILINE)
BREAKDOWN = "finances.breakdown"
_BREAKDOWN_AMOUNTS = (("支出总额", "total"), ("基本支出", "basic"), ("人员经费", "basic_personnel"),
                      ("公用经费", "basic_public"), ("项目支出", "projects"),
                      ("决算收入", "income_total"))
_BREAKDOWN_LISTS = (("按功能分类", "by_function"), ("按经济分类", "by_economic"))


def read_finance_form(document: Document, fields: Fields) -> None:
    """名称, 预算编码, 报告日期, staffing, 收支情况 by 机构, 综合得分 and 评价等次 of the 财政局 form."""
    starts = line_starts(document.text)
    year = _FINANCE_YEAR.search(document.text)
    if year is not None:
        fields.put("year", int(year["year"]), text_place(starts, year.start("year"), year.end("year")))
    for paragraph in document.paragraphs:
        text = compact(paragraph.text)
        for label, path in _LABELS:
            if text.startswith(f"{compact(label)}：") and text[len(compact(label)) + 1:]:
                value = paragraph.text.split("：", 1)[1].strip()
                fields.put(path, value, paragraph.place)
    accounts = _OrgAccounts(fields)
    for row in rows_of(document):
        if row.paragraph:
            accounts.columns = ()  # the 收支 tables end at the text that follows them
            continue
        texts = row.texts()
        for label, path, unit in (("人员编制", "unit.staffing.authorized", Unit.PERSON),
                                  ("实有人数", "unit.staffing.actual", Unit.PERSON),
                                  ("绩效自评综合得分", "narrative.results.stated_score", Unit.POINT)):
            cell = row.filled_after(label)
            if cell is not None:
                fields.cell_number(path, cell, unit)
        grade = row.filled_after("评价等次")
        if grade is not None and compact(grade.text) not in BLANKS:
            word = compact(grade.text)
            fields.put("narrative.results.stated_grade", GRADE_WORDS.get(word, word), grade.place)
        accounts.row(texts, row.cells)


class _OrgAccounts:
    """Rows of the 收支情况 tables, one :class:`OrgAccount` per 机构 that states an amount."""

    def __init__(self, fields: Fields) -> None:
        self.fields = fields
        self.columns: tuple[str, ...] = ()
        self.index: dict[str, int] = {}

    def row(self, texts: tuple[str, ...], cells: tuple[Cell, ...]) -> None:
        if len(texts) >= 2 and texts[0] == "机构名称":
            self.columns = next((names for header, names in ORG_TABLES if header in texts[1]), ())
            return
        if not self.columns or len(cells) != 1 + len(self.columns) or texts[0] in BLANKS:
            return
        name = re.sub(r"^\d+[、.．]", "", texts[0])
        amounts = cells[1:1 + len(self.columns)]
        if all(self.fields.stated(first_line(cell)[0], Unit.WAN_YUAN) is None for cell in amounts):
            return  # no amount: a blank 机构 row, or a row of another table of as many cells
        index = self.index.setdefault(name, len(self.index))
        path = f"finances.org_accounts[{index}]"
        self.fields.put(f"{path}.name", name, cells[0].place)
        for field, cell in zip(self.columns, amounts, strict=False):
            self.fields.cell_number(f"{path}.{field}", cell, Unit.WAN_YUAN)


def read_dingcheng(document: Document, fields: Fields) -> None:
    """部门财务情况: the total, its three breakdowns and the income side; 三公 changes."""
    starts = line_starts(document.text)
    for run in section_runs(document, _finance_section(document)):
        _breakdown(run, fields, starts)
        for match in _CHANGE.finditer(run.text):
            _change(run, match, fields, starts)
    _comparison_table(document, fields)


def _finance_section(document: Document) -> Section | None:
    """The paragraphs from 部门财务情况 up to 部门绩效目标 (not a section the body list knows)."""
    paragraphs = document.paragraphs
    begin = next((i for i, p in enumerate(paragraphs) if "部门财务情况" in compact(p.text)[:12]), None)
    if begin is None:
        return None
    end = next((i for i, p in enumerate(paragraphs[begin + 1:], begin + 1)
                if "绩效目标" in compact(p.text)[:12]), len(paragraphs))
    return Section("finance", paragraphs[begin], paragraphs[begin + 1:end])


def _breakdown(run: Run, fields: Fields, starts: tuple[int, ...]) -> None:
    text = run.text
    found = [figure for figure in run.figures if figure.is_money and not figure.change]
    raw = {figure.start: label_before(text, figure.start) for figure in found}  # each asked for again
    for figure in found:
        key = next((name for words, name in _BREAKDOWN_AMOUNTS
                    if raw[figure.start].endswith((words, f"{words}数"))), None)
        if key is not None:
            fields.put(f"{BREAKDOWN}.{key}", figure.number.in_unit(Unit.WAN_YUAN),
                       run.place(figure.start, figure.end, starts))
    for words, key in _BREAKDOWN_LISTS:
        at = text.find(words)
        if at < 0 or fields.count(f"{BREAKDOWN}.{key}"):
            continue
        end = sentence_end(text, at)
        semicolon = text.find("；", at)
        end = min(end, semicolon) if semicolon >= 0 else end
        _amount_lines(run, [f for f in found if at < f.start < end], raw, f"{BREAKDOWN}.{key}", fields,
                      starts)
    income = next((figure for figure in found if "决算收入" in raw[figure.start]), None)
    if income is not None and not fields.count(f"{BREAKDOWN}.income_lines"):
        among = text.find("其中", income.end)
        end = sentence_end(text, income.end)
        if 0 <= among < end:
            _amount_lines(run, [f for f in found if among < f.start < end], raw,
                          f"{BREAKDOWN}.income_lines", fields, starts)


def _amount_lines(run: Run, found: list[Figure], raw: dict[int, str], path: str, fields: Fields,
                  starts: tuple[int, ...]) -> None:
    """The figures ``found`` as a list of named amounts; ``raw`` holds each one's label as
    written, by where the figure starts."""
    for index, figure in enumerate(found):
        place = run.place(figure.start, figure.end, starts)
        name = raw[figure.start].removeprefix("其中").strip()
        fields.put(f"{path}[{index}].name", name, place)
        fields.put(f"{path}[{index}].amount", figure.number.in_unit(Unit.WAN_YUAN), place)


def _change(run: Run, match: re.Match[str], fields: Fields, starts: tuple[int, ...]) -> None:
    index = fields.count("finances.three_public_year_on_year")
    path = f"finances.three_public_year_on_year[{index}]"
    fields.put(f"{path}.name", match["name"], run.place(match.start("name"), match.end("name"), starts))
    sign = "-" if match["way"] == "减少" else ""
    rate_sign = "-" if match["rate_way"] in ("下降", "减少") else ""
    for group, field, unit, prefix in (("current", "current", Unit.WAN_YUAN, ""),
                                       ("change", "stated_change", Unit.WAN_YUAN, sign),
                                       ("rate", "stated_change_percent", Unit.PERCENT, rate_sign)):
        fields.number(f"{path}.{field}", prefix + match[group],
                      run.place(match.start(group), match.end(group), starts), unit, signed=True)


_COMPARISON = (("current", Unit.WAN_YUAN), ("prior", Unit.WAN_YUAN), ("stated_change", Unit.WAN_YUAN),
               ("stated_change_percent", Unit.PERCENT))
"""The columns of the “三公”经费对比表 after 项目: 本年, 上年, 增减额, 增减率."""


def _comparison_table(document: Document, fields: Fields) -> None:
    """The “三公”经费对比表 (项目 | 本年 | 上年 | 增减额 | 增减率): what the prose of 二 does not
    state, its 上年 above all, for the item of the same name (a new item when the prose has none)."""
    path = "finances.three_public_year_on_year"
    for table in document.tables:
        header = tuple(compact(text) for text in table.texts()[0]) if table.rows else ()
        if len(header) != 5 or header[2:4] != ("上年", "增减额"):
            continue
        for row in table.rows[1:]:
            if len(row) != 5 or compact(row[0].text) in BLANKS:
                continue
            name = compact(row[0].text)
            names = [fields.values.get(f"{path}[{index}].name") for index in range(fields.count(path))]
            index = names.index(name) if name in names else len(names)
            fields.put(f"{path}[{index}].name", name, row[0].place)
            for cell, (field, unit) in zip(row[1:], _COMPARISON, strict=True):
                fields.number(f"{path}[{index}].{field}", first_line(cell)[0].rstrip("%％"), cell.place, unit,
                              signed=True)


def read_project_year(document: Document, fields: Fields) -> None:
    """The year a stand-alone 项目支出绩效自评表 states (“（2023年度）” under its title), and the
    unit its line 预算单位 names (“预算单位：示例单位”)."""
    starts = line_starts(document.text)
    match = _PROJECT_YEAR.search(document.text)
    if match is not None:
        group = "year" if match["year"] else "lead"
        fields.put("year", int(match[group]), text_place(starts, match.start(group), match.end(group)))
    unit = _PROJECT_UNIT.search(document.text)
    if unit is not None:
        fields.put("unit.name", unit["name"], text_place(starts, unit.start("name"), unit.end("name")))
