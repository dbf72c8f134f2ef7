"""Evaluation + profile + scorecard → one frozen rendering context, the same for docx and html.

The context's ``data`` holds only plain values (str, bool, int, list, dict) for the templates;
``charts`` keeps the exact Decimals the charts are drawn from; ``warnings`` lists, in Chinese,
everything missing (未填写) or stated differently from what the rule computes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from jixiao.model import Evaluation, ShareLine
from jixiao.numbers import ZERO, StatedNumber
from jixiao.profiles import Profile
from jixiao.render.facts import Facts
from jixiao.render.figures import Notes, Rules
from jixiao.render.narrative import BASIC_PARTS, SECTION_BUILDERS, basic_share
from jixiao.render.regional import REGIONAL_SECTIONS, REGIONAL_TABLES
from jixiao.render.spec import TemplateSpec
from jixiao.render.tables import TABLE_BUILDERS
from jixiao.scoring import Scorecard

FUND_BUILDERS = ("government_fund", "state_capital", "social_insurance")


@dataclass(frozen=True, slots=True)
class ChartData:
    """What the charts show: 基本支出 by part (label, amount, the share as the report's text states
    it, with the rule's where that differs), and each indicator (label, 得分, 分值)."""

    composition: tuple[tuple[str, Decimal, str], ...]
    scores: tuple[tuple[str, Decimal, Decimal], ...]


@dataclass(frozen=True, slots=True)
class RenderContext:
    """Everything a template needs for one report."""

    template: TemplateSpec
    data: Mapping[str, Any]
    charts: ChartData
    warnings: tuple[str, ...]

    def variables(self) -> dict[str, Any]:
        """A fresh copy of the template variables (renderers may add images to it)."""
        return dict(self.data)


def build_context(evaluation: Evaluation, profile: Profile, scorecard: Scorecard,
                  template: TemplateSpec) -> RenderContext:
    rules = Rules(template.rounding.percent_decimals, template.rounding.money_decimals,
                  profile.score_decimals, tuple(template.grade_words.items()))
    facts = Facts(evaluation, scorecard, rules)
    warnings: list[str] = []
    sections = []
    for section in template.sections:
        prose = {**SECTION_BUILDERS, **REGIONAL_SECTIONS}[section.builder](facts)
        warnings += prose.warnings
        sections.append({"number": section.number, "title": section.title,
                         "heading": f"{section.number}、{section.title}", "source": section.source.value,
                         "chart": section.chart,
                         "paragraphs": [para.as_dict() for para in prose.paragraphs]})
    data: dict[str, Any] = {"sections": sections, "fund_tables": []}
    for attachment in template.attachments:
        filled = {**TABLE_BUILDERS, **REGIONAL_TABLES}[attachment.builder](facts)
        warnings += filled.warnings
        if attachment.builder in FUND_BUILDERS:
            data["fund_tables"].append(filled.data | {"number": attachment.number, "title": attachment.title})
        else:
            data[attachment.builder] = filled.data
    notes = Notes()
    data |= _heading(evaluation, template, notes)
    data["attachments"] = [{"number": a.number, "title": a.title} for a in template.attachments]
    data["numbers"] = {a.builder: a.number for a in template.attachments}
    if "sign_off" in template.variables:  # a form without a 签字栏 needs none
        warnings += notes.items
    return RenderContext(template, MappingProxyType(data), _charts(facts),
                         tuple(dict.fromkeys(warnings)))


def _heading(evaluation: Evaluation, template: TemplateSpec, notes: Notes) -> dict[str, Any]:
    sign = evaluation.sign_off
    return {
        "year": str(evaluation.year),
        "unit_name": evaluation.unit.name,
        "title": template.title.format(year=evaluation.year, unit=evaluation.unit.name),
        "template_name": template.name,
        "sign_off": {"head": notes.need(sign.head, "签字栏 单位负责人"),
                     "preparer": notes.need(sign.preparer, "签字栏 填表人"),
                     "phone": notes.need(sign.phone, "签字栏 联系电话"),
                     "date": notes.need(sign.date, "签字栏 填报日期")},
    }


def _charts(facts: Facts) -> ChartData:
    evaluation, scorecard = facts.evaluation, facts.scorecard
    basic = evaluation.finances.general_budget.basic
    lines = [(label, getattr(basic, key)) for key, label in BASIC_PARTS]
    composition = tuple((label, line.amount.value, _share_shown(line, basic.total, facts))
                        for label, line in lines if line.amount is not None)
    # The score the tables show: the unit's own where stated, else the rule's.
    scores = tuple((row.indicator.name or row.indicator.level2,
                    row.stated_score if row.stated_score is not None else row.counted_score or ZERO,
                    row.weight)
                   for row in scorecard.unit_table.indicators if row.weight is not None)
    return ChartData(composition, scores)


def _share_shown(line: ShareLine, whole: StatedNumber | None, facts: Facts) -> str:
    """``86.08%``, ``13.90%（按规则 13.92%）`` or "" (no 基本支出 to take a share of)."""
    if whole is None:
        return ""
    shown, rule = basic_share(line, whole, facts)
    if shown is None:
        return ""
    return f"{shown}%" if rule is None else f"{shown}%（按规则 {rule}）"
