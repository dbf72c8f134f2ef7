"""The authorisation matrix: every URL × role × own / other unit → the expected status.

Rows are evaluations by whose they are: ``own`` (洞庭新城, the preparers' unit), ``other``
(another unit of the same region), ``dept`` (a unit under 区教育局) and ``foreign`` (a unit of
another region). A user who may not see an evaluation gets 404 (its existence is not
disclosed); one who may see it but not act gets 403.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from jixiao.web.evaluations.models import Job, JobKind
from web.conftest import World, client_for

ROLES = ("anonymous", "preparer", "head", "other_preparer", "department_reviewer", "finance_reviewer",
         "foreign_reviewer", "admin")
TARGETS = ("own", "other", "dept", "foreign")

# Who may see which evaluation.
SEES = {
    "anonymous": set(),
    "preparer": {"own"},
    "head": {"own"},
    "other_preparer": {"other"},
    "department_reviewer": {"dept"},
    "finance_reviewer": {"own", "other", "dept"},
    "foreign_reviewer": {"foreign"},
    "admin": {"own", "other", "dept", "foreign"},
}
UNIT_USERS = {"preparer": "own", "head": "own", "other_preparer": "other"}
REVIEWS = {"department_reviewer": {"dept"}, "finance_reviewer": {"own", "other", "dept"},
           "foreign_reviewer": {"foreign"}}


def _expected(role: str, target: str, may_act: bool, success: int) -> int:
    if role == "anonymous":
        return 302  # to the login page
    if target not in SEES[role]:
        return 404
    return success if may_act else 403


def _unit_user_of(role: str, target: str) -> bool:
    return UNIT_USERS.get(role) == target


def _reviewer_of(role: str, target: str) -> bool:
    return target in REVIEWS.get(role, set())


# (url name, method, data, who may act, status on success)
EVALUATION_URLS = [
    ("editor", "get", {}, lambda role, target: True, 200),
    ("history", "get", {}, lambda role, target: True, 200),
    ("review", "get", {}, lambda role, target: True, 200),
    ("preview", "post", {"_version": "1"}, _unit_user_of, 200),
    ("rows", "post", {"_version": "1", "_action": "add:unit.functions"}, _unit_user_of, 200),
    ("save", "post", {"_version": "1"}, _unit_user_of, 302),
    ("render", "post", {"format": "docx"}, lambda role, target: True, 302),
    ("verdict", "post", {"fingerprint": "x", "verdict": "confirmed"}, _reviewer_of, 302),
    ("rescore", "post", {"path": "x", "score": "1", "reason": "r"}, _reviewer_of, 302),
]
STEP_URLS = [
    ("submit", _unit_user_of),
    ("withdraw", _unit_user_of),
    ("finance_start", lambda role, target: (role == "finance_reviewer" and target != "foreign") or
     (role == "foreign_reviewer" and target == "foreign")),
    ("approve", lambda role, target: (role == "finance_reviewer" and target != "foreign") or
     (role == "foreign_reviewer" and target == "foreign")),
    ("return", _reviewer_of),
]


def _client(world: World, role: str) -> Client:
    return Client() if role == "anonymous" else client_for(world.users[role])


def _evaluation(world: World, target: str) -> int:
    return {"own": world.own, "other": world.other, "dept": world.in_department, "foreign": world.foreign}[target].pk


@pytest.mark.parametrize("role", ROLES)
def test_evaluation_urls(world: World, role: str, django_capture_on_commit_callbacks: object) -> None:
    client = _client(world, role)
    observed, expected = {}, {}
    for name, method, data, may_act, success in EVALUATION_URLS:
        for target in TARGETS:
            url = reverse(name, args=[_evaluation(world, target)])
            response = getattr(client, method)(url, data)
            observed[(name, target)] = response.status_code
            expected[(name, target)] = _expected(role, target, may_act(role, target), success)
    for step, may_act in STEP_URLS:
        for target in TARGETS:
            url = reverse("step", args=[_evaluation(world, target), step])
            observed[(step, target)] = client.post(url).status_code
            expected[(step, target)] = _expected(role, target, may_act(role, target), 302)
    assert observed == expected


@pytest.mark.parametrize(("role", "status"), [
    ("anonymous", 302), ("preparer", 403), ("head", 403), ("other_preparer", 403),
    ("department_reviewer", 403), ("finance_reviewer", 200), ("foreign_reviewer", 200), ("admin", 200)])
def test_task_page(world: World, role: str, status: int) -> None:
    assert _client(world, role).get(reverse("tasks")).status_code == status


@pytest.mark.parametrize(("role", "status"), [
    ("anonymous", 302), ("preparer", 404), ("head", 404), ("other_preparer", 404),
    ("department_reviewer", 404), ("finance_reviewer", 302), ("foreign_reviewer", 404), ("admin", 302)])
def test_only_the_bureau_cancels_a_task(world: World, role: str, status: int) -> None:
    assert _client(world, role).post(reverse("cancel_task", args=[world.task.pk])).status_code == status


@pytest.mark.parametrize("role", ROLES)
def test_a_job_is_its_owner_s_only(world: World, role: str) -> None:
    job = Job.objects.create(kind=JobKind.RENDER, evaluation=world.own, user=world.users["preparer"], format="docx")
    expected = {"anonymous": 302, "preparer": 200}.get(role, 404)
    assert _client(world, role).get(reverse("job", args=[job.pk])).status_code == expected
    assert _client(world, role).get(reverse("download", args=[job.pk])).status_code == (
        302 if role == "anonymous" else 404)  # nothing rendered yet, and nobody else's


@pytest.mark.parametrize("role", ROLES)
def test_the_list_shows_only_what_the_user_may_see(world: World, role: str) -> None:
    response = _client(world, role).get(reverse("home"))
    if role == "anonymous":
        assert response.status_code == 302
        return
    listed = {evaluation.pk for evaluation in response.context["page"]}
    assert listed == {_evaluation(world, target) for target in SEES[role]}


@pytest.mark.parametrize(("role", "status"), [
    ("anonymous", 302), ("preparer", 302), ("finance_reviewer", 302), ("admin", 200)])
def test_the_admin_is_for_the_administrator(world: World, role: str, status: int) -> None:
    world.users["admin"].is_staff = True
    world.users["admin"].is_superuser = True
    world.users["admin"].save()
    assert _client(world, role).get("/admin/").status_code == status
