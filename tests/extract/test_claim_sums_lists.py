"""Where a list after 其中 ends: it runs past ； over the parts of its total, and stops before a
clause on a peer of the total (a sibling label, an amount larger than the total, a 其中 list of
its own)."""

from __future__ import annotations

from pathlib import Path

from jixiao.documents import Document, parse_flat_text
from jixiao.extract.prose import check_claims, extract_claims

REPORTS = Path(__file__).resolve().parent.parent / "data" / "reports"


def document(text: str) -> Document:
    return Document(file="report.txt", format="text", blocks=parse_flat_text(text), text=text)


def sums_of(text: str) -> list[tuple[str, str, list[str]]]:
    return [(c.stated.label, c.stated.number.written, [t.number.written for t in c.terms])
            for c in extract_claims(document(text)) if c.kind == "sum"]


def findings_of(text: str) -> list[tuple[str, str, str | None, str | None, str]]:
    doc = document(text)
    return [(f.code, f.severity.value, f.stated, f.expected, doc.text[f.where.start:f.where.end])
            for f in check_claims(extract_claims(doc))]


def report_sentence(name: str, opening: str) -> str:
    text = (REPORTS / name).read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if line.startswith(opening))


def test_sibling_after_semicolon_is_no_part_of_the_total() -> None:
    """tests/data/reports/chenglingji-dangqun-2021.txt: 项目支出 after ； is a peer of 基本支出资金."""
    text = report_sentence("chenglingji-dangqun-2021.txt", "部门支出规模85.33万元")
    assert text.startswith("部门支出规模85.33万元，基本支出资金38.43万元，其中32.67万元是人员支出费用，"
                           "5.76万元是公用支出费用；项目支出46.9万元，其中12.44万元")
    assert sums_of(text) == [("基本支出资金", "38.43", ["32.67", "5.76"]),
                             ("项目支出", "46.9", ["12.44", "3.02"])]
    assert findings_of(text) == []


def test_parts_after_semicolons_are_still_summed() -> None:
    text = "基本支出 100 万元，其中：人员经费 80 万元；公用经费 20 万元。"
    assert sums_of(text) == [("基本支出", "100", ["80", "20"])]
    assert findings_of(text) == []
    three = "基本支出100万元，其中：人员经费70万元；公用经费20万元；其他10万元。"
    assert sums_of(three) == [("基本支出", "100", ["70", "20", "10"])]


def test_wrong_parts_after_a_semicolon_still_fail() -> None:
    assert findings_of("基本支出 100 万元，其中：人员经费 80 万元；公用经费 30 万元。") == [
        ("JX-TEXT-001", "error", "100", "110", "100")]  # the two make the whole of 基本支出


def test_sibling_label_ends_the_list_even_when_smaller() -> None:
    text = "基本支出100万元，其中：人员经费80万元；项目支出30万元。"
    assert sums_of(text) == [("基本支出", "100", ["80"])]
    assert findings_of(text) == []


def test_amount_larger_than_the_total_ends_the_list() -> None:
    text = "基本支出50万元，其中：人员经费30万元；专项经费60万元。"
    assert sums_of(text) == [("基本支出", "50", ["30"])]
    assert findings_of(text) == []


def test_nested_list_stops_before_the_sibling_of_its_total() -> None:
    """公用经费 is a part of 基本支出 and a peer of 人员经费, not one of 人员经费's parts."""
    text = "基本支出100万元，其中：人员经费80万元，其中工资50万元；公用经费20万元。"
    assert sums_of(text) == [("基本支出", "100", ["80"]), ("基本支出", "100", ["80", "20"]), ("人员经费", "80", ["50"])]
    assert findings_of("基本支出100万元，其中：人员经费80万元，其中工资90万元；公用经费20万元。") == [
        ("JX-TEXT-001", "warning", "80", "90", "80")]


def test_part_with_its_own_list_after_a_semicolon_is_left_out() -> None:
    """A clause opening a 其中 list of its own may be a peer of the total: it is not summed."""
    text = "基本支出100万元，其中：公用经费20万元；人员经费80万元，其中工资50万元。"
    # and 人员经费 + 公用经费, both named, make the whole of 基本支出 (read across the clauses)
    assert sums_of(text) == [("基本支出", "100", ["20"]), ("基本支出", "100", ["80", "20"]), ("人员经费", "80", ["50"])]


SIBLINGS = ("本项目共申请预算资金{budget}元，其中养护补助620000元，报酬318000元，设施更新94000元。"
            "本项目共完成预算资金{spent}元，其中养护补助598000元，{second}318000元，设施更新86500元。")


def test_a_list_is_complete_when_a_sibling_with_the_same_items_adds_up_exactly() -> None:
    assert findings_of(SIBLINGS.format(budget="1586000", spent="1002500", second="报酬")) == [
        ("JX-TEXT-001", "error", "1586000", "1032000", "1586000")]
    message = check_claims(extract_claims(document(SIBLINGS.format(
        budget="1586000", spent="1002500", second="报酬"))))[0].message
    assert message == ("本项目共申请预算资金 1586000元 与养护补助、报酬、设施更新之和 1032000元 不一致（相差 554000元；"
                       "同样各项的另一合计与其各项之和相符，所列各项齐全）")


def test_a_sibling_that_does_not_add_up_or_names_other_items_leaves_the_list_partial() -> None:
    assert findings_of(SIBLINGS.format(budget="1586000", spent="1002600", second="报酬")) == []
    assert findings_of(SIBLINGS.format(budget="1586000", spent="1002500", second="劳务报酬")) == []
    assert findings_of(SIBLINGS.format(budget="1032000", spent="1002500", second="报酬")) == []
