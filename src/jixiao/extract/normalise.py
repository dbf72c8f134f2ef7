"""Prose normalised for reading claims, with every character's offset in the source kept.

Published reports reach us as full-width digits (１２３．４５), half-width punctuation
(“4125.49,4143.91万元,占93.54%”), thousands separators (1,234.56), traditional script from
mirror sites (預算執行) and conversion debris after it (“學(xué)”: the pinyin of a character in
brackets). Claims read one spelling of all of these:

* full-width ASCII becomes ASCII (digits, letters, ``%``, ``.``); the ideographic space a space;
* half-width ``, ; : ( ) ! ?`` become the Chinese marks ``，；：（）！？``;
* a comma between digit groups (``1,234,567.89``) is dropped;
* a bracket of lower-case pinyin right after a Chinese character is dropped;
* every traditional character becomes its simplified form, one character for one (OpenCC
  ``t2s`` on the character alone), so no offset moves.

:attr:`Normalised.origin` maps each character of the result back to the source, so a place
found in the normalised text is a place in the text as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import opencc  # type: ignore[import-untyped]

_ASCII = str.maketrans({
    **{chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)},
    "\u3000": " ",
    ",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？",
})
# Full-width punctuation maps back to the Chinese marks, not to ASCII.
_ASCII.update({ord(mark): mark for mark in "，；：（）！？"})
_PINYIN = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]")
_GROUP = re.compile(r"[,，]\d{3}")
_THOUSANDS = re.compile(r"(?<![\d.．])(\d{1,3})((?:[,，]\d{3})+)(?!\d)")


@dataclass(frozen=True, slots=True)
class Normalised:
    """``text`` normalised; ``origin[i]`` is the source index of ``text[i]``, and
    ``origin[len(text)]`` the source length (a ``range`` when nothing was dropped: most text
    maps to itself, and a run has thousands of characters)."""

    text: str
    origin: Sequence[int]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source offsets of ``text[start:end]``."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@cache
def simplified(char: str) -> str:
    """The simplified form of one character (itself when it has no one-character form)."""
    if char.isascii():
        return char
    converted = _converter().convert(char)
    return converted if len(converted) == 1 else char


class _Spelling(dict[int, str]):
    """Every character's normalised spelling (``str.translate`` table), worked out once: full
    width to ASCII, then simplified; always one character for one."""

    def __missing__(self, code: int) -> str:
        spelled = self[code] = simplified(chr(code).translate(_ASCII))
        return spelled


_SPELLING = _Spelling()


@cache
def _respelled() -> re.Pattern[str]:
    """A character whose spelling may change: full width (but the Chinese marks), the
    ideographic space, the half-width marks, every character OpenCC's ``t2s`` has an entry for,
    and (rare) anything beyond the basic plane. Finding these few in a run of plain simplified
    Chinese is several times quicker than respelling every character."""
    _converter().convert("\u9810")  # its dictionaries load on the first conversion
    entries = {key for _, _, entry in _converter().dict_cache.values() for key in entry if len(key) == 1}
    wide = (chr(code) for code in range(0xFF01, 0xFF5F) if chr(code) not in "，；：（）！？")
    basic = sorted(char for char in {*entries, *wide, "\u3000", *",;:()!?"} if ord(char) <= 0xFFFF)
    return re.compile("[" + "".join(map(re.escape, basic)) + "\U00010000-\U0010ffff]")


def _respell(match: re.Match[str]) -> str:
    return _SPELLING[ord(match[0])]


def normalise(source: str) -> Normalised:
    text = _respelled().sub(_respell, source)
    dropped = _dropped(source)
    if not dropped:
        return Normalised(text, range(len(source) + 1))
    kept = [index for index in range(len(source)) if index not in dropped]
    return Normalised("".join(text[index] for index in kept), (*kept, len(source)))


def normalised_text(source: str) -> str:
    """``normalise(source).text``, without mapping it back: a cell or a label is read by the
    hundred in a report, and most need no place."""
    text = _respelled().sub(_respell, source)
    dropped = _dropped(source)
    return "".join(char for index, char in enumerate(text) if index not in dropped) if dropped else text


def _dropped(source: str) -> set[int]:
    """Indices of thousands separators and pinyin debris."""
    dropped = _separators(source) if "," in source or "，" in source else set()
    if "(" not in source and "（" not in source:
        return dropped  # pinyin debris is bracketed
    for match in _PINYIN.finditer(source):
        if match.start() > 0 and _is_han(source[match.start() - 1]):
            dropped.update(range(match.start(), match.end()))
    return dropped


def _separators(source: str) -> set[int]:
    """Indices of the thousands separators: the matches of :data:`_THOUSANDS`, in its own order.
    Such a number's first group is the whole run of digits before a comma of :data:`_GROUP`, so
    the pattern is tried there only: tried at every digit of a report, it takes most of the
    time of normalising it."""
    dropped: set[int] = set()
    searched = 0  # where the last number ends: a later one starts after it
    for group in _GROUP.finditer(source):
        start = group.start()
        while start > searched and group.start() - start <= 3 and source[start - 1].isdecimal():
            start -= 1  # ``\d`` is a decimal digit (Unicode category Nd), as ``isdecimal``
        if start == group.start():
            continue
        match = _THOUSANDS.match(source, start)  # its look-behind sees the text before ``start``
        if match is not None:
            dropped.update(match.start(2) + offset for offset, char in enumerate(match[2]) if char in ",，")
            searched = match.end()
    return dropped


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"
