"""The figure pattern that skips to digits finds what the plain reading of :data:`NUMBER`
followed by a unit finds: the same figures, numbers and units, at the same places."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from jixiao.extract.amounts import _FIGURE, BARE_WAN, MONEY, NUMBER, PERCENT

PLAIN = re.compile(rf"(?<![0-9０-９.．,])(?P<number>{NUMBER})\s*(?P<unit>{MONEY}|{BARE_WAN}|{PERCENT})")
"""The figure as :data:`NUMBER` spells it: a lookbehind, then the number, then its unit."""
prose = st.text("0123456789０１２３４５６７８９٣.．,，万元亿%％ 支出人为共", max_size=40)


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, ...]]:
    return [(*match.span("number"), *match.span("unit")) for match in pattern.finditer(text)]


@settings(max_examples=1000, deadline=None)
@given(prose)
@example("支出1,234.56万元，占93.54%")
@example("12,34万元1,234,5678元")
@example("٣,٤٥٦万元和１２．５％")
@example(".5万元,5万元 ．5%")
def test_figures_are_found_as_the_plain_pattern_finds_them(text: str) -> None:
    assert spans(_FIGURE, text) == spans(PLAIN, text)
