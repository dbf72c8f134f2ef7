"""The JSON API: the pages' scope and permissions, tokens made on a page and revoked, the
editor's version check, the workflow's refusals, and one error envelope for every failure."""

from __future__ import annotations

import copy
import hashlib
import json
import re
from datetime import timedelta

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from jixiao.web.api.endpoints import api
from jixiao.web.api.models import ApiToken
from jixiao.web.evaluations.models import Evaluation, Job, Status
from web.conftest import World, client_for


def bearer(world: World, role: str) -> Client:
    _, token = ApiToken.issue(world.users[role], "测试")
    return Client(headers={"Authorization": f"Bearer {token}"})


def ids(response) -> list[int]:
    return [item["id"] for item in response.json()["items"]]


def error(response) -> tuple[int, str, str]:
    body = response.json()["error"]
    return response.status_code, body["code"], body["message"]


def test_a_list_holds_what_the_pages_show_each_user(world: World) -> None:
    listed = {role: sorted(ids(bearer(world, role).get("/api/evaluations")))
              for role in ("preparer", "other_preparer", "department_reviewer", "finance_reviewer", "foreign_reviewer")}
    assert listed == {
        "preparer": [world.own.pk],
        "other_preparer": [world.other.pk],
        "department_reviewer": [world.in_department.pk],
        "finance_reviewer": sorted([world.own.pk, world.other.pk, world.in_department.pk]),
        "foreign_reviewer": [world.foreign.pk],
    }


def test_filters_and_pages(world: World) -> None:
    client = bearer(world, "finance_reviewer")
    Evaluation.objects.filter(pk=world.other.pk).update(status=Status.SUBMITTED)
    assert ids(client.get("/api/evaluations", {"status": "submitted"})) == [world.other.pk]
    assert ids(client.get("/api/evaluations", {"unit": world.own_unit.pk})) == [world.own.pk]
    assert ids(client.get("/api/evaluations", {"unit": world.other_region_unit.pk})) == []
    assert ids(client.get("/api/evaluations", {"year": 2022})) == []
    listed = ids(client.get("/api/evaluations", {"year": 2023}))  # in the tree's order, as on the home page
    second = client.get("/api/evaluations", {"year": 2023, "page": 2, "page_size": 2}).json()
    assert ([item["id"] for item in second["items"]], second["count"], second["pages"]) == (listed[2:], 3, 2)
    home = client_for(world.users["finance_reviewer"]).get(reverse("home"), {"year": 2023})
    assert listed == [evaluation.pk for evaluation in home.context["page"]]


def test_a_detail_has_status_version_score_grade_and_counts(world: World) -> None:
    body = bearer(world, "preparer").get(f"/api/evaluations/{world.own.pk}").json()
    body.pop("updated_at")
    assert body == {
        "id": world.own.pk, "year": 2023, "unit": {"id": world.own_unit.pk, "name": "岳阳市洞庭新城项目建设岳阳楼区工作部"},
        "task_id": world.task.pk, "task_title": "2023 年度整体支出绩效自评", "status": "draft", "status_label": "草稿",
        "version": 1, "score": world.own.score, "grade": world.own.grade,
        "counts": {"error": world.own.error_count, "warning": world.own.warning_count},
        "editable": True, "updated_by": None, "carried_from_id": None,
    }
    assert (world.own.score, world.own.grade) != ("", "")


def test_out_of_scope_is_404_as_on_the_pages_and_in_scope_but_not_allowed_is_403(world: World) -> None:
    preparer = bearer(world, "preparer")
    for path in ("", "/data", "/checks", "/steps"):
        assert error(preparer.get(f"/api/evaluations/{world.other.pk}{path}")) == (404, "not_found", "没有找到，或您无权查看")
    assert client_for(world.users["preparer"]).get(reverse("editor", args=[world.other.pk])).status_code == 404
    assert error(bearer(world, "department_reviewer").get(f"/api/evaluations/{world.own.pk}"))[0] == 404
    assert error(preparer.get("/api/evaluations/999999")) == (404, "not_found", "没有找到，或您无权查看")
    reviewer_put = bearer(world, "finance_reviewer").put(
        f"/api/evaluations/{world.own.pk}/data", {"version": 1, "data": world.own.data}, content_type="application/json")
    assert error(reviewer_put) == (403, "forbidden", "您无权进行此操作")
    approve = bearer(world, "preparer").post(f"/api/evaluations/{world.own.pk}/steps/approve", {}, content_type="application/json")
    assert error(approve) == (403, "forbidden", "您无权进行此操作")


