"""Relations stated in prose (docs/domain.md §6), read run by run from a :class:`Document`.

Each kind has its reader: sums, their shares and the sums of changes (:mod:`.sums`), shares of a
named whole (:mod:`.shares`), year-on-year changes and differences (:mod:`.changes`, against
the 上年 stated elsewhere: :mod:`.priors`), 执行率 and 完成预算 rates (:mod:`.rates`), 控制率 with
its head counts (:mod:`.staffing`), counts of listed items (:mod:`.counts`) and the same figure
stated twice (:mod:`.repeats`). Every figure keeps its place in ``Document.text``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial

from jixiao.documents.model import Document
from jixiao.extract.per_document import per_document
from jixiao.extract.prose.additions import addition_claims
from jixiao.extract.prose.breakdowns import column_claims
from jixiao.extract.prose.changes import (
    change_claims,
    change_label,
    change_links,
    comparisons,
    difference_claims,
    overrun_claims,
)
from jixiao.extract.prose.count_sums import count_sum_claims
from jixiao.extract.prose.counts import count_claims
from jixiao.extract.prose.headcounts import headcount_claims
from jixiao.extract.prose.implied import implied_whole_claims
from jixiao.extract.prose.levels import Level, level_claims, levels_of, one_level_claims
from jixiao.extract.prose.numbered import numbered_claims
from jixiao.extract.prose.parallel import parallel_claims
from jixiao.extract.prose.partitions import Mentioned, partition_claims
from jixiao.extract.prose.priors import TablePriors, stated_prior, table_priors
from jixiao.extract.prose.rates import rate_claims
from jixiao.extract.prose.reading import Claim, Kind, RunText, Stated
from jixiao.extract.prose.repeats import Mention, repeat_claims
from jixiao.extract.prose.restated import (
    BareRate,
    Changed,
    bare_rate_claims,
    bare_rates,
    restated_change_claims,
)
from jixiao.extract.prose.shares import (
    Unstated,
    made_to_whole,
    named_elsewhere,
    share_claims,
    unstated_shares,
)
from jixiao.extract.prose.sides import side_claims
from jixiao.extract.prose.staffing import staffing_claims
from jixiao.extract.prose.sums import sum_claims, sum_verdict
from jixiao.extract.prose.table_budgets import table_budget_claims, table_budgets
from jixiao.extract.prose.totals_after import total_after_claims
from jixiao.extract.text_runs import line_starts, runs_of
from jixiao.relations import Verdict

__all__ = ["Claim", "Kind", "Stated", "extract_claims"]


Reader = Callable[[RunText], list[Claim]]
"""A reader of one run: the claims of its kind the run states."""


@per_document
def extract_claims(document: Document) -> tuple[Claim, ...]:
    """Every relation the document's prose states, in text order (computed once per document:
    its findings and the relations that hold are both read from them)."""
    starts = line_starts(document.text)
    claims: list[Claim] = []
    earlier: list[Stated] = []
    mentions: list[Mention] = []
    amounts: list[Mentioned] = []
    changes: list[Mentioned] = []
    changed: list[Changed] = []
    rates: list[BareRate] = []
    read: list[RunText] = []
    levels: list[Level] = []
    unread_levels: list[RunText] = []
    unstated: list[Unstated] = []
    readers = _readers(earlier, levels, amounts, table_budgets(document), table_priors(document))
    word_readers = tuple(reader for reader, needs_figures in readers if not needs_figures)
    for run in runs_of(document):
        rt = RunText(run, starts)
        read.append(rt)
        if not rt.figures:  # most runs: only the readers of counts and words may find a claim
            claims += _distinct([claim for reader in word_readers for claim in reader(rt)])
            continue
        unread_levels.append(rt)
        if change_links(rt) or comparisons(rt):  # levels are read for a change only: when one is stated
            levels += [level for earlier_run in unread_levels for level in levels_of(earlier_run)]
            unread_levels.clear()
        rates += bare_rates(rt)
        unstated += unstated_shares(rt)
        claims += _distinct([claim for reader, _ in readers for claim in reader(rt)])
        earlier += [rt.stated(figure) for figure in rt.money]
        mentions += [Mention(rt.stated(f), rt.text[rt.sentence_of(f.start)[0]:f.unit_end])
                     for f in rt.money]
        amounts += [Mentioned(rt.stated(f), rt.evidence(f.start, f.unit_end)) for f in rt.money]
        links = change_links(rt)
        changes += [Mentioned(rt.stated(link.delta, change_label(link), link.sign),
                              rt.evidence(link.delta.start, link.delta.unit_end))
                    for link in links]
        changed += [Changed(rt.stated(link.current), rt.stated(link.delta, change_label(link), link.sign),
                            rt.evidence(link.current.start, link.delta.unit_end))
                    for link in links if link.current is not None]
    elsewhere, unstated = named_elsewhere(unstated, earlier)
    claims += repeat_claims(mentions) + elsewhere + implied_whole_claims(unstated)
    claims = made_to_whole(_completed(_siblings(claims), partition_claims(amounts, changes)))
    claims = _distinct(claims + column_claims(claims) + restated_change_claims(claims, changed)
                       + bare_rate_claims(rates, earlier, changed) + numbered_claims(read))
    return tuple(sorted(claims, key=lambda claim: (claim.stated.where.start or 0, claim.kind)))


def _readers(earlier: list[Stated], levels: list[Level], amounts: list[Mentioned], budgets: dict[str, Stated],
             priors: TablePriors) -> tuple[tuple[Reader, bool], ...]:
    """Every reader of a run, in the order their claims are kept (the first of two alike), and
    whether it reads figures only: those find nothing in a run that states none. ``earlier``,
    ``levels`` and ``amounts`` grow as the runs are read: each reader sees the runs before."""
    def changes(rt: RunText) -> list[Claim]:
        return change_claims(rt, partial(stated_prior, rt, levels, priors))

    def rates(rt: RunText) -> list[Claim]:
        return rate_claims(rt, _last_sentence(amounts))

    return (
        (sum_claims, True),
        (total_after_claims, True),
        (addition_claims, True),
        (side_claims, False),
        (partial(share_claims, earlier=earlier), True),
        (changes, True),
        (parallel_claims, False),
        (difference_claims, True),
        (overrun_claims, True),
        (rates, True),
        (staffing_claims, False),
        (count_claims, False),
        (count_sum_claims, False),
        (partial(level_claims, earlier=levels), True),
        (partial(one_level_claims, earlier=levels), True),
        (headcount_claims, False),
        (partial(table_budget_claims, budgets=budgets), True),
    )


def _last_sentence(amounts: list[Mentioned]) -> Mentioned | None:
    """The one amount of the last sentence stated before, when it states one only."""
    if not amounts:
        return None
    last = [mention for mention in amounts if mention.evidence == amounts[-1].evidence]
    return last[0] if len(last) == 1 else None


def _completed(claims: list[Claim], partitions: list[Claim]) -> list[Claim]:
    """The claims with the partitions added, one claim per total and parts: a 其中 list that a
    partition shows complete is replaced by it; a breakdown already read whole stays."""
    def key(claim: Claim) -> tuple[str, int | None, frozenset[int | None]]:
        return claim.kind, claim.stated.where.start, frozenset(term.where.start for term in claim.terms)

    listed = [key(claim) for claim in claims if claim.kind in _PARTITIONED]
    partitions = [claim for claim in partitions  # a list naming more items than the partition stays
                  if not any(kind == claim.kind and start == key(claim)[1] and terms > key(claim)[2]
                             for kind, start, terms in listed)]
    whole = {key(claim) for claim in partitions}
    read = {key(claim) for claim in claims if claim.kind in _PARTITIONED and not claim.partial}
    kept = [claim for claim in claims
            if claim.kind not in _PARTITIONED or not claim.partial or key(claim) not in whole]
    return kept + [claim for claim in partitions if key(claim) not in read]


_PARTITIONED = frozenset({"sum", "change_sum"})


def _siblings(claims: list[Claim]) -> list[Claim]:
    """The claims with each 其中 list marked complete when another total lists the same items
    and adds up exactly (“共申请预算资金…其中A、B、C、D…；共完成预算资金…其中A、B、C、D…”): the
    items that make one whole make the other."""
    whole = {_items(claim) for claim in claims
             if claim.kind == "sum" and _items(claim) and sum_verdict(claim) is Verdict.HOLDS}
    return [replace(claim, complete=True)
            if claim.kind == "sum" and claim.partial and _items(claim) in whole
            and sum_verdict(claim) is not Verdict.HOLDS else claim
            for claim in claims]


def _items(claim: Claim) -> tuple[str, ...]:
    """The labels of a list of at least two named, distinct items; else ``()``."""
    labels = tuple(term.label for term in claim.terms)
    return labels if len(labels) >= 2 and all(labels) and len(set(labels)) == len(labels) else ()


def _distinct(claims: list[Claim]) -> list[Claim]:
    """One claim per kind, stated figure and kind of terms: the first reader's (a list's share
    before a named one); one total may have two lists (收入包括…；支出包括…)."""
    seen: set[tuple[str, int | None, tuple[int | None, ...]]] = set()
    kept = []
    for claim in claims:
        terms = tuple(term.where.start for term in claim.terms) if claim.kind == "sum" else ()
        key = (claim.kind, claim.stated.where.start, terms)
        if key not in seen:
            seen.add(key)
            kept.append(claim)
    return kept
