"""汇总分析: who may see which units, filters, sorting, paging, the Excel export, one unit across
years, and the stored figures and 预警 they all read."""

from __future__ import annotations

import io
import json
import re
from decimal import Decimal
from html import unescape

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jixiao.web.accounts.models import Organisation, OrgKind
from jixiao.web.evaluations.analysis import analyse
from jixiao.web.evaluations.models import Evaluation, Status
from jixiao.web.evaluations.services import summarise
from web.conftest import World, client_for, example_data

pytestmark = pytest.mark.django_db


def rows_of(html: str) -> list[str]:
    """The unit names of the dashboard table, in order."""
    body = html.split('id="dashboard-table"', 1)[1].split("</table>", 1)[0]
    return [unescape(name) for name in re.findall(r'<tr data-unit="\d+">\s*<td><a href="[^"]+">([^<]+)</a>', body)]


def chart_data(html: str) -> dict:
    text = html.split('<script id="dashboard-data" type="application/json">', 1)[1].split("</script>", 1)[0]
    return json.loads(text)


def add_unit(world: World, name: str, *, rate: str, score_change: dict | None = None,
             status: Status = Status.SUBMITTED, three_public: tuple[str, str] | None = None) -> Evaluation:
    """A unit under the region with the 洞庭新城 data at another 执行率 (and 三公经费)."""
    unit = Organisation.objects.create(name=name, kind=OrgKind.UNIT, parent=world.region)
    data = example_data()
    data["unit"]["name"] = name
    funds = data["self_assessment"]["funds"]
    funds["actual"] = str(Decimal(funds["full_year_budget"]) * Decimal(rate) / 100)
    if three_public:
        data["basic_data"]["three_public"]["total"] = {"prior_actual": three_public[0], "actual": three_public[1]}
    evaluation = Evaluation(task=world.task, unit=unit, year=2023, data=data, status=status)
    summarise(evaluation, analyse(data))
    evaluation.save()
    return evaluation


def test_saving_stores_the_cores_figures_and_alerts(world: World) -> None:
    low = add_unit(world, "区园林绿化中心", rate="64", three_public=("6.8", "8.1"))
    assert (low.score, low.score_value, low.grade) == ("89.40", Decimal("89.4000"), "良")
    assert low.execution_rate == Decimal("64.0000")
    assert (low.budget_total, low.actual_total) == (Decimal("203.5400"), Decimal("130.2656"))
    assert (low.three_public, low.three_public_prior) == (Decimal("8.1000"), Decimal("6.8000"))
    assert low.three_public_change == Decimal("19.1176")
    assert (low.alert_count, low.red_alert_count) == (3, 1)
    assert low.alert_ids == "|score-above-execution|execution-low|three-public-up|"
    assert low.alerts[0] == {"id": "score-above-execution", "version": 1, "name": "高分低执行（一体化红色预警）",
                             "severity": "red",
                             "message": "自评得分 89.4 分，比按执行率 64% 折算的 64 分高 25.4 分（超过 5 分即预警）"}
    world.own.refresh_from_db()
    assert (world.own.score_value, world.own.execution_rate, world.own.alert_count) == (Decimal(93), Decimal(100), 0)


def test_a_unit_user_has_no_dashboard(world: World) -> None:
    for role in ("preparer", "head"):
        client = client_for(world.users[role])
        assert client.get("/dashboard/").status_code == 403
        assert client.get("/dashboard/export.xlsx").status_code == 403
        assert "汇总分析" not in client.get("/").content.decode()


def test_a_unit_sees_its_own_years_and_no_other_units(world: World) -> None:
    client = client_for(world.users["preparer"])
    assert client.get(f"/dashboard/units/{world.other_unit.pk}/").status_code == 404
    page = client.get(f"/dashboard/units/{world.own_unit.pk}/")
    assert page.status_code == 200
    assert "岳阳市洞庭新城项目建设岳阳楼区工作部 · 历年自评" in page.content.decode()


def test_a_department_reviewer_sees_their_department_only(world: World) -> None:
    client = client_for(world.users["department_reviewer"])
    page = client.get("/dashboard/")
    assert page.status_code == 200
    assert rows_of(page.content.decode()) == ["区第一中学"]
    assert client.get(f"/dashboard/?org={world.region.pk}").status_code == 404
    assert client.get(f"/dashboard/units/{world.own_unit.pk}/").status_code == 404
    assert client.get(f"/dashboard/units/{world.department_unit.pk}/").status_code == 200


