"""Tasks, evaluations, their submitted snapshots, field-level edit history and background jobs.

An evaluation's data is the plain data the core validates (the same shape as a YAML file,
every number kept as the text the unit wrote), so the web calls the same load, score, check
and render functions as the CLI.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q, QuerySet
from simple_history.models import HistoricalRecords

from jixiao.web.accounts.models import Organisation


class TaskStatus(models.TextChoices):
    OPEN = "open", "进行中"
    CANCELLED = "cancelled", "已取消"


class Task(models.Model):
    """自评任务: a 财政局 asks its units (all units under ``scope``) for the year's self-evaluation."""

    scope = models.ForeignKey(
        Organisation, verbose_name="下达范围", on_delete=models.PROTECT, related_name="tasks"
    )
    year = models.PositiveIntegerField("年度")
    title = models.CharField("任务名称", max_length=200)
    template = models.CharField("报告模板", max_length=60)
    profile = models.CharField("评分规则", max_length=60)
    deadline = models.DateField("截止日期")
    template_file = models.ForeignKey("StoredFile", verbose_name="财政局自备 Word 模板", null=True,
                                      blank=True, on_delete=models.PROTECT, related_name="+")
    status = models.CharField("状态", max_length=20, choices=TaskStatus.choices, default=TaskStatus.OPEN)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="下达人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("下达时间", auto_now_add=True)
    history = HistoricalRecords(verbose_name="自评任务历史")

    class Meta:
        verbose_name = "自评任务"
        verbose_name_plural = "自评任务"
        ordering = ["-year", "-created_at"]

    def __str__(self) -> str:
        return self.title


