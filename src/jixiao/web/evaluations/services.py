"""What users do to evaluations, one function per action, each in one transaction.

Views parse the request and call these; the arithmetic, scores and checks are the core's
(:mod:`jixiao.web.evaluations.analysis`).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F

from jixiao.io.fields import title_path
from jixiao.numbers import quantize_half_up
from jixiao.profiles.model import AlertSeverity
from jixiao.web.accounts.models import Organisation, User
from jixiao.web.evaluations import paths
from jixiao.web.evaluations.analysis import Analysis, analyse
from jixiao.web.evaluations.carry import carried_over, start_data
from jixiao.web.evaluations.jobs import RENDER_FORMATS, files_dir, import_job, render_job
from jixiao.web.evaluations.models import (
    EDITABLE,
    Evaluation,
    FieldChange,
    Job,
    JobKind,
    JobStatus,
    Status,
    StoredFile,
    Task,
    TaskStatus,
)

UPLOAD_SUFFIXES = (".xlsx", ".yaml", ".yml", ".json", ".docx", ".doc", ".pdf", ".txt", ".xls", ".png", ".jpg",
                   ".jpeg")


class ActionRefused(Exception):
    """An action the rules do not allow now; the Chinese message says why."""


class StaleVersion(ActionRefused):
    """The page was made from an older version than the one stored."""

    def __init__(self, seen: int, stored: Evaluation) -> None:
        who = stored.updated_by or "他人"
        super().__init__(
            f"保存未成功：您编辑的是第 {seen} 版，此后 {who} 已保存了第 {stored.version} 版。"
            "您的输入仍在页面上，未被保存；请先复制需要保留的内容，再重新打开页面，在最新版本上修改。"
        )
        self.stored = stored


class InvalidData(ActionRefused):
    """The data is not a valid evaluation: ``problems`` maps field paths to Chinese messages."""

    def __init__(self, problems: dict[str, list[str]]) -> None:
        super().__init__("有填写错误，未保存：请按各项旁的提示修改")
        self.problems = problems


def issue_task(*, scope: Organisation, year: int, title: str, template: str, profile: str, deadline: date,
               by: User, template_file: StoredFile | None = None) -> Task:
    """A 自评任务 for every unit under ``scope``; ``template_file``: the bureau's own Word template,
    already checked in the sandbox."""
    return Task.objects.create(scope=scope, year=year, title=title, template=template, profile=profile,
                               deadline=deadline, created_by=by, template_file=template_file)


@transaction.atomic
def cancel_task(task: Task, by: User) -> None:
    if task.status == TaskStatus.CANCELLED:
        raise ActionRefused("此任务已取消")
    task.status = TaskStatus.CANCELLED
    task._change_reason = f"{by} 取消任务"  # type: ignore[attr-defined]
    task.save(update_fields=["status"])


@transaction.atomic
def start_evaluation(
    task: Task, unit: Organisation, by: User, *, carry_from: Evaluation | None = None
) -> Evaluation:
    """The unit's evaluation for the task: blank, or carried over from last year's."""
    if task.status != TaskStatus.OPEN:
        raise ActionRefused("此任务已取消，不能再开始自评")
    existing = Evaluation.objects.filter(task=task, unit=unit).first()
    if existing is not None:  # a second click, or two people at once: one evaluation
        return existing
    if carry_from is not None:
        if carry_from.unit_id != unit.pk or carry_from.year >= task.year:
            raise ActionRefused("只能从本单位以前年度的自评结转")
        data = carried_over(carry_from.data, task.year, task.template, task.profile)
    else:
        data = start_data(task.template, task.profile, task.year, unit.name)
    evaluation = Evaluation(
        task=task, unit=unit, year=task.year, data=data, updated_by=by, carried_from=carry_from
    )
    summarise(evaluation, analyse(data))
    evaluation.save()
    return evaluation


@dataclass(frozen=True)
class Saved:
    evaluation: Evaluation
    changes: int


@transaction.atomic
def save_data(
    evaluation_id: int, data: dict[str, Any], *, seen_version: int, by: User, analysis: Analysis | None = None
) -> Saved:
    """Store the data as the next version, if the page was made from the current one; log
    every changed field. Raises :class:`StaleVersion` or :class:`ActionRefused`."""
    evaluation = Evaluation.objects.select_for_update().get(pk=evaluation_id)
    if evaluation.status not in EDITABLE:
        raise ActionRefused(f"自评状态为“{evaluation.get_status_display()}”，不能修改")
    if evaluation.version != seen_version:
        raise StaleVersion(seen_version, evaluation)
    changes = paths.changed_fields(evaluation.data, data)
    if not changes:
        return Saved(evaluation, 0)
    analysis = analysis or analyse(data)
    if not analysis.valid:
        raise InvalidData(analysis.problems)
    # Compare-and-set on the version as well: a save that raced past the lock loses.
    updated = Evaluation.objects.filter(pk=evaluation.pk, version=seen_version).update(
        version=F("version") + 1
    )
    if not updated:
        raise StaleVersion(seen_version, Evaluation.objects.get(pk=evaluation.pk))
    evaluation.version = seen_version + 1
    evaluation.data = data
    evaluation.updated_by = by
    summarise(evaluation, analysis)
    evaluation._change_reason = f"保存第 {evaluation.version} 版（{len(changes)} 处修改）"  # type: ignore[attr-defined]
    evaluation.save()
    FieldChange.objects.bulk_create(
        FieldChange(
            evaluation=evaluation,
            version=evaluation.version,
            path=path,
            label=_label(path),
            old=_text(old),
            new=_text(new),
            user=by,
        )
        for path, old, new in changes
    )
    return Saved(evaluation, len(changes))


def summarise(evaluation: Evaluation, analysis: Analysis) -> None:
    """The figures lists and dashboards show without re-checking: counts, the rule's total
    and grade, the key figures and the profile's 预警, all as the core computed them."""
    for name, value in summary_fields(analysis).items():
        setattr(evaluation, name, value)


