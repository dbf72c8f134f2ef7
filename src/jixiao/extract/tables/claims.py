"""Relations that tables state, checked (codes JX-TABLE-001…006 and 008).

Tables are recognised by their header words, never by the report they come from: score tables
(分值 and 得分 columns, or weights written in the indicator cells, :mod:`jixiao.extract.tables.scores.table`)
and amount tables (合计 rows and rate columns, :mod:`jixiao.extract.tables.amounts`); amount tables
whose rows are coded by class (类/款/项) are summed along the codes
(:mod:`jixiao.extract.tables.hierarchy`); amount tables whose rows break down under 其中 along
the breakdowns (:mod:`.breakdowns`), and those whose columns are the items by their rows'
arithmetic (:mod:`.column_totals`). The 合计 row of a score table is its 总分, checked as such, not
as an amount total. Readers of the text, whatever its flattening, add the funds block of a 自评表
(:mod:`.funds`), the funds by source of a 评价报告表 (:mod:`.sources`), lists written one cell a
paragraph (:mod:`.cell_paragraphs`) and the splits of a 政府采购 amount (:mod:`.procurement`);
prose that restates a table's total is checked against the table's items (:mod:`.restated`).

:func:`table_claims` lists every relation read, whether it holds or not (what was checked);
:func:`table_findings` judges them: a relation that fails is an ``error``; one that holds only
within the rounding of its figures is ``info``; one that holds gives nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from jixiao.documents.model import Document
from jixiao.extract.per_document import per_document
from jixiao.extract.tables.amounts import RATIO, TOTAL_ROW, amount_claims
from jixiao.extract.tables.breakdowns import breakdown_claims
from jixiao.extract.tables.cell_paragraphs import cell_paragraph_claims
from jixiao.extract.tables.cells import TableClaim, evidence, plain, relation_finding
from jixiao.extract.tables.column_totals import column_total_claims
from jixiao.extract.tables.funds import funds_claims
from jixiao.extract.tables.hierarchy import CLASS_SUM, class_claims
from jixiao.extract.tables.procurement import procurement_claims
from jixiao.extract.tables.restated import restated_claims
from jixiao.extract.tables.scores.factor import score_factor_claims
from jixiao.extract.tables.scores.glued import score_glued_claims
from jixiao.extract.tables.scores.items import score_item_claims
from jixiao.extract.tables.scores.line import score_line_claims
from jixiao.extract.tables.scores.outline import score_outline_claims
from jixiao.extract.tables.scores.pairs import score_pair_claims
from jixiao.extract.tables.scores.rows import score_row_claims
from jixiao.extract.tables.scores.table import (
    FULL_SCORE,
    SCORE_CAP,
    SCORE_SUM,
    WEIGHT_SUM,
    is_score_table,
    score_claims,
)
from jixiao.extract.tables.sources import BALANCE, source_claims
from jixiao.findings import Finding, Passed, Severity
from jixiao.relations import Outcome, Verdict, check_difference, check_ratio, check_sum

_BONUS = re.compile(r"加\s*\d+(?:\.\d+)?\s*分|加分")
"""A rubric that awards extra points (“一个加1分，最多加2分”): a 得分 above the 分值 may be one."""

TABLE_CODES = (WEIGHT_SUM, SCORE_SUM, SCORE_CAP, TOTAL_ROW, RATIO, CLASS_SUM, BALANCE)
"""The codes of :func:`table_findings`, documented in docs/rules.md."""


@per_document
def table_claims(document: Document) -> tuple[TableClaim, ...]:
    """Every relation the document's tables state, in table order (read once per document: its
    findings and the relations that hold are both judged from them)."""
    claims: list[TableClaim] = []
    for table in document.tables:
        scores = is_score_table(table)
        classes = () if scores else class_claims(table)
        if scores:
            claims += score_claims(table)
            claims += score_item_claims(table)
        claims += classes
        if not scores and not classes:
            claims += breakdown_claims(table) + column_total_claims(table)
        claims += amount_claims(table, totals=not scores and not classes)
    text_claims = (funds_claims(document) + source_claims(document) + cell_paragraph_claims(document)
                   + procurement_claims(document))
    claims += _unread(claims, text_claims + score_line_claims(document) + score_row_claims(document)
                      + score_glued_claims(document) + score_outline_claims(document)
                      + score_pair_claims(document) + score_factor_claims(document))
    claims += restated_claims(document, claims)
    return tuple(claims)


def _unread(read: Sequence[TableClaim], more: Sequence[TableClaim]) -> list[TableClaim]:
    """The relations of ``more`` not among ``read``: the readers of the text find again what a
    rebuilt table states (a funds row's 得分 is in the table and in the text)."""
    seen = {(claim.code, claim.kind, claim.stated.cell.place.start) for claim in read}
    return [claim for claim in more if (claim.code, claim.kind, claim.stated.cell.place.start) not in seen]


@per_document
def table_findings(document: Document) -> tuple[Finding, ...]:
    """Every finding on the relations the document's tables state, in table order (computed
    once per document: the catalogue's auditor asks for them too)."""
    findings = (check_table_claim(claim) for claim in table_claims(document))
    return tuple(finding for finding in findings if finding is not None)


def check_table_claim(claim: TableClaim) -> Finding | None:
    """The finding on one table relation (``None`` when it holds or cannot be judged)."""
    if claim.kind == "cap":
        return _cap(claim)
    if claim.kind == "bound":
        return _bound(claim)
    stated = claim.stated.number
    outcome = _outcome(claim)
    if outcome.expected is None:
        return None
    if claim.kind == "ratio":
        numerator, denominator = claim.terms
        message = (f"{claim.stated.label} {stated.written}% 与 {numerator.label} {numerator.number.written}"
                   f" / {denominator.label} {denominator.number.written} = {plain(outcome.expected)}% 不一致")
        return relation_finding(claim.code, message, claim.stated, outcome, claim.terms, claim.row)
    if claim.kind == "difference":
        minuend, subtrahend = claim.terms
        message = (f"{claim.what} {stated.written} 与 {minuend.label} {minuend.number.written} − "
                   f"{subtrahend.label} {subtrahend.number.written} = {plain(outcome.expected)} 不一致")
        return relation_finding(claim.code, message, claim.stated, outcome, claim.terms, claim.row)
    message = (f"{claim.what} {stated.written} 与各项{claim.parts}之和 {plain(outcome.expected)} 不一致"
               f"（相差 {plain(abs(stated.value - outcome.expected))}）")
    return relation_finding(claim.code, message, claim.stated, outcome, claim.terms, claim.row)


def _outcome(claim: TableClaim) -> Outcome:
    stated = claim.stated.number
    if claim.kind == "ratio":
        numerator, denominator = claim.terms
        return check_ratio(stated, numerator.number, denominator.number, exact_terms=claim.exact_terms)
    if claim.kind == "difference":
        minuend, subtrahend = claim.terms
        return check_difference(stated, minuend.number, subtrahend.number)
    return check_sum(stated, [term.number for term in claim.terms])


def passed_table_claims(claims: Sequence[TableClaim]) -> tuple[Passed, ...]:
    """The table relations that were checked and hold exactly, as records shaped like findings."""
    passed = []
    for claim in claims:
        expected: Decimal | None
        if claim.kind == "cap":  # 得分 at most 分值: what the 分值 allows is the bound
            weight = claim.terms[0].number.value
            holds, expected = claim.stated.number.value <= weight, weight
        elif claim.kind == "bound":
            expected = _highest(claim)
            holds = claim.stated.number.value <= expected
        else:
            outcome = _outcome(claim)
            holds, expected = outcome.verdict is Verdict.HOLDS, outcome.expected
        if holds:
            label = claim.what if claim.kind in ("sum", "difference") else claim.stated.label
            passed.append(Passed.of(claim.code, label, claim.stated.number, expected,
                                    tuple(term.term() for term in claim.terms), claim.stated.cell.place,
                                    evidence(claim.row)))
    return tuple(passed)


def _cap(claim: TableClaim) -> Finding | None:
    weight, score = claim.terms[0], claim.stated
    if score.number.value <= weight.number.value:
        return None
    exceeds = score.number.interval().low > weight.number.interval().high
    bonus = exceeds and _BONUS.search(evidence(claim.row)) is not None
    # a rubric awarding extra points makes a 得分 above the 分值 possible: a warning asking for
    # the bonus's basis, not an error; above it only within rounding, a note
    severity = (Severity.WARNING if bonus else Severity.ERROR) if exceeds else Severity.INFO
    message = f"{claim.what}的得分 {score.number.written} 超过分值 {weight.number.written}"
    if bonus:
        message += "（评分标准含加分项，请核对加分依据）"
    elif severity is Severity.INFO:
        message += "（仅在舍入范围内）"
    return Finding.new(claim.code, severity, message, score.cell.place, stated=score.number.written,
                       expected=weight.number.written, terms=(weight.term(), score.term()),
                       evidence=evidence(claim.row))


def _lost(claim: TableClaim) -> Decimal:
    """The points the indicators of a ``bound`` claim lost: Σ (分值 − 得分)."""
    figures = [term.number.value for term in claim.terms]
    pairs = zip(figures[::2], figures[1::2], strict=True)
    return sum((weight - score for weight, score in pairs), Decimal(0))


def _highest(claim: TableClaim) -> Decimal:
    return FULL_SCORE - _lost(claim)


def _bound(claim: TableClaim) -> Finding | None:
    stated, highest = claim.stated.number, _highest(claim)
    if stated.interval().low <= highest:
        return None
    message = (f"{claim.what} {stated.written} 高于满分 {FULL_SCORE} 减去各项已扣分 {plain(_lost(claim))} "
               f"后的上限 {plain(highest)}")
    return Finding.new(claim.code, Severity.ERROR, message, claim.stated.cell.place, stated=stated.written,
                       expected=plain(highest), terms=tuple(term.term() for term in claim.terms),
                       evidence=evidence(claim.row))
