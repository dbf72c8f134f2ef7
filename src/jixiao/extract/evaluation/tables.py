"""附件2 单位整体支出绩效自评表 and 附件3 项目支出绩效自评表 (also the national 项目支出绩效自评表).

Columns are found by their headers and counted from the right: the forms merge their first
columns (“年度预算申请”, “绩效指标”, the 一级 and 二级 cells) differently from row to row, but the
last columns (年初预算数 … 自评得分; 三级指标 … 偏差原因分析及改进措施) always line up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jixiao.documents.model import Cell
from jixiao.extract.evaluation.fields import BLANKS, Fields, first_line
from jixiao.extract.evaluation.finance_targets import split_goal
from jixiao.extract.evaluation.rows import Row
from jixiao.extract.tables.cells import compact
from jixiao.findings import Place
from jixiao.model import nature_of_sign
from jixiao.numbers import Unit
from jixiao.render.figures import BUDGET_CHANGE, MISSING

FUNDS_COLUMNS = {"年初预算数": "initial_budget", "全年预算数": "full_year_budget",
                 "全年执行数": "actual", "分值": "weight", "执行率": "stated_execution_rate",
                 "得分": "stated_score"}
FUNDS_UNITS = {"weight": Unit.POINT, "stated_execution_rate": Unit.PERCENT,
               "stated_score": Unit.POINT}
INDICATOR_COLUMNS = {"一级指标": "level1", "二级指标": "level2", "三级指标": "name",
                     "指标性质": "nature", "年度指标值": "target", "实际完成值": "actual",
                     "分值": "weight", "得分": "stated_score", "偏差原因": "deviation_reason"}
TARGET_COLUMNS = {"评价内容": "level1", "绩效目标": "goal", "完成情况": "actual"}
"""The 定量目标 of a form without 分值 (the 财政局 form's, as the attachments workbook prints it
for that form): 评价内容 over 一级 and the 二级 column after it, 绩效目标, 完成情况."""
PROJECT_LINES = {"当年财政拨款": "current_appropriation", "上年结转资金": "carryover",
                 "其他资金": "other"}
INCOME_LABELS = {"一般公共预算": "general_public", "政府性基金拨款": "government_fund",
                 "纳入专户管理的非税收入拨款": "special_account_nontax", "其他资金": "other"}
NATURE_LABELS = {"基本支出": "basic", "项目支出": "projects"}
_BLOCK_WEIGHT = re.compile(r"[（(]\d+(?:\.\d+)?分[）)]$")
_LEVEL1 = re.compile(r"^(?:产出|效益|满意度|成本|效果|影响|过程|决策)指标$")
_PERCENT = re.compile(r"\s*\d+(?:\.\d+)?\s*[%％]\s*")
_NUMBERED = re.compile(r"(?:^|\n|(?<=[；;。]))\s*\d+\s*[、.．](?!\d)\s*")
_FIRST = re.compile(r"\s*1\s*[、.．](?!\d)\s*")
"""The number a form puts before its first goal (“1、”), the only one when there is one goal."""


def columns(header: Row, names: dict[str, str]) -> dict[str, int]:
    """Field → offset from the right, for each header cell that names a column."""
    found: dict[str, int] = {}
    texts = header.texts()
    for index, text in enumerate(texts):
        for name, target in names.items():
            if name in text and target not in found:
                found[target] = len(texts) - index
                break
    return found


def level_name(text: str) -> str:
    """An indicator level as the model names it: “满意度\\n指标\\n（10 分）” → 满意度指标."""
    return _BLOCK_WEIGHT.sub("", compact(text))


_PROJECT_LABELS = (("项目支出名称", "name"), ("项目名称", "name"),
                   ("主管部门", "supervising_department"), ("实施单位", "implementer"))
_LABEL_TEXTS = tuple(label for label, _ in _PROJECT_LABELS)


@dataclass
class AssessmentReader:
    """Reads one 自评表 (附件2, or one 附件3 when ``project``) into ``fields`` under ``path``."""

    fields: Fields
    path: str
    project: bool
    funds: dict[str, int] | None = None
    indicators: dict[str, int] | None = None
    targets: dict[str, int] | None = None
    weightless: bool = False
    """Whether the table printed its indicators as 定量目标, without 分值 or 得分 (given when an
    earlier part of the same table did)."""
    goals_next: bool = False
    level1: str = ""
    level1_place: Place = field(default_factory=Place)
    level2: str = ""
    level2_place: Place = field(default_factory=Place)

    def read(self, rows: tuple[Row, ...]) -> None:
        for row in rows:
            self._row(row)

    def _row(self, row: Row) -> None:
        texts = row.texts()
        if row.paragraph:
            self._heading(row)
            return
        if self.project and self._project_label(row):
            return
        if texts[:1] == (BUDGET_CHANGE,):
            self._explanation(row)
            return
        if self.targets is not None:
            self._target(row)
        elif row.holds("总分") and any(text.startswith("总分") for text in texts):
            if not self.weightless:  # a 定量目标 has no 总分: one after it is another table's
                self._total(row)
        elif "年初预算数" in texts or "全年执行数" in texts:
            self.funds = columns(row, FUNDS_COLUMNS)
        elif row.holds("三级指标"):
            self.indicators = columns(row, INDICATOR_COLUMNS)
            self.goals_next = False  # a 年度总体目标 left blank: the indicators follow at once
        elif "评价内容" in texts and "完成情况" in texts:
            # the table's label (“…定量目标及实施计划完成情况”) names a column too: headers follow it
            self.targets, self.weightless = columns(Row(row.cells[1:], paragraph=False), TARGET_COLUMNS), True
            self.goals_next = False
        elif "预期目标" in texts:
            self.goals_next = True
        elif self.goals_next:
            self.goals_next = False
            self._goals(row)
        elif self.indicators is not None:
            self._indicator(row)
        elif self.funds is not None:
            self._funds(row)

    def _heading(self, row: Row) -> None:
        name = level_name(row.cells[0].text)
        if _LEVEL1.match(name):
            self.level1, self.level1_place, self.level2 = name, row.cells[0].place, ""

    def _explanation(self, row: Row) -> None:
        """预算调整说明 under the form (the workbook's row); marked 【未填写】, it is given blank."""
        cell = row.filled_after(BUDGET_CHANGE)
        if cell is not None:
            text = "" if MISSING in cell.text else _text(cell)
            self.fields.put(f"{self.path}.budget_change_explanation", text, cell.place)

    def _project_label(self, row: Row) -> bool:
        found = False
        for label, field_name in _PROJECT_LABELS:
            cell = row.filled_after(label)
            # A label merged across columns repeats as blank cells; a blank value is no value,
            # not the next label's (“主管部门 | | 实施单位 | 示例单位”).
            if cell is not None and not compact(cell.text).startswith(_LABEL_TEXTS):
                found = self.fields.text(f"{self.path}.{field_name}", _text(cell), cell.place) or found
        return found

    def _funds(self, row: Row) -> None:
        label = next((text for text in row.texts() if text and text not in BLANKS), "")
        if "年度资金总额" in label:
            self._funds_line(row, f"{self.path}.funds", all_columns=True)
            return
        line = next((key for name, key in PROJECT_LINES.items() if name in label), None)
        if self.project and line is not None:
            self._funds_line(row, f"{self.path}.funds.{line}", all_columns=False)
            return
        if not self.project:
            self._splits(row)

    def _funds_line(self, row: Row, path: str, *, all_columns: bool) -> None:
        shift = _rate_shift(row, self.funds or {})
        for name, offset in (self.funds or {}).items():
            if not all_columns and name not in ("initial_budget", "full_year_budget", "actual"):
                continue
            cell = row.from_right(offset + shift)
            if cell is not None:
                self.fields.cell_number(f"{path}.{name}", cell, FUNDS_UNITS.get(name, Unit.WAN_YUAN))

    def _splits(self, row: Row) -> None:
        """按收入性质分 / 按支出性质分: “一般公共预算：182.26” in one cell, or label and amount
        in two."""
        cells = row.cells
        for index, cell in enumerate(cells):
            line, place = first_line(cell)
            squeezed = compact(line).replace(":", "：").removeprefix("其中").lstrip("：")
            label, _, amount = squeezed.partition("：")
            names = INCOME_LABELS if label in INCOME_LABELS else NATURE_LABELS
            key = "by_income" if names is INCOME_LABELS else "by_nature"
            if label not in names:
                continue
            if amount:
                place = _inside(place, line, amount)
            elif index + 1 < len(cells):
                amount, place = first_line(cells[index + 1])
            self.fields.number(f"{self.path}.{key}.{names[label]}", amount, place, Unit.WAN_YUAN)

    def _goals(self, row: Row) -> None:
        cells = row.filled()
        if len(cells) < 2:
            return
        expected, achieved = cells[-2], cells[-1]
        pairs = _numbered_pairs(expected.text, achieved.text)
        for index, (wanted, done) in enumerate(pairs):
            self.fields.text(f"{self.path}.goals[{index}].expected", wanted, expected.place)
            self.fields.text(f"{self.path}.goals[{index}].achieved", done, achieved.place)

    def _indicator(self, row: Row) -> None:
        columns_ = self.indicators or {}
        cells = {key: row.from_right(offset) for key, offset in columns_.items()}
        level1, level2 = cells.get("level1"), cells.get("level2")
        if level1 is not None and (named := level_name(level1.text)):
            self.level1, self.level1_place = named, level1.place
            self.level2 = ""
        if level2 is not None and (named := level_name(level2.text)):
            self.level2, self.level2_place = named, level2.place
        name = _text(cells.get("name"))
        target = _text(cells.get("target"))
        weight = cells.get("weight")
        weight_number = self.fields.stated(weight.text, Unit.POINT) if weight is not None else None
        not_applicable = "不适用" in (name, target)
        if not self.level1 or not name or name in BLANKS or (
                weight_number is None and not not_applicable):
            return
        path = f"{self.path}.indicators[{self.fields.count(f'{self.path}.indicators')}]"
        name_cell = cells["name"]
        assert name_cell is not None
        self.fields.put(f"{path}.level1", self.level1, self.level1_place)
        if self.level2:
            self.fields.put(f"{path}.level2", self.level2, self.level2_place)
        self.fields.put(f"{path}.name", name, name_cell.place)
        for key in ("target", "actual"):
            cell = cells.get(key)
            if cell is not None:
                self.fields.text(f"{path}.{key}", _text(cell), cell.place)
        signed, target_cell = nature_of_sign(target), cells.get("target")
        if signed is not None and target_cell is not None and "nature" not in columns_:
            # the form prints 指标性质 as the target's sign
            self.fields.put(f"{path}.nature", signed.value, target_cell.place)
        if weight is not None and "\n" not in weight.text:  # its one line was read above
            if weight_number is not None:
                self.fields.put(f"{path}.weight", weight_number, first_line(weight)[1])
        elif weight is not None:
            self.fields.cell_number(f"{path}.weight", weight, Unit.POINT)
        score = cells.get("stated_score")
        if score is not None:
            self.fields.cell_number(f"{path}.stated_score", score, Unit.POINT)
        reason = cells.get("deviation_reason")
        if reason is not None:
            # An empty 偏差原因 cell is stated too: the form asks for it where points were lost.
            self.fields.put(f"{path}.deviation_reason", reason.text.strip(), reason.place)

    def _target(self, row: Row) -> None:
        """One row of a 定量目标 table: an indicator without 分值. A row with its own label
        (预算调整说明, the note under the form) ends the table."""
        columns_ = self.targets or {}
        if row.texts()[0] not in BLANKS or len(row.cells) < max(columns_.values(), default=0):
            self.targets = None
            return
        cells = {key: row.from_right(offset) for key, offset in columns_.items()}
        level1, level2 = cells.get("level1"), row.from_right(columns_.get("level1", 0) - 1)
        # 评价内容 as written, as the 财政局 form's reader keeps it: it carries no “（50分）”
        if level1 is not None and compact(level1.text) not in BLANKS:
            self.level1, self.level1_place, self.level2 = level1.text.strip(), level1.place, ""
        if level2 is not None and compact(level2.text) not in BLANKS:
            self.level2, self.level2_place = level2.text.strip(), level2.place
        goal, actual = cells.get("goal"), cells.get("actual")
        if not self.level1 or goal is None or compact(goal.text) in BLANKS:
            return
        path = f"{self.path}.indicators[{self.fields.count(f'{self.path}.indicators')}]"
        self.fields.put(f"{path}.level1", self.level1, self.level1_place)
        if self.level2:
            self.fields.put(f"{path}.level2", self.level2, self.level2_place)
        name, target = split_goal(_text(goal))
        self.fields.put(f"{path}.name", name, goal.place)
        self.fields.text(f"{path}.target", target, goal.place)
        if actual is not None:
            self.fields.text(f"{path}.actual", _text(actual), actual.place)

    def _total(self, row: Row) -> None:
        texts = row.texts()
        start = next(index for index, text in enumerate(texts) if text.startswith("总分"))
        numbers = [cell for cell in row.cells[start + 1:]
                   if self.fields.stated(first_line(cell)[0], Unit.POINT) is not None]
        for key, cell in zip(("stated_total_weight", "stated_total_score"), numbers, strict=False):
            self.fields.cell_number(f"{self.path}.{key}", cell, Unit.POINT)


def _rate_shift(row: Row, funds: dict[str, int]) -> int:
    """How far a funds row lies left of its header's columns: its one figure in % is the 执行率,
    so a row that lost its last cells (an unfilled 得分 the extraction dropped) is read against
    the header by it, not by its right end; 0 when the row has no single % figure."""
    rates = [len(row.cells) - index for index, cell in enumerate(row.cells) if _PERCENT.fullmatch(cell.text)]
    rate = funds.get("stated_execution_rate")
    return rates[0] - rate if rate is not None and len(rates) == 1 else 0


def _text(cell: Cell | None) -> str:
    """A cell's text with line breaks of the layout removed, kept otherwise as written."""
    if cell is None:
        return ""
    return "".join(line.strip() for line in cell.text.split("\n"))


def _inside(place: Place, line: str, part: str) -> Place:
    """The place of ``part`` inside ``line``, the text at ``place`` (or ``place`` itself)."""
    offset = line.rfind(part)
    if offset < 0 or place.start is None:
        return place
    start = place.start + offset
    return Place(table=place.table, row=place.row, col=place.col, line=place.line,
                 start=start, end=start + len(part))


def _numbered_pairs(expected: str, achieved: str) -> list[tuple[str, str]]:
    """Goals and achievements paired by their numbers (“1、…2、…”), or one pair as written."""
    wanted, done = _numbered(expected), _numbered(achieved)
    if len(wanted) > 1 and len(wanted) == len(done):
        return list(zip(wanted, done, strict=True))
    if _FIRST.match(expected) and _FIRST.match(achieved):  # one goal, numbered as the form numbers it
        return [(_FIRST.sub("", expected, count=1).strip(), _FIRST.sub("", achieved, count=1).strip())]
    return [(expected.strip(), achieved.strip())]


def _numbered(text: str) -> list[str]:
    parts = [part.strip().rstrip("；;。").strip() for part in _NUMBERED.split(text)]
    return [part for part in parts if part]
