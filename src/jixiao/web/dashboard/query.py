"""What a dashboard shows: the scope (a region or department and a year), the filters and the
sort order, read from the query string and applied as one ORM query on the stored figures.

Every query starts from ``Evaluation.objects.visible_to(user)``, the scope of every list.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.db.models import Case, F, OuterRef, Subquery, Value, When
from django.db.models.expressions import OrderBy
from django.http import Http404, QueryDict

from jixiao.profiles import available_profiles, load_profile
from jixiao.web.accounts.models import Organisation, OrgKind, User
from jixiao.web.evaluations.models import Evaluation, Status
from jixiao.web.rectification.models import Rectification, RectificationStatus

GRADES = ("优", "良", "中", "差")
UNGRADED = "none"
PAGE_SIZE = 50

# Sort key → the stored column it orders by (a grade orders as its score does).
SORTS = {
    "unit": "unit__name",
    "status": "status",
    "score": "score_value",
    "grade": "score_value",
    "rate": "execution_rate",
    "errors": "error_count",
    "warnings": "warning_count",
    "alerts": "red_alert_count",
    "three_public": "three_public_change",
    "updated": "updated_at",
    "rectification": "rectification_status",
}
# A status sorts by its place in the workflow (草稿 first, 已审核 last), not by its code.
WORKFLOW_ORDER = Case(*(When(status=status, then=Value(place)) for place, status in enumerate(Status.values)),
                      default=Value(len(Status.values)))
LATEST_RECTIFICATION = Subquery(Rectification.objects.filter(evaluation=OuterRef("pk"))
                                .order_by("-issued_at", "-id").values("status")[:1])
OPEN_RECTIFICATION = (RectificationStatus.NOTIFIED, RectificationStatus.ANSWERED)
# The columns a table row and the export read: never the evaluation's data.
ROW_FIELDS = ("id", "year", "status", "score", "grade", "score_value", "execution_rate", "budget_total",
              "actual_total", "three_public", "three_public_prior", "three_public_change", "error_count",
              "warning_count", "alert_count", "red_alert_count", "alerts", "updated_at", "unit__id",
              "unit__name", "unit__parent__name", "unit__parent__kind", "rectification_status")
ALERT_ANY, ALERT_RED, ALERT_NONE = "any", "red", "none"
RECTIFICATION_OPEN, RECTIFICATION_NONE = "open", "none"
RECTIFICATION_CHOICES = ((RECTIFICATION_OPEN, "整改中（未办结）"), *RectificationStatus.choices,
                         (RECTIFICATION_NONE, "无整改"))


def dashboard_user(user: User) -> User:
    """The user, if a dashboard is theirs to see (a unit sees no other unit: 403)."""
    if not user.has_perm("evaluations.view_dashboard"):
        raise PermissionDenied("汇总分析仅供财政审核人、主管部门审核人和管理员使用")
    return user


def scopes_for(user: User) -> list[Organisation]:
    """The regions and departments the user may choose: their own and those under it."""
    return list(user.visible_organisations().exclude(kind=OrgKind.UNIT).order_by("path"))


@cache
def alert_rules() -> tuple[tuple[str, str], ...]:
    """(id, name) of every alert rule in the shipped profiles, for the alert filter."""
    named: dict[str, str] = {}
    for profile_id in available_profiles():
        for rule in load_profile(profile_id).alerts:
            named.setdefault(rule.id, rule.name)
    return tuple(named.items())


@dataclass(frozen=True)
class Filters:
    """The dashboard's choices as the query string states them (unknown values are ignored)."""

    status: str = ""
    grade: str = ""
    alert: str = ""
    rectification: str = ""
    text: str = ""
    sort: str = "unit"
    descending: bool = False

    @classmethod
    def read(cls, query: QueryDict) -> Filters:
        status = query.get("status", "")
        grade = query.get("grade", "")
        alert = query.get("alert", "")
        rectification = query.get("rectification", "")
        sort = query.get("sort", "unit")
        descending = sort.startswith("-")
        sort = sort.removeprefix("-")
        return cls(
            status=status if status in Status.values else "",
            grade=grade if grade in GRADES or grade == UNGRADED else "",
            alert=alert if alert in {ALERT_ANY, ALERT_RED, ALERT_NONE, *dict(alert_rules())} else "",
            rectification=rectification if rectification in dict(RECTIFICATION_CHOICES) else "",
            text=query.get("q", "").strip()[:100],
            sort=sort if sort in SORTS else "unit",
            descending=descending and sort in SORTS,
        )

    def apply(self, evaluations: Any) -> Any:
        if self.status:
            evaluations = evaluations.filter(status=self.status)
        if self.grade == UNGRADED:
            evaluations = evaluations.filter(grade="")
        elif self.grade:
            evaluations = evaluations.filter(grade=self.grade)
        if self.alert == ALERT_ANY:
            evaluations = evaluations.filter(alert_count__gt=0)
        elif self.alert == ALERT_RED:
            evaluations = evaluations.filter(red_alert_count__gt=0)
        elif self.alert == ALERT_NONE:
            evaluations = evaluations.filter(alert_count=0)
        elif self.alert:
            evaluations = evaluations.filter(alert_ids__contains=f"|{self.alert}|")
        if self.rectification == RECTIFICATION_OPEN:
            evaluations = evaluations.filter(rectification_status__in=OPEN_RECTIFICATION)
        elif self.rectification == RECTIFICATION_NONE:
            evaluations = evaluations.filter(rectification_status__isnull=True)
        elif self.rectification:
            evaluations = evaluations.filter(rectification_status=self.rectification)
        if self.text:
            evaluations = evaluations.filter(unit__name__icontains=self.text)
        return evaluations

    def ordering(self) -> list[OrderBy]:
        column = WORKFLOW_ORDER if self.sort == "status" else F(SORTS[self.sort])
        first = column.desc(nulls_last=True) if self.descending else column.asc(nulls_last=True)
        if self.sort == "alerts":
            second = F("alert_count").desc() if self.descending else F("alert_count").asc()
            return [first, second, F("unit__name").asc(), F("id").asc()]
        return [first, F("unit__name").asc(), F("id").asc()]

    def query(self, **changes: Any) -> str:
        """The query string of these filters with ``changes`` (for sort links and the pager)."""
        values = {"status": self.status, "grade": self.grade, "alert": self.alert,
                  "rectification": self.rectification, "q": self.text,
                  "sort": ("-" if self.descending else "") + self.sort}
        values |= changes
        return urlencode({key: value for key, value in values.items() if value})

    def sort_query(self, key: str) -> str:
        """The query that sorts by ``key``: ascending first, descending when clicked again."""
        descending = self.sort == key and not self.descending
        return self.query(sort=("-" if descending else "") + key)


