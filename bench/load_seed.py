"""The load benchmark's world: one region, its departments, thousands of units with a 2023
evaluation each, and users in every role, written with ``bulk_create`` in a few seconds.

Every evaluation is the real 洞庭新城 2023 example (``examples/dongting-2023.yaml``) with varied
figures (``bench_core.variants``: every amount scaled by the unit's own factor, a few mistyped,
new 自评得分), scored and checked by the same :func:`analyse` as a save, so lists show real
scores, grades and counts. Statuses follow the middle of a season: most units still drafting,
some submitted, some under review, a few returned or approved.

Accounts (one password for all, hashed once with the site's own hasher):
``p00001``… the preparer (单位填报人) and ``h00001``… the head (单位负责人) of each unit, in unit
order; ``d01``… the 主管部门审核人 of each department; ``f01``… the region's 财政审核人;
``admin``.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction

from bench_core import variants
from jixiao.io.load import load_evaluation
from jixiao.web.accounts.models import Organisation, OrgKind, Role, User
from jixiao.web.evaluations.analysis import analyse
from jixiao.web.evaluations.models import Evaluation, Status, Task
from jixiao.web.evaluations.services import summarise

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "dongting-2023.yaml"
PASSWORD = "Bench-Load-2026"
REGION = "岳阳楼区"
YEAR = 2023
FINANCE_REVIEWERS = 10
BATCH = 500

DEPARTMENTS = (
    "区委办公室", "区政府办公室", "区委组织部", "区委宣传部", "区委统战部", "区委政法委员会",
    "区纪委监委", "区人大常委会办公室", "区政协办公室", "区发展和改革局", "区教育局", "区科学技术局",
    "区工业和信息化局", "区公安分局", "区民政局", "区司法局", "区人力资源和社会保障局",
    "区自然资源分局", "区生态环境分局", "区住房和城乡建设局", "区城市管理和综合执法局",
    "区交通运输局", "区农业农村局", "区水利局", "区商务局", "区文化旅游广电体育局",
    "区卫生健康局", "区退役军人事务局", "区应急管理局", "区审计局", "区市场监督管理局",
    "区统计局", "区医疗保障局", "区林业局", "区信访局", "区机关事务服务中心", "区总工会",
    "共青团区委", "区妇女联合会", "区残疾人联合会",
)
"""Forty 主管部门 of a 区 (more are numbered on)."""

UNIT_KINDS = (
    "机关", "综合服务中心", "事务中心", "信息中心", "执法大队", "培训中心", "监测站", "管理所",
    "档案室", "后勤服务中心", "项目办", "指导站",
)
"""What a 主管部门's 预算单位 are called: its own 机关 first, then its centres and stations."""

STATUS_CYCLE = (
    (Status.DRAFT, 8), (Status.RETURNED, 1), (Status.SUBMITTED, 5), (Status.DEPARTMENT_REVIEW, 2),
    (Status.DEPARTMENT_PASSED, 2), (Status.FINANCE_REVIEW, 1), (Status.APPROVED, 1),
)
"""Statuses in the middle of a season, as shares of every twenty units."""


@dataclass(frozen=True)
class Seeded:
    """What :func:`seed` wrote: counts, the task, and the accounts to sign in with."""

    region: Organisation
    task: Task
    departments: int
    units: int
    evaluations: int
    users: int
    statuses: dict[str, int]

    def preparers(self, status: Status) -> list[str]:
        """The preparers whose unit's evaluation has ``status``, in unit order."""
        return list(
            User.objects.filter(role=Role.PREPARER, organisation__evaluations__task=self.task,
                                organisation__evaluations__status=status)
            .order_by("organisation__path")
            .values_list("username", flat=True)
        )


def department_names(count: int) -> list[str]:
    """``count`` department names: the forty of :data:`DEPARTMENTS`, then numbered ones."""
    return [DEPARTMENTS[i] if i < len(DEPARTMENTS) else f"区直属第{i + 1}部门" for i in range(count)]


def unit_names(department: str, count: int) -> list[str]:
    """``count`` unit names under ``department``, unique within it."""
    names = []
    for index in range(count):
        kind = UNIT_KINDS[index % len(UNIT_KINDS)]
        turn = index // len(UNIT_KINDS)
        names.append(f"{department}{kind}" if turn == 0 else f"{department}第{turn + 1}{kind}")
    return names


