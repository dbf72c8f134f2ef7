"""Figures that several places of the forms print, entered once and copied to the others.

The 岳阳楼区 body states 基本支出 under 二、一般公共预算支出情况, the 鼎城区 form under 部门财务情况;
附件1 repeats the body's 编制数 and 实有人数. The model keeps each place (a report read back may
state them differently, and the checks compare them), so a figure entered for one form is
copied, where the other place is empty, before rendering in another form: nothing entered is
ever overwritten. The pairs are data: (home, copy) paths into the plain data of
:mod:`jixiao.io.plain`.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from jixiao.io.plain import ALWAYS_WRITTEN, plain_data
from jixiao.io.validate import validate_evaluation
from jixiao.model import Evaluation

Pair = tuple[str, str]
"""``(home, copy)``: the field entered, and a field the forms print the same figure in."""

_GENERAL = "finances.general_budget"
_BREAKDOWN = "finances.breakdown"
STAFFING_KEYS = ("authorized", "actual", "retired")

SAME_FIGURES: tuple[Pair, ...] = (
    (f"{_GENERAL}.basic.total", f"{_BREAKDOWN}.basic"),
    (f"{_GENERAL}.basic.personnel.amount", f"{_BREAKDOWN}.basic_personnel"),
    (f"{_GENERAL}.basic.public.amount", f"{_BREAKDOWN}.basic_public"),
    (f"{_GENERAL}.projects.total", f"{_BREAKDOWN}.projects"),
    *((f"unit.staffing.{key}", f"basic_data.staffing.{key}") for key in STAFFING_KEYS),
)
"""One figure in two forms' places: 岳阳楼区 二 and 鼎城 部门财务情况; the body and 附件1."""


def both_ways(pairs: Iterable[Pair]) -> tuple[Pair, ...]:
    """Each pair and its reverse: whichever place was entered fills the other."""
    return tuple(pair for home, copy_path in pairs for pair in ((home, copy_path), (copy_path, home)))


def value_at(data: Any, path: str) -> Any:
    """The plain value at a dotted path, ``None`` when any step is missing."""
    for key in path.split(".") if path else ():
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def with_copies(data: dict[str, Any], pairs: Iterable[Pair]) -> dict[str, Any]:
    """``data`` with each empty copy set to its home's value (a new dict; ``data`` unchanged)."""
    filled = copy.deepcopy(data)
    for home, copy_path in pairs:
        value = value_at(filled, home)
        if value is not None and value_at(filled, copy_path) is None:
            *parents, last = copy_path.split(".")
            container = filled
            for key in parents:
                container = container.setdefault(key, {})
            container[last] = value
    return filled


def for_every_form(evaluation: Evaluation) -> Evaluation:
    """The evaluation with every figure in each place a form prints it (:data:`SAME_FIGURES`,
    both ways), so it renders in any template; unchanged when nothing is missing."""
    data = plain_data(evaluation, keep=ALWAYS_WRITTEN)
    filled = with_copies(data, both_ways(SAME_FIGURES))
    return evaluation if filled == data else validate_evaluation(filled, {}, "")
