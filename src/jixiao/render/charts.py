"""The report's charts: what a total is made of, and each indicator's score against its 分值.

Each chart comes as PNG bytes (for the Word report and PDF) and as an SVG string (for the HTML
preview), drawn from one layout (:mod:`jixiao.render.chart_scene`). Values are exact Decimals,
shown as given (``5.00`` stays ``5.00``) with their unit; shares are rounded half-up to two
decimals for display only. The same input always gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import ROUND_HALF_UP, Decimal

from jixiao.numbers import ZERO, percent, quantize_half_up
from jixiao.render.chart_png import to_png
from jixiao.render.chart_scene import MUTED, Anchor, Box, Label, Scene, fit_text, to_svg

WIDTH = 800
MARGIN = 40
TITLE_SIZE, TEXT_SIZE = 20, 15
PALETTE = ("#2F6FB0", "#E07B39", "#4E9A5B", "#C0504D", "#8064A2", "#4BACC6", "#9C8A3C", "#7F7F7F")
WEIGHT_FILL, FULL_FILL, LOST_FILL = "#D9D9D9", "#2F6FB0", "#E07B39"
NO_DATA = "无数据"


class ChartValueError(ValueError):
    """A value a chart cannot show (a negative part of a whole, a negative score or 分值)."""

    def __init__(self, label: str, value: Decimal) -> None:
        self.label = label
        super().__init__(f"图表数据“{label}”为负数（{value}），无法绘制")


def composition_chart_png(parts: Sequence[tuple[str, Decimal]], title: str, *,
                          unit: str = "万元", shares: Sequence[str] | None = None) -> bytes:
    """A whole split into its parts (e.g. 基本支出 = 人员经费 + 公用经费), as PNG; ``shares``, when
    given, are the parts' shares as the report's text states them (shown instead of computed)."""
    return to_png(composition_scene(parts, title, unit, shares))


def composition_chart_svg(parts: Sequence[tuple[str, Decimal]], title: str, *,
                          unit: str = "万元", shares: Sequence[str] | None = None) -> str:
    """The same chart as :func:`composition_chart_png`, as SVG."""
    return to_svg(composition_scene(parts, title, unit, shares))


def score_chart_png(rows: Sequence[tuple[str, Decimal, Decimal]], title: str) -> bytes:
    """Each indicator's 得分 against its 分值 (label, score, weight), horizontal bars, as PNG."""
    return to_png(score_scene(rows, title))


def score_chart_svg(rows: Sequence[tuple[str, Decimal, Decimal]], title: str) -> str:
    """The same chart as :func:`score_chart_png`, as SVG."""
    return to_svg(score_scene(rows, title))


def shown(value: Decimal) -> str:
    """A value as given, without exponent: ``Decimal("5.00")`` → ``5.00``, ``1E+2`` → ``100``."""
    return format(value, "f")


def _pixels(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_HALF_UP))


def _refuse_negative(label: str, *values: Decimal) -> None:
    for value in values:
        if value < ZERO:
            raise ChartValueError(label, value)


def _title(title: str) -> Label:
    return Label(WIDTH // 2, 34, fit_text(title, TITLE_SIZE, WIDTH - 2 * MARGIN), TITLE_SIZE,
                 anchor=Anchor.MIDDLE)


def _no_data(title: str) -> Scene:
    return Scene(WIDTH, 110, title, (_title(title), Label(WIDTH // 2, 80, NO_DATA, TEXT_SIZE, MUTED,
                                                          Anchor.MIDDLE)))


BAR_TOP, BAR_HEIGHT, LEGEND_ROW = 56, 40, 30


