"""Small excerpts in the layouts of real reports, each isolating one thing the audit must read
or judge: the finding each gives, with its code, figures and place."""

from __future__ import annotations

from pathlib import Path

from jixiao.audit import audit_file
from jixiao.findings import Finding

PATTERNS = Path(__file__).parents[1] / "data" / "corpus" / "patterns"


def findings(name: str) -> tuple[Finding, ...]:
    return audit_file(PATTERNS / f"{name}.txt").findings


def brief(found: tuple[Finding, ...]) -> list[tuple[str, str, str | None, str | None, int | None]]:
    return [(f.code, f.severity.value, f.stated, f.expected, f.where.line) for f in found]


def test_a_stated_total_against_indicators_that_were_not_read_is_no_finding() -> None:
    assert findings("S0_false_total") == ()
