"""Sums, shares and year-on-year changes read from prose, and the findings on them.

The excerpts are copied from published reports' extracted text: tests/data/reports/chenglingji-yueyanglou-2024.txt (岳阳楼区工作部 2024,
numbers with spaces around them and a sentence broken by a page end), dongting-2023.txt (洞庭新城 2023,
基本支出 and 项目支出) and dingcheng-zhengfuban-2023.txt (机关事务服务中心 2023, 支出 by nature and 三公经费)."""

from __future__ import annotations

from jixiao.documents import Document, parse_flat_text
from jixiao.extract.prose import Claim, check_claims, extract_claims
from jixiao.findings import Finding, Severity

DONGTING = (
    "2023年我单位的基本支出数为132.71万元，其中：人员经费114.24万元，占基本支出的86.08%，主要包括：基本工资、津贴补贴、奖金、绩效工资、伙食补助费、机关事业单位基本养老保险缴费、职工基本医疗保险缴费、其他社会保障缴费、住房公积金、退休费、其他对个人和家庭的补助；日常公用经费18.47万元，占基本支出的13.92%，主要包括：办公费、水费、电费、劳务费、其他交通费、其他商品和服务支出。\n"
    "\n"
    "2023年我单位项目支出总数为49.55万元，其中：1、应急工作专项5.00万元；2、工伤保险0.17万元；3、公积金支出0.54万元；4、事业单位基本养老保险0.67万元；5、医疗保险0.71万元；6、城乡社区支出42.47万元。\n"
)
YUEYANGLOU = (
    "2、整体支出情况分析 2024 年度基本支出 113.94 万元，其中：工资福利支出 96.82 万元，占基本支出的 84.97%。主要包括基本工资、津贴补贴、奖金、绩效工资、机关事业单位基本养老保险缴费、职工\n"
    "\n"
    "基本医疗保险缴费、其他社会保障缴费、住房公积金、其他工资福利支出。商品和服务支出 14.34 万元，占基本支出的 12.58%。主要包括办公费、印刷费、水费、电费、邮电费、差旅费、维修（护）费、公务接待费、劳务费、工会经费、其他交通费用、其他商品和服务支出。对个人和家庭的补助 2.78 万元，占基本支出的 2.43%。主要包括生活补助、医疗费补助、奖励金、其他对个人\n"
    "\n"
    "（二）项目支出情况\n"
    "\n"
    "2024 年度湖南城陵矶临港产业新区岳阳楼区工作部无项目支出。\n"
)
DINGCHENG = (
    "2023年支出总额3347.96万元，按功能分类：一般公共服务支出3079.74万元，社会和保障就业支出191.27万元，卫生健康支出43.95万元,节能环保支出23万元，金融支出10万元。按支出性质分类：基本支出1377.69万元（人员经费1243.34万元，公用经费134.35万元），项目支出1970.27万元；按经济分类支出：工资福利支出1221.55万元，商品服务支出1844.07万元，对个人和家庭的补助支出194.91万元，资本性支出77.43万元，对企业补助10万元。\n"
    "    2023年公务用车运行费333.14万元，对比上年减少26.97万元，减少7.49%，主要因为原因在于机关事务服务中心严格控制全区公务用车运行成本。公务接待费4.53万元，对比上年减少1.8万元，下降28.35%，原因是本年严格控制公务接待次数和规模。\n"
)


def document(text: str) -> Document:
    return Document(file="report.txt", format="text", blocks=parse_flat_text(text), text=text)


def summary(claims: tuple[Claim, ...]) -> list[tuple[str, str, str, list[str]]]:
    return [(c.kind, c.stated.label, str(c.stated.number), [f"{t.label} {t.number}" for t in c.terms])
            for c in claims]


def assert_places(doc: Document, claims: tuple[Claim, ...]) -> None:
    """Every figure's place is exactly its digits in the document text, on its line."""
    for claim in claims:
        for figure in (claim.stated, *claim.terms):
            where = figure.where
            assert where.start is not None and where.end is not None
            assert doc.text[where.start:where.end] == figure.number.written
            assert doc.text.count("\n", 0, where.start) + 1 == where.line


