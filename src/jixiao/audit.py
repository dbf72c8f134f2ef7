"""Auditing a report: read it, recognise its form, and check every relation it states.

One document goes through every *auditor* in :data:`AUDITORS`; each is a pure function of the
:class:`~jixiao.documents.model.Document` and returns its findings, with places into
``Document.text``. A new kind of check is a new auditor, added to the tuple.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jixiao.documents import read_document
from jixiao.documents.model import Document
from jixiao.extract.evaluation.check import evaluation_findings
from jixiao.extract.prose.check import check_claims
from jixiao.extract.prose.claims import extract_claims
from jixiao.extract.tables.claims import table_findings
from jixiao.findings import Finding
from jixiao.recognise import recognise

Auditor = Callable[[Document], tuple[Finding, ...]]


def prose_findings(document: Document) -> tuple[Finding, ...]:
    """The sums, shares, changes and rates the prose states (JX-TEXT-*)."""
    return check_claims(extract_claims(document))


AUDITORS: tuple[Auditor, ...] = (prose_findings, table_findings, evaluation_findings)


@dataclass(frozen=True, slots=True)
class Audit:
    """What auditing one document gave: its recognised form (``None`` for a generic report)
    and its findings in text order."""

    document: Document
    template: str | None
    findings: tuple[Finding, ...]


def audit_document(document: Document) -> Audit:
    findings = distinct([finding for auditor in AUDITORS for finding in auditor(document)])
    findings.sort(key=lambda finding: (finding.where.start or 0, finding.code))
    return Audit(document, recognise(document).template, tuple(findings))


_READERS = ("JX-TEXT-", "JX-TABLE-")
"""Codes of the auditors that read prose and tables directly: their findings use the report's
own labels and quote its sentence or row. The rule catalogue's codes are the others."""


def distinct(findings: list[Finding]) -> list[Finding]:
    """One finding per relation: a finding at the same span of text, on the same stated value
    and with the same severity as another is dropped, the prose's and tables' (JX-TEXT,
    JX-TABLE) kept before the rule catalogue's, otherwise the first."""
    ranked = sorted(enumerate(findings), key=lambda item: not item[1].code.startswith(_READERS))
    seen: set[tuple[int | None, int | None, str | None, str]] = set()
    kept: list[int] = []
    for index, finding in ranked:
        key = (finding.where.start, finding.where.end, finding.stated, finding.severity.value)
        if finding.where.start is None or key not in seen:
            seen.add(key)
            kept.append(index)
    return [findings[index] for index in sorted(kept)]


def audit_file(path: Path) -> Audit:
    """Read the report at ``path`` and audit it; :class:`~jixiao.io.errors.InputError` when it
    cannot be read."""
    return audit_document(read_document(path))
