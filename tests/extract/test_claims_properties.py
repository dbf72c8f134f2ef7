"""Claims never raise on arbitrary text, and consistent sentences never give an error."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.documents import Document, parse_flat_text
from jixiao.extract.prose import check_claims, extract_claims
from jixiao.findings import Severity

PIECES = st.sampled_from([
    "基本支出", "其中：", "包括", "万元", "元", "%", "，", "。", "；", "（", "）", "占", "的", "比上年", "同比",
    "较上年", "增加", "减少", "增长", "下降", "完成预算的", "执行率", "差值为", "内设", "个科室", "、", "和",
    "等", "中，", "\n", "1,234.5", "12", "0", "3.", "預算", "學(xué)", "１２．３", "三", "分别是",
])


def document(text: str) -> Document:
    return Document(file="report.txt", format="text", blocks=parse_flat_text(text), text=text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=40).map("".join))
def test_arbitrary_text_never_raises(text: str) -> None:
    findings = check_claims(extract_claims(document(text)))
    for finding in findings:
        assert finding.where.start is not None and finding.where.end is not None
        assert 0 <= finding.where.start <= finding.where.end <= len(text)


AMOUNTS = st.integers(min_value=1, max_value=10_000_000).map(lambda cents: Decimal(cents) / 100)


def _text(value: Decimal, decimals: int = 2) -> str:
    return str(value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


@settings(max_examples=200, deadline=None)
@given(st.lists(AMOUNTS, min_size=2, max_size=5), st.sampled_from([",", "，"]))
def test_consistent_breakdowns_and_shares_give_no_error(parts: list[Decimal], comma: str) -> None:
    total = sum(parts, Decimal(0))
    items = "；".join(f"项目{chr(0x4e00 + i)}支出{_text(p)}万元{comma}占基本支出的{_text(p / total * 100)}%"
                     for i, p in enumerate(parts))
    text = f"2023年基本支出{_text(total)}万元{comma}其中：{items}。"
    findings = check_claims(extract_claims(document(text)))
    assert [f for f in findings if f.severity is not Severity.INFO] == []


@settings(max_examples=200, deadline=None)
@given(AMOUNTS, AMOUNTS, st.booleans())
def test_consistent_changes_and_rates_give_no_error(current: Decimal, prior: Decimal, budget_first: bool) -> None:
    change = current - prior
    way, rate_way = ("增加", "增长") if change >= 0 else ("减少", "下降")
    rate = _text(abs(change) / prior * 100)
    text = (f"公务接待费支出{_text(current)}万元，较上年{way}{_text(abs(change))}万元，{rate_way}{rate}%。"
            f"“三公”经费预算为{_text(prior)}万元，支出决算为{_text(current)}万元，"
            f"完成预算的{_text(current / prior * 100)}%。")
    findings = check_claims(extract_claims(document(text)))
    assert [f for f in findings if f.severity is not Severity.INFO] == []
