"""Growth of the paths a hostile input could make quadratic: time at n and at 4n.

Each path is timed on an input of size n and of size 4n, alternating, best of three rounds;
the ratio is about 4 for a linear path and about 16 for a quadratic one. Target ≤ 6 for each
(PASS/FAIL); always exits 0.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from jixiao.extract.amounts import label_before
from jixiao.findings import Place
from jixiao.source_map import first_inside

TARGET = 6.0


def labels(n: int) -> Callable[[], None]:
    """Every figure's label in one sentence of ``n`` figures without a punctuation mark."""
    text = "".join(f"项目{index} 金额 {index}.5 万元 " for index in range(n))
    positions = [index for index, character in enumerate(text) if character == "."]

    def run() -> None:
        for position in positions:
            label_before(text, position)

    return run


def lookups(n: int) -> Callable[[], None]:
    """The first field inside each of ``n`` indicators, none with a place of its own."""
    source = {f"self_assessment.indicators[{index}].{field}": Place(line=index)
              for index in range(n) for field in ("name", "weight", "stated_score")}

    def run() -> None:
        mapping = dict(source)  # a new map each round: the index is built inside the timing
        for index in range(n):
            first_inside(f"self_assessment.indicators[{index}]", mapping)

    return run


def best(run: Callable[[], None]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=4000)
    n = parser.parse_args().n
    for name, make in (("label_before", labels), ("first_inside", lookups)):
        small, large = make(n), make(4 * n)
        times = {"n": [], "4n": []}
        for _ in range(3):
            times["n"].append(best(small))
            times["4n"].append(best(large))
        ratio = min(times["4n"]) / min(times["n"])
        verdict = "PASS" if ratio <= TARGET else "FAIL"
        print(f"{name}: n={n} {min(times['n']) * 1000:.1f} ms, 4n {min(times['4n']) * 1000:.1f} ms, "
              f"ratio {ratio:.2f} (target ≤ {TARGET:g}) {verdict}")


if __name__ == "__main__":
    main()
