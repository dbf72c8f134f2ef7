"""Background tasks: render an evaluation to a file, read an upload into evaluation data.

Each task takes the id of its :class:`Job` row and writes its progress and result there. A
task is idempotent (a finished job is left as it is) and acknowledged late, so a worker that
dies mid-task leaves it to be run again by another.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from jixiao.io.errors import InputError
from jixiao.web.evaluations.budget import BudgetExceeded, within_budget
from jixiao.web.evaluations.filenames import safe_name
from jixiao.web.evaluations.models import Job, JobStatus, StoredFile
from jixiao.web.evaluations.reading import read_upload

RENDER_FORMATS = {"docx": "Word 报告", "pdf": "PDF 报告", "xlsx": "Excel 附件表"}


def files_dir(*parts: str) -> Path:
    folder = Path(settings.MEDIA_ROOT).joinpath(*parts)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _claim(job_id: int) -> Job | None:
    """The job, marked running, unless it is finished already (a redelivered task)."""
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.finished:
            return None
        job.status = JobStatus.RUNNING
        job.save(update_fields=["status"])
    return job


def _step(job: Job, text: str) -> None:
    job.step = text
    job.save(update_fields=["step"])


def _finish(job: Job, *, error: str = "", **fields: Any) -> None:
    for name, value in fields.items():
        setattr(job, name, value)
    job.status = JobStatus.FAILED if error else JobStatus.DONE
    job.error = error
    job.finished_at = timezone.now()
    job.save()


@shared_task(acks_late=True, reject_on_worker_lost=True)
def render_job(job_id: int) -> None:
    job = _claim(job_id)
    if job is None:
        return
    _step(job, f"正在生成{RENDER_FORMATS.get(job.format, job.format)}")
    what = "附件表" if job.format == "xlsx" else "自评报告"
    # A unit's name is the bureau's to type: one safe file name, whatever it holds.
    name = safe_name(f"{job.evaluation.year}年度{job.evaluation.unit.name}{what}")
    output = files_dir("renders", str(job.pk)) / f"{name}.{job.format}"
    own = job.evaluation.task.template_file
    try:
        warnings = render_data(job.result["data"], output, Path(own.path) if own else None)
    except InputError as error:
        _finish(job, error=error.describe())
        return
    _finish(job, output=str(output), step="已完成", result={"warnings": list(warnings), "name": output.name})


def render_data(data: dict[str, Any], output: Path, user_template: Path | None = None) -> tuple[str, ...]:
    """The same rendering as `jixiao render`, of the evaluation's plain data (in the bureau's
    own Word template when the task has one)."""
    from jixiao.io.validate import validate_evaluation
    from jixiao.profiles import load_profile
    from jixiao.render.outputs import render_file
    from jixiao.render.spec import load_template

    evaluation = validate_evaluation(data, {}, "自评数据")
    profile = load_profile(evaluation.profile)
    # Written atomically by render_file; a redelivered task may replace its own earlier file.
    return render_file(evaluation, profile, load_template(evaluation.template), user_template, output,
                       force=True)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def import_job(job_id: int) -> None:
    job = _claim(job_id)
    if job is None:
        return
    incoming = Path(job.result["incoming"])
    _step(job, "正在读取文件（扫描件需要识别文字，可能需要几分钟）")
    try:
        data, missing = within_budget(read_upload, str(incoming))
    except (InputError, BudgetExceeded) as error:
        incoming.unlink(missing_ok=True)
        _finish(job, error=upload_error(error, job.upload_name))
        return
    except Exception:
        incoming.unlink(missing_ok=True)
        _finish(job, error=f"{job.upload_name}：读取时系统内部出错，文件本身未必有误；请稍后重试或联系管理员")
        raise
    stored = keep_file(incoming, job.upload_name)
    _finish(
        job, upload=stored, step="已完成", result={"data": data, "missing": missing, "name": job.upload_name}
    )


def upload_error(error: Exception, name: str) -> str:
    if isinstance(error, InputError):
        return "\n".join(f"{name}：{problem.located()}" for problem in error.problems)
    return f"{name}：{error}"


def keep_file(incoming: Path, name: str) -> StoredFile:
    """The upload, now read, kept once by its content hash."""
    digest = hashlib.sha256(incoming.read_bytes()).hexdigest()
    kept = files_dir("uploads") / f"{digest}{incoming.suffix.lower()}"
    if kept.exists():
        incoming.unlink()
    else:
        shutil.move(incoming, kept)
    stored, _ = StoredFile.objects.get_or_create(
        sha256=digest, defaults={"name": name[:255], "size": kept.stat().st_size, "path": str(kept)}
    )
    return stored
