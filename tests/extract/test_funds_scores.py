"""The 分值 and 得分 of a funds row (年度资金总额 and its 其中 rows): the 得分 at most the 分值."""

from __future__ import annotations

from jixiao.documents import Document, parse_flat_text
from jixiao.extract.tables.claims import check_table_claim
from jixiao.extract.tables.funds import funds_claims
from jixiao.extract.tables.scores.table import SCORE_CAP

HEADINGS = "项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"


def caps(text: str) -> list[tuple[str, str, str, int | None, str | None]]:
    document = Document(file="r.txt", format="text", blocks=parse_flat_text(text), text=text)
    found = []
    for claim in funds_claims(document):
        if claim.code == SCORE_CAP:
            finding = check_table_claim(claim)
            found.append((claim.what, claim.stated.number.written, claim.terms[0].number.written,
                          claim.stated.cell.place.start, None if finding is None else finding.message))
    return found


def test_a_rate_written_as_a_fraction_is_read_by_the_headings() -> None:
    text = HEADINGS + "(万元) 年度资金总额 29 29 27.8 9 0.958 8\n其中:当年财政拨款 29 29 27.8 9 0.958 {score}\n"
    assert caps(text.format(score="8")) == [
        ("年度资金总额", "8", "9", text.index("8\n"), None),
        ("当年财政拨款", "8", "9", len(text.format(score="8")) - 2, None)]
    assert caps(text.format(score="10"))[1][4] == "当年财政拨款的得分 10 超过分值 9"


def test_around_a_rate_in_percent_the_weight_is_before_it_and_the_score_after() -> None:
    text = HEADINGS + "年度资金总额 38.40 37.92 10 98.75% 11\n"
    assert caps(text) == [("年度资金总额", "11", "10", text.index("11"), "年度资金总额的得分 11 超过分值 10")]


def test_a_row_without_a_score_heading_states_no_score() -> None:
    assert caps("年初预算数 全年预算数 全年执行数 分值 执行率\n年度资金总额 38.40 37.92 10 98.75% 9\n") == []
    # Fewer figures than headings and no %: the columns cannot be told.
    assert caps(HEADINGS + "年度资金总额 29 27.8 9 8\n") == []


def test_a_score_heading_that_states_the_weight_in_its_rule() -> None:
    text = ("预算执行情况(万元) (20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (20分*执行率) | |||\n"
            "年度财政资金总额 | 5 | 5 | 100% | {score} | |||\n")
    held = text.format(score="20")
    assert caps(held) == [("年度资金总额", "20", "20", held.index("| 20 |") + 2, None)]
    assert caps(text.format(score="21"))[0][4] == "年度资金总额的得分 21 超过分值 20"
