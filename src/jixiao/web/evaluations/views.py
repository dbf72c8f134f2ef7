"""Pages of tasks and evaluations: lists, the editor with live checks, uploads, rendering.

Views parse the request, call a service or the core through :mod:`analysis`, and render.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from jixiao.scoring import is_scored
from jixiao.web.accounts.models import User
from jixiao.web.evaluations import editor, services
from jixiao.web.evaluations.analysis import Analysis, analyse
from jixiao.web.evaluations.forms import TaskForm
from jixiao.web.evaluations.jobs import RENDER_FORMATS
from jixiao.web.evaluations.models import Evaluation, Job, JobKind, Status, Task, TaskStatus
from jixiao.web.evaluations.presenting import indicator_lines, notes_by_field, placed_findings
from jixiao.web.evaluations.related import related_evaluations
from jixiao.web.evaluations.templates_upload import TemplateRefused, accept_template
from jixiao.web.rectification.models import RECTIFICATION_FILTERS, RectificationStatus, with_rectification


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def visible_evaluation(
    request: HttpRequest, pk: int, permission: str = "evaluations.view_evaluation"
) -> Evaluation:
    """The evaluation if the user may see it (404 otherwise: its existence is not disclosed),
    and 403 when they may see it but not do ``permission``."""
    evaluation = get_object_or_404(
        Evaluation.objects.visible_to(_user(request)).select_related("unit", "task", "updated_by"), pk=pk
    )
    if not request.user.has_perm(permission, evaluation):
        raise PermissionDenied("您无权进行此操作")
    return evaluation


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    evaluations = Evaluation.objects.visible_to(user).select_related("unit", "task")
    status = request.GET.get("status", "")
    if status in Status.values:
        evaluations = evaluations.filter(status=status)
    year = request.GET.get("year", "")
    if year.isdigit():
        evaluations = evaluations.filter(year=int(year))
    rectification = request.GET.get("rectification", "")
    evaluations = with_rectification(evaluations, rectification)
    page = Paginator(evaluations.order_by("-year", "unit__path"), 50).get_page(request.GET.get("page"))
    startable = []
    if user.is_unit_user and user.organisation is not None:
        from jixiao.web.evaluations.models import open_tasks_for

        taken = set(Evaluation.objects.filter(unit=user.organisation).values_list("task_id", flat=True))
        startable = [
            (task, services.previous_evaluations(user.organisation, task.year))
            for task in open_tasks_for(user.organisation)
            if task.pk not in taken
        ]
    return render(
        request,
        "evaluations/home.html",
        {
            "page": page,
            "statuses": Status.choices,
            "status": status,
            "year": year,
            "rectification": rectification,
            "rectification_filters": RECTIFICATION_FILTERS,
            "rectification_names": dict(RectificationStatus.choices),
            "startable": startable,
            "can_batch": user.is_reviewer,
        },
    )


@login_required
def tasks(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not user.has_perm("evaluations.issue_task"):
        raise PermissionDenied("只有财政审核人或管理员可以管理自评任务")
    scopes = user.visible_organisations().exclude(kind="unit")
    form = TaskForm(request.POST or None, request.FILES or None, scopes=scopes)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        received = fields.pop("template_file")
        try:
            own = accept_template(received, fields["template"]) if received else None
        except TemplateRefused as refusal:
            form.add_error("template_file", str(refusal))
        else:
            task = services.issue_task(by=user, template_file=own, **fields)
            messages.success(request, f"已下达自评任务“{task.title}”")
            return redirect("tasks")
    listed = Task.objects.filter(scope__in=user.visible_organisations()).select_related("scope")
    return render(request, "evaluations/tasks.html", {"form": form, "tasks": listed})


@login_required
@require_POST
def cancel_task(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_object_or_404(Task.objects.filter(scope__in=_user(request).visible_organisations()), pk=pk)
    if not request.user.has_perm("evaluations.manage_task", task):
        raise PermissionDenied("只有财政局可以取消自评任务")
    try:
        services.cancel_task(task, _user(request))
        messages.success(request, f"已取消自评任务“{task.title}”")
    except services.ActionRefused as refusal:
        messages.error(request, str(refusal))
    return redirect("tasks")


@login_required
@require_POST
def start(request: HttpRequest, task_pk: int) -> HttpResponse:
    user = _user(request)
    unit = user.organisation
    if unit is None or not user.has_perm("evaluations.start_evaluation", unit):
        raise PermissionDenied("只有本单位的填报人或负责人可以开始自评")
    task = get_object_or_404(Task, pk=task_pk, status=TaskStatus.OPEN)
    if not unit.path.startswith(task.scope.path):
        raise Http404
    carry = request.POST.get("carry_from", "")
    carry_from = get_object_or_404(Evaluation, pk=int(carry), unit=unit) if carry.isdigit() else None
    try:
        evaluation = services.start_evaluation(task, unit, user, carry_from=carry_from)
    except services.ActionRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("home")
    return redirect("editor", pk=evaluation.pk)


def _editor_context(
    evaluation: Evaluation,
    data: dict[str, Any],
    analysis: Analysis,
    input_errors: dict[str, list[str]],
    version: int,
) -> dict[str, Any]:
    views = editor.parts(data)
    placed = placed_findings(analysis, views)
    problems = {**analysis.problems, **input_errors}
    scorecard = analysis.scorecard
    return {
        "evaluation": evaluation,
        "parts": views,
        "version": version,
        "findings": placed,
        "notes": notes_by_field(placed, problems, views),
        "problems": problems,
        "counts": analysis.counts,
        "scorecard": scorecard,
        "indicators": indicator_lines(scorecard.unit_table, "self_assessment") if scorecard else [],
        "derived": scorecard.derived if scorecard else (),
        "scored": scorecard is not None and is_scored(scorecard.unit_table),
        "formats": RENDER_FORMATS,
        "upload_suffixes": ", ".join(services.UPLOAD_SUFFIXES),
        "jobs": evaluation.jobs.order_by("-created_at")[:5],
    }


@login_required
@require_GET
def editor_page(request: HttpRequest, pk: int) -> HttpResponse:
    evaluation = visible_evaluation(request, pk)
    related = related_evaluations(evaluation, request.user)
    context = _editor_context(evaluation, evaluation.data, analyse(evaluation.data, related.related), {},
                              evaluation.version)
    context["related"] = related
    context["editable"] = evaluation.editable and request.user.has_perm(
        "evaluations.edit_evaluation", evaluation
    )
    return render(request, "evaluations/editor.html", context)


def _posted(request: HttpRequest, evaluation: Evaluation) -> tuple[dict[str, Any], dict[str, list[str]]]:
    reading = editor.read_form(request.POST, evaluation.data)
    return reading.data, reading.errors


@login_required
@require_POST
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The analysis of what the page holds now, unsaved: derived figures, scores, findings,
    and each field's notes swapped in place."""
    evaluation = visible_evaluation(request, pk, "evaluations.edit_evaluation")
    data, errors = _posted(request, evaluation)
    data = editor.drop_blank_items(data)
    related = related_evaluations(evaluation, request.user)
    context = _editor_context(evaluation, data, analyse(data, related.related), errors, _version(request))
    return render(request, "evaluations/_analysis.html", context | {"oob": True, "related": related})


