"""Arbitrary text and arbitrary tables never make table rebuilding or table claims raise, and
a table of 10,000 rows is read in one pass."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.documents import Cell, Document, Paragraph, Table, parse_flat_text
from jixiao.extract.tables.claims import table_findings

_PIECES = ["\t", "|", "\n", " ", "合计", "总分", "汇总", "分值", "得分", "权重", "一级指标", "三级指标",
           "执行率", "控制率", "编制数", "实际在职人数", "全年预算数(A)", "全年执行数(B)", "执行率(B/A)",
           "产出指标（50分）", "(", "）", "1、", "其中：", "……", "---", "附件 3", "0", "5", "10", "99.5",
           "100", "3.33", "%", "-", "1,234.5", "万元", "分", "不适用", "/", "９"]
_TEXT = st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=80).map("".join)
_CELL = st.sampled_from(["", "合计", "总分", "分值", "得分", "一级指标", "二级指标", "三级指标", "产出指标(30分)",
                         "执行率", "全年预算数", "全年执行数", "编制数", "实际在职人数", "控制率", "1、甲", "乙",
                         "其中：丙", "0", "6", "7.5", "100", "90%", "100.0%", "……", "/"])
_ROWS = st.lists(st.lists(_CELL, min_size=1, max_size=9), max_size=30)


def flattened(rows: list[list[str]]) -> str:
    return "\n".join("".join(f"\t{cell}\n" for cell in row) for row in rows)


def document(text: str) -> Document:
    return Document(file="report.txt", format="text", blocks=parse_flat_text(text), text=text)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_any_text_parses_with_places_that_index_it(text: str) -> None:
    for block in parse_flat_text(text):
        items = [cell for row in block.rows for cell in row] if isinstance(block, Table) else [block]
        for item in items:
            assert isinstance(item, Cell | Paragraph)
            start, end = item.place.start, item.place.end
            assert start is not None and end is not None
            assert text[start:end] == item.text
            assert text.count("\n", 0, start) + 1 == item.place.line
    table_findings(document(text))


@settings(max_examples=300, deadline=None)
@given(_ROWS)
def test_any_table_gives_findings_with_stated_figures_at_their_places(rows: list[list[str]]) -> None:
    text = flattened(rows)
    for finding in table_findings(document(text)):
        start, end = finding.where.start, finding.where.end
        assert start is not None and end is not None and finding.stated is not None
        assert text[start:end].replace("%", "").replace(",", "") == finding.stated


def test_a_score_table_of_ten_thousand_rows() -> None:
    rows = [["指标", "分值", "得分"], *(["甲", "1", "1"] for _ in range(10_000)), ["总分", "10000", "9999"]]
    findings = table_findings(document(flattened(rows)))
    assert [(f.code, f.stated, f.expected) for f in findings] == [("JX-TABLE-002", "9999", "10000")]
    assert len(findings[0].terms) == 10_000


def test_ten_thousand_rows_of_pipes_and_merged_headings() -> None:
    block = "\t\n\t\n\n\n产出指标\n(1 分)\n\t数量\n\t1\n\t1\n\n"
    text = "\t一级\n\t二级\n\t分值\n\t得分\n\n" + block * 10_000 + "| 合计 | 1 |\n" * 10_000
    blocks = parse_flat_text(text)
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 2
    assert len(tables[0].rows) == 10_001
    assert len(tables[1].rows) == 10_000
    assert table_findings(document(text)) == ()
