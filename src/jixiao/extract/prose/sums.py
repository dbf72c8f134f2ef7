"""Totals and their parts stated in prose, and the shares of the total stated with the parts.

* “X万元，其中：A a万元…；B b万元…。”, and the same after 包括 / 主要包括 / 分别为 / 为 (“总预算 X元。
  收入包括：A a元、B b元。”): parts are the amounts at the bracket depth of the keyword up to the
  sentence end; following sentences continue the list while each starts with a part that is a
  share of the total or states its own change. Such lists may leave items out (*partial*).
* A list after 其中 runs past ； unless the clause after it is a *peer* of the total, not a part:
  its amount is larger than the total, it opens a 其中 list of its own, or its label names the
  total's sibling (“基本支出资金38.43万元，其中…；项目支出46.9万元，其中…”: 项目支出 is no part
  of 基本支出). The list ends before such a clause.
* “X万元（A a万元，B b万元）”: a full breakdown in brackets (partial when it says 含/包括).
* When the head clause states several amounts (“支出2.05万元，年初预算为2.95万元，差值为0.9万元。
  其中：A支出0万元，年初预算为0万元，差值为0万元；…”), each position is its own total, and
  every item clause must state as many; 差值 (differences without a sign) are not summed.
* When the head states a change (“比上年减少450.00元，下降3.61%。其中：…减少0.00元…”), the
  parts' changes, signed, against it (``change_sum``). The list is *complete* when the
  amounts add up to their total.
* A part followed by “占p%” or “占<total>的p%” is a **share** of the total.
"""

from __future__ import annotations

import re
from dataclasses import replace

from jixiao.extract.amounts import Figure
from jixiao.extract.prose.changes import RATE, Change, change_label, change_links, clause_start
from jixiao.extract.prose.rates import RATE_OF_BUDGET
from jixiao.extract.prose.reading import Claim, RunText
from jixiao.extract.prose.shares import SHARE, same_label
from jixiao.extract.text_runs import SENTENCE_ENDS, sentence_end, sentence_start
from jixiao.numbers import NumberError
from jixiao.relations import Verdict, check_sum

_LIST = re.compile(r"其中|主要包括|包括|分别为|分别是|具体(?:是|为)|(?<=，)为(?=[^\d，。；])")
"""Words that open a list of parts; 为 only right after the total and its comma (“省级资金124.23万元，
为A项目25万元，B项目0.71万元…”)."""
# Between a total and its list: its rate of change or of the budget (“支出决算为12,000.00元，完成
# 年初预算的100%。其中：”), and punctuation.
_GAP = re.compile(rf"[\s，]*(?:{RATE.pattern}|{RATE_OF_BUDGET.pattern})?[\s，：。（]*")
_LIST_FIRST = frozenset("其主包分具为")
"""The first character of every match of :data:`_LIST`."""
_SEMICOLON = re.compile("；")
_OWN_LIST = re.compile(r"[\s，：]*其中")
_NOT_SUMMED = ("差值", "差额", "相差")
_SPELLED_OUT = re.compile(r"具体(?:是|为)")
_SPELLED_GAP = 30
"""Characters of words 具体为 may stand after the amount it spells out."""
_HEAD_ENDS = "。！？；"
# Amounts of one level: a total's label naming one of a group, and a clause's another, are siblings.
_PEER_GROUPS = (
    ("基本支出", "项目支出"),
    ("人员经费", "公用经费"),
    ("工资福利支出", "商品和服务支出", "对个人和家庭的补助", "资本性支出"),
    ("一般公共预算", "政府性基金", "国有资本经营"),
)


def sum_claims(rt: RunText) -> list[Claim]:
    links = change_links(rt)
    claims: list[Claim] = []
    for match in _LIST.finditer(rt.text):
        claims += _list_claims(rt, match, links)
    return claims + _brackets(rt)


def _list_claims(rt: RunText, match: re.Match[str], links: list[Change]) -> list[Claim]:
    at, depth = match.start(), rt.depth[match.start()]
    head = _head(rt, at, depth)
    if not head:
        return []
    heads = [f for f in head if not f.change]
    head_change = next((link for link in links if link.delta in head and link.current in heads), None) \
        or next((link for link in links if link.delta is head[-1]), None)
    end = _list_end(rt, match.end(), depth, "；" if match[0] != "其中" else "")
    region, cut = _region(rt, match.end(), end, depth, heads[0] if heads else None)
    if not cut and end < len(rt.text) and rt.text[end - 1] not in "）)" and len(heads) <= 1:
        region += _continued(rt, heads[0] if heads else None, head_change, end)
    items = [f for f in region if not f.change]
    claims: list[Claim] = []
    partial = not match[0].startswith("分别")
    if match[0] == "为" and len(items) < 2:
        return []  # “为预算数120万元的83%”: one amount after 为 is no list
    if len(heads) == 1 and items:
        claims.append(_opened_by(_sum(rt, heads[0], items, partial), match[0]))
        claims += _shares(rt, heads[0], items)
    elif len(heads) > 1:
        positional = _positional(rt, heads, items)
        if not positional:  # the list is of the last head alone (“…人员经费80万元，其中…”)
            region, _ = _region(rt, match.end(), end, depth, heads[-1])
            items = [f for f in region if not f.change]
        claims += positional or (
            [_sum(rt, heads[-1], items, partial)] if items and not heads[-1].label.startswith(_NOT_SUMMED)
            else [])
    if head_change is not None:
        claims += _change_sum(rt, head_change, region, links, claims)
    return claims


