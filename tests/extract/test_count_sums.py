"""Counts stated as sums of counts of the same things: a breakdown after a colon, and a year's
count as its count at the start of the year and the counts added during it."""

from __future__ import annotations

from extract.test_change_partitions import findings_of

GRADES = "抽查的{total}个项目审核等级为：2个项目评为优，占8.00%；17个项目评为良；5个项目评为中。"
YEAR = "本中心实施信息化项目共{total}个（含续建项目3个），年初批复6个项目420万元，年中追加6个项目。"


def test_a_count_broken_down_after_a_colon() -> None:
    assert findings_of(GRADES.format(total="25")) == [
        ("JX-TEXT-001", "error", "25", "24", "项目数 25个 与评为优、评为良、评为中之和 24个 不一致（相差 1个）")]
    assert findings_of(GRADES.format(total="24")) == []


def test_a_breakdown_with_other_clauses_or_after_qizhong_is_not_read_whole() -> None:
    assert findings_of(GRADES.format(total="25").replace("5个项目评为中", "其余评为中")) == []
    assert findings_of(GRADES.format(total="25").replace("为：", "为：其中")) == []


def test_a_years_count_is_its_opening_count_and_the_counts_added() -> None:
    assert findings_of(YEAR.format(total="11")) == [
        ("JX-TEXT-001", "error", "11", "12", "项目数 11个 与年初批复、年中追加之和 12个 不一致（相差 1个）")]
    assert findings_of(YEAR.format(total="12")) == []
    # Without the count at the start of the year the counts named are not the whole.
    assert findings_of(YEAR.format(total="11").replace("年初批复", "其中批复")) == []
