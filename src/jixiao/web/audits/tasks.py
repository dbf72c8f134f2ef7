"""The batch audit's Celery tasks: one per file, and one per range of pages of a large scan.

Acknowledged late, so a worker that dies mid-file leaves its message to be delivered again; and
since a broker may still lose a message (Redis: one taken by a worker killed before it noted it),
every worker looks, now and then, for files left unfinished long after they were last touched
(:data:`settings.AUDIT_STALE_SECONDS`) and queues them again.
A task claims its file with a conditional update (queued, or running under a stale claim →
running, with a claim of its own and one more attempt) and writes the result only while its
claim stands, so a message delivered twice checks a finished or running file no more, and a
file gets exactly one result.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
import threading
import time
from datetime import timedelta
from pathlib import Path

from celery import shared_task
from celery.signals import worker_ready
from django.conf import settings
from django.db import close_old_connections, transaction
from django.db.models import F, Q
from django.utils import timezone

from jixiao.documents.ocr_cache import cache_dir
from jixiao.io.errors import InputError
from jixiao.web.audits.checking import PART_SECONDS, check, in_child, row_fields, start_child
from jixiao.web.audits.models import FINISHED, BatchAudit, BatchFile, BatchPart, FileStatus
from jixiao.web.evaluations.budget import BudgetExceeded

logger = logging.getLogger(__name__)


def claim(file_id: int) -> str | None:
    """A claim on the file for this attempt: on a queued file, or on one whose last claim is
    stale (its worker died); ``None`` when it is finished, being split or being checked."""
    token, now = secrets.token_hex(16), timezone.now()
    stale = now - timedelta(seconds=settings.AUDIT_STALE_SECONDS)
    claimed = BatchFile.objects.filter(
        Q(status=FileStatus.QUEUED) | Q(status=FileStatus.RUNNING, touched_at__lt=stale), pk=file_id
    ).update(status=FileStatus.RUNNING, claim=token, attempts=F("attempts") + 1, touched_at=now)
    return token if claimed else None


@shared_task(acks_late=True, reject_on_worker_lost=True)
def audit_file(file_id: int) -> None:
    start_child()  # before the claim: a claim's age is the file's time, not the child's start-up
    token = claim(file_id)
    if token is None:
        return
    file = BatchFile.objects.get(pk=file_id)
    if split(file, token):
        return
    finish(file, token, row_fields(check(Path(file.path)), file.name))


def finish(file: BatchFile, token: str, fields: dict[str, object]) -> bool:
    """Write the result while the claim stands; whether it was written."""
    status = FileStatus.FAILED if fields["error"] else FileStatus.DONE
    written = BatchFile.objects.filter(pk=file.pk, claim=token, status=FileStatus.RUNNING).update(
        status=status, results=F("results") + 1, finished_at=timezone.now(), **fields
    )
    if written:
        close_batch(file.batch_id)
    return bool(written)


def close_batch(batch_id: int) -> None:
    """Mark the batch finished once its last file is; the one task that marks it queues its
    exports."""
    if BatchFile.objects.filter(batch_id=batch_id).exclude(status__in=FINISHED).exists():
        return
    if BatchAudit.objects.filter(pk=batch_id, finished_at__isnull=True).update(finished_at=timezone.now()):
        transaction.on_commit(lambda: write_exports.delay(batch_id))


@shared_task(acks_late=True, reject_on_worker_lost=True)
def write_exports(batch_id: int) -> None:
    """A finished batch's workbook and memo written ahead, so that their downloads are at hand:
    LibreOffice takes a while over the memo of a thousand files, too long for a page to wait.
    Written once (a file already there is kept); one that fails is tried again, and its error
    shown, when it is asked for."""
    from jixiao.web.audits.exports import FORMATS, exported

    batch = BatchAudit.objects.select_related("organisation", "created_by").filter(pk=batch_id).first()
    if batch is None:  # deleted since
        return
    for fmt in FORMATS:
        try:
            exported(batch, fmt)
        except InputError:
            logger.warning("批量审核 %s：预先导出 %s 失败", batch_id, fmt, exc_info=True)


def split(file: BatchFile, token: str) -> bool:
    """Hand a large PDF's pages to several tasks (each reads its range into the shared OCR
    cache; the last one queues the file again, to be checked whole from the cache); whether it
    was split. A file whose parts are read already, or with no cache to share, is not."""
    per_task = settings.AUDIT_PAGES_PER_TASK
    if Path(file.path).suffix.lower() != ".pdf" or cache_dir() is None or file.parts.exists():
        return False
    from jixiao.documents.pdf.reader import page_count

    try:
        pages = in_child(page_count, Path(file.path), seconds=PART_SECONDS)
    except (InputError, BudgetExceeded):
        return False  # the whole file's check says what is wrong with it
    if pages <= per_task:
        return False
    with transaction.atomic():
        if not BatchFile.objects.filter(pk=file.pk, claim=token, status=FileStatus.RUNNING).update(
            status=FileStatus.SPLIT, pages=pages, touched_at=timezone.now()
        ):
            return True
        parts = BatchPart.objects.bulk_create(
            BatchPart(file=file, start=start, stop=min(start + per_task, pages))
            for start in range(0, pages, per_task)
        )
        ids = [part.pk for part in parts]
        transaction.on_commit(lambda: [read_part.delay(part_id) for part_id in ids])
    return True


@shared_task(acks_late=True, reject_on_worker_lost=True)
def read_part(part_id: int) -> None:
    part = BatchPart.objects.select_related("file").filter(pk=part_id, done=False).first()
    if part is None:
        return
    from jixiao.documents.pdf.reader import read_pages

    with contextlib.suppress(InputError, BudgetExceeded):  # the whole file's check reports it
        in_child(read_pages, Path(part.file.path), part.start, part.stop, seconds=PART_SECONDS)
    marked = BatchPart.objects.filter(pk=part_id, done=False).update(done=True)
    if marked and not BatchPart.objects.filter(file_id=part.file_id, done=False).exists():
        requeue(part.file_id)


def requeue(file_id: int) -> None:
    """Queue a split file to be checked whole, once: by the task that read its last part."""
    queued = BatchFile.objects.filter(pk=file_id, status=FileStatus.SPLIT).update(
        status=FileStatus.QUEUED, touched_at=timezone.now()
    )
    if queued:
        audit_file.delay(file_id)


def requeue_stale(seconds: float) -> int:
    """Queue again every file (or the unread parts of a split one) untouched for ``seconds``;
    each by one sweeper only (a conditional update on its time); returns how many."""
    now = timezone.now()
    stale = BatchFile.objects.filter(
        status__in=[FileStatus.QUEUED, FileStatus.RUNNING, FileStatus.SPLIT],
        touched_at__lt=now - timedelta(seconds=seconds),
    ).values_list("pk", "status", "touched_at")[:1000]
    count = 0
    for file_id, status, touched in stale:
        # A stale claim is given up: the file is queued again, for the next claim to take.
        again = FileStatus.SPLIT if status == FileStatus.SPLIT else FileStatus.QUEUED
        if not BatchFile.objects.filter(pk=file_id, touched_at=touched).update(status=again, touched_at=now):
            continue
        count += 1
        if status == FileStatus.SPLIT:
            for part_id in BatchPart.objects.filter(file_id=file_id, done=False).values_list("pk", flat=True):
                read_part.delay(part_id)
        else:
            audit_file.delay(file_id)
    return count


@worker_ready.connect
def start_sweeping(**_: object) -> None:
    """In every worker: look for stale files every so often, for as long as the worker runs."""
    seconds = settings.AUDIT_STALE_SECONDS
    interval = max(1.0, min(60.0, seconds / 3))

    def sweep() -> None:
        while True:
            time.sleep(interval)
            try:
                requeue_stale(seconds)
            except Exception:  # the database or broker away for a moment: the next sweep tries again
                logger.warning("批量审核：重新排队时出错", exc_info=True)
            finally:
                close_old_connections()

    threading.Thread(target=sweep, name="jixiao-audit-sweeper", daemon=True).start()
