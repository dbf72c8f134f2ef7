"""A batch's results as the core's :class:`~jixiao.render.audit_outputs.AuditBatch`, written as
a workbook or as the review memo (审核意见书: Word, or PDF through LibreOffice). What the page
and the API both call."""

from __future__ import annotations

from pathlib import Path

from django.utils import timezone

from jixiao.findings import Severity
from jixiao.render.audit_outputs import (
    AuditBatch,
    AuditedFile,
    AuditedFinding,
    write_memo,
    write_results_workbook,
)
from jixiao.web.audits.checking import place_of
from jixiao.web.audits.models import BatchAudit, BatchFile
from jixiao.web.evaluations.jobs import files_dir
from jixiao.web.evaluations.services import ActionRefused

FORMATS = {"xlsx": "审核结果", "docx": "审核意见书", "pdf": "审核意见书"}


def audited(file: BatchFile) -> AuditedFile:
    findings = tuple(
        AuditedFinding(Severity(item["severity"]).chinese, item["code"], item["message"],
                       place_of(item["where"]), item.get("evidence", ""))
        for item in file.result.get("findings", [])
    )
    return AuditedFile(file.name, file.error_count, file.warning_count, file.info_count, file.checked,
                       file.template, file.error if file.status == "failed" else "", findings)


def audit_batch(batch: BatchAudit) -> AuditBatch:
    organisation = batch.organisation.name if batch.organisation else "—"
    date = timezone.localtime(batch.finished_at or batch.created_at).strftime("%Y年%m月%d日")
    return AuditBatch("预算绩效自评报告审核意见书", organisation, str(batch.created_by), date,
                      tuple(audited(file) for file in batch.files.all()))


def exported(batch: BatchAudit, fmt: str) -> Path:
    """The finished batch's results in ``fmt`` (xlsx, docx or pdf), written the first time they
    are asked for and kept: a finished batch's results do not change. :class:`ActionRefused`
    while files are still being checked; :class:`~jixiao.io.errors.InputError` when writing fails."""
    if batch.finished_at is None:
        raise ActionRefused("审核尚未完成，完成后才能导出")
    target = files_dir("audits", str(batch.pk), "exports") / f"批量审核{batch.pk}-{FORMATS[fmt]}.{fmt}"
    if target.is_file():
        return target
    if fmt == "xlsx":
        return write_results_workbook(audit_batch(batch), target)
    if fmt == "docx":
        return write_memo(audit_batch(batch), target)
    from jixiao.render.pdf import render_pdf  # LibreOffice's module, for the one format that needs it

    return render_pdf(exported(batch, "docx"), target)
