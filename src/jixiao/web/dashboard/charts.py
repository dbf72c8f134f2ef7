"""The dashboard's chart data: counts and points from the stored figures, by aggregate queries.

Numbers leave as decimal text (the page's script turns them into chart values); unit names
leave as data, escaped by ``json_script`` and drawn as plain text.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Count, Q
from django.db.models.functions import Abs

from jixiao.web.dashboard.query import GRADES

# 执行率 bands (%): [low, high), the last open-ended.
RATE_BANDS: tuple[tuple[str, Decimal | None, Decimal | None], ...] = (
    ("<60%", None, Decimal(60)),
    ("60–70%", Decimal(60), Decimal(70)),
    ("70–80%", Decimal(70), Decimal(80)),
    ("80–90%", Decimal(80), Decimal(90)),
    ("90–95%", Decimal(90), Decimal(95)),
    ("95–100%", Decimal(95), Decimal(100)),
    ("≥100%", Decimal(100), None),
)
THREE_PUBLIC_UNITS = 30
SCATTER_POINTS = 1000


def decimal_text(value: Decimal | None) -> str | None:
    """A stored figure as plain decimal text for a chart (``None`` stays missing)."""
    return None if value is None else format(value.normalize(), "f")


def _band(low: Decimal | None, high: Decimal | None) -> Q:
    condition = Q(execution_rate__isnull=False)
    if low is not None:
        condition &= Q(execution_rate__gte=low)
    if high is not None:
        condition &= Q(execution_rate__lt=high)
    return condition


def chart_data(evaluations: Any) -> dict[str, Any]:
    """Everything the four charts draw, for the (already filtered) ``evaluations``."""
    grade_counts = {f"grade_{index}": Count("id", filter=Q(grade=grade))
                    for index, grade in enumerate(GRADES)}
    rate_counts = {f"rate_{index}": Count("id", filter=_band(low, high))
                   for index, (_, low, high) in enumerate(RATE_BANDS)}
    counts = evaluations.aggregate(ungraded=Count("id", filter=Q(grade="")), **grade_counts, **rate_counts)
    changes = sorted(
        evaluations.filter(three_public_change__isnull=False)
        .order_by(Abs("three_public_change").desc(), "unit__name")
        .values_list("unit__name", "three_public", "three_public_prior", "three_public_change")
        [:THREE_PUBLIC_UNITS],
        key=lambda row: row[3], reverse=True)
    points = (evaluations.filter(score_value__isnull=False, execution_rate__isnull=False)
              .order_by("unit__name", "id")
              .values_list("unit__name", "execution_rate", "score_value", "grade")[:SCATTER_POINTS])
    return {
        "grades": [{"name": grade, "count": counts[f"grade_{index}"]} for index, grade in enumerate(GRADES)]
        + [{"name": "未评分", "count": counts["ungraded"]}],
        "rates": [{"name": name, "count": counts[f"rate_{index}"]}
                  for index, (name, _, _) in enumerate(RATE_BANDS)],
        "threePublic": [{"unit": unit, "current": decimal_text(current), "prior": decimal_text(prior),
                         "change": decimal_text(change)} for unit, current, prior, change in changes],
        "scatter": [{"unit": unit, "rate": decimal_text(rate), "score": decimal_text(score), "grade": grade}
                    for unit, rate, score, grade in points],
        "scatterLimit": SCATTER_POINTS,
    }
