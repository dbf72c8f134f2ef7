"""Benchmark the Word report: jixiao's render against docxtpl's own render of the same template.

Run from the repository root (or anywhere)::

    .venv/bin/python bench/bench_render.py [--n 20] [--example examples/dongting-2023.yaml]

In the same run, calls alternated, the median time per report of:

* **baseline**: docxtpl alone: open the template ``report.docx``, render a context prepared
  beforehand (plain variables, charts left out), save to memory;
* **jixiao**: the whole path from an evaluation: score it, build the context (every sentence and
  table by rule), open the template, render, merge the indicator tables, save to memory.

The target is jixiao/baseline ≤ 1.5. This is a benchmark, not a test: it always exits 0.
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from docxtpl import DocxTemplate  # type: ignore[import-untyped]

from jixiao.io.load import load_evaluation
from jixiao.model import Evaluation
from jixiao.render.context import ChartData
from jixiao.render.docx import builtin_template, render_to
from jixiao.render.report import prepare
from jixiao.render.spec import load_template

ROOT = Path(__file__).resolve().parents[1]
TARGET = 1.5


def timed(work: Callable[[], None]) -> float:
    start = time.perf_counter()
    work()
    return (time.perf_counter() - start) * 1000


def medians(first: Callable[[], None], second: Callable[[], None], n: int) -> tuple[float, float]:
    """Median time per call (ms) of both, calls alternated so load on a shared machine falls on
    both alike; one warm-up call each first."""
    first(), second()
    pairs = [(timed(first), timed(second)) for _ in range(n)]
    return statistics.median(a for a, _ in pairs), statistics.median(b for _, b in pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20)
    parser.add_argument("--example", type=Path, default=ROOT / "examples" / "dongting-2023.yaml")
    parser.add_argument("--template", default="yueyanglou-2024")
    arguments = parser.parse_args()
    evaluation: Evaluation = load_evaluation(arguments.example).evaluation
    spec = load_template(arguments.template)
    context = prepare(evaluation, spec)
    no_charts = ChartData((), ())  # charts are another module's cost: both sides leave them out
    variables = context.variables() | {"composition_chart": "", "score_chart": ""}

    def baseline() -> None:
        template: DocxTemplate = builtin_template(context)
        template.render(variables, autoescape=True)
        template.save(io.BytesIO())

    def jixiao() -> None:
        prepared = prepare(evaluation, spec)
        template = builtin_template(prepared)
        render_to(template, replace(prepared, charts=no_charts))
        template.save(io.BytesIO())

    base, ours = medians(baseline, jixiao, arguments.n)
    ratio = ours / base
    print(f"docxtpl render (baseline): {base:8.2f} ms/report")
    print(f"jixiao render:             {ours:8.2f} ms/report")
    verdict = "PASS" if ratio <= TARGET else "FAIL"
    print(f"ratio jixiao/baseline:     {ratio:8.2f}  (target ≤ {TARGET})  {verdict}")


if __name__ == "__main__":
    main()
