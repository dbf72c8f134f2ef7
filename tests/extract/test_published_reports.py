"""The JX-TEXT findings of the five published reports in tests/data/reports, pinned after checking
each by hand against the report:

* chenglingji-yueyanglou-2024.txt line 32: 14.34 / 113.94 = 12.5856% and 2.78 / 113.94 = 2.4399%
  are written 12.58% and 2.43%: truncated, not rounded (info);
* dingcheng-zhengfuban-2023.txt line 52: 公务接待费 4.53万元, 比上年减少 1.8万元: 1.8 / 6.33 =
  28.44%, written 28.35%; 1.8 has one decimal, and 1.79 / 6.32 = 28.32%, so within rounding (info);
* dongting-2023.txt line 793: the six 项目支出 items add up to 49.56, the total says 49.55 (info);
* chenglingji-dangqun-2021.txt and xitang-2024.txt: every relation their prose states holds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.documents.text_reader import read_text_document
from jixiao.extract.prose import check_claims, extract_claims

REPORTS = Path(__file__).parents[1] / "data" / "reports"

EXPECTED = {
    "chenglingji-dangqun-2021.txt": [],
    "chenglingji-yueyanglou-2024.txt": [
        ("JX-TEXT-004", "error", "100", "87.50", 28),  # 控制率 100% with 编制 8 and 实有 7
        ("JX-TEXT-002", "info", "12.58", "12.59", 32),
        ("JX-TEXT-002", "info", "2.43", "2.44", 32),
    ],
    "dingcheng-zhengfuban-2023.txt": [("JX-TEXT-003", "info", "28.35", "28.44", 52)],
    "dongting-2023.txt": [("JX-TEXT-001", "info", "49.55", "49.56", 793)],
    "xitang-2024.txt": [],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_findings_of_published_reports(name: str) -> None:
    document = read_text_document(REPORTS / name)
    findings = check_claims(extract_claims(document))
    assert [(f.code, f.severity.value, f.stated, f.expected, f.where.line) for f in findings] == EXPECTED[name]
    for finding in findings:
        where = finding.where
        assert where.start is not None and document.text[where.start:where.end] == finding.stated


def test_xitang_project_items_are_read_against_the_actual_spending() -> None:
    """“项目支出预算0万元，实际支出为3383.13万元。其中：…” (line 53): the items add up to 3383.13."""
    document = read_text_document(REPORTS / "xitang-2024.txt")
    (claim,) = [c for c in extract_claims(document) if c.stated.where.line == 53]
    assert (claim.kind, claim.stated.label, claim.stated.number.written) == ("sum", "实际支出", "3383.13")
    assert [term.number.written for term in claim.terms] == ["40.6", "134.57", "50", "65", "3092.96"]
