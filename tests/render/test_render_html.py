"""The HTML preview: the same context as the Word report, self-contained."""

from __future__ import annotations

import re

from render_builders import consistent_evaluation
from snapshot import assert_snapshot, normalise_html

from jixiao.model import Evaluation
from jixiao.render.html import render_html
from jixiao.render.report import prepare
from jixiao.render.spec import load_template


def test_example_html_snapshot(example: Evaluation) -> None:
    html = render_html(prepare(example, load_template("yueyanglou-2024")))
    assert_snapshot("dongting-2023.yueyanglou-2024.html", normalise_html(html))


def test_html_is_self_contained_and_marks_missing(example: Evaluation) -> None:
    html = render_html(prepare(example, load_template("yueyanglou-2024")))
    assert re.findall(r"(?:src|href)=\"", html) == []
    assert "<link" not in html and "<script" not in html
    assert '<mark class="missing">【未填写】</mark>' in html
    assert "<td>100</td><td>99</td>" in html


def test_html_escapes_text_and_merges_groups() -> None:
    data = consistent_evaluation()
    narrative = data.narrative.model_copy(update={"problems": "指标<5%的项目 & 其他"})
    html = render_html(prepare(data.model_copy(update={"narrative": narrative}),
                               load_template("yueyanglou-2024")))
    assert "<p>指标&lt;5%的项目 &amp; 其他</p>" in html
    assert '<td rowspan="2">产出指标（50分）</td>' in html


def test_national_project_html() -> None:
    html = render_html(prepare(consistent_evaluation(qualitative=27), load_template("national-project")))
    assert "<h2>项目支出绩效自评表（1）</h2>" in html
    assert "<td>100</td><td>97</td>" in html
