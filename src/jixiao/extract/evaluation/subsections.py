"""Parts of a body section under their “（一）…” headings: 职能职责 (岳阳楼区 and 鼎城区 forms) and
the 部门绩效目标 of the 鼎城区 form.

A part runs from its heading to the next heading (“（…）” or “二、…”, which a section the
body list does not know leaves inside this one) or the section's end. Its text is kept
as written, numbering (“1.”, “1、”) removed: the forms number it again when they print it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from jixiao.documents.model import Paragraph
from jixiao.extract.evaluation.fields import Fields
from jixiao.extract.evaluation.sections import Section
from jixiao.extract.tables.cells import compact

_SUBHEADING = re.compile(r"^\s*[（(][一二三四五六七八九十]+[）)]")
_HEADING = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)")
_NUMBERING = re.compile(r"^\s*\d+\s*[、.．]\s*")
_DUTY_END = re.compile(r"[；;]")
FUNCTIONS = ("职能职责", "主要职责")
"""Words of the heading of the unit's duties (“（一）职能职责”, “（二）单位主要职责”)."""
GOALS = (("总目标", "expected"), ("年度部门绩效目标", "achieved"))
"""鼎城区 部门绩效目标: heading words → the :class:`~jixiao.model.Goal` field it states (the
renderer prints 总目标 from ``expected`` and the year's 绩效目标 from ``achieved``)."""


def part(paragraphs: Sequence[Paragraph], words: Sequence[str]) -> tuple[Paragraph, ...]:
    """The paragraphs under the first “（…）” heading holding one of ``words``."""
    begin = next((i for i, p in enumerate(paragraphs)
                  if _SUBHEADING.match(p.text) and any(w in compact(p.text) for w in words)), None)
    if begin is None:
        return ()
    end = next((i for i, p in enumerate(paragraphs[begin + 1:], begin + 1) if _HEADING.match(p.text)),
               len(paragraphs))
    return tuple(paragraphs[begin + 1:end])


def duties(text: str) -> list[str]:
    """The duties a paragraph states: a numbered one (“1.协助…；…。”) is one duty as written;
    an unnumbered one lists its duties between semicolons (“负责…；负责…。”), full stop dropped."""
    numbered = _NUMBERING.match(text)
    if numbered is not None:
        return [text[numbered.end():].strip()]
    return [duty.strip().rstrip("。") for duty in _DUTY_END.split(text) if duty.strip().rstrip("。")]


def read_functions(found: Mapping[str, Section], fields: Fields) -> None:
    """职能职责: the duties of the paragraphs of its part of 一、单位基本情况 / 部门概况."""
    section = found.get("basic")
    paragraphs = part(section.paragraphs, FUNCTIONS) if section is not None else ()
    stated = [(duty, paragraph.place) for paragraph in paragraphs for duty in duties(paragraph.text)]
    for index, (duty, place) in enumerate(stated):
        fields.put(f"unit.functions[{index}]", duty, place)


def read_goals(found: Mapping[str, Section], fields: Fields) -> None:
    """三、部门绩效目标 of the 鼎城区 form: 总目标 and the year's 绩效目标, as one goal."""
    section = found.get("goals")
    if section is None:
        return
    for words, field in GOALS:
        paragraphs = part(section.paragraphs, (words,))
        if paragraphs:
            under = Section(field, paragraphs[0], paragraphs)
            fields.text(f"self_assessment.goals[0].{field}", under.text(), under.place())
