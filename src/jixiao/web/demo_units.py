"""Demonstration units for the 汇总分析 page, every one named 【演示】: the 洞庭新城 evaluation
with its money scaled and its 执行率, one indicator's result and its 三公经费 changed, so the
charts and 预警 have something to show. Not real units; their figures are made up from the
example's."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from jixiao.numbers import quantize_half_up
from jixiao.web.accounts.models import Organisation, OrgKind
from jixiao.web.evaluations.analysis import analyse
from jixiao.web.evaluations.models import Evaluation, Status, Task
from jixiao.web.evaluations.services import summarise

DEPARTMENT = "【演示】区教育局"


@dataclass(frozen=True)
class DemoUnit:
    name: str
    in_department: bool
    scale: str
    """The example's money times this."""
    rates: tuple[str, str]
    """执行率 (%) in 2023 and 2024."""
    households: str
    """门面回购 achieved (the target is 32户)."""
    investment: str
    """招商投资 achieved (the target is 1000万元)."""
    three_public: tuple[str, str, str]
    """三公经费 2022, 2023 and 2024 (万元)."""
    status: Status


DEMO_UNITS = (
    DemoUnit("【演示】区第一中学", True, "3.2", ("98.6", "99.1"), "32户", "1100万元",
             ("12.4", "11.8", "11.2"), Status.APPROVED),
    DemoUnit("【演示】区第二中学", True, "2.7", ("91.3", "95.0"), "30户", "1000万元",
             ("9.6", "10.9", "10.1"), Status.FINANCE_REVIEW),
    DemoUnit("【演示】区实验小学", True, "1.9", ("84.2", "88.0"), "32户", "2100万元",
             ("4.2", "4.0", "3.6"), Status.SUBMITTED),
    DemoUnit("【演示】区教师发展中心", True, "0.6", ("72.5", "81.0"), "26户", "1000万元",
             ("2.1", "2.9", "2.4"), Status.RETURNED),
    DemoUnit("【演示】区档案馆", False, "0.4", ("100", "100"), "32户", "1050万元",
             ("1.6", "1.5", "1.5"), Status.APPROVED),
    DemoUnit("【演示】区图书馆", False, "0.8", ("95.7", "97.2"), "32户", "1000万元",
             ("2.3", "2.6", "2.2"), Status.APPROVED),
    DemoUnit("【演示】区疾病预防控制中心", False, "4.5", ("88.9", "93.4"), "31户", "1000万元",
             ("18.7", "17.2", "16.0"), Status.DEPARTMENT_PASSED),
    DemoUnit("【演示】区园林绿化中心", False, "2.2", ("64.0", "76.5"), "24户", "1000万元",
             ("6.8", "8.1", "7.7"), Status.SUBMITTED),
    DemoUnit("【演示】区市政设施维护中心", False, "5.1", ("57.3", "70.2"), "32户", "2600万元",
             ("21.5", "24.9", "22.0"), Status.DRAFT),
    DemoUnit("【演示】区房屋征收服务中心", False, "1.3", ("79.4", "86.6"), "32户", "1000万元",
             ("3.3", "3.1", "2.8"), Status.FINANCE_REVIEW),
)


def load_demo_units(department: Organisation, example: dict[str, Any]) -> None:
    """The demo units under ``department`` and its region with their 2023 and 2024 evaluations
    (skipped once there)."""
    region = department.parent
    tasks = {task.year: task for task in Task.objects.filter(scope=region, year__in=(2023, 2024))}
    for demo in DEMO_UNITS:
        parent = department if demo.in_department else region
        unit, _ = Organisation.objects.get_or_create(name=demo.name, parent=parent,
                                                     defaults={"kind": OrgKind.UNIT})
        for index, year in enumerate((2023, 2024)):
            task = tasks[year]
            if Evaluation.objects.filter(task=task, unit=unit).exists():
                continue
            data = demo_data(example, demo, index, year)
            evaluation = Evaluation(task=task, unit=unit, year=year, data=data,
                                    status=demo.status if year == 2023 else Status.DRAFT)
            summarise(evaluation, analyse(data))
            evaluation.save()


def demo_data(example: dict[str, Any], demo: DemoUnit, index: int, year: int) -> dict[str, Any]:
    """The example's data with this unit's name, year, scaled money and changed results."""
    data = copy.deepcopy(example)
    data["year"] = year
    data["unit"]["name"] = demo.name
    scale, rate = Decimal(demo.scale), Decimal(demo.rates[index])
    funds = data["self_assessment"]["funds"]
    budget = _money(Decimal(funds["full_year_budget"]) * scale)
    funds["initial_budget"] = str(_money(Decimal(funds["initial_budget"]) * scale))
    funds["full_year_budget"] = str(budget)
    funds["actual"] = str(_money(budget * rate / 100))
    funds["stated_execution_rate"] = demo.rates[index]
    funds["stated_score"] = str(quantize_half_up(min(rate, Decimal(100)) / 10, 2))
    indicators = data["self_assessment"]["indicators"]
    indicators[0]["actual"] = demo.households
    indicators[8]["actual"] = demo.investment
    prior, current = demo.three_public[index], demo.three_public[index + 1]
    data["basic_data"]["three_public"]["total"] = {"prior_actual": prior, "budget": current,
                                                   "actual": current}
    return data


def _money(value: Decimal) -> Decimal:
    return quantize_half_up(value, 2)
