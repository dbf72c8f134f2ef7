"""Normalised prose keeps a map back to every character as written."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from jixiao.extract.normalise import _ASCII, _THOUSANDS, _separators, normalise, normalised_text, simplified


def test_each_spelling_becomes_one() -> None:
    source = "預(yù)算執行1,234.56萬元,占１２．５%;(一)學(xué)校"
    result = normalise(source)
    assert result.text == "预算执行1234.56万元，占12.5%；（一）学校"
    start = result.text.index("1234.56")
    assert result.source_span(start, start + len("1234.56")) == (source.index("1,234.56"), source.index("萬"))


def test_list_commas_are_not_thousands_separators() -> None:
    assert normalise("各是4125.49,4143.91万元").text == "各是4125.49，4143.91万元"
    assert normalise("2022,2023年").text == "2022，2023年"


@given(st.text())
def test_every_character_maps_into_the_source(source: str) -> None:
    result = normalise(source)
    assert len(result.origin) == len(result.text) + 1
    assert list(result.origin) == sorted(set(result.origin))
    assert all(0 <= index <= len(source) for index in result.origin)


def test_every_character_of_the_basic_plane_is_spelled_as_alone() -> None:
    """Only the characters that may change are looked up: every other one is its own spelling
    (full width to ASCII, then OpenCC t2s on the character alone)."""
    for code in range(0x10000):
        char = chr(code)
        assert normalised_text(char) == simplified(char.translate(_ASCII)), hex(code)


@given(st.text())
def test_the_text_alone_is_the_normalised_text(source: str) -> None:
    assert normalised_text(source) == normalise(source).text


@given(st.text(alphabet="0123456789١٢,，.．x（", max_size=40))
def test_separators_are_the_thousands_pattern_s_matches(source: str) -> None:
    """The pattern tried at the digits before a comma only finds what it finds run over the
    whole text (Arabic-Indic digits are digits to it too)."""
    everywhere = {match.start(2) + offset for match in _THOUSANDS.finditer(source)
                  for offset, char in enumerate(match[2]) if char in ",，"}
    assert _separators(source) == everywhere


def test_thousands_separators_are_dropped_only_in_numbers_grouped_from_their_start() -> None:
    assert normalise("收入1,234,567.89元，12345,678元，3.1,234元，678,901,2345").text == \
        "收入1234567.89元，12345，678元，3.1，234元，678901，2345"
