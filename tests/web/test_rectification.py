"""整改: the bureau notifies a returned or poorly graded evaluation, the unit answers with
attachments (type and size checked, clear Chinese refusals), the bureau closes it or sends it
back; a unit cannot close, another unit cannot see."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from jixiao.web.evaluations.models import Evaluation, Status
from jixiao.web.evaluations.services import ActionRefused
from jixiao.web.rectification import services
from jixiao.web.rectification.attachments import AttachmentRefused
from jixiao.web.rectification.models import Attachment, Entry, Rectification, RectificationStatus
from web.conftest import World, client_for

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _returned(world: World) -> Evaluation:
    Evaluation.objects.filter(pk=world.own.pk).update(status=Status.RETURNED)
    return Evaluation.objects.get(pk=world.own.pk)


def _later(days: int = 14) -> str:
    return (timezone.localdate() + timedelta(days=days)).isoformat()


def _issue(world: World) -> Rectification:
    client_for(world.users["finance_reviewer"]).post(
        reverse("rectification_issue", args=[world.own.pk]), {"text": "请补充资产管理制度", "deadline": _later()})
    return Rectification.objects.get(evaluation=world.own)


def test_only_a_returned_or_poorly_graded_evaluation_gets_a_notice(world: World) -> None:
    reviewer = world.users["finance_reviewer"]
    assert services.reason_for(world.own) is None  # 93 分, 优
    with pytest.raises(ActionRefused, match="只有被退回或等次为“中”“差”的自评需要整改"):
        services.issue(world.own, reviewer, text="整改", deadline=timezone.localdate())
    Evaluation.objects.filter(pk=world.own.pk).update(score="65.00", grade="中")
    assert services.reason_for(Evaluation.objects.get(pk=world.own.pk)) == "等次为“中”"
    Evaluation.objects.filter(pk=world.own.pk).update(score="79.50", grade="")
    assert services.reason_for(Evaluation.objects.get(pk=world.own.pk)) == "得分 79.50 低于 80 分"
    assert services.reason_for(_returned(world)) == "自评被退回"


def test_the_whole_flow_with_its_permissions(world: World) -> None:
    _returned(world)
    preparer, reviewer = client_for(world.users["preparer"]), client_for(world.users["finance_reviewer"])
    # A unit cannot issue a notice to itself.
    assert preparer.post(reverse("rectification_issue", args=[world.own.pk]),
                         {"text": "x", "deadline": _later()}).status_code == 403
    record = _issue(world)
    assert (record.status, record.reason, record.entries.get().text) == (
        RectificationStatus.NOTIFIED, "自评被退回", "请补充资产管理制度")
    page = preparer.get(reverse("rectification", args=[world.own.pk])).content.decode()
    assert "请补充资产管理制度" in page and "提交整改反馈" in page and "下发整改通知" not in page

    # Another unit sees neither the page, the list entry nor the attachment.
    other = client_for(world.users["other_preparer"])
    assert other.get(reverse("rectification", args=[world.own.pk])).status_code == 404
    assert "岳阳市洞庭新城" not in other.get(reverse("rectifications")).content.decode()
    assert other.post(reverse("rectification_respond", args=[record.pk]), {"text": "x"}).status_code == 404

    response = preparer.post(reverse("rectification_respond", args=[record.pk]), {
        "text": "已制定资产管理制度",
        "files": [SimpleUploadedFile("资产管理制度.pdf", PDF), SimpleUploadedFile("现场照片.png", PNG)]})
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.status == RectificationStatus.ANSWERED
    assert sorted(Attachment.objects.values_list("name", flat=True)) == ["现场照片.png", "资产管理制度.pdf"]
    attachment = Attachment.objects.get(name="资产管理制度.pdf")
    assert b"".join(reviewer.get(reverse("rectification_attachment", args=[attachment.pk])).streaming_content) == PDF
    assert other.get(reverse("rectification_attachment", args=[attachment.pk])).status_code == 404

    # The unit cannot close its own rectification; the bureau sends it back, then closes.
    assert preparer.post(reverse("rectification_close", args=[record.pk]), {"text": ""}).status_code == 403
    refused = reviewer.post(reverse("rectification_return", args=[record.pk]), {"text": "请附会议纪要",
                                                                               "deadline": "2020-01-01", "form": "close"})
    assert refused.status_code == 422
    assert "整改期限 2020-01-01 已过，请填写今天或以后的日期" in refused.content.decode()
    assert "请附会议纪要" in refused.content.decode()  # what was typed is still there
    reviewer.post(reverse("rectification_return", args=[record.pk]), {"text": "请附会议纪要", "deadline": _later(30)})
    record.refresh_from_db()
    assert (record.status, record.deadline.isoformat()) == (RectificationStatus.NOTIFIED, _later(30))
    preparer.post(reverse("rectification_respond", args=[record.pk]), {"text": "会议纪要见附件",
                                                                       "files": [SimpleUploadedFile("纪要.pdf", PDF)]})
    reviewer.post(reverse("rectification_close", args=[record.pk]), {"text": "整改到位"})
    record.refresh_from_db()
    assert record.status == RectificationStatus.CLOSED and record.closed_at is not None
    assert list(Entry.objects.filter(rectification=record).values_list("kind", "text")) == [
        ("notice", "请补充资产管理制度"), ("feedback", "已制定资产管理制度"), ("return", "请附会议纪要"),
        ("feedback", "会议纪要见附件"), ("close", "整改到位")]
    assert [h.status for h in record.history.order_by("history_id")] == [
        "notified", "answered", "notified", "answered", "closed"]
    listed = reviewer.get(reverse("rectifications"), {"status": "closed"}).content.decode()
    assert "岳阳市洞庭新城项目建设岳阳楼区工作部" in listed and "已办结" in listed


def test_a_second_open_notice_is_refused(world: World) -> None:
    _returned(world)
    _issue(world)
    with pytest.raises(ActionRefused, match="此自评已有未办结的整改"):
        services.issue(world.own, world.users["finance_reviewer"], text="再次", deadline=timezone.localdate())


@pytest.mark.parametrize(("name", "content", "message"), [
    ("说明.exe", b"MZ\x90\x00", "附件“说明.exe”的类型（.exe）不能上传：只接受 .pdf、.docx、.doc、.xlsx、.xls、.jpg、.jpeg、.png、.zip"),
    ("照片.jpg", PDF, "附件“照片.jpg”的内容不是 JPEG 图片 文件，与扩展名 .jpg 不符"),
    ("空.pdf", b"", "附件“空.pdf”是空文件"),
    ("大.pdf", PDF + b"0" * 2048, "附件“大.pdf”超过 0 MB，不能上传"),
])
@override_settings(RECTIFICATION_ATTACHMENT_MAX_BYTES=1024)
def test_attachments_are_refused_whole_with_a_chinese_reason(world: World, name: str, content: bytes,
                                                             message: str) -> None:
    _returned(world)
    record = _issue(world)
    response = client_for(world.users["preparer"]).post(reverse("rectification_respond", args=[record.pk]), {
        "text": "整改情况说明", "form": "respond", "files": [SimpleUploadedFile("正常.pdf", PDF), SimpleUploadedFile(name, content)]})
    assert response.status_code == 422
    page = response.content.decode()
    assert message in page and "整改情况说明" in page
    record.refresh_from_db()
    assert record.status == RectificationStatus.NOTIFIED
    assert not Attachment.objects.exists() and record.entries.count() == 1


def test_too_many_attachments_are_refused(world: World) -> None:
    _returned(world)
    record = _issue(world)
    with pytest.raises(AttachmentRefused, match="一次最多上传 10 个附件，您选择了 11 个"):
        services.respond(record.pk, world.users["preparer"], text="见附件",
                         files=[SimpleUploadedFile(f"{n}.pdf", PDF) for n in range(11)])


def test_the_evaluation_list_shows_and_filters_by_rectification(world: World) -> None:
    _returned(world)
    record = _issue(world)
    reviewer = client_for(world.users["finance_reviewer"])
    listed = reviewer.get(reverse("home")).content.decode()
    badge = f'<a href="/evaluations/{world.own.pk}/rectification/" class="status r-notified">待整改</a>'
    assert listed.count(badge) == 1 and listed.count('class="status r-') == 1
    waiting = reviewer.get(reverse("home"), {"rectification": "notified"}).content.decode()
    assert "岳阳市洞庭新城项目建设岳阳楼区工作部" in waiting and "城陵矶新港区党群工作部" not in waiting
    untouched = reviewer.get(reverse("home"), {"rectification": "none"}).content.decode()
    assert "城陵矶新港区党群工作部" in untouched and "岳阳市洞庭新城项目建设岳阳楼区工作部" not in untouched
    Rectification.objects.filter(pk=record.pk).update(status=RectificationStatus.CLOSED)
    closed = reviewer.get(reverse("home"), {"rectification": "closed"}).content.decode()
    assert "岳阳市洞庭新城项目建设岳阳楼区工作部" in closed and ">已办结</a>" in closed
