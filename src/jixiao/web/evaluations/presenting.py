"""What the editor and review pages show of an analysis: findings beside their fields,
scores rounded for display only (half up, two decimals, as the bureaus' tables show them)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from jixiao.findings import Finding
from jixiao.numbers import StatedNumber, quantize_half_up
from jixiao.scoring import TableScore
from jixiao.web.evaluations.analysis import Analysis
from jixiao.web.evaluations.editor import PartView, dom_id, field_for, part_of

SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}


def shown(value: Decimal | None, decimals: int = 2) -> str:
    return "" if value is None else format(quantize_half_up(value, decimals), "f")


def stated(number: StatedNumber | None) -> str:
    return "" if number is None else number.written


@dataclass(frozen=True)
class PlacedFinding:
    """A finding with the field and part of the page it belongs to."""

    finding: Finding
    field_path: str | None
    part_slug: str | None
    part_name: str

    @property
    def severity_name(self) -> str:
        return SEVERITY_NAMES[self.finding.severity.value]

    @property
    def field_dom_id(self) -> str:
        return dom_id(self.field_path) if self.field_path else ""


def placed_findings(analysis: Analysis, views: tuple[PartView, ...]) -> list[PlacedFinding]:
    placed = []
    for finding in analysis.findings:
        path = finding.where.path or ""
        target = field_for(path, views) if path else None
        part = part_of(target or path, views) if (target or path) else None
        placed.append(PlacedFinding(finding, target, part.slug if part else None, part.name if part else ""))
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(placed, key=lambda item: order[item.finding.severity.value])


def notes_by_field(
    placed: list[PlacedFinding], problems: dict[str, list[str]], views: tuple[PartView, ...]
) -> dict[str, list[tuple[str, str]]]:
    """Field path → (severity, message) shown under the field: input problems and findings."""
    notes: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for path, messages in problems.items():
        target = field_for(path, views) or path
        notes[target] += [("error", message) for message in messages]
    for item in placed:
        if item.field_path:
            notes[item.field_path].append((item.finding.severity.value, item.finding.message))
    return dict(notes)  # a plain dict: a template's ``notes.items`` must not create a key


@dataclass(frozen=True)
class IndicatorLine:
    path: str
    block: str
    name: str
    nature: str
    target: str
    actual: str
    weight: str
    rule_score: str
    stated_score: str


def indicator_lines(table: TableScore, base: str) -> list[IndicatorLine]:
    """The scored indicators of a table for display (``base``: the table's field path)."""
    lines = []
    for row in table.indicators:
        indicator = row.indicator
        rule = (
            shown(row.rule_score) if row.rule_score is not None else (f"（{row.band}）" if row.band else "—")
        )
        lines.append(
            IndicatorLine(
                f"{base}.indicators[{row.index}]",
                row.block,
                indicator.name,
                row.nature.value,
                indicator.target,
                indicator.actual,
                stated(indicator.weight),
                rule,
                stated(indicator.stated_score),
            )
        )
    return lines