def composition_scene(parts: Sequence[tuple[str, Decimal]], title: str, unit: str,
                      shares: Sequence[str] | None = None) -> Scene:
    """The stacked bar and its legend; a part's share is the one ``shares`` gives (the text's,
    so the chart never says 12.59% where the text says 12.58%), else computed of the parts' sum."""
    for label, value in parts:
        _refuse_negative(label, value)
    total = sum((value for _, value in parts), ZERO)
    if not parts or total == ZERO:
        return _no_data(title)
    if shares is None:
        shares = [f"{quantize_half_up(percent(value, total) or ZERO, 2)}%" for _, value in parts]
        marks = [f"{quantize_half_up(percent(value, total) or ZERO, 1)}%" for _, value in parts]
    else:
        marks = [share.split("（")[0] for share in shares]
    shapes: list[Box | Label] = [_title(title)]
    shapes.extend(_stacked_bar(parts, total, marks))
    legend_top = BAR_TOP + BAR_HEIGHT + 36
    for row, (label, value) in enumerate((*parts, ("各项合计", total))):
        baseline = legend_top + row * LEGEND_ROW
        if row < len(parts):
            shapes.append(Box(MARGIN, baseline - 13, 14, 14, PALETTE[row % len(PALETTE)]))
            shapes.append(Label(WIDTH - MARGIN, baseline, shares[row], TEXT_SIZE, anchor=Anchor.END))
        shapes.append(Label(MARGIN + 24, baseline, fit_text(label, TEXT_SIZE, 420), TEXT_SIZE))
        shapes.append(Label(WIDTH - MARGIN - 130, baseline, f"{shown(value)} {unit}", TEXT_SIZE,
                            anchor=Anchor.END))
    height = legend_top + len(parts) * LEGEND_ROW + 24
    return Scene(WIDTH, height, title, tuple(shapes))


def _stacked_bar(parts: Sequence[tuple[str, Decimal]], total: Decimal,
                 marks: Sequence[str]) -> Iterator[Box | Label]:
    """One bar split by the parts, each marked with its share where it fits; edges are rounded
    from running totals so segments tile."""
    span = Decimal(WIDTH - 2 * MARGIN)
    running, left = ZERO, MARGIN
    for index, (_, value) in enumerate(parts):
        running += value
        right = MARGIN + _pixels(running / total * span)
        yield Box(left, BAR_TOP, right - left, BAR_HEIGHT, PALETTE[index % len(PALETTE)])
        share = marks[index]
        if share and right - left >= len(share) * 9 + 8:
            yield Label((left + right) // 2, BAR_TOP + 26, share, TEXT_SIZE, "#FFFFFF", Anchor.MIDDLE)
        left = right


ROW_TOP, ROW_HEIGHT, SCORE_BAR = 84, 32, 16
LABEL_WIDTH, BAR_LEFT, BAR_WIDTH = 270, MARGIN + 280, 330


def score_scene(rows: Sequence[tuple[str, Decimal, Decimal]], title: str) -> Scene:
    for label, score, weight in rows:
        _refuse_negative(label, score, weight)
    scale = max((max(score, weight) for _, score, weight in rows), default=ZERO)
    if not rows or scale == ZERO:
        return _no_data(title)
    shapes: list[Box | Label] = [_title(title), *_score_legend()]
    for index, (label, score, weight) in enumerate(rows):
        baseline = ROW_TOP + index * ROW_HEIGHT
        top = baseline - 13
        shapes.append(Label(MARGIN, baseline, fit_text(label, TEXT_SIZE, LABEL_WIDTH), TEXT_SIZE))
        span = Decimal(BAR_WIDTH) / scale
        shapes.append(Box(BAR_LEFT, top, _pixels(weight * span), SCORE_BAR, WEIGHT_FILL))
        fill = FULL_FILL if score >= weight else LOST_FILL
        shapes.append(Box(BAR_LEFT, top, _pixels(score * span), SCORE_BAR, fill))
        shapes.append(Label(WIDTH - MARGIN, baseline, f"{shown(score)} / {shown(weight)} 分", TEXT_SIZE,
                            anchor=Anchor.END))
    height = ROW_TOP + len(rows) * ROW_HEIGHT + 8
    return Scene(WIDTH, height, title, tuple(shapes))


def _score_legend() -> Iterator[Box | Label]:
    for x, fill, text in ((BAR_LEFT, FULL_FILL, "得分（满分）"), (BAR_LEFT + 130, LOST_FILL, "得分（失分）"),
                          (BAR_LEFT + 260, WEIGHT_FILL, "分值")):
        yield Box(x, 50, 14, 14, fill)
        yield Label(x + 20, 63, text, 13, MUTED)
