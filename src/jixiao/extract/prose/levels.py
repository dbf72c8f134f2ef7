"""A change against last year whose two levels were stated in earlier sentences.

“(一)2023年“三公”经费决算支出6.4万元：公务接待费2.6万元…(二)2022年同口径“三公”经费决算支出5.92万元：
公务接待费3.05万元…(三)增减变化：公务接待费比上年减少0.44万元，下降14.43%”: the change of 公务接待费
names no amount in its own clause, but the report stated the item for 2023 and for 2022 before.
Its 增减额 is then checked against the difference of the two (``difference``) and its rate
against that difference over last year's level (``change_prior``), as when the clause states both.

A level is an earlier amount whose label, without its year and 同口径-style words, is the change's
item, whose clause (else sentence) names exactly one year, in a sentence saying 预算 or 决算 as
the other level's does.
The change year is the latest year such a level has; the item must be stated once for it and
once for the year before, else nothing is claimed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from jixiao.extract.amounts import clean_label
from jixiao.extract.prose.changes import (
    RATE,
    Change,
    base_of,
    change_links,
    clause_start,
    comparisons,
    sign_of,
)
from jixiao.extract.prose.reading import Claim, RunText, Stated
from jixiao.extract.text_runs import sentence_start

_YEAR = re.compile(r"(\d{4})\s*年")
_BASIS = re.compile(r"(?<!公共)预算|决算")
_LABEL_NOISE = re.compile(r"^(?:\d{4}\s*年度?)|^(?:同口径|上年|本年|当年)")
_LAST_YEAR = re.compile(r"上一?年度?|去年")


@dataclass(frozen=True, slots=True)
class Level:
    """An amount stated earlier, with the one year and the 预算/决算 words of its sentence."""

    stated: Stated
    year: int | None
    basis: frozenset[str]
    lead: str = ""


def levels_of(rt: RunText) -> list[Level]:
    """The run's amounts as levels a later change may refer to."""
    levels = []
    sentences: dict[int, tuple[int | None, frozenset[str]]] = {}  # a sentence states several amounts
    for figure in rt.money:
        start, end = rt.sentence_of(figure.start)
        if start not in sentences:
            sentence = rt.text[start:end]
            # a sentence opening with 其中 lists the parts of the sentence before, of its year.
            sentences[start] = _year(sentence) or _listed_year(rt, start), frozenset(_BASIS.findall(sentence))
        sentence_year, basis = sentences[start]
        clause = rt.text[clause_start(rt.text, figure.start, _CLAUSE_ENDS):figure.start]
        # “2023年…642.18万，2022年…587.40万”: the clause's year first, else the sentence's one year.
        year = _year(clause) or sentence_year
        levels.append(Level(rt.stated(figure), year, basis, rt.text[start:figure.start]))
    return levels


_CLAUSE_ENDS = "。！？；：，,"
_LISTED = re.compile(r"\s*其中")


def _listed_year(rt: RunText, start: int) -> int | None:
    """The one year of the sentence before the one starting at ``start``, when it opens with 其中."""
    if start == 0 or not _LISTED.match(rt.text, start):
        return None
    return _year(rt.text[rt.sentence_of(start - 1)[0]:start])


def _year(text: str) -> int | None:
    """The one year ``text`` names, if it names exactly one."""
    years = {int(year) for year in _YEAR.findall(text)}
    return years.pop() if len(years) == 1 else None


def level_claims(rt: RunText, earlier: list[Level]) -> list[Claim]:
    """Claims of the run's changes against last year that state no amount of their own."""
    claims = []
    for match in comparisons(rt):
        delta = rt.figure_at(match.start("delta"))
        if delta is None or match["prior"] or not _LAST_YEAR.search(match["compare"]) \
                or _amount_in_clause(rt, match.start()):
            continue
        item = _item(delta.label)
        pair = _levels(item, earlier)
        if pair is None:
            continue
        current, prior = pair
        sign = sign_of(match["way"])
        change = rt.stated(delta, change_label_of(item), sign)
        evidence = rt.evidence(delta.start, delta.unit_end)
        terms = (prior, current) if sign < 0 else (current, prior)
        claims.append(Claim("difference", change, terms, evidence))
        rate_match = RATE.match(rt.text, delta.unit_end)
        rate = rt.figure_at(rate_match.start("rate")) if rate_match else None
        if rate is not None and rate_match is not None:
            stated_rate = rt.stated(rate, f"{item}{rate_match['way']}率", sign_of(rate_match["way"]))
            # The rate is worked out from the two levels as the report states them, a sentence
            # apart: no stated 增减额 stands between them to carry a rounding.
            claims.append(Claim("change_prior", stated_rate, (current, prior), evidence, exact_terms=True))
    return claims


def change_label_of(item: str) -> str:
    return f"{item}增减额"


def _item(label: str) -> str:
    """The item a change is of, named as its levels are (“决算数相较于上年增加” → 决算)."""
    return clean_label(re.sub(r"(?:相较|相比|比|较|与)\S*$|[（(]?(?:增加|减少|增|减)[）)]?了?$", "", label))