class Status(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "已提交"
    DEPARTMENT_REVIEW = "department_review", "主管部门审核中"
    DEPARTMENT_PASSED = "department_passed", "主管部门已审核"
    FINANCE_REVIEW = "finance_review", "财政审核中"
    RETURNED = "returned", "已退回"
    APPROVED = "approved", "已审核"
    PUBLISHED = "published", "已公开"


EDITABLE = frozenset({Status.DRAFT, Status.RETURNED})

# Derived from ``data`` like ``data`` itself, so the history does not repeat them.
DASHBOARD_FIELDS = ("score_value", "execution_rate", "budget_total", "actual_total", "three_public",
                    "three_public_prior", "three_public_change", "alert_count", "red_alert_count",
                    "alert_ids", "alerts")


def _figure(name: str, max_digits: int = 18) -> models.DecimalField[Any, Any]:
    """A stored figure of the core's: empty when the data does not give it, never 0."""
    return models.DecimalField(name, max_digits=max_digits, decimal_places=4, null=True, blank=True)


class EvaluationQuerySet(QuerySet["Evaluation"]):
    def visible_to(self, user: Any) -> EvaluationQuerySet:
        """The evaluations of the units under the user's organisation: the one scope every
        list query and every permission rule uses."""
        return self.filter(unit__in=user.visible_organisations())

    def awaiting_review(self) -> EvaluationQuerySet:
        return self.filter(
            status__in=[
                Status.SUBMITTED,
                Status.DEPARTMENT_REVIEW,
                Status.DEPARTMENT_PASSED,
                Status.FINANCE_REVIEW,
            ]
        )


class Evaluation(models.Model):
    """One unit's 自评 for one year. ``version`` counts saves: an edit names the version it
    was made on, and a save on an older one is refused."""

    task = models.ForeignKey(
        Task, verbose_name="自评任务", on_delete=models.PROTECT, related_name="evaluations"
    )
    unit = models.ForeignKey(
        Organisation, verbose_name="预算单位", on_delete=models.PROTECT, related_name="evaluations"
    )
    year = models.PositiveIntegerField("年度")
    data = models.JSONField("自评数据", default=dict)
    version = models.PositiveIntegerField("版本", default=1)
    status = models.CharField("状态", max_length=30, choices=Status.choices, default=Status.DRAFT)
    error_count = models.PositiveIntegerField("错误数", default=0)
    warning_count = models.PositiveIntegerField("警告数", default=0)
    score = models.CharField("规则得分", max_length=20, blank=True)
    grade = models.CharField("等次", max_length=10, blank=True)
    # The figures the dashboard sorts and filters by, stored from the core's own computation
    # (:func:`jixiao.alerts.key_figures`) whenever the evaluation is summarised.
    score_value = _figure("规则得分（数值）", max_digits=9)
    execution_rate = _figure("执行率（%）")
    budget_total = _figure("全年预算数（万元）")
    actual_total = _figure("全年执行数（万元）")
    three_public = _figure("三公经费本年（万元）")
    three_public_prior = _figure("三公经费上年（万元）")
    three_public_change = _figure("三公经费变动率（%）")
    alert_count = models.PositiveSmallIntegerField("预警数", default=0)
    red_alert_count = models.PositiveSmallIntegerField("红色预警数", default=0)
    alert_ids = models.CharField("预警规则", max_length=500, blank=True, help_text="|id|id|")
    alerts = models.JSONField("预警", default=list, blank=True)
    carried_from = models.ForeignKey(
        "self", verbose_name="结转自", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField("最后修改", auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="最后修改人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = HistoricalRecords(verbose_name="自评历史",
                                excluded_fields=["data", "updated_at", *DASHBOARD_FIELDS])

    objects = EvaluationQuerySet.as_manager()

    class Meta:
        verbose_name = "自评"
        verbose_name_plural = "自评"
        ordering = ["unit__path", "-year"]
        indexes = [models.Index(fields=["year", "status"], name="evaluation_year_status")]
        constraints = [models.UniqueConstraint(fields=["task", "unit"], name="one_evaluation_per_task_unit")]

    def __str__(self) -> str:
        return f"{self.year} 年度 {self.unit.name}"

    @property
    def editable(self) -> bool:
        return self.status in EDITABLE


class Snapshot(models.Model):
    """What was submitted: an immutable copy of the data, numbered per evaluation."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="snapshots")
    number = models.PositiveIntegerField("提交次序")
    version = models.PositiveIntegerField("数据版本")
    data = models.JSONField("提交时的数据")
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField("提交时间", auto_now_add=True)

    class Meta:
        verbose_name = "提交版本"
        verbose_name_plural = "提交版本"
        ordering = ["evaluation", "number"]
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "number"], name="unique_snapshot_number")
        ]


class FieldChange(models.Model):
    """One field changed by one save: which field, from what, to what, by whom."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="changes")
    version = models.PositiveIntegerField("保存后的版本")
    path = models.CharField("字段", max_length=300)
    label = models.CharField("字段名称", max_length=300)
    old = models.TextField("原值", blank=True)
    new = models.TextField("新值", blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "字段修改"
        verbose_name_plural = "字段修改"
        ordering = ["-at", "-id"]


class StoredFile(models.Model):
    """An uploaded file, kept by its content hash once the readers have read it."""

    sha256 = models.CharField(max_length=64, unique=True)
    name = models.CharField("文件名", max_length=255)
    size = models.PositiveBigIntegerField("大小")
    path = models.CharField(max_length=500)
    uploaded_at = models.DateTimeField(auto_now_add=True)


class JobKind(models.TextChoices):
    RENDER = "render", "生成报告"
    IMPORT = "import", "导入"


class JobStatus(models.TextChoices):
    QUEUED = "queued", "排队中"
    RUNNING = "running", "处理中"
    DONE = "done", "已完成"
    FAILED = "failed", "失败"


class Job(models.Model):
    """Background work for one user: rendering a file or reading an upload. Its row is the
    task's state and result (the worker writes it; the page polls it)."""

    kind = models.CharField(max_length=20, choices=JobKind.choices)
    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="jobs")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=20, choices=JobStatus.choices, default=JobStatus.QUEUED)
    step = models.CharField("进度说明", max_length=200, blank=True)
    format = models.CharField(max_length=10, blank=True)
    version = models.PositiveIntegerField("数据版本", default=0)
    upload = models.ForeignKey(StoredFile, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    upload_name = models.CharField(max_length=255, blank=True)
    output = models.CharField(max_length=500, blank=True)
    result = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    @property
    def finished(self) -> bool:
        return self.status in {JobStatus.DONE, JobStatus.FAILED}


def open_tasks_for(unit: Organisation) -> QuerySet[Task]:
    """The open tasks whose scope contains ``unit``."""
    ancestors = [int(part) for part in unit.path.strip("/").split("/") if part]
    return Task.objects.filter(Q(scope_id__in=ancestors), status=TaskStatus.OPEN)
