"""Figures that several places of the forms print, entered once and copied to the others.

The 岳阳楼区 body states 基本支出 under 二、一般公共预算支出情况, the 鼎城区 form under 部门财务情况;
附件1 repeats the body's 编制数 and 实有人数. The model keeps each place (a report read back may
state them differently, and the checks compare them), so a figure entered for one form is
copied, where the other place is empty, before rendering in another form: nothing entered is
ever overwritten. The pairs are data: (home, copy) paths into the plain data of
:mod:`jixiao.io.plain`; two tables of other forms (the 鼎城 三公 lines, the 财政局 收支情况 row)
are made from named rows of 附件1 and 附件2 when the data has none.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from typing import Any

from jixiao.io.plain import ALWAYS_WRITTEN, plain_data
from jixiao.io.validate import validate_evaluation
from jixiao.model import Evaluation

Pair = tuple[str, str]
"""``(home, copy)``: the field entered, and a field the forms print the same figure in. In a
list, ``[*]`` pairs the items of the same name (:data:`PROJECT_AMOUNTS`)."""

_GENERAL = "finances.general_budget"
_BREAKDOWN = "finances.breakdown"
STAFFING_KEYS = ("authorized", "actual", "retired")
_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")

SAME_FIGURES: tuple[Pair, ...] = (
    (f"{_GENERAL}.basic.total", f"{_BREAKDOWN}.basic"),
    (f"{_GENERAL}.basic.personnel.amount", f"{_BREAKDOWN}.basic_personnel"),
    (f"{_GENERAL}.basic.public.amount", f"{_BREAKDOWN}.basic_public"),
    (f"{_GENERAL}.projects.total", f"{_BREAKDOWN}.projects"),
    *((f"unit.staffing.{key}", f"basic_data.staffing.{key}") for key in STAFFING_KEYS),
)
"""One figure in two forms' places: 岳阳楼区 二 and 鼎城 部门财务情况; the body and 附件1."""

PROJECT_AMOUNTS: tuple[Pair, ...] = tuple(
    (f"{_GENERAL}.projects.items[*].amount", f"basic_data.projects.{items}[*].actual")
    for items in ("district_special_items", "transfer_items"))
"""附件1's 专项 本年决算数 is 二's 项目支出 amount of the project of the same name."""

THREE_PUBLIC_LINES = (("“三公”经费合计", "total"), ("公务用车购置费", "vehicle_purchase"),
                      ("公务用车运行费", "vehicle_operation"), ("因公出国（境）费", "overseas"),
                      ("公务接待费", "reception"))
"""The 鼎城 “三公”经费对比表's lines, from 附件1's 三公经费 rows (本年决算数, 上年决算数)."""

ORG_ACCOUNT_FIGURES = (
    ("expenditure_total", "self_assessment.funds.actual"),
    ("basic", "self_assessment.by_nature.basic"),
    ("projects", "self_assessment.by_nature.projects"),
    *((key, f"basic_data.three_public.{line}.actual") for key, line in (
        ("three_public_total", "total"), ("reception", "reception"),
        ("vehicle_operation", "vehicle_operation"), ("vehicle_purchase", "vehicle_purchase"),
        ("overseas", "overseas"))),
)
"""The 财政局 form's 收支情况 row of the unit, from 附件2's 全年执行数 (all funds, as that table
counts them) and 附件1's 三公 本年决算数; its 收入 side has no place in the other forms."""


def both_ways(pairs: Iterable[Pair]) -> tuple[Pair, ...]:
    """Each pair and its reverse: whichever place was entered fills the other."""
    return tuple(pair for home, copy_path in pairs for pair in ((home, copy_path), (copy_path, home)))


def steps(path: str) -> list[str | int]:
    """``projects[2].funds`` → ``["projects", 2, "funds"]``."""
    return [key if key else int(index) for key, index in _STEP.findall(path)]


def value_at(data: Any, path: str) -> Any:
    """The plain value at a field path, ``None`` when any step is missing."""
    for step in steps(path):
        if isinstance(step, int):
            data = data[step] if isinstance(data, list) and step < len(data) else None
        else:
            data = data.get(step) if isinstance(data, dict) else None
    return data


