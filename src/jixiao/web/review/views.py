"""The review page and the workflow's actions, single and in batch."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from jixiao.web.evaluations import editor
from jixiao.web.evaluations.analysis import analyse
from jixiao.web.evaluations.presenting import indicator_lines, placed_findings
from jixiao.web.evaluations.related import related_evaluations
from jixiao.web.evaluations.services import ActionRefused
from jixiao.web.evaluations.views import _user, visible_evaluation
from jixiao.web.review import services
from jixiao.web.review.models import Verdict


@login_required
@require_GET
def review_page(request: HttpRequest, pk: int) -> HttpResponse:
    evaluation = visible_evaluation(request, pk)
    related = related_evaluations(evaluation, request.user)
    analysis = analyse(evaluation.data, related.related)
    views = editor.parts(evaluation.data)
    verdicts = {v.fingerprint: v for v in evaluation.verdicts.select_related("user")}
    scores = {s.path: s for s in evaluation.review_scores.select_related("user")}
    lines = indicator_lines(analysis.scorecard.unit_table, "self_assessment") if analysis.scorecard else []
    return render(
        request,
        "review/review.html",
        {
            "evaluation": evaluation,
            "findings": [
                (item, verdicts.get(item.finding.fingerprint)) for item in placed_findings(analysis, views)
            ],
            "lines": [(line, scores.get(line.path)) for line in lines],
            "steps": services.available_steps(evaluation, _user(request)),
            "can_review": request.user.has_perm("evaluations.review_evaluation", evaluation),
            "comments": evaluation.comments.select_related("user", "transition"),
            "scorecard": analysis.scorecard,
            "related": related,
            "verdict_choices": Verdict.choices,
            "fields": [
                (view.path, view.label)
                for part in views
                for block in part.blocks
                for row in block.rows
                for view in row.fields
            ],
        },
    )


@login_required
@require_POST
def step(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    if name not in services.STEPS:
        raise Http404
    evaluation = visible_evaluation(request, pk, services.STEPS[name].permission)
    field_comments = [
        (path, label, text)
        for path, label, text in zip(
            request.POST.getlist("comment_path"),
            request.POST.getlist("comment_label"),
            request.POST.getlist("comment_text"),
            strict=False,
        )
    ]
    try:
        services.take_step(
            evaluation.pk,
            name,
            _user(request),
            comment=request.POST.get("comment", ""),
            field_comments=field_comments,
        )
    except ActionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, f"已{services.STEPS[name].label}")
    return redirect("review" if _user(request).is_reviewer else "editor", pk=pk)


def _review_action(request: HttpRequest, pk: int, action: Callable[..., object], done: str,
                   fields: dict[str, str]) -> HttpResponse:
    """A reviewer's action on one evaluation: ``fields`` maps the service's keywords to the
    posted names; a refusal is told as it is, success as ``done``."""
    evaluation = visible_evaluation(request, pk, "evaluations.review_evaluation")
    try:
        posted = {key: request.POST.get(name, "") for key, name in fields.items()}
        action(evaluation, _user(request), **posted)
    except ActionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, done)
    return redirect("review", pk=pk)


@login_required
@require_POST
def verdict(request: HttpRequest, pk: int) -> HttpResponse:
    fields = {name: name for name in ("fingerprint", "code", "message", "verdict", "comment")}
    return _review_action(request, pk, services.judge_finding, "已记录对该问题的结论", fields)


@login_required
@require_POST
def rescore(request: HttpRequest, pk: int) -> HttpResponse:
    fields = {"path": "path", "score_text": "score", "reason": "reason"}
    return _review_action(request, pk, services.rescore, "已记录复核得分", fields)


BATCH_ACTIONS = {"approve": ("finance_start", "approve"), "return": ("finance_start", "return")}


@login_required
@require_POST
def batch(request: HttpRequest) -> HttpResponse:
    action = request.POST.get("action", "")
    ids = [int(value) for value in request.POST.getlist("ids") if value.isdigit()]
    if action not in BATCH_ACTIONS or not ids:
        messages.error(request, "请选择自评和要执行的批量操作")
        return redirect("home")
    refusals = services.take_steps(
        ids, BATCH_ACTIONS[action], _user(request), comment=request.POST.get("comment", "")
    )
    for refusal in refusals:
        messages.error(request, refusal)
    done = len(ids) - len(refusals)
    if done:
        messages.success(request, f"已处理 {done} 份自评")
    return redirect("home")
