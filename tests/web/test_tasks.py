"""自评任务: the bureau issues and cancels; a unit starts from the task, blank or carried over
from last year's evaluation (its figures become this year's 上年)."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from jixiao.web.evaluations.carry import carried_over
from jixiao.web.evaluations.models import Evaluation, Task, TaskStatus
from web.conftest import World, client_for, example_data


def test_the_bureau_issues_a_task_to_its_region(world: World) -> None:
    client = client_for(world.users["finance_reviewer"])
    response = client.post(reverse("tasks"), {"scope": world.region.pk, "year": 2024, "title": "2024 年度自评",
                                              "template": "yueyanglou-2024", "profile": "yueyanglou-2024",
                                              "deadline": "2025-04-30"})
    assert response.status_code == 302
    task = Task.objects.get(year=2024)
    assert (task.scope, task.created_by, task.status) == (world.region, world.users["finance_reviewer"], TaskStatus.OPEN)


def test_a_task_outside_the_reviewer_s_region_cannot_be_issued(world: World) -> None:
    client = client_for(world.users["foreign_reviewer"])
    response = client.post(reverse("tasks"), {"scope": world.region.pk, "year": 2024, "title": "x",
                                              "template": "yueyanglou-2024", "profile": "yueyanglou-2024",
                                              "deadline": "2025-04-30"})
    assert response.status_code == 200
    assert response.context["form"].errors["scope"] == ["选择一个有效的选项： 该选择不在可用的选项中。"]


def test_a_unit_starts_blank_from_the_task_once(world: World) -> None:
    task = Task.objects.create(scope=world.region, year=2024, title="2024", template="yueyanglou-2024",
                               profile="yueyanglou-2024", deadline=date(2025, 4, 30), created_by=world.users["admin"])
    client = client_for(world.users["preparer"])
    home = client.get(reverse("home"))
    assert [t.title for t, _ in home.context["startable"]] == ["2024"]
    first = client.post(reverse("start", args=[task.pk]))
    second = client.post(reverse("start", args=[task.pk]))
    evaluation = Evaluation.objects.get(task=task)
    assert first.url == second.url == reverse("editor", args=[evaluation.pk])
    assert evaluation.data == {"schema_version": 1, "year": 2024, "template": "yueyanglou-2024",
                               "profile": "yueyanglou-2024", "unit": {"name": "岳阳市洞庭新城项目建设岳阳楼区工作部"}}


def test_a_unit_starts_from_last_year_and_its_figures_become_this_year_s_prior(world: World) -> None:
    task = Task.objects.create(scope=world.region, year=2024, title="2024", template="yueyanglou-2024",
                               profile="yueyanglou-2024", deadline=date(2025, 4, 30), created_by=world.users["admin"])
    client_for(world.users["preparer"]).post(reverse("start", args=[task.pk]), {"carry_from": world.own.pk})
    data = Evaluation.objects.get(task=task).data
    assert data["basic_data"]["public_funds"]["total"] == {"prior_actual": "18.47"}
    assert data["basic_data"]["procurement"] == {"prior_actual": "15.77"}
    assert data["basic_data"]["projects"]["district_special_items"][0] == {"name": "城乡社区支出", "prior_actual": "42.47"}
    assert data["unit"]["staffing"] == {"authorized": 10}
    assert data["unit"]["departments"] == ["综合办公室", "财务统计科", "拆迁征收科", "安置保障科"]
    first = data["self_assessment"]["indicators"][0]
    assert first == {"level1": "产出指标", "level2": "数量指标", "name": "门面回购和置换工作", "nature": "≥",
                     "target": "32户", "weight": 6}


def test_another_unit_s_evaluation_cannot_be_carried_over(world: World) -> None:
    task = Task.objects.create(scope=world.region, year=2024, title="2024", template="yueyanglou-2024",
                               profile="yueyanglou-2024", deadline=date(2025, 4, 30), created_by=world.users["admin"])
    response = client_for(world.users["preparer"]).post(reverse("start", args=[task.pk]), {"carry_from": world.other.pk})
    assert response.status_code == 404
    assert not Evaluation.objects.filter(task=task).exists()


def test_a_cancelled_task_cannot_be_started(world: World) -> None:
    client_for(world.users["finance_reviewer"]).post(reverse("cancel_task", args=[world.task.pk]))
    assert Task.objects.get(pk=world.task.pk).status == TaskStatus.CANCELLED
    response = client_for(world.users["other_preparer"]).post(reverse("start", args=[world.task.pk]))
    assert response.status_code == 404


def test_carrying_over_three_public_lines() -> None:
    previous = example_data() | {"finances": {"three_public_year_on_year": [
        {"name": "公务接待费", "current": "1.20", "prior": "1.50"}]}}
    assert carried_over(previous, 2024, "yueyanglou-2024", "yueyanglou-2024")["finances"] == {
        "three_public_year_on_year": [{"name": "公务接待费", "prior": "1.20"}]}


def _word_template(text: str) -> bytes:
    import io

    from docx import Document

    document = Document()
    document.add_paragraph("财政局自备模板")
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _issue_with_template(world: World, content: bytes) -> object:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client_for(world.users["finance_reviewer"]).post(reverse("tasks"), {
        "scope": world.region.pk, "year": 2024, "title": "2024 年度自评", "template": "yueyanglou-2024",
        "profile": "yueyanglou-2024", "deadline": "2025-04-30",
        "template_file": SimpleUploadedFile("本局模板.docx", content)})


def test_a_template_that_reaches_for_python_is_refused_and_not_kept(world: World) -> None:
    from jixiao.web.evaluations.models import StoredFile

    response = _issue_with_template(world, _word_template("{{ lipsum.__globals__['os'].popen('id').read() }}"))
    assert response.status_code == 200
    assert response.context["form"].errors["template_file"] == [
        "本局模板.docx：Word 模板使用了未知变量“lipsum”，位于第 2 段；可用变量见 `jixiao templates show 模板名`"]
    assert not Task.objects.filter(year=2024).exists()
    assert StoredFile.objects.count() == 0


def test_a_bureau_template_is_kept_and_renders_the_unit_s_report(world: World, tmp_path: object) -> None:
    from pathlib import Path

    from docx import Document

    from jixiao.web.evaluations.jobs import render_data

    response = _issue_with_template(world, _word_template("单位：{{ unit_name }}，{{ year }} 年度"))
    assert response.status_code == 302
    task = Task.objects.get(year=2024)
    assert task.template_file.name == "本局模板.docx"
    output = Path(str(tmp_path)) / "报告.docx"
    render_data(example_data(), output, Path(task.template_file.path))
    assert [p.text for p in Document(str(output)).paragraphs] == [
        "财政局自备模板", "单位：岳阳市洞庭新城项目建设岳阳楼区工作部，2023 年度"]
