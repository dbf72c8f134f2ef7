"""The rule catalogue on a recognised report: the findings of :func:`jixiao.checks.run_checks` on
what was extracted, placed at the stated numbers in ``Document.text``.

Only what the report states can be judged. A rule runs on the extracted evaluation, and its
finding is kept only when the figure it reports and every figure it names were read from the
document (their field paths are in the source map); rules that report an *absence* (a blank
section, a missing explanation, an unsigned form) are not run, because text the extraction could
not read is not text the unit left out.

The prose auditor (JX-TEXT-*) and the table auditor (JX-TABLE-*) read the same report. Where
they judge a relation the catalogue judges here, :func:`jixiao.audit.distinct` keeps the
catalogue's finding, quoted with the report's row or line (:func:`_quoted`): a report and the
data it was rendered from give the same finding, with the same code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from jixiao.checks.run import catalogue, placed, run_checks
from jixiao.documents.model import Document
from jixiao.extract.evaluation.extract import ExtractedEvaluation, extract_evaluation
from jixiao.extract.tables.cells import evidence
from jixiao.findings import Finding, Place
from jixiao.profiles import load_profile
from jixiao.recognise import profile_is_known, recognise

NOT_ASSESSABLE = frozenset({
    "JX-DOC-001", "JX-DOC-002", "JX-DOC-005", "JX-DOC-006", "JX-EXEC-001",
})
"""Rules about what a report leaves out: not judged on what extraction could read."""
EXPLAINED = {"JX-EXEC-002": "budget_change_explanation"}
"""Rules about an explanation the form has a place for (六's 预算执行 paragraph, the workbook's row
under each 自评表: asked for and marked 【未填写】 when blank): judged where that place was read."""
PRESCRIBED = frozenset({"JX-SCORE-004", "JX-SCORE-005", "JX-SCORE-006", "JX-SCORE-007", "JX-SCORE-009"})
"""Rules that hold the report to a profile's prescriptions (block weights, scoring formulas):
run only when the report's region has its own profile, since another region's rules differ."""
_TOTALS = frozenset({"stated_total_weight", "stated_total_score"})
RESULTS = "JX-DOC-002"
IDENTITY = "JX-DOC-004"
"""Compares the title with 年度 and 预算单位名称: run only when both were read."""


def evaluation_findings(document: Document) -> tuple[Finding, ...]:
    """The catalogue's findings on a recognised report (none for a generic one)."""
    recognition = recognise(document)
    if recognition.template is None:
        return ()
    extracted = extract_evaluation(document, recognition)
    return tuple(_quoted(finding, document) for finding in catalogue_findings(extracted))


def _quoted(finding: Finding, document: Document) -> Finding:
    """The finding with what the report says where it stands as its evidence, as the prose and
    table auditors quote theirs: the table row of its cell, else its line."""
    where, text = finding.where, document.text
    if finding.evidence or where.start is None:
        return finding
    tables = document.tables
    if where.table is not None and where.row is not None and where.table < len(tables) \
            and where.row < len(tables[where.table].rows):
        return replace(finding, evidence=evidence(tables[where.table].rows[where.row]))
    line_start = text.rfind("\n", 0, where.start) + 1
    line_end = text.find("\n", where.start)
    return replace(finding, evidence=text[line_start:len(text) if line_end < 0 else line_end].strip())


def catalogue_findings(extracted: ExtractedEvaluation) -> tuple[Finding, ...]:
    """The findings of the assessable rules on ``extracted``, each placed in the document."""
    skip = set(NOT_ASSESSABLE)
    if not profile_is_known(extracted.checkable.template):
        skip |= PRESCRIBED
    if extracted.evaluation is None:
        skip.add(IDENTITY)
    rules = [rule for rule in catalogue() if rule.code not in skip]
    evaluation, source = extracted.checkable, extracted.source
    findings = run_checks(evaluation, load_profile(evaluation.profile), rules=rules)
    # Only the findings on figures that were read are placed: most name some that were not.
    named = (placed(finding, source) for finding in findings if _names_read(finding, source))
    read = tuple(finding for finding in named if _read_from(finding, source))
    return (*read, *_score_left_out(extracted, skip))


def _score_left_out(extracted: ExtractedEvaluation, skip: set[str]) -> tuple[Finding, ...]:
    """JX-DOC-002 on what a report's section 九 leaves out, judged only for the 自评得分 and only
    when the section's text was read: a section read in full that gives no score has none."""
    rule = next((rule for rule in catalogue() if rule.code == RESULTS), None)
    place = extracted.source.get("narrative.results.text")
    evaluation = extracted.checkable
    stated = evaluation.narrative.results.stated_score
    if rule is None or place is None or place.start is None or rule.code not in skip \
            or not rule.applies_to(evaluation.template) or stated is not None:
        return ()
    finding = rule.finding("第九部分“自评结果拟应用和公开情况”未写明：自评得分", "narrative.results.text")
    return (replace(finding, where=finding.where.merged(place)),)


def _read_from(finding: Finding, source: Mapping[str, Place]) -> bool:
    """Whether the finding's figure and every term were read from the document; a table's
    stated total (总分 分值 or 得分) only when some of its indicators were too: a total against
    parts that were not read is no finding."""
    if finding.where.start is None or not _names_read(finding, source):
        return False
    table, _, field = (finding.where.path or "").rpartition(".")
    indicators = f"{table}.indicators["
    return field not in _TOTALS or any(path.startswith(indicators) for path in source)


def _names_read(finding: Finding, source: Mapping[str, Place]) -> bool:
    """Whether the finding's figure, every term and, for a rule on an explanation, the
    explanation's place were read from the document."""
    paths = [finding.where.path, *(term.where.path for term in finding.terms)]
    if finding.code in EXPLAINED:  # the figures of its table, and its explanation's place
        paths.append(f"{(finding.where.path or '').partition('.funds.')[0]}.{EXPLAINED[finding.code]}")
    return all(path in source for path in paths)
