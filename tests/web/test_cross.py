"""Cross checks on the review page and in the editor: last year's approved evaluation of the same
unit and a department's units' evaluations found through the ORM, with links to them."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from django.urls import reverse

from jixiao.web.evaluations.models import Evaluation, Status, Task
from jixiao.web.evaluations.related import related_evaluations
from web.conftest import World, client_for, example_data

PRIOR_MESSAGE = ("附件1 公用经费上年决算数 16.17万元 与上年度自评附件1 公用经费本年决算数 16.20万元 "
                 "不一致（相差 0.03万元）")


def _as_last_year(data: Any) -> Any:
    """附件1 of the year before, as this year's 上年决算数 say it was (every other column left out)."""
    if isinstance(data, list):
        return [_as_last_year(item) for item in data]
    if not isinstance(data, dict):
        return data
    if "prior_actual" in data:
        return {key: value for key, value in (("name", data.get("name")), ("actual", data["prior_actual"]))
                if value is not None}
    return {key: _as_last_year(value) for key, value in data.items()
            if key not in ("prior_actual", "budget", "actual")}


def _last_year(world: World, status: Status, public_funds: str = "16.20") -> Evaluation:
    data = example_data()
    data["year"] = 2022
    data["basic_data"] = _as_last_year(copy.deepcopy(data["basic_data"]))
    data["basic_data"]["public_funds"]["total"]["actual"] = public_funds
    task = Task.objects.create(scope=world.region, year=2022, title="2022 年度整体支出绩效自评",
                               template="yueyanglou-2024", profile="yueyanglou-2024",
                               deadline=date(2023, 4, 30), created_by=world.users["finance_reviewer"])
    return Evaluation.objects.create(task=task, unit=world.own_unit, year=2022, data=data, status=status)


def _page(world: World, role: str, name: str, evaluation: Evaluation) -> str:
    response = client_for(world.users[role]).get(reverse(name, args=[evaluation.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_review_page_shows_a_changed_prior_figure_with_a_link_to_last_years_evaluation(
        world: World) -> None:
    last = _last_year(world, Status.APPROVED)
    page = _page(world, "finance_reviewer", "review", world.own)
    assert PRIOR_MESSAGE in page
    assert (f'对照 <a href="/evaluations/{last.pk}/review/">2022 年度 岳阳市洞庭新城项目建设岳阳楼区工作部</a>'
            "：上年度自评附件1 公用经费本年决算数 16.20") in page
    assert "<li>已与上年度自评“2022 年度 岳阳市洞庭新城项目建设岳阳楼区工作部”核对上年数</li>" in page
    assert page.count("<code>JX-PRIOR-001</code>") == 1


def test_the_editor_shows_it_too_with_a_link_to_the_units_own_page(world: World) -> None:
    last = _last_year(world, Status.APPROVED)
    page = _page(world, "preparer", "editor", world.own)
    assert PRIOR_MESSAGE in page
    assert f'对照 <a href="/evaluations/{last.pk}/">2022 年度' in page


def test_the_same_figures_last_year_give_no_finding(world: World) -> None:
    _last_year(world, Status.PUBLISHED, public_funds="16.17")
    page = _page(world, "finance_reviewer", "review", world.own)
    assert "JX-PRIOR" not in page
    assert "核对上年数</li>" in page


def test_no_prior_check_when_last_years_evaluation_is_missing_or_not_approved(world: World) -> None:
    page = _page(world, "finance_reviewer", "review", world.own)
    assert "<li>未找到本单位上年度（2022 年度）的自评，未核对上年数</li>" in page
    _last_year(world, Status.FINANCE_REVIEW)
    page = _page(world, "finance_reviewer", "review", world.own)
    assert "JX-PRIOR" not in page
    assert ("<li>上年度自评“2022 年度 岳阳市洞庭新城项目建设岳阳楼区工作部”尚未审核通过，未核对上年数</li>"
            in page)


def _department_evaluation(world: World, executed: str) -> Evaluation:
    data = example_data()
    data["unit"]["name"] = world.department.name
    data["self_assessment"]["funds"]["actual"] = executed
    return Evaluation.objects.create(task=world.task, unit=world.department, year=2023, data=data)


def test_a_department_against_its_units_with_links_and_few_queries(
        world: World, django_assert_num_queries: Any) -> None:
    department = _department_evaluation(world, "210.00")
    page = _page(world, "department_reviewer", "review", department)
    assert "<li>所属单位区第一中学尚无已提交的本年度自评，未核对部门合计</li>" in page
    assert "JX-DEPT-001" not in page
    unit_data = world.in_department.data | {"unit": world.in_department.data["unit"] | {"name": "区第一中学"}}
    Evaluation.objects.filter(pk=world.in_department.pk).update(status=Status.SUBMITTED, data=unit_data)
    page = _page(world, "department_reviewer", "review", department)
    assert ("附件2 全年执行数 210.00万元 与所属 1 个单位的附件2 全年执行数之和 203.54万元 不一致"
            "（相差 6.46万元）") in page
    assert (f'对照 <a href="/evaluations/{world.in_department.pk}/review/">2023 年度 区第一中学</a>'
            "：区第一中学附件2 全年执行数 203.54") in page
    assert "<li>已与所属 1 个单位的本年度自评核对部门合计</li>" in page
    loaded = Evaluation.objects.select_related("unit").get(pk=department.pk)
    with django_assert_num_queries(3):  # last year, the units, their evaluations (scope: a subquery)
        related_evaluations(loaded, world.users["department_reviewer"])


def test_a_unit_outside_the_users_view_is_not_read(world: World) -> None:
    """A department reviewer of another region sees none of it: the scope is the user's."""
    department = _department_evaluation(world, "210.00")
    Evaluation.objects.filter(pk=world.in_department.pk).update(status=Status.SUBMITTED)
    outsider = world.users["foreign_reviewer"]
    loaded = Evaluation.objects.select_related("unit").get(pk=department.pk)
    found = related_evaluations(loaded, outsider)
    assert found.related.units == () and found.links == {}
