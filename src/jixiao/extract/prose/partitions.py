"""Wholes whose parts are known by domain knowledge, stated across sentences and sections.

“三公”经费 is 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费; 基本支出 is 人员经费 + 公用经费,
or 工资福利支出 + 商品和服务支出 + 对个人和家庭的补助; 公务用车购置及运行维护费 is 购置费 +
运行维护费; 公务接待费 is 外事接待 + 国内公务接待. When a report states such a whole
(“2023年“三公”经费财政拨款支出决算为4.82万元”) and, after it, an amount for every one of its
parts before the whole is stated again (“因公出国（境）费支出决算0万元…公务用车购置及运行维护费支出
决算2.96万元…公务接待费支出决算1.63万元”), the parts name the whole of it: the list is complete
and must add up (a ``sum`` claim, not partial). Parts stated in one 其中 list are read by
:mod:`.sums`; this reader is for parts in other sentences, paragraphs or sections.

A part is an amount after the whole (增减 amounts are not amounts here) whose label names it and
no other part, in the whole's unit, saying 预算 or 决算 as the whole does; a part found twice
before all are found makes the list ambiguous, and nothing is claimed. The car item counts only
as a whole (公务用车购置及运行维护费), never its 购置 or 运行 part alone.

Changes read the same way: a whole's 增减额 (“基本支出预算较上年增加36.50万元”) followed by a
增减额 for every one of its parts (numbered items “1.工资福利支出较上年增加41.20万元…”) is a
complete ``change_sum``: the signed changes add up to the whole's. A part's change may leave
预算/决算 unsaid (the items of a 预算 change are 预算 changes), but may not say the other.

A whole stated after all its parts is read backwards the same way, as a warning (see
:func:`partition_claims`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from jixiao.extract.prose.reading import Claim, Kind, Stated

_CAR = re.compile(r"公务用车(?:购置)?(?:及|和|与)?运行(?:维护|维修)?费?|公务用车费")
"""The car item as a whole (购置及运行维护费), not its 购置 or 运行 part alone."""
_CAR_BOTH = re.compile(r"购置(?:及|和|与)?运行")
"""The car item named whole: after it, “公务用车运行维护费” is its 运行 part, not the item again."""
_CAR_RUNNING = re.compile(r"(?<![购置及和与])运行(?:维护|维修)?(?:费|支出|经费)")
_FAMILY = re.compile(r"对个人和家庭")
_RECEPTION_KIND = re.compile(r"国内|外事|外宾|境外|国（境）外")
"""A kind of reception: 国内公务接待费 is part of 公务接待费."""
NONE = re.compile(r"(?!)")
WHOLES: tuple[tuple[re.Pattern[str], tuple[re.Pattern[str], ...], re.Pattern[str]], ...] = (
    (re.compile(r"三公[”\"]?经费"), (re.compile(r"因公出国"), _CAR, re.compile(r"公务接待")), NONE),
    (re.compile(r"基本支出"), (re.compile(r"人员经费"), re.compile(r"公用经费")), _FAMILY),
    (re.compile(r"基本支出"), (re.compile(r"工资福利"), re.compile(r"商品和服务"), _FAMILY), NONE),
    (_CAR_BOTH, (re.compile(r"购置(?:费|支出|经费)"), _CAR_RUNNING), NONE),
    (re.compile(r"^公务接待"), (re.compile(r"外事接待|外宾接待"), re.compile(r"国内(?:公务)?接待")), NONE),
)
"""Each whole, its parts, and an item whose mention makes the parts not the whole (a form that
counts 对个人和家庭的补助 beside 人员经费 and 公用经费)."""
_PEERS = {"基本支出": re.compile(r"项目支出")}
"""The whole of the same level beside each: its amount opens a list of its own parts
(“项目支出 0元…其中：商品和服务支出预算 0元”), which are not the first whole's."""
_BASIS = re.compile(r"(?<!公共)预算|决算")
_RANGE = 40
"""How many amounts after the whole its parts are looked for in."""


