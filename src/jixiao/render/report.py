"""One door for rendering: an evaluation in, a report file out, with the warnings met."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jixiao.io.shared import for_every_form
from jixiao.model import Evaluation
from jixiao.profiles import Profile, load_profile
from jixiao.render.context import RenderContext, build_context
from jixiao.render.spec import TemplateSpec, load_template
from jixiao.scoring import score_evaluation


@dataclass(frozen=True, slots=True)
class Rendering:
    """A written report: where, in which template, and its warnings (未填写, 填报值与计算值不符)."""

    path: Path
    template: str
    warnings: tuple[str, ...]


def prepare(evaluation: Evaluation, template: TemplateSpec | None = None,
            profile: Profile | None = None) -> RenderContext:
    """The rendering context of ``evaluation`` in ``template`` (default: the one it names),
    scored under ``profile`` (default: the evaluation's own profile). A figure entered for
    one form fills the places other forms print it in (:mod:`jixiao.io.shared`)."""
    evaluation = for_every_form(evaluation)
    spec = template or load_template(evaluation.template)
    chosen = profile or load_profile(evaluation.profile)
    return build_context(evaluation, chosen, score_evaluation(evaluation, chosen), spec)


def render_report(evaluation: Evaluation, output: Path, *, template: TemplateSpec | None = None,
                  user_template: Path | None = None, profile: Profile | None = None) -> Rendering:
    """Write ``output`` as .docx or .html (by its suffix)."""
    from jixiao.render.docx import render_docx
    from jixiao.render.html import write_html

    context = prepare(evaluation, template, profile)
    suffix = output.suffix.lower()
    if suffix == ".docx":
        render_docx(context, output, user_template)
    elif suffix in (".html", ".htm"):
        write_html(context, output)
    else:
        raise ValueError(f"unsupported output {suffix}")
    return Rendering(output, context.template.id, context.warnings)
