"""Background work through a real Celery worker on the real broker (Redis on this machine):
rendering a file, and reading an upload inside its own budget, kept by its hash once read."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from jixiao.web.evaluations.models import Job, JobStatus, StoredFile
from web.conftest import World, client_for, redis_up

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.skipif(not redis_up(), reason="no Redis on 127.0.0.1:6379"),
              pytest.mark.django_db(transaction=True)]


def _finished(job_id: int, seconds: float = 120) -> Job:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job = Job.objects.get(pk=job_id)
        if job.finished:
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} still {Job.objects.get(pk=job_id).status}")


def _upload(world: World, name: str, content: bytes) -> Job:
    client = client_for(world.users["preparer"])
    response = client.post(reverse("upload", args=[world.own.pk]), {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 302
    return _finished(int(response.url.rstrip("/").split("/")[-1]))


def test_a_docx_is_rendered_by_the_worker(world: World, worker: None) -> None:
    client = client_for(world.users["preparer"])
    response = client.post(reverse("render", args=[world.own.pk]), {"format": "docx"})
    job = _finished(int(response.url.rstrip("/").split("/")[-1]))
    assert (job.status, job.result["name"]) == (JobStatus.DONE, "2023年度岳阳市洞庭新城项目建设岳阳楼区工作部自评报告.docx")
    download = client.get(reverse("download", args=[job.pk]))
    assert b"".join(download.streaming_content)[:2] == b"PK"


def test_render_warnings_are_called_warnings_as_the_cli_calls_them(world: World, worker: None) -> None:
    client = client_for(world.users["preparer"])
    response = client.post(reverse("render", args=[world.own.pk]), {"format": "docx"})
    job = _finished(int(response.url.rstrip("/").split("/")[-1]))
    warnings = job.result["warnings"]
    page = client.get(reverse("job", args=[job.pk])).content.decode()
    assert f"<summary>{len(warnings)} 条警告</summary>" in page
    assert "条提示" not in page


def test_the_guided_workbook_prefills_the_editor(world: World, worker: None) -> None:
    job = _upload(world, "填报.xlsx", (ROOT / "examples" / "dongting-2023.xlsx").read_bytes())
    assert (job.status, job.result["missing"]) == (JobStatus.DONE, [])
    assert job.result["data"]["self_assessment"]["stated_total_score"] == "99"
    assert StoredFile.objects.get().name == "填报.xlsx"
    page = client_for(world.users["preparer"]).post(reverse("apply_import", args=[job.pk]))
    assert "已从“填报.xlsx”读出数据，尚未保存。" in page.content.decode()


def test_a_published_report_prefills_and_says_what_it_could_not_read(world: World, worker: None) -> None:
    job = _upload(world, "报告.txt", (ROOT / "tests" / "data" / "reports" / "dongting-2023.txt").read_bytes())
    assert job.status == JobStatus.DONE
    assert job.result["data"]["self_assessment"]["stated_total_score"] == "99"
    titles = [title for title, _ in job.result["missing"]]
    assert titles[:5] == ["报告正文 › 九、自评结果拟应用和公开情况 › 自评得分", "报告正文 › 九、自评结果拟应用和公开情况 › 评价等次",
                          "报告正文 › 九、自评结果拟应用和公开情况 › 公开情况", "报告正文 › 九、自评结果拟应用和公开情况 › 结果应用",
                          "报告正文 › 十、其他需要说明的情况"]
    page = client_for(world.users["preparer"]).get(reverse("job", args=[job.pk])).content.decode()
    assert f"有 {len(titles)} 项未能读出" in page
    assert "<li>签字栏 › 单位负责人</li>" in page


def test_a_corrupt_upload_is_refused_in_chinese_and_not_kept(world: World, worker: None) -> None:
    job = _upload(world, "坏.docx", b"PK\x03\x04 this is not a word file")
    assert job.status == JobStatus.FAILED
    assert job.error.startswith("坏.docx：")
    assert "Traceback" not in job.error
    assert StoredFile.objects.count() == 0
    assert not any((Path(job.result["incoming"]).parent).iterdir())


def test_a_second_delivery_of_a_finished_job_does_nothing(world: World, worker: None) -> None:
    from jixiao.web.evaluations.jobs import render_job

    client = client_for(world.users["preparer"])
    response = client.post(reverse("render", args=[world.own.pk]), {"format": "xlsx"})
    job = _finished(int(response.url.rstrip("/").split("/")[-1]))
    render_job.apply(args=[job.pk])  # as a redelivered message would run it
    assert Job.objects.get(pk=job.pk).finished_at == job.finished_at
