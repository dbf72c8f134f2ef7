"""Benchmark the core: what scoring and checking cost on top of building the evaluation.

Run from the repository root (or anywhere)::

    .venv/bin/python bench/bench_core.py [--n 1000] [--rounds 5] [--example examples/dongting-2023.yaml]

The example is loaded once; every round then generates ``N`` fresh variants of the same size
from it with a ``random.Random`` seeded by the round: each variant scales every amount by its
own factor (so the example's sums and shares keep their verdicts), mistypes about one amount in
twenty, and draws new whole-point 自评得分; every number is handed over as decimal text, as the
YAML loader does. Three sides, measured once per round, rounds alternated (min / median / max
printed, the verdict on medians), each on the round's fresh data:

* **baseline**: ``Evaluation.model_validate(raw)`` for every variant;
* **rules**: ``score_evaluation`` + ``run_checks`` for every variant, validated just before
  (untimed) into objects never scored before, so no cache is warm from an earlier round;
* **full**: the whole pipeline, ``model_validate`` + ``score_evaluation`` + ``run_checks``.

The target is rules / baseline ≤ 3 (:data:`TARGET_RATIO`): scoring and checking an evaluation
should cost about as little as loading it. full / baseline is printed too. This is a benchmark,
not a test: it always exits 0.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from jixiao.checks import run_checks
from jixiao.io.load import load_evaluation
from jixiao.model import Evaluation
from jixiao.scoring import score_evaluation
from rounds import alternated, load_line, report, timed

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EXAMPLE = ROOT / "examples" / "dongting-2023.yaml"
SEED = 20231231
ROUNDS = 5
TARGET_RATIO = 3.0
"""rules / baseline time per evaluation (medians of the rounds) must stay at or below this."""

_STATED_NUMBER_KEYS = frozenset({"value", "decimals", "unit", "origin"})
_SCALED_UNITS = frozenset({"元", "万元", "亿元", "m²"})
"""Amounts and areas vary; percentages, counts and 分值 keep the example's values."""
_SCORE_KEYS = frozenset({"stated_score", "stated_total_score"})
TYPO_CHANCE = 0.05
"""Share of amounts that get an independent ±1-20% error on top of the variant's scale."""

Raw = dict[str, Any]


def _is_stated_number(node: object) -> bool:
    return isinstance(node, dict) and set(node) == _STATED_NUMBER_KEYS


def _written(value: Decimal, decimals: int) -> str:
    """``value`` as decimal text with ``decimals`` places (none when the quantum is ≥ 1)."""
    return format(value.quantize(Decimal(1).scaleb(-max(decimals, 0))), "f")


class _Variant:
    """One variant: every amount scaled by one factor (so the example's relations keep their
    verdicts), a few amounts mistyped, and new whole-point 自评得分 within each row's 分值."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.scale = Decimal(rng.randint(500, 2000)) / 1000

    def number(self, key: str, number: Raw, weight: Raw | None) -> str:
        value, decimals = Decimal(number["value"]), number["decimals"]
        if key in _SCORE_KEYS:
            return self.score(weight)
        if number["unit"] not in _SCALED_UNITS:
            return _written(value, decimals)
        value *= self.scale
        if self.rng.random() < TYPO_CHANCE:
            value *= 1 + Decimal(self.rng.choice((-1, 1)) * self.rng.randint(1, 20)) / 100
        return _written(value, decimals)

    def score(self, weight: Raw | None) -> str:
        if weight is None:
            return str(self.rng.randint(60, 100))
        full = int(Decimal(weight["value"]))
        return str(self.rng.randint(full * 6 // 10, full))

    def vary(self, node: Any) -> Any:
        """A copy of the dumped evaluation with every stated number as varied decimal text."""
        if isinstance(node, list):
            return [self.vary(item) for item in node]
        if not isinstance(node, dict):
            return node
        weight = node.get("weight") if _is_stated_number(node.get("weight")) else None
        return {key: self.number(key, value, weight) if _is_stated_number(value)
                else self.vary(value) for key, value in node.items()}


def variants(evaluation: Evaluation, count: int, seed: int = SEED) -> list[Raw]:
    """``count`` raw evaluations the size of ``evaluation``, deterministic for a given seed."""
    rng = random.Random(seed)
    dumped = evaluation.model_dump(mode="json")
    return [_Variant(rng).vary(dumped) for _ in range(count)]


def validate_all(raws: Sequence[Raw]) -> None:
    for raw in raws:
        Evaluation.model_validate(raw)


def score_and_check_all(evaluations: Sequence[Evaluation]) -> int:
    findings = 0
    for evaluation in evaluations:
        scorecard = score_evaluation(evaluation)
        findings += len(run_checks(evaluation, scorecard=scorecard))
    return findings


def load_score_and_check_all(raws: Sequence[Raw]) -> int:
    # One evaluation at a time, as `jixiao check` works: nothing piles up for the collector.
    return sum(score_and_check_all([Evaluation.model_validate(raw)]) for raw in raws)


def _positive(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=_positive, default=1000, help="evaluations (default 1000)")
    parser.add_argument("--rounds", type=_positive, default=ROUNDS, help=f"rounds (default {ROUNDS})")
    parser.add_argument("--example", type=Path, default=DEFAULT_EXAMPLE,
                        help="the evaluation to vary (default examples/dongting-2023.yaml)")
    args = parser.parse_args(argv)

    evaluation = load_evaluation(args.example).evaluation
    fresh: dict[int, list[Raw]] = {}

    def raws(round_number: int) -> list[Raw]:
        """The round's variants, generated once (untimed) and shared by the sides."""
        if round_number not in fresh:
            fresh.clear()
            fresh[round_number] = variants(evaluation, args.n, SEED + round_number)
        return fresh[round_number]

    def rules(round_number: int) -> float:
        evaluations = [Evaluation.model_validate(raw) for raw in raws(round_number)]
        return timed(lambda: score_and_check_all(evaluations))

    findings = score_and_check_all([Evaluation.model_validate(raw) for raw in raws(0)])
    spreads = alternated({
        "baseline": lambda round_number: timed(lambda: validate_all(raws(round_number))),
        "rules": rules,
        "full": lambda round_number: timed(lambda: load_score_and_check_all(raws(round_number))),
    }, args.rounds)
    labels = {"baseline": "model_validate", "rules": "score + run_checks",
              "full": "model_validate + score + run_checks"}
    print(load_line())
    print(f"jixiao core benchmark: {args.n} variants of {args.example.name} per round, fresh each "
          f"round (findings per evaluation: {findings / args.n:.1f}); µs per evaluation")
    report(spreads, "rules", "baseline", TARGET_RATIO, 1e6 / args.n, "µs", labels)
    print(f"    full / baseline = {spreads['full'].median / spreads['baseline'].median:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
