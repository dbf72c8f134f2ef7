"""Shares of a whole that is never stated, when their parts are known to make the whole of it."""

from __future__ import annotations

from extract.test_change_partitions import findings_of

SHARES = (
    "1.基本支出预算 1825430.20 元，占一般公共预算支出的 88.41%，同比增加 20310.50 元。\n"
    "2.项目支出 239300 元，占一般公共预算支出的 {rate}%，同比减少 5000 元。\n"
)


def test_shares_above_the_whole_are_checked_against_the_sum_of_its_parts() -> None:
    assert findings_of(SHARES.format(rate="14.20")) == [(
        "JX-TEXT-002", "error", "14.20", "11.59",
        "项目支出 239300元 占一般公共预算支出（基本支出预算 + 项目支出） 2064730.20元 的 11.59%，与文中 14.20% 不一致",
    )]


def test_shares_of_the_parts_that_add_up_to_the_whole_or_less_say_nothing() -> None:
    assert findings_of(SHARES.format(rate="11.59")) == []
    # 88.41 + 10.00 is short of 100%: the whole may be larger than the two parts read here.
    assert findings_of(SHARES.format(rate="10.00")) == []


def test_a_share_of_another_part_beside_them_says_nothing() -> None:
    other = SHARES.format(rate="14.20") + "3.经营支出 1000 元，占一般公共预算支出的 0.05%。\n"
    assert findings_of(other) == []


def test_the_three_items_of_sangong_make_its_whole() -> None:
    text = ("因公出国（境）费 0 万元，占“三公”经费的 0%；公务用车购置及运行维护费 2.96 万元，占“三公”经费的 64.49%；"
            "公务接待费 1.63 万元，占“三公”经费的 45.51%。")
    assert [finding[:4] for finding in findings_of(text)] == [("JX-TEXT-002", "error", "45.51", "35.51")]
