"""Starting a batch audit: what the page and the API both call."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction

from jixiao.io.limits import MB
from jixiao.web.audits.archive import Upload, receive
from jixiao.web.audits.models import BatchAudit, BatchFile, FileStatus
from jixiao.web.audits.tasks import audit_file, write_exports
from jixiao.web.evaluations.jobs import files_dir


class UploadRefused(Exception):
    """The upload as a whole cannot be taken; the Chinese message says why."""


def start_batch(user: Any, uploads: Sequence[Any]) -> BatchAudit:
    """A batch of the uploaded files (reports or zips), each file queued for a worker; a file
    that cannot be taken (a damaged zip, one past the limits) is a finished row with its reason.
    :class:`UploadRefused` when nothing was sent or it is too large in all."""
    if not uploads:
        raise UploadRefused("请选择要审核的报告文件或 zip 压缩包")
    total, limit = sum(upload.size or 0 for upload in uploads), settings.AUDIT_UPLOAD_MAX_BYTES
    if total > limit:
        raise UploadRefused(f"上传的文件共 {total // MB} MB，超过 {limit // MB} MB 的上限，请分批上传")
    with transaction.atomic():
        batch = BatchAudit.objects.create(title=_title(uploads), organisation=user.organisation,
                                          created_by=user)
        received = receive([Upload(upload.name or "", upload) for upload in uploads],
                           files_dir("audits", str(batch.pk)))
        rows = BatchFile.objects.bulk_create(
            BatchFile(batch=batch, number=number, name=item.name, path=str(item.path or ""), size=item.size,
                      status=FileStatus.FAILED if item.error else FileStatus.QUEUED, error=item.error,
                      results=1 if item.error else 0)
            for number, item in enumerate(received, start=1)
        )
        queued = [row.pk for row in rows if row.status == FileStatus.QUEUED]
        if not queued:
            batch.finished_at = batch.created_at
            batch.save(update_fields=["finished_at"])
            transaction.on_commit(lambda: write_exports.delay(batch.pk))
        transaction.on_commit(lambda: [audit_file.delay(file_id) for file_id in queued])
    return batch


def _title(uploads: Sequence[Any]) -> str:
    first = Path(uploads[0].name or "上传文件").name
    return first if len(uploads) == 1 else f"{first} 等 {len(uploads)} 个文件"
