"""A change against last year whose levels were stated for each year in earlier sentences."""

from __future__ import annotations

from extract.test_change_partitions import findings_of
from jixiao.extract.amounts import depths, figures

LEVELS = (
    "一、2024年一般性支出决算为18.40万元，其中：会议费6.20万元，培训费12.20万元。\n"
    "二、2023年一般性支出决算为15.75万元，其中：会议费4.65万元，培训费11.10万元。\n"
    "三、变动情况：会议费比上年增加{delta}万元，增长{rate}%；培训费比上年增加1.10万元，增长9.91%。\n"
)


def test_a_change_is_checked_against_the_levels_stated_before() -> None:
    assert findings_of(LEVELS.format(delta="1.55", rate="30.11")) == [(
        "JX-TEXT-007", "error", "30.11", "33.33",
        "2024年会议费 6.20万元，2023年会议费 4.65万元，应增长 33.33%，与文中会议费增长率 30.11% 不一致",
    )]


def test_a_wrong_change_amount_is_an_error() -> None:
    assert findings_of(LEVELS.format(delta="1.45", rate="33.33")) == [(
        "JX-TEXT-005", "error", "1.45", "1.55",
        "2024年会议费 6.20万元 − 2023年会议费 4.65万元 = 1.55万元，与文中 会议费增减额 1.45万元 不一致",
    )]


def test_right_changes_say_nothing() -> None:
    assert findings_of(LEVELS.format(delta="1.55", rate="33.33")) == []


def test_levels_of_another_basis_are_not_compared() -> None:
    text = LEVELS.format(delta="1.45", rate="30.11").replace("二、2023年一般性支出决算", "二、2023年一般性支出预算")
    assert findings_of(text) == []


def test_an_item_stated_twice_for_one_year_is_ambiguous() -> None:
    text = LEVELS.format(delta="1.45", rate="30.11").replace("三、", "2024年会议费5.00万元。\n三、")
    assert findings_of(text) == []


BARE_WAN = (
    "全区2023年“三公”经费决算数合计为{current},2022年“三公”经费决算数合计为587.40万。\n"
    "2023年“三公”经费决算数相较于上年增加{delta}万元,主要原因是:\n"
)


def test_levels_in_one_sentence_written_in_bare_wan_against_a_change_stated_with_xiangjiao() -> None:
    # Each level takes the year of its own clause; 万 alone is 万元 where the label names money.
    assert findings_of(BARE_WAN.format(current="642.18万", delta="72.35")) == [(
        "JX-TEXT-005", "error", "72.35", "54.78",
        "2023年“三公”经费决算 642.18万元 − 2022年“三公”经费决算 587.40万元 = 54.78万元，"
        "与文中 “三公”经费决算增减额 72.35万元 不一致",
    )]
    assert findings_of(BARE_WAN.format(current="642.18万", delta="54.78")) == []


def test_a_bare_wan_is_an_amount_only_where_its_label_names_money() -> None:
    def read(text: str) -> list[tuple[str, str]]:
        return [(f.label, str(f.number)) for f in figures(text, depths(text))]

    assert read("经费合计为642.18万，资金到位5万。") == [("经费", "642.18万元"), ("资金到位", "5万元")]
    assert read("受益群众达5.2万，培训1.5万人次，支出3万余元。") == []
