"""The sizing table: what one core does in an hour, and what one worker holds, per kind of report.

Run from the repository root (or anywhere)::

    .venv/bin/python bench/bench_sizing.py [--pages 2] [--repeats 3]

Each kind is measured in a fresh process of its own, set up as one worker among as many as
there are cores (``jixiao.workers.share_cores``: OCR on cores ÷ workers threads), OCR cache off:

* **Word**: the reports of ``tests/data/reports`` written as Word files (``bench_audit.write_docx``),
  each checked as a batch checks it (``check_file``);
* **text PDF**: the same Word files made PDFs by LibreOffice, checked likewise;
* **scanned page**: dense scanned pages (``bench_ocr.scanned_page``) checked likewise: OCR and
  the audit of what it reads.

For each: CPU seconds per file (of the process and all its threads: core-seconds; the median of
``--repeats`` passes after a warm-up), files per core-hour, and the peak resident memory of the
worker (``ru_maxrss``). A Word or PDF report here is 4 to 25 pages; a page of a scanned report
costs what a scanned page costs. Numbers depend on the machine: run it on the production kind.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "tests" / "data" / "reports"


def measure(paths: list[Path], repeats: int) -> dict[str, float]:
    """In this process: CPU seconds per file (median of the passes) and the peak memory."""
    from jixiao.cli.batch import check_file
    from jixiao.workers import share_cores

    share_cores(os.cpu_count() or 1)
    for path in paths:  # warm-up: imports, the OCR engine
        assert check_file(path).error is None, path
    passes = []
    for _ in range(repeats):
        start = time.process_time()
        for path in paths:
            check_file(path)
        passes.append((time.process_time() - start) / len(paths))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": statistics.median(passes), "megabytes": peak}


def in_fresh_process(paths: list[Path], repeats: int) -> dict[str, float]:
    finished = subprocess.run([sys.executable, __file__, "--measure", str(repeats), *map(str, paths)],
                              capture_output=True, text=True, check=True,
                              env=os.environ | {"JIXIAO_OCR_CACHE": "off"})
    return dict(json.loads(finished.stdout))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2, help="scanned pages measured")
    parser.add_argument("--repeats", type=int, default=3, help="passes over the Word and PDF files")
    parser.add_argument("--measure", type=int, help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args()
    if args.measure is not None:
        print(json.dumps(measure([Path(path) for path in rest], args.measure)))
        return
    from bench_audit import write_docx
    from bench_ocr import scanned_page
    from jixiao.render.pdf import render_pdfs
    from rounds import load_line

    with tempfile.TemporaryDirectory(prefix="jixiao-sizing-") as temporary:
        folder = Path(temporary)
        words = [write_docx(text, folder / f"{text.stem}.docx") for text in sorted(REPORTS.glob("*.txt"))]
        pdfs = [pdf for pdf in render_pdfs([(word, word.with_suffix(".pdf")) for word in words])
                if isinstance(pdf, Path)]
        scans = [scanned_page(folder / f"scan-{page}.png", page) for page in range(args.pages)]
        kinds = {"Word report": in_fresh_process(words, args.repeats),
                 "text PDF report": in_fresh_process(pdfs, args.repeats),
                 "scanned page": in_fresh_process(scans, 1)}
    print(load_line())
    print(f"one worker among {os.cpu_count()} on {os.cpu_count()} cores; CPU seconds are core-seconds")
    print()
    print("| kind | CPU s per file | files per core-hour | peak memory per worker |")
    print("| --- | ---: | ---: | ---: |")
    for kind, found in kinds.items():
        print(f"| {kind} | {found['seconds']:.3f} | {3600 / found['seconds']:,.0f} | "
              f"{found['megabytes']:.0f} MB |")


if __name__ == "__main__":
    main()
