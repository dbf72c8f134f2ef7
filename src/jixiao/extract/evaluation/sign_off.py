"""The 签字栏 under the attachments: “单位负责人：张三　填表人：李四　联系电话：…　填报日期：…”.

The 岳阳楼区 form and the national 项目支出绩效自评表 print it as one line of labelled values
(the workbook adds 签字 to 单位负责人); a value left blank or marked 【未填写】 is not read.
"""

from __future__ import annotations

import re

from jixiao.documents.model import Document
from jixiao.extract.evaluation.fields import Fields
from jixiao.extract.evaluation.sections import text_place
from jixiao.extract.text_runs import line_starts
from jixiao.render.figures import MISSING

LABELS = (("单位负责人", "sign_off.head"), ("填表人", "sign_off.preparer"), ("联系电话", "sign_off.phone"),
          ("填报日期", "sign_off.date"))
_LABELLED = re.compile("(?:" + "|".join(label for label, _ in LABELS) + r")(?:签字)?[：:]")


def read_sign_off(document: Document, fields: Fields) -> None:
    """Each labelled value of the first line that names both 单位负责人 and 填表人: the text from
    its label to the next label, trimmed (a blank value is no value)."""
    text = document.text
    line = re.search(r"^.*单位负责人.*填表人.*$", text, re.MULTILINE)
    if line is None:
        return
    starts = line_starts(text)
    labels = list(_LABELLED.finditer(text, line.start(), line.end()))
    paths = dict(LABELS)
    for label, following in zip(labels, [*labels[1:], None], strict=True):
        end = following.start() if following is not None else line.end()
        value = text[label.end():end].strip(" \t\u3000")
        begin = text.index(value, label.end()) if value else label.end()
        path = paths[label.group().rstrip("：:").removesuffix("签字")]
        if value and MISSING not in value:
            fields.put(path, value, text_place(starts, begin, begin + len(value)))
