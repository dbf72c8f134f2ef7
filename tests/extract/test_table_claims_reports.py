"""The relations the published reports' tables state (tests/data/reports/): every finding
pinned with its code, stated and expected figures and line; relations that hold give none."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.audit import audit_document
from jixiao.documents import read_text_document
from jixiao.extract.tables.claims import table_findings
from jixiao.findings import Place, Severity

REPORTS = Path(__file__).parents[1] / "data" / "reports"


def pinned(report: str) -> list[tuple[str, str, str | None, str | None, int | None]]:
    findings = table_findings(read_text_document(REPORTS / report))
    return [(f.code, f.severity.value, f.stated, f.expected, f.where.line) for f in findings]


def test_dongting_self_assessment_totals_do_not_add_up() -> None:
    # 附件2: the 效益指标 block carries 30 but its rows 24 (the 不适用 生态效益 row's 6 points
    # were dropped); the 分值 column adds up to 94, not 100; the 得分 to 93, not 99.
    assert pinned("dongting-2023.txt") == [
        ("JX-TABLE-001", "error", "30", "24", 328),
        ("JX-TABLE-001", "error", "100", "94", 405),
        ("JX-TABLE-002", "error", "99", "93", 406),
    ]


def test_dongting_score_total_finding_in_full() -> None:
    document = read_text_document(REPORTS / "dongting-2023.txt")
    total = table_findings(document)[2]
    assert total.message == "总分（得分） 99 与各项得分之和 93 不一致（相差 6）"
    assert total.where == Place(table=1, row=26, col=2, line=406, start=2328, end=2330)
    assert document.text[2328:2330] == "99"
    assert total.expected_range == ("93.00", "93.00")
    assert total.evidence == "总分 100 99"
    assert len(total.terms) == 15
    first, cost = total.terms[0], total.terms[8]
    assert (first.label, first.value) == ("年度资金总额 得分", "10")
    assert first.where == Place(table=1, row=2, col=7, line=191, start=1005, end=1007)
    assert (cost.label, cost.value) == ("总成本控制 得分", "5")
    assert sum(int(term.value) for term in total.terms) == 93


def test_dongting_block_weight_points_at_the_weight_in_its_heading() -> None:
    document = read_text_document(REPORTS / "dongting-2023.txt")
    block = table_findings(document)[0]
    assert block.message == "效益指标的分值 30 与各项分值之和 24 不一致（相差 6）"
    assert block.where == Place(table=1, row=19, col=1, line=328, start=1973, end=1975)
    assert document.text[1973:1975] == "30"
    assert [term.label for term in block.terms] == [
        "引进招商投资项目 分值", "项目遗留问题处理 分值", "党员干部政治意识、责任意识、纪律意识 分值",
        "居民爱护、自治环境卫生的责任意识 分值"]


def test_findings_are_stable_across_runs() -> None:
    first = table_findings(read_text_document(REPORTS / "dongting-2023.txt"))
    again = table_findings(read_text_document(REPORTS / "dongting-2023.txt"))
    assert [f.fingerprint for f in first] == [f.fingerprint for f in again]
    assert len({f.fingerprint for f in first}) == 3


@pytest.mark.parametrize("report", ["chenglingji-dangqun-2021.txt", "chenglingji-yueyanglou-2024.txt",
                                    "dingcheng-zhengfuban-2023.txt", "xitang-2024.txt"])
def test_reports_whose_tables_hold_give_no_table_finding(report: str) -> None:
    # 城陵矶 2021's 收支 tables hold (汇总 = 局机关; 85.33 = 38.43 + 46.90 …); the other reports
    # were extracted without their attachment tables.
    assert pinned(report) == []


def test_dongting_rates_that_hold_give_nothing() -> None:
    # 附件1 控制率 90% = 9 / 10; 附件2 执行率 100% = 203.54 / 203.54.
    codes = {code for code, *_ in pinned("dongting-2023.txt")}
    assert "JX-TABLE-005" not in codes


def test_the_auditor_reports_table_findings_with_the_prose_ones() -> None:
    """The table reader finds the score table's errors; on a recognised form the catalogue
    judges the same relations and the audit keeps its findings, with the data's codes."""
    document = read_text_document(REPORTS / "dongting-2023.txt")
    table = table_findings(document)
    assert [(f.code, f.stated, f.expected) for f in table] == [
        ("JX-TABLE-001", "30", "24"), ("JX-TABLE-001", "100", "94"), ("JX-TABLE-002", "99", "93")]
    assert all(f.severity is Severity.ERROR for f in table)
    audit = audit_document(document)
    scores = [(f.code, f.stated, f.expected) for f in audit.findings if f.code.startswith(("JX-TABLE-", "JX-SCORE-"))]
    assert scores == [("JX-SCORE-004", "30", "24"), ("JX-SCORE-003", "100", "94"), ("JX-SCORE-002", "99", "93")]
