"""The load benchmark's seeding (bench/load_seed.py) writes the world it says it writes, so the
benchmark cannot silently rot: the tree, the accounts, the evaluations with real scores."""

from __future__ import annotations

import pytest
from django.db.models import Count

from jixiao.web.accounts.models import Organisation, OrgKind, Role, User
from jixiao.web.evaluations.models import Evaluation, Status
from load_seed import PASSWORD, department_names, seed, unit_names


@pytest.mark.django_db
def test_seed_writes_the_region_its_departments_units_accounts_and_evaluations() -> None:
    seeded = seed(units=23, departments=3)
    region = Organisation.objects.get(kind=OrgKind.REGION)
    departments = list(Organisation.objects.filter(kind=OrgKind.DEPARTMENT).order_by("path"))
    assert [d.name for d in departments] == ["区委办公室", "区政府办公室", "区委组织部"]
    assert all(d.parent == region and d.path == f"/{region.pk}/{d.pk}/" for d in departments)
    per_department = [Organisation.objects.units().within(d).count() for d in departments]
    assert per_department == [8, 8, 7]
    unit = Organisation.objects.get(name="区委组织部执法大队")
    assert unit.path == f"{departments[2].path}{unit.pk}/"
    assert (seeded.departments, seeded.units, seeded.evaluations, seeded.users) == (3, 23, 23, 1 + 10 + 3 + 46)
    roles = {role: User.objects.filter(role=role).count() for role in Role.values}
    assert roles == {"preparer": 23, "unit_head": 23, "department_reviewer": 3, "finance_reviewer": 10, "admin": 1}
    assert User.objects.get(username="p00009").organisation.name == "区政府办公室机关"
    assert User.objects.get(username="d03").organisation == departments[2]
    assert User.objects.get(username="h00023").check_password(PASSWORD)

    evaluations = Evaluation.objects.filter(task=seeded.task)
    assert evaluations.count() == 23 and set(evaluations.values_list("year", flat=True)) == {2023}
    stored = dict(evaluations.values_list("status").annotate(count=Count("id")).order_by())
    assert stored == seeded.statuses == {"draft": 11, "returned": 1, "submitted": 5, "department_review": 2,
                                         "department_passed": 2, "finance_review": 1, "approved": 1}
    first = evaluations.get(unit__name="区委办公室机关")
    assert first.data["unit"]["name"] == "区委办公室机关" and first.data["template"] == "yueyanglou-2024"
    assert first.score and first.grade and first.error_count > 0
    # Figures vary from unit to unit: not one example copied 23 times.
    assert len({e.data["self_assessment"]["funds"]["full_year_budget"] for e in evaluations}) > 15
    assert seeded.preparers(Status.RETURNED) == ["p00009"]


def test_names_are_unique_within_their_parent_and_run_on_past_the_lists() -> None:
    names = unit_names("区教育局", 30)
    assert names[:2] == ["区教育局机关", "区教育局综合服务中心"] and names[12] == "区教育局第2机关"
    assert len(set(names)) == 30
    assert department_names(42)[39:] == ["区残疾人联合会", "区直属第41部门", "区直属第42部门"]