def test_dongting_sums_and_shares() -> None:
    doc = document(DONGTING)
    claims = extract_claims(doc)
    assert summary(claims) == [
        ("sum", "基本支出", "132.71万元", ["人员经费 114.24万元", "日常公用经费 18.47万元"]),
        ("share", "人员经费占基本支出的比重", "86.08%", ["人员经费 114.24万元", "基本支出 132.71万元"]),
        ("share", "日常公用经费占基本支出的比重", "13.92%", ["日常公用经费 18.47万元", "基本支出 132.71万元"]),
        ("sum", "项目支出", "49.55万元", ["应急工作专项 5.00万元", "工伤保险 0.17万元", "公积金支出 0.54万元",
                                      "事业单位基本养老保险 0.67万元", "医疗保险 0.71万元", "城乡社区支出 42.47万元"]),
    ]
    # 人员经费 and 公用经费 make the whole of 基本支出; the 项目支出 list may leave items out
    assert [claim.partial for claim in claims if claim.kind == "sum"] == [False, True]
    assert_places(doc, claims)
    (finding,) = check_claims(claims)  # 86.08% and 13.92% hold; 132.71 = 114.24 + 18.47
    assert finding.code == "JX-TEXT-001" and finding.severity is Severity.INFO
    assert finding.message == "项目支出 49.55万元 与应急工作专项、工伤保险、公积金支出、事业单位基本养老保险、医疗保险、城乡社区支出之和 49.56万元 仅在舍入范围内一致（相差 0.01万元）"
    assert (finding.stated, finding.expected) == ("49.55", "49.56")
    assert finding.where.line == 3 and doc.text[finding.where.start:finding.where.end] == "49.55"
    assert finding.evidence.startswith("2023年我单位项目支出总数为49.55万元，其中：") and finding.evidence.endswith("42.47万元。")


def test_yueyanglou_parts_in_following_sentences_and_truncated_shares() -> None:
    doc = document(YUEYANGLOU)
    claims = extract_claims(doc)
    assert summary(claims) == [
        ("sum", "基本支出", "113.94万元", ["工资福利支出 96.82万元", "商品和服务支出 14.34万元", "对个人和家庭的补助 2.78万元"]),
        ("share", "工资福利支出占基本支出的比重", "84.97%", ["工资福利支出 96.82万元", "基本支出 113.94万元"]),
        ("share", "商品和服务支出占基本支出的比重", "12.58%", ["商品和服务支出 14.34万元", "基本支出 113.94万元"]),
        ("share", "对个人和家庭的补助占基本支出的比重", "2.43%", ["对个人和家庭的补助 2.78万元", "基本支出 113.94万元"]),
    ]
    assert_places(doc, claims)  # the run spans the page break: the later figures are on line 3
    findings = check_claims(claims)
    assert [(f.code, f.severity, f.stated, f.expected) for f in findings] == [
        ("JX-TEXT-002", Severity.INFO, "12.58", "12.59"), ("JX-TEXT-002", Severity.INFO, "2.43", "2.44")]
    assert findings[0].message == "商品和服务支出 14.34万元 占基本支出 113.94万元 的 12.59%，文中 12.58% 仅在舍入范围内一致（可能为截尾）"
    assert findings[1].where.line == 3


def test_dingcheng_bracketed_parts_and_year_on_year_changes() -> None:
    doc = document(DINGCHENG)
    claims = extract_claims(doc)
    assert summary(claims) == [
        ("sum", "基本支出", "1377.69万元", ["人员经费 1243.34万元", "公用经费 134.35万元"]),
        ("change", "公务用车运行费减少率", "7.49%", ["公务用车运行费 333.14万元", "比上年减少 26.97万元"]),
        ("change", "公务接待费下降率", "28.35%", ["公务接待费 4.53万元", "比上年减少 1.8万元"]),
    ]
    assert not claims[0].partial and [t.sign for t in claims[1].terms] == [1, -1]
    assert_places(doc, claims)
    # 26.97 / 360.11 = 7.489% holds; 1.8 / 6.33 = 28.44%, but 1.8 may be 1.79 of a prior 6.32.
    (finding,) = check_claims(claims)
    assert (finding.code, finding.severity, finding.stated, finding.expected) == (
        "JX-TEXT-003", Severity.INFO, "28.35", "28.44")
    assert finding.message == "公务接待费 4.53万元 比上年减少 1.8万元（上年 6.33万元），应下降 28.44%，文中公务接待费下降率 28.35% 仅在舍入范围内一致"


def only(text: str) -> Finding:
    doc = document(text)
    (finding,) = check_claims(extract_claims(doc))
    where = finding.where
    assert finding.stated is not None and doc.text[where.start:where.end] == finding.stated
    return finding


def test_wrong_total_of_a_full_breakdown_is_an_error() -> None:
    text = "一、部门概况\n按支出性质分类：基本支出132.81万元（人员经费114.24万元，公用经费18.47万元），项目支出49.55万元。\n"
    finding = only(text)
    assert (finding.code, finding.severity) == ("JX-TEXT-001", Severity.ERROR)
    assert finding.message == "基本支出 132.81万元 与人员经费、公用经费之和 132.71万元 不一致（相差 0.10万元）"
    assert (finding.stated, finding.expected, finding.expected_range) == ("132.81", "132.71", ("132.7000", "132.7200"))
    assert (finding.where.line, finding.where.start, finding.where.end) == (2, 19, 25)
    assert [(t.label, t.value, t.where.start) for t in finding.terms] == [("人员经费", "114.24", 32), ("公用经费", "18.47", 45)]
    assert finding.evidence == "按支出性质分类：基本支出132.81万元（人员经费114.24万元，公用经费18.47万元），项目支出49.55万元。"


