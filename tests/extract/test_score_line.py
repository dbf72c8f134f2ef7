"""A 自评表 flattened to one line: the 总分's pair found by the arithmetic of the others."""

from __future__ import annotations

from jixiao.documents import Document, parse_flat_text
from jixiao.extract.tables.claims import check_table_claim
from jixiao.extract.tables.scores.line import score_line_claims

LINE = ("项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额 38.40 37.92 10 98.75% 9 "
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因 {total} 产出指标 (50分) 数量指标 "
        "发放人数 1260人 1244人 50 48 效益指标 (30分) 社会效益 改善 明显 30 {benefit} 满意度指标 满意度 ≥90% 91% 10 9 合计")


def brief(text: str) -> list[tuple[str, str, list[str], bool]]:
    document = Document(file="r.txt", format="text", blocks=parse_flat_text(text), text=text)
    return [(c.stated.number.written, c.what, [t.number.written for t in c.terms], check_table_claim(c) is None)
            for c in score_line_claims(document)]


def test_the_total_pair_is_the_one_whose_weight_the_others_add_up_to() -> None:
    assert brief(LINE.format(total="100 96", benefit="30")) == [
        ("96", "总分（得分）", ["9", "48", "30", "9"], True)]
    assert brief(LINE.format(total="100 97", benefit="30")) == [
        ("97", "总分（得分）", ["9", "48", "30", "9"], False)]


def test_no_pair_adding_up_to_the_others_is_no_total() -> None:
    assert brief(LINE.format(total="90 86", benefit="30")) == []
    # A 得分 above its 分值 is not a pair of points.
    assert brief(LINE.format(total="100 96", benefit="31")) == []
