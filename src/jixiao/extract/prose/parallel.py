"""Figures stated in parallel for several items with 各: “收、支总计各是4125.49,4143.91万元。与2021年
相比,收、支总计各减少1267.86,2570.97万元,各下降23.51%、38.28%”.

The items are named once (收、支 + 总计) and each list gives one figure an item, in the order the
items are named; a unit written only after the last figure is every figure's. A list of levels
(各是, 各为) and, later in the run, a list of changes of the same items (各减少, 各增加) followed by
a list of rates (各下降, 各增长) give one ``change`` claim an item: its rate against its change
over its prior level (level ∓ change).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from jixiao.extract.amounts import MONEY, NUMBER, PERCENT
from jixiao.extract.prose.changes import sign_of
from jixiao.extract.prose.reading import Claim, RunText, Stated
from jixiao.numbers import NumberError, parse_stated

_NAMES = r"(?P<names>[\u4e00-\u9fff]{1,4}(?:、[\u4e00-\u9fff]{1,4}?)+)(?P<suffix>[\u4e00-\u9fff]{0,6}?)"
_ONE = rf"{NUMBER}\s*(?:{MONEY}|{PERCENT})?"
_FIGURES = rf"(?P<figures>{_ONE}(?:\s*[，、]\s*{_ONE})+)"
_VERBS = "是|为|增加|减少|增长|下降|降低|上升"
_EACH = re.compile(rf"{_NAMES}各(?P<verb>{_VERBS}){_FIGURES}")
_EACH_VERB = re.compile(rf"各(?:{_VERBS})")
_RATES = re.compile(rf"[，\s]*各(?P<verb>增长|下降|降低|上升){_FIGURES}")
_FIGURE = re.compile(rf"(?P<number>{NUMBER})\s*(?P<unit>{MONEY}|{PERCENT})?")
_LEVEL = ("是", "为")
_SPELLED = {"收": "收入", "支": "支出"}
"""Items written with one character (收、支总计), in full in messages."""


@dataclass(frozen=True, slots=True)
class _Each:
    """One 各 list: the items' names, the verb and one figure an item."""

    names: tuple[str, ...]
    verb: str
    figures: tuple[Stated, ...]


def parallel_claims(rt: RunText) -> list[Claim]:
    if _EACH_VERB.search(rt.text) is None:
        return []  # every list of figures in parallel says 各 and its verb: most runs have none
    claims: list[Claim] = []
    levels: dict[tuple[str, ...], _Each] = {}
    for match in _EACH.finditer(rt.text):
        each = _each(rt, match, match["verb"])
        if each is None:
            continue
        if each.verb in _LEVEL:
            levels[each.names] = each
            continue
        rates_match = _RATES.match(rt.text, match.end())
        rates = None if rates_match is None else _each(rt, rates_match, rates_match["verb"], each.names)
        level = levels.get(each.names)
        if level is None or rates is None:
            continue
        claims += [_change(current, delta, rate, match.group())
                   for current, delta, rate in zip(level.figures, each.figures, rates.figures, strict=True)]
    return claims


def _each(rt: RunText, match: re.Match[str], verb: str, names: tuple[str, ...] | None = None) -> _Each | None:
    """The list ``match`` states, when it gives one figure for each item named."""
    if names is None:
        names = _names(match["names"].split("、"), match["suffix"])
    found = list(_FIGURE.finditer(rt.text, match.start("figures"), match.end("figures")))
    unit = found[-1]["unit"] if found else None
    if len(found) != len(names) or unit is None:
        return None
    figures = []
    for name, figure in zip(names, found, strict=True):
        try:
            number = parse_stated(figure["number"] + (figure["unit"] or unit))
        except NumberError:
            return None
        where = rt.place(figure.start("number"), figure.end("number"))
        figures.append(Stated(name, number, where, 1 if verb in _LEVEL else sign_of(verb)))
    return _Each(names, verb, tuple(figures))


def _names(names: list[str], suffix: str) -> tuple[str, ...]:
    """The items named, the first cut to the length of the last (“年度收、支总计” names 收 and 支:
    items named in parallel are named alike), each with the words after them."""
    first = names[0][-len(names[-1]):]
    return tuple(f"{_SPELLED.get(name, name)}{suffix}" for name in [first, *names[1:]])


def _change(current: Stated, delta: Stated, rate: Stated, evidence: str) -> Claim:
    change = replace(delta, label=f"比上年{'增加' if delta.sign > 0 else '减少'}")
    stated = replace(rate, label=f"{current.label}{'增长' if rate.sign > 0 else '下降'}率")
    return Claim("change", stated, (current, change), evidence)
