"""Works measured on both banks of a river: “护岸工程共 4 段，长 3.47km：右岸 1 段，长0.98km，左岸 3 段，
长 2.49km”, “堤防工程 1.04km：右岸 0.51km，左岸 0.53km”.

After a colon, a right bank and a left bank are the whole of the work stated before it: for each
unit (段, km, 公里 …) the colon's clause states one total of and its list states one amount a
bank of, the two banks add up to the total. A bank's amount is the first in that unit after the
bank is named; the list ends at the next 。；： mark.
"""

from __future__ import annotations

import re
from dataclasses import replace

from jixiao.extract.amounts import NUMBER, clean_label
from jixiao.extract.prose.changes import clause_start
from jixiao.extract.prose.headcounts import UNIT, count_at
from jixiao.extract.prose.reading import Claim, RunText, Stated

_BANK = re.compile(r"[左右]岸")
_MEASURE = re.compile(rf"(?<![0-9.])(?P<n>{NUMBER})\s*(?P<unit>{UNIT})")
_ENDS = "。！？；："
_END = re.compile(f"[{_ENDS}]")
_SUBJECT_NOISE = re.compile(r"(?:共|长|总长)(?:为|是)?$")
_MEASURED = {"km": "长度", "公里": "长度"}


def side_claims(rt: RunText) -> list[Claim]:
    if "右岸" not in rt.text or "左岸" not in rt.text:  # most runs: substring tests, not every colon
        return []
    claims = []
    for colon in re.finditer("：", rt.text):
        stop = _END.search(rt.text, colon.end())
        end = len(rt.text) if stop is None else stop.start()
        banks = list(_BANK.finditer(rt.text, colon.end(), end))
        if sorted(bank.group() for bank in banks) != ["右岸", "左岸"]:
            continue
        start = clause_start(rt.text, colon.start(), _ENDS)
        measures = list(_MEASURE.finditer(rt.text, start, colon.start()))
        totals = {match["unit"]: match for match in measures}
        subject = _SUBJECT_NOISE.sub("", clean_label(rt.text[start:measures[0].start()])) if measures else ""
        for unit, total in totals.items():
            parts = [_first(rt, unit, bank.end(), following.start() if following else end)
                     for bank, following in zip(banks, [*banks[1:], None], strict=False)]
            whole = count_at(rt, total.start("n"), total["n"], unit)
            if whole is not None and all(part is not None for part in parts):
                terms = tuple(part for part in parts if part is not None)
                named = replace(whole, label=f"{subject}{_MEASURED.get(unit, '数量')}")
                claims.append(Claim("sum", named, terms, rt.evidence(total.start(), end)))
    return claims


def _first(rt: RunText, unit: str, start: int, end: int) -> Stated | None:
    """The bank's amount in ``unit``: the first between its name and the next bank's, named for
    the bank."""
    match = next((m for m in _MEASURE.finditer(rt.text, start, end) if m["unit"] == unit), None)
    found = None if match is None else count_at(rt, match.start("n"), match["n"], unit)
    return None if found is None else Stated(rt.text[start - 2:start], found.number, found.where)