def summary_fields(analysis: Analysis) -> dict[str, Any]:
    """Field name → value of :class:`Evaluation`'s summary columns for ``analysis``."""
    counts = analysis.counts
    fields: dict[str, Any] = dict.fromkeys(_FIGURE_FIELDS.values())
    fields |= {"error_count": counts["error"], "warning_count": counts["warning"], "score": "", "grade": "",
               "alert_count": 0, "red_alert_count": 0, "alert_ids": "", "alerts": []}
    figures = analysis.figures
    if figures is None:
        return fields
    for attribute, name in _FIGURE_FIELDS.items():
        value = getattr(figures, attribute)
        fields[name] = None if value is None else quantize_half_up(value, 4)
    if figures.score is not None:
        fields["score"] = format(figures.score, "f")
        fields["grade"] = figures.grade
    alerts = analysis.alerts(figures)
    fields |= {
        "alert_count": len(alerts),
        "red_alert_count": sum(alert.severity is AlertSeverity.RED for alert in alerts),
        "alert_ids": "".join(f"|{alert.rule_id}" for alert in alerts) + ("|" if alerts else ""),
        "alerts": [{"id": alert.rule_id, "version": alert.version, "name": alert.name,
                    "severity": alert.severity.value, "message": alert.message} for alert in alerts],
    }
    return fields


# KeyFigures attribute → Evaluation column (stored to 4 decimals, the columns' precision).
_FIGURE_FIELDS = {
    "score": "score_value",
    "execution_rate": "execution_rate",
    "budget": "budget_total",
    "actual": "actual_total",
    "three_public": "three_public",
    "three_public_prior": "three_public_prior",
    "three_public_change": "three_public_change",
}


def _label(path: str) -> str:
    return title_path(paths.steps(path))[:300]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def queue_render(evaluation: Evaluation, by: User, fmt: str) -> Job:
    """A job rendering the evaluation's current data as ``fmt`` (Word, PDF or Excel)."""
    if fmt not in RENDER_FORMATS:
        raise ActionRefused("请选择 Word、PDF 或 Excel")
    if not analyse(evaluation.data).valid:
        raise ActionRefused("自评数据有填写错误，请先修改并保存")
    job = Job.objects.create(kind=JobKind.RENDER, evaluation=evaluation, user=by, format=fmt,
                             version=evaluation.version, result={"data": evaluation.data},
                             step="排队等待生成")
    transaction.on_commit(lambda: render_job.delay(job.pk))
    return job


def queue_import(evaluation: Evaluation, by: User, received: UploadedFile) -> Job:
    """A job reading the uploaded file into evaluation data (for the user to look at and save)."""
    name = Path(received.name or "上传文件").name
    suffix = Path(name).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise ActionRefused(f"不能读取“{suffix or '无扩展名'}”文件：请上传 {'、'.join(UPLOAD_SUFFIXES)} 之一")
    if received.size is None or received.size > settings.UPLOAD_MAX_BYTES:
        raise ActionRefused(f"文件超过 {settings.UPLOAD_MAX_BYTES // (1024 * 1024)} MB，不能上传")
    incoming = files_dir("incoming") / f"{secrets.token_hex(16)}{suffix}"
    with incoming.open("wb") as out:
        for chunk in received.chunks():
            out.write(chunk)
    job = Job.objects.create(kind=JobKind.IMPORT, evaluation=evaluation, user=by, upload_name=name[:255],
                             version=evaluation.version, result={"incoming": str(incoming)},
                             step="排队等待读取")
    transaction.on_commit(lambda: import_job.delay(job.pk))
    return job


def imported_data(job: Job) -> dict[str, Any] | None:
    """What a finished import gives the evaluation: the file's data with the year, template,
    profile and unit the task decides, not the file; ``None`` before the job is done."""
    if job.kind != JobKind.IMPORT or job.status != JobStatus.DONE:
        return None
    return with_task_fields(job.evaluation, job.result["data"])


def with_task_fields(evaluation: Evaluation, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with the year, template, profile and unit name the task decides, whatever the
    file or the client gave."""
    data = dict(data)
    for key in ("year", "template", "profile"):
        data[key] = evaluation.data.get(key)
    unit = data.get("unit")
    data["unit"] = {**(unit if isinstance(unit, dict) else {}), "name": evaluation.unit.name}
    return data


def previous_evaluations(unit: Organisation, year: int) -> list[Evaluation]:
    """The unit's evaluations of earlier years, latest first: what a new one can carry over."""
    return list(Evaluation.objects.filter(unit=unit, year__lt=year).order_by("-year"))


__all__ = [
    "ActionRefused",
    "InvalidData",
    "Saved",
    "StaleVersion",
    "Status",
    "cancel_task",
    "imported_data",
    "issue_task",
    "queue_import",
    "queue_render",
    "save_data",
    "start_evaluation",
    "with_task_fields",
]
