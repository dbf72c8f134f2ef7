"""Ledger blocks broken down into ledger blocks: which blocks are the parts is read from their
totals, and each row of the whole is checked against the same rows of the parts."""

from __future__ import annotations

from pathlib import Path

from jixiao.audit import audit_file

LEDGERS = (
    "补助资金合计(万元) 年度资金总额: 926.40\n其中:中央资金 512.00\n省级资金 288.60\n县级资金 125.80\n其中:\n"
    "甲资金(万元)\n年度资金总额: 604.10\n其中:中央资金 340.00\n省级资金 190.30\n县级资金 73.80\n其中:\n"
    "乙资金(万元)\n年度资金总额: {part}\n其中:中央资金 172.00\n省级资金 {province}\n县级资金 {county}\n"
)


def brief(tmp_path: Path, text: str) -> list[tuple[str, str | None, str | None, str]]:
    path = tmp_path / "ledgers.txt"
    path.write_text(text, encoding="utf-8")
    return [(f.code, f.stated, f.expected, f.message) for f in audit_file(path).findings]


def test_each_row_of_the_whole_against_the_same_rows_of_its_parts(tmp_path: Path) -> None:
    # 乙's rows add up (172.00 + 99.30 + 51.00 = 322.30), but 省级资金 190.30 + 99.30 is not 288.60
    # and 县级资金 73.80 + 51.00 is not 125.80.
    assert brief(tmp_path, LEDGERS.format(part="322.30", province="99.30", county="51.00")) == [
        ("JX-TABLE-004", "288.60", "289.60", "补助资金 省级资金 288.60 与各项之和 289.6 不一致（相差 1）"),
        ("JX-TABLE-004", "125.80", "124.80", "补助资金 县级资金 125.80 与各项之和 124.8 不一致（相差 1）"),
    ]


def test_rows_that_add_up_say_nothing(tmp_path: Path) -> None:
    assert brief(tmp_path, LEDGERS.format(part="322.30", province="98.30", county="52.00")) == []


def test_blocks_whose_totals_do_not_add_up_to_the_whole_are_not_its_parts(tmp_path: Path) -> None:
    # 604.10 + 323.30 is not 926.40: the blocks are not the whole's parts, and their rows say nothing.
    assert brief(tmp_path, LEDGERS.format(part="323.30", province="99.30", county="52.00")) == []
