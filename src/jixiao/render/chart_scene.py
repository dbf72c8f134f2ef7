"""A chart as a list of boxes and labels, drawn the same way as PNG (Pillow,
:mod:`jixiao.render.chart_png`) and as SVG.

Both drawings come from one :class:`Scene`, laid out once with the font's real text widths, so
the PNG in the Word report and the SVG in the HTML preview show the same chart. Coordinates
are whole logical pixels; the PNG is drawn at :data:`PNG_SCALE` times that for print. Nothing
depends on time or randomness: the same scene gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from html import escape

from PIL import ImageFont

from jixiao.render.fonts import SANS, font_file

PNG_SCALE = 2
"""Device pixels per logical pixel: an 800-pixel chart is 1600 pixels wide, 192 dpi."""

BACKGROUND = "#FFFFFF"
TEXT = "#262626"
MUTED = "#7F7F7F"
SVG_FONTS = f"'{SANS}', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif"


class Anchor(StrEnum):
    """Where a label's point is on its baseline."""

    START = "start"
    MIDDLE = "middle"
    END = "end"


@dataclass(frozen=True, slots=True)
class Box:
    """A filled rectangle: top-left corner, width and height."""

    x: int
    y: int
    width: int
    height: int
    fill: str


@dataclass(frozen=True, slots=True)
class Label:
    """A line of text; ``y`` is its baseline."""

    x: int
    y: int
    text: str
    size: int
    fill: str = TEXT
    anchor: Anchor = Anchor.START


@dataclass(frozen=True, slots=True)
class Scene:
    width: int
    height: int
    title: str
    shapes: tuple[Box | Label, ...]


@cache
def chart_font(size: int) -> ImageFont.FreeTypeFont:
    """The chart font at ``size`` device pixels, loaded once."""
    face = font_file(SANS)
    return ImageFont.truetype(str(face.path), size, index=face.index)


def text_width(text: str, size: int) -> int:
    """The width of ``text`` in logical pixels, in the chart font."""
    return round(chart_font(size * PNG_SCALE).getlength(text) / PNG_SCALE)


def fit_text(text: str, size: int, width: int) -> str:
    """``text``, cut with “…” so it fits ``width``."""
    if text_width(text, size) <= width:
        return text
    while text and text_width(text + "…", size) > width:
        text = text[:-1]
    return text + "…"


PIL_ANCHORS = {Anchor.START: "ls", Anchor.MIDDLE: "ms", Anchor.END: "rs"}
"""Pillow's anchor of each :class:`Anchor` (on the baseline)."""


def to_svg(scene: Scene) -> str:
    lines = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{scene.width}" height="{scene.height}" '
             f'viewBox="0 0 {scene.width} {scene.height}" role="img" aria-label="{escape(scene.title)}" '
             f'font-family="{escape(SVG_FONTS)}">',
             f"<title>{escape(scene.title)}</title>",
             f'<rect width="{scene.width}" height="{scene.height}" fill="{BACKGROUND}"/>']
    for shape in scene.shapes:
        if isinstance(shape, Box):
            if shape.width > 0 and shape.height > 0:
                lines.append(f'<rect x="{shape.x}" y="{shape.y}" width="{shape.width}" '
                             f'height="{shape.height}" fill="{shape.fill}"/>')
        else:
            lines.append(f'<text x="{shape.x}" y="{shape.y}" font-size="{shape.size}" '
                         f'fill="{shape.fill}" text-anchor="{shape.anchor.value}">'
                         f"{escape(shape.text)}</text>")
    lines.append("</svg>")
    return "\n".join(lines) + "\n"
