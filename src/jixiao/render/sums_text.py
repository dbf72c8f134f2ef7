"""Totals of the regional forms written by rule: stated as written, else the sum of stated parts.

A stated total the (complete) parts do not give (even allowing for rounding) is still written as stated,
with a warning; a total not stated is the sum of its parts when all are stated, rounded half-up to the
template's money decimals; with neither, the figure is :data:`~jixiao.render.figures.MISSING`
when the form requires it, blank otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence

from jixiao.numbers import ZERO, StatedNumber
from jixiao.relations import check_sum
from jixiao.render.figures import MISSING, Notes, Rules, computed


def total_text(total: StatedNumber | None, parts: Sequence[StatedNumber | None], label: str,
               notes: Notes, rules: Rules, *, required: bool = False, blank_is_zero: bool = False) -> str:
    """``label``'s total as the report writes it (see the module docstring). The sum is computed
    only when every part is stated, or when ``blank_is_zero`` (a form whose blank cells mean none)
    and at least one is."""
    stated = [part for part in parts if part is not None]
    complete = len(stated) == len(parts) or blank_is_zero
    if total is not None:
        if stated and complete and check_sum(total, stated).fails:
            added = computed(sum((part.value for part in stated), ZERO), rules.money_decimals)
            notes.warn(f"{label}：填报 {total.written} 万元，各项相加为 {added} 万元（按填报值出具）")
        return total.written
    if stated and complete:
        return computed(sum((part.value for part in stated), ZERO), rules.money_decimals)
    if required:
        notes.need(None, label)
        return MISSING
    return ""


def money(number: StatedNumber | None, label: str, notes: Notes, *, required: bool = False) -> str:
    """A stated amount as written; blank when optional and not stated, else MISSING with a warning."""
    if number is not None:
        return number.written
    if required:
        notes.need(None, label)
        return MISSING
    return ""
