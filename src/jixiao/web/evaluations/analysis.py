"""An evaluation's plain data through the core: validated, scored and checked.

The one bridge from the web to the engine: the same ``validate_evaluation``,
``score_evaluation`` and ``run_checks`` the CLI runs on a YAML file.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from jixiao.alerts import Alert, KeyFigures, alerts_for, key_figures
from jixiao.checks import run_checks
from jixiao.checks.related import NOTHING_RELATED, Related
from jixiao.findings import Finding, Severity, summarize
from jixiao.io.errors import InputError
from jixiao.io.validate import validate_evaluation
from jixiao.model import Evaluation
from jixiao.profiles import ProfileError, load_profile
from jixiao.scoring import Scorecard, score_evaluation


@dataclass(frozen=True)
class Analysis:
    """What the engine says of the data: either ``problems`` (field path → Chinese messages;
    the data is not a valid evaluation) or the evaluation with its scorecard and findings."""

    evaluation: Evaluation | None
    scorecard: Scorecard | None
    findings: tuple[Finding, ...] = ()
    problems: dict[str, list[str]] = field(default_factory=dict)

    @property
    def valid(self) -> bool:
        return self.evaluation is not None

    @property
    def counts(self) -> dict[str, int]:
        return summarize(self.findings)

    def findings_at(self) -> dict[str, list[Finding]]:
        """Findings by the field path they are about."""
        placed: dict[str, list[Finding]] = defaultdict(list)
        for finding in self.findings:
            placed[finding.where.path or ""].append(finding)
        return placed

    @property
    def figures(self) -> KeyFigures | None:
        """The figures the dashboards compare, as scoring computed them."""
        if self.evaluation is None or self.scorecard is None:
            return None
        return key_figures(self.evaluation, self.scorecard)

    def alerts(self, figures: KeyFigures) -> tuple[Alert, ...]:
        """The profile's 预警 on ``figures``."""
        return alerts_for(figures, self.scorecard.profile.alerts) if self.scorecard else ()

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)


def analyse(data: dict[str, Any], related: Related = NOTHING_RELATED) -> Analysis:
    """Validate, score and check ``data`` (against the ``related`` evaluations too: last
    year's, a department's units'); never raises for bad data."""
    try:
        evaluation = validate_evaluation(data, {}, "自评数据")
        profile = load_profile(evaluation.profile)
    except InputError as error:
        problems: dict[str, list[str]] = defaultdict(list)
        for problem in error.problems:
            problems[problem.place.path or ""].append(_bare(problem.message))
        return Analysis(None, None, problems=dict(problems))
    except ProfileError as error:
        return Analysis(None, None, problems={"profile": [str(error)]})
    scorecard = score_evaluation(evaluation, profile)
    findings = run_checks(evaluation, profile, scorecard=scorecard, related=related)
    return Analysis(evaluation, scorecard, findings)


def _bare(message: str) -> str:
    """The message without the field's title path (the page shows it beside its field)."""
    head, _, rest = message.partition("：")
    return rest if "›" in head and rest else message