def test_a_token_made_on_the_page_is_shown_once_kept_hashed_and_works_until_revoked(world: World) -> None:
    page = client_for(world.users["preparer"])
    made = page.post(reverse("tokens"), {"name": "财务系统对接", "days": "90"})
    token = made.context["made"]
    assert re.fullmatch(r"jx_[A-Za-z0-9_-]{43}", token)
    row = ApiToken.objects.get(user=world.users["preparer"])
    assert (row.name, row.digest, row.hint, row.last_used_at) == (
        "财务系统对接", hashlib.sha256(token.encode()).hexdigest(), token[:10], None)
    assert timedelta(days=90) - (row.expires_at - timezone.now()) < timedelta(minutes=1)
    assert token not in page.get(reverse("tokens")).content.decode()  # shown once
    api_client = Client(headers={"Authorization": f"Bearer {token}"})
    assert ids(api_client.get("/api/evaluations")) == [world.own.pk]
    assert ApiToken.objects.get(pk=row.pk).last_used_at is not None
    page.post(reverse("revoke_token", args=[row.pk]))
    assert ApiToken.objects.get(pk=row.pk).revoked_at is not None
    assert error(api_client.get("/api/evaluations")) == (
        401, "unauthenticated", "未登录或令牌无效：请在请求头 Authorization 中提供 Bearer 令牌")


def test_a_token_expires_after_the_lifetime_chosen(world: World) -> None:
    page = client_for(world.users["preparer"])
    assert "请选择令牌的有效期（30 天、90 天、180 天、1 年）" in page.post(
        reverse("tokens"), {"name": "永久", "days": "36500"}, follow=True).content.decode()
    token = page.post(reverse("tokens"), {"name": "短期", "days": "30"}).context["made"]
    row = ApiToken.objects.get(user=world.users["preparer"])
    assert timedelta(days=30) - (row.expires_at - timezone.now()) < timedelta(minutes=1)
    api_client = Client(headers={"Authorization": f"Bearer {token}"})
    assert api_client.get("/api/evaluations").status_code == 200
    ApiToken.objects.filter(pk=row.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert error(api_client.get("/api/evaluations"))[:2] == (401, "unauthenticated")
    listed = page.get(reverse("tokens")).content.decode()
    assert "<td>已过期</td>" in listed and "吊销</button>" not in listed


def test_a_user_cannot_revoke_another_users_token(world: World) -> None:
    row, _ = ApiToken.issue(world.users["head"], "负责人的")
    assert client_for(world.users["preparer"]).post(reverse("revoke_token", args=[row.pk])).status_code == 404
    assert ApiToken.objects.get(pk=row.pk).revoked_at is None


def test_no_token_a_wrong_one_and_an_inactive_users_are_refused(world: World) -> None:
    _, token = ApiToken.issue(world.users["head"], "停用前")
    world.users["head"].is_active = False
    world.users["head"].save()
    for headers in ({}, {"Authorization": "Bearer jx_wrong"}, {"Authorization": f"Bearer {token}"}):
        response = Client(headers=headers).post(f"/api/evaluations/{world.own.pk}/steps/submit", {},
                                                content_type="application/json")
        assert error(response)[:2] == (401, "unauthenticated")


def test_a_revoked_token_is_refused_even_beside_a_signed_in_session(world: World) -> None:
    row, token = ApiToken.issue(world.users["preparer"], "吊销")
    row.revoke()
    browser = client_for(world.users["preparer"])
    assert ids(browser.get("/api/evaluations")) == [world.own.pk]
    assert error(browser.get("/api/evaluations", headers={"Authorization": f"Bearer {token}"}))[0] == 401


def test_the_browser_session_works_and_its_changes_need_the_csrf_token(world: World) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.users["preparer"])
    assert ids(browser.get("/api/evaluations")) == [world.own.pk]
    refused = browser.post(f"/api/evaluations/{world.own.pk}/steps/submit", {}, content_type="application/json")
    assert error(refused) == (403, "csrf", "CSRF 校验未通过：浏览器会话中的请求须带 X-CSRFToken 请求头")
    assert Evaluation.objects.get(pk=world.own.pk).status == Status.DRAFT


