"""A batch audit and its files. Each file's row is its task's state and result: the worker
claims it with a conditional update, so a task delivered twice checks the file once and writes
its result once (``attempts`` counts claims, ``results`` the results written)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from jixiao.web.accounts.models import Organisation, Role


class BatchAuditQuerySet(QuerySet["BatchAudit"]):
    def visible_to(self, user: Any) -> BatchAuditQuerySet:
        """The batches of the user's organisation and those under it (a 管理员: every one); the
        scope of the list and of every permission rule."""
        if user.role == Role.ADMIN or user.is_superuser:
            return self.all()
        return self.filter(organisation__in=user.visible_organisations())


class BatchAudit(models.Model):
    """One upload of reports to audit, by a reviewer of one organisation."""

    title = models.CharField("名称", max_length=200)
    organisation = models.ForeignKey(
        Organisation, verbose_name="所属组织", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="上传人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("上传时间", auto_now_add=True)
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)

    objects = BatchAuditQuerySet.as_manager()

    class Meta:
        verbose_name = "批量审核"
        verbose_name_plural = "批量审核"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title

    def progress(self) -> dict[str, int]:
        """Files in all, finished, with errors, unreadable; findings by severity."""
        done = Q(status__in=FINISHED)
        counts = self.files.aggregate(
            total=Count("id"),
            finished=Count("id", filter=done),
            failed=Count("id", filter=Q(status=FileStatus.FAILED)),
            with_errors=Count("id", filter=Q(error_count__gt=0)),
            errors=models.Sum("error_count", default=0),
            warnings=models.Sum("warning_count", default=0),
            infos=models.Sum("info_count", default=0),
        )
        counts["percent"] = counts["finished"] * 100 // counts["total"] if counts["total"] else 100
        return counts


class FileStatus(models.TextChoices):
    QUEUED = "queued", "排队中"
    RUNNING = "running", "校验中"
    SPLIT = "split", "分页识别中"
    DONE = "done", "已完成"
    FAILED = "failed", "无法校验"


FINISHED = (FileStatus.DONE, FileStatus.FAILED)


class BatchFile(models.Model):
    """One file of a batch: kept under a name of jixiao's own (``path``); ``name`` is the name
    the user gave it (its path inside the zip)."""

    batch = models.ForeignKey(BatchAudit, on_delete=models.CASCADE, related_name="files")
    number = models.PositiveIntegerField("序号")
    name = models.CharField("文件", max_length=500)
    path = models.CharField(max_length=500)
    size = models.PositiveBigIntegerField("大小", default=0)
    status = models.CharField("状态", max_length=20, choices=FileStatus.choices, default=FileStatus.QUEUED)
    claim = models.CharField(max_length=32, blank=True)
    attempts = models.PositiveIntegerField("处理次数", default=0)
    results = models.PositiveIntegerField("结果次数", default=0)
    result = models.JSONField("校验结果", default=dict, blank=True)
    error = models.TextField("无法校验的原因", blank=True)
    error_count = models.PositiveIntegerField("错误", default=0)
    warning_count = models.PositiveIntegerField("警告", default=0)
    info_count = models.PositiveIntegerField("提示", default=0)
    checked = models.CharField("核对情况", max_length=100, blank=True)
    template = models.CharField("报告模板", max_length=60, blank=True)
    pages = models.PositiveIntegerField("页数", default=0)
    touched_at = models.DateTimeField(default=timezone.now, db_index=True)
    """When it was last queued, claimed or split: a file left unfinished long after is queued again."""
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "审核文件"
        verbose_name_plural = "审核文件"
        ordering = ["batch", "number"]
        constraints = [models.UniqueConstraint(fields=["batch", "number"], name="unique_file_number")]

    def __str__(self) -> str:
        return self.name

    @property
    def finished(self) -> bool:
        return self.status in FINISHED

    @property
    def finding_count(self) -> int:
        return self.error_count + self.warning_count + self.info_count


class BatchPart(models.Model):
    """A range of pages of a large scan, read (OCR into the shared cache) by a task of its own
    before the file is checked whole."""

    file = models.ForeignKey(BatchFile, on_delete=models.CASCADE, related_name="parts")
    start = models.PositiveIntegerField("起始页（从 0 起）")
    stop = models.PositiveIntegerField("结束页（不含）")
    done = models.BooleanField(default=False)

    class Meta:
        ordering = ["file", "start"]
