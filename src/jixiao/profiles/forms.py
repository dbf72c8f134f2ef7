"""What a report template's form prints, read from its ``template.yaml`` as plain data.

Templates live in ``jixiao/render/templates/<id>/`` beside their Word and HTML files. The
domain model and the checks need a fact of a form (whether its 绩效指标 table prints 分值) and
may not import the renderer, so the facts they need are declared here, read from that same file
without the renderer; :class:`jixiao.render.spec.TemplateSpec` extends this record with
everything else the file holds.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

import yaml
from pydantic import BaseModel, ConfigDict, Field

SPEC_FILE = "template.yaml"


class FormFacts(BaseModel):
    """The facts of a form that the model and the checks read (a template's other keys are the
    renderer's, ignored here)."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    indicator_weights: bool = Field(
        True, description="whether the form's 整体支出 indicator table (附件2's 绩效指标) prints 分值 and "
                          "得分; false for the 财政局 form, whose 定量目标 has 评价内容, 绩效目标 and "
                          "完成情况 only: its indicators may have no 分值")


def templates_root() -> Traversable:
    """The folder of the built-in templates (a path into the package's data, no module of the
    renderer imported)."""
    return resources.files("jixiao") / "render" / "templates"


@cache
def template_ids() -> tuple[str, ...]:
    """Template ids: every folder of the templates root that has a ``template.yaml`` (looked for
    once: the built-in templates ship in the package, and an audit asks for them every time)."""
    return tuple(sorted(item.name for item in templates_root().iterdir()
                        if item.is_dir() and (item / SPEC_FILE).is_file()))


@cache
def form_facts(template_id: str) -> FormFacts:
    """The facts of template ``template_id``'s form; the defaults for a template that is not
    built in (a bureau's own Word file), which follows the common forms."""
    if template_id not in template_ids():
        return FormFacts()
    text = (templates_root() / template_id / SPEC_FILE).read_text("utf-8")
    return FormFacts.model_validate(yaml.safe_load(text))


def prints_indicator_weights(template_id: str) -> bool:
    """Whether the unit indicator table of ``template_id``'s form prints 分值 (and so needs one
    on every applicable indicator)."""
    return form_facts(template_id).indicator_weights


@cache
def forms_without_indicator_weights() -> tuple[str, ...]:
    """The built-in templates whose unit indicator table prints no 分值."""
    return tuple(template for template in template_ids() if not prints_indicator_weights(template))
