"""Auditing a report: read it, recognise its form, and check every relation it states.

One document goes through every *auditor* in :data:`AUDITORS`; each is a pure function of the
:class:`~jixiao.documents.model.Document` and returns its findings, with places into
``Document.text``. A new kind of check is a new auditor, added to the tuple.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jixiao.cycles import cycles_uncollected
from jixiao.documents import read_document
from jixiao.documents.model import Document
from jixiao.extract.evaluation.check import evaluation_findings
from jixiao.extract.grades import grade_claims, grade_findings
from jixiao.extract.prose.check import check_claims, passed_claims
from jixiao.extract.prose.claims import extract_claims
from jixiao.extract.prose.overruns import overrun_findings
from jixiao.extract.tables.claims import passed_table_claims, table_claims, table_findings
from jixiao.findings import Finding, Passed
from jixiao.recognise import recognise

Auditor = Callable[[Document], tuple[Finding, ...]]


def prose_findings(document: Document) -> tuple[Finding, ...]:
    """The sums, shares, changes and rates the prose states, and spending it states above its
    budget (JX-TEXT-*)."""
    return (*check_claims(extract_claims(document)), *overrun_findings(document))


AUDITORS: tuple[Auditor, ...] = (prose_findings, table_findings, grade_findings, evaluation_findings)


@dataclass(frozen=True, slots=True)
class Audit:
    """What auditing one document gave: its recognised form (``None`` for a generic report),
    its findings in text order and, when asked for, the relations that were checked and hold."""

    document: Document
    template: str | None
    findings: tuple[Finding, ...]
    passed: tuple[Passed, ...] = ()


def audit_document(document: Document, *, passed: bool = False) -> Audit:
    """Every auditor's findings, one per relation; with ``passed``, also every relation of
    prose and tables that holds (none where a finding stands on the same figure)."""
    findings = distinct([finding for auditor in AUDITORS for finding in auditor(document)])
    findings.sort(key=lambda finding: (finding.where.start or 0, finding.code))
    held = passed_relations(document, findings) if passed else ()
    return Audit(document, recognise(document).template, tuple(findings), held)


def passed_relations(document: Document, findings: list[Finding]) -> tuple[Passed, ...]:
    """The relations the prose and tables state that hold, in text order, one per figure."""
    found = {(finding.where.start, finding.stated) for finding in findings}
    held: dict[tuple[int | None, str, str], Passed] = {}
    grades = tuple(claim.passed() for claim in grade_claims(document) if claim.holds())
    tables = passed_table_claims(table_claims(document))
    for relation in (*passed_claims(extract_claims(document)), *tables, *grades):
        key = (relation.where.start, relation.code, relation.message)
        if (relation.where.start, relation.stated) not in found:
            held.setdefault(key, relation)
    return tuple(sorted(held.values(), key=lambda relation: (relation.where.start or 0, relation.code)))


_READERS = ("JX-TEXT-", "JX-TABLE-")
"""Codes of the auditors that read prose and tables directly. The rule catalogue's codes are the
others: on a recognised form they judge what was extracted, as they judge the same evaluation's
data, so a report and its data give one finding with one code for one relation."""


def distinct(findings: list[Finding]) -> list[Finding]:
    """One finding per relation. The rule catalogue's findings are all kept, each rule being its
    own relation (as on the data); a finding of the prose or tables (JX-TEXT, JX-TABLE) is
    dropped when it :func:`repeats` one kept before it, the catalogue's first, then in order."""
    ranked = sorted(enumerate(findings), key=lambda item: item[1].code.startswith(_READERS))
    kept: list[tuple[int, Finding]] = []
    for index, finding in ranked:
        if not finding.code.startswith(_READERS) or not any(repeats(finding, other) for _, other in kept):
            kept.append((index, finding))
    return [finding for _, finding in sorted(kept, key=lambda item: item[0])]


def repeats(finding: Finding, other: Finding) -> bool:
    """Whether ``finding`` judges the same relation as ``other``: the same stated value, with the
    same severity, at a span of text inside ``other``'s (a block's weight in its heading cell,
    “产出指标（50分）”, is the block's figure). The value is compared without its sign: the
    catalogue signs a decrease (−0.30) that the text words, and the prose reads, as 减少0.30."""
    at, within = finding.where, other.where
    if at.start is None or at.end is None or within.start is None or within.end is None:
        return False
    return (_unsigned(finding.stated), finding.severity) == (_unsigned(other.stated), other.severity) \
        and within.start <= at.start and at.end <= within.end


def _unsigned(stated: str | None) -> str | None:
    return None if stated is None else stated.removeprefix("-")


def audit_file(path: Path, *, passed: bool = False) -> Audit:
    """Read the report at ``path`` and audit it; :class:`~jixiao.io.errors.InputError` when it
    cannot be read."""
    with cycles_uncollected():
        return audit_document(read_document(path), passed=passed)
