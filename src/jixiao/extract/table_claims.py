"""Relations that tables state, checked (codes JX-TABLE-001…005).

Tables are recognised by their header words, never by the report they come from: score tables
(分值 and 得分 columns, :mod:`jixiao.extract.table_scores`) and amount tables (合计 rows and
rate columns, :mod:`jixiao.extract.table_amounts`). The 合计 row of a score table is its 总分,
checked as such, not as an amount total. A relation that fails is an ``error``; one
that holds only within the rounding of its figures is ``info``; one that holds gives nothing.
"""

from __future__ import annotations

from jixiao.documents.model import Document
from jixiao.extract.table_amounts import RATIO, TOTAL_ROW, amount_findings
from jixiao.extract.table_scores import SCORE_CAP, SCORE_SUM, WEIGHT_SUM, is_score_table, score_findings
from jixiao.findings import Finding

TABLE_CODES = (WEIGHT_SUM, SCORE_SUM, SCORE_CAP, TOTAL_ROW, RATIO)
"""The codes of :func:`table_findings`, documented in docs/rules.md."""


def table_findings(document: Document) -> tuple[Finding, ...]:
    """Every finding on the relations the document's tables state, in table order."""
    findings: list[Finding] = []
    for table in document.tables:
        scores = is_score_table(table)
        if scores:
            findings += score_findings(table)
        findings += amount_findings(table, totals=not scores)
    return tuple(findings)
