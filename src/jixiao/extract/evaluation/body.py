"""Figures the report body states in prose: staffing, 内设机构, 基本支出 and 项目支出 (岳阳楼区
form), and the 部门财务情况 and 三公 changes of the 鼎城区 form.

Each figure keeps the place of its digits in ``Document.text``. Only plain statements are
read (“人员编制数10人”, “基本支出数为132.71万元”, “其中：1、应急工作专项5.00万元；…”); anything
phrased otherwise stays unread, and so missing, rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from jixiao.documents.model import Document, Paragraph
from jixiao.extract.amounts import NUMBER, label_before
from jixiao.extract.evaluation.fields import Fields
from jixiao.extract.evaluation.sections import Section, section_runs, text_place
from jixiao.extract.text_runs import Run, line_starts, sentence_end
from jixiao.findings import Place
from jixiao.numbers import StatedNumber, Unit

_PEOPLE = r"\s*(?:为|是|共)?\s*(?P<n>\d+)\s*[人名]"
AUTHORIZED = re.compile(rf"(?:人员编制数?|编制数|编制人数){_PEOPLE}")
ACTUAL = re.compile(rf"(?:实有人数|实有在编|实有|实际在职(?:人员|人数)?|年末(?:在职)?人数){_PEOPLE}")
RETIRED = re.compile(rf"离?退休(?:人员|人数)?{_PEOPLE}")
CONTROL_RATE = re.compile(rf"控制率\s*(?:为|是)?\s*(?P<n>{NUMBER})\s*[%％]")
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9, "十": 10}
_COUNT = r"(?P<count>\d+|十?[一二两三四五六七八九]|十)"
DEPARTMENTS = (
    re.compile(rf"内设机构(?:股室|科室)?{_COUNT}个[，,]\s*分别(?:为|是)[：:]?(?P<list>[^。；]+)"),
    re.compile(rf"(?:内设|下设)(?P<list>[^，。；]+?){_COUNT}个(?:内设机构|科室|股室)"),
)
_AMOUNT = rf"(?P<n>{NUMBER})\s*万元"
BASIC_TOTAL = re.compile(rf"基本支出(?:数|总额|资金)?\s*(?:为|是|共)?\s*{_AMOUNT}")
PROJECT_TOTAL = re.compile(rf"项目支出(?:总数|总额|数)?\s*(?:为|是|共)?\s*{_AMOUNT}")
BUDGET_THEN_ACTUAL = re.compile(
    rf"(?P<what>基本支出|项目支出)(?:年初)?预算数?\s*(?:为)?\s*(?P<budget>{NUMBER})\s*万元[，,]\s*"
    rf"实际支出(?:数)?\s*(?:为)?\s*(?P<n>{NUMBER})\s*(?:万元)?")
SHARE = re.compile(rf"\s*[，,]?\s*占基本支出的?\s*(?:比重|比例)?\s*(?:为)?\s*(?P<n>{NUMBER})\s*[%％]")
BASIC_PARTS = (("人员经费", "personnel"), ("工资福利", "personnel"), ("公用经费", "public"),
               ("商品和服务", "public"), ("对个人和家庭的补助", "subsidies"))
_ITEM_NUMBERING = re.compile(r"^\s*\d+\s*[、.．]\s*")
BASIC = "finances.general_budget.basic"
PROJECTS = "finances.general_budget.projects"


def read_staffing(document: Document, paragraphs: Iterable[Paragraph], fields: Fields) -> None:
    """编制数, 实有人数, 离退休 and 控制率 of the body (unit.staffing). Where a sentence states
    the 控制率, the 编制数 and 实有人数 it is computed from are taken from that same sentence."""
    starts = line_starts(document.text)
    listed = list(paragraphs)
    path = "unit.staffing"
    for paragraph in listed:
        rate = CONTROL_RATE.search(paragraph.text)
        if rate is None:
            continue
        head = paragraph.text[:rate.start()]
        authorized, actual = _last(AUTHORIZED, head), _last(ACTUAL, head)
        if authorized and actual:
            _people(fields, f"{path}.authorized", authorized, paragraph, starts)
            _people(fields, f"{path}.actual", actual, paragraph, starts)
        fields.number(f"{path}.stated_control_rate", rate["n"],
                      _at(paragraph, rate, starts), Unit.PERCENT)
        break
    for pattern, name in ((AUTHORIZED, "authorized"), (ACTUAL, "actual"), (RETIRED, "retired")):
        for paragraph in listed:
            match = pattern.search(paragraph.text)
            if match is not None:
                _people(fields, f"{path}.{name}", match, paragraph, starts)
                break


def read_departments(document: Document, paragraphs: Iterable[Paragraph], fields: Fields) -> None:
    """“内设机构股室四个，分别为A、B、C、D” or “下设A、B、C三个科室”: the list and its count."""
    starts = line_starts(document.text)
    for paragraph in paragraphs:
        for pattern in DEPARTMENTS:
            match = pattern.search(paragraph.text)
            if match is None:
                continue
            names = list(re.finditer(r"[^、]+", match["list"]))
            count = _count(match["count"])
            if count is None or len(names) < 2:
                continue
            place = _at(paragraph, match, starts, "count")
            fields.put("unit.stated_department_count", StatedNumber.of(count, Unit.ITEM), place)
            begin = (paragraph.place.start or 0) + match.start("list")
            for index, name in enumerate(names):
                fields.put(f"unit.departments[{index}]", name.group().strip(),
                           text_place(starts, begin + name.start(), begin + name.end()))
            return


def read_general_budget(document: Document, section: Section | None, fields: Fields) -> None:
    """二、一般公共预算支出情况: 基本支出 with its parts and shares, 项目支出 and its items."""
    starts = line_starts(document.text)
    runs = list(section_runs(document, section))
    split = next((index for index, run in enumerate(runs) if "项目支出情况" in run.text[:20]), len(runs))
    for run in runs[:split]:
        _basic(run, fields, starts)
    for run in runs[split:]:
        _projects(run, fields, starts)


def _basic(run: Run, fields: Fields, starts: tuple[int, ...]) -> None:
    text = run.text
    both = BUDGET_THEN_ACTUAL.search(text)
    if both is not None and both["what"] == "基本支出":
        _number(fields, f"{BASIC}.stated_budget", run, both, "budget", starts)
        _number(fields, f"{BASIC}.total", run, both, "n", starts)
    total = BASIC_TOTAL.search(text)
    if total is not None:
        _number(fields, f"{BASIC}.total", run, total, "n", starts)
    for figure in run.figures:
        if not figure.is_money or figure.change:
            continue
        part = next((key for words, key in BASIC_PARTS if words in figure.label), None)
        if part is None:
            continue
        place = run.place(figure.start, figure.end, starts)
        if fields.put(f"{BASIC}.{part}.amount", figure.number.in_unit(Unit.WAN_YUAN), place):
            share = SHARE.match(text, figure.unit_end)
            if share is not None:
                _number(fields, f"{BASIC}.{part}.stated_share", run, share, "n", starts,
                        Unit.PERCENT)


def _projects(run: Run, fields: Fields, starts: tuple[int, ...]) -> None:
    text = run.text
    both = BUDGET_THEN_ACTUAL.search(text)
    total = both if both is not None and both["what"] == "项目支出" else PROJECT_TOTAL.search(text)
    if total is None or fields.has(f"{PROJECTS}.total"):
        return
    if total is both:
        _number(fields, f"{PROJECTS}.stated_budget", run, total, "budget", starts)
    _number(fields, f"{PROJECTS}.total", run, total, "n", starts)
    among = text.find("其中", total.end())
    if among < 0:
        return
    end = sentence_end(text, among)
    items = [figure for figure in run.figures
             if among < figure.start < end and figure.is_money and not figure.change]
    for index, figure in enumerate(items):
        name = _ITEM_NUMBERING.sub("", label_before(text, figure.start)).strip()
        if not name:
            return
        begin = text.rfind(name, 0, figure.start)
        fields.put(f"{PROJECTS}.items[{index}].name", name, run.place(begin, begin + len(name), starts))
        fields.put(f"{PROJECTS}.items[{index}].amount", figure.number.in_unit(Unit.WAN_YUAN),
                   run.place(figure.start, figure.end, starts))


def _number(fields: Fields, path: str, run: Run, match: re.Match[str], group: str,
            starts: tuple[int, ...], unit: Unit = Unit.WAN_YUAN) -> None:
    place = run.place(match.start(group), match.end(group), starts)
    fields.number(path, match[group], place, unit)


def _people(fields: Fields, path: str, match: re.Match[str], paragraph: Paragraph,
            starts: tuple[int, ...]) -> None:
    fields.number(path, match["n"], _at(paragraph, match, starts), Unit.PERSON)


def _at(paragraph: Paragraph, match: re.Match[str], starts: tuple[int, ...], group: str = "n") -> Place:
    offset = paragraph.place.start or 0
    return text_place(starts, offset + match.start(group), offset + match.end(group))


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = list(pattern.finditer(text))
    return found[-1] if found else None


def _count(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_DIGITS[text[1]]
    return _CN_DIGITS.get(text)
