"""附件2 单位整体支出绩效自评表 and 附件3 项目支出绩效自评表, as the unit filled them in.

The form's cells hold what the unit wrote, its 总分 included: a stated 总分 is never replaced by
a sum. What jixiao computes from them (执行率 and its score, sums of the fund splits, each
indicator's counted score, block and total 分值/得分, the profile's total and grade) goes to
the 计算校核 sheet as formulas over these cells (:mod:`jixiao.render.xlsx_checks`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby
from typing import Any

from jixiao.io.workbook.blocks import Kind
from jixiao.model import FundsExecution, FundsLine, Goal, Indicator, IndicatorNature, ProjectFunds
from jixiao.numbers import HUNDRED, StatedNumber
from jixiao.profiles import ExecutionRule, NotApplicablePolicy, Profile
from jixiao.render.xlsx_cells import (
    RATE_FORMAT,
    Styles,
    cell_value,
    change,
    merge,
    ratio,
    total,
    write_stated,
)
from jixiao.render.xlsx_checks import Against, Check, Checks, cell_in
from jixiao.scoring import IndicatorScore, TableScore, named_target, written_target

LAST_COL = 8
WIDTHS = (9, 11, 11, 22, 12, 12, 7, 8, 28)
"""The form's nine columns, as in the Word attachment: label, 一级, 二级, 三级, 指标值, 完成值,
分值, 得分, 偏差原因; the funds rows put their six figures in columns D-I."""
FORM_HEADERS = ("绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值",
                "自评得分", "偏差原因分析及改进措施")
QUANTITATIVE_HEADERS = ("整体支出绩效定量目标及实施计划完成情况", "评价内容", "绩效目标", "完成情况")
"""The 财政局 form's 定量目标 table: its label, then its three column headers."""
COL_TARGETS_END = 6
"""绩效目标 spans columns D-G, 完成情况 H-I."""
FUNDS_HEADERS = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "自评得分")
POINTS = "0.##"
COL_WEIGHT, COL_SCORE = 6, 7
FUNDS_INITIAL, FUNDS_FULL, FUNDS_ACTUAL, FUNDS_WEIGHT, FUNDS_RATE, FUNDS_SCORE = 3, 4, 5, 6, 7, 8
SUM_OF = '=IF(COUNT({cells})=0,"",SUM({cells}))'

Split = tuple[str, Sequence[tuple[str, StatedNumber | None]]]
"""A breakdown of the 全年执行数 (按收入性质分): its name and its labelled parts."""


@dataclass(frozen=True, slots=True)
class Table:
    """What 附件2 and 附件3 share: funds, goals, indicators and the stated 总分. ``weighted`` is
    whether the form's indicator table prints 分值 and 得分 (the 财政局 form's 定量目标 does not)."""

    funds: FundsExecution
    goals: tuple[Goal, ...]
    indicators: tuple[Indicator, ...]
    stated_total_weight: StatedNumber | None
    stated_total_score: StatedNumber | None
    weighted: bool = True


@dataclass(frozen=True, slots=True)
class Writer:
    sheet: Any
    name: str
    styles: Styles
    profile: Profile
    score: TableScore
    checks: Checks

    def at(self, row: int, col: int) -> str:
        return cell_in(self.name, row, col)

    def cells(self, rows: Sequence[int], col: int) -> str:
        return ",".join(self.at(row, col) for row in rows)


def setup_columns(sheet: Any) -> None:
    for col, width in enumerate(WIDTHS):
        sheet.set_column(col, col, width)


