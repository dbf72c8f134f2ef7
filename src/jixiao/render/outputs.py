"""One door from an evaluation to a rendered file: the report (.docx, .html, .pdf) or the
attachments workbook (.xlsx), chosen by the output's suffix.

The CLI's `jixiao render` and the web system's background rendering both call
:func:`render_file`, so a file rendered either way is the same file.
"""

from __future__ import annotations

import importlib
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jixiao.io.errors import InputError
from jixiao.io.output import writing
from jixiao.io.shared import for_every_form
from jixiao.model import Evaluation
from jixiao.profiles import Profile
from jixiao.progress import advance
from jixiao.render.context import RenderContext
from jixiao.render.report import prepare
from jixiao.render.spec import TemplateSpec

OUTPUT_SUFFIXES = (".docx", ".html", ".pdf", ".xlsx")
PDF_STEPS = "出具 PDF"
"""The progress a PDF rendering tells (:mod:`jixiao.progress`), in three steps: the figures and
text, the Word document, LibreOffice's conversion."""


def render_file(evaluation: Evaluation, profile: Profile, spec: TemplateSpec,
                user_template: Path | None, output: Path, *, inputs: Sequence[Path] = (),
                force: bool = False) -> tuple[str, ...]:
    """Write ``output`` in the format its suffix names; return the rendering's warnings
    (未填写 and stated figures the rules disagree with). Raises :class:`InputError` when a
    renderer is missing, the user's template cannot be used, or ``output`` may not be written.

    The file is written through :func:`jixiao.io.output.writing`: ``inputs`` (the files the
    evaluation was read from) and ``user_template`` are never overwritten, an existing file
    only with ``force``, and an interrupted rendering leaves no partial file.
    """
    sources = [*inputs, *([user_template] if user_template else [])]
    with writing(output, inputs=sources, force=force) as temporary:
        return _render_to(for_every_form(evaluation), profile, spec, user_template, temporary)


def _render_to(evaluation: Evaluation, profile: Profile, spec: TemplateSpec,
               user_template: Path | None, output: Path) -> tuple[str, ...]:
    suffix = output.suffix.lower()
    if suffix == ".xlsx":
        xlsx = _optional("jixiao.render.xlsx", "Excel 附件表")
        from jixiao.scoring import score_evaluation

        body = xlsx.report_body(prepare(evaluation, spec, profile))
        xlsx.write_attachments(evaluation, score_evaluation(evaluation, profile), profile, output, body,
                               template=spec.id)
        return ()
    if suffix == ".pdf":
        advance(PDF_STEPS, 0, 3, "步")  # the bar shows before the first, longest-waited step
    context = prepare(evaluation, spec, profile)
    if suffix == ".html":
        from jixiao.render.html import write_html

        write_html(context, output)
    elif suffix == ".docx":
        _docx(context, output, user_template)
    else:
        pdf = _optional("jixiao.render.pdf", "PDF")
        advance(PDF_STEPS, 1, 3, "步")
        with tempfile.TemporaryDirectory(prefix="jixiao-render-") as folder:
            docx_path = Path(folder) / "report.docx"
            _docx(context, docx_path, user_template)
            advance(PDF_STEPS, 2, 3, "步")
            pdf.render_pdf(docx_path, output)
        advance(PDF_STEPS, 3, 3, "步")
    return context.warnings


def _docx(context: RenderContext, output: Path, user_template: Path | None) -> None:
    from jixiao.render.docx import render_docx

    render_docx(context, output, user_template)


def _optional(module: str, what: str) -> Any:
    """A renderer module that may not be installed in this build."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise InputError(f"此版本尚不能输出 {what}（缺少 {module}）",
                         english=f"{module} not available") from None
