"""The breakdowns of a 政府采购 amount, each checked whole wherever the text writes it."""

from __future__ import annotations

from extract.test_funds_glued import audit

TEXT = ("(二)政府采购预算情况。\n2024 年政府采购预算 {whole} 元,同比增加 3000 元。其中:政府集中采购预算\n"
        "20000 元,占政府采购预算的 80%;分散采购 5000 元,占 20%。按政府采购项目类型,分为货物类采购、工程类采购和\n"
        "服务类采购三种类型。其中:货物类采购 12000 元;工程类采购 0 元;服\n务类采购 {service} 元。\n")


def test_each_split_of_the_amount_is_checked() -> None:
    held_text = TEXT.format(whole="25000", service="13000")
    at = held_text.index("25000")
    findings, held = audit(held_text)
    assert findings == []
    # two splits: by how it is bought and by what is bought
    assert [entry for entry in held if entry[0] == "JX-TABLE-004"] == [("JX-TABLE-004", "25000", at)] * 2
    wrong = TEXT.format(whole="25000", service="3000")
    assert audit(wrong)[0] == [("JX-TABLE-004", "error", "25000", "15000", at)]


def test_a_split_with_a_kind_unnamed_or_in_another_unit_is_not_read() -> None:
    text = TEXT.format(whole="25000", service="13000").replace("分散采购 5000 元", "分散采购 0.5 万元")
    findings, held = audit(text.replace("服\n务类采购 13000 元", "其他"))
    assert findings == [] and not [entry for entry in held if entry[0] == "JX-TABLE-004"]