def write_table(w: Writer, table: Table, row: int, funds_label: str,
                splits: Sequence[Split] = ()) -> tuple[int, int]:
    """The funds, goals, indicators and 总分 from ``row``; the row after them and the indicator
    header row (repeated on every printed page)."""
    funds_row = row + 1
    w.checks.section(f"{w.name}：资金")
    execution = _execution_checks(w, table.funds, funds_row)
    end = funds_row + 1
    if isinstance(table.funds, ProjectFunds):
        end = _fund_sources(w, table.funds, end, funds_row)
    if splits:
        end = _splits(w, splits, end, funds_row, table.funds.actual)
    _funds(w, table.funds, row, end - 1, funds_label)
    row = _goals(w, table.goals, end)
    header = row
    if not table.weighted:
        return header + 1 + _quantitative_targets(w, header), header
    rows, counted = _indicators(w, header)
    total_row = header + 1 + len(rows)
    _total(w, table, rows, funds_row, total_row)
    _rule_total(w, table, total_row, execution, counted)
    return total_row + 1, header


def _funds(w: Writer, funds: FundsExecution, row: int, last: int, label: str) -> None:
    """The header and 年度资金总额 rows, under ``label`` merged down to ``last``."""
    s, st = w.sheet, w.styles
    merge(s, row, 0, last, 0, label, st.label)
    merge(s, row, 1, row, 2, "", st.header)
    for col, header in enumerate(FUNDS_HEADERS, start=FUNDS_INITIAL):
        s.write_string(row, col, header, st.header)
    r = row + 1
    merge(s, r, 1, r, 2, "年度资金总额", st.label)
    _fund_line(w, funds, r)
    write_stated(s, st, r, FUNDS_WEIGHT, funds.weight, Kind.POINTS)
    write_stated(s, st, r, FUNDS_RATE, funds.stated_execution_rate, Kind.PERCENT)
    write_stated(s, st, r, FUNDS_SCORE, funds.stated_score, Kind.POINTS)


def _fund_line(w: Writer, line: FundsLine, r: int) -> None:
    figures = (line.initial_budget, line.full_year_budget, line.actual)
    for col, number in enumerate(figures, start=FUNDS_INITIAL):
        write_stated(w.sheet, w.styles, r, col, number)


def _rate_formula(w: Writer, r: int) -> str:
    actual, budget = w.at(r, FUNDS_ACTUAL), w.at(r, FUNDS_FULL)
    return f'=IF(OR({actual}="",{budget}=""),"",IF({budget}=0,"",{actual}/{budget}))'


@dataclass(frozen=True, slots=True)
class Execution:
    """The 计算校核 cells of 执行率 and its score, which the rule total builds on."""

    rate: str
    score: str


def _execution_checks(w: Writer, funds: FundsExecution, r: int) -> Execution:
    rate = w.checks.add(Check(
        "执行率", Against.stated(w.name, r, FUNDS_RATE, funds.stated_execution_rate, percent=True),
        _rate_formula(w, r),
        ratio(cell_value(funds.actual), cell_value(funds.full_year_budget)), RATE_FORMAT,
        "全年执行数 / 全年预算数"))
    score = w.score.execution_score
    score_cell = w.checks.add(Check(
        "执行率得分", Against.stated(w.name, r, FUNDS_SCORE, funds.stated_score),
        _execution_formula(w.profile, rate),
        "" if score is None else score, POINTS, _execution_method(w.profile)))
    initial, full = w.at(r, FUNDS_INITIAL), w.at(r, FUNDS_FULL)
    w.checks.add(Check(
        "预算调整率", None,
        f'=IF(OR({full}="",{initial}=""),"",IF({initial}=0,"",({full}-{initial})/{initial}))',
        change(cell_value(funds.full_year_budget), cell_value(funds.initial_budget)), RATE_FORMAT,
        "（全年预算数 − 年初预算数）/ 年初预算数"))
    return Execution(rate, score_cell)


def _execution_method(profile: Profile) -> str:
    weight = _number(profile.block_weights[profile.execution_block])
    if profile.execution.rule is ExecutionRule.PROPORTIONAL:
        return f"{weight} × min(执行率, 100%)（{profile.name}）"
    return f"{weight} × 执行率所在档的得分比例（{profile.name}）"


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


