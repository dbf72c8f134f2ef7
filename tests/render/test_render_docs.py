"""docs/templates.md names every template, builder and template.yaml field."""

from __future__ import annotations

from pathlib import Path

from jixiao.render.narrative import SECTION_BUILDERS
from jixiao.render.spec import TemplateSpec, available_templates
from jixiao.render.tables import TABLE_BUILDERS

DOC = (Path(__file__).resolve().parents[2] / "docs" / "templates.md").read_text("utf-8")


def test_every_template_builder_and_field_is_documented() -> None:
    names = [*available_templates(), *SECTION_BUILDERS, *TABLE_BUILDERS, *TemplateSpec.model_fields]
    assert [name for name in names if f"`{name}`" not in DOC] == []
