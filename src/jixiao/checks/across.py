"""Checks no single report can show: this year's 上年 figures against the unit's own evaluation
of last year, and a 主管部门's figures against the sum of its units' evaluations of the year.

The rules read :attr:`CheckContext.related <jixiao.checks.registry.CheckContext.related>`; with
nothing related they find nothing. Every finding names both places: its own ``where`` in the
evaluation checked, and its terms' places in the other evaluations (``Place.report``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from functools import reduce

from jixiao.checks.agreement import same_figure
from jixiao.checks.registry import CheckContext, Rule, figure, rule
from jixiao.checks.related import OtherReport, Related
from jixiao.checks.sums import sum_finding
from jixiao.findings import Finding, Severity
from jixiao.model import BasicDataTable, ControlRow, Evaluation
from jixiao.numbers import StatedNumber

PREVIOUS = "上年度自评"
"""How a figure of last year's evaluation is labelled (the place says which evaluation)."""


def previous_problem(evaluation: Evaluation, previous: OtherReport | None) -> str | None:
    """Why ``previous`` cannot be compared with ``evaluation`` (Chinese), or ``None``."""
    year = evaluation.year - 1
    if previous is None:
        return f"未找到本单位上年度（{year} 年度）的自评，未核对上年数"
    if not previous.approved:
        return f"上年度自评“{previous.reference}”尚未审核通过，未核对上年数"
    if previous.evaluation.year != year:
        return (f"“{previous.reference}”是 {previous.evaluation.year} 年度的自评，"
                f"不是上年度（{year} 年度）的，未核对上年数")
    if not _same_unit(evaluation, previous.evaluation):
        return (f"“{previous.reference}”的预算单位“{previous.evaluation.unit.name}”与本单位"
                f"“{evaluation.unit.name}”不同，未核对上年数")
    return None


def units_problem(evaluation: Evaluation, related: Related) -> str | None:
    """Why the units of ``related`` cannot be summed against ``evaluation``, or ``None``."""
    if related.units_missing:
        return f"所属单位{'、'.join(related.units_missing)}尚无已提交的本年度自评，未核对部门合计"
    if not related.units:
        return "没有所属单位的本年度自评，未核对部门合计"
    other_years = [unit.reference for unit in related.units if unit.evaluation.year != evaluation.year]
    if other_years:
        return f"{'、'.join(other_years)}不是 {evaluation.year} 年度的自评，未核对部门合计"
    return None


def related_notes(evaluation: Evaluation, related: Related, *, previous: bool,
                  units: bool) -> tuple[str, ...]:
    """What the cross checks compared, or why they did not (Chinese, one line each): the 上年
    figures when ``previous`` was sought, the department's sums when ``units`` were."""
    notes = []
    if previous:
        last = related.previous
        problem = previous_problem(evaluation, last)
        notes.append(problem or f"已与上年度自评“{last.reference if last else ''}”核对上年数")
    if units:
        problem = units_problem(evaluation, related)
        notes.append(problem or f"已与所属 {len(related.units)} 个单位的本年度自评核对部门合计")
    return tuple(notes)


def _same_unit(one: Evaluation, other: Evaluation) -> bool:
    if one.unit.code and other.unit.code:
        return one.unit.code.strip() == other.unit.code.strip()
    return one.unit.name.strip() == other.unit.name.strip()


def _comparable_previous(context: CheckContext) -> OtherReport | None:
    previous = context.related.previous
    return None if previous_problem(context.evaluation, previous) else previous


def _read_in(found: Finding | None, other: OtherReport) -> Iterator[Finding]:
    """``found``, whose terms were all read in ``other``, with their places there."""
    if found is not None:
        yield replace(found, terms=tuple(other.placed(term) for term in found.terms))


def control_rows(data: BasicDataTable) -> dict[str, tuple[str, str, ControlRow]]:
    """Every row of 附件1's 经费控制情况 by a key that names it in any year (a 专项 by its name),
    with its label and field path."""
    rows: dict[str, tuple[str, str, ControlRow]] = {}
    for group in ("three_public", "projects", "public_funds"):
        record = getattr(data, group)
        for name, info in type(record).model_fields.items():
            value, path = getattr(record, name), f"basic_data.{group}.{name}"
            if isinstance(value, ControlRow):
                rows[path] = ((info.title or name).removeprefix("其中："), path, value)
                continue
            for index, item in enumerate(value):
                rows[f"{path}:{item.name.strip()}"] = (item.name, f"{path}[{index}]", item)
    for name in ("procurement", "basic_budget_adjustment"):
        title = BasicDataTable.model_fields[name].title or name
        rows[f"basic_data.{name}"] = (title, f"basic_data.{name}", getattr(data, name))
    return rows


@rule("JX-PRIOR-001", Severity.ERROR, "附件1 上年决算数与上年度自评一致",
      "附件1 各行的上年决算数应等于本单位上年度已审核自评中附件1 同一行的本年决算数（专项按名称"
      "对应）。未提供上年度自评、其未审核通过或不是同一单位上一年度的，不核对。")
