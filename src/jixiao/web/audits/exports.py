"""A batch's results as the core's :class:`~jixiao.render.audit_outputs.AuditBatch`, written as
a workbook or as the review memo (审核意见书: Word, or PDF through LibreOffice)."""

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


def export(batch: BatchAudit, fmt: str, folder: Path) -> Path:
    """The batch's results written in ``fmt`` (xlsx, docx or pdf) into ``folder``."""
    data = audit_batch(batch)
    name = f"批量审核{batch.pk}-{FORMATS[fmt]}"
    if fmt == "xlsx":
        return write_results_workbook(data, folder / f"{name}.xlsx")
    memo = write_memo(data, folder / f"{name}.docx")
    if fmt == "docx":
        return memo
    from jixiao.render.pdf import render_pdf

    return render_pdf(memo, folder / f"{name}.pdf")

