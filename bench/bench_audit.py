"""Benchmark auditing reports: Word against an lxml walk of its XML, text PDF against Word, and a batch.

Run from the repository root (or anywhere)::

    .venv/bin/python bench/bench_audit.py [--rounds 7] [--batch 400] [--batch-rounds 3] [--scans 4]

Every report in ``tests/data/reports/*.txt`` is read, and written again as a Word file with
python-docx (each paragraph a paragraph, each table rebuilt from the flattened text a Word
table), and that Word file converted to a text PDF by LibreOffice. Then, in the same run, every
measurement in alternated rounds (min / median / max printed, the verdict on medians):

* **(a) Word**: the baseline opens each Word file and walks the very parts jixiao reads (the
  main document and its headers) with ``lxml.etree.iterparse``, joining the text of every
  paragraph and cell; jixiao reads and audits it (``jixiao.audit.audit_file``: the document
  model with places, then every auditor). Summed over the files. Target jixiao / lxml ≤ 4.
* **(b) text PDF**: ``audit_file`` on each text PDF against ``audit_file`` on the Word file it
  was made from (the same report). Target PDF / Word ≤ 3.
* **(c) a batch**: ``--batch`` files (the Word and text reports in turn, copied under distinct
  names) checked as ``jixiao check`` does (``jixiao.cli.batch.check_all`` with ``check_file``),
  on 1 process (in this one) and on 2 worker processes (their start included). Target:
  throughput on 2 ≥ 1.7 × throughput on 1, with the peak of the resident memory of this
  process and all its descendants, sampled every 20 ms from ``/proc``, under 500 MB.
* **(d) scanned pages in a batch**: ``--scans`` scanned pages (PNG, read by OCR, cache off)
  among the reports, on 2 workers: the peak resident memory of one worker, against the budget
  each file has in a batch (1 GB).

It prints the measurements, the ratios, the load of the machine and PASS or FAIL per target,
and always exits 0: a benchmark, not a test. Absolute times depend on the machine (and on what
else runs on it); the ratios are what to compare between commits.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import docx
import pypdfium2 as pdfium  # type: ignore[import-untyped]
from lxml import etree  # type: ignore[import-untyped]

from jixiao.audit import audit_file
from jixiao.cli.batch import check_all, check_file
from jixiao.documents.model import Table
from jixiao.documents.text_reader import read_text_document
from jixiao.render.pdf import render_pdfs
from rounds import alternated, load_line, report, timed, verdict

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "tests" / "data" / "reports"
WORD_TARGET = 4.0
PDF_TARGET = 3.0
SPEED_UP_TARGET = 1.7
MEMORY_TARGET_MB = 500
WORKER_BUDGET_MB = 1024
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def write_docx(text_report: Path, target: Path) -> Path:
    """The text report as a Word file: its paragraphs, and its tables as Word tables."""
    document = read_text_document(text_report)
    word = docx.Document()
    for block in document.blocks:
        if isinstance(block, Table):
            width = max(len(row) for row in block.rows)
            table = word.add_table(rows=len(block.rows), cols=width)
            table.style = "Table Grid"  # ruled, as the tables of published reports are
            for row_index, row in enumerate(block.rows):
                for col_index, cell in enumerate(row):
                    table.cell(row_index, col_index).text = cell.text
        else:
            word.add_paragraph(block.text)
    word.save(str(target))
    return target


def lxml_walk(path: Path) -> int:
    """What a bare lxml reader needs to see a Word file's text: the main document and every
    header part parsed with ``iterparse``, the text runs of each paragraph joined."""
    characters = 0
    with zipfile.ZipFile(path) as archive:
        parts = ["word/document.xml", *(name for name in archive.namelist()
                                         if name.startswith("word/header"))]
        for part in parts:
            with archive.open(part) as xml:
                for _, element in etree.iterparse(xml, events=("end",), tag=f"{W}p"):
                    characters += len("".join(element.itertext(f"{W}t")))
                    element.clear()
    return characters


Action = Callable[[Path], object]


def summed(action: Action, paths: list[Path]) -> float:
    """Seconds to apply ``action`` to every path."""
    return timed(lambda: [action(path) for path in paths])


def compare(title: str, baseline: tuple[str, Action], ours: tuple[str, Action], paths: list[Path],
            rounds: int, target: float, baseline_paths: list[Path] | None = None) -> None:
    """Both sides over all files per round, rounds alternated; spreads and the ratio printed."""
    (base_name, base_action), (our_name, our_action) = baseline, ours
    spreads = alternated({
        base_name: lambda _round: summed(base_action, baseline_paths or paths),
        our_name: lambda _round: summed(our_action, paths)}, rounds)
    print(f"{title}: {len(paths)} files, summed per round")
    report(spreads, our_name, base_name, target)


def pdfium_text(path: Path) -> int:
    """What any reader of a text PDF through pdfium must do: load every page and its text page
    and take the page's text. Not a baseline of (b): the floor under jixiao's PDF reading."""
    characters = 0
    document = pdfium.PdfDocument(str(path))
    try:
        for page in document:
            text_page = page.get_textpage()
            characters += len(text_page.get_text_range())
            text_page.close()
            page.close()
    finally:
        document.close()
    return characters


def pdf_against_word(pdfs: list[Path], rounds: int) -> None:
    """(b): the PDF audit against the Word audit of the same reports, and, alternated with both,
    pdfium's own loading and text extraction of the PDFs: what no reader built on pdfium avoids.
    With the audit after reading the same for both formats, the floor shows how far (b) can go."""
    words = [pdf.with_suffix(".docx") for pdf in pdfs]
    spreads = alternated({
        "Word audit": lambda _round: summed(audit_file, words),
        "PDF audit": lambda _round: summed(audit_file, pdfs),
        "pdfium text": lambda _round: summed(pdfium_text, pdfs)}, rounds)
    print(f"(b) text PDF: {len(pdfs)} files, summed per round")
    report(spreads, "PDF audit", "Word audit", PDF_TARGET,
           labels={"Word audit": "", "PDF audit": "", "pdfium text": "(pages and text pages: the floor)"})
    floor, word = spreads["pdfium text"].median, spreads["Word audit"].median
    print(f"    pdfium text / Word audit = {floor / word:.2f}: pdfium's loading alone takes that share of "
          f"the target's {PDF_TARGET:g}; PDF audit / pdfium text = {spreads['PDF audit'].median / floor:.2f}")


SAMPLER = """
import os, select, sys
from pathlib import Path
from jixiao.worker_process import process_tree, resident

