"""The API's operations. Each finds its object as the pages do (out of the user's scope: 404,
so ids do not disclose what exists; in scope but not allowed: 403) and calls the same service
the page calls."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.http import FileResponse, Http404, HttpRequest
from django.urls import reverse
from ninja import File, NinjaAPI, Query, Status, UploadedFile
from ninja import Path as InPath

from jixiao.web.api import schemas
from jixiao.web.api.audits import router as audits_router
from jixiao.web.api.auth import AUTH
from jixiao.web.api.errors import DOWNLOAD, ERROR_RESPONSES, Unprocessable, install, responses
from jixiao.web.api.paging import Page, page_of
from jixiao.web.evaluations import editor, services
from jixiao.web.evaluations.analysis import analyse
from jixiao.web.evaluations.models import Evaluation, Job, JobKind
from jixiao.web.evaluations.presenting import placed_findings
from jixiao.web.evaluations.related import related_evaluations
from jixiao.web.evaluations.views import own_job, visible_evaluation
from jixiao.web.review import services as review

api = NinjaAPI(
    title="jixiao 预算绩效自评接口",
    version="1",
    description="与网页相同的数据、权限与校验。认证：请求头 `Authorization: Bearer <令牌>`"
    "（在“接口令牌”页创建），或浏览器中已登录的会话（修改类请求须带 X-CSRFToken）。所有错误均为 "
    '`{"error": {"code": "…", "message": "中文说明", "details": […]}}`。',
    auth=AUTH,
    urls_namespace="api",
)
install(api)
api.add_router("/audits", audits_router)

EvaluationId = InPath(..., ge=1, le=schemas.MAX_ID, description="自评编号")
JobId = InPath(..., ge=1, le=schemas.MAX_ID, description="任务编号")


def summary(evaluation: Evaluation) -> dict[str, Any]:
    return {
        "id": evaluation.pk, "year": evaluation.year,
        "unit": {"id": evaluation.unit_id, "name": evaluation.unit.name},
        "task_id": evaluation.task_id, "task_title": evaluation.task.title,
        "status": evaluation.status, "status_label": evaluation.get_status_display(),
        "version": evaluation.version, "score": evaluation.score or None, "grade": evaluation.grade or None,
        "counts": {"error": evaluation.error_count, "warning": evaluation.warning_count},
        "updated_at": evaluation.updated_at,
    }


def detail(evaluation: Evaluation, request: HttpRequest) -> dict[str, Any]:
    return summary(evaluation) | {
        "editable": evaluation.editable and request.user.has_perm("evaluations.edit_evaluation", evaluation),
        "updated_by": str(evaluation.updated_by) if evaluation.updated_by else None,
        "carried_from_id": evaluation.carried_from_id,
    }


@api.get("/evaluations", response=responses(200, Page[schemas.EvaluationSummary]), tags=["自评"],
         summary="自评列表（本用户可见范围内）")
def list_evaluations(
    request: HttpRequest,
    year: int | None = Query(None, ge=1900, le=2200, description="年度"),
    status: schemas.StatusName | None = Query(None, description="状态"),
    unit: int | None = Query(None, ge=1, le=schemas.MAX_ID, description="预算单位编号"),
    page: int = Query(1, ge=1, le=1_000_000),
    page_size: int = Query(50, ge=1, le=200),
) -> dict[str, Any]:
    evaluations = Evaluation.objects.visible_to(request.user).select_related("unit", "task")
    if year is not None:
        evaluations = evaluations.filter(year=year)
    if status is not None:
        evaluations = evaluations.filter(status=status.value)
    if unit is not None:
        evaluations = evaluations.filter(unit_id=unit)
    return page_of(evaluations.order_by("-year", "unit__path", "pk"), page, page_size, summary)


@api.get("/evaluations/{evaluation_id}", response=responses(200, schemas.EvaluationDetail), tags=["自评"],
         summary="一份自评的状态、版本、得分、等次与问题数")
def get_evaluation(request: HttpRequest, evaluation_id: int = EvaluationId) -> dict[str, Any]:
    return detail(visible_evaluation(request, evaluation_id), request)


@api.get("/evaluations/{evaluation_id}/data", response=responses(200, schemas.EvaluationData), tags=["自评"],
         summary="自评数据")
def get_data(request: HttpRequest, evaluation_id: int = EvaluationId) -> dict[str, Any]:
    evaluation = visible_evaluation(request, evaluation_id)
    return {"version": evaluation.version, "data": evaluation.data}


@api.put("/evaluations/{evaluation_id}/data", response=responses(200, schemas.Saved), tags=["自评"],
         summary="保存自评数据（须给出所依据的版本；他人已保存新版本时返回 409）")
def put_data(request: HttpRequest, update: schemas.DataUpdate, evaluation_id: int = EvaluationId
             ) -> dict[str, Any]:
    evaluation = visible_evaluation(request, evaluation_id, "evaluations.edit_evaluation")
    data = services.with_task_fields(evaluation, update.data)
    saved = services.save_data(evaluation.pk, data, seen_version=update.version, by=request.user)
    stored = visible_evaluation(request, evaluation.pk)
    return {"changes": saved.changes, "evaluation": detail(stored, request)}


@api.get("/evaluations/{evaluation_id}/checks", response=responses(200, schemas.Checks), tags=["校验"],
         summary="校验结果：与网页所示相同的问题清单")
def get_checks(request: HttpRequest, evaluation_id: int = EvaluationId) -> dict[str, Any]:
    evaluation = visible_evaluation(request, evaluation_id)
    related = related_evaluations(evaluation, request.user)  # the cross checks, as on the pages
    analysis = analyse(evaluation.data, related.related)
    placed = placed_findings(analysis, editor.parts(evaluation.data))
    return {
        "valid": analysis.valid,
        "counts": analysis.counts,
        "findings": [item.finding.as_json() | {"field": item.field_path, "part": item.part_name}
                     for item in placed],
        "problems": [{"path": path, "message": message} for path, messages in analysis.problems.items()
                     for message in messages],
    }


@api.get("/evaluations/{evaluation_id}/steps", response=responses(200, list[schemas.StepOut]), tags=["流转"],
         summary="本用户现在可执行的流转操作")
def list_steps(request: HttpRequest, evaluation_id: int = EvaluationId) -> list[dict[str, Any]]:
    evaluation = visible_evaluation(request, evaluation_id)
    return [{"name": step.name, "label": step.label, "target": step.target,
             "target_label": step.target.label} for step in review.available_steps(evaluation, request.user)]


@api.post("/evaluations/{evaluation_id}/steps/{name}", response=responses(200, schemas.EvaluationDetail),
          tags=["流转"], summary="执行一项流转操作（提交、撤回、开始审核、退回、审核通过…）")
def take_step(request: HttpRequest, name: schemas.StepName, body: schemas.StepIn,
              evaluation_id: int = EvaluationId) -> dict[str, Any]:
    step = review.STEPS[name.value]
    evaluation = visible_evaluation(request, evaluation_id, step.permission)
    comments = [(item.path, item.label, item.text) for item in body.field_comments]
    review.take_step(evaluation.pk, step.name, request.user, comment=body.comment, field_comments=comments)
    return detail(visible_evaluation(request, evaluation.pk), request)


def job_out(job: Job) -> dict[str, Any]:
    done_file = job.kind == JobKind.RENDER and bool(job.output) and job.status == "done"
    return {
        "id": job.pk, "kind": job.kind, "status": job.status, "status_label": job.get_status_display(),
        "step": job.step, "format": job.format, "evaluation_id": job.evaluation_id,
        "created_at": job.created_at, "finished_at": job.finished_at, "error": job.error,
        "file_url": reverse("api:job_file", args=[job.pk]) if done_file else None,
        "warnings": list(job.result.get("warnings", [])) if job.kind == JobKind.RENDER else [],
        "data": services.imported_data(job),
        "missing": list(job.result.get("missing", [])) if job.kind == JobKind.IMPORT else [],
    }


@api.post("/evaluations/{evaluation_id}/renders", response=responses(202, schemas.Job), tags=["后台任务"],
          summary="生成报告（Word、PDF 或 Excel 附件表）")
def start_render(request: HttpRequest, body: schemas.RenderIn, evaluation_id: int = EvaluationId
                 ) -> Status:
    evaluation = visible_evaluation(request, evaluation_id)
    return Status(202, job_out(services.queue_render(evaluation, request.user, body.format)))


@api.post("/evaluations/{evaluation_id}/imports", response=responses(202, schemas.Job), tags=["后台任务"],
          summary="导入文件（引导式工作簿、数据文件或已有报告），读出的数据在任务完成后返回")
def start_import(request: HttpRequest, file: UploadedFile = File(...), evaluation_id: int = EvaluationId
                 ) -> Status:
    evaluation = visible_evaluation(request, evaluation_id, "evaluations.edit_evaluation")
    try:
        job = services.queue_import(evaluation, request.user, file)
    except services.ActionRefused as refusal:
        raise Unprocessable(str(refusal)) from refusal
    return Status(202, job_out(job))


@api.get("/jobs/{job_id}", response=responses(200, schemas.Job), tags=["后台任务"], summary="任务状态与结果")
def get_job(request: HttpRequest, job_id: int = JobId) -> dict[str, Any]:
    return job_out(own_job(request, job_id))


@api.get("/jobs/{job_id}/file", response=ERROR_RESPONSES, tags=["后台任务"], url_name="job_file",
         summary="下载生成的文件",
         openapi_extra=DOWNLOAD)
def get_job_file(request: HttpRequest, job_id: int = JobId) -> FileResponse:
    job = own_job(request, job_id)
    output = Path(job.output) if job.output else None
    if job.kind != JobKind.RENDER or output is None or not output.is_file():
        raise Http404
    return FileResponse(output.open("rb"), as_attachment=True, filename=output.name,
                        content_type="application/octet-stream")
