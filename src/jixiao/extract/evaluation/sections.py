"""The report body's own words: title, year and unit, the ten sections, and the figures the
岳阳楼区 form states in prose (编制数 and 实有人数, 基本支出 and its parts, 项目支出 item by item,
the score and grade of section 九).

Sections are found by their titles' words, not their numbers: published reports number them
irregularly (“6、 单位整体支出绩效情况”, “7、 下一步改进措施” after 七).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from jixiao.documents.model import Document, Paragraph
from jixiao.extract.amounts import NUMBER
from jixiao.extract.evaluation.fields import Fields
from jixiao.extract.evaluation.generated import own_paragraphs
from jixiao.extract.tables.cells import compact
from jixiao.extract.text_runs import Run, line_starts, runs_of
from jixiao.findings import Place
from jixiao.numbers import StatedNumber, Unit

SECTIONS = (
    ("单位基本情况", "basic"), ("部门概况", "basic"), ("一般公共预算支出情况", "general"),
    ("政府性基金预算支出情况", "government_fund"), ("国有资本经营预算支出情况", "state_capital"),
    ("社会保险基金预算支出情况", "social_insurance"), ("整体支出绩效情况", "performance"),
    ("存在的问题", "problems"), ("存在的主要问题", "problems"), ("改进措施", "measures"),
    ("自评结果拟应用和公开情况", "results"), ("综合评价结果", "results"),
    ("其他需要说明的情况", "other"), ("绩效评价工作情况", "other"), ("有关建议", "measures"),
    ("部门绩效目标", "goals"),
)
"""Words of a section title → the section. Titles are short lines that start with a number."""
NARRATIVE = {"performance": "narrative.performance", "problems": "narrative.problems",
             "measures": "narrative.measures", "results": "narrative.results.text",
             "other": "narrative.other"}
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+|\d+)\s*[、.．]\s*(?P<title>\S.*)$")
_TITLE = re.compile(r"(?P<year>20\d\d)\s*年度?(?P<name>[^\n，。]{2,60}?)\s*(?:单位|部门)整体支出绩效"
                    r"(?:评价)?自评报告")
_GRADE = re.compile(r"[“\"]?(?P<grade>优秀|良好|中等|较差|优|良|中|差)[”\"]?\s*(?:等级|等次|级)"
                    r"|(?:等级|等次)(?:为|是)?\s*[“\"]?(?P<after>优秀|良好|中等|较差|优|良|中|差)")
_SCORE = re.compile(rf"(?:得分|自评分|自评结果|综合得分|总分)[^\d。；]{{0,8}}?(?P<number>{NUMBER})\s*分")
GRADE_WORDS = {"优秀": "优", "良好": "良", "中等": "中", "较差": "差"}
"""Two-character grades say the same as the one-character grade the profiles use."""


@dataclass(frozen=True, slots=True)
class Section:
    """One section of the body: its key, heading and the paragraphs up to the next heading."""

    key: str
    heading: Paragraph
    paragraphs: tuple[Paragraph, ...]

    def text(self) -> str:
        return "\n".join(paragraph.text for paragraph in self.paragraphs)

    def place(self) -> Place:
        first = self.paragraphs[0] if self.paragraphs else self.heading
        last = self.paragraphs[-1] if self.paragraphs else self.heading
        return Place(paragraph=first.place.paragraph, line=first.place.line,
                     start=first.place.start, end=last.place.end)


def sections(document: Document) -> dict[str, Section]:
    """The body's sections, each at its first heading; paragraphs before any heading belong to
    none."""
    found: dict[str, Section] = {}
    key: str | None = None
    heading: Paragraph | None = None
    body: list[Paragraph] = []
    for paragraph in document.paragraphs:
        section = _section_of(paragraph.text)
        if section is None:
            body.append(paragraph)
            continue
        if key is not None and heading is not None and key not in found:
            found[key] = Section(key, heading, tuple(body))
        key, heading, body = section, paragraph, []
    if key is not None and heading is not None and key not in found:
        found[key] = Section(key, heading, tuple(body))
    return found


def _section_of(text: str) -> str | None:
    match = _HEADING.match(text)
    title = compact(match["title"]) if match is not None else ""
    if not title or len(title) > 30:
        return None
    return next((key for words, key in SECTIONS if words in title), None)


FUNDS = ("government_fund", "state_capital", "social_insurance")
_YEAR = re.compile(r"(?:19|20)\d\d\s*年度?")
_NONE_SPENT = re.compile(r"无[^，。；\d]{0,14}(?:支出|预算)|无此项")
_SPENT = re.compile(rf"支出(?:数|总额)?\s*(?:为|是|共)?\s*(?!0+(?:\.0+)?\s*万元)(?:{NUMBER})\s*万元")


def read_fund_sections(found: Mapping[str, Section], fields: Fields) -> None:
    """三 to 五: a section saying, without a figure, that the unit spent none of a budget
    (“无政府性基金预算支出”, “无国有资本经营预算”, “本单位无此项支出”) states
    ``has_expenditure`` false; one stating an amount spent (“支出185.50万元”) states it true, so a
    re-rendered report asks for the detail; a section that says anything else leaves it
    unstated, so a re-rendered report asks for it instead of printing 无."""
    for key in FUNDS:
        section = found.get(key)
        text = _YEAR.sub("", section.text()) if section is not None else ""
        if section is not None and _NONE_SPENT.search(text) and not re.search(r"\d", text):
            fields.put(f"finances.{key}.has_expenditure", False, section.place())
        elif section is not None and _SPENT.search(text):
            fields.put(f"finances.{key}.has_expenditure", True, section.place())


def read_title(document: Document, found: Mapping[str, Section], fields: Fields) -> None:
    """标题, 年度 and 预算单位名称 from the report's title (the one nearest the body, which begins
    at the first section of ``found``, the document's :func:`sections`)."""
    starts = line_starts(document.text)
    matches = list(_TITLE.finditer(document.text))
    if not matches:
        return
    first = next(iter(found.values()), None)  # the sections are in the order they begin
    body = (first.heading.place.start or 0) if first is not None else None
    before = [m for m in matches if body is None or m.start() < body]
    match = (before or matches)[-1]
    line_start = document.text.rfind("\n", 0, match.start()) + 1
    line_end = document.text.find("\n", match.end())
    title_text = document.text[line_start:line_end if line_end >= 0 else len(document.text)].strip()
    begin = document.text.index(title_text, line_start)
    fields.put("title", title_text, _place(starts, begin, begin + len(title_text)))
    year = StatedNumber.of(int(match["year"]))
    fields.put("year", int(year.value), _place(starts, match.start("year"), match.end("year")))
    name = compact(match["name"])
    fields.put("unit.name", name, _place(starts, match.start("name"), match.end("name")))


