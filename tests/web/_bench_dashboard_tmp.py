"""Ad hoc: the dashboard with 5,000 evaluations (not committed)."""
import statistics
import time
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jixiao.web.accounts.models import Organisation, OrgKind
from jixiao.web.evaluations.models import Evaluation, Status
from web.conftest import World, client_for, example_data

pytestmark = pytest.mark.django_db


def test_bench(world: World) -> None:
    data = example_data()
    dept = world.department
    orgs = []
    for n in range(5000):
        orgs.append(Organisation(name=f"单位{n:04d}", kind=OrgKind.UNIT, parent=world.region if n % 3 else dept,
                                 path=""))
    Organisation.objects.bulk_create(orgs)
    for org in Organisation.objects.filter(path=""):
        org.path = f"{org.parent.path}{org.pk}/"
    Organisation.objects.bulk_update(list(Organisation.objects.filter(path="").select_related("parent")
                                          .all()), ["path"]) if False else None
    units = list(Organisation.objects.filter(path="").select_related("parent"))
    for org in units:
        org.path = f"{org.parent.path}{org.pk}/"
    Organisation.objects.bulk_update(units, ["path"], batch_size=500)
    statuses = Status.values
    alerts = [{"id": "execution-low", "version": 1, "name": "执行率偏低", "severity": "yellow", "message": "预算执行率 50%，低于 80%"}]
    Evaluation.objects.bulk_create([
        Evaluation(task=world.task, unit=org, year=2023, data=data, status=statuses[i % len(statuses)],
                   score=f"{60 + i % 40}.00", score_value=Decimal(60 + i % 40), grade="优良中差"[i % 4],
                   execution_rate=Decimal(50 + i % 60), three_public=Decimal(10), three_public_prior=Decimal(9),
                   three_public_change=Decimal(i % 30) - 15, alert_count=i % 3, red_alert_count=i % 2,
                   alert_ids="|execution-low|" if i % 3 else "", alerts=alerts if i % 3 else [],
                   error_count=i % 5, warning_count=i % 7)
        for i, org in enumerate(units)], batch_size=500)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE")
    client = client_for(world.users["finance_reviewer"])
    for url in ["/dashboard/", "/dashboard/?sort=-rate&page=40", "/dashboard/?alert=red&sort=score",
                "/dashboard/?q=单位12", f"/dashboard/?org={dept.pk}&sort=-three_public"]:
        times = []
        for _ in range(12):
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
        with CaptureQueriesContext(connection) as q:
            client.get(url)
        print(f"{url}: median {statistics.median(times):.0f} ms, max {max(times):.0f} ms, {len(q)} queries, {len(response.content)//1024} KB")
        if url == "/dashboard/":
            for query in sorted(q.captured_queries, key=lambda x: -float(x["time"]))[:5]:
                print("   ", query["time"], query["sql"][:150])
    start = time.perf_counter()
    response = client.get("/dashboard/export.xlsx")
    print(f"export: {(time.perf_counter() - start) * 1000:.0f} ms, {len(response.content)//1024} KB")