def pss(pid):
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0

root, peak_rss, peak_pss, peak_one, samples = int(sys.argv[1]), 0, 0, 0, 0
while not select.select([sys.stdin], [], [], 0.02)[0]:
    pids = [pid for pid in process_tree(root) if pid != os.getpid()]
    sizes = [resident(pid) // 1024 for pid in pids]
    peak_rss, peak_one = max(peak_rss, sum(sizes)), max([peak_one, *sizes[1:]])
    if samples % 10 == 0:  # PSS walks the page tables: costly, so one sample in ten
        peak_pss = max(peak_pss, sum(pss(pid) for pid in pids))
    samples += 1
print(peak_rss / 1024, peak_pss / 1024, peak_one / 1024)
"""
"""Samples the resident memory of the process tree below the pid it is given (itself left
out): every 20 ms the sum of RSS (shared pages counted in every process that maps them), every
200 ms the sum of PSS (shared pages split between the processes that map them), and the peak
RSS of any one descendant (a worker and what it started). Run as a
process of its own, so this one runs no thread while it forks its workers; cheap, so it takes
little of the CPU the workers are measured on."""


@contextmanager
def peak_memory() -> Iterator[list[float]]:
    """The peak sums of RSS and PSS in MB of this process and its descendants while the block
    runs, then the peak RSS of any one descendant (the list is filled when it ends)."""
    peaks: list[float] = []
    sampler = subprocess.Popen([sys.executable, "-c", SAMPLER, str(os.getpid())],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    time.sleep(0.2)  # the sampler's own start-up is not part of the measurement
    try:
        yield peaks
    finally:
        out, _ = sampler.communicate("")
        peaks.extend(float(value) for value in out.split())


def copies(sources: list[Path], size: int, folder: Path) -> list[Path]:
    folder.mkdir(exist_ok=True)
    return [Path(shutil.copy(sources[index % len(sources)],
                             folder / f"{index:04d}-{sources[index % len(sources)].name}"))
            for index in range(size)]


def batch(sources: list[Path], size: int, folder: Path, rounds: int) -> None:
    paths = copies(sources, size, folder)
    check = partial(check_file, profile_id=None)
    check_all(sources, check, 1)  # both runs start with the same warm caches
    peaks = {1: 0.0, 2: 0.0}
    cpu: dict[int, list[float]] = {1: [], 2: []}

    def run(jobs: int) -> float:
        with peak_memory() as peak:
            before = os.times()
            elapsed = timed(lambda: check_all(paths, check, jobs))
            after = os.times()
        cpu[jobs].append(sum(after[:4]) - sum(before[:4]))  # this process and its workers
        peaks[jobs] = max(peaks[jobs], peak[0])
        return elapsed

    spreads = alternated({"1 process": lambda _round: run(1), "2 processes": lambda _round: run(2)},
                         rounds, warm_up=False)
    print(f"(c) a batch of {size} reports ({len(sources)} distinct, Word and text)")
    for jobs, (name, spread) in zip((1, 2), spreads.items(), strict=True):
        print(f"    {name:<12} {spread.line(1, 's')}; {size / spread.median:6.1f} reports/s, "
              f"CPU median {sorted(cpu[jobs])[len(cpu[jobs]) // 2]:.2f} s, peak {peaks[jobs]:.0f} MB RSS")
    speed_up = spreads["1 process"].median / spreads["2 processes"].median
    cpu_ratio = sum(cpu[2]) / sum(cpu[1])
    # CPU alike on 1 and 2 processes means the workers add no cost of their own; a speed-up
    # short of 2 is then other programs taking the second core (load average).
    print(f"    CPU on 2 / CPU on 1 = {cpu_ratio:.2f}")
    passed = speed_up >= SPEED_UP_TARGET and peaks[2] < MEMORY_TARGET_MB
    print(f"    throughput 2 / 1 = {speed_up:.2f} (target ≥ {SPEED_UP_TARGET}), peak memory on 2 "
          f"{peaks[2]:.0f} MB RSS (target < {MEMORY_TARGET_MB} MB) {'PASS' if passed else 'FAIL'}")


def scans(sources: list[Path], count: int, folder: Path) -> None:
    """Scanned pages among the reports, on 2 workers: the memory of one worker."""
    from bench_ocr import scanned_page

    os.environ["JIXIAO_OCR_CACHE"] = "off"
    folder.mkdir(exist_ok=True)
    pages = [scanned_page(folder / f"scan-{index}.png", index) for index in range(count)]
    paths = [path for page, report in zip(pages, sources * count, strict=False) for path in (page, report)]
    with peak_memory() as peak:
        seconds = timed(lambda: check_all(paths, partial(check_file, profile_id=None), 2))
    total, _, one = peak
    print(f"(d) {count} scanned pages among {len(paths) - count} reports on 2 workers: {seconds:.1f} s, "
          f"peak {total:.0f} MB RSS in all, {one:.0f} MB in one worker "
          f"(budget {WORKER_BUDGET_MB} MB per file) {verdict(one, WORKER_BUDGET_MB)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=7, help="rounds of (a) and (b)")
    parser.add_argument("--batch", type=int, default=400, help="reports in the batch (c); 0 leaves it out")
    parser.add_argument("--batch-rounds", type=int, default=3, help="rounds of (c)")
    parser.add_argument("--scans", type=int, default=4, help="scanned pages in (d); 0 leaves it out")
    args = parser.parse_args()
    print(load_line())
    with tempfile.TemporaryDirectory(prefix="jixiao-bench-") as temporary:
        folder = Path(temporary)
        texts = sorted(REPORTS.glob("*.txt"))
        words = [write_docx(text, folder / f"{text.stem}.docx") for text in texts]
        pdfs = [result for result in render_pdfs([(word, word.with_suffix(".pdf")) for word in words])
                if isinstance(result, Path)]
        compare("(a) Word", ("lxml iterparse", lxml_walk), ("jixiao audit", audit_file), words,
                args.rounds, WORD_TARGET)
        pdf_against_word(pdfs, args.rounds)
        if args.batch:
            batch([*words, *texts], args.batch, folder / "batch", args.batch_rounds)
        if args.scans:
            scans([*words, *texts], args.scans, folder / "scans")
    print(load_line())


if __name__ == "__main__":
    main()
