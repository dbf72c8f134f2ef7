"""What every builder of a rendered report reads: the data, its scores and the display rules."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

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

    def grade_for(self, score: Decimal) -> str:
        """The grade the profile gives ``score``, in the form's word for it."""
        return self.rules.grade_word(self.scorecard.profile.grade_for(score))
