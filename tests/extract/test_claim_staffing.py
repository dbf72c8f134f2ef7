"""控制率 stated in prose with its two head counts: exact findings on hand-written sentences and
on the excerpt of tests/data/reports/chenglingji-yueyanglou-2024.txt line 28."""

from __future__ import annotations

from pathlib import Path

from jixiao.documents import Document, parse_flat_text, read_text_document
from jixiao.extract.prose import check_claims
from jixiao.extract.prose.claims import Claim, extract_claims

REPORTS = Path(__file__).resolve().parent.parent / "data" / "reports"


def document(text: str) -> Document:
    return Document(file="report.txt", format="text", blocks=parse_flat_text(text), text=text)


def findings_of(text: str) -> list[tuple[str, str, str | None, str | None, int | None, str, str]]:
    doc = document(text)
    return [(f.code, f.severity.value, f.stated, f.expected, f.where.line,
             doc.text[f.where.start:f.where.end], f.message)
            for f in check_claims(_rates(doc))]


def test_a_control_rate_against_its_head_counts() -> None:
    text = "核定编制 12 人，实有人数 9 人，人员控制率为 80%。"
    assert findings_of(text) == [
        ("JX-TEXT-004", "error", "80", "75.00", 1, "80",
         "实有人数 9人 / 核定编制 12人 = 75.00%，与文中 人员控制率 80% 不一致")]


def test_head_counts_are_exact() -> None:
    # 3 / 4 is 75% exactly: 75.4% is no rounding of it, 7 人 is never 6.5 to 7.5.
    assert [f[0:4] for f in findings_of("编制数4人，在职人员3人，控制率75.4%。")] == [
        ("JX-TEXT-004", "error", "75.4", "75.00")]
    assert findings_of("编制数4人，在职人员3人，控制率75%。") == []


def test_a_rate_without_both_counts_is_not_read() -> None:
    assert _rates(document("实有人数 9 人，人员控制率为 80%。")) == ()
    assert _rates(document("编制 9 人。实有人数 8 人，人员控制率为 80%。")) == ()


def test_the_published_report_states_100_for_7_of_8() -> None:
    doc = read_text_document(REPORTS / "chenglingji-yueyanglou-2024.txt")
    (finding,) = check_claims(_rates(doc))
    assert (finding.code, finding.severity.value, finding.stated, finding.expected, finding.where.line) == (
        "JX-TEXT-004", "error", "100", "87.50", 28)
    assert finding.message == "实际在职人员 7人 / 人员编制 8人 = 87.50%，与文中 财政供养人员控制率 100% 不一致"
    assert [(t.label, t.value, t.where.line) for t in finding.terms] == [("实际在职人员", "7", 28), ("人员编制", "8", 28)]


def _rates(doc: Document) -> tuple[Claim, ...]:
    return tuple(claim for claim in extract_claims(doc) if claim.kind == "rate")
