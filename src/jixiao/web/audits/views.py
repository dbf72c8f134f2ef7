"""Pages of batch audits: the list with the upload form, a batch's progress and rows, a file's
findings with their places, and the exports."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from jixiao.io.errors import InputError
from jixiao.web.audits import exports, services
from jixiao.web.audits.checking import place_of
from jixiao.web.audits.models import BatchAudit
from jixiao.web.evaluations.services import ActionRefused


def may_audit(request: HttpRequest) -> None:
    if not request.user.has_perm("audits.add_batchaudit"):
        raise PermissionDenied("批量审核仅供审核人和管理员使用")


def visible_batch(request: HttpRequest, pk: int) -> BatchAudit:
    """The batch if the user may see it (404 otherwise: its existence is not disclosed)."""
    may_audit(request)
    batch = get_object_or_404(
        BatchAudit.objects.visible_to(request.user).select_related("organisation", "created_by"), pk=pk
    )
    if not request.user.has_perm("audits.view_batchaudit", batch):
        raise Http404
    return batch


@login_required
@require_GET
def audit_list(request: HttpRequest) -> HttpResponse:
    may_audit(request)
    batches = BatchAudit.objects.visible_to(request.user).select_related("organisation", "created_by")
    page = Paginator(batches, 20).get_page(request.GET.get("page"))
    rows = [(batch, batch.progress()) for batch in page]
    return render(request, "audits/list.html", {"page": page, "rows": rows,
                                                "max_mb": settings.AUDIT_UPLOAD_MAX_BYTES // (1024 * 1024)})


@login_required
@require_POST
def audit_new(request: HttpRequest) -> HttpResponse:
    may_audit(request)
    try:
        batch = services.start_batch(request.user, request.FILES.getlist("files"))
    except services.UploadRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("audits")
    return redirect("audit", pk=batch.pk)


@login_required
@require_GET
def audit_page(request: HttpRequest, pk: int) -> HttpResponse:
    batch = visible_batch(request, pk)
    context = {"batch": batch, "progress": batch.progress(), "files": batch.files.all()}
    template = "audits/_batch.html" if request.htmx else "audits/detail.html"  # type: ignore[attr-defined]
    return render(request, template, context)


@login_required
@require_GET
def audit_file_page(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    batch = visible_batch(request, pk)
    file = get_object_or_404(batch.files, number=number)
    findings = [(item, place_of(item["where"])) for item in file.result.get("findings", [])]
    passed = [(item, place_of(item["where"])) for item in file.result.get("passed") or []]
    return render(request, "audits/file.html", {"batch": batch, "file": file, "findings": findings,
                                                "passed": passed})


@login_required
@require_GET
def audit_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    batch = visible_batch(request, pk)
    if fmt not in exports.FORMATS:
        raise Http404
    try:
        written = exports.exported(batch, fmt)
    except ActionRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("audit", pk=pk)
    except InputError as error:
        messages.error(request, f"导出失败：{error.message}")
        return redirect("audit", pk=pk)
    return FileResponse(written.open("rb"), as_attachment=True, filename=written.name)
