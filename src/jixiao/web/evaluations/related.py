"""The evaluations a cross check compares an evaluation with, found through the ORM: the unit's
own of last year (approved or published), and for a 主管部门 its units' of the same year (submitted).

Three queries at most, each scoped to what the user may see; the checks themselves are the
core's (:mod:`jixiao.checks.across`), as in ``jixiao check --previous/--unit``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse

from jixiao.checks.across import related_notes
from jixiao.checks.related import NOTHING_RELATED, OtherReport, Related
from jixiao.io.errors import InputError
from jixiao.io.validate import validate_evaluation
from jixiao.model import Evaluation as EvaluationData
from jixiao.web.accounts.models import Organisation, OrgKind
from jixiao.web.evaluations.models import EDITABLE, Evaluation, Status

APPROVED = frozenset({Status.APPROVED, Status.PUBLISHED})
"""Last year's evaluation stands once approved; a published one was approved first."""


@dataclass(frozen=True)
class RelatedEvaluations:
    """The other evaluations, what was compared with them (``notes``) and where each is
    (``links``: its reference → its page)."""

    related: Related = NOTHING_RELATED
    notes: tuple[str, ...] = ()
    links: dict[str, str] = field(default_factory=dict)


def related_evaluations(evaluation: Evaluation, user: Any) -> RelatedEvaluations:
    """What ``evaluation`` is compared with, among the evaluations ``user`` may see."""
    own = _core(evaluation.data)
    if own is None:  # invalid data: the page shows its problems, nothing to compare
        return RelatedEvaluations()
    visible = Evaluation.objects.visible_to(user).select_related("unit")
    found: dict[str, Evaluation] = {}
    previous = _readable(_best(visible.filter(unit=evaluation.unit_id, year=evaluation.year - 1)), found)
    department = evaluation.unit.kind == OrgKind.DEPARTMENT
    units: list[OtherReport] = []
    missing: list[str] = []
    if department:
        submitted = visible.filter(unit__parent=evaluation.unit_id, unit__kind=OrgKind.UNIT,
                                   year=evaluation.year).exclude(status__in=EDITABLE)
        by_unit: dict[int, list[Evaluation]] = {}
        for item in submitted:
            by_unit.setdefault(item.unit_id, []).append(item)
        for unit in Organisation.objects.filter(parent=evaluation.unit_id, kind=OrgKind.UNIT):
            report = _readable(_best(by_unit.get(unit.pk, [])), found)
            if report is None:
                missing.append(unit.name)
            else:
                units.append(report)
    related = Related(previous=previous, units=tuple(units), units_missing=tuple(missing))
    page = "review" if getattr(user, "is_reviewer", False) else "editor"
    return RelatedEvaluations(
        related, related_notes(own, related, previous=True, units=department),
        {reference: reverse(page, args=[item.pk]) for reference, item in found.items()})


def _best(candidates: QuerySet[Evaluation] | list[Evaluation]) -> Evaluation | None:
    """The approved one if any, else the latest changed."""
    ranked = sorted(candidates, key=lambda item: (item.status in APPROVED, item.updated_at))
    return ranked[-1] if ranked else None


def _readable(evaluation: Evaluation | None, found: dict[str, Evaluation]) -> OtherReport | None:
    """``evaluation`` for the core, noted in ``found`` by its reference; ``None`` when there is
    none or its data is not a valid evaluation."""
    data = _core(evaluation.data) if evaluation is not None else None
    if evaluation is None or data is None:
        return None
    found[str(evaluation)] = evaluation
    return OtherReport(str(evaluation), data, approved=evaluation.status in APPROVED)


def _core(data: dict[str, Any]) -> EvaluationData | None:
    try:
        return validate_evaluation(data, {}, "自评数据")
    except InputError:
        return None
