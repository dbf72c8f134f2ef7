"""One evaluation's data as the CLI writes it: the guided workbook (`jixiao new`'s layout,
filled) and YAML (what `jixiao import` writes), written by the CLI's own writers."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from jixiao.io.errors import InputError
from jixiao.io.validate import validate_evaluation
from jixiao.io.workbook.writer import write_workbook
from jixiao.io.yaml_dumper import dump_yaml
from jixiao.model import Evaluation as EvaluationData
from jixiao.web.evaluations.filenames import safe_name
from jixiao.web.evaluations.models import Evaluation
from jixiao.web.evaluations.views import visible_evaluation

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def evaluation_yaml(data: dict) -> str:
    return dump_yaml(_validated(data))


def evaluation_workbook(data: dict) -> bytes:
    evaluation = _validated(data)
    with tempfile.TemporaryDirectory(prefix="jixiao-export-") as folder:
        path = Path(folder) / "export.xlsx"
        write_workbook(path, evaluation, evaluation.template)
        return path.read_bytes()


def _validated(data: dict) -> EvaluationData:
    return validate_evaluation(data, {}, "自评数据")


def _download(request: HttpRequest, pk: int, suffix: str, content_type: str, write) -> HttpResponse:
    evaluation: Evaluation = visible_evaluation(request, pk)
    try:
        content = write(evaluation.data)
    except InputError as error:
        messages.error(request, f"不能导出：{error.describe()}")
        return redirect("editor", pk=pk)
    response = HttpResponse(content, content_type=content_type)
    name = f"{evaluation.year}年度{safe_name(evaluation.unit.name)}自评数据{suffix}"
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


@login_required
@require_GET
def yaml_download(request: HttpRequest, pk: int) -> HttpResponse:
    return _download(request, pk, ".yaml", "application/yaml; charset=utf-8",
                     lambda data: evaluation_yaml(data).encode())


@login_required
@require_GET
def workbook_download(request: HttpRequest, pk: int) -> HttpResponse:
    return _download(request, pk, ".xlsx", XLSX, evaluation_workbook)
