"""Amounts (万元, 元, 亿元) and percentages stated in prose, with their labels.

The label of a figure is the text before it back to the previous punctuation mark, without the
year (“2023年”, “2024 年度”), the speaker (“我单位的”) and the verb (“数为”, “总数为”):
“2023年我单位的基本支出数为132.71万元” → 基本支出. An amount right after 增加/减少/增/减 (“比上年减少
26.97万元”, “较上年（减少）16.23万元”) is a *change*, not an amount of its own. The text is
normalised first (:mod:`jixiao.extract.normalise`): digits are ASCII, marks Chinese.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.numbers import NumberError, StatedNumber, Unit, parse_stated

NUMBER = r"(?=\d)(?<![0-9０-９])(?:\d{1,3}(?:,\d{3})+|[0-9０-９]+)(?:[.．][0-9０-９]+)?"
"""A figure as written, starting where its digits start: a pattern never tries every digit of a
long run as a start (a run of thousands of digits would cost quadratic time). The lookahead for
a digit comes first because it fails fastest: most characters of a run are not digits."""
MONEY = r"万元|亿元|元"
PERCENT = r"[%％]"
BARE_WAN = r"万(?![\u4e00-\u9fff0-9])"
"""万 alone, as some reports write 万元 (“合计为642.18万，”); not 万人, 万亩, 万余元 …"""
_FIGURE = re.compile(r"(?P<number>\d(?<![0-9０-９.．,]\d)"
                     r"(?:\d{0,2}(?:,\d{3})+|(?<=[0-9０-９])[0-9０-９]*)(?:[.．][0-9０-９]+)?)"
                     rf"\s*(?P<unit>{MONEY}|{BARE_WAN}|{PERCENT})")
"""A figure and its unit, not right after a digit, point or comma: :data:`NUMBER` written to
begin with the digit it consumes, so a search skips to the next digit in C instead of trying
every character of a run (twice as quick over prose)."""
_MONEY_WORDS = re.compile(r"经费|资金|支出|预算|决算|收入|拨款|费|金额|投资|补助|补贴")
"""Words that make a bare 万 an amount of money: the label must name what was paid."""
MAX_LABEL = 200
"""Characters before a figure its label may span (a label is a few words after a comma)."""
_LABEL_STOPS = re.compile(r"[，,。；;：:、！？!?\n]")
_LABEL_NOISE = (
    re.compile(r"^.*?\d{4}\s*年度?"),                                  # 2023年, 2024 年度
    re.compile(r"^(?:\d+\s*[.．、]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|[①-⑳])"),
    re.compile(r"^\d+(?=[\u4e00-\u9fff])(?![年月日个项名人次万亿元])"),  # page number: “6工资…”
    re.compile(r"^(?:我|本|该)(?:单位|部门|中心|局)的?"),
    re.compile(r"^(?:其中|包括|含|具体(?:是|为)|(?:全部|主要|分别)?用于)"),
    re.compile(r"(?:总数|总额|数)?(?:(?:共计|合计)(?:为|是)?|为|是|达到?)?$"),
)
# 增减 words right before an amount, maybe in brackets (“较上年（减少）16.23万元”).
_CHANGE_BEFORE = re.compile(r"(?:增加|减少|增长|下降|降低|上升|增|减)了?[）)]?\s*$")
OPEN, CLOSE = "（(", "）)"
_BRACKETS = re.compile(f"[{OPEN}{CLOSE}]")


@dataclass(frozen=True, slots=True)
class Figure:
    """A number found in a run: ``start``/``end`` span the digits, ``unit_end`` the unit too;
    ``depth`` counts the brackets around it; ``change`` marks 增加/减少 amounts."""

    label: str
    number: StatedNumber
    start: int
    end: int
    unit_end: int
    depth: int
    change: bool

    @property
    def is_money(self) -> bool:
        return self.number.unit is not Unit.PERCENT


def depths(text: str) -> list[int]:
    """The bracket depth at every index of ``text`` (an opening bracket is inside its group)."""
    # Filled a stretch between brackets at a time: a run has thousands of characters, few brackets.
    result: list[int] = []
    depth = position = 0
    for match in _BRACKETS.finditer(text):
        index = match.start()
        result += [depth] * (index - position)
        if text[index] in OPEN:
            depth += 1
            result.append(depth)
        else:
            result.append(depth)
            depth = max(depth - 1, 0)
        position = index + 1
    result += [depth] * (len(text) - position)
    return result


def figures(text: str, depth: list[int]) -> list[Figure]:
    found: list[Figure] = []
    for match in _FIGURE.finditer(text):
        start = match.start("number")
        raw = label_before(text, start)
        unit = match["unit"]
        if unit == "万":
            if not _MONEY_WORDS.search(raw):
                continue
            unit = Unit.WAN_YUAN.value
        try:
            number = parse_stated(match["number"] + unit)
        except NumberError:
            continue
        change = bool(_CHANGE_BEFORE.search(text, max(start - 6, 0), start))
        found.append(Figure(clean_label(raw), number, start, match.end("number"), match.end(),
                            depth[start], change))
    return found


def label_before(text: str, position: int) -> str:
    """The text from the last punctuation mark before ``position`` up to it, stripped; at most
    :data:`MAX_LABEL` characters, so that the figures of a long run cost linear time."""
    window = max(0, position - MAX_LABEL)
    stops = [match.end() for match in _LABEL_STOPS.finditer(text, window, position)]
    start = stops[-1] if stops else window
    depth = 0
    for index in range(position - 1, start - 1, -1):  # a bracket still open, or one closing
        if text[index] in CLOSE:                         # a group begun earlier, bounds the label
            depth += 1
        elif text[index] in OPEN:
            if depth == 0:
                start = index + 1
                break
            depth -= 1
    if depth > 0:
        closed = max(text.rfind(mark, start, position) for mark in CLOSE)
        if not text[closed + 1:position].strip():
            # “特种作业车（洒水车、垃圾车）2辆”: a bracket right before the figure explains the
            # words before it, which are the label.
            opened = _opening(text, max(0, position - MAX_LABEL), closed)
            if opened is not None:
                return label_before(text, opened)
        start = max(start, closed + 1)
    label = _after_figures(text[start:position]).strip()
    return _subject_of_chain(text, start, label) if _BARE_TOTAL.fullmatch(label) else label


_FIGURE_BEFORE = re.compile(rf"^.*{NUMBER}\s*(?:{MONEY}|{PERCENT})\s*(?:和|及|与|以及)?")


def _after_figures(label: str) -> str:
    """The words after the last figure a label runs over (“1.28万元和其他支出” → 其他支出)."""
    return _FIGURE_BEFORE.sub("", label)


_BARE_TOTAL = re.compile(r"(?:共计|合计|总计|共)(?:支出|开支|花费)?(?:为|是)?")
_MONEY_BEFORE = re.compile(rf"{NUMBER}\s*(?:{MONEY})|[。；：]")
_CHAIN = re.compile(r"[^\d，。；：、（）()]{2,20}(?=\d)")


def _subject_of_chain(text: str, start: int, label: str) -> str:
    """A total closing a chain of clauses (“国内公务接待221批次，1768人，共计支出9.95万元”) is of the
    chain's subject: its first words, after the last amount or mark before it."""
    window = max(0, start - MAX_LABEL)
    chain = max((match.end() for match in _MONEY_BEFORE.finditer(text, window, start)), default=window)
    while chain < start and text[chain] in "，、 ":
        chain += 1
    subject = _CHAIN.match(text, chain, start)
    return f"{subject.group().strip()}{label}" if subject is not None else label


def _opening(text: str, start: int, closed: int) -> int | None:
    """Where the bracket group closing at ``closed`` opens, if after ``start``."""
    depth = 0
    for index in range(closed, start - 1, -1):
        if text[index] in CLOSE:
            depth += 1
        elif text[index] in OPEN:
            depth -= 1
            if depth == 0:
                return index
    return None


def clean_label(raw: str) -> str:
    label = raw
    for pattern in _LABEL_NOISE:
        label = pattern.sub("", label).strip()
    return label.split()[-1] if label.split() else ""