def test_a_save_names_its_version_and_a_stale_one_is_a_409(world: World) -> None:
    preparer, head = bearer(world, "preparer"), bearer(world, "head")
    fetched = preparer.get(f"/api/evaluations/{world.own.pk}/data").json()
    assert fetched["version"] == 1
    changed = copy.deepcopy(fetched["data"])
    changed["self_assessment"]["stated_total_score"] = "93"
    saved = head.put(f"/api/evaluations/{world.own.pk}/data", {"version": 1, "data": changed}, content_type="application/json")
    assert (saved.status_code, saved.json()["changes"], saved.json()["evaluation"]["version"]) == (200, 1, 2)
    changed["self_assessment"]["stated_total_score"] = "95"
    stale = preparer.put(f"/api/evaluations/{world.own.pk}/data", {"version": 1, "data": changed}, content_type="application/json")
    assert error(stale) == (409, "version_conflict",
                            "保存未成功：您编辑的是第 1 版，此后 fuzeren 已保存了第 2 版。"
                            "您的输入仍在页面上，未被保存；请先复制需要保留的内容，再重新打开页面，在最新版本上修改。")
    assert Evaluation.objects.get(pk=world.own.pk).data["self_assessment"]["stated_total_score"] == "93"


def test_invalid_data_is_refused_at_its_fields_and_the_task_keeps_its_year(world: World) -> None:
    client = bearer(world, "preparer")
    data = copy.deepcopy(world.own.data)
    data["unit"]["staffing"]["authorized"] = "-3"
    refused = client.put(f"/api/evaluations/{world.own.pk}/data", {"version": 1, "data": data}, content_type="application/json")
    assert error(refused) == (422, "invalid_data", "有填写错误，未保存：请按各项旁的提示修改")
    assert refused.json()["error"]["details"] == [{"loc": ["unit.staffing.authorized"], "message": "金额不能为负数：-3"}]
    data = copy.deepcopy(world.own.data) | {"year": 2019}
    unchanged = client.put(f"/api/evaluations/{world.own.pk}/data", {"version": 1, "data": data}, content_type="application/json")
    assert (unchanged.json()["changes"], Evaluation.objects.get(pk=world.own.pk).data["year"]) == (0, 2023)


def test_a_bad_request_is_a_422_with_its_places(world: World) -> None:
    client = bearer(world, "preparer")
    response = client.get("/api/evaluations", {"page": 0, "status": "lost"})
    assert error(response) == (422, "invalid", "请求参数有误：请按 details 所列修改")
    assert [detail["loc"] for detail in response.json()["error"]["details"]] == [["query", "status"], ["query", "page"]]
    nul = client.post(f"/api/evaluations/{world.own.pk}/steps/submit", {"comment": "a\x00b"}, content_type="application/json")
    assert error(nul)[0] == 422
    broken = client.put(f"/api/evaluations/{world.own.pk}/data", "{not json", content_type="application/json")
    assert error(broken) == (400, "bad_request", "请求格式有误")


def test_steps_are_the_pages_and_a_refusal_says_why_in_chinese(world: World) -> None:
    preparer, reviewer = bearer(world, "preparer"), bearer(world, "finance_reviewer")
    assert preparer.get(f"/api/evaluations/{world.own.pk}/steps").json() == [
        {"name": "submit", "label": "提交", "target": "submitted", "target_label": "已提交"}]
    submitted = preparer.post(f"/api/evaluations/{world.own.pk}/steps/submit", {}, content_type="application/json")
    assert (submitted.status_code, submitted.json()["status"], submitted.json()["editable"]) == (200, "submitted", False)
    again = preparer.post(f"/api/evaluations/{world.own.pk}/steps/submit", {}, content_type="application/json")
    assert error(again) == (409, "refused", "自评当前为“已提交”，不能“提交”")
    reviewer.post(f"/api/evaluations/{world.own.pk}/steps/finance_start", {}, content_type="application/json")
    bare = reviewer.post(f"/api/evaluations/{world.own.pk}/steps/return", {"comment": " "}, content_type="application/json")
    assert error(bare) == (409, "refused", "退回时请填写退回意见，或对具体项目填写意见")
    returned = reviewer.post(f"/api/evaluations/{world.own.pk}/steps/return", {
        "comment": "请核对总分", "field_comments": [
            {"path": "self_assessment.stated_total_score", "label": "总分", "text": "总分应为各项得分之和 93"}]},
        content_type="application/json")
    assert returned.json()["status"] == "returned"
    comment = world.own.comments.get()
    assert (comment.path, comment.text, comment.transition.comment) == (
        "self_assessment.stated_total_score", "总分应为各项得分之和 93", "请核对总分")


