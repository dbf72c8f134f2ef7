"""A published report: the evaluation, its PDF (rendered once, when published) and the key
figures the public list shows, taken when it was published."""

from __future__ import annotations

import secrets
from pathlib import Path

from django.conf import settings
from django.db import models
from django.db.models import QuerySet

from jixiao.web.accounts.models import Organisation
from jixiao.web.evaluations.models import Evaluation, Job, JobStatus, Status


def new_token() -> str:
    """The public address of a report: random, so no unpublished report can be guessed at."""
    return secrets.token_urlsafe(24)


class PublicationQuerySet(QuerySet["Publication"]):
    def public(self) -> PublicationQuerySet:
        """What the public may see: reports whose evaluation is published now."""
        return self.filter(evaluation__status=Status.PUBLISHED)


class Publication(models.Model):
    evaluation = models.OneToOneField(
        Evaluation, verbose_name="自评", on_delete=models.CASCADE, related_name="publication"
    )
    token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)
    region = models.ForeignKey(Organisation, verbose_name="地区", on_delete=models.PROTECT, related_name="+")
    unit_name = models.CharField("单位", max_length=200)
    year = models.PositiveIntegerField("年度")
    total_budget = models.DecimalField("全年预算数（万元）", max_digits=20, decimal_places=6, null=True)
    execution_rate = models.DecimalField("预算执行率（%）", max_digits=12, decimal_places=4, null=True)
    score = models.CharField("得分", max_length=20, blank=True)
    grade = models.CharField("等次", max_length=10, blank=True)
    render = models.ForeignKey(Job, verbose_name="PDF 生成", null=True, on_delete=models.SET_NULL,
                               related_name="+")
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    published_at = models.DateTimeField("公开时间", auto_now_add=True)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        verbose_name = "公开报告"
        verbose_name_plural = "公开报告"
        ordering = ["-year", "unit_name"]

    def __str__(self) -> str:
        return f"{self.year} 年度 {self.unit_name}"

    @property
    def pdf(self) -> Path | None:
        """The published PDF, once the worker has rendered it."""
        job = self.render
        if job is None or job.status != JobStatus.DONE or not job.output:
            return None
        path = Path(job.output)
        return path if path.is_file() else None

    @property
    def pdf_failed(self) -> bool:
        return self.render is None or self.render.status == JobStatus.FAILED
