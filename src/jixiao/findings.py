"""The finding contract shared by the CLI, the API and the web system (docs/design.md).

A finding is a data error found in an evaluation or a report: one shape for every rule. Program
errors are exceptions, never findings.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from decimal import Decimal
from enum import StrEnum
from typing import Any

from jixiao.numbers import Interval, StatedNumber

INCONSISTENCY, CONTROL = "inconsistency", "control"
"""Kinds of finding: figures that disagree with each other, or a control observation (决算 above
预算, 实有 above 编制, two bases that differ by exactly a named fund): figures that agree but call
for an explanation."""


class Severity(StrEnum):
    """How bad a finding is; the value is the code name (JSON), :attr:`chinese` what users read."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def chinese(self) -> str:
        """错误, 警告 or 提示."""
        return _SEVERITY_NAMES[self]


_SEVERITY_NAMES = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


@dataclass(frozen=True, kw_only=True, init=False)
class Place:
    """Where something is: a field path of the evaluation and, when known, its place in the
    source (workbook sheet and cell, YAML/text line, page/paragraph/table/row/col, offsets).
    ``report`` names another report or evaluation the place is in (its file, or how the web
    system names it), for a figure a cross check read there; empty: the one checked.

    A plain frozen dataclass, not a pydantic model: rules and readers make thousands of them,
    so it is made by setting its attribute dictionary in one step (a frozen dataclass's own
    constructor sets its twelve fields one call each, twice as slow)."""

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
    report: str | None = None

    def __init__(self, *, path: str | None = None, sheet: str | None = None, cell: str | None = None,
                 page: int | None = None, paragraph: int | None = None, table: int | None = None,
                 row: int | None = None, col: int | None = None, line: int | None = None,
                 start: int | None = None, end: int | None = None, report: str | None = None) -> None:
        _set_attribute(self, "__dict__", {
            "path": path, "sheet": sheet, "cell": cell, "page": page, "paragraph": paragraph,
            "table": table, "row": row, "col": col, "line": line, "start": start, "end": end,
            "report": report})

    def as_dict(self) -> dict[str, str | int]:
        """The known parts only, for JSON error objects."""
        # Not dataclasses.asdict: it deep-copies, and the audit builds thousands of places.
        return {name: value for name in _PLACE_FIELDS if (value := getattr(self, name)) is not None}

    def at_path(self, path: str) -> Place:
        """This place, naming the field ``path``."""
        # A copy of the attributes: a report's form puts hundreds of values, each with its place.
        place = _new_place(Place)
        _set_attribute(place, "__dict__", {**self.__dict__, "path": path})
        return place

    def merged(self, source: Place | None) -> Place:
        """This place with the source's location filled in where this one has none."""
        if source is None:
            return self
        return Place(**(source.as_dict() | self.as_dict()))  # type: ignore[arg-type]

    def chinese(self) -> str:
        """Where a reader of the report looks: ``第 3 页 第 1 个表格第 11 行第 4 列``, ``第 2 页 第 5 段``,
        ``附件2!H12``, else the line of the text read (``第 55 行``) or the field path."""
        parts = [f"第 {self.page} 页"] if self.page is not None else []
        if self.table is not None:
            row = f"第 {self.row + 1} 行" if self.row is not None else ""
            col = f"第 {self.col + 1} 列" if self.col is not None and self.row is not None else ""
            parts.append(f"第 {self.table + 1} 个表格{row}{col}")
        elif self.paragraph is not None:
            parts.append(f"第 {self.paragraph + 1} 段")
        if self.sheet and self.cell:
            parts.append(f"{self.sheet}!{self.cell}")
        if not parts and self.line is not None:
            parts.append(f"第 {self.line} 行")
        return " ".join(parts) or self.path or ""

    def label(self) -> str:
        """Short human form: ``附件2!H12`` or ``line 42`` or the field path."""
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        if self.line is not None:
            return f"line {self.line}"
        return self.path or ""