def read_narrative(found: dict[str, Section], fields: Fields) -> None:
    """The unit's own words of each section; paragraphs jixiao writes itself are not its words."""
    for key, path in NARRATIVE.items():
        section = found.get(key)
        own = own_paragraphs(key, section.paragraphs, fields) if section is not None else ()
        if section is not None and own:
            words = Section(key, section.heading, own)
            fields.text(path, words.text(), words.place())


def read_results(found: dict[str, Section], document: Document, fields: Fields) -> None:
    """The 自评得分 and 评价等次 section 九 (or 综合评价结果) states."""
    section = found.get("results")
    if section is None:
        return
    starts = line_starts(document.text)
    for paragraph in section.paragraphs:
        offset = paragraph.place.start or 0
        score = _SCORE.search(paragraph.text)
        if score is not None:
            fields.number("narrative.results.stated_score", score["number"],
                          _place(starts, offset + score.start("number"), offset + score.end("number")),
                          Unit.POINT)
        grade = _GRADE.search(paragraph.text)
        if grade is not None:
            group = "grade" if grade["grade"] else "after"
            word = grade[group]
            fields.put("narrative.results.stated_grade", GRADE_WORDS.get(word, word),
                       _place(starts, offset + grade.start(group), offset + grade.end(group)))


def section_runs(document: Document, section: Section | None) -> Iterator[Run]:
    """The prose runs of ``section`` (none when the report has no such section)."""
    if section is None:
        return
    # told by identity: a paragraph's place is built only when a finding cites it
    inside = {id(paragraph) for paragraph in section.paragraphs}
    for run in runs_of(document):
        if id(run.paragraphs[0]) in inside:
            yield run


def text_place(starts: tuple[int, ...], start: int, end: int) -> Place:
    """The place of ``Document.text[start:end]``; ``starts`` are the document's line starts."""
    return Place(line=bisect_right(starts, start), start=start, end=end)


_place = text_place