@dataclass(frozen=True, slots=True)
class Mentioned:
    """An amount of the report, in text order: its figure and the sentence it stands in."""

    stated: Stated
    evidence: str


def partition_claims(amounts: list[Mentioned], changes: list[Mentioned]) -> list[Claim]:
    """``sum`` claims of the amounts, complete ``change_sum`` claims of the 增减额, and ``sum``
    claims of wholes stated after all their parts.

    A whole stated after an amount for every one of its parts (“工资福利支出预算 812345.60 元…
    对个人和家庭补助支出预算 51300.00 元…基本支出 1043855.60 元”) is read backwards from the whole,
    each part found once before another whole is met. Their labels name the whole differently
    than the whole does, so a mismatch is a warning (``before``)."""
    return [*_partitions(amounts, "sum", _same_basis),
            *_partitions(changes, "change_sum", _basis_said_or_implied),
            *_partitions(amounts, "sum", _basis_of_whole_said, backwards=True)]


def _partitions(mentions: list[Mentioned], kind: Kind, basis_agrees: Callable[[set[str], set[str]], bool],
                *, backwards: bool = False) -> list[Claim]:
    claims = []
    for index, whole in enumerate(mentions):
        for name, parts, beside in WHOLES:
            label = whole.stated.label
            if not name.search(label) or any(part.search(label) for part in parts):
                continue
            window = (mentions[max(0, index - _RANGE):index][::-1] if backwards
                      else mentions[index + 1:index + 1 + _RANGE])
            found = _parts(window, whole, name, parts, basis_agrees, backwards=backwards)
            if found is not None and not any(beside.search(mention.stated.label) for mention in window):
                claims.append(Claim(kind, whole.stated, tuple(part.stated for part in found),
                                    whole.evidence, complete=kind == "change_sum", before=backwards))
    return claims


def _sub_item(found: str, label: str) -> bool:
    """Whether ``label``, naming the same part as ``found``, names a part of it: the car item's
    运行 part after the whole item, 国内/外事 reception after 公务接待费."""
    if _CAR_BOTH.search(found) and not _CAR_BOTH.search(label):
        return True
    return _RECEPTION_KIND.search(label) is not None and _RECEPTION_KIND.search(found) is None


def _same_basis(whole: set[str], part: set[str]) -> bool:
    return part == whole


def _basis_said_or_implied(whole: set[str], part: set[str]) -> bool:
    return part <= whole


def _basis_of_whole_said(whole: set[str], part: set[str]) -> bool:
    """The parts say 预算 or 决算 as the whole does, or the whole says neither."""
    return whole <= part


def _parts(after: list[Mentioned], whole: Mentioned, name: re.Pattern[str],
           parts: tuple[re.Pattern[str], ...],
           basis_agrees: Callable[[set[str], set[str]], bool], *,
           backwards: bool = False) -> list[Mentioned] | None:
    basis = set(_BASIS.findall(whole.stated.label))
    peer = _PEERS.get(name.pattern)
    found: dict[int, Mentioned] = {}
    for mention in after:
        label = mention.stated.label
        if name.search(label) and not any(part.search(label) for part in parts):
            break  # the whole stated again: its own parts follow
        if peer is not None and peer.search(label) and not name.search(label):
            if not backwards:
                break  # the peer's own parts follow
            found.clear()  # the parts met so far, read backwards, were the peer's
            continue
        matching = [number for number, part in enumerate(parts) if part.search(label)]
        if len(matching) != 1 or not basis_agrees(basis, set(_BASIS.findall(label))) \
                or mention.stated.number.unit is not whole.stated.number.unit:
            continue
        if matching[0] in found:
            if _sub_item(found[matching[0]].stated.label, label):
                continue  # the part's own part, stated after the part
            return None  # a part stated twice: two lists, or a part's own parts
        found[matching[0]] = mention
        if len(found) == len(parts):
            return [found[number] for number in range(len(parts))]
    return None
