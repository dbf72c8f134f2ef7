"""A small world for the web tests: one region with a department and three units, one
account per role, a task and the real 洞庭新城 evaluation."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from django.test import Client

from jixiao.io.load import read_evaluation_data
from jixiao.web.accounts.models import Organisation, OrgKind, Role, User
from jixiao.web.evaluations import paths
from jixiao.web.evaluations.analysis import analyse
from jixiao.web.evaluations.models import Evaluation, Task
from jixiao.web.evaluations.services import summarise

PASSWORD = "Test-Password-2026"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def example_data(name: str = "dongting-2023.yaml") -> dict:
    _, raw, _ = read_evaluation_data(EXAMPLES / name)
    return paths.plain(raw)


@dataclass
class World:
    region: Organisation
    department: Organisation
    own_unit: Organisation
    other_unit: Organisation
    department_unit: Organisation
    other_region_unit: Organisation
    users: dict[str, User]
    task: Task
    own: Evaluation
    other: Evaluation
    in_department: Evaluation
    foreign: Evaluation


def _user(name: str, role: Role, organisation: Organisation) -> User:
    user = User(username=name, role=role, organisation=organisation, full_name=name)
    user.set_password(PASSWORD)
    user.save()
    return user


def _evaluation(task: Task, unit: Organisation, data: dict) -> Evaluation:
    evaluation = Evaluation(task=task, unit=unit, year=task.year, data=data)
    summarise(evaluation, analyse(data))
    evaluation.save()
    return evaluation


@pytest.fixture
def world(db: None) -> World:
    region = Organisation.objects.create(name="岳阳楼区", kind=OrgKind.REGION)
    department = Organisation.objects.create(name="区教育局", kind=OrgKind.DEPARTMENT, parent=region)
    own_unit = Organisation.objects.create(name="岳阳市洞庭新城项目建设岳阳楼区工作部", kind=OrgKind.UNIT, parent=region)
    other_unit = Organisation.objects.create(name="城陵矶新港区党群工作部", kind=OrgKind.UNIT, parent=region)
    department_unit = Organisation.objects.create(name="区第一中学", kind=OrgKind.UNIT, parent=department)
    other_region = Organisation.objects.create(name="鼎城区", kind=OrgKind.REGION)
    other_region_unit = Organisation.objects.create(name="鼎城区人民政府办公室", kind=OrgKind.UNIT, parent=other_region)
    users = {
        "preparer": _user("tianbao", Role.PREPARER, own_unit),
        "head": _user("fuzeren", Role.UNIT_HEAD, own_unit),
        "other_preparer": _user("other", Role.PREPARER, other_unit),
        "department_reviewer": _user("bumen", Role.DEPARTMENT_REVIEWER, department),
        "finance_reviewer": _user("shenhe", Role.FINANCE_REVIEWER, region),
        "foreign_reviewer": _user("dingcheng", Role.FINANCE_REVIEWER, other_region),
        "admin": _user("admin", Role.ADMIN, region),
    }
    task = Task.objects.create(scope=region, year=2023, title="2023 年度整体支出绩效自评", template="yueyanglou-2024",
                               profile="yueyanglou-2024", deadline=date(2024, 4, 30), created_by=users["finance_reviewer"])
    foreign_task = Task.objects.create(scope=other_region, year=2023, title="鼎城区 2023", template="yueyanglou-2024",
                                       profile="yueyanglou-2024", deadline=date(2024, 4, 30),
                                       created_by=users["foreign_reviewer"])
    data = example_data()
    return World(region, department, own_unit, other_unit, department_unit, other_region_unit, users, task,
                 _evaluation(task, own_unit, data), _evaluation(task, other_unit, data),
                 _evaluation(task, department_unit, data), _evaluation(foreign_task, other_region_unit, data))


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def queued_uploads_removed() -> Iterator[None]:
    """Uploads a test queues but no worker reads (the commit that would send them never comes
    inside a test's transaction) are removed, so a later test finds its own files only."""
    from jixiao.web.evaluations.jobs import files_dir

    before = set(files_dir("incoming").iterdir())
    yield
    for left in set(files_dir("incoming").iterdir()) - before:
        left.unlink()


BROKER = "redis://127.0.0.1:6379/15"
BROKER_PREFIX = f"jixiao-test-{uuid.uuid4().hex}:"
"""Keys of this run's own: other runs on the same Redis must not take its tasks (one prefix for
the whole run: the producer's pooled connection keeps the settings it was first made with)."""


def redis_up() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(BROKER, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.fixture(scope="module")
def worker() -> Iterator[None]:
    """A Celery worker (a thread of the test process) on the real broker, for one module."""
    from celery.contrib.testing.worker import start_worker

    from jixiao.web.celery_app import app

    app.conf.broker_url = BROKER
    app.conf.broker_transport_options = {"global_keyprefix": BROKER_PREFIX}
    with start_worker(app, perform_ping_check=False, shutdown_timeout=30):
        yield
