"""Paragraphs jixiao writes itself into a form's sections, told from the unit's words.

Sections 六 and 九 of the 岳阳楼区 form are *mixed* (template.yaml): a paragraph written by rule
from the figures, then the unit's own words; after 十 the form lists its attachments. The 鼎城区
form's 五、综合评价结果 is one sentence by rule. Read back from a rendered report,
those paragraphs are not the unit's words: kept as such, a re-rendered report would print them
twice. They are recognised by the fixed words the renderer opens them with
(:mod:`jixiao.render.narrative`, :mod:`jixiao.render.rule_text`), and what they state that the
figures do not (公开情况, 结果应用, 预算调整原因, 执行率说明) is read back into its own field. The
:data:`~jixiao.render.figures.MISSING` mark is never read as a value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from jixiao.documents.model import Paragraph
from jixiao.extract.evaluation.fields import Fields
from jixiao.render.figures import MISSING

BY_RULE = (
    re.compile(r"^\d{4}年度资金年初预算数为"),  # 六: 预算执行 (narrative.performance_section)
    re.compile(r"^项目“[^”]*”(?:全年预算数|执行率未达到|预算调整说明|执行率说明)"),  # 六: a project's
    re.compile(r"^经自评，.*自评得分为"),  # 九: rule_text.results_sentence
    re.compile(r"^根据对.*的检查，.*自评分"),  # 鼎城 五、综合评价结果 (dingcheng.result_section)
)
"""Openings of the paragraphs the renderer writes by rule."""
_BY_RULE = re.compile("|".join(f"(?:{rule.pattern})" for rule in BY_RULE))
"""Any of them: one match per paragraph."""
STATED = (("公开情况：", "narrative.results.publication"), ("结果应用：", "narrative.results.application"))
"""九's labelled paragraphs (the renderer's own labels) → the field each states."""
EXPLANATIONS = (
    (re.compile(r"(?:预算调整原因|预算调整说明)：(?P<text>.+?)(?=执行率未达到|执行率说明：|$)"),
     "self_assessment.budget_change_explanation"),
    (re.compile(r"(?:执行率未达到[\d.]+%，原因|执行率说明)：(?P<text>.+)$"),
     "self_assessment.execution_explanation"),
)
"""What the 预算执行 paragraph of 六 states in the unit's words."""
_ATTACHMENTS = re.compile(r"^(?:附件[：:]|报告需要以下附件)")


def own_paragraphs(key: str, paragraphs: Sequence[Paragraph], fields: Fields) -> tuple[Paragraph, ...]:
    """The paragraphs of section ``key`` that are the unit's words; what the others state is put
    into ``fields``."""
    kept: list[Paragraph] = []
    for paragraph in paragraphs:
        text = paragraph.text.strip()
        if key == "other" and _ATTACHMENTS.match(text):
            break  # the report's list of its attachments: the form prints it after 十
        if BY_RULE[0].match(text):
            _explanations(text, paragraph, fields)
        label = next(((prefix, path) for prefix, path in STATED if text.startswith(prefix)), None)
        if label is not None:
            _stated(text.removeprefix(label[0]), label[1], paragraph, fields)
        if MISSING in text or label is not None or _BY_RULE.match(text):
            continue
        kept.append(paragraph)
    return tuple(kept)


def _explanations(text: str, paragraph: Paragraph, fields: Fields) -> None:
    """The explanations the 预算执行 paragraph gives; one it asks for and marks 【未填写】 is read
    as given blank, so ``jixiao check`` judges its absence (JX-EXEC-002) as on the data."""
    for pattern, path in EXPLANATIONS:
        match = pattern.search(text)
        if match is not None and MISSING in match["text"]:
            fields.put(path, "", paragraph.place)
        elif match is not None:
            _stated(match["text"], path, paragraph, fields)


def _stated(text: str, path: str, paragraph: Paragraph, fields: Fields) -> None:
    if MISSING not in text:
        fields.text(path, text, paragraph.place)
