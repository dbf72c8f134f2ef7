"""Normalised prose keeps a map back to every character as written."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from jixiao.extract.normalise import _ASCII, normalise, normalised_text, simplified


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