def _fund_sources(w: Writer, funds: ProjectFunds, row: int, funds_row: int) -> int:
    lines = (("其中：当年财政拨款", funds.current_appropriation), ("上年结转资金", funds.carryover),
             ("其他资金", funds.other))
    for offset, (label, line) in enumerate(lines):
        merge(w.sheet, row + offset, 1, row + offset, 2, label, w.styles.label)
        _fund_line(w, line, row + offset)
        for col in range(FUNDS_WEIGHT, LAST_COL + 1):
            w.sheet.write_string(row + offset, col, "—", w.styles.label)
    for col, (key, header) in enumerate((("initial_budget", "年初预算数"), ("full_year_budget", "全年预算数"),
                                         ("actual", "全年执行数")), start=FUNDS_INITIAL):
        values = [cell_value(getattr(line, key)) for _, line in lines]
        cells = w.cells(range(row, row + len(lines)), col)
        w.checks.add(Check(
            f"项目资金{header} = 当年财政拨款 + 上年结转资金 + 其他资金",
            Against.stated(w.name, funds_row, col, getattr(funds, key)).with_parts(
                [getattr(line, key) for _, line in lines]), SUM_OF.format(cells=cells),
            total(values) if any(v is not None for v in values) else "", "0.00", "各资金来源之和"))
    return row + len(lines)


def _splits(w: Writer, splits: Sequence[Split], row: int, funds_row: int, actual: StatedNumber | None) -> int:
    """按收入性质分 and 按支出性质分 side by side, each part “其中：一般公共预算：182.26” as the
    form prints it (text, so their sums on 计算校核 are of the stated figures, not live)."""
    s, st = w.sheet, w.styles
    depth = 1 + max(len(parts) for _, parts in splits)
    for index, (group, parts) in enumerate(splits):
        first, last = 1 + 4 * index, 4 + 4 * index
        merge(s, row, first, row, last, f"{group}：", st.text)
        for offset in range(1, depth):
            text = ""
            if offset <= len(parts):
                label, number = parts[offset - 1]
                text = f"{'其中：' if offset == 1 else ''}{label}：{'' if number is None else number.written}"
            merge(s, row + offset, first, row + offset, last, text, st.text)
        _split_check(w, group, parts, funds_row, actual)
    return row + depth


def _split_check(w: Writer, group: str, parts: Sequence[tuple[str, StatedNumber | None]], funds_row: int,
                 actual: StatedNumber | None) -> None:
    values = [cell_value(number) for _, number in parts]
    stated = [value for value in values if value is not None]
    formula = "=" + "+".join(format(value, "f") for value in stated) if stated else '=""'
    w.checks.add(Check(
        f"全年执行数 = {group}之和",
        Against.stated(w.name, funds_row, FUNDS_ACTUAL, actual).with_parts([number for _, number in parts]),
        formula, total(values) if stated else "", "0.00",
        " + ".join(label for label, _ in parts) + "（表中为文字，按填报数计算）"))


def _goals(w: Writer, goals: Sequence[Goal], row: int) -> int:
    s, st = w.sheet, w.styles
    shown = list(goals) or [Goal()]
    merge(s, row, 0, row + len(shown), 0, "年度总体目标", st.label)
    merge(s, row, 1, row, 4, "预期目标", st.header)
    merge(s, row, 5, row, LAST_COL, "实际完成情况", st.header)
    for offset, goal in enumerate(shown, start=1):
        merge(s, row + offset, 1, row + offset, 4, goal.expected, st.text)
        merge(s, row + offset, 5, row + offset, LAST_COL, goal.achieved, st.text)
    return row + len(shown) + 1


def _indicators(w: Writer, header: int) -> tuple[list[int], list[str]]:
    """The indicator rows, grouped by 一级 and 二级 with merged cells; their counted scores and
    block sums are checked. The rows, and the 计算校核 cells of the counted scores."""
    s, st = w.sheet, w.styles
    for col, text in enumerate(FORM_HEADERS[1:], start=1):
        s.write_string(header, col, text, st.header)
    row = header + 1
    counted: list[str] = []
    for block, rows in groupby(w.score.indicators, key=lambda item: item.block):
        run = list(rows)
        counted += _block(w, block, run, row)
        row += len(run)
    merge(s, header, 0, row - 1, 0, FORM_HEADERS[0], st.label)
    return list(range(header + 1, row)), counted


