"""What a rule is, and the context every rule reads.

A rule is a small pure function from a :class:`CheckContext` to the findings it makes,
declared with :func:`rule`, which attaches its stable code, severity and Chinese title.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from jixiao.checks.related import NOTHING_RELATED, Related
from jixiao.findings import INCONSISTENCY, Finding, Place, Severity, Term, number_text, range_text
from jixiao.model import Evaluation
from jixiao.numbers import StatedNumber
from jixiao.profiles import Profile
from jixiao.relations import Outcome, Verdict
from jixiao.scoring import Scorecard


@dataclass(frozen=True, slots=True)
class CheckContext:
    """What a rule reads: the evaluation, its profile and scorecard, and the other evaluations
    it is checked against (none for a rule of one report)."""

    evaluation: Evaluation
    profile: Profile
    scorecard: Scorecard
    related: Related = NOTHING_RELATED


CheckFunction = Callable[[CheckContext], Iterable[Finding]]

YUEYANGLOU_FORM = "yueyanglou-2024"
"""The 岳阳楼区 单位整体支出绩效自评报告: its ten sections, 附件2 and signature block are what the
form-bound rules require; other forms lay a report out differently."""


@dataclass(frozen=True, slots=True)
class Rule:
    """A catalogued rule: ``code`` is stable, ``severity`` is that of a clear violation;
    ``forms`` are the report templates whose layout it checks (empty: every template)."""

    code: str
    severity: Severity
    title: str
    description: str
    check: CheckFunction
    forms: frozenset[str] = frozenset()
    kind: str = INCONSISTENCY

    def applies_to(self, template: str) -> bool:
        return not self.forms or template in self.forms

    def finding(self, message: str, path: str, *, severity: Severity | None = None,
                stated: StatedNumber | None = None, expected: str | None = None,
                expected_range: tuple[str, str] | None = None,
                terms: Sequence[Term] = (), kind: str | None = None) -> Finding:
        return Finding.new(self.code, severity or self.severity, message,
                           Place(path=path), stated=number_text(stated),
                           expected=expected, expected_range=expected_range, terms=tuple(terms),
                           kind=kind or self.kind)


def rule(code: str, severity: Severity, title: str, description: str, *,
         forms: Iterable[str] = (), kind: str = INCONSISTENCY) -> Callable[[CheckFunction], Rule]:
    """Declare a rule; the decorated function becomes the :class:`Rule` itself. ``kind`` is
    :data:`~jixiao.findings.CONTROL` for a rule that observes a control figure."""

    def declare(check: CheckFunction) -> Rule:
        return Rule(code, severity, title, description, check, frozenset(forms), kind)

    return declare


@dataclass(frozen=True, slots=True)
class Figure:
    """A stated number with its label and field path: one term of a relation."""

    label: str
    number: StatedNumber
    path: str

    def term(self) -> Term:
        return Term(self.label, self.number.written, Place(path=self.path))


def figure(label: str, number: StatedNumber | None, path: str) -> Figure | None:
    return None if number is None else Figure(label, number, path)


def figures(record: object, path: str, labels: dict[str, str]) -> list[Figure | None]:
    """The figures of ``record``'s fields named in ``labels`` (field → label), in that order."""
    return [figure(label, getattr(record, field), f"{path}.{field}")
            for field, label in labels.items()]


def present(*found: Finding | None) -> Iterator[Finding]:
    """The findings that were made, skipping relations that held or could not be judged."""
    yield from (item for item in found if item is not None)


def relation_finding(owner: Rule, outcome: Outcome, stated: Figure, terms: Sequence[Figure],
                     failure: str, rounding: str) -> Finding | None:
    """The finding for a relation's outcome, or ``None`` when it holds or cannot be assessed.

    ``failure`` and ``rounding`` are message templates over ``{stated}``, ``{expected}`` and
    ``{difference}``: the first for a relation that fails, the second for one that holds only
    within rounding (reported as ``info``).
    """
    if outcome.verdict in (Verdict.HOLDS, Verdict.NOT_ASSESSABLE) or outcome.expected is None:
        return None
    expected = number_text(outcome.expected)
    difference = number_text(abs(stated.number.value - outcome.expected))
    template = failure if outcome.fails else rounding
    message = template.format(stated=stated.number.written, expected=expected,
                              difference=difference)
    severity = owner.severity if outcome.fails else Severity.INFO
    return owner.finding(message, stated.path, severity=severity, stated=stated.number,
                         expected=expected, terms=[t.term() for t in terms],
                         expected_range=range_text(outcome.expected_range, stated.number.decimals))
