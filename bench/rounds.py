"""Alternated rounds, shared by the benchmarks: every side measured once per round, the order
of the sides turned round every other round, so drift in the load of a shared machine falls on
every side alike; min / median / max per side and the ratio of medians against a target."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

Side = Callable[[int], float]
"""One side of a benchmark: given the round's number, does its work and returns the seconds
measured (what it prepares outside its timing, fresh data for the round, is not counted)."""


Clock = Callable[[], float]


def timed(work: Callable[[], object], clock: Clock = time.perf_counter) -> float:
    """Seconds ``work`` takes on ``clock`` (the wall clock; ``time.process_time`` for the CPU
    time of this process)."""
    start = clock()
    work()
    return clock() - start


def untimed(work: Callable[[], object], clock: Clock = time.perf_counter) -> Side:
    """A side that times ``work`` whatever the round."""
    return lambda _round: timed(work, clock)


@dataclass(frozen=True)
class Spread:
    """The times of one side over the rounds, in seconds."""

    times: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    def line(self, scale: float = 1000, unit: str = "ms") -> str:
        low, high = min(self.times) * scale, max(self.times) * scale
        return (f"min {low:9.2f}  median {self.median * scale:9.2f}  max {high:9.2f} {unit}"
                f"  ({len(self.times)} rounds)")


def alternated(sides: Mapping[str, Side], rounds: int, warm_up: bool = True) -> dict[str, Spread]:
    """Each side run ``rounds`` times, alternated (A B, B A, A B, …), after one warm-up call each
    unless ``warm_up`` is false."""
    names = list(sides)
    if warm_up:
        for name in names:
            sides[name](-1)
    times: dict[str, list[float]] = {name: [] for name in names}
    for round_number in range(rounds):
        for name in names if round_number % 2 == 0 else reversed(names):
            times[name].append(sides[name](round_number))
    return {name: Spread(tuple(found)) for name, found in times.items()}


def verdict(ratio: float, target: float, at_most: bool = True) -> str:
    """PASS or FAIL of ``ratio`` against ``target`` (an upper bound unless ``at_most`` is false)."""
    return "PASS" if (ratio <= target if at_most else ratio >= target) else "FAIL"


def ratio_line(name: str, ours: Spread, baseline: Spread, target: float) -> str:
    """The ratio of medians, the spread of the per-round ratios, and PASS or FAIL (target is an
    upper bound)."""
    ratio = ours.median / baseline.median
    per_round = [a / b for a, b in zip(ours.times, baseline.times, strict=True)]
    return (f"{name} = {ratio:.2f} (per round {min(per_round):.2f}–{max(per_round):.2f}; "
            f"target ≤ {target:g}) {verdict(ratio, target)}")


def report(spreads: Mapping[str, Spread], ours: str, baseline: str, target: float,
           scale: float = 1000, unit: str = "ms", labels: Mapping[str, str] | None = None) -> None:
    """Print each side's spread (with its label, if any) and the ratio ``ours`` / ``baseline``."""
    width = max(len(name) for name in spreads)
    for name, spread in spreads.items():
        label = f" {labels[name]:<36}" if labels else ""
        print(f"    {name:<{width}}{label} {spread.line(scale, unit)}")
    print("    " + ratio_line(f"{ours} / {baseline}", spreads[ours], spreads[baseline], target))


def load_line() -> str:
    """How busy the machine was: its load average against its cores."""
    loads = " ".join(f"{load:.1f}" for load in os.getloadavg())
    return f"machine: {os.cpu_count()} cores, load average {loads} (1, 5, 15 min)"