def _quantitative_targets(w: Writer, header: int) -> int:
    """The indicators as a form without 分值 prints them (the 财政局 form's 定量目标): 评价内容
    (一级 and 二级, merged over their rows), 绩效目标 (“名称：指标值”, as the Word table writes it)
    and 完成情况, no 分值, 得分 or 总分, so nothing about weights is checked. The rows written."""
    s, st = w.sheet, w.styles
    merge(s, header, 1, header, 2, QUANTITATIVE_HEADERS[1], st.header)
    merge(s, header, 3, header, COL_TARGETS_END, QUANTITATIVE_HEADERS[2], st.header)
    merge(s, header, COL_TARGETS_END + 1, header, LAST_COL, QUANTITATIVE_HEADERS[3], st.header)
    first = row = header + 1
    for level1, rows in groupby(w.score.indicators, key=lambda item: item.indicator.level1):
        run = list(rows)
        merge(s, row, 1, row + len(run) - 1, 1, level1, st.label)
        for level2, group in groupby(run, key=lambda item: item.indicator.level2):
            items = [item.indicator for item in group]
            merge(s, row, 2, row + len(items) - 1, 2, level2, st.label)
            for indicator in items:
                merge(s, row, 3, row, COL_TARGETS_END, named_target(indicator), st.text)
                merge(s, row, COL_TARGETS_END + 1, row, LAST_COL, indicator.actual, st.text)
                row += 1
    merge(s, header, 0, row - 1, 0, QUANTITATIVE_HEADERS[0], st.label)
    return row - first


def _block(w: Writer, block: str, run: Sequence[IndicatorScore], first: int) -> list[str]:
    s, st = w.sheet, w.styles
    last = first + len(run) - 1
    required = w.profile.block_weights.get(block)
    level1 = block if required is None else f"{block}（{_number(required)}分）"  # as the form prints it
    merge(s, first, 1, last, 1, level1, st.label)
    row = first
    for level2, rows in groupby(run, key=lambda item: item.indicator.level2):
        group = list(rows)
        merge(s, row, 2, row + len(group) - 1, 2, level2, st.label)
        for offset, item in enumerate(group):
            _indicator_row(w, item, row + offset)
        row += len(group)
    w.checks.section(f"{w.name}：{block}")
    counted = [_counted_check(w, item, first + index) for index, item in enumerate(run)]
    block_rows = range(first, last + 1)
    w.checks.add(Check(
        f"{block} 各行分值之和",
        None if required is None else Against.required(required, f"评分规则 {w.profile.id}"),
        f"=SUM({w.cells(block_rows, COL_WEIGHT)})", total([item.weight for item in run]), POINTS,
        "本一级指标各行分值之和"))
    w.checks.add(Check(
        f"{block} 各行得分之和", None, f"=SUM({w.cells(block_rows, COL_SCORE)})",
        total([item.stated_score for item in run]), POINTS, "本一级指标各行自评得分之和"))
    return [cell for cell in counted if cell]


def _counted_check(w: Writer, item: IndicatorScore, row: int) -> str:
    """The score that counts for one indicator: the profile's, or the unit's capped by 分值."""
    label = f"{item.indicator.name or item.indicator.level2} 计入得分"
    against = Against.stated(w.name, row, COL_SCORE, item.indicator.stated_score)
    if item.nature is IndicatorNature.NOT_APPLICABLE:
        return ""
    if item.rule_score is not None:
        return w.checks.add(Check(label, against, f"={_number(item.rule_score)}", item.rule_score, POINTS,
                                  f"按指标性质“{item.nature.value}”由年度指标值与实际完成值计算"))
    weight, score = w.at(row, COL_WEIGHT), w.at(row, COL_SCORE)
    counted = item.counted_score
    return w.checks.add(Check(label, against, f'=IF(OR({weight}="",{score}=""),"",MIN({score},{weight}))',
                              "" if counted is None else counted, POINTS, "单位自评得分，不超过分值"))


