"""A total score stated above a score table (“自评总分(分)97.6”, “自评总分: 69”) whose rows were
read from text: it is at most the full score, 100, less the points the rows read lost (分值 −
得分); rows cut off or not read can only lose more (``score_bound``, code of score_sum).

The total bounds the rows read after it up to the next stated total, and only when a score
table's header follows it closely (:data:`NEAR_CHARACTERS`, :data:`NEAR_LINES`): a total stated
in a report's conclusion, or another project's, bounds nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from jixiao.extract.tables.cells import TableClaim, text_figure
from jixiao.extract.tables.scores.table import SCORE_SUM

STATED_TOTAL = re.compile(r"(?:自评总分|自评得分|总得分)(?:[（(]分[)）])?[:：]?\s*"
                          r"(?P<score>(?:0|[1-9]\d{0,2})(?:\.\d{1,2})?)(?![\d.%])")
NEAR_CHARACTERS = 600
"""A header at most this many characters after the total (the form's head between them)."""
NEAR_LINES = 3
"""… and on one of the next few lines (a page of glued text a line)."""


def lines_after(text: str, start: int, count: int = NEAR_LINES) -> int:
    """The end of the ``count`` th line after ``start``'s (or of the text)."""
    end = start
    for _ in range(count + 1):
        end = text.find("\n", end + 1)
        if end < 0:
            return len(text)
    return end


def stated_bounds(text: str, starts: tuple[int, ...], headers: Sequence[int],
                  caps: Sequence[TableClaim]) -> Iterator[TableClaim]:
    """The bound of each total stated closely above one of ``headers`` (their offsets) over the
    score caps ``caps`` read after it; ``starts`` are the text's line starts."""
    totals = list(STATED_TOTAL.finditer(text))
    for index, total in enumerate(totals):
        end = totals[index + 1].start() if index + 1 < len(totals) else len(text)
        near = min(total.end() + NEAR_CHARACTERS, lines_after(text, total.end()))
        if not any(total.end() <= header <= near for header in headers):
            continue
        read = [claim for claim in caps if total.end() <= (claim.stated.cell.place.start or 0) < end]
        if len(read) >= 2:
            stated = text_figure(text, starts, "自评总分", *total.span("score"))
            terms = tuple(figure for claim in read for figure in (claim.terms[0], claim.stated))
            yield TableClaim(SCORE_SUM, "bound", "自评总分", stated, terms, (stated.cell,))
