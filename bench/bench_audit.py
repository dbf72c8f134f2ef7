"""Benchmark auditing reports: one Word file against python-docx alone, and a batch on 1 and 2 processes.

Run from the repository root (or anywhere)::

    .venv/bin/python bench/bench_audit.py [--batch 200] [--repeats 5]

Every report in ``tests/data/reports/*.txt`` is read, and written again as a Word file with
python-docx: each paragraph a paragraph, each table rebuilt from the flattened text a Word table.
Then, in the same run:

* **(a) one report**: for each Word file, the baseline opens it with python-docx and walks its
  paragraphs and every cell of its tables (``paragraph.text``, ``cell.text``); jixiao reads and
  audits it (``jixiao.audit.audit_file``: the document model with places, then every auditor).
  Best of ``--repeats`` per file, summed over the files. Target: jixiao / baseline ≤ 1.5.
* **(b) a batch**: ``--batch`` files (the Word and text reports in turn, copied under distinct
  names) checked as ``jixiao check`` does (``jixiao.cli.batch.check_all`` with ``check_file``),
  on 1 process (in this one) and on 2 worker processes (started with spawn, their start-up
  included). Target: throughput on 2 ≥ 1.7 × throughput on 1, with the peak of the resident
  memory of this process and all its descendants, sampled every 20 ms from ``/proc``, under
  500 MB.

It prints the measurements, the ratios and PASS or FAIL per target, and always exits 0: a
benchmark, not a test. Absolute times depend on the machine (and on what else runs on it); the
ratios are what to compare between commits.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import docx

from jixiao.audit import audit_file
from jixiao.cli.batch import check_all, check_file
from jixiao.documents.model import Table
from jixiao.documents.text_reader import read_text_document

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "tests" / "data" / "reports"
ONE_REPORT_TARGET = 1.5
SPEED_UP_TARGET = 1.7
MEMORY_TARGET_MB = 500


def write_docx(text_report: Path, target: Path) -> Path:
    """The text report as a Word file: its paragraphs, and its tables as Word tables."""
    document = read_text_document(text_report)
    word = docx.Document()
    for block in document.blocks:
        if isinstance(block, Table):
            width = max(len(row) for row in block.rows)
            table = word.add_table(rows=len(block.rows), cols=width)
            for row_index, row in enumerate(block.rows):
                for col_index, cell in enumerate(row):
                    table.cell(row_index, col_index).text = cell.text
        else:
            word.add_paragraph(block.text)
    word.save(str(target))
    return target


def python_docx_walk(path: Path) -> int:
    """What python-docx alone needs to see a Word file's text: open, walk paragraphs and cells."""
    word = docx.Document(str(path))
    characters = sum(len(paragraph.text) for paragraph in word.paragraphs)
    for table in word.tables:
        for row in table.rows:
            characters += sum(len(cell.text) for cell in row.cells)
    return characters


