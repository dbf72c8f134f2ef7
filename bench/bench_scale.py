"""Benchmark how the audit grows with the size of a report: time per character at 1×, 4×, 16×
and 64× the example report.

Run from the repository root (or anywhere)::

    .venv/bin/python bench/bench_scale.py [--rounds 3] [--largest 64]

The report is the example's text (``tests/data/reports/dongting-2023.txt``) with its body (the
sections before the attachments) repeated k times, each copy's figures changed by a factor of its
own so that no two copies state the same sentences (the audit compares repeated figures), then the
attachments once: a long report of the same kinds of sentences and tables. Each size is audited
as ``jixiao check`` does (``jixiao.audit.audit_document`` on the document read from the text),
the sizes alternated round by round; the time per character of each size is printed against the
1× report's. Target: the largest within 1.5× of the 1× time per character (the audit is linear
in the report's size). A benchmark, not a test: it prints PASS or FAIL and always exits 0.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from decimal import Decimal
from pathlib import Path

from jixiao.audit import audit_document
from jixiao.documents import read_document
from jixiao.documents.model import Document
from rounds import Side, alternated, load_line, timed, verdict

REPORT = Path(__file__).resolve().parent.parent / "tests" / "data" / "reports" / "dongting-2023.txt"
TARGET = 1.5
_AMOUNT = re.compile(r"\d+\.\d+")


def scaled(text: str, times: int) -> str:
    """The report with its body ``times`` times (copy k's decimal figures multiplied by k + 1,
    as written: a copy's sums and shares keep their verdicts), then its attachments once."""
    cut = text.find("附件1")
    body, attachments = (text[:cut], text[cut:]) if cut > 0 else (text, "")
    copies = [body] + [_AMOUNT.sub(lambda found, k=k: _times(found.group(), k + 1), body)
                       for k in range(1, times)]
    return "".join(copies) + attachments


def _times(written: str, factor: int) -> str:
    places = len(written.split(".")[1])
    return f"{Decimal(written) * factor:.{places}f}"


def _audit(document: Document) -> Side:
    return lambda _round: timed(lambda: audit_document(document))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=3, help="alternated rounds")
    parser.add_argument("--largest", type=int, default=64, help="the largest multiple (a power of 4)")
    args = parser.parse_args()
    sizes = [4 ** power for power in range(10) if 4 ** power <= args.largest]
    text = REPORT.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="jixiao-bench-scale-") as folder:
        documents = {}
        for size in sizes:
            path = Path(folder) / f"report-{size}.txt"
            path.write_text(scaled(text, size), encoding="utf-8")
            documents[size] = read_document(path)
        sides = {f"{size}×": _audit(documents[size]) for size in sizes}
        spreads = alternated(sides, args.rounds)
    print(load_line())
    print(f"audit of {REPORT.name} repeated, per size ({args.rounds} rounds, median):")
    base = spreads[f"{sizes[0]}×"].median / len(documents[sizes[0]].text)
    for size in sizes:
        characters = len(documents[size].text)
        per_character = spreads[f"{size}×"].median / characters
        print(f"    {size:>3}×  {characters:>9,} characters  {spreads[f'{size}×'].median * 1000:10.1f} ms"
              f"  {per_character * 1e6:7.2f} µs per character  {per_character / base:5.2f}× the 1× rate")
    ratio = spreads[f"{sizes[-1]}×"].median / len(documents[sizes[-1]].text) / base
    print(f"time per character at {sizes[-1]}× / at 1× = {ratio:.2f} (target ≤ {TARGET:g}) "
          f"{verdict(ratio, TARGET)}")


if __name__ == "__main__":
    main()
