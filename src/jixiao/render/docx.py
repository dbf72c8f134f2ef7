"""The Word report: a template's ``report.docx`` (or a user's own) rendered with docxtpl.

Values are autoescaped, so text like “<5%” stays text. Every template, built-in or a user's,
renders in the sandbox of :mod:`jixiao.render.sandbox`. After rendering, the indicator tables'
一级/二级 cells are merged (:mod:`jixiao.render.docx_merge`); fonts, page numbers and the
signature block come from the template itself.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from docxtpl import DocxTemplate  # type: ignore[import-untyped]

from jixiao.render.chart_hook import docx_charts
from jixiao.render.context import RenderContext
from jixiao.render.docx_merge import merge_tables
from jixiao.render.docx_rows import keep_rows_whole
from jixiao.render.docx_title import break_long_title
from jixiao.render.template_run import render_sandboxed
from jixiao.render.user_template import check_variables, load_user_template

CHART_VARIABLES = ("composition_chart", "score_chart")


def builtin_template(context: RenderContext) -> DocxTemplate:
    """The Word template shipped in the template's folder."""
    spec = context.template
    with resources.as_file(spec.folder / spec.docx) as path:
        return DocxTemplate(str(path))


def render_docx(context: RenderContext, output: Path, user_template: Path | None = None) -> None:
    """Write the report to ``output``; with ``user_template``, its variables are checked first
    (:class:`~jixiao.io.errors.InputError` names an unknown one and where it is)."""
    if user_template is None:
        template = builtin_template(context)
    else:
        template = load_user_template(user_template)
        check_variables(template, [*context.data, *CHART_VARIABLES], str(user_template))
    render_to(template, context, None if user_template is None else str(user_template))
    template.save(str(output))


def render_to(template: DocxTemplate, context: RenderContext, file: str | None = None) -> None:
    """Render ``context`` into ``template`` in memory (merges included), ready to save; in the
    sandbox, a user's template (``file``) that errs raising :class:`~jixiao.io.errors.InputError`."""
    variables = context.variables() | docx_charts(template, context.charts)
    render_sandboxed(template, variables, file)
    merge_tables(template.docx, context.template.merges)
    keep_rows_whole(template.docx)
    break_long_title(template.docx, context.data["title"], _title_lead(context))


def _title_lead(context: RenderContext) -> str:
    """The title up to the unit's name (``2023年度……工作部``), where a long title breaks; "" for a
    title without the unit's name."""
    title = context.template.title
    if "{unit}" not in title:
        return ""
    return title.split("{unit}")[0].format(year=context.data["year"]) + str(context.data["unit_name"])
