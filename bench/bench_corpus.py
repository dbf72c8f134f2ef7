"""Measure the report auditor against a corpus of excerpts with an answer key.

Run from the repository root (or anywhere)::

    .venv/bin/python bench/bench_corpus.py [CORPUS] [--verbose]

``CORPUS`` is a directory holding ``cases/NNN.txt`` (an excerpt) and ``cases/NNN.json`` (its
key: ``relations``, each with ``kind``, ``statement``, ``expected``, ``stated``, ``consistent``
— ``true``, ``false`` or ``"rounding"`` — and ``where``, an exact substring of the excerpt
holding the stated number). Default: the directory named by the ``JIXIAO_CORPUS`` variable.

Every excerpt is read with the text reader and audited with :func:`jixiao.audit.audit_document`.
A finding *matches* a key relation when its stated place lies inside the relation's ``where``
span and its stated number equals the key's. A relation read by either auditor matches the same
way, which counts the key relation as *checked*: a prose claim of
:func:`jixiao.extract.prose.extract_claims` or a table relation of
:func:`jixiao.extract.tables.claims.table_claims`. Reported, per kind and overall:

* **inconsistent found**: relations keyed ``false`` with a matching error or warning;
* **rounding kept quiet**: relations keyed ``"rounding"`` with no matching error or warning
  (an ``info`` is right; the count of those is shown too);
* **consistent checked**: relations keyed ``true`` with a matching claim and no error or
  warning on them;
* **false alarms**: errors and warnings that match no relation keyed ``false``, at error and
  at warning level, overall and per auditor (prose JX-TEXT, tables JX-TABLE, the rule
  catalogue on recognised reports).

Each miss and each false alarm is listed with its case and evidence, and one summary line ends
the output.

Then, when the corpus has them, the **patterns** (``patterns/NAME.txt``, their key in
``bench/patterns_key.json``, taken from the patterns' README): inconsistencies found / required,
false errors (errors matching no required finding), relations that hold kept quiet and read, per
kind; and the whole **files** (``files/*.pdf``): errors and ``核对 N 项关系，M 项相符`` per file.
This is a measurement, not a test: it always exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from jixiao.audit import audit_document, audit_file
from jixiao.documents.text_reader import read_text_document
from jixiao.extract.grades import grade_claims
from jixiao.extract.prose import extract_claims
from jixiao.extract.tables.claims import table_claims
from jixiao.findings import CONTROL, Finding, Place, Severity

ROOT = Path(__file__).resolve().parent.parent
PATTERNS_KEY = Path(__file__).resolve().parent / "patterns_key.json"
DEFAULT_CORPUS = Path(os.environ.get("JIXIAO_CORPUS", "corpus"))
ALARMS = (Severity.ERROR, Severity.WARNING)


@dataclass(frozen=True, slots=True)
class Relation:
    """One keyed relation; ``spans`` are the offsets of every occurrence of ``where``."""

    case: str
    kind: str
    statement: str
    stated: str
    consistent: bool | str
    spans: tuple[tuple[int, int], ...]

    def matches(self, stated: str | None, where: Place) -> bool:
        if stated is None or where.start is None or not _same_number(stated, self.stated):
            return False
        end = where.end if where.end is not None else where.start
        return any(low <= where.start and end <= high for low, high in self.spans)


@dataclass(slots=True)
class Tally:
    false_total: int = 0
    false_found: int = 0
    rounding_total: int = 0
    rounding_quiet: int = 0
    rounding_info: int = 0
    true_total: int = 0
    true_checked: int = 0
    misses: list[str] = field(default_factory=list)


def _same_number(left: str, right: str) -> bool:
    try:
        return Decimal(left.replace(",", "")) == Decimal(right.replace(",", ""))
    except InvalidOperation:
        return left == right  # a grade word (优, 良好)


def _spans(text: str, where: str) -> tuple[tuple[int, int], ...]:
    spans, start = [], text.find(where)
    while start >= 0:
        spans.append((start, start + len(where)))
        start = text.find(where, start + 1)
    return tuple(spans)


def load_case(key_path: Path) -> tuple[str, Any, list[Relation]]:
    case = key_path.stem
    text_path = key_path.with_suffix(".txt")
    key = json.loads(key_path.read_text(encoding="utf-8"))
    text = read_text_document(text_path).text
    relations = [Relation(case, r["kind"], r["statement"], r["stated"], r["consistent"],
                          _spans(text, r["where"])) for r in key["relations"]]
    return case, text_path, relations


def _describe(finding: Finding) -> str:
    return f"{finding.code} {finding.severity.value} line {finding.where.line}: {finding.message}"


def measure(corpus: Path, verbose: bool) -> None:
    tallies: dict[str, Tally] = {}
    alarms: Counter[str] = Counter()
    false_alarms: list[str] = []
    by_auditor: Counter[str] = Counter()
    findings_total: Counter[str] = Counter()
    for key_path in sorted((corpus / "cases").glob("*.json")):
        case, text_path, relations = load_case(key_path)
        document = read_text_document(text_path)
        findings = audit_document(document).findings
        prose = extract_claims(document)
        read = [(c.stated.number.written, c.stated.where) for c in prose]
        read += [(c.stated.number.written, c.stated.cell.place) for c in table_claims(document)]
        read += [(c.grade, c.where) for c in grade_claims(document)]
        for finding in findings:
            findings_total[finding.severity.value] += 1
            if verbose:
                print(f"  {case}: {_describe(finding)}")
            if finding.severity not in ALARMS or finding.kind == CONTROL:
                continue  # a control observation says nothing about consistency
            alarms[finding.severity.value] += 1
            if not any(r.consistent is False and r.matches(finding.stated, finding.where) for r in relations):
                by_auditor[_auditor(finding.code)] += 1
                false_alarms.append(f"{case}: {_describe(finding)}\n      evidence: {finding.evidence}")
        for relation in relations:
            tally = tallies.setdefault(relation.kind, Tally())
            matching = [f for f in findings if relation.matches(f.stated, f.where)]
            loud = [f for f in matching if f.severity in ALARMS]
            checked = any(relation.matches(written, where) for written, where in read)
            label = f"{case}: [{relation.consistent}] {relation.statement}"
            if relation.consistent is False:
                tally.false_total += 1
                tally.false_found += bool(loud)
                if not loud:
                    tally.misses.append(f"missed inconsistency {label}")
            elif relation.consistent == "rounding":
                tally.rounding_total += 1
                tally.rounding_quiet += not loud
                tally.rounding_info += any(f.severity is Severity.INFO for f in matching)
            else:
                tally.true_total += 1
                tally.true_checked += checked and not loud
                if not checked:
                    tally.misses.append(f"unchecked {label}")
    _report(tallies, alarms, false_alarms, findings_total, by_auditor)


def _auditor(code: str) -> str:
    if code.startswith("JX-TEXT"):
        return "prose"
    return "tables" if code.startswith("JX-TABLE") else "catalogue"


def _ratio(found: int, total: int) -> str:
    return f"{found}/{total}" + (f" ({found / total:.0%})" if total else "")


def _report(tallies: dict[str, Tally], alarms: Counter[str], false_alarms: list[str],
            findings_total: Counter[str], by_auditor: Counter[str]) -> None:
    overall = Tally()
    print(f"{'kind':<12}{'inconsistent found':>22}{'rounding quiet (info)':>26}{'consistent checked':>22}")
    for kind, tally in sorted(tallies.items()):
        print(f"{kind:<12}{_ratio(tally.false_found, tally.false_total):>22}"
              f"{_ratio(tally.rounding_quiet, tally.rounding_total) + f' ({tally.rounding_info})':>26}"
              f"{_ratio(tally.true_checked, tally.true_total):>22}")
        for name in ("false_total", "false_found", "rounding_total", "rounding_quiet", "rounding_info",
                     "true_total", "true_checked"):
            setattr(overall, name, getattr(overall, name) + getattr(tally, name))
    print(f"{'overall':<12}{_ratio(overall.false_found, overall.false_total):>22}"
          f"{_ratio(overall.rounding_quiet, overall.rounding_total) + f' ({overall.rounding_info})':>26}"
          f"{_ratio(overall.true_checked, overall.true_total):>22}")
    errors = sum(1 for line in false_alarms if f" {Severity.ERROR.value} line" in line.split("\n")[0])
    print(f"\nfindings: {dict(findings_total)}; alarms (error+warning): {dict(alarms)}")
    per_auditor = ", ".join(f"{name} {by_auditor[name]}" for name in ("prose", "tables", "catalogue"))
    print(f"false alarms: {len(false_alarms)} ({errors} at error level; {per_auditor})")
    for line in false_alarms:
        print(f"  FALSE ALARM {line}")
    print("\nmisses:")
    for kind, tally in sorted(tallies.items()):
        for miss in tally.misses:
            print(f"  {kind}: {miss}")
    print(f"\nSUMMARY inconsistent found {_ratio(overall.false_found, overall.false_total)}; "
          f"consistent checked {_ratio(overall.true_checked, overall.true_total)}; "
          f"rounding kept quiet {_ratio(overall.rounding_quiet, overall.rounding_total)}; "
          f"false alarms {len(false_alarms)} ({per_auditor})")


@dataclass(slots=True)
class PatternTally:
    required: int = 0
    found: int = 0
    quiet_total: int = 0
    quiet: int = 0
    read: int = 0


def _pattern_relation(name: str, text: str, entry: dict[str, Any], consistent: bool) -> Relation:
    return Relation(name, entry["kind"], entry["where"], entry["stated"], consistent,
                    _spans(text, entry["where"]))


def measure_patterns(folder: Path, verbose: bool) -> None:
    """Every pattern against the finding its README states."""
    key = json.loads(PATTERNS_KEY.read_text(encoding="utf-8"))
    tallies: dict[str, PatternTally] = {}
    false_errors: list[str] = []
    missed: list[str] = []
    for name, expected in sorted(key.items()):
        path = folder / f"{name}.txt"
        if name.startswith("_") or not path.exists():
            continue
        document = read_text_document(path)
        audit = audit_document(document, passed=True)
        alarms = [_pattern_relation(name, document.text, e, False) for e in expected.get("alarms", [])]
        allowed = {id(relation): entry.get("warning", False)
                   for relation, entry in zip(alarms, expected.get("alarms", []), strict=True)}
        for relation in alarms:
            tally = tallies.setdefault(relation.kind, PatternTally())
            tally.required += 1
            levels = ALARMS if allowed[id(relation)] else (Severity.ERROR,)
            hit = any(f.severity in levels and relation.matches(f.stated, f.where) for f in audit.findings)
            tally.found += hit
            if not hit:
                missed.append(f"{name}: {relation.kind} {relation.stated} ({relation.statement!r})")
        for entry in expected.get("quiet", []):
            relation = _pattern_relation(name, document.text, entry, True)
            tally = tallies.setdefault(relation.kind, PatternTally())
            tally.quiet_total += 1
            tally.quiet += not any(f.severity in ALARMS and relation.matches(f.stated, f.where)
                                   for f in audit.findings)
            read = [(r.stated, r.where) for r in audit.passed] + [(f.stated, f.where) for f in audit.findings]
            tally.read += any(relation.matches(stated, where) for stated, where in read)
        for finding in audit.findings:
            if verbose:
                print(f"  {name}: {_describe(finding)}")
            if finding.severity is Severity.ERROR and not any(r.matches(finding.stated, finding.where)
                                                              for r in alarms):
                false_errors.append(f"{name}: {_describe(finding)}")
    _report_patterns(tallies, false_errors, missed)


def _report_patterns(tallies: dict[str, PatternTally], false_errors: list[str], missed: list[str]) -> None:
    print(f"\npatterns{'':<4}{'found/required':>18}{'holds: quiet':>16}{'holds: read':>16}")
    total = PatternTally()
    for kind, tally in sorted(tallies.items()):
        print(f"{kind:<12}{_ratio(tally.found, tally.required):>18}"
              f"{_ratio(tally.quiet, tally.quiet_total):>16}{_ratio(tally.read, tally.quiet_total):>16}")
        for name in ("required", "found", "quiet_total", "quiet", "read"):
            setattr(total, name, getattr(total, name) + getattr(tally, name))
    for line in missed:
        print(f"  MISSED {line}")
    for line in false_errors:
        print(f"  FALSE ERROR {line}")
    print(f"PATTERNS found {_ratio(total.found, total.required)}; false errors {len(false_errors)}; "
          f"holds kept quiet {_ratio(total.quiet, total.quiet_total)}; "
          f"holds read {_ratio(total.read, total.quiet_total)}")


def measure_files(folder: Path) -> None:
    """Whole reports: their errors, and how many relations were checked."""
    print()
    for path in sorted(folder.glob("*.pdf")):
        audit = audit_file(path, passed=True)
        errors = sum(f.severity is Severity.ERROR for f in audit.findings)
        checked = len(audit.passed) + sum(f.stated is not None for f in audit.findings)
        print(f"FILE {path.name}: {errors} errors; 核对 {checked} 项关系，{len(audit.passed)} 项相符")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS,
                        help="directory with cases/NNN.txt and cases/NNN.json (default: $JIXIAO_CORPUS)")
    parser.add_argument("--verbose", action="store_true", help="print every finding")
    args = parser.parse_args(argv)
    if not (args.corpus / "cases").is_dir():
        print(f"corpus not found: {args.corpus / 'cases'} does not exist; nothing measured.\n"
              "Pass the corpus directory (the one holding cases/) as the first argument.")
        return 0
    measure(args.corpus, args.verbose)
    if (args.corpus / "patterns").is_dir():
        measure_patterns(args.corpus / "patterns", args.verbose)
    if (args.corpus / "files").is_dir():
        measure_files(args.corpus / "files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
