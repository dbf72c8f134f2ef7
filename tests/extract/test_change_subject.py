"""A comparison opening its clause: the amount it is of, in the clause before."""

from __future__ import annotations

from extract.test_change_partitions import findings_of

SPENT = "1.公务接待费预算为1万元，支出决算为0.53万元，完成预算的53%；较上年减少0.47万元，下降{rate}%。\n"


def test_a_change_against_last_year_is_of_the_amount_spent_not_the_budget() -> None:
    assert findings_of(SPENT.format(rate="47")) == []
    assert findings_of(SPENT.format(rate="40")) == [(
        "JX-TEXT-003", "error", "40", "47.00",
        "支出决算 0.53万元 比上年减少 0.47万元（上年 1.00万元），应下降 47.00%，与文中支出决算下降率 40% 不一致",
    )]


INCLUDED = "机管局2013年收支总预算4,471.22万元，含幼儿园经费537.31万元；比2012年预算增加755.18万元，增长{rate}%。\n"


def test_an_amount_listed_as_included_is_not_the_subject() -> None:
    assert findings_of(INCLUDED.format(rate="20.32")) == []
    assert findings_of(INCLUDED.format(rate="25.00")) == [(
        "JX-TEXT-003", "error", "25.00", "20.32",
        "收支总预算 4471.22万元 比预算增加 755.18万元（预算 3716.04万元），应增长 20.32%，"
        "与文中收支总预算增长率 25.00% 不一致",
    )]


def test_two_amounts_spent_before_a_comparison_say_nothing() -> None:
    text = "会议费0.53万元，培训费0.40万元；较上年减少0.47万元，下降40%。\n"
    assert findings_of(text) == []


LISTED = "“三公”经费预算为3328万元。其中，因公出国（境）费50万元，公务接待费478万元。同口径比上年减少830万元，下降{rate}%。\n"


def test_a_change_after_a_list_of_parts_is_of_their_whole() -> None:
    assert findings_of(LISTED.format(rate="20")) == []
    assert findings_of(LISTED.format(rate="25")) == [(
        "JX-TEXT-003", "error", "25", "19.96",
        "“三公”经费预算 3328万元 比上年减少 830万元（上年 4158万元），应下降 19.96%，"
        "与文中“三公”经费预算下降率 25% 不一致",
    )]
    # Without 其中 the sentence before is no list: its two amounts leave the change unread.
    assert findings_of(LISTED.format(rate="25").replace("其中，", "")) == []
