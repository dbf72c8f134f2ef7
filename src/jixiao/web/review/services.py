"""The workflow's transitions, one function per action, each in one transaction that locks
the evaluation, checks the action is allowed now, and writes its :class:`Transition`.

草稿 → 已提交 (snapshot; 撤回 until review starts) → [主管部门审核中 → 主管部门已审核] → 财政审核中 →
已退回 (with comments) / 已审核 → 已公开 (the 财政局 publishes the report; 撤回公开 takes it back).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction

from jixiao.web.accounts.models import User
from jixiao.web.accounts.rules import has_department_review
from jixiao.web.evaluations import paths
from jixiao.web.evaluations.analysis import analyse
from jixiao.web.evaluations.models import Evaluation, Snapshot, Status
from jixiao.web.evaluations.services import ActionRefused
from jixiao.web.publication import services as publication
from jixiao.web.review.models import Comment, FindingVerdict, ReviewScore, Transition, Verdict

INDICATOR_PATH = re.compile(r"(self_assessment|projects\[\d+\])\.indicators\[\d+\]")
"""Where indicators stand: 附件2's, or a project's in 附件3."""


@dataclass(frozen=True)
class Step:
    """One action: the statuses it starts from, where it leads, and who may take it."""

    name: str
    label: str
    sources: frozenset[Status]
    target: Status
    permission: str


STEPS = {
    step.name: step
    for step in (
        Step(
            "submit",
            "提交",
            frozenset({Status.DRAFT, Status.RETURNED}),
            Status.SUBMITTED,
            "evaluations.submit_evaluation",
        ),
        Step(
            "withdraw", "撤回", frozenset({Status.SUBMITTED}), Status.DRAFT, "evaluations.submit_evaluation"
        ),
        Step(
            "department_start",
            "开始审核（主管部门）",
            frozenset({Status.SUBMITTED}),
            Status.DEPARTMENT_REVIEW,
            "evaluations.department_review_evaluation",
        ),
        Step(
            "department_pass",
            "审核通过，报财政",
            frozenset({Status.DEPARTMENT_REVIEW}),
            Status.DEPARTMENT_PASSED,
            "evaluations.department_review_evaluation",
        ),
        Step(
            "finance_start",
            "开始审核",
            frozenset({Status.SUBMITTED, Status.DEPARTMENT_PASSED}),
            Status.FINANCE_REVIEW,
            "evaluations.finance_review_evaluation",
        ),
        Step(
            "return",
            "退回",
            frozenset({Status.DEPARTMENT_REVIEW, Status.FINANCE_REVIEW}),
            Status.RETURNED,
            "evaluations.review_evaluation",
        ),
        Step(
            "approve",
            "审核通过",
            frozenset({Status.FINANCE_REVIEW}),
            Status.APPROVED,
            "evaluations.finance_review_evaluation",
        ),
        Step(
            "publish",
            "公开",
            frozenset({Status.APPROVED}),
            Status.PUBLISHED,
            "evaluations.publish_evaluation",
        ),
        Step(
            "unpublish",
            "撤回公开",
            frozenset({Status.PUBLISHED}),
            Status.APPROVED,
            "evaluations.publish_evaluation",
        ),
    )
}

AFTER_STEP = {"publish": publication.publish, "unpublish": publication.withdraw}
"""What a step does besides changing the status, in the same transaction."""


def available_steps(evaluation: Evaluation, user: User) -> list[Step]:
    """The actions this user may take on the evaluation now."""
    return [step for step in STEPS.values() if _allowed(step, evaluation, user) is None]


def _allowed(step: Step, evaluation: Evaluation, user: User) -> str | None:
    """Why the step is refused now, or ``None`` when it is allowed."""
    if not user.has_perm(step.permission, evaluation):
        return f"您无权对此自评执行“{step.label}”"
    if evaluation.status not in step.sources:
        return f"自评当前为“{evaluation.get_status_display()}”，不能“{step.label}”"
    if (
        step.name == "finance_start"
        and evaluation.status == Status.SUBMITTED
        and has_department_review(evaluation.unit)
    ):
        return "须先经主管部门审核"
    if (
        step.name == "return"
        and evaluation.status == Status.DEPARTMENT_REVIEW
        and not user.has_perm("evaluations.department_review_evaluation", evaluation)
    ):
        return "主管部门审核中，由主管部门退回"
    return None


@transaction.atomic
def take_step(
    evaluation_id: int,
    name: str,
    user: User,
    *,
    comment: str = "",
    field_comments: Iterable[tuple[str, str, str]] = (),
) -> Evaluation:
    """Take the step ``name``; ``field_comments`` are (path, label, text) for a return."""
    evaluation = Evaluation.objects.select_for_update().select_related("unit").get(pk=evaluation_id)
    step = STEPS.get(name)
    if step is None:
        raise ActionRefused("未知的操作")
    refusal = _allowed(step, evaluation, user)
    if refusal:
        raise ActionRefused(refusal)
    comments = [(path, label, text.strip()) for path, label, text in field_comments if text.strip()]
    if step.name == "return" and not (comment.strip() or comments):
        raise ActionRefused("退回时请填写退回意见，或对具体项目填写意见")
    if step.name == "submit":
        analysis = analyse(evaluation.data)
        if not analysis.valid:
            raise ActionRefused("自评数据有填写错误，请修改后再提交")
        number = evaluation.snapshots.count() + 1
        Snapshot.objects.create(
            evaluation=evaluation,
            number=number,
            version=evaluation.version,
            data=evaluation.data,
            submitted_by=user,
        )
    transition = Transition.objects.create(
        evaluation=evaluation,
        action=step.name,
        from_status=evaluation.status,
        to_status=step.target,
        version=evaluation.version,
        comment=comment.strip(),
        user=user,
    )
    Comment.objects.bulk_create(
        Comment(evaluation=evaluation, path=path, label=label, text=text, transition=transition, user=user)
        for path, label, text in comments
    )
    evaluation.status = step.target
    evaluation._change_reason = step.label  # type: ignore[attr-defined]
    evaluation.save(update_fields=["status", "updated_at"])
    if step.name in AFTER_STEP:
        AFTER_STEP[step.name](evaluation, user)
    return evaluation


def take_steps(ids: Iterable[int], names: tuple[str, ...], user: User, *, comment: str = "") -> list[str]:
    """批量: the steps on each evaluation in turn; returns one Chinese line per refusal."""
    refusals = []
    for evaluation in Evaluation.objects.filter(pk__in=list(ids)).visible_to(user).select_related("unit"):
        for name in names:
            if name == "finance_start" and evaluation.status == Status.FINANCE_REVIEW:
                continue  # already under review: approve or return it directly
            try:
                evaluation = take_step(evaluation.pk, name, user, comment=comment)
            except ActionRefused as refusal:
                refusals.append(f"{evaluation.unit.name}：{refusal}")
                break
    return refusals


@transaction.atomic
def judge_finding(
    evaluation: Evaluation,
    user: User,
    *,
    fingerprint: str,
    code: str,
    message: str,
    verdict: str,
    comment: str,
) -> FindingVerdict:
    if not user.has_perm("evaluations.review_evaluation", evaluation):
        raise ActionRefused("只有审核人可以确认或排除问题")
    if verdict not in Verdict.values:
        raise ActionRefused("结论只能是“确认”或“排除”")
    if verdict == Verdict.DISMISSED and not comment.strip():
        raise ActionRefused("排除问题时请说明理由")
    found, _ = FindingVerdict.objects.update_or_create(
        evaluation=evaluation,
        fingerprint=fingerprint,
        defaults={
            "code": code,
            "message": message,
            "verdict": verdict,
            "comment": comment.strip(),
            "user": user,
        },
    )
    return found


@transaction.atomic
def rescore(evaluation: Evaluation, user: User, *, path: str, score_text: str, reason: str) -> ReviewScore:
    """抽评/复核 of the indicator at ``path``: the reviewer's score, kept beside the unit's with the
    difference. The indicator, its 分值 and the unit's score are read from the evaluation itself,
    never from the page."""
    if not user.has_perm("evaluations.review_evaluation", evaluation):
        raise ActionRefused("只有审核人可以复核评分")
    item = paths.get(evaluation.data, path) if INDICATOR_PATH.fullmatch(path) else None
    if not isinstance(item, dict) or not item.get("name"):
        raise ActionRefused("没有这项指标")
    indicator, weight = str(item["name"]), str(item.get("weight", ""))
    unit_score = str(item.get("stated_score", ""))
    try:
        score = Decimal(score_text.strip())
    except InvalidOperation:
        raise ActionRefused(f"复核得分“{score_text}”不是一个数值") from None
    if not score.is_finite() or score < 0 or score.as_tuple().exponent < -2:  # type: ignore[operator]
        raise ActionRefused("复核得分须为不小于 0、最多两位小数的数")
    try:
        limit = Decimal(weight)
    except InvalidOperation:
        limit = None
    if limit is not None and score > limit:
        raise ActionRefused(f"复核得分 {score} 超过该指标分值 {weight}")
    if not reason.strip():
        raise ActionRefused("请填写复核理由")
    found, _ = ReviewScore.objects.update_or_create(
        evaluation=evaluation,
        path=path,
        defaults={
            "indicator": indicator,
            "weight": weight,
            "unit_score": unit_score,
            "reviewer_score": score,
            "difference": ReviewScore.difference_of(score, unit_score),
            "reason": reason.strip(),
            "user": user,
        },
    )
    return found
