"""Benchmark how fast `jixiao` starts: `--help`, and checking a one-page .txt, against
`python -c pass` with the same interpreter.

Run from the repository root (or anywhere)::

    .venv/bin/python bench/bench_startup.py [--n 15]

Each round runs, one after the other, ``python -c pass`` (the baseline: the interpreter's own
start), ``jixiao --help`` and ``jixiao check PAGE.txt`` (one page of the example report's text,
written to a temporary folder), as the user runs them: a new process each, wall time, with
byte code compiled as in an installed package (a cache folder of the run). Rounds
alternate the three (``bench/rounds.py``), so load on a shared machine falls on all alike; min /
median / max are printed, with each command's median over the baseline's and their ratio.

Targets (this machine, 2 cores): ``jixiao --help`` under 0.5 s and the one-page check under
1 s. This is a benchmark, not a test: it prints PASS or FAIL and always exits 0.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

from rounds import alternated, load_line, untimed

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "tests" / "data" / "reports" / "dongting-2023.txt"
JIXIAO = Path(sys.executable).with_name("jixiao")
TARGETS = {"jixiao --help": 0.5, "jixiao check PAGE.txt": 1.0}
PAGE_LINES = 40


def wall(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
    return time.perf_counter() - start


def compiled_env(folder: Path) -> dict[str, str]:
    """The environment of the runs: byte code written and read (as an installed package has it),
    in a cache folder of this run, whatever PYTHONDONTWRITEBYTECODE says here."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return env | {"PYTHONPYCACHEPREFIX": str(folder / "pycache")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=15, help="rounds (default 15)")
    rounds = parser.parse_args().n
    with tempfile.TemporaryDirectory(prefix="jixiao-bench-") as folder:
        page = Path(folder) / "page.txt"
        lines = REPORT.read_text(encoding="utf-8").splitlines()[:PAGE_LINES]
        page.write_text("\n".join(lines) + "\n", encoding="utf-8")
        commands = {"python -c pass": [sys.executable, "-c", "pass"],
                    "jixiao --help": [str(JIXIAO), "--help"],
                    "jixiao check PAGE.txt": [str(JIXIAO), "check", str(page)]}
        env = compiled_env(Path(folder))
        # the warm-up call of each side warms the file cache and writes the byte code
        sides = {name: untimed(partial(wall, command, env)) for name, command in commands.items()}
        spreads = alternated(sides, rounds)
    baseline = spreads["python -c pass"].median
    print(load_line())
    print(f"{rounds} rounds, wall time per run")
    print(f"  {'python -c pass':<24} {spreads['python -c pass'].line()}")
    verdicts = []
    for name, target in TARGETS.items():
        median = spreads[name].median
        verdicts.append(median < target)
        print(f"  {name:<24} {spreads[name].line()}")
        print(f"  {'':<24} median +{median - baseline:.3f} s over the baseline, ×{median / baseline:.1f}; "
              f"target < {target} s: {'PASS' if median < target else 'FAIL'}")
    print("PASS" if all(verdicts) else "FAIL")


if __name__ == "__main__":
    main()
