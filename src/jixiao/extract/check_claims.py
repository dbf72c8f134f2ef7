"""Findings on the relations stated in prose (codes JX-TEXT-001…003).

A relation that fails is an ``error``; one that holds only within rounding (truncation, the
rounding edge) is ``info``; one that holds gives nothing. A list after 其中 may leave items
out: parts short of the total give nothing, parts above it a ``warning``.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from jixiao.extract.claims import Claim, Stated
from jixiao.findings import Finding, Severity, Term, number_text, range_text
from jixiao.numbers import Interval, StatedNumber
from jixiao.relations import Outcome, Verdict, check_change_from_difference, check_ratio, check_sum

SUM, SHARE, CHANGE = "JX-TEXT-001", "JX-TEXT-002", "JX-TEXT-003"
_SEVERITY = {Verdict.FAILS: Severity.ERROR, Verdict.WITHIN_ROUNDING: Severity.INFO}


def check_claims(claims: Sequence[Claim]) -> tuple[Finding, ...]:
    findings = []
    for claim in claims:
        finding = {"sum": _sum, "share": _share, "change": _change}[claim.kind](claim)
        if finding is not None:
            findings.append(finding)
    return tuple(findings)


def _sum(claim: Claim) -> Finding | None:
    total = claim.stated.number
    parts = [term.number.in_unit(total.unit) for term in claim.terms]
    outcome = check_sum(total, parts)
    severity = _SEVERITY.get(outcome.verdict)
    if severity is None or outcome.expected is None:
        return None
    implied, unit = outcome.expected, total.unit.value
    decimals = max(total.decimals, *(part.decimals for part in parts), 0)
    difference = _fixed(abs(total.value - implied), decimals)
    names = "、".join(term.label for term in claim.terms)
    head = f"{claim.stated.label} {total} 与{names}之和 {_fixed(implied, decimals)}{unit}"
    if severity is Severity.INFO:
        message = f"{head} 仅在舍入范围内一致（相差 {difference}{unit}）"
    elif not claim.partial:
        message = f"{head} 不一致（相差 {difference}{unit}）"
    elif implied > total.value:
        severity = Severity.WARNING
        message = f"{head} 超过总数（多 {difference}{unit}），所列各项不应大于总数"
    else:
        return None  # an incomplete list after 其中
    return _finding(SUM, severity, message, claim, outcome)


def _share(claim: Claim) -> Finding | None:
    part, whole = claim.terms
    rate = claim.stated.number
    outcome = check_ratio(rate, part.number.in_unit(whole.number.unit), whole.number)
    severity = _SEVERITY.get(outcome.verdict)
    if severity is None or outcome.expected is None:
        return None
    computed = f"{part.label} {part.number} 占{whole.label} {whole.number} 的 {_fixed(outcome.expected)}%"
    if severity is Severity.INFO:
        message = f"{computed}，文中 {rate} 仅在舍入范围内一致（可能为截尾）"
    else:
        message = f"{computed}，与文中 {rate} 不一致"
    return _finding(SHARE, severity, message, claim, outcome)


def _change(claim: Claim) -> Finding | None:
    current, delta = claim.terms
    stated = _signed(claim.stated)
    change = _signed(delta).in_unit(current.number.unit)
    outcome = check_change_from_difference(stated, current.number, change)
    severity = _SEVERITY.get(outcome.verdict)
    if severity is None or outcome.expected is None:
        return None
    prior_decimals = max(current.number.decimals, change.decimals, 0)
    prior = _fixed(current.number.value - change.value, prior_decimals)
    way = "增长" if outcome.expected >= 0 else "下降"
    computed = (f"{current.label} {current.number} {delta.label} {delta.number}（上年 {prior}"
                f"{current.number.unit.value}），应{way} {_fixed(abs(outcome.expected))}%")
    if severity is Severity.INFO:
        message = f"{computed}，文中{claim.stated.label} {claim.stated.number} 仅在舍入范围内一致"
    else:
        message = f"{computed}，与文中{claim.stated.label} {claim.stated.number} 不一致"
    return _finding(CHANGE, severity, message, claim, outcome, sign=claim.stated.sign)


def _signed(figure: Stated) -> StatedNumber:
    number = figure.number
    return number if figure.sign > 0 else number.model_copy(update={"value": -number.value})


def _fixed(value: Decimal, decimals: int = 2) -> str:
    return format(value.quantize(Decimal(1).scaleb(-decimals)), "f")


def _finding(code: str, severity: Severity, message: str, claim: Claim, outcome: Outcome,
             sign: int = 1) -> Finding:
    """The finding; ``sign`` −1 reports a change the way the text words it (下降 28.44, not −28.44)."""
    terms = tuple(Term(term.label, term.number.written, term.where) for term in claim.terms)
    expected, allowed = outcome.expected, outcome.expected_range
    if sign < 0 and expected is not None and allowed is not None:
        expected, allowed = -expected, Interval(-allowed.high, -allowed.low)
    return Finding.new(code, severity, message, claim.stated.where,
                       stated=claim.stated.number.written, expected=number_text(expected),
                       expected_range=range_text(allowed, claim.stated.number.decimals),
                       terms=terms, evidence=claim.evidence)
