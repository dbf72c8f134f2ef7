"""控制率 stated in prose with the two head counts it divides: “人员编制 8 人，…实际在职人员 7 人，
财政供养人员控制率为 100%” — p against 实有人数 / 编制数.

Both counts are the nearest before the rate in its sentence: the 编制 one (编制, 核定) and the
实有 one (实有, 实际在职, 在职), each a number of 人, which is exact (7 人 is seven people). Read
apart from :func:`jixiao.extract.prose.claims.extract_claims`, whose claims are amounts of money:
the rule catalogue reads the same 控制率 on a recognised report, and :func:`jixiao.audit.audit_document`
keeps one finding per place.
"""

from __future__ import annotations

import re

from jixiao.extract.amounts import NUMBER
from jixiao.extract.prose.reading import Claim, RunText, Stated
from jixiao.extract.text_runs import sentence_start
from jixiao.numbers import NumberError, Unit, parse_stated

_RATE = re.compile(rf"(?P<name>[^，。；：\d]{{0,12}}控制率)(?:为|是|达到?)?\s*(?P<number>{NUMBER})\s*%")
_COUNT = r"(?:为|是|共|有)?\s*(?P<number>\d+)\s*人"
_PLANNED = re.compile(rf"(?P<label>(?:人员)?(?:核定)?编制(?:人数|数)?|核定人数){_COUNT}")
_ACTUAL = re.compile(rf"(?P<label>(?:实际在职|实有|在职)(?:人员|人数)?){_COUNT}")


def staffing_claims(rt: RunText) -> list[Claim]:
    """Every 控制率 the run states with its 编制 and 实有 head counts, as ``rate`` claims
    (terms: 实有人数, 编制数)."""
    if "控制率" not in rt.text:  # most runs: a substring test, not a regex tried at every character
        return []
    return [claim for match in _RATE.finditer(rt.text) if (claim := _claim(rt, match)) is not None]


def _claim(rt: RunText, match: re.Match[str]) -> Claim | None:
    start = sentence_start(rt.text, match.start())
    planned = _last(rt, _PLANNED, start, match.start())
    actual = _last(rt, _ACTUAL, start, match.start())
    rate = rt.figure_at(match.start("number"))
    if planned is None or actual is None or rate is None:
        return None
    name = match["name"].strip()
    stated = rt.stated(rate, name)
    return Claim("rate", stated, (actual, planned), rt.evidence(start, match.end()))


def _last(rt: RunText, pattern: re.Pattern[str], start: int, end: int) -> Stated | None:
    found = list(pattern.finditer(rt.text, start, end))
    if not found:
        return None
    match = found[-1]
    try:
        number = parse_stated(match["number"], Unit.PERSON)
    except NumberError:
        return None
    return Stated(match["label"], number, rt.place(match.start("number"), match.end("number")))