@login_required
@require_POST
def rows(request: HttpRequest, pk: int) -> HttpResponse:
    """Add, remove or move a list item on the page (saved with the next 保存)."""
    evaluation = visible_evaluation(request, pk, "evaluations.edit_evaluation")
    data, errors = _posted(request, evaluation)
    editor.apply_row_action(data, request.POST.get("_action", ""))
    context = _editor_context(
        evaluation, data, analyse(editor.drop_blank_items(data)), errors, _version(request)
    )
    context |= {"editable": True, "oob": True}
    return render(request, "evaluations/_parts.html", context)


def _version(request: HttpRequest) -> int:
    text = request.POST.get("_version", "")
    return int(text) if text.isdigit() else -1


@login_required
@require_POST
def save(request: HttpRequest, pk: int) -> HttpResponse:
    evaluation = visible_evaluation(request, pk, "evaluations.edit_evaluation")
    data, errors = _posted(request, evaluation)
    data = editor.drop_blank_items(data)
    analysis = analyse(data)
    refusal = ""
    if errors:
        refusal = "有填写错误，未保存：请按各项旁的提示修改"
    else:
        try:
            saved = services.save_data(
                evaluation.pk, data, seen_version=_version(request), by=_user(request), analysis=analysis
            )
        except services.ActionRefused as error:
            refusal = str(error)
        else:
            messages.success(
                request,
                f"已保存第 {saved.evaluation.version} 版（{saved.changes} 处修改）"
                if saved.changes
                else "没有修改",
            )
            return redirect("editor", pk=pk)
    # Refused: the page comes back with the user's input as typed, and says why.
    context = _editor_context(evaluation, data, analysis, errors, _version(request))
    context |= {"editable": True, "refusal": refusal}
    return render(request, "evaluations/editor.html", context, status=409 if "版" in refusal else 422)


