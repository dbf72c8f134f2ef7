"""汇总分析: the bureau's table of its units with filters, charts and 预警; its Excel export; one
unit across years. Reviewers and administrators only; a unit sees no other unit."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from jixiao.web.accounts.models import User
from jixiao.web.dashboard import export
from jixiao.web.dashboard.charts import chart_data, decimal_text
from jixiao.web.dashboard.query import (
    ALERT_ANY,
    ALERT_NONE,
    ALERT_RED,
    GRADES,
    LATEST_RECTIFICATION,
    PAGE_SIZE,
    RECTIFICATION_CHOICES,
    ROW_FIELDS,
    UNGRADED,
    Filters,
    Scope,
    alert_rules,
    dashboard_user,
)
from jixiao.web.evaluations.models import Evaluation, Status

GRADE_CLASSES = {"优": "g-a", "良": "g-b", "中": "g-c", "差": "g-d"}
STATUS_NAMES = dict(Status.choices)
COLUMNS = (("unit", "预算单位"), ("status", "状态"), ("score", "规则得分"), ("grade", "等次"),
           ("rate", "执行率"), ("three_public", "三公变动"), ("errors", "错误"), ("warnings", "警告"),
           ("alerts", "预警"), ("rectification", "整改"), ("updated", "最后修改"))


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _shown(row: dict[str, Any], user: User) -> dict[str, Any]:
    """A table row with what the page adds: names, the grade's colour, the drill-down link."""
    return row | {
        "status_name": STATUS_NAMES.get(row["status"], row["status"]),
        "rectification_name": export.RECTIFICATION_NAMES.get(row["rectification_status"], ""),
        "grade_class": GRADE_CLASSES.get(row["grade"], ""),
        "department": export.department_of(row),
        "open_view": "review" if user.is_reviewer else "editor",
    }


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    user = dashboard_user(_user(request))
    scope = Scope.read(user, request.GET)
    filters = Filters.read(request.GET)
    scoped = scope.evaluations(user)
    chosen = filters.apply(scoped)
    page = Paginator(chosen.order_by(*filters.ordering()).values(*ROW_FIELDS), PAGE_SIZE).get_page(
        request.GET.get("page"))
    summary = scoped.aggregate(
        evaluations=Count("id"), units=Count("unit", distinct=True),
        red=Count("id", filter=Q(red_alert_count__gt=0)), alerted=Count("id", filter=Q(alert_count__gt=0)),
        with_errors=Count("id", filter=Q(error_count__gt=0)),
        **{f"status_{value}": Count("id", filter=Q(status=value)) for value in Status.values})
    unit_count = scope.units().count()
    base = f"org={scope.organisation.pk}&year={scope.year}"
    return render(request, "dashboard/dashboard.html", {
        "scope": scope,
        "scopes": scope.choices,
        "filters": filters,
        "base_query": base,
        "page": page,
        "rows": [_shown(row, user) for row in page],
        "columns": [(key, label, filters.sort_query(key), _arrow(filters, key)) for key, label in COLUMNS],
        "summary": summary,
        "statuses": [(value, label, summary[f"status_{value}"]) for value, label in Status.choices],
        "not_started": max(unit_count - summary["units"], 0),
        "unit_count": unit_count,
        "grades": [*GRADES, UNGRADED],
        "alert_choices": [(ALERT_ANY, "有预警"), (ALERT_RED, "有红色预警"), (ALERT_NONE, "无预警"),
                          *alert_rules()],
        "rectification_choices": RECTIFICATION_CHOICES,
        "charts": chart_data(chosen),
    })


def _arrow(filters: Filters, key: str) -> str:
    if filters.sort != key:
        return ""
    return "▼" if filters.descending else "▲"


@login_required
@require_GET
def export_xlsx(request: HttpRequest) -> HttpResponse:
    """The table with the current filters, every page, as .xlsx."""
    user = dashboard_user(_user(request))
    scope = Scope.read(user, request.GET)
    filters = Filters.read(request.GET)
    rows = filters.apply(scope.evaluations(user)).order_by(*filters.ordering()).values(*ROW_FIELDS)
    title = f"{scope.organisation.name} {scope.year} 年度绩效自评汇总表"
    response = HttpResponse(
        export.workbook(title, rows.iterator(chunk_size=500)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = content_disposition_header(
        True, f"{scope.organisation.name}-{scope.year}-绩效自评汇总表.xlsx")
    return response


@login_required
@require_GET
def unit_years(request: HttpRequest, pk: int) -> HttpResponse:
    """One unit's evaluations by year with their key figures and a small trend."""
    user = _user(request)
    unit = get_object_or_404(user.visible_organisations().units(), pk=pk)
    rows = list(Evaluation.objects.visible_to(user).filter(unit=unit).annotate(
        rectification_status=LATEST_RECTIFICATION).order_by("year", "id").values(*ROW_FIELDS))
    trend = [{"year": row["year"], "score": decimal_text(row["score_value"]),
              "rate": decimal_text(row["execution_rate"])} for row in rows]
    return render(request, "dashboard/unit_years.html", {
        "unit": unit,
        "rows": [_shown(row, user) for row in reversed(rows)],
        "trend": trend,
        "can_dashboard": user.has_perm("evaluations.view_dashboard"),
    })
