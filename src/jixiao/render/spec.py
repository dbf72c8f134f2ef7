"""Report templates as data: one folder per template under ``render/templates/<id>/``.

Each folder holds ``template.yaml`` (what the template is: name, region, years, scoring profile,
its sections with their source, its attachments, fonts, display rounding and the variables its
Word template may use, each with a Chinese description), the Word template (docxtpl tags) and
the HTML preview template. Adding a template is adding a folder: nothing here names one.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from importlib.resources.abc import Traversable

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from jixiao.io.errors import InputError
from jixiao.profiles.forms import SPEC_FILE, FormFacts, template_ids, templates_root


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SectionSource(StrEnum):
    """Where a section's text comes from."""

    GENERATED = "generated"
    """由数据按规则生成: every figure computed or copied from the data."""
    UNIT = "unit"
    """单位自述: the unit's own words, kept as entered."""
    MIXED = "mixed"
    """a generated paragraph of figures, then the unit's own words."""


class SectionSpec(_Frozen):
    number: str = Field(description="一, 二, …")
    title: str
    source: SectionSource
    builder: str = Field(description="the narrative builder that writes it (render/narrative.py)")
    chart: str = Field("", description="composition | score: the chart shown after the section")


class AttachmentSpec(_Frozen):
    number: str = Field(description="附件 number as printed, empty for an unnumbered table")
    title: str
    builder: str = Field(description="the table builder that fills it (render/tables.py)")


class Fonts(_Frozen):
    body: str = Field("宋体", description="eastAsia font of body text and tables")
    heading: str = Field("黑体", description="eastAsia font of headings")
    body_size: int = Field(12, description="pt")
    table_size: int = Field(9, description="pt")


class Rounding(_Frozen):
    """How computed figures are shown (stated figures are always shown as written)."""

    percent_decimals: int = Field(2, ge=0, le=4)
    money_decimals: int = Field(2, ge=0, le=4)


class TableMerge(_Frozen):
    """Vertical merges of the tables that have a cell reading ``header``: in each of ``columns``
    (grid columns, each merged only inside the groups of the one before), consecutive cells of
    the same text merge, or, with ``blank_continues``, a blank cell merges into the label above
    it (forms whose row loops print a group's label on its first row only)."""

    header: str
    columns: tuple[int, ...]
    blank_continues: bool = False


class TemplateSpec(FormFacts):
    """One report template, read from its ``template.yaml``: the facts of its form the model
    and checks read too (:class:`~jixiao.profiles.forms.FormFacts`), and what the renderer uses."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    name: str
    region: str
    years: tuple[int, ...]
    profile: str = Field(description="the scoring profile the template's tables follow")
    title: str = Field(description="report title; {year} and {unit} are filled in")
    docx: str = Field(description="the Word template file in the folder")
    html: str = Field(description="the HTML preview template file in the folder")
    fonts: Fonts = Fonts()
    rounding: Rounding = Rounding()
    sections: tuple[SectionSpec, ...] = ()
    attachments: tuple[AttachmentSpec, ...] = ()
    grade_words: dict[str, str] = Field(
        {}, description="the profile's grade → the word the form prints (优 → 优秀); others as they are")
    merges: tuple[TableMerge, ...] = Field(
        (TableMerge(header="一级指标", columns=(0, 1, 2)),),
        description="the tables whose cells merge vertically, as the paper form merges them")
    variables: dict[str, str] = Field(description="variable → 中文说明, all the Word template may use")
    fields: dict[str, str] = Field(
        {}, description="the data the form prints, field path → the form's Chinese name for it "
                        "(empty: the data model's title); jixiao import lists those a report does "
                        "not state")

    @property
    def folder(self) -> Traversable:
        return templates_root() / self.id


def available_templates() -> tuple[str, ...]:
    """Template ids: every folder of ``render/templates`` that has a ``template.yaml``."""
    return template_ids()


@cache
def load_template(template_id: str) -> TemplateSpec:
    """The template named ``template_id``; :class:`InputError` when there is none or it is broken."""
    known = available_templates()
    if template_id not in known:
        raise InputError(f"报告模板“{template_id}”不存在（可用：{'、'.join(known)}）",
                         english=f"unknown report template {template_id!r}")
    text = (templates_root() / template_id / SPEC_FILE).read_text("utf-8")
    try:
        spec = TemplateSpec.model_validate(yaml.safe_load(text))
    except (ValidationError, yaml.YAMLError) as error:
        raise InputError(f"报告模板“{template_id}”的 {SPEC_FILE} 有误：{error}",
                         english="invalid template.yaml") from None
    if spec.id != template_id:
        raise InputError(f"报告模板文件夹“{template_id}”中的 id 写成了“{spec.id}”",
                         english="template id differs from its folder")
    return spec
