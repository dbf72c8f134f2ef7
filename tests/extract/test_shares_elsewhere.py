"""Shares of a whole the document states in another section, before or after the share."""

from __future__ import annotations

from extract.test_change_partitions import findings_of
from jixiao.extract.prose.shares import core_name

AFTER = (
    "工资福利支出预算 905709.06 元，占基本支出预算 {rate}%。\n\n"
    "六、一般公共预算基本支出情况说明\n\n"
    "2022 年一般公共预算基本支出 1133753.33 元，主要用于保障机构正常运转。\n"
)


def test_a_share_is_checked_against_the_whole_stated_in_a_later_section() -> None:
    assert findings_of(AFTER.format(rate="79.89")) == []
    assert findings_of(AFTER.format(rate="89.79")) == [(
        "JX-TEXT-002", "error", "89.79", "79.89",
        "工资福利支出预算 905709.06元 占一般公共预算基本支出 1133753.33元 的 79.89%，与文中 89.79% 不一致",
    )]


def test_a_whole_stated_with_two_values_is_not_chosen() -> None:
    text = AFTER.format(rate="89.79") + "2021 年一般公共预算基本支出 1000000.00 元。\n"
    assert findings_of(text) == []


def test_a_whole_of_another_basis_is_not_the_share_s() -> None:
    text = AFTER.format(rate="89.79").replace("一般公共预算基本支出 1133753.33", "基本支出决算 1133753.33")
    assert findings_of(text) == []


def test_the_core_name_drops_year_basis_and_funds_but_not_an_item() -> None:
    assert core_name("基本支出预算") == core_name("2022年一般公共预算基本支出") == "基本支出"
    assert core_name("一般公共预算支出") == core_name("一般公共预算拨款支出") == "一般公共预算支出"
    assert core_name("支出总额") == "支出"


def test_a_share_after_a_doubled_comma_is_read() -> None:
    text = ("2021年度政府采购支出总额28861.938591万元。授予小微企业合同金额1931.863140万元，，"
            "占政府采购支出总额的{rate}%。\n")
    assert findings_of(text.format(rate="6.7")) == []
    assert findings_of(text.format(rate="7.7")) == [(
        "JX-TEXT-002", "error", "7.7", "6.69",
        "授予小微企业合同金额 1931.863140万元 占政府采购支出 28861.938591万元 的 6.69%，与文中 7.7% 不一致",
    )]


def test_a_fee_s_spending_is_the_fee_and_words_before_de_say_what_it_is_of() -> None:
    assert core_name("本部门一般公共预算财政拨款安排的“三公”经费支出") == core_name("“三公”经费") == "“三公”经费"
    text = "本部门安排的“三公”经费支出2.05万元；其中：公务接待费支出2.05万元，占“三公”经费的{rate}%。\n"
    assert findings_of(text.format(rate="100")) == []
    assert [finding[:4] for finding in findings_of(text.format(rate="90"))] == [("JX-TEXT-002", "error", "90", "100.00")]


BALANCED = (
    "（一）教育支出 600.00 元，占支出总预算 {first}%。\n"
    "（二）卫生健康支出 233.37 元，占支出总预算 {second}%。\n"
    "（三）住房保障支出 166.63 元，占支出总预算 {third}%。\n"
    "四、财政拨款收支预算总体情况说明\n"
    "2024 年财政拨款收支总预算 1000.00 元。\n"
)


def test_a_share_of_spending_is_checked_against_a_whole_of_income_and_spending() -> None:
    assert findings_of(BALANCED.format(first="60.00", second="23.34", third="16.66")) == []
    assert findings_of(BALANCED.format(first="60.00", second="32.34", third="16.66")) == [(
        "JX-TEXT-002", "error", "32.34", "23.34",
        "卫生健康支出 233.37元 占财政拨款收支总预算 1000.00元 的 23.34%，与文中 32.34% 不一致",
    )]


def test_a_share_moved_by_one_unit_to_make_the_shares_whole_is_a_note() -> None:
    assert findings_of(BALANCED.format(first="60.00", second="23.33", third="16.67")) == [
        ("JX-TEXT-002", "info", "23.33", "23.34",
         "卫生健康支出 233.37元 占财政拨款收支总预算 1000.00元 的 23.34%，文中 23.33% 仅在舍入范围内一致（可能为截尾）"),
        ("JX-TEXT-002", "info", "16.67", "16.66",
         "住房保障支出 166.63元 占财政拨款收支总预算 1000.00元 的 16.66%，文中 16.67% 仅差末位一个单位"
         "（各项占比之和凑足100%）"),
    ]


def test_a_share_one_unit_off_among_shares_short_of_the_whole_is_an_error() -> None:
    assert [finding[:4] for finding in findings_of(BALANCED.format(first="60.00", second="23.34", third="16.67"))] \
        == [("JX-TEXT-002", "error", "16.67", "16.66")]