def _amount_in_clause(rt: RunText, position: int) -> bool:
    start = max(rt.text.rfind(mark, 0, position) for mark in "。！？；：，") + 1
    return any(start <= figure.start < position for figure in rt.money)


def _levels(item: str, earlier: list[Level]) -> tuple[Stated, Stated] | None:
    if not item:
        return None
    named = [level for level in earlier if level.year is not None
             and level_name(level) == item]
    if not named:
        return None
    year = max(level.year for level in named if level.year is not None)
    current = [level for level in named if level.year == year]
    prior = [level for level in named if level.year == year - 1]
    if len(current) != 1 or len(prior) != 1 or current[0].basis != prior[0].basis:
        return None
    # Named with their years: both levels are the same item.
    return (replace(current[0].stated, label=f"{year}年{item}"),
            replace(prior[0].stated, label=f"{year - 1}年{item}"))


def level_name(level: Level) -> str:
    """The item a level is of: its label without its year and 同口径-style words."""
    return _LABEL_NOISE.sub("", _LABEL_NOISE.sub("", level.stated.label))


_QUALIFIER = re.compile(r"(?:本?(?:部门|单位))?(?:一般公共预算)?(?:财政拨款)?")
"""Words before an item that name its funds, not another item (财政拨款“三公”经费预算 is the
“三公”经费预算 a later change names)."""


def one_level_claims(rt: RunText, earlier: list[Level]) -> list[Claim]:
    """A change stated with its amount and its rate whose one level was stated before: “2018年
    “三公”经费预算总额为2.5万元…2018年“三公”经费预算数比2017年预算数减少1万元，减幅29%” — the
    other level is implied (current ± amount), so the rate is checked as a ``change``. A change
    with no comparison words of its own (“其中：公务接待费支出决算减少450.00元，下降100.00%”)
    takes the comparison of its sentence or the one before."""
    claims = []
    compares = comparisons(rt)
    for link in change_links(rt):
        compare = _governing(rt, compares, link.delta.start)
        rate_match = RATE.match(rt.text, link.delta.unit_end)
        if link.current is not None or compare is None or compare["prior"] or rate_match is None \
                or _amount_in_clause(rt, link.delta.start):
            continue
        item = _item(link.delta.label) or _subject(rt, compare, link)
        years = {int(year) + 1 for year in _YEAR.findall(compare["compare"])}
        if len(years) > 1:
            continue
        level = _level(item, next(iter(years), None), earlier)
        rate = rt.figure_at(rate_match.start("rate"))
        if level is None or rate is None or _levels(item, earlier) is not None:
            continue  # both levels stated: :func:`level_claims` checks the change against them
        way = "增加" if link.sign > 0 else "减少"
        # “比2017年预算数” with the level of 2018: last year's budget, not this year's.
        base = "上年" if years or _LAST_YEAR.search(compare["compare"]) else base_of(compare["compare"])
        change = rt.stated(link.delta, f"比{base}{way}", link.sign)
        stated_rate = rt.stated(rate, f"{item}{rate_match['way']}率", sign_of(rate_match["way"]))
        evidence = rt.evidence(link.delta.start, rate.start)
        claims.append(Claim("change", stated_rate, (level, change), evidence))
    return claims


def _governing(rt: RunText, compares: tuple[re.Match[str], ...], position: int) -> re.Match[str] | None:
    """The comparison a change at ``position`` is stated under: the last one up to it, in its
    sentence or the sentence before."""
    start = sentence_start(rt.text, position)
    previous = sentence_start(rt.text, max(start - 1, 0))
    before = [match for match in compares if previous <= match.start() and match.start("delta") <= position]
    return before[-1] if before else None


def _level(item: str, year: int | None, earlier: list[Level]) -> Stated | None:
    """The last amount stated before as ``item`` (stated for ``year`` when the comparison names
    the year before it), when all such amounts are of one year."""
    named = [level for level in earlier if _names(level, item) and (year is None or level.year == year)]
    if not named or len({level.year for level in named if level.year is not None}) > 1:
        return None
    return replace(named[-1].stated, label=item)


def _names(level: Level, item: str) -> bool:
    """Whether ``level`` is an amount of ``item``: named alike, or with words naming its funds
    before, or by the end of the name after its head stated earlier in the sentence (““三公”经费
    支出年初预算为…，支出决算为…” names “三公”经费支出决算)."""
    name = level_name(level)
    if not item or not name:
        return False
    if name == item:
        return True
    if item.endswith(name):
        return len(name) >= 2 and item[:-len(name)] in level.lead
    return name.endswith(item) and _QUALIFIER.fullmatch(name[:-len(item)]) is not None


_SUBJECT_NOISE = re.compile(r"同口径$")


def _subject(rt: RunText, compare: re.Match[str], link: Change) -> str:
    """The words before a comparison naming a year (“其中：因公出国（境）费同口径比2018年减少9万元”),
    which the change's own label loses with the year."""
    if compare.start("delta") != link.delta.start:
        return ""
    start = clause_start(rt.text, compare.start(), _CLAUSE_ENDS)
    return _SUBJECT_NOISE.sub("", clean_label(rt.text[start:compare.start()]))
