"""Relations stated in prose (docs/domain.md §6): sums, shares and year-on-year changes.

* **sum** — “X万元，其中：A a万元…；B b万元…。” or “X万元（A a万元，B b万元）”. Parts are the
  amounts at the bracket depth of 其中 up to the sentence end (or the closing bracket), skipping
  增减 amounts; a list after 其中 is *partial* (it may leave items out). Following sentences whose
  first amount is a share of the total (“商品和服务支出 14.34 万元，占基本支出的 12.58%”) continue
  the list.
* **share** — “a万元，占<whole>的p%” where <whole> is the label of an amount stated earlier.
* **change** — “X万元，比上年增加|减少 d万元，增长|下降 p%”: prior = X ∓ d.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from jixiao.documents.model import Document
from jixiao.extract.amounts import MONEY, NUMBER, PERCENT, Figure, depths, figures
from jixiao.extract.text_runs import SENTENCE_ENDS, Run, line_starts, runs_of, sentence_end, sentence_start
from jixiao.findings import Place
from jixiao.numbers import StatedNumber

Kind = Literal["sum", "share", "change"]
_SHARE = re.compile(r"\s*[，,]?\s*占\s*(?P<whole>[^，,。；;：:\d%％\s]{1,20}?)\s*的?\s*"
                    rf"(?:比重|比例)?\s*(?:为|是)?\s*(?P<number>{NUMBER})\s*{PERCENT}")
_CHANGE = re.compile(
    r"\s*[，,]?\s*(?:对比|相比|相较|比|较)\s*(?:上年|去年|上年度|上一年度?)(?:同期)?\s*"
    rf"(?P<way>增加|减少|增长|下降|降低|上升)了?\s*(?P<delta>{NUMBER})\s*(?:{MONEY})\s*[，,]?\s*"
    rf"(?P<rate_way>增长|下降|减少|增加|降低|上升)(?:了|幅度为|率为|为)?\s*(?P<rate>{NUMBER})\s*{PERCENT}")
_UP = ("增加", "增长", "上升")
_WHOLE_SUFFIX = re.compile(r"(?:总数|总额|数)$")


@dataclass(frozen=True, slots=True)
class Stated:
    """One figure of a claim: label, number as written, place in ``Document.text`` and the sign
    its words give it (−1 for 减少/下降)."""

    label: str
    number: StatedNumber
    where: Place
    sign: int = 1


@dataclass(frozen=True, slots=True)
class Claim:
    """A relation stated in prose. ``stated`` is the figure checked (the total, the share %,
    the change %); ``terms`` the parts, (part, whole) or (current, change amount)."""

    kind: Kind
    stated: Stated
    terms: tuple[Stated, ...]
    evidence: str
    partial: bool = False


def extract_claims(document: Document) -> tuple[Claim, ...]:
    starts = line_starts(document.text)
    claims: list[Claim] = []
    for run in runs_of(document):
        claims += _RunReader(run, starts).claims()
    return tuple(claims)


class _RunReader:
    def __init__(self, run: Run, starts: tuple[int, ...]) -> None:
        self.run, self.starts, self.text = run, starts, run.text
        self.depth = depths(run.text)
        self.figures = figures(run.text, self.depth)
        self.money = [f for f in self.figures if f.is_money and not f.change]

    def claims(self) -> list[Claim]:
        found = [*self._sums(), *self._brackets()]
        for figure in self.money:
            found += self._share(figure) + self._change(figure)
        return sorted(found, key=lambda claim: claim.stated.where.start or 0)

    def stated(self, figure: Figure, label: str | None = None, sign: int = 1) -> Stated:
        where = self.run.place(figure.start, figure.end, self.starts)
        return Stated(figure.label if label is None else label, figure.number, where, sign)

    def evidence(self, start: int, end: int) -> str:
        return self.text[sentence_start(self.text, start):sentence_end(self.text, end)].strip()

    def _sums(self) -> list[Claim]:
        claims = []
        for match in re.finditer("其中", self.text):
            at, depth = match.start(), self.depth[match.start()]
            total = next((f for f in reversed(self.money) if f.unit_end <= at), None)
            if total is None or not re.fullmatch(r"[\s，,]*[（(]?\s*", self.text[total.unit_end:at]):
                continue
            end = self._list_end(match.end(), depth)
            parts = [f for f in self.money if match.end() <= f.start < end and f.depth == depth]
            if end < len(self.text) and self.text[end - 1] not in "）)":
                parts += self._continued(total, end)
            if parts:
                claims.append(self._sum(total, parts, partial=True))
        return claims

    def _list_end(self, start: int, depth: int) -> int:
        for index in range(start, len(self.text)):
            char, here = self.text[index], self.depth[index]
            ends = char in SENTENCE_ENDS or self.text.startswith("其中", index)
            if here < depth or (here == depth and ends):
                return index + 1 if char in SENTENCE_ENDS else index
        return len(self.text)

    def _continued(self, total: Figure, end: int) -> list[Figure]:
        parts = []
        for figure in self.money:
            if figure.start < end or figure.depth != total.depth:
                continue
            share = _SHARE.match(self.text, figure.unit_end)
            if sentence_start(self.text, figure.start) < end or not share \
                    or not _same(share["whole"], total.label):
                break
            parts.append(figure)
            end = sentence_end(self.text, figure.start)
        return parts

    def _brackets(self) -> list[Claim]:
        claims = []
        for total in self.money:
            rest = self.text[total.unit_end:]
            if not rest.lstrip().startswith(("（", "(")):
                continue
            opened = total.unit_end + len(rest) - len(rest.lstrip())
            end = self._list_end(opened + 1, self.depth[opened])
            inside = self.text[opened:end]
            parts = [f for f in self.money if opened < f.start < end and f.depth == self.depth[opened]]
            if len(parts) >= 2 and "其中" not in inside:
                claims.append(self._sum(total, parts, partial=bool(re.search("含|包括", inside))))
        return claims

    def _sum(self, total: Figure, parts: list[Figure], *, partial: bool) -> Claim:
        return Claim("sum", self.stated(total), tuple(map(self.stated, parts)),
                     self.evidence(total.start, parts[-1].start), partial)

    def _share(self, part: Figure) -> list[Claim]:
        match = _SHARE.match(self.text, part.unit_end)
        if not match:
            return []
        whole = next((f for f in reversed(self.money)
                      if f.start < part.start and f is not part and _same(match["whole"], f.label)), None)
        rate = next(f for f in self.figures if f.start == match.start("number"))
        if whole is None:
            return []
        label = f"{part.label}占{whole.label}的比重"
        return [Claim("share", self.stated(rate, label), (self.stated(part), self.stated(whole)),
                      self.evidence(part.start, rate.start))]

    def _change(self, current: Figure) -> list[Claim]:
        match = _CHANGE.match(self.text, current.unit_end)
        if not match:
            return []
        delta = next(f for f in self.figures if f.start == match.start("delta"))
        rate = next(f for f in self.figures if f.start == match.start("rate"))
        sign, rate_sign = (1 if match[key] in _UP else -1 for key in ("way", "rate_way"))
        return [Claim("change", self.stated(rate, f"{current.label}{match['rate_way']}率", rate_sign),
                      (self.stated(current), self.stated(delta, f"比上年{match['way']}", sign)),
                      self.evidence(current.start, rate.start))]


def _same(whole: str, label: str) -> bool:
    return bool(label) and _WHOLE_SUFFIX.sub("", whole) == _WHOLE_SUFFIX.sub("", label)
