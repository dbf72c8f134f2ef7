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
