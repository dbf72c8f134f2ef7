"""The workflow: submit (snapshot), withdraw until review starts, return with comments on
fields, verdicts kept across re-checks, re-scoring beside the unit's scores, approve; a
double submit does nothing twice; batch approval."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from jixiao.web.evaluations.models import Evaluation, Snapshot, Status
from jixiao.web.evaluations.services import ActionRefused
from jixiao.web.review.models import Comment, FindingVerdict, ReviewScore, Transition
from jixiao.web.review.services import rescore, take_step
from web.conftest import World, client_for


def _step(world: World, role: str, name: str, evaluation: Evaluation | None = None, **data: str) -> Evaluation:
    target = evaluation or world.own
    client_for(world.users[role]).post(reverse("step", args=[target.pk, name]), data)
    return Evaluation.objects.get(pk=target.pk)


def test_submit_snapshots_and_a_double_submit_does_nothing_twice(world: World) -> None:
    first = _step(world, "preparer", "submit")
    second = client_for(world.users["preparer"]).post(reverse("step", args=[world.own.pk, "submit"]), follow=True)
    assert first.status == Status.SUBMITTED
    assert Snapshot.objects.filter(evaluation=world.own).count() == 1
    assert Transition.objects.filter(evaluation=world.own, action="submit").count() == 1
    assert [str(m) for m in second.context["messages"]] == ["自评当前为“已提交”，不能“提交”"]


def test_withdraw_until_review_starts(world: World) -> None:
    _step(world, "preparer", "submit")
    assert _step(world, "head", "withdraw").status == Status.DRAFT
    _step(world, "preparer", "submit")
    assert _step(world, "finance_reviewer", "finance_start").status == Status.FINANCE_REVIEW
    with pytest.raises(ActionRefused, match="自评当前为“财政审核中”，不能“撤回”"):
        take_step(world.own.pk, "withdraw", world.users["preparer"])


def test_a_return_carries_comments_on_fields_and_the_unit_sees_them(world: World) -> None:
    _step(world, "preparer", "submit")
    _step(world, "finance_reviewer", "finance_start")
    with pytest.raises(ActionRefused, match="退回时请填写退回意见"):
        take_step(world.own.pk, "return", world.users["finance_reviewer"])
    returned = _step(world, "finance_reviewer", "return", comment="请核对总分",
                     comment_path="self_assessment.stated_total_score",
                     comment_label="附件2 总分（自评得分）", comment_text="总分应为各项得分之和 93")
    assert returned.status == Status.RETURNED
    comment = Comment.objects.get(evaluation=world.own)
    assert (comment.path, comment.label, comment.text, comment.transition.comment) == (
        "self_assessment.stated_total_score", "附件2 总分（自评得分）", "总分应为各项得分之和 93", "请核对总分")
    page = client_for(world.users["preparer"]).get(reverse("editor", args=[world.own.pk])).content.decode()
    assert "总分应为各项得分之和 93" in page and 'data-goto="f-self_assessment-stated_total_score"' in page


def test_a_department_reviews_first_where_it_has_a_reviewer(world: World) -> None:
    dept = world.in_department
    # the unit's own preparer is not in the fixture: submit through the service as the head would
    dept.status = Status.SUBMITTED
    dept.save()
    assert _step(world, "finance_reviewer", "finance_start", dept).status == Status.SUBMITTED  # refused
    assert _step(world, "department_reviewer", "department_start", dept).status == Status.DEPARTMENT_REVIEW
    assert _step(world, "department_reviewer", "department_pass", dept).status == Status.DEPARTMENT_PASSED
    assert _step(world, "finance_reviewer", "finance_start", dept).status == Status.FINANCE_REVIEW
    assert _step(world, "finance_reviewer", "approve", dept).status == Status.APPROVED


def test_a_verdict_is_kept_by_fingerprint_across_a_re_check(world: World) -> None:
    reviewer = client_for(world.users["finance_reviewer"])
    page = reviewer.get(reverse("review", args=[world.own.pk]))
    item, _ = next((i, v) for i, v in page.context["findings"] if i.finding.code == "JX-SCORE-002")
    reviewer.post(reverse("verdict", args=[world.own.pk]), {
        "fingerprint": item.finding.fingerprint, "code": "JX-SCORE-002", "message": item.finding.message,
        "verdict": "dismissed", "comment": "单位已书面说明"})
    again = reviewer.get(reverse("review", args=[world.own.pk]))
    _, verdict = next((i, v) for i, v in again.context["findings"] if i.finding.code == "JX-SCORE-002")
    assert (verdict.verdict, verdict.comment, verdict.user.username) == ("dismissed", "单位已书面说明", "shenhe")
    assert FindingVerdict.objects.count() == 1


def test_dismissing_needs_a_reason(world: World) -> None:
    response = client_for(world.users["finance_reviewer"]).post(reverse("verdict", args=[world.own.pk]), {
        "fingerprint": "f", "code": "JX-SCORE-002", "message": "m", "verdict": "dismissed"}, follow=True)
    assert [str(m) for m in response.context["messages"]] == ["排除问题时请说明理由"]


def test_a_re_score_is_kept_beside_the_unit_s_with_the_difference(world: World) -> None:
    found = rescore(world.own, world.users["finance_reviewer"], path="self_assessment.indicators[7]", score_text="4.5", reason="超年初预算 42.69%")
    assert (found.reviewer_score, found.difference, found.unit_score) == (Decimal("4.50"), Decimal("-0.50"), "5")
    with pytest.raises(ActionRefused, match="复核得分 7 超过该指标分值 6"):
        rescore(world.own, world.users["finance_reviewer"], path="self_assessment.indicators[7]", score_text="7", reason="x")
    with pytest.raises(ActionRefused, match="复核得分“四分”不是一个数值"):
        rescore(world.own, world.users["finance_reviewer"], path="self_assessment.indicators[7]", score_text="四分", reason="x")
    with pytest.raises(ActionRefused, match="没有这项指标"):
        rescore(world.own, world.users["finance_reviewer"], path="unit.name", score_text="1", reason="x")
    found = ReviewScore.objects.get()
    assert (found.reviewer_score, found.indicator, found.weight) == (Decimal("4.50"), "总成本控制", "6")


def test_batch_approve_takes_each_through_review(world: World) -> None:
    for evaluation in (world.own, world.other):
        evaluation.status = Status.SUBMITTED
        evaluation.save()
    client_for(world.users["finance_reviewer"]).post(reverse("batch"), {
        "action": "approve", "ids": [world.own.pk, world.other.pk, world.foreign.pk]})
    statuses = dict(Evaluation.objects.values_list("unit__name", "status"))
    assert statuses["岳阳市洞庭新城项目建设岳阳楼区工作部"] == Status.APPROVED
    assert statuses["城陵矶新港区党群工作部"] == Status.APPROVED
    assert statuses["鼎城区人民政府办公室"] == Status.DRAFT  # not theirs: untouched


def test_a_submitted_evaluation_cannot_be_edited(world: World) -> None:
    _step(world, "preparer", "submit")
    response = client_for(world.users["preparer"]).post(reverse("save", args=[world.own.pk]),
                                                        {"_version": "1", "self_assessment.stated_total_score": "93"})
    assert (response.status_code, response.context["refusal"]) == (422, "自评状态为“已提交”，不能修改")
    assert Evaluation.objects.get(pk=world.own.pk).version == 1
