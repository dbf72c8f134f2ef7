"""整改 actions, one function per action, each in one transaction that locks the record.

通知 (the 财政局, for a returned or poorly graded evaluation) → 反馈 (the unit, with
attachments) → 办结, or 退回补充 back to the unit with a new deadline.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from jixiao.profiles import ProfileError, load_profile
from jixiao.web.accounts.models import User
from jixiao.web.evaluations.models import Evaluation, Status
from jixiao.web.evaluations.services import ActionRefused
from jixiao.web.rectification import attachments
from jixiao.web.rectification.models import Attachment, Entry, EntryKind, Rectification, RectificationStatus

POOR_GRADES = ("中", "差")
"""The grades of every profile that call for 整改; a score under the lowest cut of the other
grades does too (a profile may name its grades otherwise)."""


def reason_for(evaluation: Evaluation) -> str | None:
    """Why the evaluation needs 整改, or ``None`` when it does not."""
    if evaluation.status == Status.RETURNED:
        return "自评被退回"
    if evaluation.grade in POOR_GRADES:
        return f"等次为“{evaluation.grade}”"
    threshold = _threshold(evaluation)
    try:
        score = Decimal(evaluation.score)
    except InvalidOperation:
        return None
    if threshold is not None and score < threshold:
        return f"得分 {evaluation.score} 低于 {threshold} 分"
    return None


def _threshold(evaluation: Evaluation) -> Decimal | None:
    try:
        profile = load_profile(evaluation.task.profile)
    except ProfileError:
        return None
    good = [cut.min_score for cut in profile.grades if cut.grade not in POOR_GRADES]
    return min(good) if good else None


def open_rectification(evaluation: Evaluation) -> Rectification | None:
    return evaluation.rectifications.exclude(status=RectificationStatus.CLOSED).first()


def _text(text: str, what: str) -> str:
    text = text.strip()
    if not text:
        raise ActionRefused(f"请填写{what}")
    return text


def _deadline(deadline: date | None) -> date:
    if deadline is None:
        raise ActionRefused("请填写整改期限（年-月-日）")
    if deadline < timezone.localdate():
        raise ActionRefused(f"整改期限 {deadline:%Y-%m-%d} 已过，请填写今天或以后的日期")
    return deadline


@transaction.atomic
def issue(evaluation: Evaluation, user: User, *, text: str, deadline: date | None) -> Rectification:
    """整改通知: the bureau tells the unit what to rectify, by when."""
    evaluation = Evaluation.objects.select_for_update().select_related("unit", "task").get(pk=evaluation.pk)
    if not user.has_perm("rectification.issue_rectification", evaluation):
        raise ActionRefused("只有财政审核人可以下发整改通知")
    reason = reason_for(evaluation)
    if reason is None:
        raise ActionRefused("只有被退回或等次为“中”“差”的自评需要整改")
    if open_rectification(evaluation) is not None:
        raise ActionRefused("此自评已有未办结的整改")
    text, deadline = _text(text, "整改通知的内容"), _deadline(deadline)
    rectification = Rectification.objects.create(evaluation=evaluation, reason=reason, deadline=deadline,
                                                 issued_by=user)
    Entry.objects.create(rectification=rectification, kind=EntryKind.NOTICE, text=text, deadline=deadline,
                         user=user)
    return rectification


def _locked(rectification_id: int, user: User, permission: str, status: RectificationStatus,
            refusal: str) -> Rectification:
    rectification = Rectification.objects.select_for_update().select_related("evaluation__unit").get(
        pk=rectification_id)
    if not user.has_perm(permission, rectification.evaluation):
        raise ActionRefused(refusal)
    if rectification.status != status:
        raise ActionRefused(f"整改当前为“{rectification.get_status_display()}”，不能进行此操作")
    return rectification


def _move(rectification: Rectification, status: RectificationStatus, reason: str) -> None:
    rectification.status = status
    rectification._change_reason = reason  # type: ignore[attr-defined]
    rectification.save()


@transaction.atomic
def respond(rectification_id: int, user: User, *, text: str, files: Sequence[UploadedFile] = ()) -> Entry:
    """整改反馈: the unit says what it did, with its evidence attached."""
    rectification = _locked(rectification_id, user, "rectification.respond_rectification",
                            RectificationStatus.NOTIFIED, "只有本单位的填报人或负责人可以提交整改反馈")
    text = _text(text, "整改反馈的内容")
    attachments.check(files)  # all checked before any is kept
    entry = Entry.objects.create(rectification=rectification, kind=EntryKind.FEEDBACK, text=text, user=user)
    for received in files:
        stored, name = attachments.keep(received)
        Attachment.objects.create(entry=entry, file=stored, name=name)
    _move(rectification, RectificationStatus.ANSWERED, "整改反馈")
    return entry


@transaction.atomic
def send_back(rectification_id: int, user: User, *, text: str, deadline: date | None) -> Entry:
    """退回补充: the feedback is not enough; the unit answers again by the new deadline."""
    rectification = _locked(rectification_id, user, "rectification.close_rectification",
                            RectificationStatus.ANSWERED, "只有财政审核人可以退回整改反馈")
    text, deadline = _text(text, "退回补充的意见"), _deadline(deadline)
    rectification.deadline = deadline
    _move(rectification, RectificationStatus.NOTIFIED, "退回补充")
    return Entry.objects.create(rectification=rectification, kind=EntryKind.RETURN, text=text,
                                deadline=deadline, user=user)


@transaction.atomic
def close(rectification_id: int, user: User, *, text: str) -> Entry:
    """办结: the bureau accepts the feedback."""
    rectification = _locked(rectification_id, user, "rectification.close_rectification",
                            RectificationStatus.ANSWERED, "只有财政审核人可以办结整改")
    rectification.closed_at = timezone.now()
    _move(rectification, RectificationStatus.CLOSED, "办结")
    return Entry.objects.create(rectification=rectification, kind=EntryKind.CLOSE,
                                text=text.strip() or "整改已办结", user=user)
