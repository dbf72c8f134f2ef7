"""A rectification record (整改) and its thread: notices, feedback (with attachments), returns
for more and the close, each with who and when."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q, QuerySet
from simple_history.models import HistoricalRecords

from jixiao.web.evaluations.models import Evaluation, StoredFile


class RectificationStatus(models.TextChoices):
    NOTIFIED = "notified", "待整改"
    ANSWERED = "answered", "已反馈，待核查"
    CLOSED = "closed", "已办结"


class RectificationQuerySet(QuerySet["Rectification"]):
    def visible_to(self, user: Any) -> RectificationQuerySet:
        """The same scope as the evaluations the user may see."""
        return self.filter(evaluation__in=Evaluation.objects.visible_to(user))


class Rectification(models.Model):
    evaluation = models.ForeignKey(
        Evaluation, verbose_name="自评", on_delete=models.CASCADE, related_name="rectifications"
    )
    reason = models.CharField("整改原因", max_length=200)
    status = models.CharField(
        "状态", max_length=20, choices=RectificationStatus.choices, default=RectificationStatus.NOTIFIED
    )
    deadline = models.DateField("整改期限")
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="下发人", on_delete=models.PROTECT,
                                  related_name="+")
    issued_at = models.DateTimeField("下发时间", auto_now_add=True)
    closed_at = models.DateTimeField("办结时间", null=True, blank=True)
    history = HistoricalRecords(verbose_name="整改历史")

    objects = RectificationQuerySet.as_manager()

    class Meta:
        verbose_name = "整改"
        verbose_name_plural = "整改"
        ordering = ["-issued_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["evaluation"], condition=~Q(status="closed"),
                                    name="one_open_rectification_per_evaluation")
        ]

    def __str__(self) -> str:
        return f"{self.evaluation} 整改"


class EntryKind(models.TextChoices):
    NOTICE = "notice", "整改通知"
    FEEDBACK = "feedback", "整改反馈"
    RETURN = "return", "退回补充"
    CLOSE = "close", "办结"


class Entry(models.Model):
    """One step of the thread, in order."""

    rectification = models.ForeignKey(Rectification, on_delete=models.CASCADE, related_name="entries")
    kind = models.CharField("类别", max_length=20, choices=EntryKind.choices)
    text = models.TextField("内容")
    deadline = models.DateField("整改期限", null=True, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "整改记录"
        verbose_name_plural = "整改记录"
        ordering = ["at", "id"]


class Attachment(models.Model):
    """A file sent with feedback, kept by its content hash like every upload."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="attachments")
    file = models.ForeignKey(StoredFile, on_delete=models.PROTECT, related_name="+")
    name = models.CharField("文件名", max_length=255)

    class Meta:
        verbose_name = "整改附件"
        verbose_name_plural = "整改附件"
        ordering = ["id"]


RECTIFICATION_FILTERS = (*RectificationStatus.choices, ("none", "无整改"))
"""Choices of a list's 整改 filter: the latest record's status, or none at all."""


def with_rectification(evaluations: QuerySet[Evaluation], wanted: str = "") -> QuerySet[Evaluation]:
    """The evaluations, each with ``rectification_status``: its latest 整改's status (empty
    when it has none); only those in ``wanted`` (a value of :data:`RECTIFICATION_FILTERS`)
    when given."""
    latest = Rectification.objects.filter(evaluation=models.OuterRef("pk")).order_by("-issued_at", "-id")
    annotated = evaluations.annotate(rectification_status=models.Subquery(latest.values("status")[:1]))
    if wanted == "none":
        return annotated.filter(rectification_status__isnull=True)
    if wanted in RectificationStatus.values:
        return annotated.filter(rectification_status=wanted)
    return annotated