def _head(rt: RunText, at: int, depth: int) -> list[Figure]:
    """The figures of the clause the list keyword follows, when the keyword follows them
    directly; for a keyword opening a clause with no figure (“。收入包括：”), the one amount
    ending the sentence before."""
    start = clause_start(rt.text, at, _HEAD_ENDS)
    head = [f for f in rt.figures
            if start <= f.start and f.unit_end <= at and f.is_money and f.depth == depth]
    if head:
        if _GAP.fullmatch(rt.text, head[-1].unit_end, at):
            return head
        # “资金346.87万元，统一计入财政拨款收入，具体为A 11.60万元、B 335.27万元”: 具体为 spells out
        # the last amount before it, words between or not.
        return head[-1:] if _SPELLED_OUT.match(rt.text, at) and at - head[-1].unit_end <= _SPELLED_GAP else []
    if start == 0 or not re.fullmatch(r"[\s\w]{0,4}", rt.text[start:at]):
        return []
    previous = clause_start(rt.text, start - 1, _HEAD_ENDS)
    sibling = _LIST.search(rt.text, previous, start)
    if sibling is not None and re.fullmatch(r"[\s\w]{0,4}", rt.text[previous:sibling.start()]):
        # “收入包括：…；支出包括：…”: both lists of one total
        return _head(rt, sibling.start(), depth) if rt.text[start:at].strip() else []
    if rt.text[start - 1] not in SENTENCE_ENDS:
        return []
    head = [f for f in rt.figures if previous <= f.start < start and f.is_money and f.depth == depth]
    if not head or not _GAP.fullmatch(rt.text, head[-1].unit_end, start - 1):
        return []
    if rt.text[start:at].strip():  # “收入包括”: the sentence before ends with its total
        return [] if head[-1].change else head[-1:]
    return head


def _list_end(rt: RunText, start: int, depth: int, more_ends: str = "") -> int:
    """Where the list from ``start`` ends: its sentence end, the next list keyword or the
    bracket closing it; a list after 包括 (often nested in one after 其中) ends at ； too."""
    marks = SENTENCE_ENDS + more_ends
    for index in range(start, len(rt.text)):
        char, here = rt.text[index], rt.depth[index]
        if here < depth or (here == depth and (char in marks or _opens_list(rt.text, index))):
            return index + 1 if char in SENTENCE_ENDS else index
    return len(rt.text)


def _opens_list(text: str, index: int) -> bool:
    # A plain test of the first character passes most characters without trying the pattern.
    return text[index] in _LIST_FIRST and _LIST.match(text, index) is not None


def _region(rt: RunText, start: int, end: int, depth: int, total: Figure | None) -> tuple[list[Figure], bool]:
    """The amounts of the list from ``start`` to ``end``, up to a clause on a peer of
    ``total``; and whether such a clause cut it."""
    peer = None if total is None else _peer_clause(rt, total, start, end, depth)
    stop = end if peer is None else peer
    region = [f for f in rt.figures if start <= f.start < stop and f.depth == depth and f.is_money]
    return region, peer is not None


def _peer_clause(rt: RunText, total: Figure, start: int, end: int, depth: int) -> int | None:
    """The first ； of the list from ``start`` to ``end`` that opens a clause on a peer of
    ``total`` rather than on a part of it, if any."""
    marks = [mark.start() for mark in _SEMICOLON.finditer(rt.text, start, end)
             if rt.depth[mark.start()] == depth]
    for semicolon, stop in zip(marks, [*marks[1:], end], strict=False):
        first = next((f for f in rt.figures if semicolon < f.start < stop and f.depth == depth
                      and f.is_money and not f.change), None)
        if first is not None and _is_peer(rt, total, first):
            return semicolon
    return None


def _is_peer(rt: RunText, total: Figure, figure: Figure) -> bool:
    """A part is never larger than its whole, never opens a 其中 list of its own after the
    whole's, and never names the whole's sibling."""
    return _larger(figure, total) or _OWN_LIST.match(rt.text, figure.unit_end) is not None \
        or _siblings(total.label, figure.label)


def _siblings(total: str, label: str) -> bool:
    """Whether the two labels name two amounts of one level (基本支出 and 项目支出)."""
    return any(
        any(name in total for name in group) and any(name in label for name in group)
        and not any(name in total and name in label for name in group)
        for group in _PEER_GROUPS)


