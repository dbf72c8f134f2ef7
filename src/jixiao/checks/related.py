"""The other evaluations a cross check reads: the unit's own of last year, a department's units'.

Plain frozen data: the CLI fills it from files, the web system from the database; the rules
of :mod:`jixiao.checks.across` read it through the :class:`~jixiao.checks.registry.CheckContext`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from jixiao.findings import Place, Term
from jixiao.model import Evaluation

_NOWHERE: Mapping[str, Place] = MappingProxyType({})


@dataclass(frozen=True, slots=True, eq=False)
class OtherReport:
    """Another evaluation: ``reference`` is how users name it (a file, “2023 年度 某单位”),
    ``approved`` whether it stands as approved (a file given on the command line does),
    ``source`` its field paths' lines or cells, when it was read from a file."""

    reference: str
    evaluation: Evaluation
    approved: bool = True
    source: Mapping[str, Place] = field(default_factory=lambda: _NOWHERE)

    def placed(self, term: Term) -> Term:
        """``term``, a figure read in this report, with this report's name and source place."""
        path = term.where.path
        found = self.source.get(path) if path else None
        where = replace(term.where, report=self.reference).merged(found)
        return replace(term, where=where)


@dataclass(frozen=True, slots=True, eq=False)
class Related:
    """What an evaluation is checked against beyond itself.

    ``previous``: the unit's evaluation of the year before, if there is one. ``units``: for a
    主管部门's evaluation, its units' evaluations of the same year; ``units_missing`` names the
    units that have none (their sum would be short, so it is not checked)."""

    previous: OtherReport | None = None
    units: tuple[OtherReport, ...] = ()
    units_missing: tuple[str, ...] = ()


NOTHING_RELATED = Related()
