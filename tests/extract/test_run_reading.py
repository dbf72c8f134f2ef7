"""One run read once for every reader: what it finds is what each reader would find alone."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.documents import Document, parse_flat_text
from jixiao.extract.amounts import depths, figures
from jixiao.extract.prose import extract_claims
from jixiao.extract.prose.reading import RunText
from jixiao.extract.text_runs import line_starts, runs_of, sentence_end, sentence_start

PIECES = st.sampled_from([
    "基本支出", "其中：", "万元", "万", "亿元", "元", "%", "％", "，", "。", "！", "？", "!", "?", "；", "（", "）",
    "资金", "12", "3.45", "1,234.5", "１２．３", "比上年", "减少", "\n", "項目支出", "萬元",
])
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=40).map("".join)


def document(text: str) -> Document:
    return Document(file="report.txt", format="text", blocks=parse_flat_text(text), text=text)


def read_runs(text: str) -> list[RunText]:
    doc = document(text)
    return [RunText(run, line_starts(doc.text)) for run in runs_of(doc)]


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_a_run_passed_over_for_its_figures_states_none(text: str) -> None:
    for rt in read_runs(text):
        assert rt.figures == tuple(figures(rt.text, depths(rt.text)))
        assert rt.depth == depths(rt.text)
        assert rt.figures is rt.run.figures  # read once, on the run, for every reader of it


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_a_runs_sentences_are_those_the_text_marks(text: str) -> None:
    for rt in read_runs(text):
        for position in range(len(rt.text) + 1):
            assert rt.sentence_of(position) == (sentence_start(rt.text, position),
                                                sentence_end(rt.text, position))


def test_a_figure_stated_as_labelled_is_one_value_for_every_reader() -> None:
    (rt,) = read_runs("2023年基本支出132.71万元，比上年减少26.97万元。")
    amount, change = rt.figures
    assert rt.stated(amount) is rt.stated(amount)
    assert rt.stated(amount, "基本支出决算").label == "基本支出决算"
    assert rt.stated(change, sign=-1).sign == -1 and rt.stated(change).sign == 1


def test_the_claims_of_a_document_are_read_once() -> None:
    report = document("基本支出100万元，其中：人员经费60万元，公用经费30万元。")
    assert extract_claims(report) is extract_claims(report)
    assert extract_claims(document(report.text)) == extract_claims(report)
