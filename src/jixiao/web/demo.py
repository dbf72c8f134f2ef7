"""The demonstration region: 岳阳楼区 with two real units, their evaluations (from
``examples/``; 党群工作部's 2021 one approved and published, its PDF rendered by the worker), a
few clearly labelled 【演示】 units for the 汇总分析 page (:mod:`jixiao.web.demo_units`) and one
account per role. Loading it twice changes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction

from jixiao.io.load import read_evaluation_data
from jixiao.web.accounts.models import Organisation, OrgKind, Role, User
from jixiao.web.demo_units import DEPARTMENT, load_demo_units
from jixiao.web.evaluations import paths
from jixiao.web.evaluations.analysis import analyse
from jixiao.web.evaluations.models import Evaluation, Status, Task
from jixiao.web.evaluations.services import summarise
from jixiao.web.review.services import take_step

PASSWORD = "Jixiao-Demo-2026"
REGION = "岳阳楼区"
DONGTING = "岳阳市洞庭新城项目建设岳阳楼区工作部"
DANGQUN = "城陵矶新港区党群工作部"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: Role
    organisation: str
    full_name: str


ACCOUNTS = (
    DemoAccount("tianbao", Role.PREPARER, DONGTING, "填报人（洞庭新城）"),
    DemoAccount("fuzeren", Role.UNIT_HEAD, DONGTING, "负责人（洞庭新城）"),
    DemoAccount("shenhe", Role.FINANCE_REVIEWER, REGION, "财政审核人（岳阳楼区）"),
    DemoAccount("bumen", Role.DEPARTMENT_REVIEWER, DEPARTMENT, "主管部门审核人（演示教育局）"),
    DemoAccount("admin", Role.ADMIN, REGION, "管理员"),
)


def examples_dir() -> Path:
    """``examples/`` of the source tree (the demo runs from a checkout)."""
    return Path(__file__).resolve().parents[3] / "examples"


@transaction.atomic
def load_demo() -> list[DemoAccount]:
    region = _organisation(REGION, OrgKind.REGION, None)
    units = {name: _organisation(name, OrgKind.UNIT, region) for name in (DONGTING, DANGQUN)}
    units[DEPARTMENT] = _organisation(DEPARTMENT, OrgKind.DEPARTMENT, region)
    for account in ACCOUNTS:
        if not User.objects.filter(username=account.username).exists():
            user = User(
                username=account.username,
                role=account.role,
                full_name=account.full_name,
                organisation=region if account.organisation == REGION else units[account.organisation],
                is_staff=account.role == Role.ADMIN,
                is_superuser=account.role == Role.ADMIN,
            )
            user.set_password(PASSWORD)
            user.save()
    issuer = User.objects.get(username="shenhe")
    for year, template, profile in (
        (2021, "yueyang-finance-2021", "national-2020"),
        (2023, "yueyanglou-2024", "yueyanglou-2024"),
        (2024, "yueyanglou-2024", "yueyanglou-2024"),
    ):
        Task.objects.get_or_create(
            scope=region,
            year=year,
            defaults={
                "title": f"{year} 年度部门整体支出绩效自评",
                "template": template,
                "profile": profile,
                "deadline": date(year + 1, 4, 30),
                "created_by": issuer,
            },
        )
    _evaluation(units[DONGTING], 2023, "dongting-2023.yaml", issuer)
    published = _evaluation(units[DANGQUN], 2021, "chenglingji-dangqun-2021.yaml", issuer)
    if published is not None:
        _publish(published, issuer)
    load_demo_units(units[DEPARTMENT], _example("dongting-2023.yaml"))
    return list(ACCOUNTS)


def _organisation(name: str, kind: OrgKind, parent: Organisation | None) -> Organisation:
    found = Organisation.objects.filter(name=name, parent=parent).first()
    return found or Organisation.objects.create(name=name, kind=kind, parent=parent)


def _evaluation(unit: Organisation, year: int, example: str, by: User) -> Evaluation | None:
    """The unit's evaluation from the example, unless it is there already (then ``None``)."""
    task = Task.objects.get(scope=unit.parent, year=year)
    if Evaluation.objects.filter(task=task, unit=unit).exists():
        return None
    data = _example(example)
    evaluation = Evaluation(task=task, unit=unit, year=year, data=data, updated_by=by)
    summarise(evaluation, analyse(data))
    evaluation.save()
    return evaluation


def _publish(evaluation: Evaluation, by: User) -> None:
    """Approved as the paper report was, then published: the PDF is left to the worker, so
    the demo starts at once."""
    evaluation.status = Status.APPROVED
    evaluation.save(update_fields=["status"])
    take_step(evaluation.pk, "publish", by)


def _example(name: str) -> dict[str, Any]:
    _, raw, _ = read_evaluation_data(examples_dir() / name)
    return paths.plain(raw)
