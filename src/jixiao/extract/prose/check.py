"""Findings on the relations stated in prose (codes JX-TEXT-001…009).

A relation that fails is an ``error``; one that holds only within rounding (truncation, the
rounding edge) is ``info``; one that holds gives nothing. A list after 其中 may leave items
out: parts short of the total give nothing, parts above it a ``warning``; the same for the sum
of the items' changes unless the amounts show the list complete. A figure stated twice with
two values is a ``warning``: the two may be on different bases.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from jixiao.extract.prose.reading import Claim, Kind, Stated
from jixiao.findings import Finding, Passed, Severity, Term, number_text, range_text
from jixiao.numbers import Interval, StatedNumber, Unit
from jixiao.relations import (
    Outcome,
    Verdict,
    check_change_from_difference,
    check_change_percent,
    check_difference,
    check_equal,
    check_ratio,
    check_sum,
)

SUM, SHARE, CHANGE = "JX-TEXT-001", "JX-TEXT-002", "JX-TEXT-003"
RATE, DIFFERENCE, CHANGE_SUM = "JX-TEXT-004", "JX-TEXT-005", "JX-TEXT-006"
CHANGE_PRIOR, COUNT, REPEAT = "JX-TEXT-007", "JX-TEXT-008", "JX-TEXT-009"
CODES = (SUM, SHARE, CHANGE, RATE, DIFFERENCE, CHANGE_SUM, CHANGE_PRIOR, COUNT, REPEAT)
_SEVERITY = {Verdict.FAILS: Severity.ERROR, Verdict.WITHIN_ROUNDING: Severity.INFO}


def check_claims(claims: Sequence[Claim]) -> tuple[Finding, ...]:
    findings = []
    for claim in claims:
        finding = _CHECKS[claim.kind](claim)
        if finding is not None:
            findings.append(finding)
    return tuple(findings)


def _sum_outcome(claim: Claim) -> Outcome:
    total = claim.stated.number
    return check_sum(total, [term.number.in_unit(total.unit) for term in claim.terms])


def _sum(claim: Claim) -> Finding | None:
    total = claim.stated.number
    parts = [term.number.in_unit(total.unit) for term in claim.terms]
    outcome = _sum_outcome(claim)
    severity = _SEVERITY.get(outcome.verdict)
    if severity is None or outcome.expected is None:
        return None
    implied, unit = outcome.expected, total.unit.value
    decimals = max(total.decimals, *(part.decimals for part in parts), 0)
    difference = _fixed(abs(total.value - implied), decimals)
    names = "、".join(term.label or str(term.number) for term in claim.terms)  # “20万元用于…”: no label
    head = f"{claim.stated.label} {total} 与{names}之和 {_fixed(implied, decimals)}{unit}"
    if claim.partial and not claim.complete and implied < total.value:
        return None  # an incomplete list after 其中 may fall short of its total by any amount
    if severity is Severity.INFO:
        message = f"{head} 仅在舍入范围内一致（相差 {difference}{unit}）"
    elif claim.before:
        severity = Severity.WARNING
        message = f"{head} 不一致（相差 {difference}{unit}；各项在总数之前列出，请核对是否同一口径）"
    elif not claim.partial:
        message = f"{head} 不一致（相差 {difference}{unit}）"
    elif claim.complete:
        message = (f"{head} 不一致（相差 {difference}{unit}；"
                   "同样各项的另一合计与其各项之和相符，所列各项齐全）")
    elif implied > total.value:
        severity = Severity.WARNING
        message = f"{head} 超过总数（多 {difference}{unit}），所列各项不应大于总数"
    else:
        return None  # an incomplete list after 其中
    return _finding(SUM, severity, message, claim, outcome)


def _change_sum_outcome(claim: Claim) -> Outcome:
    total = _signed(claim.stated)
    return check_sum(total, [_signed(term).in_unit(total.unit) for term in claim.terms])


def _change_sum(claim: Claim) -> Finding | None:
    total = _signed(claim.stated)
    parts = [_signed(term).in_unit(total.unit) for term in claim.terms]
    outcome = _change_sum_outcome(claim)
    severity = _SEVERITY.get(outcome.verdict)
    if severity is None or outcome.expected is None:
        return None
    unit, implied = total.unit.value, outcome.expected
    decimals = max(total.decimals, *(part.decimals for part in parts), 0)
    head = (f"{claim.stated.label} {_way(total.value)} {claim.stated.number} 与各项增减额合计 "
            f"{_way(implied)} {_fixed(abs(implied), decimals)}{unit}")
    same_way = all(part.value * total.value >= 0 for part in parts)
    if severity is Severity.INFO:
        message = f"{head} 仅在舍入范围内一致"
    elif claim.complete and not claim.partial:
        message = f"{head} 不一致（所列各项即其全部组成）"
    elif claim.complete:
        message = f"{head} 不一致（各项金额之和与总数相符，所列各项齐全）"
    elif same_way and abs(implied) > abs(total.value):
        severity = Severity.WARNING
        message = f"{head} 超过总增减额，所列各项的增减额不应大于总增减额"
    else:
        return None  # the list may leave items out, and their changes with them
    return _finding(CHANGE_SUM, severity, message, claim, outcome, sign=claim.stated.sign)


def _ratio(claim: Claim) -> tuple[Outcome, Severity, Decimal] | None:
    """The stated percentage against its two terms (part, whole): the outcome, the finding's
    severity and the exact ratio, or ``None`` when it holds or cannot be judged."""
    outcome = _ratio_outcome(claim)
    severity = _SEVERITY.get(outcome.verdict)
    if severity is None or outcome.expected is None:
        return None
    return outcome, severity, outcome.expected


def _ratio_outcome(claim: Claim) -> Outcome:
    part, whole = claim.terms
    return check_ratio(claim.stated.number, part.number.in_unit(whole.number.unit), whole.number)


def _share(claim: Claim) -> Finding | None:
    judged = _ratio(claim)
    if judged is None:
        return None
    outcome, severity, expected = judged
    part, whole = claim.terms
    computed = f"{part.label} {part.number} 占{whole.label} {whole.number} 的 {_fixed(expected)}%"
    if severity is Severity.ERROR and claim.to_whole and _within_a_unit(claim):
        message = f"{computed}，文中 {claim.stated.number} 仅差末位一个单位（各项占比之和凑足100%）"
        return _finding(SHARE, Severity.INFO, message, claim, outcome)
    message = _compared(computed, severity, f"{claim.stated.number}", truncation=True)
    return _finding(SHARE, severity, message, claim, outcome)


def _within_a_unit(claim: Claim) -> bool:
    """Whether the stated share is at most one unit of its last decimal from the exact one."""
    part, whole = (term.number for term in claim.terms)
    if whole.value == 0:
        return False
    exact = part.in_unit(whole.unit).value / whole.value * 100
    stated = claim.stated.number
    return abs(stated.value - exact) <= Decimal(1).scaleb(-stated.decimals)


def _rate(claim: Claim) -> Finding | None:
    judged = _ratio(claim)
    if judged is None:
        return None
    outcome, severity, expected = judged
    actual, budget = claim.terms
    computed = f"{actual.label} {actual.number} / {budget.label} {budget.number} = {_fixed(expected)}%"
    stated = f"{claim.stated.label} {claim.stated.number}"
    return _finding(RATE, severity, _compared(computed, severity, stated), claim, outcome)


def _change_outcome(claim: Claim) -> Outcome:
    current, delta = claim.terms
    change = _signed(delta).in_unit(current.number.unit)
    return check_change_from_difference(_signed(claim.stated), current.number, change)


def _change(claim: Claim) -> Finding | None:
    current, delta = claim.terms
    change = _signed(delta).in_unit(current.number.unit)
    outcome = _change_outcome(claim)
    severity = _SEVERITY.get(outcome.verdict)
    if severity is None or outcome.expected is None:
        return None
    prior_decimals = max(current.number.decimals, change.decimals, 0)
    prior = _fixed(current.number.value - change.value, prior_decimals)
    way = "增长" if outcome.expected >= 0 else "下降"
    base = "预算" if delta.label.startswith("比预算") else "上年"
    computed = (f"{current.label} {current.number} {delta.label} {delta.number}（{base} {prior}"
                f"{current.number.unit.value}），应{way} {_fixed(abs(outcome.expected))}%")
    stated_text = f"{claim.stated.label} {claim.stated.number}"
    return _finding(CHANGE, severity, _compared(computed, severity, stated_text, joined=True), claim,
                    outcome, sign=claim.stated.sign)


def _change_prior_outcome(claim: Claim) -> Outcome:
    current, prior = claim.terms
    return check_change_percent(_signed(claim.stated), current.number,
                                prior.number.in_unit(current.number.unit), exact_terms=claim.exact_terms)


def _change_prior(claim: Claim) -> Finding | None:
    current, prior = claim.terms
    outcome = _change_prior_outcome(claim)
    severity = _SEVERITY.get(outcome.verdict)
    if severity is None or outcome.expected is None:
        return None
    way = "增长" if outcome.expected >= 0 else "下降"
    computed = (f"{current.label} {current.number}，{prior.label} {prior.number}，"
                f"应{way} {_fixed(abs(outcome.expected))}%")
    stated_text = f"{claim.stated.label} {claim.stated.number}"
    return _finding(CHANGE_PRIOR, severity, _compared(computed, severity, stated_text, joined=True),
                    claim, outcome, sign=claim.stated.sign)


def _difference_outcome(claim: Claim) -> Outcome:
    minuend, subtrahend = claim.terms
    stated = claim.stated.number
    return check_difference(stated, minuend.number.in_unit(stated.unit),
                            subtrahend.number.in_unit(stated.unit))


def _difference(claim: Claim) -> Finding | None:
    minuend, subtrahend = claim.terms
    stated = claim.stated.number
    outcome = _difference_outcome(claim)
    severity = _SEVERITY.get(outcome.verdict)
    if severity is None or outcome.expected is None:
        return None
    decimals = max(stated.decimals, minuend.number.decimals, subtrahend.number.decimals, 0)
    computed = (f"{minuend.label} {minuend.number} − {subtrahend.label} {subtrahend.number} = "
                f"{_fixed(outcome.expected, decimals)}{stated.unit.value}")
    stated_text = f"{claim.stated.label} {stated}"
    return _finding(DIFFERENCE, severity, _compared(computed, severity, stated_text), claim, outcome)


def _count_outcome(claim: Claim) -> Outcome:
    return check_equal(claim.stated.number, StatedNumber.of(len(claim.terms), Unit.ITEM))


def _count(claim: Claim) -> Finding | None:
    outcome = _count_outcome(claim)
    if outcome.verdict is not Verdict.FAILS:
        return None
    items = "、".join(term.label for term in claim.terms)
    noun = claim.stated.label.removesuffix("数")
    message = f"文中称 {claim.stated.number.written} 个{noun}，但列出 {len(claim.terms)} 个：{items}"
    return _finding(COUNT, Severity.ERROR, message, claim, outcome)


def _repeat_outcome(claim: Claim) -> Outcome:
    (earlier,) = claim.terms
    return check_equal(claim.stated.number, earlier.number.in_unit(claim.stated.number.unit))


def _repeat(claim: Claim) -> Finding | None:
    (earlier,) = claim.terms
    stated = claim.stated.number
    outcome = _repeat_outcome(claim)
    if outcome.verdict is not Verdict.FAILS:
        return None
    message = (f"{claim.stated.label} 在第 {earlier.where.line} 行为 {earlier.number}，"
               f"此处为 {stated}，同一数字前后不一致（请核对口径）")
    return _finding(REPEAT, Severity.WARNING, message, claim, outcome)


_CHECKS: dict[Kind, Callable[[Claim], Finding | None]] = {
    "sum": _sum, "share": _share, "change": _change, "rate": _rate, "difference": _difference,
    "change_sum": _change_sum, "change_prior": _change_prior, "count": _count, "repeat": _repeat,
}
_OUTCOMES: dict[Kind, tuple[str, Callable[[Claim], Outcome]]] = {
    "sum": (SUM, _sum_outcome), "share": (SHARE, _ratio_outcome), "change": (CHANGE, _change_outcome),
    "rate": (RATE, _ratio_outcome), "difference": (DIFFERENCE, _difference_outcome),
    "change_sum": (CHANGE_SUM, _change_sum_outcome), "change_prior": (CHANGE_PRIOR, _change_prior_outcome),
    "count": (COUNT, _count_outcome), "repeat": (REPEAT, _repeat_outcome),
}

_SIGNED = frozenset({"change", "change_prior", "change_sum"})
"""Kinds whose stated figure is judged with the sign its words give it."""


def passed_claims(claims: Sequence[Claim]) -> tuple[Passed, ...]:
    """The relations that were checked and hold exactly, as records shaped like findings."""
    passed = []
    for claim in claims:
        code, outcome_of = _OUTCOMES[claim.kind]
        outcome = outcome_of(claim)
        if outcome.verdict is Verdict.HOLDS:
            terms = tuple(Term(term.label, term.number.written, term.where) for term in claim.terms)
            expected = outcome.expected
            if claim.kind in _SIGNED and claim.stated.sign < 0 and expected is not None:
                expected = -expected  # 下降 17.21 is written 17.21
            passed.append(Passed.of(code, claim.stated.label, claim.stated.number, expected,
                                    terms, claim.stated.where, claim.evidence))
    return tuple(passed)


def _compared(computed: str, severity: Severity, stated: str, *, truncation: bool = False,
              joined: bool = False) -> str:
    """“<computed>，文中 <stated> 仅在舍入范围内一致” or “…，与文中 <stated> 不一致”."""
    space = "" if joined else " "
    if severity is Severity.INFO:
        note = "（可能为截尾）" if truncation else ""
        return f"{computed}，文中{space}{stated} 仅在舍入范围内一致{note}"
    return f"{computed}，与文中{space}{stated} 不一致"


def _way(value: Decimal) -> str:
    return "增加" if value >= 0 else "减少"


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
