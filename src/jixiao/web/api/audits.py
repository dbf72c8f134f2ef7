"""Batch audits through the API: upload reports, follow the batch, read each file's findings
and what was checked, take the results as a workbook or a memo. The same services, scope and
permissions as the pages (:mod:`jixiao.web.audits.views`)."""

from __future__ import annotations

from typing import Any

from django.http import FileResponse, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import File, Query, Router, Status, UploadedFile
from ninja import Path as InPath

from jixiao.io.errors import InputError
from jixiao.web.api import schemas
from jixiao.web.api.errors import DOWNLOAD, ERROR_RESPONSES, Unprocessable, responses
from jixiao.web.api.paging import Page, page_of
from jixiao.web.audits import exports, services
from jixiao.web.audits.models import BatchAudit, BatchFile
from jixiao.web.audits.views import may_audit, visible_batch

router = Router(tags=["批量审核"])

BatchId = InPath(..., ge=1, le=schemas.MAX_ID, description="批量审核编号")
FileNumber = InPath(..., ge=1, le=2**31 - 1, description="文件序号")


def batch_summary(batch: BatchAudit) -> dict[str, Any]:
    return {"id": batch.pk, "title": batch.title,
            "organisation": batch.organisation.name if batch.organisation else None,
            "created_by": str(batch.created_by), "created_at": batch.created_at,
            "finished_at": batch.finished_at, "progress": batch.progress()}


def file_row(file: BatchFile) -> dict[str, Any]:
    return {"number": file.number, "name": file.name, "size": file.size, "status": file.status,
            "status_label": file.get_status_display(), "error": file.error,
            "counts": {"error": file.error_count, "warning": file.warning_count, "info": file.info_count},
            "checked": file.checked, "template": file.template, "pages": file.pages,
            "finished_at": file.finished_at}


@router.get("", response=responses(200, Page[schemas.AuditSummary]), summary="批量审核列表（本组织及下级）")
def list_batches(request: HttpRequest, page: int = Query(1, ge=1, le=1_000_000),
                 page_size: int = Query(20, ge=1, le=200)) -> dict[str, Any]:
    may_audit(request)
    batches = BatchAudit.objects.visible_to(request.user).select_related("organisation", "created_by")
    return page_of(batches, page, page_size, batch_summary)


@router.post("", response=responses(202, schemas.AuditSummary),
             summary="上传报告（docx、xlsx、pdf、txt、yaml，或其 zip 压缩包；可多个）开始批量审核："
                     "每个文件一项后台任务")
def start_batch(request: HttpRequest, files: list[UploadedFile] = File(...)) -> Status:
    may_audit(request)
    try:
        batch = services.start_batch(request.user, files)
    except services.UploadRefused as refusal:
        raise Unprocessable(str(refusal)) from refusal
    return Status(202, batch_summary(visible_batch(request, batch.pk)))


@router.get("/{batch_id}", response=responses(200, schemas.AuditDetail),
            summary="批量审核的进度与每个文件的结果概要")
def get_batch(request: HttpRequest, batch_id: int = BatchId) -> dict[str, Any]:
    batch = visible_batch(request, batch_id)
    return batch_summary(batch) | {"files": [file_row(file) for file in batch.files.all()]}


@router.get("/{batch_id}/files/{number}", response=responses(200, schemas.AuditFileResult),
            summary="一个文件的问题清单与已核对相符的关系（与 jixiao check --all 相同）")
def get_file(request: HttpRequest, batch_id: int = BatchId, number: int = FileNumber) -> dict[str, Any]:
    file = get_object_or_404(visible_batch(request, batch_id).files, number=number)
    return file_row(file) | {"findings": file.result.get("findings", []),
                             "passed": file.result.get("passed") or []}


@router.get("/{batch_id}/export/{fmt}", response=ERROR_RESPONSES, url_name="audit_export_file",
            summary="导出结果：xlsx（审核结果表）、docx 或 pdf（审核意见书）；审核完成后才能导出",
            openapi_extra=DOWNLOAD)
def export_batch(request: HttpRequest, fmt: schemas.AuditExportFormat, batch_id: int = BatchId
                 ) -> FileResponse:
    batch = visible_batch(request, batch_id)
    try:
        written = exports.exported(batch, fmt)
    except InputError as error:
        raise Unprocessable(f"导出失败：{error.message}") from error
    return FileResponse(written.open("rb"), as_attachment=True, filename=written.name,
                        content_type="application/octet-stream")
