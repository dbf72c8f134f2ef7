"""Charts: PNG and SVG from one layout, values shown with their units, same input → same bytes."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont

from jixiao.io.load import load_evaluation
from jixiao.model import Evaluation
from jixiao.render import chart_png
from jixiao.render.chart_hook import svg_charts
from jixiao.render.chart_png import boxed_coverage, inked_coverage, to_png
from jixiao.render.chart_scene import (
    PIL_ANCHORS,
    PNG_SCALE,
    Anchor,
    Box,
    Label,
    Scene,
    chart_font,
    text_width,
)
from jixiao.render.charts import (
    ChartValueError,
    composition_chart_png,
    composition_chart_svg,
    composition_scene,
    score_chart_png,
    score_chart_svg,
    score_scene,
)
from jixiao.render.fonts import SANS, FontMissingError, font_file
from jixiao.render.report import prepare

ROOT = Path(__file__).resolve().parents[2]

SVG = "{http://www.w3.org/2000/svg}"
BASIC = [("人员经费", Decimal("114.24")), ("公用经费", Decimal("18.47"))]
SCORES = [("门面回购和置换工作", Decimal(6), Decimal(6)), ("总成本控制", Decimal(5), Decimal(6)),
          ("群众满意度", Decimal("4.50"), Decimal(5))]


def svg_texts(svg: str) -> list[str]:
    return [element.text or "" for element in ET.fromstring(svg).iter(f"{SVG}text")]


def test_composition_svg_shows_amounts_with_units_and_shares() -> None:
    texts = svg_texts(composition_chart_svg(BASIC, "2023年基本支出构成"))
    assert texts == ["2023年基本支出构成", "86.1%", "13.9%",
                     "86.08%", "人员经费", "114.24 万元",
                     "13.92%", "公用经费", "18.47 万元",
                     "各项合计", "132.71 万元"]


def test_composition_keeps_written_decimals_and_takes_another_unit() -> None:
    texts = svg_texts(composition_chart_svg([("应急工作专项", Decimal("5.00")), ("工伤保险", Decimal("0.17"))],
                                            "项目支出", unit="元"))
    assert "5.00 元" in texts and "5.17 元" in texts


def test_composition_segments_tile_the_bar_exactly() -> None:
    parts = [(f"第{i}项", Decimal(1)) for i in range(7)]
    scene = composition_scene(parts, "七等分", "万元")
    bar = [shape for shape in scene.shapes if isinstance(shape, Box) and shape.height == 40]
    assert [box.x for box in bar] == [40, 143, 246, 349, 451, 554, 657]
    assert bar[-1].x + bar[-1].width == 760


def test_score_svg_shows_score_against_weight_in_points() -> None:
    texts = svg_texts(score_chart_svg(SCORES, "附件2 三级指标得分"))
    assert texts == ["附件2 三级指标得分", "得分（满分）", "得分（失分）", "分值",
                     "门面回购和置换工作", "6 / 6 分", "总成本控制", "5 / 6 分", "群众满意度", "4.50 / 5 分"]


def test_score_bars_are_proportional_and_lost_points_coloured() -> None:
    scene = score_scene(SCORES, "得分")
    bars = [shape for shape in scene.shapes if isinstance(shape, Box) and shape.height == 16]
    assert [(box.width, box.fill) for box in bars] == [
        (330, "#D9D9D9"), (330, "#2F6FB0"), (330, "#D9D9D9"), (275, "#E07B39"),
        (275, "#D9D9D9"), (248, "#E07B39")]


def test_labels_are_escaped_in_svg() -> None:
    label = '<script>alert("x")</script> & 其他'
    svg = composition_chart_svg([(label, Decimal(1))], "A<B>&C")
    assert "<script>" not in svg
    root = ET.fromstring(svg)
    assert root.find(f"{SVG}title") is not None
    assert root.findtext(f"{SVG}title") == "A<B>&C"
    assert label in svg_texts(svg)


def test_long_labels_are_cut_to_fit() -> None:
    label = "颜氏旧改项目，私房征收及后续的安置维稳户数"
    scene = score_scene([(label, Decimal(6), Decimal(6))], "得分")
    shown = next(s for s in scene.shapes if isinstance(s, Label) and s.text.startswith("颜氏"))
    assert shown.text.endswith("…") and label.startswith(shown.text[:-1])
    assert text_width(shown.text, shown.size) <= 270


def test_png_is_the_same_bytes_for_the_same_input() -> None:
    first = score_chart_png(SCORES, "得分")
    assert first == score_chart_png(list(SCORES), "得分")
    assert first != score_chart_png(SCORES[:2], "得分")
    assert composition_chart_png(BASIC, "构成") == composition_chart_png(BASIC, "构成")


def test_png_size_matches_the_layout_at_print_scale() -> None:
    scene = composition_scene(BASIC, "构成", "万元")
    image = Image.open(io.BytesIO(composition_chart_png(BASIC, "构成")))
    assert image.format == "PNG"
    assert image.size == (scene.width * PNG_SCALE, scene.height * PNG_SCALE)
    assert tuple(round(d) for d in image.info["dpi"]) == (192, 192)


def test_chinese_is_drawn_with_noto_cjk_not_missing_glyph_boxes() -> None:
    face = font_file(SANS)
    assert face.path.name.startswith("NotoSansCJK")
    font = ImageFont.truetype(str(face.path), 40, index=face.index)

    def glyph(text: str) -> Image.Image:
        image = Image.new("L", (60, 60))
        ImageDraw.Draw(image).text((5, 5), text, fill=255, font=font)
        return image

    missing = glyph("\U000f0000")  # a private-use code point: the font's missing-glyph box
    for char in "人员经费得分值万元":
        assert ImageChops.difference(glyph(char), missing).getbbox() is not None, char


def test_nothing_to_draw_says_so() -> None:
    assert svg_texts(composition_chart_svg([], "构成")) == ["构成", "无数据"]
    assert svg_texts(score_chart_svg([("甲", Decimal(0), Decimal(0))], "得分")) == ["得分", "无数据"]


def test_negative_values_are_refused_with_their_label() -> None:
    with pytest.raises(ChartValueError) as caught:
        composition_chart_png([("人员经费", Decimal("-1.5"))], "构成")
    assert str(caught.value) == "图表数据“人员经费”为负数（-1.5），无法绘制"


def test_a_missing_font_is_named() -> None:
    with pytest.raises(FontMissingError) as caught:
        font_file("Noto Nonexistent Font")
    assert str(caught.value).startswith("找不到字体“Noto Nonexistent Font”（系统给出的是“")


def _basic_parts(tmp_path: Path, public_share: str) -> Evaluation:
    """The example with 人员经费 115.99 and 公用经费 16.70 of 基本支出 132.71: the parts sum to
    132.69, so a share of their sum (12.59%) is not the share of 基本支出 the text states (12.58%)."""
    source = (ROOT / "examples" / "dongting-2023.yaml").read_text("utf-8").replace(
        "        amount: 114.24\n        stated_share: 86.08\n", "        amount: 115.99\n").replace(
        "        amount: 18.47\n        stated_share: 13.92\n", f"        amount: 16.70\n{public_share}")
    (tmp_path / "basic.yaml").write_text(source, "utf-8")
    return load_evaluation(tmp_path / "basic.yaml").evaluation


def test_the_composition_chart_shows_the_shares_the_text_states(tmp_path: Path) -> None:
    context = prepare(_basic_parts(tmp_path, ""))
    assert context.charts.composition == (("人员经费", Decimal("115.99"), "87.40%"),
                                          ("公用经费", Decimal("16.70"), "12.58%"))
    [basic] = [p["text"] for s in context.data["sections"] for p in s["paragraphs"] if "公用经费16.70" in p["text"]]
    assert "人员经费115.99万元，占基本支出的87.40%；公用经费16.70万元，占基本支出的12.58%" in basic
    texts = svg_texts(svg_charts(context.charts)["composition_chart"])
    assert texts == ["基本支出构成（万元）", "87.40%", "12.58%", "87.40%", "人员经费", "115.99 万元",
                     "12.58%", "公用经费", "16.70 万元", "各项合计", "132.69 万元"]


def test_a_stated_share_the_rule_disagrees_with_is_shown_with_the_rules(tmp_path: Path) -> None:
    context = prepare(_basic_parts(tmp_path, "        stated_share: 13.00\n"))
    assert context.charts.composition[1] == ("公用经费", Decimal("16.70"), "13.00%（按规则 12.58%）")
    assert "12.58%" in svg_texts(svg_charts(context.charts)["composition_chart"])[6]


def plain_drawing(scene: Scene) -> Image.Image:
    """The chart as ``ImageDraw`` draws it in RGB, shape after shape: what the PNG must show."""
    s = PNG_SCALE
    image = Image.new("RGB", (scene.width * s, scene.height * s), "#FFFFFF")
    draw = ImageDraw.Draw(image)
    for shape in scene.shapes:
        if isinstance(shape, Box):
            if shape.width > 0 and shape.height > 0:
                draw.rectangle((shape.x * s, shape.y * s, (shape.x + shape.width) * s - 1,
                                (shape.y + shape.height) * s - 1), fill=shape.fill)
        else:
            draw.text((shape.x * s, shape.y * s), shape.text, fill=shape.fill,
                      font=chart_font(shape.size * s), anchor=PIL_ANCHORS[shape.anchor])
    return image


OVER_TWO_COLOURS = Scene(200, 60, "跨色", (Box(0, 0, 100, 60, "#2F6FB0"),
                                          Label(100, 40, "跨两色", 20, anchor=Anchor.MIDDLE)))


@pytest.mark.parametrize(("scene", "mode"), [
    (score_scene(SCORES, "得分"), "P"),
    (score_scene([(f"第{i}项指标", Decimal(i % 7), Decimal(6)) for i in range(24)], "二十四项"), "P"),
    (composition_scene(BASIC, "构成", "万元"), "RGB"),  # white shares on two colours of bar
    (composition_scene([(f"第{i}项", Decimal(i + 1)) for i in range(9)], "九项", "万元"), "RGB"),
    (composition_scene([], "构成", "万元"), "P"),
    (OVER_TWO_COLOURS, "RGB"),
], ids=["score", "score-24", "composition", "composition-9", "no-data", "label-over-two-colours"])
def test_png_shows_exactly_the_pixels_imagedraw_draws(scene: Scene, mode: str) -> None:
    image = Image.open(io.BytesIO(to_png(scene)))
    assert image.mode == mode
    assert tuple(round(d) for d in image.info["dpi"]) == (192, 192)
    assert image.convert("RGB").tobytes() == plain_drawing(scene).tobytes()


def test_a_label_drawn_with_a_margin_covers_what_it_covers_in_its_font_box() -> None:
    scenes = (score_scene(SCORES, "附件2 三级指标得分"), composition_scene(BASIC, "基本支出构成（万元）", "万元"))
    labels = [shape for scene in scenes for shape in scene.shapes if isinstance(shape, Label)]
    assert {label.anchor for label in labels} == set(Anchor)
    for label in labels:
        (left, top, _, _), boxed = boxed_coverage(label)
        inked = inked_coverage(label)
        ink = boxed.getbbox()
        assert inked is not None and ink is not None, label
        (inked_left, inked_top, _, _), mask = inked
        assert (inked_left, inked_top) == (left + ink[0], top + ink[1]), label
        assert mask.tobytes() == boxed.crop(ink).tobytes(), label


def test_a_label_whose_ink_reaches_its_margin_is_drawn_in_its_font_box(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chart_png, "MARGIN_EMS", 0)  # every label's ink then reaches the edge
    scene = score_scene(SCORES, "得分")
    assert all(inked_coverage(shape) is None for shape in scene.shapes if isinstance(shape, Label))
    image = Image.open(io.BytesIO(to_png(scene)))
    assert image.convert("RGB").tobytes() == plain_drawing(scene).tobytes()
