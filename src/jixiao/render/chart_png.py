"""A chart as PNG, encoded for what it is: flat colour, mostly background.

A chart is boxes, and labels whose smoothed edges blend their ink into the one colour under
them. In true colour (three bytes a pixel) the 1600 × 1080 score chart is 5 MB of pixels, and
Pillow spends most of the chart's time trying several PNG row filters on every row. The same
pixels as indices into a palette of at most 256 colours are a third of the data and need no
filter: each label is drawn as its coverage mask, and each level of coverage of its ink over
its background gets the colour Pillow's own blend gives it in true colour (:func:`_blends`).
A chart with more colours (white shares on coloured bars), or a label over more than one
colour, is drawn in true colour and written with no row filter: zlib's matching shortens its
runs of one colour as well as a filter would. The pixels are those ``ImageDraw`` draws either
way; only the file's encoding differs. Each label's text is laid out and rendered once per
chart, however often it is shown."""

from __future__ import annotations

import io
import struct
import zlib
from dataclasses import dataclass, field
from itertools import compress
from typing import cast

from PIL import Image, ImageColor, ImageDraw

from jixiao.render.chart_scene import (
    BACKGROUND,
    PIL_ANCHORS,
    PNG_SCALE,
    Anchor,
    Box,
    Label,
    Scene,
    chart_font,
)

PALETTE_SIZE = 256
MARGIN_EMS = 1
"""Room round a label's text, in ems, for glyphs that reach beyond their advance."""
DPI = 96 * PNG_SCALE
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
RGB_COLOUR_TYPE = 2
NO_FILTER = b"\x00"

Box4 = tuple[int, int, int, int]


def to_png(scene: Scene) -> bytes:
    """``scene`` as PNG bytes at :data:`PNG_SCALE`; the same scene gives the same bytes."""
    coverages = Coverages()
    indexed = indexed_image(scene, coverages)
    if indexed is None:
        return true_colour_png(true_colour_image(scene, coverages))
    out = io.BytesIO()
    # Rows of indices are long runs of one byte: run-length matching at zlib's fastest level.
    indexed.save(out, format="PNG", dpi=(DPI, DPI), compress_level=1, compress_type=zlib.Z_RLE)
    return out.getvalue()


def true_colour_png(image: Image.Image) -> bytes:
    """An RGB image as PNG, every row unfiltered (PNG's filter "None"), at zlib's fastest level.
    A chart's rows are long runs of one colour, which zlib's matching shortens as well as any
    filter would: Pillow tries several filters on each row, which for a flat-colour chart costs
    more than the compression, and even one filter ("Up") costs two more copies of the pixels
    and gives a larger file."""
    width, height = image.size
    pixels = memoryview(image.tobytes())
    stride = 3 * width
    rows = b"".join(piece for start in range(0, len(pixels), stride)
                    for piece in (NO_FILTER, pixels[start:start + stride]))
    dots_per_metre = round(DPI / 0.0254)
    return b"".join((PNG_SIGNATURE,
                     _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, RGB_COLOUR_TYPE, 0, 0, 0)),
                     _chunk(b"pHYs", struct.pack(">IIB", dots_per_metre, dots_per_metre, 1)),
                     _chunk(b"IDAT", zlib.compress(rows, 1)),
                     _chunk(b"IEND", b"")))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


@dataclass
class Coverages:
    """Each label's coverage mask, made once per drawing (a label may repeat: ``6 / 6 分``)."""

    masks: dict[tuple[str, int, Anchor], tuple[Box4, Image.Image]] = field(default_factory=dict)

    def placed(self, label: Label) -> tuple[Box4, Image.Image] | None:
        """Where ``label``'s text lies in the image, and how much of each pixel there it covers
        (0–255: the mask Pillow blends the ink with); ``None`` for a label that draws nothing."""
        key = (label.text, label.size, label.anchor)
        if key not in self.masks:
            self.masks[key] = inked_coverage(label) or boxed_coverage(label)
        (left, top, right, bottom), mask = self.masks[key]
        if right <= left or bottom <= top:
            return None
        x, y = label.x * PNG_SCALE, label.y * PNG_SCALE
        return (x + left, y + top, x + right, y + bottom), mask


def boxed_coverage(label: Label) -> tuple[Box4, Image.Image]:
    """The label's coverage over its text's box (relative to its origin), from the font's
    layout of the text."""
    font, anchor = chart_font(label.size * PNG_SCALE), PIL_ANCHORS[label.anchor]
    left, top, right, bottom = (int(edge) for edge in font.getbbox(label.text, anchor=anchor))
    return (left, top, right, bottom), _coverage(label, (max(right - left, 0), max(bottom - top, 0)),
                                                 (-left, -top))


