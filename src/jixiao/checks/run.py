"""The one driver: run every catalogued rule over an evaluation and collect the findings.

A rule that crashes becomes a finding (JX-INTERNAL-001) naming the rule, never a crash of the
run; every finding gets its source place and a stable fingerprint.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import cache

from jixiao.checks import across, agreement, controls, document, execution, rates, scores, sums
from jixiao.checks.registry import CheckContext, Rule
from jixiao.checks.related import NOTHING_RELATED, Related
from jixiao.findings import Finding, Place, Severity, Term
from jixiao.model import Evaluation
from jixiao.profiles import Profile, load_profile
from jixiao.scoring import Scorecard, score_evaluation
from jixiao.source_map import first_inside

INTERNAL_ERROR = "JX-INTERNAL-001"


@cache
def catalogue() -> tuple[Rule, ...]:
    """Every rule, in catalogue order."""
    return (*sums.RULES, *rates.RULES, *scores.RULES, *execution.RULES, *agreement.RULES,
            *document.RULES, *controls.RULES, *across.RULES)


def run_checks(evaluation: Evaluation, profile: Profile | None = None,
               source: Mapping[str, Place] | None = None,
               scorecard: Scorecard | None = None,
               rules: Sequence[Rule] | None = None,
               related: Related = NOTHING_RELATED) -> tuple[Finding, ...]:
    """All findings of ``rules`` (default: the whole catalogue) that apply to the evaluation's
    template, placed and fingerprinted; the cross checks compare it with ``related``."""
    profile = profile or load_profile(evaluation.profile)
    context = CheckContext(evaluation, profile, scorecard or score_evaluation(evaluation, profile),
                           related)
    findings: list[Finding] = []
    for rule in catalogue() if rules is None else rules:
        if not rule.applies_to(evaluation.template):
            continue
        try:
            findings.extend(rule.check(context))
        except Exception as error:
            findings.append(Finding.new(
                INTERNAL_ERROR, Severity.ERROR,
                f"规则 {rule.code} 运行出错：{type(error).__name__}: {error}", Place()))
    if not source:
        return tuple(findings)
    return tuple(placed(finding, source) for finding in findings)


def placed(finding: Finding, source: Mapping[str, Place]) -> Finding:
    """The finding with its places completed from the source (its fingerprint is unchanged);
    a figure of another report keeps the place it has there."""
    terms = tuple(term if term.where.report else Term(term.label, term.value, _completed(term.where, source))
                  for term in finding.terms)
    return replace(finding, where=_completed(finding.where, source), terms=terms)


def _completed(place: Place, source: Mapping[str, Place]) -> Place:
    """``place`` with the source's location filled in where it has none. A place naming only its
    field, as rules make them, is the source's own place for that field."""
    found = _lookup(place.path, source)
    if found is not None and found.path == place.path and place.as_dict().keys() == {"path"}:
        return found
    return place.merged(found)


def _lookup(path: str | None, source: Mapping[str, Place]) -> Place | None:
    """The source place of ``path``, else of its first field that has one (a section left
    blank in a workbook has no cell of its own), else of its nearest ancestor."""
    if not path:
        return None
    if path in source:
        return source[path]
    inside = first_inside(path, source)
    if inside is not None:
        return replace(source[inside], path=path)
    while path:
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
        if path in source:
            return source[path]
    return None
