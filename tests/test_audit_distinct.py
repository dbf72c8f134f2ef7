"""One relation, one finding: audit_document drops a finding that repeats another at the same
place, on the same stated value and with the same severity, keeping the one that quotes the
report (JX-TEXT, JX-TABLE) before the rule catalogue's."""

from __future__ import annotations

from pathlib import Path

from jixiao.audit import audit_file, distinct
from jixiao.findings import Finding, Place, Severity

REPORTS = Path(__file__).resolve().parent / "data" / "reports"


def finding(code: str, start: int, stated: str, severity: Severity = Severity.ERROR) -> Finding:
    return Finding.new(code, severity, f"{code} {stated}", Place(line=1, start=start, end=start + len(stated)),
                       stated=stated)


def test_the_prose_and_table_findings_are_kept_before_the_catalogue_one() -> None:
    prose, catalogue = finding("JX-TEXT-004", 10, "100"), finding("JX-RATE-003", 10, "100")
    assert distinct([catalogue, prose]) == [prose]
    table, score = finding("JX-TABLE-002", 5, "99"), finding("JX-SCORE-002", 5, "99")
    assert distinct([score, table]) == [table]


def test_other_places_values_and_severities_stay() -> None:
    first = finding("JX-TEXT-004", 10, "100")
    others = [finding("JX-RATE-003", 11, "100"), finding("JX-RATE-003", 10, "10.0"),
              finding("JX-RATE-003", 10, "100", Severity.INFO)]
    assert distinct([first, *others]) == [first, *others]
    unplaced = Finding.new("JX-DOC-003", Severity.WARNING, "缺少签章", Place(path="signoff"))
    assert distinct([unplaced, unplaced]) == [unplaced, unplaced]


def test_the_control_rate_of_the_published_report_is_reported_once() -> None:
    audit = audit_file(REPORTS / "chenglingji-yueyanglou-2024.txt")
    at_rate = [(f.code, f.stated, f.where.line) for f in audit.findings if f.where.start == 466]
    assert at_rate == [("JX-TEXT-004", "100", 28)]
