"""How `jixiao score` shows derived figures and scores: rich tables, rounded only here."""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console
from rich.table import Table

from jixiao.numbers import StatedNumber, quantize_half_up
from jixiao.scoring import Scorecard, TableScore


def _shown(value: Decimal | None, decimals: int = 2) -> str:
    return "" if value is None else format(quantize_half_up(value, decimals), "f")


def _stated(number: StatedNumber | None) -> str:
    return "" if number is None else number.written


def show_scorecard(console: Console, title: str, scorecard: Scorecard) -> None:
    console.print(f"[bold]{title}[/bold]  评分规则：{scorecard.profile.id}（{scorecard.profile.name}）")
    figures = Table(title="派生数据", show_lines=False)
    figures.add_column("项目", no_wrap=True)
    for column in ("计算值", "单位填报", "公式"):
        figures.add_column(column)
    for figure in scorecard.derived:
        figures.add_row(figure.label, f"{_shown(figure.value)}{figure.unit.value}",
                        f"{_stated(figure.stated)}{figure.unit.value if figure.stated else ''}",
                        figure.formula)
    console.print(figures)
    show_table_score(console, "附件2 单位整体支出绩效自评表", scorecard.unit_table)
    for index, project in enumerate(scorecard.projects):
        show_table_score(console, f"附件3 项目支出绩效自评表 #{index + 1}", project)


def show_table_score(console: Console, title: str, score: TableScore) -> None:
    table = Table(title=title, show_lines=False)
    for column in ("一级指标", "三级指标", "性质", "指标值", "完成值", "分值", "规则得分", "自评得分"):
        table.add_column(column, overflow="fold")
    table.add_row("预算执行率", f"执行率 {_shown(score.execution_rate)}%", "", "", "",
                  _shown(score.execution_weight, 0), _shown(score.execution_score),
                  _stated(score.execution_stated))
    for row in score.indicators:
        indicator = row.indicator
        rule_score = _shown(row.rule_score) if row.rule_score is not None else (
            f"（{row.band}）" if row.band else "—")
        table.add_row(row.block, indicator.name, row.nature.value, indicator.target,
                      indicator.actual, _stated(indicator.weight), rule_score,
                      _stated(indicator.stated_score))
    console.print(table)
    totals = Table(show_header=True, title="合计")
    for column in ("一级指标", "规定分值", "填报分值", "规则得分", "自评得分"):
        totals.add_column(column)
    for block in score.blocks:
        totals.add_row(block.name, _shown(block.required_weight, 0), _shown(block.stated_weight, 0),
                       _shown(block.rule_score), _shown(block.stated_score))
    totals.add_row("[bold]总分[/bold]", "100", _shown(score.weight_total, 0),
                   f"[bold]{_shown(score.rule_total)}[/bold]", _stated(score.stated_total_score))
    console.print(totals)
    cap = f"（执行率低于 {score.cap.rate_below}% 封顶 {score.cap.cap}）" if score.cap else ""
    console.print(f"规则总分 [bold]{_shown(score.rule_total)}[/bold]{cap}，等次 "
                  f"[bold]{score.grade}[/bold]；单位自评总分 {_stated(score.stated_total_score) or '未填'}")
