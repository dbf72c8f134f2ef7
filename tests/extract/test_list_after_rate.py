"""A 其中 list after a total stated with its rate of the budget, and a 具体是 breakdown inside it."""

from __future__ import annotations

from extract.test_change_partitions import findings_of

LIST = (
    "2022年度“三公”经费支出年初预算为6,283.70元，支出决算为6,283.70元，完成年初预算的100%。"
    "其中：因公出国（境）费支出决算0元；公务用车运行维护费支出决算{car}元；"
    "公务接待费支出决算4,895.00元，具体是国内接待费支出决算4,895.00元，国（境）外接待费支出决算0元。\n"
)


def test_the_list_is_of_the_total_before_its_rate_of_the_budget() -> None:
    assert findings_of(LIST.format(car="1,388.70")) == []
    assert findings_of(LIST.format(car="1,488.70")) == [(
        "JX-TEXT-001", "warning", "6283.70", "6383.70",
        "支出决算 6283.70元 与因公出国（境）费支出决算、公务用车运行维护费支出决算、公务接待费支出决算之和 "
        "6383.70元 超过总数（多 100.00元），所列各项不应大于总数",
    )]


def test_a_breakdown_after_juti_is_of_its_item_not_of_the_total() -> None:
    text = LIST.format(car="1,388.70").replace("国内接待费支出决算4,895.00元", "国内接待费支出决算5,000.00元")
    assert findings_of(text) == [(
        "JX-TEXT-001", "warning", "4895.00", "5000.00",
        "公务接待费支出决算 4895.00元 与国内接待费支出决算、国（境）外接待费支出决算之和 5000.00元 超过总数"
        "（多 105.00元），所列各项不应大于总数",
    )]


SHARES = (
    "2022年度“三公”经费支出年初预算为6,283.70元，支出决算为6,283.70元。其中：公务用车运行维护费支出决算1,388.70元，占总支出决算的{car}%；"
    "公务接待费支出决算4,895.00元，占总支出决算的77.90%。\n"
)


def test_a_share_of_the_total_named_with_zong_is_a_share_of_the_list_s_total() -> None:
    assert findings_of(SHARES.format(car="22.10")) == []
    assert findings_of(SHARES.format(car="21.10")) == [(
        "JX-TEXT-002", "error", "21.10", "22.10",
        "公务用车运行维护费支出决算 1388.70元 占支出决算 6283.70元 的 22.10%，与文中 21.10% 不一致",
    )]
