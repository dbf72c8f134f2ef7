"""A reader passes a run at once when it lacks the words every match of the reader's patterns
contains: the words are in every match, so no run with a match is passed over."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.extract.prose import count_sums, counts, rates, sums

PIECES = st.sampled_from([
    "其中", "主要包括", "包括", "分别为", "分别是", "具体为", "，为", "为", "内设", "设有", "共有", "共", "即",
    "分为", "个", "项", "种", "类", "科室", "：", "，", "。", "；", "、", "和", "3", "12", "三", "年初", "剩余",
    "其余", "完成预算的", "完成年初预算", "执行率", "完成率", "为", "98.5", "%", "项目", "部分",
])
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=2)), max_size=30).map("".join)

GATED: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    *counts._PATTERNS,
    (rates.RATE_OF_BUDGET, ("完成", "执行率")),
    (count_sums._BROKEN_DOWN, ("：",)),
    (count_sums._COLON_LIST, ("：",)),
    (count_sums._YEAR_TOTAL, ("共",)),
    (count_sums._REST, ("其中",)),
    (count_sums._REST, ("剩余", "其余")),
)


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_every_match_holds_one_of_the_words_its_reader_tests_first(text: str) -> None:
    for pattern, words in GATED:
        for match in pattern.finditer(text):
            assert any(word in match.group() for word in words), (pattern.pattern, match.group())
    if any(pattern.search(text) for pattern, _ in counts._PATTERNS):
        assert counts._ANY_WORD.search(text) is not None


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_a_list_keyword_is_tried_where_its_first_character_stands(text: str) -> None:
    for index in range(len(text)):
        assert sums._opens_list(text, index) == (sums._LIST.match(text, index) is not None)
