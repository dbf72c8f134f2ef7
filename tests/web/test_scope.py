"""Organisations as one tree: a department and everything under it in one query."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from jixiao.web.accounts.models import Organisation
from web.conftest import World


def test_a_region_and_everything_under_it_is_one_query(world: World) -> None:
    with CaptureQueriesContext(connection) as queries:
        names = set(Organisation.objects.within(world.region).values_list("name", flat=True))
    assert len(queries) == 1
    assert names == {"岳阳楼区", "区教育局", "区第一中学", "城陵矶新港区党群工作部", "岳阳市洞庭新城项目建设岳阳楼区工作部"}


def test_a_department_contains_its_units_only(world: World) -> None:
    assert list(Organisation.objects.within(world.department).units().values_list("name", flat=True)) == ["区第一中学"]
    assert world.department.contains(world.department_unit)
    assert not world.department.contains(world.own_unit)