def test_a_finance_reviewer_sees_their_region_and_may_narrow_to_a_department(world: World) -> None:
    client = client_for(world.users["finance_reviewer"])
    html = client.get("/dashboard/").content.decode()
    assert set(rows_of(html)) == {"城陵矶新港区党群工作部", "区第一中学", "岳阳市洞庭新城项目建设岳阳楼区工作部"}
    assert "鼎城区" not in html
    narrowed = client.get(f"/dashboard/?org={world.department.pk}&year=2023").content.decode()
    assert rows_of(narrowed) == ["区第一中学"]
    assert client.get(f"/dashboard/?org={world.other_region_unit.parent_id}").status_code == 404


def test_an_admin_chooses_any_region(world: World) -> None:
    client = client_for(world.users["admin"])
    other_region = world.other_region_unit.parent_id
    assert rows_of(client.get(f"/dashboard/?org={other_region}").content.decode()) == ["鼎城区人民政府办公室"]


@pytest.fixture
def varied(world: World) -> World:
    add_unit(world, "区园林绿化中心", rate="64", three_public=("6.8", "8.1"))
    add_unit(world, "区档案馆", rate="85", status=Status.APPROVED, three_public=("2", "1.5"))
    add_unit(world, "区图书馆", rate="92", status=Status.RETURNED)
    return world


def test_filters_by_status_grade_alert_and_name(varied: World) -> None:
    client = client_for(varied.users["finance_reviewer"])

    def names(query: str) -> set[str]:
        return set(rows_of(client.get(f"/dashboard/?{query}").content.decode()))

    assert names("status=approved") == {"区档案馆"}
    assert names("grade=良") == {"区园林绿化中心"}
    assert names("grade=none") == set()
    assert names("alert=red") == {"区园林绿化中心", "区档案馆"}
    assert names("alert=three-public-up") == {"区园林绿化中心"}
    assert names("alert=none") == {"城陵矶新港区党群工作部", "区图书馆", "区第一中学", "岳阳市洞庭新城项目建设岳阳楼区工作部"}
    assert names("q=档案") == {"区档案馆"}
    assert names("q=区&status=returned") == {"区图书馆"}
    assert names("status=nonsense&alert=<script>") == names("")  # unknown choices filter nothing
    assert len(names("")) == 6


def test_sorts_by_each_column_both_ways(varied: World) -> None:
    client = client_for(varied.users["finance_reviewer"])

    def names(sort: str) -> list[str]:
        return rows_of(client.get(f"/dashboard/?sort={sort}").content.decode())

    full = {"城陵矶新港区党群工作部", "区第一中学", "岳阳市洞庭新城项目建设岳阳楼区工作部"}  # 执行率 100%
    assert names("rate")[:3] == ["区园林绿化中心", "区档案馆", "区图书馆"]
    assert set(names("-rate")[:3]) == full
    assert names("-rate")[3:] == ["区图书馆", "区档案馆", "区园林绿化中心"]
    assert names("score")[:3] == ["区园林绿化中心", "区档案馆", "区图书馆"]
    assert names("-score")[-1] == "区园林绿化中心"
    assert names("-alerts")[:2] == ["区园林绿化中心", "区档案馆"]
    assert names("alerts")[-2:] == ["区档案馆", "区园林绿化中心"]
    assert names("-three_public")[:2] == ["区园林绿化中心", "区档案馆"]
    assert names("three_public")[:2] == ["区档案馆", "区园林绿化中心"]  # empty ones last both ways
    assert names("-status")[:3] == ["区档案馆", "区图书馆", "区园林绿化中心"]  # 已审核, 已退回, 已提交
    assert set(names("status")[:3]) == full  # 草稿
    for key in ("unit", "status", "grade", "errors", "warnings", "updated"):
        assert sorted(names(key)) == sorted(names(f"-{key}")), key
    html = client.get("/dashboard/?sort=-rate").content.decode()
    assert 'data-sort="rate">执行率▼</a>' in html


