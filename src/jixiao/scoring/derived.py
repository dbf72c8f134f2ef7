"""Every derived figure of an evaluation: shares, rates, control ratios, changes (domain.md §4).

Each figure is exact (Decimal); it is rounded only when shown. A figure whose inputs are not
all stated is left out rather than guessed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from jixiao.model import ControlRow, Evaluation, Staffing
from jixiao.numbers import StatedNumber, Unit, percent


@dataclass(frozen=True, slots=True)
class DerivedFigure:
    """One computed figure, with the formula in words and the unit's own figure if stated."""

    key: str
    label: str
    value: Decimal
    unit: Unit
    formula: str
    stated: StatedNumber | None = None


def _ratio(key: str, label: str, numerator: StatedNumber | None,
           denominator: StatedNumber | None, formula: str,
           stated: StatedNumber | None = None) -> Iterator[DerivedFigure]:
    if numerator is None or denominator is None:
        return
    value = percent(numerator.value, denominator.value)
    if value is not None:
        yield DerivedFigure(key, label, value, Unit.PERCENT, formula, stated)


def _change(key: str, label: str, row: ControlRow) -> Iterator[DerivedFigure]:
    if row.actual is None or row.prior_actual is None:
        return
    value = percent(row.actual.value - row.prior_actual.value, row.prior_actual.value)
    if value is not None:
        yield DerivedFigure(key, label, value, Unit.PERCENT, "（本年决算 − 上年决算）/ 上年决算")


def _staffing(key: str, where: str, staffing: Staffing) -> Iterator[DerivedFigure]:
    yield from _ratio(key, f"财政供养人员控制率（{where}）", staffing.actual, staffing.authorized,
                      "实际在职人数 / 编制数", staffing.stated_control_rate)


def derived_figures(evaluation: Evaluation) -> tuple[DerivedFigure, ...]:
    return tuple(_all_figures(evaluation))


def _all_figures(evaluation: Evaluation) -> Iterator[DerivedFigure]:
    yield from _staffing("staffing.report", "报告", evaluation.unit.staffing)
    yield from _staffing("staffing.basic_data", "附件1", evaluation.basic_data.staffing)
    basic = evaluation.finances.general_budget.basic
    for key, label, line in (("personnel", "人员经费", basic.personnel),
                             ("public", "公用经费", basic.public),
                             ("subsidies", "对个人和家庭的补助", basic.subsidies)):
        yield from _ratio(f"basic.{key}.share", f"{label}占基本支出比例", line.amount, basic.total,
                          f"{label} / 基本支出", line.stated_share)
    funds = evaluation.self_assessment.funds
    yield from _ratio("funds.execution_rate", "预算执行率", funds.actual, funds.full_year_budget,
                      "全年执行数 / 全年预算数", funds.stated_execution_rate)
    if funds.initial_budget is not None and funds.full_year_budget is not None:
        adjustment = percent(funds.full_year_budget.value - funds.initial_budget.value,
                             funds.initial_budget.value)
        if adjustment is not None:
            yield DerivedFigure("funds.adjustment_rate", "预算调整率", adjustment, Unit.PERCENT,
                                "（全年预算数 − 年初预算数）/ 年初预算数")
    yield from _basic_data_figures(evaluation)
    for item in evaluation.finances.three_public_year_on_year:
        if item.current is not None and item.prior is not None:
            change = percent(item.current.value - item.prior.value, item.prior.value)
            if change is not None:
                yield DerivedFigure(f"three_public.{item.name}.change", f"{item.name}同比变动率",
                                    change, Unit.PERCENT, "（本年 − 上年）/ 上年",
                                    item.stated_change_percent)


def _basic_data_figures(evaluation: Evaluation) -> Iterator[DerivedFigure]:
    data = evaluation.basic_data
    three = data.three_public.total
    yield from _change("three_public.change", "三公经费变动率", three)
    yield from _ratio("three_public.control", "三公经费控制率", three.actual, three.budget,
                      "本年决算 / 本年预算")
    public = data.public_funds.total
    yield from _ratio("public_funds.control", "公用经费控制率", public.actual, public.budget,
                      "本年决算 / 本年预算")
    procurement = data.procurement
    yield from _ratio("procurement.execution", "政府采购执行率", procurement.actual,
                      procurement.budget, "本年决算 / 本年预算")
    buildings = data.buildings
    yield from _ratio("buildings.area", "楼堂馆所规模控制率", buildings.actual_area,
                      buildings.approved_area, "实际规模 / 批复规模",
                      buildings.stated_area_control_rate)
    yield from _ratio("buildings.investment", "投资概算控制率", buildings.actual_investment,
                      buildings.budget_investment, "实际投资 / 预算投资",
                      buildings.stated_investment_control_rate)
