"""The charts hook: images from :mod:`jixiao.render.charts` when that module is installed.

The report's two charts (基本支出 composition; each indicator's 得分 against its 分值) are drawn
by ``jixiao.render.charts``. It is imported lazily: without it, or without data for a chart,
the chart variables are empty and the templates leave the chart out.
"""

from __future__ import annotations

import importlib
import io
from decimal import Decimal
from types import ModuleType
from typing import Any

from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage  # type: ignore[import-untyped]
from markupsafe import Markup

from jixiao.render.context import ChartData

COMPOSITION_TITLE = "基本支出构成（万元）"
SCORE_TITLE = "绩效指标得分与分值"
CHART_WIDTH = Mm(150)


def chart_module() -> ModuleType | None:
    """``jixiao.render.charts`` if present, else ``None``."""
    try:
        return importlib.import_module("jixiao.render.charts")
    except ImportError:
        return None


def docx_charts(template: DocxTemplate, charts: ChartData) -> dict[str, Any]:
    """``composition_chart`` and ``score_chart`` as Word inline images ("" when not drawn)."""
    module = chart_module()
    images: dict[str, Any] = {"composition_chart": "", "score_chart": ""}
    if module is None:
        return images
    if charts.composition:
        parts, shares = _composition(charts)
        png = module.composition_chart_png(parts, COMPOSITION_TITLE, shares=shares)
        images["composition_chart"] = InlineImage(template, io.BytesIO(png), width=CHART_WIDTH)
    if charts.scores:
        png = module.score_chart_png(charts.scores, SCORE_TITLE)
        images["score_chart"] = InlineImage(template, io.BytesIO(png), width=CHART_WIDTH)
    return images


def svg_charts(charts: ChartData) -> dict[str, Markup | str]:
    """The same charts as inline SVG for the HTML preview ("" when not drawn)."""
    module = chart_module()
    svgs: dict[str, Markup | str] = {"composition_chart": "", "score_chart": ""}
    if module is None:
        return svgs
    if charts.composition:
        parts, shares = _composition(charts)
        svg = module.composition_chart_svg(parts, COMPOSITION_TITLE, shares=shares)
        svgs["composition_chart"] = Markup(svg)
    if charts.scores:
        svgs["score_chart"] = Markup(module.score_chart_svg(charts.scores, SCORE_TITLE))
    return svgs


def _composition(charts: ChartData) -> tuple[list[tuple[str, Decimal]], list[str]]:
    """The parts of 基本支出, and their shares as the report's text states them."""
    return ([(label, amount) for label, amount, _ in charts.composition],
            [share for _, _, share in charts.composition])
