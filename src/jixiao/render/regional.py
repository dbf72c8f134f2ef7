"""Builders of the regional forms (财政局 2021, 鼎城区 2023), registered beside the 岳阳楼区 ones.

:mod:`jixiao.render.context` looks a template.yaml's builder names up here after
:data:`~jixiao.render.narrative.SECTION_BUILDERS` and :data:`~jixiao.render.tables.TABLE_BUILDERS`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from jixiao.render.dingcheng import DINGCHENG_SECTIONS, DINGCHENG_TABLES
from jixiao.render.facts import Facts
from jixiao.render.finance_form import FINANCE_TABLES
from jixiao.render.narrative_finance import FINANCE_SECTIONS
from jixiao.render.prose import Prose
from jixiao.render.tables import Filled

REGIONAL_SECTIONS: Mapping[str, Callable[[Facts], Prose]] = MappingProxyType(
    {**FINANCE_SECTIONS, **DINGCHENG_SECTIONS})
"""Section builders of the regional forms."""

REGIONAL_TABLES: Mapping[str, Callable[[Facts], Filled]] = MappingProxyType(
    {**FINANCE_TABLES, **DINGCHENG_TABLES})
"""Table builders of the regional forms (their tables are unnumbered attachments of the spec)."""
