"""A change stated with its amount and its rate whose 上年 the report states elsewhere: in the row
of the same item of a table with a 上年 column, or in an earlier sentence by name and year."""

from __future__ import annotations

from jixiao.documents import Document, parse_flat_text
from jixiao.extract.prose import check_claims, extract_claims

Placed = tuple[str, str, str | None, str | None, int | None, str]


def findings_of(text: str) -> list[Placed]:
    doc = Document(file="report.txt", format="text", blocks=parse_flat_text(text), text=text)
    return [(f.code, f.severity.value, f.stated, f.expected, f.where.line, f.message)
            for f in check_claims(extract_claims(doc))]


TABLE = ("（三）“三公”经费支出情况\n"
         "2023年公务接待费2.00万元，对比上年减少{delta}万元，下降{rate}%。\n"
         "“三公”经费对比表{unit}\n"
         "| 项目 | 2023年 | {prior} | 增减额 | 增减率 |\n"
         "| 公务接待费 | {current} | 2.40 | -0.30 | -16.67% |\n")


def table(delta: str = "0.30", rate: str = "16.67", unit: str = "（万元）", prior: str = "上年",
          current: str = "2.00") -> str:
    return TABLE.format(delta=delta, rate=rate, unit=unit, prior=prior, current=current)


DERIVED = ("JX-TEXT-003", "error", "16.67", "13.04", 2,
           "公务接待费 2.00万元 比上年减少 0.30万元（上年 2.30万元），应下降 13.04%，与文中公务接待费下降率 16.67% 不一致")
"""The change read with its 上年 worked out from its amount: 2.00 + 0.30."""


def test_the_amount_is_checked_against_the_tables_prior_of_the_same_item() -> None:
    assert findings_of(table()) == [(
        "JX-TEXT-005", "error", "0.30", "0.40", 2,
        "公务接待费上年 2.40万元 − 公务接待费 2.00万元 = 0.40万元，与文中 比上年减少 0.30万元 不一致")]


def test_the_rate_is_checked_against_the_tables_prior() -> None:
    assert findings_of(table(delta="0.40", rate="20.00", prior="上年决算数")) == [(
        "JX-TEXT-007", "error", "20.00", "16.67", 2,
        "公务接待费 2.00万元，公务接待费上年决算数 2.40万元，应下降 16.67%，与文中公务接待费下降率 20.00% 不一致")]
    assert findings_of(table(delta="0.40", prior="上年数")) == []


def test_a_row_stating_another_current_amount_or_a_table_without_its_unit_gives_no_prior() -> None:
    assert findings_of(table(current="2.10")) == [DERIVED]
    assert findings_of(table(unit="")) == [DERIVED]
    assert findings_of(table(prior="上年预算")) == [DERIVED]


LEVELS = ("2022年公务接待费支出{basis}2.40万元，公务用车运行维护费1.00万元。{again}\n"
          "2023年公务接待费支出2.00万元，{compare}减少{delta}万元，下降{rate}%。\n")


def levels(compare: str = "比上年", delta: str = "0.30", rate: str = "16.67", basis: str = "",
           again: str = "") -> str:
    return LEVELS.format(compare=compare, delta=delta, rate=rate, basis=basis, again=again)


def derived_spending() -> Placed:
    code, severity, stated, expected, line, message = DERIVED
    return code, severity, stated, expected, line, message.replace("公务接待费", "公务接待费支出")


def test_the_amount_is_checked_against_the_prior_stated_in_an_earlier_sentence() -> None:
    assert findings_of(levels()) == [(
        "JX-TEXT-005", "error", "0.30", "0.40", 2,
        "2022年公务接待费支出 2.40万元 − 公务接待费支出 2.00万元 = 0.40万元，与文中 比上年减少 0.30万元 不一致")]
    assert findings_of(levels(delta="0.40")) == []


def test_a_comparison_naming_the_year_takes_that_years_level() -> None:
    assert findings_of(levels(compare="较2022年", delta="0.40", rate="20.00")) == [(
        "JX-TEXT-007", "error", "20.00", "16.67", 2,
        "公务接待费支出 2.00万元，2022年公务接待费支出 2.40万元，应下降 16.67%，与文中公务接待费支出下降率 20.00% 不一致")]
    assert findings_of(levels(compare="较2021年")) == [derived_spending()]


def test_a_level_of_another_basis_or_stated_twice_gives_no_prior() -> None:
    assert findings_of(levels(basis="预算")) == [derived_spending()]
    assert findings_of(levels(again="2022年公务接待费支出2.50万元。")) == [
        ("JX-TEXT-009", "warning", "2.50", "2.40", 1,
         "公务接待费支出 在第 1 行为 2.40万元，此处为 2.50万元，同一数字前后不一致（请核对口径）"),
        derived_spending()]
