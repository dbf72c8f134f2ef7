"""Control figures of 附件1: spending against budget (domain.md §4)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.checks.registry import CheckContext, Rule, rule
from jixiao.findings import CONTROL, Finding, Severity, number_text
from jixiao.model import ControlRow
from jixiao.numbers import quantize_half_up


def _over_budget(label: str, row: ControlRow, path: str) -> Finding | None:
    if row.actual is None or row.budget is None or row.actual.value <= row.budget.value:
        return None
    rate = (quantize_half_up(row.actual.value / row.budget.value * 100, 2)
            if row.budget.value else None)
    control = f"，控制率 {number_text(rate)}%" if rate is not None else ""
    return spending_over_budget.finding(
        f"附件1 {label}本年决算数 {row.actual.written}万元 超过本年预算数 "
        f"{row.budget.written}万元{control}", f"{path}.actual", stated=row.actual,
        expected=row.budget.written)


@rule("JX-CTRL-001", Severity.WARNING, "控制数超预算",
      "附件1：三公经费、项目支出、公用经费、政府采购的本年决算数超过本年预算数（控制率超过 100%）时须说明。",
      kind=CONTROL)
def spending_over_budget(context: CheckContext) -> Iterator[Finding]:
    data = context.evaluation.basic_data
    rows = (("三公经费", data.three_public.total, "basic_data.three_public.total"),
            ("项目支出", data.projects.total, "basic_data.projects.total"),
            ("公用经费", data.public_funds.total, "basic_data.public_funds.total"),
            ("政府采购金额", data.procurement, "basic_data.procurement"))
    for label, row, path in rows:
        found = _over_budget(label, row, path)
        if found is not None:
            yield found


@rule("JX-CTRL-002", Severity.WARNING, "人员超编",
      "实际在职人数超过编制数（控制率超过 100%）时须说明。", kind=CONTROL)
def staffing_over_quota(context: CheckContext) -> Iterator[Finding]:
    for path, staffing in (("unit.staffing", context.evaluation.unit.staffing),
                           ("basic_data.staffing", context.evaluation.basic_data.staffing)):
        if staffing.actual is None or staffing.authorized is None:
            continue
        if staffing.actual.value > staffing.authorized.value:
            yield staffing_over_quota.finding(
                f"实际在职人数 {staffing.actual.written} 超过编制数 {staffing.authorized.written}",
                f"{path}.actual", stated=staffing.actual,
                expected=number_text(Decimal(staffing.authorized.value)))


RULES: tuple[Rule, ...] = (spending_over_budget, staffing_over_quota)