def test_checks_are_the_findings_the_review_page_shows(world: World) -> None:
    body = bearer(world, "finance_reviewer").get(f"/api/evaluations/{world.own.pk}/checks").json()
    page = client_for(world.users["finance_reviewer"]).get(reverse("review", args=[world.own.pk]))
    shown = [(item.finding.code, item.finding.fingerprint, item.finding.message) for item, _ in page.context["findings"]]
    assert [(f["code"], f["fingerprint"], f["message"]) for f in body["findings"]] == shown
    score = next(f for f in body["findings"] if f["code"] == "JX-SCORE-002")
    assert (score["field"], score["where"]["path"]) == ("self_assessment.stated_total_score", "self_assessment.stated_total_score")
    assert (body["valid"], body["counts"]["error"], body["problems"]) == (True, world.own.error_count, [])


@pytest.mark.usefixtures("queued_uploads_removed")
def test_render_and_import_jobs_are_started_polled_and_private(world: World) -> None:
    preparer = bearer(world, "preparer")
    started = preparer.post(f"/api/evaluations/{world.own.pk}/renders", {"format": "pdf"}, content_type="application/json")
    job = started.json()
    assert (started.status_code, job["kind"], job["status"], job["format"], job["file_url"]) == (202, "render", "queued", "pdf", None)
    assert preparer.get(f"/api/jobs/{job['id']}").json()["step"] == "排队等待生成"
    assert error(preparer.get(f"/api/jobs/{job['id']}/file"))[0] == 404  # not done yet
    assert error(bearer(world, "head").get(f"/api/jobs/{job['id']}"))[0] == 404  # another user's job
    wrong = preparer.post(f"/api/evaluations/{world.own.pk}/imports", {"file": _file("报告.exe")})
    assert error(wrong)[:2] == (422, "refused")
    assert error(wrong)[2].startswith("不能读取“.exe”文件：请上传 .xlsx、.yaml")
    queued = preparer.post(f"/api/evaluations/{world.own.pk}/imports", {"file": _file("数据.yaml")})
    assert (queued.status_code, queued.json()["kind"], queued.json()["data"]) == (202, "import", None)
    assert Job.objects.filter(evaluation=world.own).count() == 2


def _file(name: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, b"year: 2023\n")


def test_failures_outside_the_operations_are_enveloped_too(world: World) -> None:
    client = bearer(world, "preparer")
    assert error(client.get("/api/nothing-here")) == (404, "not_found", "没有找到，或您无权查看")
    not_allowed = client.delete(f"/api/evaluations/{world.own.pk}")
    assert error(not_allowed) == (405, "method_not_allowed", "此地址不支持该请求方法")
    failed = api.on_exception(RequestFactory().get("/api/evaluations"), RuntimeError("secret detail"))
    assert (failed.status_code, json.loads(failed.content)) == (500, {"error": {
        "code": "internal_error", "message": "系统内部出错，请稍后重试或联系管理员", "details": []}})


def test_the_docs_page_loads_only_files_of_this_site(world: World) -> None:
    client = Client()
    page = client.get("/api/docs").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sorted(sources) == ["/static/ninja/favicon.png", "/static/ninja/favicon.svg", "/static/ninja/swagger-ui-bundle.js",
                               "/static/ninja/swagger-ui-init.js", "/static/ninja/swagger-ui.css"]
    assert not re.search(r"https?://", page)
    for source in sources:
        assert client.get(source).status_code == 200, source
    schema = client.get("/api/openapi.json").json()
    assert schema["paths"]["/api/evaluations"]["get"]["responses"]["409"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ErrorEnvelope"}


def test_a_malformed_upload_is_a_request_error_not_a_server_error(world: World) -> None:
    boundary = "b0undary"
    body = f"--{boundary}\r\n" + "X" * 9000 + f"\r\n--{boundary}--\r\n"  # a part whose header never ends
    for path in (f"/api/evaluations/{world.own.pk}/imports", "/api/audits"):
        response = bearer(world, "finance_reviewer" if "audits" in path else "preparer").post(
            path, body, content_type=f"multipart/form-data; boundary={boundary}")
        assert error(response) == (400, "bad_request", "上传的内容不是有效的 multipart/form-data：请检查文件上传的请求格式")
