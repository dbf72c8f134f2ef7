"""Tables of classified amounts (功能分类 类/款/项, 经济分类): summed along the codes, the 合计
against the top level only; a real 部门决算 PDF gives no error and has its tables checked."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from test_table_claims import document, summary, tab_table

from jixiao.audit import audit_file
from jixiao.documents import read_document
from jixiao.extract.tables.claims import table_claims, table_findings
from jixiao.findings import Severity

JUESUAN_PDF = Path(__file__).parents[1] / "data" / "corpus" / "shehuigongzuobu-2024-juesuan.pdf"

HEADER = ("功能分类科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出")


SHEHUI = (HEADER,
          ("合计", "", "307.82", "105.58", "202.24"),
          ("201", "一般公共服务支出", "264.87", "62.63", "202.24"),
          ("20139", "社会工作事务", "264.87", "62.63", "202.24"),
          ("2013901", "行政运行", "51.32", "51.32", ""),
          ("2013950", "事业运行", "11.31", "11.31", ""),
          ("2013999", "其他社会工作事务支出", "202.24", "", "202.24"),
          ("208", "社会保障和就业支出", "42.95", "42.95", ""),
          ("20805", "行政事业单位养老支出", "42.95", "42.95", ""),
          ("2080505", "机关事业单位基本养老保险缴费支出", "42.95", "42.95", ""))


def test_the_total_is_the_sum_of_the_top_level_and_each_class_of_its_children() -> None:
    doc = document(tab_table(*SHEHUI))
    assert table_findings(doc) == ()
    claims = Counter((claim.code, claim.what) for claim in table_claims(doc))
    assert claims[("JX-TABLE-004", "合计的本年支出合计")] == 1
    assert claims[("JX-TABLE-006", "一般公共服务支出（201）的基本支出")] == 1
    assert sum(claims.values()) == 3 + 3 + 3 + 2 + 2


def test_codes_in_columns_of_their_own_and_a_total_at_the_bottom() -> None:
    text = tab_table(("类", "款", "项", "科目名称", "合计", "基本支出", "项目支出"),
                     ("201", "", "", "一般公共服务支出", "264.87", "62.63", "202.24"),
                     ("201", "39", "", "社会工作事务", "264.87", "62.63", "202.24"),
                     ("201", "39", "01", "行政运行", "51.32", "51.32", ""),
                     ("201", "39", "50", "事业运行", "11.31", "11.31", ""),
                     ("201", "39", "99", "其他社会工作事务支出", "202.24", "", "202.24"),
                     ("221", "", "", "住房保障支出", "29.42", "29.42", ""),
                     ("221", "02", "", "住房改革支出", "29.42", "29.42", ""),
                     ("221", "02", "01", "住房公积金", "29.42", "29.42", ""),
                     ("合计", "", "", "", "294.29", "93.05", "202.24"))
    doc = document(text)
    findings = table_findings(doc)
    assert summary(findings) == [("JX-TABLE-004", "error", "93.05", "92.05")]
    assert [t.label for t in findings[0].terms] == ["一般公共服务支出（201） 基本支出", "住房保障支出（221） 基本支出"]
    assert findings[0].where.row == 9 and findings[0].where.col == 5
    parts = {claim.what: len(claim.terms) for claim in table_claims(doc)}
    assert parts == {"一般公共服务支出（201）的合计": 1, "一般公共服务支出（201）的基本支出": 1,
                     "一般公共服务支出（201）的项目支出": 1, "社会工作事务（20139）的合计": 3,
                     "社会工作事务（20139）的基本支出": 2, "社会工作事务（20139）的项目支出": 1,
                     "住房保障支出（221）的合计": 1, "住房保障支出（221）的基本支出": 1,
                     "住房改革支出（22102）的合计": 1, "住房改革支出（22102）的基本支出": 1,
                     "合计的合计": 2, "合计的基本支出": 2, "合计的项目支出": 1}


def test_a_wrong_item_is_found_once_at_its_class() -> None:
    rows = list(SHEHUI)
    rows[5] = ("2013950", "事业运行", "12.31", "11.31", "")
    findings = table_findings(document(tab_table(*rows)))
    assert summary(findings) == [("JX-TABLE-006", "error", "264.87", "265.87")]
    finding = findings[0]
    assert finding.message == "社会工作事务（20139）的本年支出合计 264.87 与各项下级科目之和 265.87 不一致（相差 1）"
    assert [(t.label, t.value) for t in finding.terms] == [
        ("行政运行（2013901） 本年支出合计", "51.32"), ("事业运行（2013950） 本年支出合计", "12.31"),
        ("其他社会工作事务支出（2013999） 本年支出合计", "202.24")]
    assert finding.where.row == 3 and finding.where.col == 2
    assert finding.evidence == "20139 社会工作事务 264.87 62.63 202.24"


def test_two_classifications_side_by_side_and_their_group_totals() -> None:
    text = tab_table(("经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数"),
                     ("301", "工资福利支出", "95.36", "302", "商品和服务支出", "10.23"),
                     ("30101", "基本工资", "55.36", "30201", "办公费", "3.78"),
                     ("30113", "住房公积金", "40.00", "30299", "其他商品和服务支出", "6.45"),
                     ("303", "对个人和家庭的补助", "0.00", "310", "资本性支出", "1.00"),
                     ("30302", "退休费", "0.00", "31002", "办公设备购置", "1.00"),
                     ("人员经费合计", "", "95.36", "公用经费合计", "", "12.23"))
    findings = table_findings(document(text))
    assert summary(findings) == [("JX-TABLE-004", "error", "12.23", "11.23")]
    assert findings[0].message == "公用经费合计的决算数 12.23 与各项之和 11.23 不一致（相差 1）"
    assert [t.label for t in findings[0].terms] == ["商品和服务支出（302） 决算数", "资本性支出（310） 决算数"]


def test_a_real_juesuan_report_has_no_error_and_its_tables_checked() -> None:
    audit = audit_file(JUESUAN_PDF)
    assert [f for f in audit.findings if f.severity is not Severity.INFO] == []
    assert [(f.code, f.stated, f.expected) for f in audit.findings] == [
        ("JX-TABLE-006", "10.23", "10.22"), ("JX-TEXT-001", "105.58", "105.59")]  # 人员经费 + 公用经费
    codes = Counter(claim.code for claim in table_claims(read_document(JUESUAN_PDF)))
    assert codes == {"JX-TABLE-006": 56, "JX-TABLE-004": 10}