def test_list_after_qizhong_may_be_incomplete_but_not_exceed_the_total() -> None:
    assert check_claims(extract_claims(document("基本支出132.81万元，其中：人员经费114.24万元，工资福利支出18.47万元。"))) == ()
    # 人员经费 and 公用经费 make the whole of 基本支出, unless the form counts 对个人和家庭的补助 beside them
    complete = only("基本支出132.81万元，其中：人员经费114.24万元，公用经费18.47万元。")
    assert (complete.code, complete.severity, complete.expected) == ("JX-TEXT-001", Severity.ERROR, "132.71")
    assert check_claims(extract_claims(document(
        "基本支出132.81万元，其中：人员经费114.24万元，公用经费18.47万元，对个人和家庭的补助0.10万元。"))) == ()
    finding = only("基本支出130.00万元，其中：人员经费114.24万元，办公费18.47万元。")
    assert (finding.code, finding.severity) == ("JX-TEXT-001", Severity.WARNING)
    assert finding.message == "基本支出 130.00万元 与人员经费、办公费之和 132.71万元 超过总数（多 2.71万元），所列各项不应大于总数"


def test_wrong_share_and_wrong_change_are_errors() -> None:
    share = only("基本支出132.71万元，其中：人员经费114.24万元，占基本支出的80.08%。")
    assert (share.code, share.severity, share.stated, share.expected) == ("JX-TEXT-002", Severity.ERROR, "80.08", "86.08")
    assert share.message == "人员经费 114.24万元 占基本支出 132.71万元 的 86.08%，与文中 80.08% 不一致"
    change = only("公务接待费4.53万元，比上年增加1.8万元，增长28.35%。")
    assert (change.code, change.severity, change.stated, change.expected) == ("JX-TEXT-003", Severity.ERROR, "28.35", "65.93")
    assert change.message == "公务接待费 4.53万元 比上年增加 1.8万元（上年 2.73万元），应增长 65.93%，与文中公务接待费增长率 28.35% 不一致"


def test_parts_in_yuan_are_converted_and_unnamed_wholes_give_no_share() -> None:
    claims = extract_claims(document("办公费1.50万元（水费5000元，电费10000元），占比12.00%。"))
    assert summary(claims) == [("sum", "办公费", "1.50万元", ["水费 5000元", "电费 10000元"])]
    assert check_claims(claims) == ()


def test_a_table_ends_the_run_and_a_heading_starts_a_new_one() -> None:
    text = "基本支出100.00万元，其中：人员经费60.00万元，占基本支出的60.00%\n\n\t表头\n\n（一）其他\n公用经费40.00万元，占基本支出的40.00%。\n"
    claims = extract_claims(document(text))
    # The 其中 list ends with the run (one part); the share after the heading is of the one
    # 基本支出 the document states; and 人员经费 + 公用经费 after the heading make the whole of
    # 基本支出 (a partition across sections).
    assert [(claim.kind, len(claim.terms), claim.partial) for claim in claims] == [
        ("sum", 1, True), ("sum", 2, False), ("share", 2, False), ("share", 2, False)]
    assert [claim.terms[1].number.value for claim in claims if claim.kind == "share"] == [100, 100]


def test_label_after_qizhong_without_a_colon() -> None:
    claims = extract_claims(document("2023年决算收入3347.96万元，其中一般公共预算财政拨款3236.09万元，其他收入111.87万元。"))
    assert summary(claims) == [("sum", "决算收入", "3347.96万元", ["一般公共预算财政拨款 3236.09万元", "其他收入 111.87万元"])]
    assert check_claims(claims) == ()


FUNDS_BEFORE = "（1）资金投入情况。{funds}万元{words}全部拨付到位。\n（2）执行情况。实际执行4706.5万元，项目执行率90.99%。\n"


def rate_findings(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.code, f.stated, f.expected) for f in check_claims(extract_claims(document(text)))]


def test_a_rate_without_its_base_takes_the_funds_of_the_sentence_before() -> None:
    assert rate_findings(FUNDS_BEFORE.format(funds="5230", words="资金")) == [("JX-TEXT-004", "90.99", "89.99")]
    assert rate_findings(FUNDS_BEFORE.format(funds="5172.6", words="资金")) == []
    # Not the funds, or less than what was spent: no base.
    assert rate_findings(FUNDS_BEFORE.format(funds="5230", words="补贴")) == []
    assert rate_findings(FUNDS_BEFORE.format(funds="4000", words="资金")) == []
