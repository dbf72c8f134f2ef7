"""The two breakdowns of 年度资金总额 (按收入性质分, 按支出性质分) written row by row, items
interleaved: each item goes to its breakdown by its name."""

from __future__ import annotations

from jixiao.documents import Document, parse_flat_text
from jixiao.extract.tables.splits import split_claims
from jixiao.extract.tables.text_view import text_view

FORM = ("按收入性质分:{income} 按支出性质分:{nature} 其中:一般公共预算:1020.15 其中:基本支出:640.20 "
        "政府性基金拨款: 项目支出:550.15 其他资金:200.00 年度总体目标:完成")


def claims(text: str) -> list[tuple[str, str, list[str], str]]:
    return [(c.what, c.stated.number.written, [t.label for t in c.terms], c.parts)
            for c in split_claims(text_view(Document("r.txt", "text", parse_flat_text(text), text)))]


def test_items_go_to_their_breakdown_by_name_and_an_empty_item_counts_as_nothing() -> None:
    assert claims(FORM.format(income="1220.15", nature="1190.35")) == [
        ("按收入性质分", "1220.15", ["一般公共预算", "其他资金"], ""),
        ("按支出性质分", "1190.35", ["基本支出", "项目支出"], ""),
        ("按支出性质分", "1190.35", ["一般公共预算", "其他资金"], "按收入性质分"),
    ]


def test_the_entries_end_at_a_label_of_neither_breakdown() -> None:
    text = "按支出性质分:1190.35 年度总体目标:1 基本支出:640.20 项目支出:550.15"
    assert claims(text) == []


def test_one_item_with_an_amount_among_items_named_empty_is_the_whole_breakdown() -> None:
    text = ("按收入性质分:830.40 按支出性质分:830.40 其中:一般公共预算:830.40 其中:基本支出:700.00 "
            "政府性基金拨款: 项目支出:130.40 其他资金: 年度总体目标")
    assert claims(text) == [
        ("按收入性质分", "830.40", ["一般公共预算"], ""),
        ("按支出性质分", "830.40", ["基本支出", "项目支出"], ""),
        ("按支出性质分", "830.40", ["一般公共预算"], "按收入性质分"),
    ]
    # one item named only: no breakdown to check
    assert claims("按收入性质分:830.40 一般公共预算:830.40 年度总体目标") == []
