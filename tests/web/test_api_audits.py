"""Batch audits through the API, on a real Celery worker and broker: the same rows, findings and
exports as the pages, the same scope and permissions, and refusals in the error envelope."""

from __future__ import annotations

import io
import time
from typing import Any

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from jixiao.cli.batch import check_file
from jixiao.web.audits.models import BatchAudit, BatchFile
from web.conftest import World, redis_up
from web.test_api import bearer, error
from web.test_audits import REPORT

pytestmark = [pytest.mark.skipif(not redis_up(), reason="no Redis on 127.0.0.1:6379"),
              pytest.mark.django_db(transaction=True)]


def _finished(client: Client, batch_id: int, seconds: float = 180) -> dict[str, Any]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = client.get(f"/api/audits/{batch_id}").json()
        if body["finished_at"] is not None:
            return body
        time.sleep(0.2)
    raise AssertionError(f"batch {batch_id} did not finish: {body}")


def _upload(client: Client) -> dict[str, Any]:
    files = [SimpleUploadedFile("洞庭新城2023.txt", REPORT.read_bytes()), SimpleUploadedFile("空.txt", b"")]
    response = client.post("/api/audits", {"files": files})
    assert response.status_code == 202, response.content.decode()
    return response.json()


def test_a_batch_uploaded_is_followed_to_its_findings_and_exports(world: World, worker: None) -> None:
    client = bearer(world, "finance_reviewer")
    started = _upload(client)
    assert (started["title"], started["organisation"], started["created_by"], started["progress"]["total"]) == (
        "洞庭新城2023.txt 等 2 个文件", "岳阳楼区", "shenhe", 2)
    body = _finished(client, started["id"])
    assert body["progress"] | {"percent": body["progress"]["percent"]} == {
        "total": 2, "finished": 2, "failed": 1, "with_errors": 1, "errors": 3, "warnings": 4, "infos": 2, "percent": 100}
    rows = [(f["number"], f["name"], f["status"], f["status_label"], f["counts"], f["checked"], f["error"])
            for f in body["files"]]
    assert rows == [
        (1, "洞庭新城2023.txt", "done", "已完成", {"error": 3, "warning": 4, "info": 2}, "核对 32 项关系，23 项相符", ""),
        (2, "空.txt", "failed", "无法校验", {"error": 0, "warning": 0, "info": 0}, "", "文件为空"),
    ]
    file = client.get(f"/api/audits/{started['id']}/files/1").json()
    cli = check_file(REPORT, passed=True).as_json()
    assert (file["findings"], file["passed"]) == (cli["findings"], cli["passed"])
    assert file["findings"][0]["where"]["table"] is not None and len(file["passed"]) == 23

    workbook = client.get(f"/api/audits/{started['id']}/export/xlsx")
    assert workbook.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(b"".join(workbook.streaming_content)))
    assert [list(row) for row in book["审核结果"].iter_rows(min_row=2, values_only=True)] == [
        [1, "洞庭新城2023.txt", "有错误", 3, 4, 2, "核对 32 项关系，23 项相符", "yueyanglou-2024", None],
        [2, "空.txt", "无法校验", 0, 0, 0, None, None, "文件为空"],
    ]
    listed = client.get("/api/audits").json()
    assert ([item["id"] for item in listed["items"]], listed["count"], listed["pages"]) == ([started["id"]], 1, 1)


def test_only_reviewers_of_the_organisation_reach_a_batch(world: World) -> None:
    reviewer = world.users["finance_reviewer"]
    batch = BatchAudit.objects.create(title="待审", organisation=reviewer.organisation, created_by=reviewer)
    BatchFile.objects.create(batch=batch, number=1, name="报告.docx", path="/nowhere/0001.docx")
    started = {"id": batch.pk}
    assert error(bearer(world, "finance_reviewer").get(f"/api/audits/{started['id']}/export/pdf")) == (
        409, "refused", "审核尚未完成，完成后才能导出")
    preparer = bearer(world, "preparer")
    assert error(preparer.get("/api/audits")) == (403, "forbidden", "批量审核仅供审核人和管理员使用")
    assert error(preparer.post("/api/audits", {"files": [SimpleUploadedFile("a.txt", b"x")]}))[0] == 403
    for role in ("foreign_reviewer", "department_reviewer"):
        assert error(bearer(world, role).get(f"/api/audits/{started['id']}")) == (
            404, "not_found", "没有找到，或您无权查看")
        assert bearer(world, role).get("/api/audits").json()["count"] == 0
    assert bearer(world, "admin").get(f"/api/audits/{started['id']}/files/1").json()["status_label"] == "排队中"
    assert error(bearer(world, "admin").get(f"/api/audits/{started['id']}/files/2"))[0] == 404
    assert BatchAudit.objects.count() == 1


def test_an_upload_without_files_or_too_large_is_refused_in_chinese(world: World, settings: Any) -> None:
    client = bearer(world, "finance_reviewer")
    status, code, _ = error(client.post("/api/audits", {}))
    assert (status, code) == (422, "invalid")
    settings.AUDIT_UPLOAD_MAX_BYTES = 1024 * 1024
    big = SimpleUploadedFile("大.txt", b"0" * (2 * 1024 * 1024))
    assert error(client.post("/api/audits", {"files": [big]})) == (
        422, "refused", "上传的文件共 2 MB，超过 1 MB 的上限，请分批上传")
    assert error(client.get("/api/audits/1/export/csv"))[:2] == (422, "invalid")
    assert BatchAudit.objects.count() == 0
