"""A score table flattened to space-separated lines, one row a line: 分值 and 得分 read from the
right of each row, block weights against their rows."""

from __future__ import annotations

from claim_reading import Read, read_claims
from jixiao.extract.tables.scores.rows import score_row_claims

HEADER = "绩效指标 一级指标 二级指标 三级指标 年度 实际 分值 得分 偏差原因分析及改进措施\n指标值 完成值\n"


def read(text: str) -> list[Read]:
    return read_claims(score_row_claims, text)


def test_the_last_two_bare_numbers_of_a_row_are_its_points() -> None:
    text = HEADER + ("产出指标 数量指标 指标1:修缮建筑面积 6000平方米 6000平方米 7 7\n"
                     "质量指标 指标1:验收通过率 100% 95% 6 8 验收未全部通过\n")
    assert read(text) == [
        ("JX-TABLE-003", "指标1:修缮建筑面积", "7", ["7"], text.index("7 7") + 2, None),
        ("JX-TABLE-003", "指标1:验收通过率", "8", ["6"], text.index("6 8") + 2, "指标1:验收通过率的得分 8 超过分值 6")]


def test_a_pair_on_a_line_of_its_own_belongs_to_the_row_before() -> None:
    text = HEADER + "数量指标 指标1:修缮建筑数量 完成罗氏宗祠日常维护\n7 6\n"
    assert read(text) == [("JX-TABLE-003", "指标1:修缮建筑数量", "6", ["7"], text.index("7 6") + 2, None)]


def test_three_bare_numbers_or_columns_between_the_points_leave_the_row_unread() -> None:
    assert read(HEADER + "数量指标 发放人数 100 95 6\n") == []
    apart = "二级指标 三级指标 分值 年度指标值 全年实际值 得分\n"
    assert read(apart + "数量指标 种植面积 10 5.5亩 5.5亩 9\n") == []
    # Only the two points stated, the values left empty: they are the points.
    assert read(apart + "质量指标 ★种植作物成活率 10 9\n")[0][2:4] == ("9", ["10"])


def test_a_block_weight_against_its_rows_when_they_reach_it() -> None:
    rows = "(50分)\n数量指标 全年免费开放 100% 100% 25 25\n质量指标 管理制度 100% 100% {weight} 25\n(30分)\n"
    text = HEADER + rows.format(weight="25")
    assert read(text)[2] == ("JX-TABLE-001", "一级指标的分值", "50", ["25", "25"], text.index("50分"), None)
    text = HEADER + rows.format(weight="30")
    assert read(text)[2][5] == "一级指标的分值 50 与各项分值之和 55 不一致（相差 5）"
    # Rows short of the weight: one may have been missed or cut off, no finding.
    assert [claim[0] for claim in read(HEADER + rows.format(weight="20"))] == ["JX-TABLE-003"] * 2


def test_a_total_line_against_the_rows() -> None:
    rows = "数量指标 发放人数 1260人 1244人 60 58\n满意度指标 满意度 ≥90% 91% 40 39\n"
    text = HEADER + rows + "总分 100 {score}\n"
    held = text.format(score="97")
    assert [claim[:4] + claim[5:] for claim in read(held)[2:]] == [
        ("JX-TABLE-001", "总分的分值", "100", ["60", "40"], None),
        ("JX-TABLE-002", "总分（得分）", "97", ["58", "39"], None),
        ("JX-TABLE-003", "总分", "97", ["100"], None)]
    assert read(held)[3][4] == held.index("97")
    assert read(text.format(score="99"))[3][5] == "总分（得分） 99 与各项得分之和 97 不一致（相差 2）"


def test_a_total_line_over_rows_short_of_it_judges_no_score() -> None:
    # The rows' 分值 add up to 90: a row (the 执行率's) is elsewhere, the 得分 cannot be summed.
    text = HEADER + "数量指标 发放人数 1260人 1244人 50 48\n满意度指标 满意度 ≥90% 91% 40 39\n总分 100 97\n"
    assert [claim[0] for claim in read(text)] == ["JX-TABLE-003"] * 3
    over = HEADER + "数量指标 发放人数 1260人 1244人 70 68\n满意度指标 满意度 ≥90% 91% 40 39\n总分 100 97\n"
    assert read(over)[2][5] == "总分的分值 100 与各项分值之和 110 不一致（相差 10）"
