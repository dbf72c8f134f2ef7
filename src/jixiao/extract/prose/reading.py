"""What every claim reader shares: the claim records and one run read into figures."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Literal

from jixiao.extract.amounts import Figure
from jixiao.extract.text_runs import SENTENCE_ENDS, Run
from jixiao.findings import Place
from jixiao.numbers import StatedNumber

if TYPE_CHECKING:
    from jixiao.extract.prose.changes import Change

Kind = Literal["sum", "share", "change", "rate", "difference", "change_sum", "change_prior", "count",
               "repeat"]


@dataclass(frozen=True, slots=True)
class Stated:
    """One figure of a claim: label, number as written, place in ``Document.text`` and the sign
    its words give it (−1 for 减少/下降)."""

    label: str
    number: StatedNumber
    where: Place
    sign: int = 1


@dataclass(frozen=True, slots=True)
class Claim:
    """A relation stated in prose. ``stated`` is the figure checked; ``terms`` what it is
    checked against, by kind:

    * ``sum``: the parts; ``change_sum``: the parts' 增减额 (signed) against a total 增减额;
    * ``share`` and ``rate``: (part, whole) and (执行数, 预算数);
    * ``change``: (current, change amount); ``change_prior``: (current, prior);
    * ``difference``: (minuend, subtrahend), the stated figure their difference;
    * ``count``: the listed items (each a count of 1);
    * ``repeat``: the same label stated earlier with another value.

    ``partial`` marks a list that may leave items out (after 其中); ``complete`` says no item
    is missing: on a ``change_sum``, because the amounts of the same list add up to their
    total; on a ``sum``, because another total lists the same items and they add up to it.
    ``before`` marks parts known to make the whole but stated before it, under labels of their
    own: the whole they name may be another, so a mismatch is a warning. ``to_whole`` marks a
    share among consecutive shares of one whole whose stated rates add up to exactly 100%: one
    of them may have been moved by a unit of its last decimal to make them so (凑足100%).
    ``exact_terms`` reads the terms as written, not as rounded: levels the report states as
    levels in sentences of their own, from which alone a reader can work the stated figure out."""

    kind: Kind
    stated: Stated
    terms: tuple[Stated, ...]
    evidence: str
    partial: bool = False
    complete: bool = False
    before: bool = False
    to_whole: bool = False
    exact_terms: bool = False


_SENTENCE_END = re.compile(f"[{SENTENCE_ENDS}]")


class RunText:
    """One run read once, for every reader: its figures, bracket depths and the way back to
    document places. Most runs state no figure; they are told by a substring test, and their
    depths are worked out only when a reader asks."""

    def __init__(self, run: Run, starts: tuple[int, ...]) -> None:
        self.run, self.starts, self.text = run, starts, run.text
        self.figures = run.figures
        self.money = [f for f in self.figures if f.is_money and not f.change]
        self.changes = [f for f in self.figures if f.is_money and f.change]
        self.links: tuple[Change, ...] | None = None
        """The run's 增减额 with their amounts (:func:`~.changes.change_links`), read once."""
        self.compared: tuple[re.Match[str], ...] | None = None
        """The run's changes stated with a comparison (:func:`~.changes.comparisons`), found once."""
        self._stated: dict[int, Stated] = {}

    @property
    def depth(self) -> list[int]:
        """The bracket depth at every index of the run (:func:`~jixiao.extract.amounts.depths`)."""
        return self.run.depth

    def stated(self, figure: Figure, label: str | None = None, sign: int = 1) -> Stated:
        if label is None and sign == 1:  # a figure as it is labelled is asked for by several readers
            known = self._stated.get(figure.start)
            if known is None:
                known = self._stated[figure.start] = self._stated_as(figure, figure.label, sign)
            return known
        return self._stated_as(figure, figure.label if label is None else label, sign)

    def _stated_as(self, figure: Figure, label: str, sign: int) -> Stated:
        return Stated(label, figure.number, self.run.place(figure.start, figure.end, self.starts), sign)

    def place(self, start: int, end: int) -> Place:
        return self.run.place(start, end, self.starts)

    def evidence(self, start: int, end: int) -> str:
        return self.text[self.sentence_of(start)[0]:self.sentence_of(end)[1]].strip()

    def figure_at(self, start: int) -> Figure | None:
        return next((f for f in self.figures if f.start == start), None)

    def sentence_of(self, position: int) -> tuple[int, int]:
        """Where the sentence containing ``position`` starts, and the index just after its end
        mark (:func:`~jixiao.extract.text_runs.sentence_start`, ``sentence_end``)."""
        ends = self._sentence_ends
        index = bisect_right(ends, position)
        return ends[index - 1] if index else 0, ends[index] if index < len(ends) else len(self.text)

    @cached_property
    def _sentence_ends(self) -> list[int]:
        """The index just after every sentence's end mark: the run's sentences are looked up
        by the hundred, a search each would scan back and forth."""
        return [mark.end() for mark in _SENTENCE_END.finditer(self.text)]
