"""One relation, one finding: audit_document drops a finding of the prose or tables (JX-TEXT,
JX-TABLE) that repeats another at the same place or inside it, on the same stated value and with
the same severity, keeping the rule catalogue's: a report gives the code its data gives."""

from __future__ import annotations

from pathlib import Path

from jixiao.audit import audit_file, distinct
from jixiao.findings import Finding, Place, Severity

REPORTS = Path(__file__).resolve().parent / "data" / "reports"


def finding(code: str, start: int, stated: str, severity: Severity = Severity.ERROR) -> Finding:
    return Finding.new(code, severity, f"{code} {stated}", Place(line=1, start=start, end=start + len(stated)),
                       stated=stated)


def test_the_catalogue_finding_is_kept_before_the_prose_and_table_ones() -> None:
    prose, catalogue = finding("JX-TEXT-004", 10, "100"), finding("JX-RATE-003", 10, "100")
    assert distinct([prose, catalogue]) == [catalogue]
    table, score = finding("JX-TABLE-002", 5, "99"), finding("JX-SCORE-002", 5, "99")
    assert distinct([table, score]) == [score]


def test_a_table_finding_inside_the_catalogue_ones_span_is_the_same_relation() -> None:
    """A block's weight in its heading cell (“产出指标（50分）”): the catalogue places the block
    at the heading, the table auditor at the figure in it."""
    block = Finding.new("JX-SCORE-004", Severity.ERROR, "产出指标分值合计 47 与评分规则规定的 50 不一致",
                        Place(start=100, end=110), stated="50")
    assert distinct([finding("JX-TABLE-001", 105, "50"), block]) == [block]
    assert distinct([finding("JX-TABLE-001", 111, "50"), block])[0].code == "JX-TABLE-001"


def test_a_decrease_the_text_words_is_the_figure_the_catalogue_signs() -> None:
    """“对比上年减少0.30万元”: the prose states 0.30, the catalogue's 三公 增减额 −0.30."""
    prose, catalogue = finding("JX-TEXT-005", 10, "0.30"), finding("JX-SUM-010", 10, "-0.30")
    assert distinct([prose, catalogue]) == [catalogue]
    other = finding("JX-TEXT-005", 10, "0.40")
    assert distinct([other, catalogue]) == [other, catalogue]


def test_the_catalogues_rules_are_each_their_own_relation() -> None:
    over, formula = finding("JX-SCORE-001", 5, "6"), finding("JX-SCORE-005", 5, "6")
    assert distinct([over, formula]) == [over, formula]


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
    assert at_rate == [("JX-RATE-003", "100", 28)]
