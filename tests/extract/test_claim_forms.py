"""Each form of claim on hand-written sentences and on excerpts of the published reports, with
the exact finding it gives (code, severity, stated, expected, line, message) or none."""

from __future__ import annotations

from jixiao.documents import Document, parse_flat_text
from jixiao.extract.prose import Claim, check_claims, extract_claims
from jixiao.findings import Finding


def document(text: str) -> Document:
    return Document(file="report.txt", format="text", blocks=parse_flat_text(text), text=text)


def claims_of(text: str) -> tuple[Claim, ...]:
    return extract_claims(document(text))


def findings_of(text: str) -> list[tuple[str, str, str | None, str | None, int | None, str]]:
    doc = document(text)
    findings: tuple[Finding, ...] = check_claims(extract_claims(doc))
    return [(f.code, f.severity.value, f.stated, f.expected, f.where.line, doc.text[f.where.start:f.where.end])
            for f in findings]


def messages(text: str) -> list[str]:
    return [f.message for f in check_claims(claims_of(text))]


def test_full_width_digits_keep_their_places() -> None:
    text = "２０２３年基本支出１３２．７１万元，其中：人员经费１１４．２４万元，公用经费１８．５７万元。"
    assert findings_of(text) == [("JX-TEXT-001", "error", "132.71", "132.81", 1, "１３２．７１")]


def test_thousands_separators_and_half_width_punctuation() -> None:
    text = "基本支出1,132.71万元,其中:人员经费1,114.24万元,占基本支出的98.37%;公用经费18.47万元。"
    (total, share) = claims_of(text)
    assert (total.kind, total.stated.number.written, [t.number.written for t in total.terms]) == (
        "sum", "1132.71", ["1114.24", "18.47"])
    assert (share.kind, share.stated.label, share.stated.number.written) == ("share", "人员经费占基本支出的比重", "98.37")
    assert text[total.stated.where.start:total.stated.where.end] == "1,132.71"
    assert findings_of(text) == []


def test_traditional_script_and_completion_rate() -> None:
    text = "基本支出預(yù)算為100萬元,支出決算為95萬元,完成預算的90%。"
    assert findings_of(text) == [("JX-TEXT-004", "error", "90", "95.00", 1, "90")]
    assert messages(text) == ["支出决算 95万元 / 基本支出预算 100万元 = 95.00%，与文中 支出决算完成预算的比例 90% 不一致"]


def test_completion_rate_from_a_published_excerpt_holds() -> None:
    """tests/data/reports-style wording of a 三公 决算说明: 26085.58 / 27080 = 96.33%."""
    text = "“三公”经费支出年初预算为27,080元,支出决算为26,085.58元,完成年初预算的96.33%。"
    (claim,) = claims_of(text)
    assert (claim.kind, [t.number.written for t in claim.terms]) == ("rate", ["26085.58", "27080"])
    assert findings_of(text) == []


def test_number_broken_across_lines() -> None:
    text = "公务接待费支出12\n3.45万元，较上年减少1.2万元，下降0.96%。"
    (claim,) = claims_of(text)
    assert (claim.kind, claim.terms[0].number.written) == ("change", "123.45")
    where = claim.terms[0].where
    assert (where.line, text[where.start:where.end]) == (1, "12\n3.45")
    assert findings_of(text) == []


def test_year_on_year_forms() -> None:
    assert findings_of("收入390.55万元,较2020年度决算数减少175.26万元,下降31%。") == []
    assert findings_of("社会保障和就业支出类科目 116433.12 元,同比增加 16803.36 元,增长 14.43%。") == [
        ("JX-TEXT-003", "error", "14.43", "16.87", 1, "14.43")]
    assert findings_of("公务接待费支出2.14万元, 与2021年度预算相比,增加1.14万元,增长1.14%。") == [
        ("JX-TEXT-003", "error", "1.14", "114.00", 1, "1.14")]
    assert findings_of("支出2.05万元，与上年相比减少0.03万元，降幅1.44%。") == []


def test_change_whose_amount_ends_the_sentence_before() -> None:
    text = "2.上级补助收入8.38万元,为事业单位开展业务活动取得的收入。较2020年度决算数减少17.40万元,下降67.5%。"
    (claim,) = claims_of(text)
    assert [(t.label, t.number.written) for t in claim.terms] == [("上级补助收入", "8.38"), ("比上年减少", "17.40")]
    assert findings_of(text) == []


def test_prior_year_stated_gives_a_difference_and_a_change() -> None:
    text = "“三公”经费支出2.05万元，较上年2.08减少0.03万元，减少了1.44%。"
    assert [c.kind for c in claims_of(text)] == ["difference", "change_prior"]
    assert findings_of(text) == []
    wrong = "“三公”经费支出2.05万元，较上年2.18减少0.03万元，减少了1.44%。"
    assert findings_of(wrong) == [("JX-TEXT-005", "error", "0.03", "0.13", 1, "0.03"),
                                  ("JX-TEXT-007", "error", "1.44", "5.96", 1, "1.44")]
    assert messages(wrong)[1] == ("“三公”经费支出 2.05万元，上年“三公”经费支出 2.18万元，应下降 5.96%，"
                                  "与文中“三公”经费支出减少率 1.44% 不一致")


