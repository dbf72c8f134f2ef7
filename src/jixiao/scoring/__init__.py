"""Score an evaluation under its profile: derived figures, each indicator, totals and grade.

Scoring never overwrites what the unit stated: each result carries the rule's value next to
the stated one, and the checks compare them.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.model import Evaluation
from jixiao.profiles import Profile, load_profile
from jixiao.scoring.derived import DerivedFigure, derived_figures
from jixiao.scoring.indicators import (
    IndicatorScore,
    block_name,
    infer_nature,
    named_target,
    read_quantity,
    written_target,
)
from jixiao.scoring.tables import (
    BlockScore,
    TableScore,
    execution_rate,
    is_scored,
    score_disagrees,
    score_table,
)

__all__ = [
    "BlockScore",
    "DerivedFigure",
    "IndicatorScore",
    "Scorecard",
    "TableScore",
    "block_name",
    "execution_rate",
    "infer_nature",
    "is_scored",
    "named_target",
    "read_quantity",
    "score_disagrees",
    "score_evaluation",
    "written_target",
]


@dataclass(frozen=True, slots=True)
class Scorecard:
    """Everything scoring computes for one evaluation."""

    profile: Profile
    derived: tuple[DerivedFigure, ...]
    unit_table: TableScore
    projects: tuple[TableScore, ...]


def score_evaluation(evaluation: Evaluation, profile: Profile | None = None) -> Scorecard:
    """Score under ``profile``, or under the profile the evaluation names."""
    profile = profile or load_profile(evaluation.profile)
    table = evaluation.self_assessment
    unit_table = score_table(table.funds, table.indicators, table.stated_total_weight,
                             table.stated_total_score, profile)
    projects = tuple(
        score_table(project.funds, project.indicators, project.stated_total_weight,
                    project.stated_total_score, profile)
        for project in evaluation.projects
    )
    return Scorecard(profile, derived_figures(evaluation), unit_table, projects)
