"""The finding contract shared by the CLI, the API and the web system (docs/design.md).

A finding is a data error found in an evaluation or a report: one shape for every rule. Program
errors are exceptions, never findings.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_serializer

from jixiao.numbers import Interval, StatedNumber


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Place(BaseModel):
    """Where something is: a field path of the evaluation and, when known, its place in the
    source (workbook sheet and cell, YAML/text line, page/paragraph/table/row/col, offsets)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str | None = None
    sheet: str | None = None
    cell: str | None = None
    page: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    line: int | None = None
    start: int | None = None
    end: int | None = None

    def merged(self, source: Place | None) -> Place:
        """This place with the source's location filled in where this one has none."""
        if source is None:
            return self
        known = {key: value for key, value in source.model_dump().items() if value is not None}
        own = {key: value for key, value in self.model_dump().items() if value is not None}
        return Place(**(known | own))

    def label(self) -> str:
        """Short human form: ``附件2!H12`` or ``line 42`` or the field path."""
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        if self.line is not None:
            return f"line {self.line}"
        return self.path or ""


class Term(BaseModel):
    """A figure that fed a relation: its label, value as written and place."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    label: str
    value: str
    where: Place = Field(default_factory=Place)


class Finding(BaseModel):
    """One finding: code, severity, Chinese message with the numbers in it, and the place.

    ``stated`` is the number as written (no unit or %); ``expected`` the value the other figures
    imply; ``expected_range`` the interval they allow. All three are empty for findings that
    are not about one number (a missing section, a missing 偏差原因).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    severity: Severity
    message: str
    stated: str | None = None
    expected: str | None = None
    expected_range: tuple[str, str] | None = None
    terms: tuple[Term, ...] = ()
    where: Place = Field(default_factory=Place)
    evidence: str = ""
    fingerprint: str = ""

    @field_serializer("severity")
    def _severity_text(self, severity: Severity) -> str:
        return severity.value

    def with_fingerprint(self) -> Finding:
        """Stable across runs: the rule and what the relation is about, not the message."""
        relation = "|".join([self.code, self.where.path or "", *(term.label for term in self.terms)])
        digest = hashlib.sha256(relation.encode("utf-8")).hexdigest()
        return self.model_copy(update={"fingerprint": digest})


def number_text(value: Decimal | StatedNumber | None) -> str | None:
    """A number for the contract: decimal text, no unit, no exponent."""
    if value is None:
        return None
    if isinstance(value, StatedNumber):
        return value.written
    return format(value, "f")


def range_text(interval: Interval | None, decimals: int) -> tuple[str, str] | None:
    if interval is None:
        return None
    quantum = Decimal(1).scaleb(-(decimals + 2))
    return (format(interval.low.quantize(quantum), "f"), format(interval.high.quantize(quantum), "f"))


def summarize(findings: tuple[Finding, ...] | list[Finding]) -> dict[str, int]:
    counts = {severity.value: 0 for severity in Severity}
    for finding in findings:
        counts[finding.severity.value] += 1
    return counts
