"""The guided workbook of each report template, as data: sheet → block → row/column → field path.

Both :mod:`jixiao.io.workbook.writer` and :mod:`jixiao.io.workbook.reader` work from these
layouts only; each is declared in the vocabulary of :mod:`jixiao.io.workbook.blocks`, from the
pieces of :mod:`jixiao.io.workbook.parts` the forms share.
"""

from __future__ import annotations

from types import MappingProxyType

from jixiao.io import DEFAULT_TEMPLATE
from jixiao.io.errors import InputError
from jixiao.io.workbook.blocks import WorkbookLayout
from jixiao.io.workbook.regional import DINGCHENG, FINANCE, NATIONAL_PROJECT
from jixiao.io.workbook.yueyanglou import LAYOUT as YUEYANGLOU

__all__ = ["DEFAULT_TEMPLATE", "LAYOUTS", "workbook_layout"]

LAYOUTS = MappingProxyType({layout.template: layout
                            for layout in (YUEYANGLOU, DINGCHENG, FINANCE, NATIONAL_PROJECT)})
"""Every built-in template's workbook, by template id."""


def workbook_layout(template_id: str) -> WorkbookLayout:
    """The workbook layout of a report template."""
    try:
        return LAYOUTS[template_id]
    except KeyError:
        known = "、".join(LAYOUTS)
        raise InputError(f"没有报告模板“{template_id}”的填报工作簿（现有：{known}）",
                         english=f"no workbook layout for template {template_id!r}") from None