def best(action: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def one_report(word_files: list[Path], repeats: int) -> None:
    print(f"(a) one Word report: {len(word_files)} files, best of {repeats}")
    baseline = jixiao = 0.0
    for path in word_files:
        base, audited = (best(partial(python_docx_walk, path), repeats),
                         best(partial(audit_file, path), repeats))
        findings = len(audit_file(path).findings)
        print(f"    {path.name:<36} python-docx {base * 1000:7.1f} ms   jixiao {audited * 1000:7.1f} ms"
              f"   {findings} findings")
        baseline, jixiao = baseline + base, jixiao + audited
    ratio = jixiao / baseline
    verdict = "PASS" if ratio <= ONE_REPORT_TARGET else "FAIL"
    print(f"    total: python-docx {baseline * 1000:.1f} ms, jixiao {jixiao * 1000:.1f} ms; "
          f"jixiao / python-docx = {ratio:.2f} (target ≤ {ONE_REPORT_TARGET}) {verdict}")


SAMPLER = """
import os, select, sys
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")

def tree(root, me):
    found, queue = [], [root]
    while queue:
        pid = queue.pop()
        found.append(pid)
        try:
            for task in Path(f"/proc/{pid}/task").iterdir():
                queue.extend(int(child) for child in (task / "children").read_text().split()
                             if int(child) != me)
        except OSError:
            pass
    return found

def rss(pid):
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE // 1024
    except (OSError, IndexError):
        return 0

def pss(pid):
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0

root, peak_rss, peak_pss, samples = int(sys.argv[1]), 0, 0, 0
while not select.select([sys.stdin], [], [], 0.02)[0]:
    pids = tree(root, os.getpid())
    peak_rss = max(peak_rss, sum(rss(pid) for pid in pids))
    if samples % 10 == 0:  # PSS walks the page tables: costly, so one sample in ten
        peak_pss = max(peak_pss, sum(pss(pid) for pid in pids))
    samples += 1
print(peak_rss / 1024, peak_pss / 1024)
"""
"""Samples the resident memory of the process tree below the pid it is given (itself left
out): every 20 ms the sum of RSS (shared pages counted in every process that maps them), every
200 ms the sum of PSS (shared pages split between the processes that map them). Run as a
process of its own, so this one runs no thread while it forks its workers; cheap, so it takes
little of the CPU the workers are measured on."""


@contextmanager
def peak_memory() -> Iterator[list[float]]:
    """The peak sums of RSS and PSS in MB of this process and its descendants while the block
    runs (the list is filled when it ends)."""
    peaks: list[float] = []
    sampler = subprocess.Popen([sys.executable, "-c", SAMPLER, str(os.getpid())],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    time.sleep(0.2)  # the sampler's own start-up is not part of the measurement
    try:
        yield peaks
    finally:
        out, _ = sampler.communicate("")
        peaks.extend(float(value) for value in out.split())


def batch(sources: list[Path], size: int, folder: Path, repeats: int) -> None:
    paths = []
    for index in range(size):
        source = sources[index % len(sources)]
        paths.append(Path(shutil.copy(source, folder / f"{index:04d}-{source.name}")))
    check = partial(check_file, profile_id=None)
    check_all(sources, check, 1)  # both runs start with the same warm caches
    print(f"(b) a batch of {size} reports ({len(sources)} distinct, Word and text), best of {repeats}")
    timings = {1: float("inf"), 2: float("inf")}
    peaks = {1: (0.0, 0.0), 2: (0.0, 0.0)}
    cpu = {1: 0.0, 2: 0.0}
    for repeat in range(repeats):
        for jobs in (1, 2) if repeat % 2 == 0 else (2, 1):  # alternated: drift in load hits both
            with peak_memory() as peak:
                before, start = os.times(), time.perf_counter()
                results = check_all(paths, check, jobs)
                elapsed, after = time.perf_counter() - start, os.times()
            if elapsed < timings[jobs]:
                timings[jobs] = elapsed
                cpu[jobs] = sum(after[:4]) - sum(before[:4])  # this process and its workers
            assert all(result.error is None for result in results), "a report could not be read"
            rss, pss = peak
            peaks[jobs] = (max(peaks[jobs][0], rss), max(peaks[jobs][1], pss))
    for jobs in (1, 2):
        rss, pss = peaks[jobs]
        print(f"    {jobs} process{'es' if jobs > 1 else ''}: {timings[jobs]:6.2f} s, "
              f"{size / timings[jobs]:6.1f} reports/s, {cpu[jobs]:6.2f} s of CPU, "
              f"peak memory {rss:6.1f} MB RSS ({pss:.1f} MB PSS)")
    speed_up = timings[1] / timings[2]
    rss = peaks[2][0]
    # CPU per report alike on 1 and 2 processes means the workers add no cost of their own;
    # a speed-up short of 2 is then other programs taking the second core (load average).
    print(f"    CPU on 2 / CPU on 1 = {cpu[2] / cpu[1]:.2f}; load average "
          f"{' '.join(f'{load:.1f}' for load in os.getloadavg())}")
    verdict = "PASS" if speed_up >= SPEED_UP_TARGET and rss < MEMORY_TARGET_MB else "FAIL"
    print(f"    throughput 2 / 1 = {speed_up:.2f} (target ≥ {SPEED_UP_TARGET}), peak memory on 2 "
          f"{rss:.1f} MB RSS (target < {MEMORY_TARGET_MB} MB) {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--batch", type=int, default=200, help="number of reports in the batch")
    parser.add_argument("--repeats", type=int, default=5, help="repeats of (a); the best is kept")
    parser.add_argument("--batch-repeats", type=int, default=3, help="repeats of (b); the best is kept")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jixiao-bench-") as temporary:
        folder = Path(temporary)
        texts = sorted(REPORTS.glob("*.txt"))
        words = [write_docx(text, folder / f"{text.stem}.docx") for text in texts]
        one_report(words, args.repeats)
        batch_folder = folder / "batch"
        batch_folder.mkdir()
        batch([*words, *texts], args.batch, batch_folder, args.batch_repeats)


if __name__ == "__main__":
    main()