def inked_coverage(label: Label) -> tuple[Box4, Image.Image] | None:
    """The label's coverage over the box its ink covers (relative to its origin), drawn on a
    canvas a margin of :data:`MARGIN_EMS` wider than an em per character all round: one layout
    of the text instead of two (a box first). ``None`` when the ink reaches the canvas's edge
    (a glyph wider than its margin)."""
    em = label.size * PNG_SCALE
    width, height = em * (len(label.text) + 2 * MARGIN_EMS), em * (1 + 2 * MARGIN_EMS)
    x = {Anchor.START: em * MARGIN_EMS, Anchor.MIDDLE: width // 2, Anchor.END: width - em * MARGIN_EMS}
    origin = (x[label.anchor], em * (1 + MARGIN_EMS))
    canvas = _coverage(label, (width, height), origin)
    ink = canvas.getbbox()
    if ink is None:
        return (0, 0, 0, 0), canvas
    left, top, right, bottom = ink
    if left == 0 or top == 0 or right == width or bottom == height:
        return None
    return (left - origin[0], top - origin[1], right - origin[0], bottom - origin[1]), canvas.crop(ink)


def _coverage(label: Label, size: tuple[int, int], origin: tuple[int, int]) -> Image.Image:
    """The label's text drawn in full ink on nothing: the coverage of each pixel."""
    canvas = Image.new("L", size)
    ImageDraw.Draw(canvas).text(origin, label.text, fill=255, font=chart_font(label.size * PNG_SCALE),
                                anchor=PIL_ANCHORS[label.anchor])
    return canvas


def true_colour_image(scene: Scene, coverages: Coverages) -> Image.Image:
    """``scene`` drawn in RGB, each label's ink blended by its coverage as ``ImageDraw.text``
    blends it."""
    image = Image.new("RGB", _size(scene), BACKGROUND)
    draw = ImageDraw.Draw(image)
    for shape in scene.shapes:
        if isinstance(shape, Label):
            if placed := coverages.placed(shape):
                image.paste(shape.fill, *placed)
        elif shape.width > 0 and shape.height > 0:
            draw.rectangle(_corners(shape), fill=shape.fill)
    return image


class PaletteFullError(Exception):
    """The drawing needs more colours than a palette holds."""


@dataclass
class Palette:
    """The colours of an indexed drawing (RGB bytes), each indexed by its place."""

    colours: list[bytes] = field(default_factory=list)
    indices: dict[bytes, int] = field(default_factory=dict)

    def index(self, colour: bytes) -> int:
        found = self.indices.get(colour)
        if found is None:
            if len(self.colours) == PALETTE_SIZE:
                raise PaletteFullError
            found = self.indices[colour] = len(self.colours)
            self.colours.append(colour)
        return found


def indexed_image(scene: Scene, coverages: Coverages) -> Image.Image | None:
    """``scene`` drawn in a palette, with the pixels of :func:`true_colour_image`; ``None`` when
    that cannot be done exactly."""
    palette = Palette()
    background = palette.index(_rgb(BACKGROUND))
    drawing = IndexedDrawing(Image.new("L", _size(scene), background), coverages, palette)
    try:
        draw = ImageDraw.Draw(drawing.image)
        for shape in scene.shapes:
            if isinstance(shape, Label):
                if not drawing.label(shape):
                    return None
            elif shape.width > 0 and shape.height > 0:
                draw.rectangle(_corners(shape), fill=drawing.palette.index(_rgb(shape.fill)))
    except PaletteFullError:
        return None
    drawing.image.putpalette(b"".join(drawing.palette.colours))
    return drawing.image


@dataclass
class IndexedDrawing:
    """A drawing in palette indices (an "L" image until its palette is attached); for each ink
    over each background, its blends and the index of each level of coverage met so far; each
    label's indices, made once however often it is shown in the same colours."""

    image: Image.Image
    coverages: Coverages
    palette: Palette
    levels: dict[tuple[bytes, str], list[int]] = field(default_factory=dict)
    blends: dict[tuple[bytes, str], bytes] = field(default_factory=dict)
    painted: dict[tuple[str, int, Anchor, int, str], Image.Image] = field(default_factory=dict)

    def label(self, label: Label) -> bool:
        """Draw ``label``; false when it lies over more than one colour."""
        placed = self.coverages.placed(label)
        if placed is None:
            return True
        box, coverage = placed
        under, other = cast(tuple[int, int], self.image.crop(box).getextrema())  # one band
        if under != other:
            return False
        key = (label.text, label.size, label.anchor, under, label.fill)
        if key not in self.painted:
            self.painted[key] = coverage.point(self.indices(under, label.fill, coverage))
        self.image.paste(self.painted[key], box)
        return True

    def indices(self, under: int, ink: str, coverage: Image.Image) -> list[int]:
        """The palette index of each level of ``coverage`` in ``ink`` over colour ``under`` (a
        level no label has used yet is left at 0)."""
        pair = (self.palette.colours[under], ink)
        known = self.levels.setdefault(pair, [0] * 256)
        if pair not in self.blends:
            self.blends[pair] = _blends(*pair)
        blends = self.blends[pair]
        for level in compress(range(1, 256), coverage.histogram()[1:]):  # 0: the background itself
            if not known[level]:
                known[level] = self.palette.index(blends[3 * level:3 * level + 3])
        known[0] = under
        return known


def _blends(background: bytes, ink: str) -> bytes:
    """The RGB of ``ink`` drawn over ``background`` at each of the 256 levels of coverage, as
    Pillow blends a label's mask into a true-colour image."""
    strip = Image.new("RGB", (256, 1), tuple(background))
    strip.paste(ink, (0, 0, 256, 1), Image.frombytes("L", (256, 1), bytes(range(256))))
    return strip.tobytes()


def _rgb(colour: str) -> bytes:
    return bytes(ImageColor.getrgb(colour)[:3])


def _size(scene: Scene) -> tuple[int, int]:
    return scene.width * PNG_SCALE, scene.height * PNG_SCALE


def _corners(box: Box) -> Box4:
    s = PNG_SCALE
    return box.x * s, box.y * s, (box.x + box.width) * s - 1, (box.y + box.height) * s - 1