_PLACE_FIELDS = tuple(part.name for part in fields(Place))
_set_attribute = object.__setattr__
_new_place = object.__new__


@dataclass(frozen=True, slots=True)
class Term:
    """A figure that fed a relation: its label, value as written and place."""

    label: str
    value: str
    where: Place = field(default_factory=Place)


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """One finding: code, severity, Chinese message with the numbers in it, and the place.

    ``stated`` is the number as written (no unit or %); ``expected`` the value the other figures
    imply; ``expected_range`` the interval they allow. All three are empty for findings that
    are not about one number (a missing section, a missing 偏差原因). ``fingerprint`` is stable
    across runs (see :func:`fingerprint`). A plain frozen dataclass: rules make many.
    """

    code: str
    severity: Severity
    message: str
    stated: str | None = None
    expected: str | None = None
    expected_range: tuple[str, str] | None = None
    terms: tuple[Term, ...] = ()
    where: Place = field(default_factory=Place)
    evidence: str = ""
    fingerprint: str = ""
    kind: str = INCONSISTENCY

    @classmethod
    def new(cls, code: str, severity: Severity, message: str, where: Place, *,
            stated: str | None = None, expected: str | None = None,
            expected_range: tuple[str, str] | None = None, terms: tuple[Term, ...] = (),
            evidence: str = "", kind: str = INCONSISTENCY) -> Finding:
        """A finding with its fingerprint computed from the code, path and term labels."""
        return cls(code=code, severity=severity, message=message, stated=stated,
                   expected=expected, expected_range=expected_range, terms=terms, where=where,
                   evidence=evidence, fingerprint=fingerprint(code, where.path, terms), kind=kind)

    def as_json(self) -> dict[str, Any]:
        """The finding as the JSON contract of docs/design.md spells it."""
        return {
            "code": self.code, "severity": self.severity.value, "message": self.message,
            "stated": self.stated, "expected": self.expected,
            "expected_range": list(self.expected_range) if self.expected_range else None,
            "terms": terms_json(self.terms),
            "where": asdict(self.where), "evidence": self.evidence,
            "fingerprint": self.fingerprint, "kind": self.kind,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Passed:
    """A relation that was checked and holds: the fields of a :class:`Finding` but a severity,
    so that a reviewer tells a clean report (many relations hold) from an unread one (none
    read)."""

    code: str
    message: str
    stated: str
    expected: str | None
    terms: tuple[Term, ...]
    where: Place
    evidence: str = ""

    @classmethod
    def of(cls, code: str, label: str, stated: StatedNumber, expected: Decimal | None,
           terms: tuple[Term, ...], where: Place, evidence: str) -> Passed:
        """“<label> <stated> 核对相符：<term> <value>、…”."""
        listed = "、".join(f"{term.label} {term.value}".strip() for term in terms)
        head = f"{label} {stated.written}".strip()
        message = f"{head} 核对相符：{listed}" if listed else f"{head} 核对相符"
        return cls(code=code, message=message, stated=stated.written, expected=number_text(expected),
                   terms=terms, where=where, evidence=evidence)

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "stated": self.stated,
                "expected": self.expected,
                "terms": terms_json(self.terms),
                "where": asdict(self.where), "evidence": self.evidence}


def terms_json(terms: tuple[Term, ...]) -> list[dict[str, Any]]:
    return [{"label": t.label, "value": t.value, "where": asdict(t.where)} for t in terms]


def fingerprint(code: str, path: str | None, terms: tuple[Term, ...]) -> str:
    """Stable across runs: the rule and what the relation is about, not the message or values."""
    relation = "|".join([code, path or "", *(term.label for term in terms)])
    return hashlib.sha256(relation.encode("utf-8")).hexdigest()


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
    """Findings by severity, and how many of them are control observations."""
    counts = {severity.value: 0 for severity in Severity}
    for finding in findings:
        counts[finding.severity.value] += 1
    counts[CONTROL] = sum(finding.kind == CONTROL for finding in findings)
    return counts