def test_difference_between_spending_and_budget() -> None:
    assert findings_of("公务用车运行维护费支出0万元，年初预算为0.95万元，差值为0.95万元。") == []
    assert findings_of("公务用车运行维护费支出0.20万元，年初预算为0.95万元，差值为0.95万元。") == [
        ("JX-TEXT-005", "error", "0.95", "0.75", 1, "0.95")]


def test_sum_of_item_changes_against_the_total_change() -> None:
    text = ("三公经费1165.08万元，同比减少63.96万元，下降5.2%。其中：公务用车购置费支出204.78万元，同比减少54.2万元，"
            "下降20.93%；公务用车运行维护费支出664.60万元，同比增加53.81万元，增长8.81%；公务接待费支出295.70万元，"
            "同比减少60.14万元，下降16.9%。")
    assert findings_of(text) == [("JX-TEXT-006", "error", "63.96", "60.53", 1, "63.96")]
    assert messages(text) == ["三公经费增减额 减少 63.96万元 与各项增减额合计 减少 60.53万元 不一致（各项金额之和与总数相符，所列各项齐全）"]


def test_changes_of_an_incomplete_list_only_warn_when_they_exceed_the_total() -> None:
    text = "“三公”经费支出决算数比上年减少450.00元，下降3.61%。其中：因公出国（境）费支出决算减少0.00元；公务接待费支出决算减少500.00元。"
    assert findings_of(text) == [("JX-TEXT-006", "warning", "450.00", "500.00", 1, "450.00")]
    assert findings_of(text.replace("500.00", "400.00")) == []


def test_lists_after_baokuo_share_one_total() -> None:
    text = ("2023 年财政拨款收支总预算 7,057,486.18 元。收入包括:一般公共预算拨款 7,034,418.94 元、上年结转结余\n"
            "23,067.24 元;支出包括:教育支出 5,806,105.16 元、社会保障和就业支出 557,718.56 元、卫生健康支出 275,373.54\n"
            "元、住房保障支出 418,288.92 元。")
    sums = [(c.stated.number.written, len(c.terms)) for c in claims_of(text) if c.kind == "sum"]
    assert sums == [("7057486.18", 2), ("7057486.18", 4)]
    assert findings_of(text) == []


def test_shares_of_a_total_named_by_the_sentence_scope() -> None:
    text = ("“三公”经费支出预算为3万元,支出决算为1.71万元。\n"
            "“三公”经费支出决算中,公务接待费支出决算0.53万元,占69%;公务用车购置及运行维护费支出决算1.18万元,占31%。")
    assert findings_of(text) == [("JX-TEXT-002", "error", "69", "30.99", 2, "69"),
                                 ("JX-TEXT-002", "error", "31", "69.01", 2, "31")]


def test_list_counts() -> None:
    assert findings_of("单位内设3个科室，分别是综合科、财务科、业务一科和业务二科。") == [
        ("JX-TEXT-008", "error", "3", "4", 1, "3")]
    assert messages("单位内设3个科室，分别是综合科、财务科、业务一科和业务二科。") == [
        "文中称 3 个科室，但列出 4 个：综合科、财务科、业务一科、业务二科"]
    assert findings_of("分为货物类采购、工程类采购和服务类采购三种类型。") == []
    assert [c.stated.number.written for c in claims_of("分为货物类采购、工程类采购和服务类采购三种类型。")] == ["3"]
    assert claims_of("设5个内设机构：办公室、财务股等。") == ()
    assert findings_of("内设2个股室：城市管理和执法股、办公室。") == []


def test_the_same_figure_stated_twice() -> None:
    text = "2023年基本支出132.71万元，主要用于人员。\n2023年基本支出132.17万元，用于保障运转。"
    assert findings_of(text) == [("JX-TEXT-009", "warning", "132.17", "132.71", 2, "132.17")]
    assert messages(text) == ["基本支出 在第 1 行为 132.71万元，此处为 132.17万元，同一数字前后不一致（请核对口径）"]


def test_the_same_label_on_other_bases_is_not_a_repeat() -> None:
    assert findings_of("2023年基本支出132.71万元。\n2022年基本支出120.00万元。") == []
    assert findings_of("2023年基本支出132.71万元。\n2023年基本支出预算140.00万元。") == []
    assert findings_of("2023年基本支出132.71万元。\n2023年基本支出1327100元。") == []
    assert findings_of("机构运行 100 元，其中：基本支出 100 元。住房公积金 50 元，其中：基本支出 50 元。") == []


def test_a_sentence_on_one_fund_does_not_repeat_the_unit_s_amounts() -> None:
    text = ("全年基本支出90.00万元。本单位事业运行资金，全部用于工资福利支出70.00万元、商品和服务支出20.00万元。\n"
            "本单位宣传工作经费，全部用于工资福利支出8.00万元、商品和服务支出4.00万元。")
    assert findings_of(text) == []


def test_a_repeat_under_the_same_fund_is_still_a_repeat() -> None:
    text = ("本单位宣传工作经费，全部用于工资福利支出8.00万元。\n"
            "本单位宣传工作经费，全部用于工资福利支出8.50万元。")
    assert findings_of(text) == [("JX-TEXT-009", "warning", "8.50", "8.00", 2, "8.50")]
