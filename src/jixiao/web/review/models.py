"""The record of a review: each transition, comments on fields and findings, verdicts on
findings (kept by fingerprint across re-checks) and the reviewer's own scores (抽评/复核)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models

from jixiao.web.evaluations.models import Evaluation, Status


class Transition(models.Model):
    """One step of the workflow: who moved the evaluation from which status to which."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="transitions")
    action = models.CharField("操作", max_length=30)
    from_status = models.CharField("原状态", max_length=30, choices=Status.choices)
    to_status = models.CharField("新状态", max_length=30, choices=Status.choices)
    version = models.PositiveIntegerField("数据版本")
    comment = models.TextField("意见", blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "流转记录"
        verbose_name_plural = "流转记录"
        ordering = ["at", "id"]


class Comment(models.Model):
    """A reviewer's comment on a field (``path``) or on a finding (``fingerprint``)."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="comments")
    path = models.CharField("字段", max_length=300, blank=True)
    label = models.CharField("字段名称", max_length=300, blank=True)
    fingerprint = models.CharField("问题指纹", max_length=64, blank=True)
    text = models.TextField("意见")
    transition = models.ForeignKey(
        Transition, null=True, blank=True, on_delete=models.SET_NULL, related_name="comments"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "审核意见"
        verbose_name_plural = "审核意见"
        ordering = ["at", "id"]


class Verdict(models.TextChoices):
    CONFIRMED = "confirmed", "确认"
    DISMISSED = "dismissed", "排除"


class FindingVerdict(models.Model):
    """The reviewer's verdict on one finding; keyed by its fingerprint, so it survives a
    re-check that finds the same relation again."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="verdicts")
    fingerprint = models.CharField(max_length=64)
    code = models.CharField("规则", max_length=30)
    message = models.TextField("问题")
    verdict = models.CharField("结论", max_length=20, choices=Verdict.choices)
    comment = models.TextField("说明", blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField("时间", auto_now=True)

    class Meta:
        verbose_name = "问题结论"
        verbose_name_plural = "问题结论"
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "fingerprint"], name="one_verdict_per_finding")
        ]


class ReviewScore(models.Model):
    """抽评/复核: the reviewer's score of one indicator, beside the unit's own."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="review_scores")
    path = models.CharField("指标", max_length=300)
    indicator = models.CharField("三级指标", max_length=300)
    weight = models.CharField("分值", max_length=20, blank=True)
    unit_score = models.CharField("单位自评得分", max_length=20, blank=True)
    reviewer_score = models.DecimalField("复核得分", max_digits=8, decimal_places=2)
    difference = models.DecimalField("差额（复核−自评）", max_digits=8, decimal_places=2, null=True)
    reason = models.TextField("复核理由")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField("时间", auto_now=True)

    class Meta:
        verbose_name = "复核评分"
        verbose_name_plural = "复核评分"
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "path"], name="one_review_score_per_indicator")
        ]

    @staticmethod
    def difference_of(reviewer_score: Decimal, unit_score: str) -> Decimal | None:
        try:
            return reviewer_score - Decimal(unit_score)
        except ArithmeticError:
            return None
