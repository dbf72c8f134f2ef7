"""Benchmark PDF rendering: jixiao's render_pdf against LibreOffice alone, and a parallel batch.

Run from the repository root (or anywhere)::

    .venv/bin/python bench/bench_pdf.py [--n 5] [--batch 100] [--jobs N] [--docx FILE]

In the same run:

* **single**: the same Word report converted ``--n`` times each, calls alternated, by the bare
  ``soffice --headless --convert-to pdf`` (with a profile of its own, warmed up first) and by
  :func:`jixiao.render.pdf.render_pdf` (font aliases, a scratch directory per call, the move to
  the target), in alternated rounds: min / median / max of each and the ratio of the medians,
  target ≤ 1.2. The report is the example
  rendered by ``jixiao render`` unless ``--docx`` names one.
* **batch**: ``--batch`` small Word files (one marker each) through
  :func:`jixiao.render.pdf.render_pdfs` with ``--jobs`` workers (default: one per core): every
  PDF must exist and hold its own marker; prints files per second, next to one bare ``soffice``
  process converting them all in a row.

This is a benchmark, not a test: it always exits 0.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from docx import Document

from jixiao.render.pdf import render_pdf, render_pdfs
from rounds import alternated, report, timed, untimed

ROOT = Path(__file__).resolve().parents[1]
TARGET = 1.2


def bare_soffice(profile: Path, out_dir: Path, *sources: Path) -> None:
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, sources)],
                   check=True, capture_output=True, timeout=600)


def example_report(scratch: Path) -> Path:
    out = scratch / "report.docx"
    subprocess.run([str(Path(sys.executable).with_name("jixiao")), "render",
                    str(ROOT / "examples" / "dongting-2023.yaml"), "-o", str(out)], check=True,
                   capture_output=True)
    return out


def single(docx: Path, scratch: Path, n: int) -> None:
    profile = scratch / "bare-profile"
    bare_soffice(profile, scratch / "bare", docx)  # warm-up: the profile is created once
    render_pdf(docx, scratch / "jixiao" / "warm.pdf")
    spreads = alternated({
        "soffice --convert-to pdf": untimed(lambda: bare_soffice(profile, scratch / "bare", docx)),
        "jixiao render_pdf": lambda round_number: timed(
            lambda: render_pdf(docx, scratch / "jixiao" / f"{round_number}.pdf"))}, n, warm_up=False)
    print(f"single: {docx.name}, {n} rounds")
    report(spreads, "jixiao render_pdf", "soffice --convert-to pdf", TARGET, scale=1, unit="s")


def small_docx(path: Path, index: int) -> Path:
    document = Document()
    document.add_heading(f"第{index}份报告", level=1)
    document.add_paragraph(f"标记 BATCH-{index:04d}：本单位年度预算执行率 98.5%，自评得分 93 分。")
    document.save(str(path))
    return path


def pdf_text(path: Path) -> str:
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True)
    return "".join(result.stdout.split())


def batch(scratch: Path, count: int, jobs: int) -> None:
    sources = [small_docx(scratch / f"batch-{i:04d}.docx", i) for i in range(count)]
    pairs = [(source, scratch / "batch-out" / f"{source.stem}.pdf") for source in sources]
    start = time.perf_counter()
    results = render_pdfs(pairs, jobs=jobs)
    ours = time.perf_counter() - start
    written = [result for result in results if isinstance(result, Path)]
    lost = [str(source) for (source, target), result in zip(pairs, results, strict=True)
            if not isinstance(result, Path) or not target.is_file()
            or f"BATCH-{int(source.stem[-4:]):04d}" not in pdf_text(target)]
    bare = timed(lambda: bare_soffice(scratch / "bare-profile", scratch / "bare-batch", *sources))
    print(f"batch: {count} small docx, jobs={jobs}")
    print(f"  jixiao render_pdfs        {ours:6.2f} s   {count / ours:5.1f} files/s   "
          f"written {len(written)}/{count}, lost or wrong {len(lost)}  {'PASS' if not lost else 'FAIL'}")
    print(f"  one soffice, in a row     {bare:6.2f} s   {count / bare:5.1f} files/s")
    for name in lost[:5]:
        print(f"  lost: {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--docx", type=Path)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jixiao-bench-pdf-") as name:
        scratch = Path(name)
        single(arguments.docx or example_report(scratch), scratch, arguments.n)
        batch(scratch, arguments.batch, arguments.jobs)


if __name__ == "__main__":
    main()
