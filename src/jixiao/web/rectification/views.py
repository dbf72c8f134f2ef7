"""整改 pages: the list of records the user may see, one evaluation's records with their
thread, and the actions. A refused action shows the page again with what was typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from jixiao.web.evaluations.models import Evaluation
from jixiao.web.evaluations.services import ActionRefused
from jixiao.web.evaluations.views import _user, visible_evaluation
from jixiao.web.rectification import services
from jixiao.web.rectification.attachments import KINDS, AttachmentRefused
from jixiao.web.rectification.models import Attachment, Rectification, RectificationStatus


@login_required
@require_GET
def rectification_list(request: HttpRequest) -> HttpResponse:
    records = Rectification.objects.visible_to(_user(request)).select_related("evaluation__unit")
    status = request.GET.get("status", "")
    if status in RectificationStatus.values:
        records = records.filter(status=status)
    page = Paginator(records, 50).get_page(request.GET.get("page"))
    return render(request, "rectification/list.html",
                  {"page": page, "statuses": RectificationStatus.choices, "status": status})


def _page(request: HttpRequest, evaluation: Evaluation, *, posted: dict[str, Any] | None = None,
          refusal: str = "", status: int = 200) -> HttpResponse:
    user = _user(request)
    records = evaluation.rectifications.select_related("issued_by").prefetch_related(
        "entries__user", "entries__attachments")
    reason = services.reason_for(evaluation)
    return render(request, "rectification/page.html", {
        "evaluation": evaluation,
        "records": records,
        "reason": reason,
        "can_issue": (reason is not None and user.has_perm("rectification.issue_rectification", evaluation)
                      and services.open_rectification(evaluation) is None),
        "can_respond": user.has_perm("rectification.respond_rectification", evaluation),
        "can_close": user.has_perm("rectification.close_rectification", evaluation),
        "accept": ",".join(KINDS),
        "posted": posted or {},
        "refusal": refusal,
    }, status=status)


@login_required
@require_GET
def rectification_page(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, visible_evaluation(request, pk))


def _deadline(request: HttpRequest) -> date | None:
    text = request.POST.get("deadline", "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ActionRefused(f"整改期限“{text[:20]}”不是日期，请按 年-月-日 填写") from None


def _act(request: HttpRequest, evaluation: Evaluation, action: Callable[[], object],
         done: str) -> HttpResponse:
    try:
        action()
    except (ActionRefused, AttachmentRefused) as refusal:
        posted = {key: request.POST.get(key, "") for key in ("text", "deadline", "form")}
        return _page(request, evaluation, posted=posted, refusal=str(refusal), status=422)
    messages.success(request, done)
    return redirect("rectification", pk=evaluation.pk)


@login_required
@require_POST
def issue(request: HttpRequest, pk: int) -> HttpResponse:
    evaluation = visible_evaluation(request, pk, "rectification.issue_rectification")
    return _act(request, evaluation, lambda: services.issue(
        evaluation, _user(request), text=request.POST.get("text", ""), deadline=_deadline(request)),
        "已下发整改通知")


def _record(request: HttpRequest, record_pk: int, permission: str) -> Rectification:
    record = get_object_or_404(Rectification.objects.visible_to(_user(request)), pk=record_pk)
    visible_evaluation(request, record.evaluation_id, permission)
    return record


@login_required
@require_POST
def respond(request: HttpRequest, record_pk: int) -> HttpResponse:
    record = _record(request, record_pk, "rectification.respond_rectification")
    return _act(request, visible_evaluation(request, record.evaluation_id), lambda: services.respond(
        record.pk, _user(request), text=request.POST.get("text", ""), files=request.FILES.getlist("files")),
        "已提交整改反馈")


@login_required
@require_POST
def send_back(request: HttpRequest, record_pk: int) -> HttpResponse:
    record = _record(request, record_pk, "rectification.close_rectification")
    return _act(request, visible_evaluation(request, record.evaluation_id), lambda: services.send_back(
        record.pk, _user(request), text=request.POST.get("text", ""), deadline=_deadline(request)),
        "已退回补充")


@login_required
@require_POST
def close(request: HttpRequest, record_pk: int) -> HttpResponse:
    record = _record(request, record_pk, "rectification.close_rectification")
    return _act(request, visible_evaluation(request, record.evaluation_id), lambda: services.close(
        record.pk, _user(request), text=request.POST.get("text", "")), "整改已办结")


@login_required
@require_GET
def attachment(request: HttpRequest, pk: int) -> FileResponse:
    found = get_object_or_404(
        Attachment.objects.select_related("file", "entry__rectification"),
        pk=pk, entry__rectification__in=Rectification.objects.visible_to(_user(request)))
    path = Path(found.file.path)
    if not path.is_file():
        raise Http404
    return FileResponse(path.open("rb"), as_attachment=True, filename=found.name)
