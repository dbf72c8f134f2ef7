"""What every builder of a rendered report reads: the data, its scores and the display rules."""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.model import Evaluation
from jixiao.render.figures import Rules
from jixiao.scoring import Scorecard


@dataclass(frozen=True, slots=True)
class Facts:
    """One evaluation, its scorecard under the chosen profile, and how computed figures show."""

    evaluation: Evaluation
    scorecard: Scorecard
    rules: Rules

    @property
    def year(self) -> int:
        return self.evaluation.year
