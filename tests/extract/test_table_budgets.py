"""A change against the budget whose budget only the table the prose describes states."""

from __future__ import annotations

from extract.test_change_partitions import findings_of

TABLE = ("{caption}\n| 项目 | 预算数 | 决算数 |\n| 合计 | 9 | 7.15 |\n| 公务接待费 | 6 | 4.35 |\n"
         "| 公务用车运行维护费 | 3 | 2.80 |\n\n"
         "公务接待费支出4.35万元，与2023年度预算相比，{way}{delta}万元。\n")


def test_the_change_is_checked_against_the_tables_budget_of_the_same_item() -> None:
    assert findings_of(TABLE.format(caption="单位：万元", way="减少", delta="0.65")) == [(
        "JX-TEXT-005", "error", "0.65", "1.65",
        "公务接待费预算数 6万元 − 公务接待费支出 4.35万元 = 1.65万元，与文中 公务接待费支出比预算减少 0.65万元 不一致")]
    assert findings_of(TABLE.format(caption="单位：万元", way="减少", delta="1.65")) == []


def test_an_increase_is_the_spending_less_the_budget() -> None:
    over = TABLE.replace("| 6 |", "| 2.70 |")
    assert findings_of(over.format(caption="单位：万元", way="增加", delta="1.65")) == []
    assert [f[:4] for f in findings_of(over.format(caption="单位：万元", way="增加", delta="1.00"))] == [
        ("JX-TEXT-005", "error", "1.00", "1.65")]


def test_a_table_without_its_unit_is_not_read() -> None:
    assert findings_of(TABLE.format(caption="表1 三公经费", way="减少", delta="0.65")) == []


def test_a_traditional_script_copy_reads_the_same() -> None:
    text = ("單位:萬元\n| 項 目 | 預 算 數(shù) | 決 算 數(shù) |\n| 公務接待費 | 6 | 4.35 |\n\n"
            "公務接待費支出4.35萬元,與2023年度預算相比,減少0.65萬元。\n")
    assert [f[:4] for f in findings_of(text)] == [("JX-TEXT-005", "error", "0.65", "1.65")]


def test_a_title_ending_with_its_unit_states_the_unit() -> None:
    assert [f[:4] for f in findings_of(TABLE.format(caption="“三公”经费预决算表（万元）", way="减少", delta="0.65"))] == [
        ("JX-TEXT-005", "error", "0.65", "1.65")]
    assert findings_of(TABLE.format(caption="“三公”经费预决算表（万元）说明", way="减少", delta="0.65")) == []


def test_the_caption_is_the_paragraph_right_before_the_table() -> None:
    apart = TABLE.format(caption="单位：万元\n表1 三公经费", way="减少", delta="0.65")
    assert findings_of(apart) == []