def test_pages_of_fifty_with_the_filters_kept(world: World) -> None:
    data = example_data()
    template = Evaluation(task=world.task, unit=world.own_unit, year=2023, data=data)
    summarise(template, analyse(data))
    for number in range(60):
        unit = Organisation.objects.create(name=f"测试单位{number:02d}", kind=OrgKind.UNIT, parent=world.region)
        Evaluation.objects.create(task=world.task, unit=unit, year=2023, data={}, score=template.score,
                                  score_value=template.score_value, grade=template.grade,
                                  execution_rate=Decimal(number))
    client = client_for(world.users["finance_reviewer"])
    first = client.get("/dashboard/?q=测试&sort=-rate").content.decode()
    assert rows_of(first)[:2] == ["测试单位59", "测试单位58"]
    assert len(rows_of(first)) == 50
    assert "第 1 / 2 页" in first
    assert f"?org={world.region.pk}&amp;year=2023&amp;q=%E6%B5%8B%E8%AF%95&amp;sort=-rate&amp;page=2" in first
    second = client.get("/dashboard/?q=测试&sort=-rate&page=2").content.decode()
    assert rows_of(second) == [f"测试单位{n:02d}" for n in range(9, -1, -1)]


def test_the_page_costs_the_same_queries_for_3_or_60_units(world: World) -> None:
    client = client_for(world.users["finance_reviewer"])
    client.get("/dashboard/")
    with CaptureQueriesContext(connection) as few:
        client.get("/dashboard/")
    for number in range(60):
        unit = Organisation.objects.create(name=f"测试单位{number:02d}", kind=OrgKind.UNIT, parent=world.region)
        Evaluation.objects.create(task=world.task, unit=unit, year=2023, data={},
                                  alerts=[{"id": "execution-low", "version": 1, "name": "执行率偏低",
                                           "severity": "yellow", "message": "预算执行率 50%，低于 80%"}])
    with CaptureQueriesContext(connection) as many:
        page = client.get("/dashboard/")
    assert page.status_code == 200
    assert len(many) == len(few) <= 15  # 4 of them the session's and the user's
    assert not any('"data"' in query["sql"] for query in many.captured_queries)


def test_chart_data_counts_and_points(varied: World) -> None:
    data = chart_data(client_for(varied.users["finance_reviewer"]).get("/dashboard/").content.decode())
    assert data["grades"] == [{"name": "优", "count": 5}, {"name": "良", "count": 1}, {"name": "中", "count": 0},
                              {"name": "差", "count": 0}, {"name": "未评分", "count": 0}]
    assert [band["count"] for band in data["rates"]] == [0, 1, 0, 1, 1, 0, 3]
    assert data["threePublic"] == [
        {"unit": "区园林绿化中心", "current": "8.1", "prior": "6.8", "change": "19.1176"},
        {"unit": "区档案馆", "current": "1.5", "prior": "2", "change": "-25"}]
    assert {"unit": "区档案馆", "rate": "85", "score": "91.5", "grade": "优"} in data["scatter"]


def test_a_hostile_unit_name_stays_text(world: World) -> None:
    hostile = "<img src=x onerror=alert(1)>"
    add_unit(world, hostile, rate="50", three_public=("1", "2"))
    html = client_for(world.users["finance_reviewer"]).get("/dashboard/").content.decode()
    assert "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "\\u003Cimg src=x onerror=alert(1)\\u003E" in html  # in the charts' JSON
    assert hostile in {point["unit"] for point in chart_data(html)["scatter"]}


def test_the_export_has_every_filtered_row_with_numbers(varied: World) -> None:
    client = client_for(varied.users["finance_reviewer"])
    response = client.get("/dashboard/export.xlsx?alert=any&sort=rate")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "filename*=utf-8''" in response["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == "岳阳楼区 2023 年度绩效自评汇总表"
    headers = [cell.value for cell in sheet[2]]
    assert headers[:8] == ["年度", "预算单位", "主管部门", "状态", "规则得分", "等次", "执行率（%）", "全年预算数（万元）"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=3)]
    assert [row[1] for row in rows] == ["区园林绿化中心", "区档案馆"]
    garden = dict(zip(headers, rows[0], strict=True))
    assert garden["年度"] == 2023 and garden["状态"] == "已提交"
    assert garden["规则得分"] == 89.4 and garden["执行率（%）"] == 64
    assert garden["三公经费变动率（%）"] == pytest.approx(19.1176)
    assert (garden["错误"], garden["红色预警"], garden["预警数"]) == (garden["错误"], 1, 3)
    assert garden["预警"].startswith("高分低执行（一体化红色预警）：自评得分 89.4 分")
    assert sheet.cell(3, 5).number_format == "0.00"
    assert sheet.cell(3, 8).number_format == "#,##0.00"
    assert sheet.cell(3, 8).data_type == "n"