def _indicator_row(w: Writer, item: IndicatorScore, row: int) -> None:
    s, st, indicator = w.sheet, w.styles, item.indicator
    for col, text in ((3, indicator.name), (4, written_target(indicator)), (5, indicator.actual)):
        s.write_string(row, col, text, st.text)
    write_stated(s, st, row, COL_WEIGHT, indicator.weight, Kind.POINTS)
    write_stated(s, st, row, COL_SCORE, indicator.stated_score, Kind.POINTS)
    s.write_string(row, LAST_COL, indicator.deviation_reason, st.text)


def _total(w: Writer, table: Table, rows: Sequence[int], funds_row: int, row: int) -> None:
    """总分 as stated; its sums, the profile's total and the grade are checked."""
    s, st, score = w.sheet, w.styles, w.score
    merge(s, row, 0, row, COL_WEIGHT - 1, "总分", st.label)
    write_stated(s, st, row, COL_WEIGHT, table.stated_total_weight, Kind.POINTS)
    write_stated(s, st, row, COL_SCORE, table.stated_total_score, Kind.POINTS)
    s.write_blank(row, LAST_COL, None, st.text)
    w.checks.section(f"{w.name}：总分")
    exec_weight = w.at(funds_row, FUNDS_WEIGHT)
    weights = f"+SUM({w.cells(rows, COL_WEIGHT)})" if rows else ""
    scores = f"+SUM({w.cells(rows, COL_SCORE)})" if rows else ""
    w.checks.add(Check(
        "总分（分值）", Against.stated(w.name, row, COL_WEIGHT, table.stated_total_weight),
        f'=IF({exec_weight}="",{_number(score.execution_weight)},{exec_weight}){weights}', score.weight_total,
        POINTS, "执行率分值 + 各指标分值"))
    w.checks.add(Check(
        "总分（自评得分）", Against.stated(w.name, row, COL_SCORE, table.stated_total_score),
        f"=N({w.at(funds_row, FUNDS_SCORE)}){scores}", score.stated_score_sum, POINTS,
        "执行率自评得分 + 各指标自评得分"))


def _rule_total(w: Writer, table: Table, row: int, execution: Execution, counted: Sequence[str]) -> None:
    """The profile's total, and the grade it earns."""
    total_cell = _rule_total_check(w, table, row, execution, counted)
    w.checks.add(Check("评价等次", None, _grade_formula(w.profile, total_cell), w.score.grade, "@",
                       "按评分规则总分定等次"))


def _rule_total_check(w: Writer, table: Table, row: int, execution: Execution, counted: Sequence[str]) -> str:
    profile, score = w.profile, w.score
    against = Against.stated(w.name, row, COL_SCORE, table.stated_total_score)
    label = "总分（按评分规则）"
    if profile.not_applicable is not NotApplicablePolicy.REDISTRIBUTE:
        return w.checks.add(Check(label, against, f"={_number(score.rule_total)}", score.rule_total, POINTS,
                                  f"按“{profile.name}”计算，不适用指标的分值按比例折算"))
    rate = execution.rate
    formula = f"SUM({','.join([execution.score, *counted])})"
    if profile.total_caps:
        caps = ",".join(f"IF({rate}<{_number(cap.rate_below / HUNDRED)},{_number(cap.cap)},{formula})"
                        for cap in profile.total_caps)
        formula = f"MIN({formula},{caps})"
    method = "执行率得分 + 各指标计入得分" + ("，按执行率封顶" if profile.total_caps else "")
    return w.checks.add(Check(label, against, f"={formula}", score.rule_total, POINTS, method))


def _grade_formula(profile: Profile, total_cell: str) -> str:
    cuts = sorted(profile.grades, key=lambda cut: cut.min_score, reverse=True)
    formula = f'"{profile.grades[-1].grade}"'
    for cut in reversed(cuts):
        formula = f'IF({total_cell}>={_number(cut.min_score)},"{cut.grade}",{formula})'
    return f"={formula}"