@login_required
@require_POST
def upload(request: HttpRequest, pk: int) -> HttpResponse:
    evaluation = visible_evaluation(request, pk, "evaluations.edit_evaluation")
    received = request.FILES.get("file")
    if received is None:
        messages.error(request, "请选择要上传的文件")
        return redirect("editor", pk=pk)
    try:
        job = services.queue_import(evaluation, _user(request), received)
    except services.ActionRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("editor", pk=pk)
    return redirect("job", pk=job.pk)


@login_required
@require_POST
def render_request(request: HttpRequest, pk: int) -> HttpResponse:
    evaluation = visible_evaluation(request, pk)
    try:
        job = services.queue_render(evaluation, _user(request), request.POST.get("format", ""))
    except services.ActionRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("editor", pk=pk)
    return redirect("job", pk=job.pk)


def own_job(request: HttpRequest, pk: int) -> Job:
    job = get_object_or_404(Job.objects.select_related("evaluation__unit"), pk=pk, user=request.user)
    visible_evaluation(request, job.evaluation_id)
    return job


@login_required
@require_GET
def job_page(request: HttpRequest, pk: int) -> HttpResponse:
    job = own_job(request, pk)
    template = "evaluations/_job.html" if request.htmx else "evaluations/job.html"  # type: ignore[attr-defined]
    return render(request, template, {"job": job, "evaluation": job.evaluation})


@login_required
@require_GET
def download(request: HttpRequest, pk: int) -> FileResponse:
    job = own_job(request, pk)
    if job.kind != JobKind.RENDER or not job.output or not Path(job.output).is_file():
        raise Http404
    return FileResponse(Path(job.output).open("rb"), as_attachment=True, filename=Path(job.output).name)


@login_required
@require_POST
def apply_import(request: HttpRequest, pk: int) -> HttpResponse:
    """The editor, filled with what the upload gave, for the user to look at and save."""
    job = own_job(request, pk)
    evaluation = job.evaluation
    data = services.imported_data(job)
    if data is None:
        raise Http404
    if not request.user.has_perm("evaluations.edit_evaluation", evaluation) or not evaluation.editable:
        raise PermissionDenied("此自评现在不能修改")
    context = _editor_context(evaluation, data, analyse(data), {}, evaluation.version)
    context |= {"editable": True, "imported": job}
    return render(request, "evaluations/editor.html", context)


@login_required
@require_GET
def history(request: HttpRequest, pk: int) -> HttpResponse:
    evaluation = visible_evaluation(request, pk)
    return render(
        request,
        "evaluations/history.html",
        {
            "evaluation": evaluation,
            "changes": evaluation.changes.select_related("user")[:500],
            "transitions": evaluation.transitions.select_related("user").prefetch_related("comments"),
            "snapshots": evaluation.snapshots.select_related("submitted_by"),
        },
    )