def in_items(data: Any, pairs: Iterable[Pair]) -> list[Pair]:
    """The pairs as paths of the data's own fields: a ``[*]`` pair once for each item of the
    copy list whose name an item of the home list has."""
    found: list[Pair] = []
    for home, copy_path in pairs:
        if "[*]" not in home:
            found.append((home, copy_path))
            continue
        (home_list, home_key), (copy_list, copy_key) = (path.split("[*].") for path in (home, copy_path))
        named = {item.get("name"): index for index, item in enumerate(value_at(data, home_list) or ())
                 if isinstance(item, dict)}
        found.extend((f"{home_list}[{named[item.get('name')]}].{home_key}",
                      f"{copy_list}[{index}].{copy_key}")
                     for index, item in enumerate(value_at(data, copy_list) or ())
                     if isinstance(item, dict) and item.get("name") in named)
    return found


def with_copies(data: dict[str, Any], pairs: Iterable[Pair]) -> dict[str, Any]:
    """``data`` with each empty copy set to its home's value (a new dict; ``data`` unchanged)."""
    filled = copy.deepcopy(data)
    for home, copy_path in in_items(filled, pairs):
        value = value_at(filled, home)
        if value is not None and value_at(filled, copy_path) is None:
            _put(filled, copy_path, value)
    return filled


def without_copies(data: dict[str, Any], pairs: Iterable[Pair]) -> dict[str, Any]:
    """``data`` without the copies written exactly as their home (entered once)."""
    kept = copy.deepcopy(data)
    for home, copy_path in in_items(kept, pairs):
        value = value_at(kept, copy_path)
        if value is not None and str(value) == str(value_at(kept, home)):
            container, last = _parent(kept, copy_path)
            del container[last]
    return kept


def _put(data: dict[str, Any], path: str, value: Any) -> None:
    container, last = _parent(data, path)
    container[last] = value


def _parent(data: dict[str, Any], path: str) -> tuple[Any, str | int]:
    """The record or list holding the field at ``path`` (made on the way), and its key."""
    *parents, last = steps(path)
    container: Any = data
    for step in parents:
        container = container[step] if isinstance(step, int) else container.setdefault(step, {})
    return container, last


def for_every_form(evaluation: Evaluation) -> Evaluation:
    """The evaluation with every figure in each place a form prints it (:data:`SAME_FIGURES`
    both ways, :data:`PROJECT_AMOUNTS`), so it renders in any template; unchanged when nothing
    is missing."""
    data = plain_data(evaluation, keep=ALWAYS_WRITTEN)
    copied = with_copies(data, (*both_ways(SAME_FIGURES), *PROJECT_AMOUNTS))
    filled = with_org_account(with_year_on_year(copied))
    return evaluation if filled == data else validate_evaluation(filled, {}, "")


def with_org_account(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with the unit's own 收支情况 row, from the other tables, when it has none."""
    path = "finances.org_accounts"
    figures = {key: value for key, source in ORG_ACCOUNT_FIGURES
               if (value := value_at(data, source)) is not None}
    if value_at(data, path) or not figures:
        return data
    return _with(data, path, [{"name": value_at(data, "unit.name"), **figures}])


def _with(data: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """``data`` with ``value`` at the record path ``path``: the records on the way are new, the
    rest is shared with ``data`` (a deep copy of the whole evaluation costs more than the rest
    of :func:`for_every_form`)."""
    *parents, last = path.split(".")
    filled = dict(data)
    record = filled
    for key in parents:
        inner = dict(record.get(key) or {})
        record[key] = inner
        record = inner
    record[last] = value
    return filled


def with_year_on_year(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with the 三公 lines against the prior year taken from 附件1 when it has none."""
    path = "finances.three_public_year_on_year"
    lines = [{"name": name, "current": current,
              **({} if prior is None else {"prior": prior})}
             for name, key in THREE_PUBLIC_LINES
             if (current := value_at(data, f"basic_data.three_public.{key}.actual")) is not None
             for prior in (value_at(data, f"basic_data.three_public.{key}.prior_actual"),)]
    if value_at(data, path) or not lines:
        return data
    return _with(data, path, lines)
