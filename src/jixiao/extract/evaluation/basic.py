"""附件1 单位整体支出绩效评价基础数据表: staffing, 经费控制情况, 楼堂馆所, 厉行节约.

Rows of 经费控制情况 are told by their label (“其中：公车购置”, “3、区级专项资金(一个专项一行)”);
the unlabelled rows after 区级专项资金 or 上级转移支付 are its 专项, one per row. The three amount
columns (上年决算数 / 本年预算数 / 本年决算数) are the columns its header names (a PDF's ruled grid
may hold columns of a table drawn against this one, empty in these rows); without such a header,
the last three cells of each row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.extract.evaluation.fields import BLANKS, Fields, first_line
from jixiao.extract.evaluation.rows import Row
from jixiao.extract.evaluation.tables import columns
from jixiao.extract.tables.cells import compact
from jixiao.numbers import Unit

PATH = "basic_data"
CONTROL_ROWS = (
    ("三公经费", "three_public.total"), ("公务用车购置和维护经费", "three_public.vehicles"),
    ("公车购置", "three_public.vehicle_purchase"), ("公车运行维护", "three_public.vehicle_operation"),
    ("出国经费", "three_public.overseas"), ("公务接待", "three_public.reception"),
    ("项目支出", "projects.total"), ("业务工作经费", "projects.business"),
    ("运行维护经费", "projects.operation"), ("区级专项资金", "projects.district_specials"),
    ("上级转移支付", "projects.transfers"), ("公用经费", "public_funds.total"),
    ("办公经费", "public_funds.office"), ("水费、电费、差旅费", "public_funds.utilities_travel"),
    ("会议费、培训费", "public_funds.meetings_training"), ("政府采购金额", "procurement"),
    ("部门基本支出预算调整", "basic_budget_adjustment"),
)
"""Label of a 经费控制情况 row → the :class:`~jixiao.model.ControlRow` it fills."""
_CONTROL_PATHS = dict(CONTROL_ROWS)
ITEM_LISTS = {"projects.district_specials": "projects.district_special_items",
              "projects.transfers": "projects.transfer_items"}
CONTROL_COLUMNS = ("prior_actual", "budget", "actual")
STAFFING_COLUMNS = {"编制数": "authorized", "在职人数": "actual", "实有人数": "actual",
                    "控制率": "stated_control_rate"}
STAFFING_UNITS = {"authorized": Unit.PERSON, "actual": Unit.PERSON, "stated_control_rate": Unit.PERCENT}
BUILDING_COLUMNS = {"批复规模": "approved_area", "实际规模": "actual_area",
                    "规模控制率": "stated_area_control_rate",
                    "预算投资": "budget_investment", "实际投资": "actual_investment",
                    "投资概算控制率": "stated_investment_control_rate"}
BUILDING_UNITS = {"approved_area": Unit.SQUARE_METRE, "actual_area": Unit.SQUARE_METRE,
                  "stated_area_control_rate": Unit.PERCENT,
                  "stated_investment_control_rate": Unit.PERCENT}
_NUMBERING = re.compile(r"^(?:\d+[、.．]|其中[：:])+")
_NOTE = re.compile(r"[（(][^）)]*[）)]|[：:]$")


def control_label(text: str) -> str:
    """“3、区级专项资金(一个专项一行)” → 区级专项资金; “其中：公车购置” → 公车购置."""
    return _NOTE.sub("", _NUMBERING.sub("", compact(text)))


@dataclass
class BasicDataReader:
    """Reads 附件1's rows into ``fields``."""

    fields: Fields
    expect: str = ""
    header: dict[str, int] | None = None
    items: str | None = None
    amounts: tuple[int, ...] = ()
    """The columns the 经费控制情况 header puts its three amounts in."""

    def read(self, rows: tuple[Row, ...]) -> None:
        for row in rows:
            if not row.paragraph:
                self._row(row)

    def _row(self, row: Row) -> None:
        texts = row.texts()
        if self.expect:
            self._values(row)
            return
        if any("编制数" in text for text in texts):
            self.expect, self.header = "staffing", columns(row, STAFFING_COLUMNS)
        elif any("批复规模" in text for text in texts):
            self.expect, self.header = "buildings", columns(row, BUILDING_COLUMNS)
        elif texts and "厉行节约" in texts[0] and len(row.cells) > 1:
            cell = row.cells[1]
            self.fields.text(f"{PATH}.austerity_measures", cell.text, cell.place)
        elif texts and len(row.cells) >= 4:
            self._control(row)

    def _values(self, row: Row) -> None:
        units = STAFFING_UNITS if self.expect == "staffing" else BUILDING_UNITS
        base = f"{PATH}.staffing" if self.expect == "staffing" else f"{PATH}.buildings"
        for name, offset in (self.header or {}).items():
            cell = row.from_right(offset)
            if cell is not None:
                self.fields.cell_number(f"{base}.{name}", cell, units.get(name, Unit.WAN_YUAN))
        self.expect, self.header = "", None

    def _control(self, row: Row) -> None:
        label = control_label(row.cells[0].text)
        if "决算数" in "".join(row.texts()):
            self.amounts = amount_columns(row)
            return
        if not label or label in BLANKS:
            return
        target = _CONTROL_PATHS.get(label)
        if target is not None:
            self.items = ITEM_LISTS.get(target)
            self._amounts(row, f"{PATH}.{target}")
        elif self.items is not None:
            path = f"{PATH}.{self.items}"
            index = self.fields.count(path)
            item = f"{path}[{index}]"
            if self._amounts(row, item):
                text, place = first_line(row.cells[0])
                self.fields.put(f"{item}.name", text.strip(), place)

    def _amounts(self, row: Row, path: str) -> bool:
        found = False
        cells = ([row.cells[col] if col < len(row.cells) else None for col in self.amounts]
                 if self.amounts else row.cells[-3:])
        for name, cell in zip(CONTROL_COLUMNS, cells, strict=True):
            if cell is not None:
                found = self.fields.cell_number(f"{path}.{name}", cell, Unit.WAN_YUAN) or found
        return found


def amount_columns(header: Row) -> tuple[int, ...]:
    """The columns of the 经费控制情况 header's three amounts (上年决算数, 本年预算数, 本年决算数);
    empty unless it names exactly three."""
    named = tuple(col for col, text in enumerate(header.texts()) if "决算数" in text or "预算数" in text)
    return named if len(named) == len(CONTROL_COLUMNS) else ()
