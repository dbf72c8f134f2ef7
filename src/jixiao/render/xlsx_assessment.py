"""附件2 单位整体支出绩效自评表 and 附件3 项目支出绩效自评表: the form as stated, the scores computed.

Columns A-H are the form, holding what the unit wrote, its 总分 included: a stated 总分 is never
replaced by a sum. Columns I-L are computed: I the score that counts under the profile (a
formula ``MIN(自评得分, 分值)`` where the unit chooses the score, the profile's value where the
rule computes it from the indicator's texts), J and K the 分值 and 得分 of each 一级指标 block
and of the whole table as SUM formulas, L the weight the profile requires. A stated figure
that differs from its computed one by more than its rounding is shaded red, live.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby
from typing import Any

from jixiao.io.workbook_blocks import Kind
from jixiao.model import FundsExecution, FundsLine, Goal, Indicator, IndicatorNature, ProjectFunds
from jixiao.numbers import HUNDRED, StatedNumber, Unit
from jixiao.profiles import ExecutionRule, NotApplicablePolicy, Profile
from jixiao.render.xlsx_cells import (
    RATE_FORMAT,
    Cached,
    Styles,
    cell_value,
    change,
    change_formula,
    merge,
    ratio,
    ratio_formula,
    ref,
    span,
    total,
    write_computed,
    write_stated,
)
from jixiao.scoring import IndicatorScore, TableScore

LAST_COL = 11
WIDTHS = (12, 12, 24, 14, 14, 8, 8, 30, 12, 12, 12, 12)
FORM_HEADERS = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "自评得分",
                "偏差原因分析及改进措施")
COMPUTED_HEADERS = ("计入得分（计算值）", "分值合计（计算值）", "得分合计（计算值）", "应有分值（评分规则）")
FUNDS_HEADERS = ("年初预算数", "全年预算数", "全年执行数", "执行率", "分值", "自评得分", "说明")
FUNDS_COMPUTED = ("执行率得分（计算值）", "执行率（计算值）", "预算调整率（计算值）", "应有分值（评分规则）")
POINTS = "0.##"
COL_WEIGHT, COL_SCORE, COL_COUNTED, COL_WEIGHT_SUM, COL_SCORE_SUM, COL_REQUIRED = 5, 6, 8, 9, 10, 11


@dataclass(frozen=True, slots=True)
class Table:
    """What 附件2 and 附件3 share: funds, goals, indicators and the stated 总分."""

    funds: FundsExecution
    goals: tuple[Goal, ...]
    indicators: tuple[Indicator, ...]
    stated_total_weight: StatedNumber | None
    stated_total_score: StatedNumber | None
    explanation: str


@dataclass(frozen=True, slots=True)
class Writer:
    sheet: Any
    styles: Styles
    profile: Profile
    score: TableScore


def setup_columns(sheet: Any) -> None:
    for col, width in enumerate(WIDTHS):
        sheet.set_column(col, col, width)


Split = tuple[str, Sequence[tuple[str, StatedNumber | None]]]
"""A breakdown of the 全年执行数 (按收入性质分): its name and its labelled parts."""


def write_table(w: Writer, table: Table, row: int, funds_label: str,
                splits: Sequence[Split] = ()) -> tuple[int, int]:
    """The funds, goals, indicators and 总分 from ``row``; the row after them and the indicator
    header row (repeated on every printed page)."""
    funds_row, row = _funds(w, table.funds, row, funds_label, table.explanation)
    if isinstance(table.funds, ProjectFunds):
        row = _fund_sources(w, table.funds, row)
    if splits:
        row = write_splits(w, splits, row, funds_row, table.funds.actual)
    row = _goals(w, table.goals, row)
    header = row
    row = _indicators(w, header)
    return _total(w, table, header + 1, row, funds_row) + 1, header


def _funds(w: Writer, funds: FundsExecution, row: int, label: str, explanation: str) -> tuple[int, int]:
    s, st = w.sheet, w.styles
    merge(s, row, 0, row, 0, label, st.label)
    for col, header in enumerate(FUNDS_HEADERS, start=1):
        s.write_string(row, col, header, st.header)
    for col, header in enumerate(FUNDS_COMPUTED, start=8):
        s.write_string(row, col, header, st.computed_header)
    r = row + 1
    s.write_string(r, 0, "年度资金总额", st.label)
    _fund_line(w, funds, r)
    write_stated(s, st, r, 4, funds.stated_execution_rate, Kind.PERCENT)
    write_stated(s, st, r, COL_WEIGHT, funds.weight, Kind.POINTS)
    write_stated(s, st, r, COL_SCORE, funds.stated_score, Kind.POINTS)
    s.write_string(r, 7, explanation, st.text)
    write_computed(s, st, r, 8, _execution_formula(w.profile, ref(r, 9)),
                   "" if w.score.execution_score is None else w.score.execution_score, POINTS)
    write_computed(s, st, r, 10, change_formula(ref(r, 2), ref(r, 1)),
                   change(cell_value(funds.full_year_budget), cell_value(funds.initial_budget)), RATE_FORMAT)
    s.write_number(r, 11, w.score.execution_weight, st.number(POINTS, computed=True))
    _flag(w, r, 4, r, 9, funds.stated_execution_rate)
    _flag(w, r, COL_SCORE, r, 8, funds.stated_score)
    return r, r + 1


def _fund_line(w: Writer, line: FundsLine, r: int) -> None:
    for col, number in enumerate((line.initial_budget, line.full_year_budget, line.actual), start=1):
        write_stated(w.sheet, w.styles, r, col, number)
    write_computed(w.sheet, w.styles, r, 9, ratio_formula(ref(r, 3), ref(r, 2)),
                   ratio(cell_value(line.actual), cell_value(line.full_year_budget)), RATE_FORMAT)


def _execution_formula(profile: Profile, rate: str) -> str:
    """执行率得分 under the profile, from the computed 执行率 cell."""
    weight = profile.block_weights[profile.execution_block]
    if profile.execution.rule is ExecutionRule.PROPORTIONAL:
        share = f"MIN({rate},1)"
    else:
        share = "0"
        for band in sorted(profile.execution.bands, key=lambda band: band.min_rate):
            low, earned = _number(band.min_rate / HUNDRED), _number(band.score_share / HUNDRED)
            share = f"IF({rate}>={low},{earned},{share})"
    return f'=IF({rate}="","",ROUND({_number(weight)}*{share},{profile.score_decimals}))'


def _number(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _fund_sources(w: Writer, funds: ProjectFunds, row: int) -> int:
    lines = (("当年财政拨款", funds.current_appropriation), ("上年结转资金", funds.carryover),
             ("其他资金", funds.other))
    for offset, (label, line) in enumerate(lines):
        w.sheet.write_string(row + offset, 0, label, w.styles.label)
        _fund_line(w, line, row + offset)
    r = row + len(lines)
    w.sheet.write_string(r, 0, "资金来源合计（计算值）", w.styles.computed_header)
    for col, key in ((1, "initial_budget"), (2, "full_year_budget"), (3, "actual")):
        values = [cell_value(getattr(line, key)) for _, line in lines]
        cells = span(row, r - 1, col)
        write_computed(w.sheet, w.styles, r, col, f'=IF(COUNT({cells})=0,"",SUM({cells}))',
                       total(values) if any(v is not None for v in values) else "", "0.00")
    return r + 1


def write_splits(w: Writer, rows: Sequence[Split],
                 row: int, funds_row: int, actual: StatedNumber | None) -> int:
    """按收入性质分 / 按支出性质分: each part in the 全年执行数 column, their SUM, and how far the
    SUM is from the 全年执行数."""
    s, st = w.sheet, w.styles
    for group, parts in rows:
        merge(s, row, 0, row + len(parts), 0, group, st.label)
        for offset, (label, number) in enumerate(parts):
            merge(s, row + offset, 1, row + offset, 2, label, st.text)
            write_stated(s, st, row + offset, 3, number)
        last = row + len(parts)
        merge(s, last, 1, last, 2, "合计（计算值）", st.computed_header)
        values = [cell_value(number) for _, number in parts]
        cells = span(row, last - 1, 3)
        write_computed(s, st, last, 3, f'=IF(COUNT({cells})=0,"",SUM({cells}))',
                       total(values) if any(v is not None for v in values) else "", "0.00")
        stated = any(v is not None for v in values)
        write_computed(s, st, last, 4, f'=IF({ref(last, 3)}="","",{ref(last, 3)}-{ref(funds_row, 3)})',
                       total(values) - (cell_value(actual) or Decimal(0)) if stated else "", "0.00")
        merge(s, last, 5, last, 7, "← 合计与全年执行数之差（计算值）", st.computed_header)
        row = last + 1
    return row


def _goals(w: Writer, goals: Sequence[Goal], row: int) -> int:
    s, st = w.sheet, w.styles
    shown = list(goals) or [Goal()]
    merge(s, row, 0, row + len(shown), 0, "年度总体目标", st.label)
    merge(s, row, 1, row, 4, "预期目标", st.header)
    merge(s, row, 5, row, 7, "实际完成情况", st.header)
    for offset, goal in enumerate(shown, start=1):
        merge(s, row + offset, 1, row + offset, 4, goal.expected, st.text)
        merge(s, row + offset, 5, row + offset, 7, goal.achieved, st.text)
    return row + len(shown) + 1


def _indicators(w: Writer, header: int) -> int:
    s, st = w.sheet, w.styles
    for col, text in enumerate(FORM_HEADERS):
        s.write_string(header, col, text, st.header)
    for col, text in enumerate(COMPUTED_HEADERS, start=8):
        s.write_string(header, col, text, st.computed_header)
    row = header + 1
    scored = w.score.indicators
    for block, rows in groupby(scored, key=lambda item: item.block):
        run = list(rows)
        _block(w, block, run, row)
        row += len(run)
    return row


def _block(w: Writer, block: str, run: Sequence[IndicatorScore], first: int) -> None:
    s, st = w.sheet, w.styles
    last = first + len(run) - 1
    merge(s, first, 0, last, 0, run[0].indicator.level1, st.label)
    row = first
    for level2, rows in groupby(run, key=lambda item: item.indicator.level2):
        group = list(rows)
        merge(s, row, 1, row + len(group) - 1, 1, level2, st.label)
        for offset, item in enumerate(group):
            _indicator_row(w, item, row + offset)
        row += len(group)
    weights = [item.weight for item in run]
    scores = [item.stated_score for item in run]
    _merged_computed(w, first, last, COL_WEIGHT_SUM, f"=SUM({span(first, last, COL_WEIGHT)})", total(weights))
    _merged_computed(w, first, last, COL_SCORE_SUM, f"=SUM({span(first, last, COL_SCORE)})", total(scores))
    required = w.profile.block_weights.get(block)
    style = st.number(POINTS, computed=True)
    if first == last:
        s.write(first, COL_REQUIRED, required, style)
    else:
        s.merge_range(first, COL_REQUIRED, last, COL_REQUIRED, "", style)
        if required is not None:
            s.write_number(first, COL_REQUIRED, required, style)


def _merged_computed(w: Writer, first: int, last: int, col: int, formula: str, cached: Cached) -> None:
    style = w.styles.number(POINTS, computed=True)
    if first != last:
        w.sheet.merge_range(first, col, last, col, "", style)
    write_computed(w.sheet, w.styles, first, col, formula, cached, POINTS)


def _indicator_row(w: Writer, item: IndicatorScore, row: int) -> None:
    s, st, indicator = w.sheet, w.styles, item.indicator
    for col, text in ((2, indicator.name), (3, indicator.target), (4, indicator.actual)):
        s.write_string(row, col, text, st.text)
    write_stated(s, st, row, COL_WEIGHT, indicator.weight, Kind.POINTS)
    write_stated(s, st, row, COL_SCORE, indicator.stated_score, Kind.POINTS)
    s.write_string(row, 7, indicator.deviation_reason, st.text)
    counted_style = st.number(POINTS, computed=True)
    if item.nature is IndicatorNature.NOT_APPLICABLE:
        s.write_string(row, COL_COUNTED, "不适用", counted_style)
    elif item.rule_score is not None:  # computed by the profile from the 指标值 texts
        s.write_number(row, COL_COUNTED, item.rule_score, counted_style)
    else:
        weight, score = ref(row, COL_WEIGHT), ref(row, COL_SCORE)
        counted = item.counted_score
        write_computed(s, st, row, COL_COUNTED, f'=IF(OR({weight}="",{score}=""),"",MIN({score},{weight}))',
                       "" if counted is None else counted, POINTS)


def _total(w: Writer, table: Table, first: int, last: int, funds_row: int) -> int:
    """总分 as stated (F, G) and as computed (I: the rule total, J, K: the sums); then 评价等次."""
    s, st, score, row = w.sheet, w.styles, w.score, last
    merge(s, row, 0, row, 4, "总分", st.label)
    write_stated(s, st, row, COL_WEIGHT, table.stated_total_weight, Kind.POINTS)
    write_stated(s, st, row, COL_SCORE, table.stated_total_score, Kind.POINTS)
    s.write_blank(row, 7, None, st.text)
    ind_weights = span(first, last - 1, COL_WEIGHT) if last > first else None
    ind_scores = span(first, last - 1, COL_SCORE) if last > first else None
    exec_weight = ref(funds_row, COL_WEIGHT)
    weight_formula = f'=IF({exec_weight}="",{_number(score.execution_weight)},{exec_weight})'
    score_formula = f"={ref(funds_row, COL_SCORE)}"
    if ind_weights and ind_scores:
        weight_formula += f"+SUM({ind_weights})"
        score_formula += f"+SUM({ind_scores})"
    write_computed(s, st, row, COL_WEIGHT_SUM, weight_formula, score.weight_total, POINTS)
    write_computed(s, st, row, COL_SCORE_SUM, score_formula, score.stated_score_sum, POINTS)
    s.write_number(row, COL_REQUIRED, sum(w.profile.block_weights.values(), Decimal(0)),
                   st.number(POINTS, computed=True))
    _rule_total(w, row, first, last, funds_row)
    _flag(w, row, COL_WEIGHT, row, COL_WEIGHT_SUM, table.stated_total_weight)
    _flag(w, row, COL_SCORE, row, COL_SCORE_SUM, table.stated_total_score)
    merge(s, row + 1, 0, row + 1, 7, "评价等次（按评分规则计入得分）", st.computed_header)
    write_computed(s, st, row + 1, COL_COUNTED, _grade_formula(w.profile, ref(row, COL_COUNTED)), score.grade)
    return row + 1


def _rule_total(w: Writer, row: int, first: int, last: int, funds_row: int) -> None:
    s, st, score, profile = w.sheet, w.styles, w.score, w.profile
    style = st.number(POINTS, computed=True)
    if profile.not_applicable is not NotApplicablePolicy.REDISTRIBUTE:
        s.write_number(row, COL_COUNTED, score.rule_total, style)
        s.write_comment(row, COL_COUNTED, f"按评分规则“{profile.name}”计算（不适用指标的分值按比例折算），"
                                          "不随单元格自动更新")
        return
    counted = ref(funds_row, 8) + (f",{span(first, last - 1, COL_COUNTED)}" if last > first else "")
    formula = f"SUM({counted})"
    if profile.total_caps:
        rate = ref(funds_row, 9)
        caps = ",".join(f"IF({rate}<{_number(cap.rate_below / HUNDRED)},{_number(cap.cap)},{formula})"
                        for cap in profile.total_caps)
        formula = f"MIN({formula},{caps})"
    write_computed(s, st, row, COL_COUNTED, f"={formula}", score.rule_total, POINTS)


def _grade_formula(profile: Profile, total_cell: str) -> str:
    cuts = sorted(profile.grades, key=lambda cut: cut.min_score, reverse=True)
    formula = f'"{profile.grades[-1].grade}"'
    for cut in reversed(cuts):
        formula = f'IF({total_cell}>={_number(cut.min_score)},"{cut.grade}",{formula})'
    return f"={formula}"


def _flag(w: Writer, row: int, col: int, other_row: int, other_col: int, stated: StatedNumber | None) -> None:
    """Shade a stated cell red while it differs from its computed cell by more than its rounding."""
    if stated is None:
        return
    tolerance = stated.quantum / 2
    if stated.unit is Unit.PERCENT:
        tolerance /= HUNDRED
    cell, other = ref(row, col), ref(other_row, other_col)
    w.sheet.conditional_format(row, col, row, col, {
        "type": "formula",
        "criteria": f"=AND(ISNUMBER({cell}),ISNUMBER({other}),ABS({cell}-{other})>{_number(tolerance)})",
        "format": w.styles.flag})
