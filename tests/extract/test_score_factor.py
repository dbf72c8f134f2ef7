"""Rows that give a rate, a weight and a score run together (“100%1010是”): split where the
score is the rate times the weight, each score against its weight."""

from __future__ import annotations

from claim_reading import Read, read_claims
from jixiao.extract.tables.scores.factor import score_factor_claims

TEXT = ("部门整体绩效自评表年初预算数全年预算数全年执行数执行率(%)执行率权重执行率得分(分)X82%108.2当年绩效目标无\n"
        "指标名称计量单位指标性质年初指标值全年完成值得分系数(%)指标权重(分)指标得分(分)是否核心指标"
        "培训次数次定量指标≥4次5次100%1010是信息公开率%100%80%{rate}%{pair}否投诉办结率%100%100%12否")


def read(text: str) -> list[Read]:
    return read_claims(score_factor_claims, text)


def test_weight_and_score_split_where_the_rate_gives_the_score() -> None:
    text = TEXT.format(rate="80", pair="54")
    assert read(text) == [
        ("JX-TABLE-003", "执行率", "8.2", ["10"], text.index("108.2") + 2, None),
        ("JX-TABLE-003", "培训次数次定量指标", "10", ["10"], text.index("1010是") + 2, None),
        ("JX-TABLE-003", "信息公开率", "4", ["5"], text.index("54否") + 1, None)]
    # “12” after 100%: 1 and 2 is no product of the rate, so the row is not read


def test_a_rate_above_100_percent_scores_above_the_weight() -> None:
    text = TEXT.format(rate="120", pair="56")
    assert read(text)[2] == ("JX-TABLE-003", "信息公开率", "6", ["5"], text.index("56否") + 1,
                             "信息公开率的得分 6 超过分值 5")


def test_digits_that_fit_the_rate_two_ways_are_not_read() -> None:
    # 50% of 10 is 5 and of 1 is 0.5: “105” is 10 | 5 only, “10.5” is no pair of a whole weight;
    # 0% of anything is 0: “100” is 10 | 0 or 1 | 00 (no reading), so it is read once
    assert [row[2:4] for row in read(TEXT.format(rate="50", pair="105"))][2] == ("5", ["10"])
    assert [row[2:4] for row in read(TEXT.format(rate="0", pair="100"))][2] == ("0", ["10"])


def test_a_total_stated_above_the_tables_at_most_what_the_lost_points_allow() -> None:
    rows = TEXT.format(rate="80", pair="54")
    held = "自评总分(分)97.2单位联系人" + rows
    assert read(held)[-1] == ("JX-TABLE-002", "自评总分", "97.2", ["10", "8.2", "10", "10", "5", "4"],
                              held.index("97.2"), None)
    above = "自评总分(分)98单位联系人" + rows
    assert read(above)[-1][5] == "自评总分 98 高于满分 100 减去各项已扣分 2.8 后的上限 97.2"
    # a total with no table in the lines after it bounds nothing
    assert [row[0] for row in read("自评总分(分)98\n\n\n\n\n" + rows)] == ["JX-TABLE-003"] * 3
