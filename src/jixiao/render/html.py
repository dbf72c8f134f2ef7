"""The HTML preview: the same context as the Word report, one self-contained page.

Inline CSS, no external resource (no CDN, no web font), charts as inline SVG. Jinja2 (docxtpl's
own dependency) with autoescaping; templates live in the template's folder and share
``templates/_shared/base.html.j2``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from jixiao.render.chart_hook import svg_charts
from jixiao.render.context import RenderContext
from jixiao.render.figures import MISSING


@cache
def _environment() -> Environment:
    environment = Environment(loader=PackageLoader("jixiao.render", "templates"),
                              autoescape=select_autoescape(default=True, default_for_string=True),
                              undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    environment.filters["marked"] = _marked
    return environment


def _marked(text: str) -> object:
    """Escape ``text`` and wrap every 未填写 marker in ``<mark>`` so it stands out."""
    from markupsafe import Markup, escape

    return Markup(str(escape(text)).replace(MISSING, f'<mark class="missing">{MISSING}</mark>'))


def render_html(context: RenderContext) -> str:
    spec = context.template
    template = _environment().get_template(f"{spec.id}/{spec.html}")
    return template.render(**(context.variables() | svg_charts(context.charts)))


def write_html(context: RenderContext, output: Path) -> None:
    output.write_text(render_html(context), encoding="utf-8")
