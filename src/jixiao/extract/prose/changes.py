"""Year-on-year changes stated in prose, and the differences they imply.

* **change** — “X万元，同比|较上年|比上年度|与上年相比|较2020年度决算数 增加|减少 d万元，增长|下降|
  增幅|降幅 p%”: p against d / (X ∓ d), the prior derived from the stated figures. A comparison
  with the budget (“与2021年度预算相比”, “与年初预算数相比”) or with last year's spending (“与上年
  支出数相比”) reads the same way, the budget or that spending being the base; the change is
  labelled 比预算 or 比上年 as the text compares. A change with its rate whose 上年 the report
  states elsewhere (a table row, an earlier sentence: :mod:`.priors`) is read as **change_prior**.
* **change_prior** — the prior itself stated (“较上年2.08减少0.03万元，减少了1.44%”): p against
  (X − prior) / prior; and a **difference**: d against prior − X.
* **difference** — “支出2.05万元，年初预算为2万元，差值为0.05万元”: the difference of the two
  amounts before it, larger minus smaller.

The current amount X is the nearest amount before the comparison in the same clause (up to 。
or ；); when the clause starts with the comparison (“…的资金。较2020年度决算数减少…”), the one
amount of the sentence before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from jixiao.extract.amounts import MONEY, NUMBER, Figure
from jixiao.extract.prose.reading import Claim, RunText, Stated
from jixiao.numbers import NumberError, parse_stated

_COMPARE = (r"(?:同比|(?:比|较|与|对比|相较于?|相比于?)\s*(?:(?:上一?年度?|去年|\d{4}\s*年度?)(?:同期)?\s*"
            r"(?:决算数?|预算数?|支出数?)?|(?:年初|全年|调整后?)?预算数?)\s*(?:相比|相较)?)")
_WAY = r"增加|减少|增长|下降|降低|上升|增|减"
CHANGE = re.compile(
    rf"(?P<compare>{_COMPARE})[，\s]*(?:(?P<prior>{NUMBER})\s*(?:{MONEY})?\s*)?"
    rf"[（]?(?P<way>{_WAY})[）]?了?\s*(?P<delta>{NUMBER})\s*(?:{MONEY})")
RATE = re.compile(  # the comparison may be said again (“减少38万元，同口径比2018年下降7.4%”)
    rf"[，、\s]*(?:同口径)?(?:{_COMPARE})?[（]?(?P<way>增长|下降|减少|增加|降低|上升|增幅|减幅|降幅|增|减)[）]?"
    rf"(?:了|幅度?|率)?(?:为|是)?\s*(?P<rate>{NUMBER})\s*%")
_DIFFERENCE = re.compile(rf"(?:差值|差额|相差)(?:为|是)?\s*(?P<delta>{NUMBER})\s*(?:{MONEY})")
_OVERRUN = re.compile(rf"(?:超出|超过)(?:了)?(?:预算|计划)(?:金额|资金|数)?(?:为|是|了)?\s*"
                      rf"(?P<delta>{NUMBER})\s*(?:{MONEY})|超支(?:了)?(?:金额|资金)?(?:为|是)?\s*(?P<spent>{NUMBER})\s*(?:{MONEY})")
_SENTENCE_ENDS = "。！？"
_UP = ("增", "上升")
_WAY_BEFORE = re.compile(rf"[（]?({_WAY})[）]?了?\s*$")
CLAUSE_ENDS = "。！？；："


@dataclass(frozen=True, slots=True)
class Change:
    """A change stated for ``current``: its amount ``delta`` with ``sign`` (−1 for 减少)."""

    current: Figure | None
    delta: Figure
    sign: int


def clause_start(text: str, position: int, marks: str = CLAUSE_ENDS) -> int:
    return max(text.rfind(mark, 0, position) for mark in marks) + 1


def sign_of(word: str) -> int:
    return 1 if word.startswith(_UP) else -1


def change_links(rt: RunText) -> list[Change]:
    """Every 增减额 in the run, with the amount it is the change of when a comparison states
    it (“X万元，同比减少 d万元”), else without (“公务接待费支出决算减少450.00元”). Read once
    per run: three readers ask."""
    if rt.links is None:
        rt.links = _links(rt)
    return list(rt.links)


def comparisons(rt: RunText) -> tuple[re.Match[str], ...]:
    """Every change the run states with its comparison (:data:`CHANGE`), found once: five
    readers ask."""
    if rt.compared is None:
        rt.compared = tuple(CHANGE.finditer(rt.text))
    return rt.compared


def _links(rt: RunText) -> tuple[Change, ...]:
    links = {}
    for match in comparisons(rt):
        delta = rt.figure_at(match.start("delta"))
        if delta is not None and delta.is_money:
            current = _current(rt, match.start(), match["compare"])
            links[delta.start] = Change(current, delta, sign_of(match["way"]))
    for figure in rt.changes:
        way = _WAY_BEFORE.search(rt.text, max(figure.start - 6, 0), figure.start)
        if figure.start not in links and way is not None:
            links[figure.start] = Change(None, figure, sign_of(way[1]))
    return tuple(sorted(links.values(), key=lambda link: link.delta.start))


def change_label(link: Change) -> str:
    """“公务接待费支出增减额”, or the words before a change stated without its amount."""
    if link.current is not None:
        return f"{link.current.label}增减额"
    return re.sub(r"(?:比|较)\S*$|[（(]?(?:增加|减少|增|减)[）)]?了?$", "", link.delta.label) + "增减额"


def _current(rt: RunText, at: int, compare: str = "") -> Figure | None:
    start = clause_start(rt.text, at)
    before = [f for f in rt.money if start <= f.start and f.unit_end <= at and f.depth == rt.depth[at]]
    if before:
        return before[-1]
    if start > 0 and _BOTH_SIDES.fullmatch(rt.text[start:at].strip()):
        return _balanced(rt, clause_start(rt.text, start - 1, "。！？"), start)
    if rt.text[start:at].strip() not in ("", "同口径") or start == 0 or rt.text[start - 1] not in "。；":
        return None
    # “社会保障和就业支出467.99万元：主要用于…支出。较2020年度决算数减少…”: a clause of words
    # between the amount and its comparison is passed over.
    # “…预算为3328万元。其中，A 50万元，B 478万元。同口径比2018年减少830万元”: a list of parts is
    # passed over too, the change being of their whole.
    for _ in range(_CLAUSES_BACK):
        previous = clause_start(rt.text, start - 1)
        candidates = [f for f in rt.money if previous <= f.start < start and f.depth == 0]
        if (candidates and not _LISTED.match(rt.text, previous)) or previous == 0:
            break
        start = previous
    return _subject(rt, candidates, compare)


_CLAUSES_BACK = 2
_BOTH_SIDES = re.compile(r"收、?支(?:总计|合计|总额)?")
"""A subject naming income and spending at once (“收支较上年决算数减少…”)."""


def _balanced(rt: RunText, start: int, end: int) -> Figure | None:
    """The amount of a balanced budget the sentence from ``start`` to ``end`` states: its
    amounts are one of 收入 and one of 支出, equal (“收入总计23,866.88万元，支出总计23,866.88万元”)."""
    amounts = [f for f in rt.money if start <= f.start < end and f.depth == 0]
    if len(amounts) != 2:
        return None
    income, spending = amounts
    if (income.number.value, income.number.unit) != (spending.number.value, spending.number.unit):
        return None
    return income if "收入" in income.label and "支出" in spending.label else None
_INCLUDED = re.compile(r"含|其中|包括")
_LISTED = re.compile(r"\s*其中")
_BUDGET = re.compile(r"(?<!公共)预算")


def _subject(rt: RunText, candidates: list[Figure], compare: str) -> Figure | None:
    """The amount a comparison opening its clause is of, among those of the clause before: not
    one listed as included (“总预算4,471.22万元，含…经费250万元”), nor a budget when the change
    is against last year (“预算为1万元，支出决算为0.53万元…；较上年减少0.47万元”)."""
    if not candidates:
        return None
    included = _INCLUDED.search(rt.text, candidates[0].unit_end, candidates[-1].start + 1)
    if included is not None:
        candidates = [f for f in candidates if f.start < included.start()]
    if compare and not _BUDGET.search(compare):
        spent = [f for f in candidates if not _BUDGET.search(f.label)]
        candidates = spent or candidates
    return candidates[0] if len(candidates) == 1 else None


PriorOf = Callable[[Figure, str], Stated | None]
"""The prior level the report states elsewhere for an amount changed as a comparison words it."""


def _none_stated(_current: Figure, _compare: str) -> Stated | None:
    return None


def change_claims(rt: RunText, stated_elsewhere: PriorOf = _none_stated) -> list[Claim]:
    """The run's changes: against the prior their clause states, or the base their comparison
    names; a change with its rate, against the prior ``stated_elsewhere`` finds; else with the
    prior worked out from the amount (``change``)."""
    claims = []
    for match in comparisons(rt):
        delta = rt.figure_at(match.start("delta"))
        current = _current(rt, match.start(), match["compare"])
        if delta is None or current is None:
            continue
        sign = sign_of(match["way"])
        rate_match = RATE.match(rt.text, delta.unit_end)
        rate = rt.figure_at(rate_match.start("rate")) if rate_match else None
        prior = _prior(rt, match, current) or _named_base(rt, match, current)
        if prior is None and rate is not None:
            prior = stated_elsewhere(current, match["compare"])
        change = rt.stated(delta, f"比{base_of(match['compare'])}{match['way']}", sign)
        if prior is not None:
            pair = (prior, rt.stated(current)) if sign < 0 else (rt.stated(current), prior)
            claims.append(Claim("difference", change, pair, rt.evidence(current.start, delta.start)))
        if rate is None or rate_match is None:
            continue
        label = f"{current.label}{rate_match['way']}率"
        stated_rate = rt.stated(rate, label, sign_of(rate_match["way"]))
        evidence = rt.evidence(current.start, rate.start)
        if prior is not None:
            claims.append(Claim("change_prior", stated_rate, (rt.stated(current), prior), evidence))
        else:
            claims.append(Claim("change", stated_rate, (rt.stated(current), change), evidence))
    return claims


def base_of(compare: str) -> str:
    """What a change is against, in its label: 上年, or 预算 for a comparison with the budget
    (“与年初预算数相比”, “较2021年度预算数”)."""
    return "预算" if "预算" in compare else "上年"


def _prior(rt: RunText, match: re.Match[str], current: Figure) -> Stated | None:
    if not match["prior"]:
        return None
    try:
        number = parse_stated(match["prior"]).model_copy(update={"unit": current.number.unit})
    except NumberError:
        return None
    where = rt.place(match.start("prior"), match.end("prior"))
    return Stated(f"{base_of(match['compare'])}{current.label}", number, where)


_BASE_NOUN = re.compile(r"^(?:比|较|与|对比|相较于?|相比于?)\s*"
                        r"(?P<noun>(?:年初|全年|调整后?)?预算数?|上年支出数?)\s*(?:相比|相较)?$")


def _named_base(rt: RunText, match: re.Match[str], current: Figure) -> Stated | None:
    """The amount a comparison names by its label, stated before the current one in the same
    sentence (“年初预算 1022.89 万元，年中调整预算为 1781.86 万元，比年初预算增加 758.97 万元”)."""
    named = _BASE_NOUN.match(match["compare"].strip())
    if named is None:
        return None
    noun = named["noun"].removesuffix("数")
    start = clause_start(rt.text, current.start, _SENTENCE_ENDS)
    before = [f for f in rt.money if start <= f.start < current.start and f.depth == current.depth]
    base = next((f for f in reversed(before) if f.label.removesuffix("数").endswith(noun)), None)
    return None if base is None else rt.stated(base)


def difference_claims(rt: RunText) -> list[Claim]:
    claims = []
    for match in _DIFFERENCE.finditer(rt.text):
        delta = rt.figure_at(match.start("delta"))
        start = clause_start(rt.text, match.start())
        before = [f for f in rt.money if start <= f.start and f.unit_end <= match.start()]
        if delta is None or len(before) != 2:
            continue
        low, high = sorted(before, key=lambda f: f.number.in_unit(delta.number.unit).value)
        claims.append(Claim("difference", rt.stated(delta, "差值"), (rt.stated(high), rt.stated(low)),
                            rt.evidence(before[0].start, delta.start)))
    return claims


def overrun_claims(rt: RunText) -> list[Claim]:
    """“申请补贴312.40万元；实际发放345.16万元，超出预算金额23.76万元”: the amount spent (the last
    before the words) less the budget (the one before it), in the same sentence."""
    claims = []
    for match in _OVERRUN.finditer(rt.text):
        group = "delta" if match["delta"] is not None else "spent"
        delta = rt.figure_at(match.start(group))
        start = clause_start(rt.text, match.start(), _SENTENCE_ENDS)
        before = [f for f in rt.money if start <= f.start and f.unit_end <= match.start()]
        if delta is None or len(before) < 2:
            continue
        budget, spent = before[-2:]
        claims.append(Claim("difference", rt.stated(delta, "超出预算金额"),
                            (rt.stated(spent), rt.stated(budget)), rt.evidence(budget.start, delta.unit_end)))
    return claims