def _larger(part: Figure, total: Figure) -> bool:
    try:
        low = part.number.in_unit(total.number.unit).interval().low
    except NumberError:
        return False
    return low > total.number.interval().high


def _continued(rt: RunText, total: Figure | None, change: Change | None, end: int) -> list[Figure]:
    """Figures of the sentences after the list that go on with it."""
    found: list[Figure] = []
    while end < len(rt.text):
        stop = rt.sentence_of(end)[1]
        sentence = [f for f in rt.figures if end <= f.start < stop and f.is_money and f.depth == 0]
        amounts = [f for f in sentence if not f.change]
        if "其中" in rt.text[end:stop] or not all(_goes_on(rt, f, total, change) for f in amounts):
            break
        found += sentence
        end = stop
    return found


def _goes_on(rt: RunText, figure: Figure, total: Figure | None, change: Change | None) -> bool:
    share = SHARE.match(rt.text, figure.unit_end)
    if share and total is not None and (not share["whole"] or same_label(share["whole"], total.label)):
        return True
    return change is not None and bool(re.match(r"[，\s]*(?:同比|较上年|比上年)", rt.text[figure.unit_end:]))


def _sum(rt: RunText, total: Figure, parts: list[Figure], partial: bool) -> Claim:
    return Claim("sum", rt.stated(total), tuple(map(rt.stated, parts)),
                 rt.evidence(total.start, parts[-1].start), partial)


def _opened_by(claim: Claim, keyword: str) -> Claim:
    """The claim with its first part's label freed of the word opening the list (“为A项目”)."""
    first = claim.terms[0]
    if keyword != "为" or not first.label.startswith(keyword):
        return claim
    return replace(claim, terms=(replace(first, label=first.label[1:]), *claim.terms[1:]))


def _shares(rt: RunText, total: Figure, parts: list[Figure]) -> list[Claim]:
    claims = []
    for part in parts:
        share = SHARE.match(rt.text, part.unit_end)
        if not share or (share["whole"] and not same_label(share["whole"], total.label)):
            continue
        rate = rt.figure_at(share.start("number"))
        if rate is None:
            continue
        label = f"{part.label}占{total.label}的比重"
        claims.append(Claim("share", rt.stated(rate, label), (rt.stated(part), rt.stated(total)),
                            rt.evidence(part.start, rate.start)))
    return claims


def _positional(rt: RunText, heads: list[Figure], items: list[Figure]) -> list[Claim]:
    """One sum per position when every item clause states as many amounts as the head."""
    clauses: list[list[Figure]] = [[]]
    for figure in items:
        if clauses[-1] and any(mark in rt.text[clauses[-1][-1].unit_end:figure.start] for mark in "；。"):
            clauses.append([])
        clauses[-1].append(figure)
    if len(clauses) < 2 or any(len(clause) != len(heads) for clause in clauses):
        return []
    return [_sum(rt, total, [clause[index] for clause in clauses], partial=True)
            for index, total in enumerate(heads) if not total.label.startswith(_NOT_SUMMED)]


def _change_sum(rt: RunText, head: Change, region: list[Figure], links: list[Change],
                claims: list[Claim]) -> list[Claim]:
    changes = [link for link in links if link.delta in region]
    if len(changes) < 2:
        return []
    amounts = next((c for c in claims if c.kind == "sum" and head.current is not None
                    and c.stated.where == rt.stated(head.current).where), None)
    complete = amounts is not None and _adds_up(amounts) and all(
        any(link.current is not None and rt.stated(link.current).where == term.where for link in changes)
        or term.number.value == 0 for term in amounts.terms)
    terms = tuple(rt.stated(link.delta, change_label(link), link.sign) for link in changes)
    total = rt.stated(head.delta, change_label(head), head.sign)
    first, last = head.delta.start, changes[-1].delta.start
    evidence = rt.text[sentence_start(rt.text, first):sentence_end(rt.text, last)]
    return [Claim("change_sum", total, terms, evidence.strip(), partial=True, complete=complete)]


def _adds_up(claim: Claim) -> bool:
    return sum_verdict(claim) in (Verdict.HOLDS, Verdict.WITHIN_ROUNDING)


def sum_verdict(claim: Claim) -> Verdict:
    """Whether a ``sum`` claim's parts add up to its total."""
    total = claim.stated.number
    return check_sum(total, [term.number.in_unit(total.unit) for term in claim.terms]).verdict


def _brackets(rt: RunText) -> list[Claim]:
    claims = []
    for total in rt.money:
        rest = rt.text[total.unit_end:]
        if not rest.lstrip().startswith(("（", "(")):
            continue
        opened = total.unit_end + len(rest) - len(rest.lstrip())
        end = _list_end(rt, opened + 1, rt.depth[opened])
        inside = rt.text[opened:end]
        parts = [f for f in rt.money if opened < f.start < end and f.depth == rt.depth[opened]]
        if len(parts) >= 2 and "其中" not in inside:
            claims.append(_sum(rt, total, parts, partial=bool(re.search("含|包括", inside))))
    return claims
