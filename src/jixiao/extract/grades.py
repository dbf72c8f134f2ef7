"""Grade words against the scores they grade (优/优秀, 良/良好, 中/合格, 差), in prose and in a
score table's total row.

* **prose** (JX-TEXT-010) — “自评得分92分，自评等级为良”, “综合得分 85.5 分，评价等次：良好”: the
  grade word right after a score in the same sentence, or right before it (“自评绩效等级为“优”，
  分数为97分”);
* **table** (JX-TABLE-007) — a total row (总分, 合计, 综合得分…) with a grade word in a cell of its
  own: the figure just before it is the score (“总分 | 100 | 97 | 良”).

Cut-offs are those of the report's region when its form is recognised and the region has a
profile, else the national ones (90 优, 80 良, 60 中).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from jixiao.documents.model import Document
from jixiao.extract.per_document import per_document
from jixiao.extract.tables.cells import compact, evidence, figure
from jixiao.extract.text_runs import line_starts, text_place
from jixiao.findings import Finding, Passed, Place, Severity, Term
from jixiao.numbers import StatedNumber, Unit
from jixiao.profiles import load_profile
from jixiao.recognise import profile_for, recognise

PROSE_GRADE, TABLE_GRADE = "JX-TEXT-010", "JX-TABLE-007"
GRADE_CODES = (PROSE_GRADE, TABLE_GRADE)
"""The codes of :func:`grade_findings`, documented in docs/rules.md."""

_WORDS = {"优秀": "优", "优": "优", "良好": "良", "良": "良", "中等": "中", "合格": "中", "中": "中",
          "及格": "中", "不合格": "差", "差": "差"}
_WORD = "|".join(sorted(_WORDS, key=len, reverse=True))
_PROSE = re.compile(  # the lookahead names every first character: the report's text is long
    r"(?=[自综评最得总])(?:自评|综合|评价|最终)?(?:得分|总分|评分)(?:为|是|[:：])?\s*(?P<score>\d+(?:\.\d+)?)\s*分"
    r"[，,、\s]*(?:自评|评价|绩效|综合)?(?:等级|等次|结果|评级)(?:为|是|[:：]|评定为)?\s*[“\"]?"
    rf"(?P<grade>{_WORD})(?![\u4e00-\u9fff])")
_GRADE_FIRST = re.compile(
    rf"(?:等级|等次|评级)(?:为|是|[:：])?\s*[“\"]?(?P<grade>{_WORD})[”\"]?[，,、\s]*"
    r"(?:自评|综合|评价)?(?:分数|得分|总分)(?:为|是|[:：])?\s*(?P<score>\d+(?:\.\d+)?)\s*分")
_TOTAL = re.compile(r"总分|合计|总计|综合得分|自评总分|得分合计")
_Grader = Callable[[Decimal], str]


@dataclass(frozen=True, slots=True)
class GradeClaim:
    """A grade word stated for a score: ``expected`` is the word the cut-offs give."""

    code: str
    grade: str
    where: Place
    score: StatedNumber
    score_where: Place
    expected: str
    evidence: str

    def holds(self) -> bool:
        return _WORDS[self.grade] == self.expected

    def finding(self) -> Finding:
        message = (f"得分 {self.score.written} 分对应的等次为“{self.expected}”，"
                   f"与文中等次“{self.grade}”不一致")
        return Finding.new(self.code, Severity.ERROR, message, self.where, stated=self.grade,
                           expected=self.expected, terms=(self._term(),), evidence=self.evidence)

    def passed(self) -> Passed:
        return Passed(code=self.code, message=f"等次“{self.grade}” 与得分 {self.score.written} 分相符",
                      stated=self.grade, expected=self.expected, terms=(self._term(),),
                      where=self.where, evidence=self.evidence)

    def _term(self) -> Term:
        return Term("得分", self.score.written, self.score_where)


@per_document
def grade_claims(document: Document) -> tuple[GradeClaim, ...]:
    """Every grade word stated for a score, in prose and in tables (read once per document: its
    findings and the grades that hold are both judged from them)."""
    profile = load_profile(profile_for(recognise(document).template))

    def grade_of(score: Decimal) -> str:
        word = profile.grade_for(score)
        return _WORDS.get(word, word)

    return (*_prose(document, grade_of), *_tables(document, grade_of))


def grade_findings(document: Document) -> tuple[Finding, ...]:
    return tuple(claim.finding() for claim in grade_claims(document) if not claim.holds())


def _prose(document: Document, grade_of: _Grader) -> Iterator[GradeClaim]:
    text, starts = document.text, line_starts(document.text)
    for match in (*_PROSE.finditer(text), *_GRADE_FIRST.finditer(text)):
        score = StatedNumber.of(match["score"], Unit.POINT)
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        sentence = text[line_start:len(text) if line_end < 0 else line_end].strip()
        yield GradeClaim(PROSE_GRADE, match["grade"], text_place(starts, *match.span("grade")), score,
                         text_place(starts, *match.span("score")), grade_of(score.value), sentence)


def _tables(document: Document, grade_of: _Grader) -> Iterator[GradeClaim]:
    for table in document.tables:
        for row in table.rows:
            written = "".join([cell.text for cell in row])
            if "总" not in written and "合" not in written:  # every total's word has one of them
                continue
            texts = [compact(cell.text) for cell in row]
            if not any(_TOTAL.fullmatch(text) for text in texts):
                continue
            for column, text in enumerate(texts):
                if text not in _WORDS or column == 0:
                    continue
                score = figure(row[column - 1], Unit.POINT)
                if score is not None and score.unit is Unit.POINT:
                    yield GradeClaim(TABLE_GRADE, text, row[column].place, score, row[column - 1].place,
                                     grade_of(score.value), evidence(row))

