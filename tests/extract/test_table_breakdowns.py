"""Amount tables whose rows break down under 其中 (三公经费 tables and their like)."""

from __future__ import annotations

from extract.test_funds_glued import audit

SANGONG = ("| 项目 | 预算数 | 决算数 |\n| 合计 | 12 | {total} |\n| 因公出国(境)费 | 0 | 0 |\n"
           "| 公务接待费 | 4 | 2.35 |\n| 公务用车购置及运行维护费 | 8 | {car} |\n"
           "| 其中:公务用车运行维护费 | 5 | 3.10 |\n| 公务用车购置费 | 3 | 2.90 |\n")


def test_a_row_is_the_sum_of_its_qizhong_rows_and_the_total_of_the_rows_outside_them() -> None:
    text = SANGONG.format(total="8.35", car="6.00")
    findings, held = audit(text)
    assert findings == []
    assert ("JX-TABLE-004", "8", text.index("| 8 |") + 2) in held
    assert ("JX-TABLE-004", "6.00", text.index("6.00")) in held
    assert ("JX-TABLE-004", "12", text.index("12")) in held
    assert ("JX-TABLE-004", "8.35", text.index("8.35")) in held


def test_a_total_that_misses_the_rows_outside_the_breakdowns_is_an_error() -> None:
    text = SANGONG.format(total="8.53", car="6.00")
    assert audit(text)[0] == [("JX-TABLE-004", "error", "8.53", "8.35", text.index("8.53"))]


def test_unnumbered_parts_that_add_up_to_nothing_are_not_read() -> None:
    # 6.10 ≠ 3.10 + 2.90: the 其中 rows might end anywhere, so neither they nor the 合计 are read
    findings, held = audit(SANGONG.format(total="8.45", car="6.10"))
    assert findings == []
    assert not any(code == "JX-TABLE-004" for code, _, _ in held)


def test_numbered_parts_are_read_by_their_numbering_and_deeper_rows_make_up_a_part() -> None:
    text = ("| 项目 | 合计 |\n| 行政经费 | 120.50 |\n| “三公”经费 | {total} |\n| 其中:(一)因公出国(境)支出 | 0.00 |\n"
            "| (二)公务用车购置及运行维护支出 | 6.00 |\n| 1.公务用车购置 | 0.00 |\n| 2.公务用车运行维护费 | {car} |\n"
            "| (三)公务接待费支出 | 1.50 |\n")
    held_text = text.format(total="7.50", car="6.00")
    findings, held = audit(held_text)
    assert findings == []
    assert ("JX-TABLE-004", "7.50", held_text.index("7.50")) in held
    assert ("JX-TABLE-004", "6.00", held_text.index("6.00")) in held
    wrong = text.format(total="8.50", car="5.00")
    assert audit(wrong)[0] == [("JX-TABLE-004", "error", "8.50", "7.50", wrong.index("8.50")),
                               ("JX-TABLE-004", "error", "6.00", "5.00", wrong.index("6.00"))]


def test_prose_that_restates_a_total_is_checked_against_the_tables_items() -> None:
    text = ("本单位三公经费安排12万元，其中公务用车购置及运行维护费8万元。\n" + SANGONG.format(total="8.35", car="6.00")
            + "\n本单位“三公”经费支出预算为12万元，支出决算为8.35万元；公务接待费支出决算2.35万元。\n")
    findings, held = audit(text)
    assert findings == []
    prose = text.index("支出预算为12") + len("支出预算为")
    assert ("JX-TABLE-004", "12", prose) in held
    assert ("JX-TABLE-004", "8.35", text.index("决算为8.35") + len("决算为")) in held
    assert ("JX-TABLE-004", "12", text.index("安排12") + len("安排")) not in held  # no column word before it
    assert ("JX-TABLE-004", "8", text.index("维护费8万元") + len("维护费")) in held  # the row's label
    # a figure of an item that equals the total is not the total
    assert ("JX-TABLE-004", "2.35", text.index("决算2.35") + len("决算")) not in held


def test_prose_restating_a_total_the_items_miss_is_an_error_too() -> None:
    text = SANGONG.format(total="8.53", car="6.00") + "\n“三公”经费支出决算为8.53万元。\n"
    assert audit(text)[0] == [("JX-TABLE-004", "error", "8.53", "8.35", text.index("8.53")),
                              ("JX-TABLE-004", "error", "8.53", "8.35", text.index("为8.53") + 1)]


def test_a_table_whose_columns_are_the_items_is_laid_out_by_the_arithmetic_of_its_rows() -> None:
    # a two-row header whose 小计 lost its figures: the 合计 is the sum of all other figures
    text = ("2023年某区“三公”经费汇总表 |\n|||||\n单位:万元 |\n||\n合计 |\n因公出国 |\n公务用车购置及运行维护 |\n|||\n"
            "小计 |\n公务用车购置 |\n公车运行及维护 | 公务接待费 | ||\n{first} |\n40 |\n250 |\n1300 |\n{last} |\n")
    held_text = text.format(first="1800", last="210")
    findings, held = audit(held_text)
    assert findings == []
    assert ("JX-TABLE-004", "1800", held_text.index("1800")) in held
    # rows that add up under no layout say nothing: the layout cannot be told
    assert audit(text.format(first="1800", last="201")) == ([], [])


def test_the_layout_one_row_tells_is_checked_in_the_others() -> None:
    text = "| 合计 | 小计 | 购置 | 运行维护 | 接待 |\n| 100 | 70 | 30 | 40 | 30 |\n| 90 | 60 | 20 | 40 | 35 |\n"
    assert audit(text)[0] == [("JX-TABLE-004", "error", "90", "95", text.index("90"))]
    # a row that adds up under another layout only: which one the table has cannot be told
    other = text.replace("| 90 | 60 | 20 | 40 | 35 |", "| 90 | 10 | 20 | 30 | 30 |")
    assert audit(other)[0] == []
