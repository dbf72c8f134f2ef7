"""Publishing and withdrawing a report, as the workflow's 公开 and 撤回公开 steps.

Publishing keeps the key figures of the approved data and renders the PDF once, on a worker,
through the same render job the 生成PDF 报告 button uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction

from jixiao.web.accounts.models import User
from jixiao.web.evaluations.analysis import analyse
from jixiao.web.evaluations.models import Evaluation, Job, JobKind
from jixiao.web.publication.models import Publication


@dataclass(frozen=True)
class KeyFigures:
    """What the public list shows of a report: 全年预算数 (万元), 执行率 (%), score and grade."""

    total_budget: Decimal | None
    execution_rate: Decimal | None


def key_figures(data: dict[str, Any]) -> KeyFigures:
    analysis = analyse(data)
    if analysis.evaluation is None or analysis.scorecard is None:
        return KeyFigures(None, None)
    budget = analysis.evaluation.self_assessment.funds.full_year_budget
    rate = analysis.scorecard.unit_table.execution_rate
    return KeyFigures(budget.value if budget is not None else None, rate)


def publish(evaluation: Evaluation, user: User) -> Publication:
    """The publication of the (just approved-and-published) evaluation, its PDF queued."""
    from jixiao.web.evaluations.jobs import render_job

    figures = key_figures(evaluation.data)
    job = Job.objects.create(kind=JobKind.RENDER, evaluation=evaluation, user=user, format="pdf",
                             version=evaluation.version, result={"data": evaluation.data},
                             step="排队等待生成公开的 PDF")
    Publication.objects.filter(evaluation=evaluation).delete()  # a stale one from before: replaced
    publication = Publication.objects.create(
        evaluation=evaluation,
        region=evaluation.unit.region(),
        unit_name=evaluation.unit.name,
        year=evaluation.year,
        total_budget=figures.total_budget,
        execution_rate=figures.execution_rate,
        score=evaluation.score,
        grade=evaluation.grade,
        render=job,
        published_by=user,
    )
    transaction.on_commit(lambda: render_job.delay(job.pk))
    return publication


def withdraw(evaluation: Evaluation, user: User) -> None:
    """撤回公开: the report leaves the public page, and its address stops working for good
    (a later publication gets a new one)."""
    Publication.objects.filter(evaluation=evaluation).delete()
