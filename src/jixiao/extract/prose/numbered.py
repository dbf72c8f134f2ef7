"""Totals broken down in the numbered paragraphs that follow them: “本单位2021年度总收入581.45万元，
其中本年收入390.55万元，较2020年度决算数减少175.26万元…。收入具体情况如下。” then “1.一般公共预算财政
拨款收入382.17万元…较2020年度决算数减少157.86万元…”, “2.上级补助收入8.38万元…”, “3.上年结转和
结余190.89万元…”.

The numbered paragraphs after a sentence naming what they break down (“收入具体情况如下”) are the
whole breakdown: the first amount of each is a part. Each amount of the sentence before whose
label names the same (总收入, 本年收入) is a total of them; a total of this
year (本年) leaves out what was carried over from last year (结转, 结余), which is no income or
spending of the year. When every part states its change, the parts' changes add up to the
total's change too.
"""

from __future__ import annotations

import re

from jixiao.extract.amounts import Figure
from jixiao.extract.prose.changes import Change, change_label, change_links
from jixiao.extract.prose.reading import Claim, RunText, Stated
from jixiao.extract.text_runs import sentence_start

_AS_FOLLOWS = re.compile(r"(?P<noun>[^，。；：、\s\d]{1,8}?)的?具体(?:情况|构成)?如下[。：]?\s*$")
"""“收入具体情况如下。”: a sentence naming what the numbered paragraphs break down."""
_NUMBERED = re.compile(r"\s*\d+[.．、]")
_THIS_YEAR = re.compile(r"本年")
_CARRIED = re.compile(r"结转|结余")


def numbered_claims(runs: list[RunText]) -> list[Claim]:
    claims = []
    for index, rt in enumerate(runs):
        # The pattern is tried at every character; a plain look for its words passes most runs.
        follows = _AS_FOLLOWS.search(rt.text) if "如下" in rt.text else None
        if follows is None:
            continue
        items = _items(runs[index + 1:])
        if len(items) < 2:
            continue
        end = sentence_start(rt.text, len(rt.text.rstrip()) - 1)
        start = sentence_start(rt.text, max(end - 1, 0))
        links = change_links(rt)
        for total in (f for f in rt.money if start <= f.start < end and f.depth == 0
                      and follows["noun"] in f.label):
            parts = [(item, link) for item, link in items
                     if not (_THIS_YEAR.search(total.label) and _CARRIED.search(item.label))]
            if len(parts) < 2:
                continue
            evidence = rt.evidence(total.start, total.unit_end)
            claims.append(Claim("sum", rt.stated(total), tuple(item for item, _ in parts), evidence))
            change = next((link for link in links if link.current is total), None)
            if change is not None and all(link is not None for _, link in parts):
                terms = tuple(link for _, link in parts if link is not None)
                claims.append(Claim("change_sum", rt.stated(change.delta, change_label(change), change.sign),
                                    terms, evidence, complete=True))
    return claims


def _items(runs: list[RunText]) -> list[tuple[Stated, Stated | None]]:
    """The first amount of each numbered run from the first on, with its change when stated."""
    items = []
    for rt in runs:
        if not _NUMBERED.match(rt.text) or not rt.money:
            break
        first: Figure = rt.money[0]
        link: Change | None = next((link for link in change_links(rt) if link.current is first), None)
        change = None if link is None else rt.stated(link.delta, change_label(link), link.sign)
        items.append((rt.stated(first), change))
    return items
