"""A change stated with its amount and its rate whose one level was stated in an earlier sentence."""

from __future__ import annotations

from extract.test_change_partitions import findings_of

BUDGET = (
    "2018年财政拨款“三公”经费预算总额为2.7万元，其中，因公出国（境）费支出0万元，公务接待费支出1.2万元。\n"
    "2018年“三公”经费预算数比2017年预算数减少0.06万元，减幅{rate}%。\n"
)


def test_the_rate_is_checked_against_the_level_stated_before_under_its_funds() -> None:
    assert findings_of(BUDGET.format(rate="0.02")) == [(
        "JX-TEXT-003", "error", "0.02", "2.17",
        "“三公”经费预算 2.7万元 比上年减少 0.06万元（上年 2.76万元），应下降 2.17%，"
        "与文中“三公”经费预算减幅率 0.02% 不一致",
    )]


def test_a_right_rate_says_nothing() -> None:
    assert findings_of(BUDGET.format(rate="2.17")) == []


def test_a_level_of_another_year_is_not_the_current_one() -> None:
    assert findings_of(BUDGET.format(rate="0.02").replace("比2017年", "比2016年")) == []


FINAL = (
    "2022年度“三公”经费支出年初预算为12000.00元，支出决算为12,000.00元，完成年初预算的100%。"
    "其中：公务用车运行维护费支出决算为9,000.00元；公务接待费支出决算为3,000.00元。\n"
    "2022年度“三公”经费支出决算数比上年减少{total}元，下降3.61%。"
    "其中：公务用车运行维护费支出决算减少0.00元，下降0.00%；公务接待费支出决算减少450.00元，下降{item}%。\n"
)


def test_a_level_named_by_the_end_of_its_name_and_changes_under_the_comparison_before() -> None:
    assert findings_of(FINAL.format(total="450.00", item="13.04")) == []
    assert findings_of(FINAL.format(total="540.00", item="15.00")) == [
        ("JX-TEXT-003", "error", "3.61", "4.31",
         "“三公”经费支出决算 12000.00元 比上年减少 540.00元（上年 12540.00元），应下降 4.31%，"
         "与文中“三公”经费支出决算下降率 3.61% 不一致"),
        ("JX-TEXT-003", "error", "15.00", "13.04",
         "公务接待费支出决算 3000.00元 比上年减少 450.00元（上年 3450.00元），应下降 13.04%，"
         "与文中公务接待费支出决算下降率 15.00% 不一致"),
    ]


def test_a_change_far_from_any_comparison_is_not_read() -> None:
    text = FINAL.format(total="450.00", item="15.00").replace("其中：公务用车运行维护费支出决算减少",
                                                               "详见下表。\n其中：公务用车运行维护费支出决算减少")
    assert findings_of(text) == []


def test_a_decrease_to_nothing_is_a_fall_of_all_of_it() -> None:
    text = FINAL.format(total="450.00", item="{item}").replace("公务接待费支出决算为3,000.00元", "公务接待费支出决算为0.00元")
    assert findings_of(text.format(item="100.00")) == []
    assert findings_of(text.format(item="90.00")) == [(
        "JX-TEXT-003", "error", "90.00", "100.00",
        "公务接待费支出决算 0.00元 比上年减少 450.00元（上年 450.00元），应下降 100.00%，"
        "与文中公务接待费支出决算下降率 90.00% 不一致",
    )]


LISTED = (
    "2019年“三公”经费预算为3328万元。其中，因公出国（境）费50万元，公务接待费478万元。"
    "其中：因公出国（境）费同口径比{year}年减少9万元，下降{rate}%。\n"
)


def test_an_item_listed_after_qizhong_takes_the_year_of_the_sentence_before() -> None:
    assert findings_of(LISTED.format(year="2018", rate="15.3")) == []
    assert findings_of(LISTED.format(year="2018", rate="13.5")) == [(
        "JX-TEXT-003", "error", "13.5", "15.25",
        "因公出国（境）费 50万元 比上年减少 9万元（上年 59万元），应下降 15.25%，与文中因公出国（境）费下降率 13.5% 不一致",
    )]
    # Against 2017 the change is not of the 2019 level.
    assert findings_of(LISTED.format(year="2017", rate="13.5")) == []


def test_a_rate_that_says_the_comparison_again_is_read() -> None:
    text = LISTED.format(year="2018", rate="{rate}").replace("减少9万元，下降", "减少9万元，同口径比2018年下降")
    assert findings_of(text.format(rate="15.3")) == []
    assert [finding[:4] for finding in findings_of(text.format(rate="13.5"))] == [
        ("JX-TEXT-003", "error", "13.5", "15.25")]
