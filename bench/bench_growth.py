"""Growth of the paths a hostile input could make quadratic: time at n and at 4n.

Each path is timed on an input of size n and of size 4n in alternated rounds (min / median /
max printed, the ratio of the medians judged); the ratio is about 4 for a linear path and about
16 for a quadratic one. Target ≤ 6 for each (PASS/FAIL); always exits 0.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from jixiao.extract.amounts import label_before
from jixiao.findings import Place
from jixiao.source_map import first_inside
from rounds import alternated, load_line, report, untimed

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=4000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    print(load_line())
    for name, make in (("label_before", labels), ("first_inside", lookups)):
        small, large = make(args.n), make(4 * args.n)
        spreads = alternated({f"n={args.n}": untimed(small), f"4n={4 * args.n}": untimed(large)}, args.rounds)
        print(name)
        report(spreads, f"4n={4 * args.n}", f"n={args.n}", TARGET)


if __name__ == "__main__":
    main()
