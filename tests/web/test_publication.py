"""Publication: only the 财政局 publishes, only from 已审核; the public page lists published
reports with their key figures and PDFs, and nothing else has an address under /public/;
the region-and-year zip; one evaluation's data as the CLI's workbook and YAML."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from django.test import Client
from django.urls import URLPattern, get_resolver, reverse

from jixiao.io.load import load_evaluation
from jixiao.web.evaluations.jobs import render_job
from jixiao.web.evaluations.models import Evaluation, Status
from jixiao.web.evaluations.services import ActionRefused
from jixiao.web.publication.models import Publication
from jixiao.web.review.models import Transition
from jixiao.web.review.services import take_step
from web.conftest import World, client_for


def _approve(world: World, evaluation: Evaluation) -> None:
    Evaluation.objects.filter(pk=evaluation.pk).update(status=Status.APPROVED)


def _publish(world: World, evaluation: Evaluation, *, render: bool = False,
             by: str = "finance_reviewer") -> Publication:
    _approve(world, evaluation)
    take_step(evaluation.pk, "publish", world.users[by])
    publication = Publication.objects.get(evaluation=evaluation)
    if render:
        render_job(publication.render_id)  # what the worker does, here in this process
        publication.refresh_from_db()
    return publication


def test_only_the_bureau_publishes_and_only_an_approved_evaluation(world: World) -> None:
    with pytest.raises(ActionRefused, match="自评当前为“草稿”，不能“公开”"):
        take_step(world.own.pk, "publish", world.users["finance_reviewer"])
    _approve(world, world.own)
    for role in ("preparer", "head", "department_reviewer", "foreign_reviewer"):
        with pytest.raises(ActionRefused, match="您无权对此自评执行“公开”"):
            take_step(world.own.pk, "publish", world.users[role])
    published = take_step(world.own.pk, "publish", world.users["finance_reviewer"])
    publication = Publication.objects.get(evaluation=world.own)
    assert published.status == Status.PUBLISHED
    assert (publication.unit_name, publication.year, publication.region, publication.score, publication.grade) == (
        "岳阳市洞庭新城项目建设岳阳楼区工作部", 2023, world.region, "93.00", "优")
    assert (publication.total_budget, publication.execution_rate) == (Decimal("203.54"), Decimal("100"))
    assert (publication.render.format, publication.render.status) == ("pdf", "queued")
    assert Transition.objects.get(evaluation=world.own, action="publish").to_status == Status.PUBLISHED


def test_unpublish_takes_the_report_off_and_its_address_dies(world: World) -> None:
    publication = _publish(world, world.own)
    with pytest.raises(ActionRefused, match="您无权对此自评执行“撤回公开”"):
        take_step(world.own.pk, "unpublish", world.users["preparer"])
    assert take_step(world.own.pk, "unpublish", world.users["finance_reviewer"]).status == Status.APPROVED
    assert not Publication.objects.exists()
    assert Client().get(reverse("public_detail", args=[publication.token])).status_code == 404
    again = take_step(world.own.pk, "publish", world.users["finance_reviewer"])
    assert again.publication.token != publication.token


def test_the_review_page_offers_publishing_to_the_bureau(world: World) -> None:
    _approve(world, world.own)
    page = client_for(world.users["finance_reviewer"]).get(reverse("review", args=[world.own.pk])).content.decode()
    assert 'data-step="publish">公开</button>' in page
    client_for(world.users["finance_reviewer"]).post(reverse("step", args=[world.own.pk, "publish"]))
    assert Evaluation.objects.get(pk=world.own.pk).status == Status.PUBLISHED


def _public_urls(token: str, region: int, year: int) -> list[str]:
    """Every URL pattern under /public/, filled in for one report."""
    urls = []
    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLPattern) and str(pattern.pattern).startswith("public/"):
            arguments = [token] if "<str:token>" in str(pattern.pattern) else []
            urls.append(f"{reverse(pattern.name, args=arguments)}?region={region}&year={year}")
    assert len(urls) == 4
    return urls


def test_nothing_unpublished_is_reachable_under_public(world: World) -> None:
    """A draft, an approved evaluation not published, and a published-then-withdrawn one:
    by their ids, their old token, their region and year, every /public/ address says 404,
    and the list does not name them."""
    withdrawn = _publish(world, world.other, render=True)
    take_step(world.other.pk, "unpublish", world.users["finance_reviewer"])
    _approve(world, world.in_department)
    anonymous = Client()
    candidates = [(world.own, str(world.own.pk)), (world.in_department, str(world.in_department.pk)),
                  (world.other, withdrawn.token), (world.other, str(world.other.pk))]
    for evaluation, token in candidates:
        for url in _public_urls(token, world.region.pk, 2023):
            response = anonymous.get(url)
            if url.startswith(reverse("public") + "?"):
                assert response.status_code == 200
                assert evaluation.unit.name not in response.content.decode(), url
                assert "没有符合条件的公开报告。" in response.content.decode()
            else:
                assert response.status_code == 404, url


def test_the_public_list_shows_published_reports_with_figures_and_pdf(world: World) -> None:
    publication = _publish(world, world.own, render=True)
    _approve(world, world.other)  # approved, not published: not listed
    page = Client().get(reverse("public"), {"region": world.region.pk, "year": 2023, "unit": "洞庭"})
    html = page.content.decode()
    assert page.status_code == 200
    assert "岳阳市洞庭新城项目建设岳阳楼区工作部" in html and "城陵矶新港区党群工作部" not in html
    assert '<td class="num">203.54</td>' in html and '<td class="num">100.00%</td>' in html
    assert '<td class="num">93.00</td><td>优</td>' in html
    assert f'href="/public/{publication.token}/report.pdf"' in html
    assert "/evaluations/" not in html and "/login/" not in html  # no way into the system from here
    assert "共 1 份报告" in html
    other_year = Client().get(reverse("public"), {"year": 2022}).content.decode()
    assert "没有符合条件的公开报告。" in other_year
    pdf = Client().get(reverse("public_pdf", args=[publication.token]))
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content)[:5] == b"%PDF-"
    assert "filename*=utf-8''%E5%B2%B3" in pdf["Content-Disposition"]


def test_the_zip_holds_every_published_pdf_of_the_region_and_year(world: World) -> None:
    world.other_unit.name = "../党群/工作部:"
    world.other_unit.save()
    own = _publish(world, world.own, render=True)
    other = _publish(world, world.other, render=True)
    _publish(world, world.foreign, by="foreign_reviewer")  # another region: not in this zip
    response = Client().get(reverse("public_archive"), {"region": world.region.pk, "year": 2023})
    assert response.status_code == 200 and response.streaming
    assert "filename*=utf-8''" in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert archive.testzip() is None
    assert sorted(archive.namelist()) == ["_党群_工作部_2023年度自评报告.pdf", "岳阳市洞庭新城项目建设岳阳楼区工作部2023年度自评报告.pdf"]
    assert archive.read("岳阳市洞庭新城项目建设岳阳楼区工作部2023年度自评报告.pdf") == own.pdf.read_bytes()
    assert archive.read("_党群_工作部_2023年度自评报告.pdf") == other.pdf.read_bytes()
    assert Client().get(reverse("public_archive"), {"region": world.region.pk, "year": 2022}).status_code == 404


def test_one_evaluation_exports_as_the_clis_workbook_and_yaml(world: World, tmp_path) -> None:
    client = client_for(world.users["preparer"])
    response = client.get(reverse("export_yaml", args=[world.own.pk]))
    assert response["Content-Disposition"].startswith("attachment; filename*=utf-8''2023")
    exported = tmp_path / "export.yaml"
    exported.write_bytes(response.content)
    loaded = load_evaluation(exported).evaluation
    assert (loaded.unit.name, loaded.self_assessment.stated_total_score.written) == (
        "岳阳市洞庭新城项目建设岳阳楼区工作部", "99")
    assert loaded.self_assessment.funds.full_year_budget.written == "203.54"
    workbook = client.get(reverse("export_workbook", args=[world.own.pk]))
    book = openpyxl.load_workbook(io.BytesIO(workbook.content))
    assert book.sheetnames[0] == "说明"
    (tmp_path / "export.xlsx").write_bytes(workbook.content)
    again = load_evaluation(tmp_path / "export.xlsx").evaluation
    assert again == loaded
    # Only those who may see the evaluation.
    assert client_for(world.users["other_preparer"]).get(reverse("export_yaml", args=[world.own.pk])).status_code == 404
    assert client_for(world.users["foreign_reviewer"]).get(
        reverse("export_workbook", args=[world.own.pk])).status_code == 404