def test_the_export_of_a_department_reviewer_is_their_department(world: World) -> None:
    response = client_for(world.users["department_reviewer"]).get("/dashboard/export.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [row[1].value for row in sheet.iter_rows(min_row=3)] == ["区第一中学"]
    assert sheet.cell(3, 3).value == "区教育局"


def test_one_unit_across_years(world: World) -> None:
    later = world.task
    later.pk = None
    later.year = 2024
    later.save()
    data = example_data()
    data["year"] = 2024
    evaluation = Evaluation(task=later, unit=world.own_unit, year=2024, data=data)
    summarise(evaluation, analyse(data))
    evaluation.save()
    page = client_for(world.users["finance_reviewer"]).get(f"/dashboard/units/{world.own_unit.pk}/")
    html = page.content.decode()
    years = re.findall(r"<tr>\s*<td>(\d{4})</td>", html)
    assert years == ["2024", "2023"]
    trend = json.loads(html.split('<script id="trend-data" type="application/json">', 1)[1].split("</script>")[0])
    assert [(point["year"], point["score"], point["rate"]) for point in trend] == [
        (2023, "93", "100"), (2024, "93", "100")]
    assert f'href="/evaluations/{evaluation.pk}/review/"' in html


@pytest.mark.django_db(transaction=True)
def test_the_migration_fills_the_figures_of_existing_evaluations() -> None:
    from django.db.migrations.executor import MigrationExecutor

    before, after = [("evaluations", "0003_published_status")], [("evaluations", "0004_dashboard_figures")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    apps = executor.loader.project_state(before).apps
    organisation = apps.get_model("accounts", "Organisation").objects.create(name="岳阳楼区", kind="region", path="/1/")
    user = apps.get_model("accounts", "User").objects.create(username="shenhe")
    task = apps.get_model("evaluations", "Task").objects.create(
        scope=organisation, year=2023, title="t", template="yueyanglou-2024", profile="yueyanglou-2024",
        deadline="2024-04-30", created_by=user)
    data = example_data()
    data["self_assessment"]["funds"]["actual"] = "130.2656"
    old = apps.get_model("evaluations", "Evaluation").objects.create(task=task, unit=organisation, year=2023, data=data)
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)
    filled = executor.loader.project_state(after).apps.get_model("evaluations", "Evaluation").objects.get(pk=old.pk)
    assert (filled.score_value, filled.execution_rate, filled.red_alert_count) == (
        Decimal("89.4000"), Decimal("64.0000"), 1)
    assert filled.alert_ids == "|score-above-execution|execution-low|"
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_rectification_status_column_filter_and_export(varied: World) -> None:
    from datetime import date

    from jixiao.web.rectification import services as rectification

    returned = Evaluation.objects.get(unit__name="区图书馆")
    record = rectification.issue(returned, varied.users["finance_reviewer"], text="请补充执行率偏低的原因",
                                 deadline=date(2030, 6, 30))
    client = client_for(varied.users["finance_reviewer"])
    html = client.get("/dashboard/?rectification=notified").content.decode()
    assert rows_of(html) == ["区图书馆"]
    assert f'<a href="/evaluations/{returned.pk}/rectification/" class="status r-notified">待整改</a>' in html
    assert set(rows_of(client.get("/dashboard/?rectification=open").content.decode())) == {"区图书馆"}
    assert "区图书馆" not in rows_of(client.get("/dashboard/?rectification=none").content.decode())
    record.status = "closed"
    record.save()
    assert rows_of(client.get("/dashboard/?rectification=open").content.decode()) == []
    sheet = openpyxl.load_workbook(io.BytesIO(client.get("/dashboard/export.xlsx?rectification=closed").content)).active
    headers = [cell.value for cell in sheet[2]]
    assert dict(zip(headers, [cell.value for cell in sheet[3]], strict=True))["整改"] == "已办结"
