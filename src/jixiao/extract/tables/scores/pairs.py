"""The indicators of a score table that PDF extraction ran into one line of words (湖北 forms:
“项目权重 评价内容 分值 自评分 项目决策 2 分 决策依据 2 2 复核分 … 财务制度 3 3 2、项目管理制度
1 分; …”).

After a header whose 分值 heading is followed by its 得分 heading (分值 自评分, 分值 得分), an
indicator is its name, a word of two to twelve Chinese characters, then two bare numbers: its 分值
and its 得分. A number followed by 分 is a rubric's points (“1 分;”), not a score; a name with
figures, units or punctuation in it is a rubric's text, and one naming a column (偏差原因, 实际完成值)
is the header's. The header's line is read up to the next header.

* **score_cap** (JX-TABLE-003) — each indicator's 得分 at most its 分值.

Lines inside a rebuilt table (with a TAB or a pipe) are read by :mod:`.scores`, lines of one row
each by :mod:`.score_rows`.
"""

from __future__ import annotations

import re

from jixiao.documents.model import Cell, Document
from jixiao.extract.tables.cells import Figure, TableClaim
from jixiao.extract.tables.scores.beside import text_beside_score_tables
from jixiao.extract.tables.scores.table import FULL_SCORE, SCORE_CAP
from jixiao.extract.text_runs import line_starts, text_place
from jixiao.numbers import StatedNumber, Unit

_HEADER = re.compile(r"(?<!\S)(?:指标)?(?:分值|权重|标准分)\s+(?:(?:自评|评价)?(?:得分|评分)|自评分)(?!\S)")
_HEADER_WORDS = ("分值", "权重", "标准分")
"""The words one of which every header holds: a report without them has no such table."""
_TRIPLE = re.compile(r"(?<!\S)(?P<label>[\u4e00-\u9fff]{2,12})\s+(?P<weight>\d{1,3}(?:\.\d{1,2})?)\s+"
                     r"(?P<score>\d{1,3}(?:\.\d{1,2})?)(?=\s|$)(?!\s*分)")
_TABLE_LINE = re.compile(r"[\t|]")
_HEADING_WORDS = re.compile(r"(?:原因|措施|指标值|完成值|实际值|分值|得分|评分)$")
"""Words of the header's columns: a name ending in them heads a column, it names no indicator."""


def score_pair_claims(document: Document) -> tuple[TableClaim, ...]:
    text = text_beside_score_tables(document)
    if not any(word in text for word in _HEADER_WORDS):
        return ()
    starts = line_starts(document.text)
    claims: list[TableClaim] = []
    for header in _HEADER.finditer(text):
        line_start = text.rfind("\n", 0, header.start()) + 1
        line_end = text.find("\n", header.end())
        line_end = len(text) if line_end < 0 else line_end
        if _TABLE_LINE.search(text, line_start, line_end):
            continue
        following = _HEADER.search(text, header.end(), line_end)
        end = following.start() if following is not None else line_end
        for match in _TRIPLE.finditer(text, header.end(), end):
            weight = _figure(starts, match, "weight", "分值")
            score = _figure(starts, match, "score", "得分")
            if not 0 < weight.number.value <= FULL_SCORE or _HEADING_WORDS.search(match["label"]):
                continue
            claims.append(TableClaim(SCORE_CAP, "cap", match["label"], score, (weight,),
                                     (weight.cell, score.cell)))
    return tuple(claims)


def _figure(starts: tuple[int, ...], match: re.Match[str], group: str, name: str) -> Figure:
    place = text_place(starts, match.start(group), match.end(group))
    number = StatedNumber.parse(match[group], Unit.POINT)
    return Figure(f"{match['label']} {name}", number, Cell(match[group], place))