@dataclass(frozen=True)
class Scope:
    """The organisation (region or department) and year a dashboard is about."""

    organisation: Organisation
    year: int
    years: tuple[int, ...]
    choices: tuple[Organisation, ...]
    """Every region and department the user may choose."""

    @classmethod
    def read(cls, user: User, query: QueryDict) -> Scope:
        choices = {org.pk: org for org in scopes_for(user)}
        if not choices:
            raise PermissionDenied("您的账号没有可汇总的地区或部门")
        wanted = query.get("org", "")
        if wanted.isdigit() and int(wanted) not in choices:
            raise Http404
        organisation = choices[int(wanted)] if wanted.isdigit() else _default_scope(user, choices)
        years = tuple(
            Evaluation.objects.visible_to(user)
            .filter(unit__path__startswith=organisation.path)
            .order_by("-year").values_list("year", flat=True).distinct()
        )
        year_text = query.get("year", "")
        year = int(year_text) if year_text.isdigit() else (years[0] if years else 0)
        return cls(organisation, year, years, tuple(choices.values()))

    def evaluations(self, user: User) -> Any:
        """The evaluations of the scope's units for the year, as far as ``user`` may see them,
        each with the status of its latest 整改 (empty when it has none)."""
        return Evaluation.objects.visible_to(user).filter(
            year=self.year, unit__path__startswith=self.organisation.path
        ).annotate(rectification_status=LATEST_RECTIFICATION)

    def units(self) -> Any:
        return Organisation.objects.units().within(self.organisation)


def _default_scope(user: User, choices: dict[int, Organisation]) -> Organisation:
    own = user.organisation_id
    return choices[own] if own in choices else next(iter(choices.values()))
