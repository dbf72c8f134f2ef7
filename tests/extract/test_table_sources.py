"""The funds of a 项目绩效评价报告表 by source: each column against its sources, and the 结余."""

from __future__ import annotations

from extract.test_funds_glued import audit

ONE_CELL_A_PARAGRAPH = "\n\n".join([
    "计划安排资金", "(万元)", "86", "实际到位资金", "(万元)", "{received}", "实际支出", "(万元)", "90.5",
    "结余(万元)", "{balance}", *(["其中:中央财政"] * 4), "省财政", "86", "省财政", "86", "省财政", "86", "省财政",
    "县财政", "县财政", "县财政", "县财政", "其它", "其它", "4.5", "其它", "4.5", "其它",
    "二、项目支出明细情况"])


def test_each_source_is_named_once_a_column_and_its_amounts_add_up_to_the_columns() -> None:
    text = ONE_CELL_A_PARAGRAPH.format(received="90.5", balance="0")
    findings, held = audit(text)
    assert findings == []
    assert ("JX-TABLE-004", "86", text.index("86")) in held
    assert ("JX-TABLE-004", "90.5", text.index("90.5")) in held
    assert ("JX-TABLE-004", "90.5", text.index("90.5", text.index("90.5") + 1)) in held
    assert ("JX-TABLE-008", "0", text.index("0\n\n其中")) in held


def test_a_column_that_leaves_out_a_source_and_a_balance_that_does_not_follow() -> None:
    text = ONE_CELL_A_PARAGRAPH.format(received="86", balance="0")
    assert audit(text)[0] == [("JX-TABLE-004", "error", "86", "90.5", text.index("86\n\n实际支出")),
                              ("JX-TABLE-008", "error", "0", "-4.5", text.index("0\n\n其中"))]


def test_a_pipe_form_with_the_spending_below_its_sources() -> None:
    text = ("计划安排资金(万元) | 640.20 | 实际到位资金(万元) | 640.20 | |\n其中:中央财政 | 其中:中央财政 | |\n"
            "省财政 | 省财政 | |\n市县财政 | 640.20 | 市县财政 | {county} | |\n其它 | 其它 | |\n实际支出(万元) | 512.08 | |\n")
    held_text = text.format(county="640.20")
    findings, held = audit(held_text)
    assert findings == []
    assert [entry for entry in held if entry[0] == "JX-TABLE-004"] == [
        ("JX-TABLE-004", "640.20", held_text.index("640.20")),
        ("JX-TABLE-004", "640.20", held_text.index("640.20", held_text.index("640.20") + 1))]
    wrong = text.format(county="604.20")
    assert audit(wrong)[0] == [("JX-TABLE-004", "error", "640.20", "604.20",
                                wrong.index("640.20", wrong.index("640.20") + 1))]


LEDGER = "\n\n".join(["二、项目支出明细情况", "支出内容", "实际支出数", "会计凭证号", "备注",
                      "困难群众慰问", "12.5", "3月12号凭证", "临时救助", "30", "5月7号、6月2号", "8月9号凭证",
                      "90岁老人补贴", "7.5", "9月3号", "支出合计", "{total}"])


def test_a_list_of_amounts_one_cell_a_paragraph_closed_by_its_total() -> None:
    held_text = LEDGER.format(total="50")
    findings, held = audit(held_text)
    assert findings == []
    assert ("JX-TABLE-004", "50", held_text.rindex("50")) in held
    wrong = LEDGER.format(total="55")
    assert audit(wrong)[0] == [("JX-TABLE-004", "error", "55", "50.0", wrong.rindex("55"))]
    # two amount columns (计划, 实际): each row's figures cannot be told apart
    two = LEDGER.replace("会计凭证号", "计划支出数").replace("12.5\n\n3月12号凭证", "12.5\n\n12.5")
    assert audit(two.format(total="55"))[0] == []
