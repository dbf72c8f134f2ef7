"""Benchmark the Word report: jixiao's render against docxtpl's own render of the same template.

Run from the repository root (or anywhere)::

    .venv/bin/python bench/bench_render.py [--n 20] [--cpu] [--example examples/dongting-2023.yaml]

In the same run, ``--n`` alternated rounds (min / median / max printed, the verdict on
medians) of the time per report of:

* **baseline**: docxtpl alone: open the template ``report.docx``, render a context prepared
  beforehand with the same two charts as pictures (PNG drawn beforehand, given as
  ``InlineImage``), save to memory: what any docxtpl program must do to write this report;
* **jixiao**: what ``jixiao render`` does from an evaluation: score it, build the context (every
  sentence and table by rule), draw the charts, open the template, render, merge the indicator
  tables, save to memory.

Both sides put the same pictures into the same template, so the ratio is the cost of jixiao's
own work (scoring, wording, drawing the charts, merging) over the bare templating. The target is
jixiao / baseline ≤ 1.5. ``--cpu`` times this process's CPU instead of the wall clock: on a
busy shared machine the wall clock also counts the time other programs hold the cores. This is
a benchmark, not a test: it always exits 0.
"""

from __future__ import annotations

import argparse
import io
import time
from pathlib import Path

from docxtpl import DocxTemplate, InlineImage  # type: ignore[import-untyped]

from jixiao.io.load import load_evaluation
from jixiao.model import Evaluation
from jixiao.render.chart_hook import CHART_WIDTH, docx_charts
from jixiao.render.docx import builtin_template, render_to
from jixiao.render.report import prepare
from jixiao.render.spec import load_template
from rounds import alternated, load_line, report, untimed

ROOT = Path(__file__).resolve().parents[1]
TARGET = 1.5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20)
    parser.add_argument("--example", type=Path, default=ROOT / "examples" / "dongting-2023.yaml")
    parser.add_argument("--template", default="yueyanglou-2024")
    parser.add_argument("--cpu", action="store_true", help="CPU time of this process, not wall time")
    arguments = parser.parse_args()
    evaluation: Evaluation = load_evaluation(arguments.example).evaluation
    spec = load_template(arguments.template)
    context = prepare(evaluation, spec)
    pictures = docx_charts(builtin_template(context), context.charts)  # drawn once, beforehand
    assert all(pictures.values()), "the example must have both charts"
    pngs = {name: picture.image_descriptor.getvalue() for name, picture in pictures.items()}

    def baseline() -> None:
        template: DocxTemplate = builtin_template(context)
        images = {name: InlineImage(template, io.BytesIO(png), width=CHART_WIDTH)
                  for name, png in pngs.items()}
        template.render(context.variables() | images, autoescape=True)
        template.save(io.BytesIO())

    def jixiao() -> None:
        prepared = prepare(evaluation, spec)
        template = builtin_template(prepared)
        render_to(template, prepared)
        template.save(io.BytesIO())

    clock = time.process_time if arguments.cpu else time.perf_counter
    spreads = alternated({"docxtpl": untimed(baseline, clock), "jixiao": untimed(jixiao, clock)}, arguments.n)
    print(load_line())
    print("CPU time per report:" if arguments.cpu else "time per report:")
    report(spreads, "jixiao", "docxtpl", TARGET)


if __name__ == "__main__":
    main()