def prior_control_figures(context: CheckContext) -> Iterator[Finding]:
    previous = _comparable_previous(context)
    if previous is None:
        return
    last_year = control_rows(previous.evaluation.basic_data)
    for key, (label, path, row) in control_rows(context.evaluation.basic_data).items():
        if key not in last_year:
            continue
        _, last_path, last_row = last_year[key]
        yield from _read_in(same_figure(
            prior_control_figures,
            figure(f"{PREVIOUS}附件1 {label}本年决算数", last_row.actual, f"{last_path}.actual"),
            figure(f"附件1 {label}上年决算数", row.prior_actual, f"{path}.prior_actual")),
            previous)


@rule("JX-PRIOR-002", Severity.ERROR, "三公经费同比的上年数与上年度自评一致",
      "三公经费同比各项的上年数应等于本单位上年度已审核自评中同名项的本年数。")
def prior_three_public(context: CheckContext) -> Iterator[Finding]:
    previous = _comparable_previous(context)
    if previous is None:
        return
    path = "finances.three_public_year_on_year"
    last_year = {line.name.strip(): (index, line) for index, line
                 in enumerate(previous.evaluation.finances.three_public_year_on_year)}
    for index, line in enumerate(context.evaluation.finances.three_public_year_on_year):
        if line.name.strip() not in last_year:
            continue
        last_index, last_line = last_year[line.name.strip()]
        yield from _read_in(same_figure(
            prior_three_public,
            figure(f"{PREVIOUS}{line.name}本年", last_line.current, f"{path}[{last_index}].current"),
            figure(f"{line.name}上年", line.prior, f"{path}[{index}].prior")), previous)


def _summed_figures() -> tuple[tuple[str, str], ...]:
    """(field path, label) of every figure of a 主管部门 that is the sum of its units'."""
    funds = [("self_assessment.funds.initial_budget", "附件2 年初预算数"),
             ("self_assessment.funds.full_year_budget", "附件2 全年预算数"),
             ("self_assessment.funds.actual", "附件2 全年执行数")]
    splits = [(f"self_assessment.by_{split}.{name}", f"附件2 {label}") for split, name, label in (
        ("income", "general_public", "一般公共预算"), ("income", "government_fund", "政府性基金拨款"),
        ("income", "special_account_nontax", "纳入专户管理的非税收入拨款"),
        ("income", "other", "其他资金"), ("nature", "basic", "基本支出"),
        ("nature", "projects", "项目支出"))]
    controls = [(f"basic_data.{row}.{column}", f"附件1 {label}{title}") for row, label in (
        ("three_public.total", "三公经费"), ("projects.total", "项目支出"),
        ("public_funds.total", "公用经费"), ("procurement", "政府采购金额"))
        for column, title in (("prior_actual", "上年决算数"), ("budget", "本年预算数"),
                              ("actual", "本年决算数"))]
    body = [("finances.general_budget.basic.total", "报告中的基本支出"),
            ("finances.general_budget.projects.total", "报告中的项目支出"),
            ("unit.staffing.authorized", "编制数"), ("unit.staffing.actual", "实际在职人数")]
    return (*funds, *splits, *controls, *body)


SUMMED_FIGURES = _summed_figures()


def number_at(evaluation: Evaluation, path: str) -> StatedNumber | None:
    """The stated number at a dotted field path (no list items)."""
    value = reduce(getattr, path.split("."), evaluation)
    return value if isinstance(value, StatedNumber) else None


@rule("JX-DEPT-001", Severity.ERROR, "主管部门合计与所属单位之和",
      "主管部门自评中的附件2 年度资金（年初预算数、全年预算数、全年执行数）及其按收入性质、按"
      "支出性质的划分，附件1 三公经费、项目支出、公用经费、政府采购金额各列，报告中的基本支出、"
      "项目支出，编制数与实际在职人数，应等于所属单位本年度自评中同一数字之和；所属单位均有本年度"
      "自评且都填了该数字时才核对。")
def department_sums(context: CheckContext) -> Iterator[Finding]:
    evaluation, related = context.evaluation, context.related
    if not related.units or units_problem(evaluation, related):
        return
    count = len(related.units)
    for path, label in SUMMED_FIGURES:
        parts = [figure(f"{unit.evaluation.unit.name}{label}", number_at(unit.evaluation, path), path)
                 for unit in related.units]
        present = [part for part in parts if part is not None]
        if len(present) < count:
            continue
        found = sum_finding(department_sums, figure(label, number_at(evaluation, path), path),
                            present, parts_label=f"所属 {count} 个单位的{label}")
        if found is not None:
            yield replace(found, terms=tuple(
                unit.placed(term) for unit, term in zip(related.units, found.terms, strict=True)))


RULES: tuple[Rule, ...] = (prior_control_figures, prior_three_public, department_sums)
