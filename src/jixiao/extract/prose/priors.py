"""The 上年 of a change, stated elsewhere in the report.

“2023年公务接待费2.00万元，对比上年减少0.30万元，下降16.67%” states no 上年, but the report may:
in the row of the same item of a captioned table with a 上年 (上年决算, 上年数) column
(“项目 | 2023年 | 上年 | … | 公务接待费 | 2.00 | 2.40”), or in an earlier sentence, under the
item's name and the year before (“2022年公务接待费2.40万元”). A reader takes 上年 from there, so
the change is checked against it as when its own clause states it: the rate against
(本年 − 上年) / 上年 holds (2.00 against 2.40 is a fall of 16.67%) and the amount against
上年 − 本年 does not (0.40, not 0.30). Only when no 上年 is stated is it worked out from the
amount (``change``).

The row must state the current amount too, so that it is the item on the same basis; the
earlier sentence must name the year before the current amount's and say 预算 or 决算 as the
current amount's sentence does, and the item must be stated once for that year.
"""

from __future__ import annotations

import re
from dataclasses import replace

from jixiao.documents.model import Document
from jixiao.extract.amounts import Figure
from jixiao.extract.prose.changes import base_of
from jixiao.extract.prose.levels import Level, level_name
from jixiao.extract.prose.reading import RunText, Stated
from jixiao.extract.prose.table_budgets import ColumnFigure, column_figures, item_name

_PRIOR_HEADING = re.compile(r"^上年(?:决算)?数?$")
_YEAR = re.compile(r"(\d{4})\s*年")
_LAST_YEAR = re.compile(r"同比|上一?年度?|去年")

TablePriors = dict[str, ColumnFigure]


def table_priors(document: Document) -> TablePriors:
    """The 上年 figure of every row of a captioned table, by the row's item."""
    return {item_name(label): prior for label, prior in column_figures(document, _PRIOR_HEADING).items()}


def stated_prior(rt: RunText, levels: list[Level], tables: TablePriors, current: Figure,
                 compare: str) -> Stated | None:
    """The 上年 the report states for ``current``, changed as ``compare`` words it, if any."""
    years = {int(year) for year in _YEAR.findall(compare)}
    if base_of(compare) != "上年" or len(years) > 1 or (not years and not _LAST_YEAR.search(compare)):
        return None
    at = rt.place(current.start, current.end).start
    level = next((level for level in levels if level.stated.where.start == at), None)
    if level is None:
        return None
    year = next(iter(years), None)
    earlier = _earlier(level, levels, year)
    if earlier is not None or year is not None:
        return earlier  # a table's 上年 is the year before the current one's, not a year named
    return _in_table(rt.stated(current), tables)


def _earlier(current: Level, levels: list[Level], year: int | None) -> Stated | None:
    """The one level of the item stated before ``current`` for the year before its own (or the
    ``year`` the comparison names), on its basis."""
    prior_year = year or (current.year - 1 if current.year is not None else None)
    at, name = current.stated.where.start or 0, level_name(current)
    if prior_year is None or not name:
        return None
    named = [level for level in levels if (level.stated.where.start or 0) < at and level.year == prior_year
             and level.basis == current.basis and level_name(level) == name]
    if len(named) != 1:
        return None
    return replace(named[0].stated, label=f"{prior_year}年{name}")


def _in_table(current: Stated, tables: TablePriors) -> Stated | None:
    row = tables.get(item_name(current.label))
    if row is None:
        return None
    # A row that does not state the current amount may be of another basis.
    states_current = any(other.value == current.number.in_unit(other.unit).value for other in row.others)
    return row.stated if states_current else None
