"""Spending above its budget, stated in prose: “2024年本部门项目支出预算0万元，实际支出为3383.13万元”.

A control observation (JX-TEXT-011, ``warning``, kind ``control``), not an inconsistency: the
figures may well be right, and the unit has to explain them. Read from the text as written: the
budget (预算, 预算数) and, in the next clause, the spending (实际支出, 支出决算, 决算数, 执行数), both
in money.
"""

from __future__ import annotations

import re

from jixiao.documents.model import Document
from jixiao.extract.amounts import MONEY, NUMBER
from jixiao.extract.text_runs import line_starts, text_place
from jixiao.findings import CONTROL, Finding, Severity, Term
from jixiao.numbers import NumberError, StatedNumber, parse_stated

OVERRUN = "JX-TEXT-011"

_LABEL = re.compile(r"[^\s，。；：,.;:、]{0,12}$")
_OVERRUN = re.compile(
    rf"预算(?:数|资金)?(?:为|是)?\s*(?P<budget>{NUMBER})\s*(?P<bunit>{MONEY})"
    r"\s*[，,]\s*(?:实际支出|实际执行|支出决算|决算支出|决算数?|执行数?)(?:为|是|了)?\s*"
    rf"(?P<actual>{NUMBER})\s*(?P<aunit>{MONEY})")


def overrun_findings(document: Document) -> tuple[Finding, ...]:
    text, starts = document.text, line_starts(document.text)
    findings = []
    for match in _OVERRUN.finditer(text):
        try:
            budget = parse_stated(match["budget"] + match["bunit"])
            actual = parse_stated(match["actual"] + match["aunit"])
        except NumberError:
            continue
        if actual.in_unit(budget.unit).value <= budget.value:
            continue
        findings.append(_finding(match, budget, actual, text, starts))
    return tuple(findings)


def _finding(match: re.Match[str], budget: StatedNumber, actual: StatedNumber, text: str,
             starts: tuple[int, ...]) -> Finding:
    before = _LABEL.search(text, max(0, match.start() - 12), match.start())
    label = re.sub(r"^\d{4}\s*年度?|^(?:本部门|本单位|我单位)", "", before.group() if before else "")
    label = re.sub(r"^(?:本部门|本单位|我单位)", "", label)
    message = (f"{label}实际支出 {actual.written}{actual.unit.value} 超过预算 "
               f"{budget.written}{budget.unit.value}，须说明原因")
    line_start = text.rfind("\n", 0, match.start()) + 1
    line_end = text.find("\n", match.end())
    where = text_place(starts, *match.span("actual"))
    budget_term = Term(f"{label}预算", budget.written, text_place(starts, *match.span("budget")))
    evidence = text[line_start:len(text) if line_end < 0 else line_end].strip()
    return Finding.new(OVERRUN, Severity.WARNING, message, where, stated=actual.written,
                       expected=budget.written, terms=(budget_term,), evidence=evidence, kind=CONTROL)