def status_of(index: int) -> Status:
    """The status of the ``index``-th unit's evaluation: :data:`STATUS_CYCLE` repeated."""
    cycle = [status for status, share in STATUS_CYCLE for _ in range(share)]
    return cycle[index % len(cycle)]


@transaction.atomic
def seed(units: int = 5000, departments: int = 40, seed_number: int = 2023) -> Seeded:
    """Write the world into the (empty, migrated) database of the current settings."""
    region = Organisation.objects.create(name=REGION, kind=OrgKind.REGION)
    heads = _tree(region, [(name, OrgKind.DEPARTMENT) for name in department_names(departments)])
    shares = [units // departments + (1 if i < units % departments else 0) for i in range(departments)]
    unit_rows = _tree_under(heads, [unit_names(head.name, share)
                                    for head, share in zip(heads, shares, strict=True)])
    password = make_password(PASSWORD)
    admin = User(username="admin", role=Role.ADMIN, organisation=region, full_name="管理员",
                 is_staff=True, is_superuser=True, password=password)
    finance = [User(username=f"f{i + 1:02d}", role=Role.FINANCE_REVIEWER, organisation=region,
                    full_name=f"财政审核人{i + 1}", password=password) for i in range(FINANCE_REVIEWERS)]
    reviewers = [User(username=f"d{i + 1:02d}", role=Role.DEPARTMENT_REVIEWER, organisation=head,
                      full_name=f"{head.name}审核人", password=password) for i, head in enumerate(heads)]
    preparers = [User(username=f"p{i + 1:05d}", role=Role.PREPARER, organisation=unit,
                      full_name=f"{unit.name}填报人", password=password) for i, unit in enumerate(unit_rows)]
    unit_heads = [User(username=f"h{i + 1:05d}", role=Role.UNIT_HEAD, organisation=unit,
                       full_name=f"{unit.name}负责人", password=password) for i, unit in enumerate(unit_rows)]
    everyone = [admin, *finance, *reviewers, *preparers, *unit_heads]
    User.objects.bulk_create(everyone, batch_size=BATCH)
    task = Task.objects.create(scope=region, year=YEAR, title=f"{YEAR} 年度单位整体支出绩效自评",
                               template="yueyanglou-2024", profile="yueyanglou-2024",
                               deadline=date(YEAR + 1, 4, 30), created_by=finance[0])
    example = load_evaluation(EXAMPLE).evaluation
    statuses: dict[str, int] = {}
    for start in range(0, len(unit_rows), BATCH):
        chunk = list(zip(unit_rows[start:start + BATCH], preparers[start:start + BATCH], strict=True))
        datas = variants(example, len(chunk), seed_number + start)
        rows = []
        for offset, ((unit, preparer), data) in enumerate(zip(chunk, datas, strict=True)):
            data["unit"]["name"] = unit.name
            data["title"] = f"{YEAR} 年度{unit.name}单位整体支出绩效自评报告"
            status = status_of(start + offset)
            statuses[status] = statuses.get(status, 0) + 1
            evaluation = Evaluation(task=task, unit=unit, year=YEAR, data=data, status=status,
                                    updated_by=preparer)
            summarise(evaluation, analyse(data))
            rows.append(evaluation)
        Evaluation.objects.bulk_create(rows)
    return Seeded(region, task, departments, len(unit_rows), len(unit_rows), len(everyone), statuses)


def _tree(parent: Organisation, children: list[tuple[str, OrgKind]]) -> list[Organisation]:
    """``children`` created under ``parent`` in one insert, their paths set in one update."""
    made = Organisation.objects.bulk_create(
        [Organisation(name=name, kind=kind, parent=parent) for name, kind in children], batch_size=BATCH
    )
    for organisation in made:
        organisation.path = f"{parent.path}{organisation.pk}/"
    Organisation.objects.bulk_update(made, ["path"], batch_size=BATCH)
    return made


def _tree_under(parents: list[Organisation], names: list[list[str]]) -> list[Organisation]:
    """Units under each parent, in parent order."""
    return list(itertools.chain.from_iterable(
        _tree(parent, [(name, OrgKind.UNIT) for name in group])
        for parent, group in zip(parents, names, strict=True)
    ))


def refresh_statistics() -> None:
    """PostgreSQL's planner statistics brought up to date, as after any bulk load (call it after
    :func:`seed` has committed): without them the planner takes the fresh tables for empty and
    joins 5,000 evaluations to 5,000 units row by row (a second a query, measured) until
    autovacuum gets round to them."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
