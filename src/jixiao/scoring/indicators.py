"""Score one 三级指标 under its 指标性质 (domain.md §3).

Quantitative natures compare the number read from 实际完成值 with the one read from 年度指标值.
A qualitative (定性) indicator has no score by rule: the unit chooses one inside a band, so
the rule only bounds it. Over-achievement earns nothing: no indicator scores above its 分值.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from jixiao.model import Indicator, IndicatorNature, nature_of_sign
from jixiao.numbers import ONE, ZERO, NumberError, StatedNumber, parse_stated, percent, quantize_half_up
from jixiao.profiles import Profile

_AT_MOST_MARKS = ("≤", "<=", "不高于", "不超过", "不多于", "以内", "以下", "小于等于")
_AT_LEAST_MARKS = ("≥", ">=", "不低于", "不少于", "以上", "大于等于")
_QUANTITY = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|元|%|％|人|个|户|次|篇|件|m²|平方米)?")


@lru_cache(maxsize=4096)
def read_quantity(text: str) -> StatedNumber | None:
    """The one number in a 指标值 (“≥95%”, “32户”, “1220万元”); ``None`` if none or several.
    A date (“2023年度完成”, “2023年12月底前”) is not a quantity."""
    found = _QUANTITY.findall(_YEAR.sub("", text.translate(_FULL_WIDTH_DIGITS)))
    if len(found) != 1:
        return None
    try:
        return parse_stated(found[0])
    except NumberError:
        return None


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d年(?:\d{1,2}月(?:\d{1,2}日)?)?")
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")


def infer_nature(indicator: Indicator) -> IndicatorNature:
    """指标性质 as stated, or read from the target when the unit left it empty.

    “≤…”/“不超过…” → ≤; “=100%” → =; “≥95%”, “不低于…” or a plain number → ≥ (正向, the
    common case); text without a single number → 定性. A plain number is never read as “=”:
    the unit must state it, in the 指标性质 or as the target's sign (as the forms print it,
    :func:`written_target`).
    """
    if indicator.nature is not None:
        return indicator.nature
    if indicator.not_applicable:
        return IndicatorNature.NOT_APPLICABLE
    target = indicator.target
    if read_quantity(target) is None:
        return IndicatorNature.QUALITATIVE
    signed = nature_of_sign(target)
    if signed is not None:
        return signed
    if any(mark in target for mark in _AT_MOST_MARKS):
        return IndicatorNature.AT_MOST
    return IndicatorNature.AT_LEAST


def written_target(indicator: Indicator) -> str:
    """年度指标值 as the forms print it: with the sign of its stated 指标性质 (“≤16.00万元”,
    “≥95%”, “=100%”) unless the target already says how it compares; 定性 and 不适用 targets
    are words, printed as written. Read back, :func:`infer_nature` gives the same nature."""
    target = indicator.target.strip()
    sign = indicator.nature.sign if indicator.nature is not None else None
    if sign is None or not target or _says_how_it_compares(target):
        return indicator.target
    return f"{sign}{target}"


def named_target(indicator: Indicator) -> str:
    """绩效目标 as a form without 三级指标 and 年度指标值 columns prints it (the 财政局 form's
    定量目标): “名称：指标值”, or whichever of the two there is, or the name alone when the target
    only repeats it."""
    target = written_target(indicator)
    if indicator.name and target and indicator.name != indicator.target:
        return f"{indicator.name}：{target}"
    return target or indicator.name


def _says_how_it_compares(target: str) -> bool:
    return nature_of_sign(target) is not None or any(
        mark in target for mark in (*_AT_MOST_MARKS, *_AT_LEAST_MARKS))


@dataclass(frozen=True, slots=True)
class IndicatorScore:
    """The rule's view of one indicator.

    ``rule_score`` is what the profile gives (``None`` for 定性, 不适用 and targets without a
    comparable number); ``achievement`` is 实际/目标 in % for quantitative natures;
    ``band`` the 定性 band the stated score falls in; ``note`` why no score could be computed.
    """

    index: int
    indicator: Indicator
    nature: IndicatorNature
    block: str
    rule_score: Decimal | None
    achievement: Decimal | None
    band: str | None
    note: str

    @property
    def weight(self) -> Decimal | None:
        return None if self.indicator.weight is None else self.indicator.weight.value

    @property
    def stated_score(self) -> Decimal | None:
        stated = self.indicator.stated_score
        return None if stated is None else stated.value

    @property
    def counted_score(self) -> Decimal | None:
        """The score that counts in the total: the rule's, else the unit's, capped by 分值."""
        if self.rule_score is not None:
            return self.rule_score
        if self.stated_score is None or self.weight is None:
            return None
        return min(self.stated_score, self.weight)

    @property
    def lost_points(self) -> bool:
        score = self.counted_score
        return self.weight is not None and score is not None and score < self.weight


def block_name(level1: str) -> str:
    """“产出指标\\n(50 分)” → “产出指标”: the 一级 name without its printed weight."""
    return re.split(r"[(（]", re.sub(r"\s+", "", level1), maxsplit=1)[0]


def score_indicator(index: int, indicator: Indicator, profile: Profile) -> IndicatorScore:
    nature = infer_nature(indicator)
    block = block_name(indicator.level1)
    if nature is IndicatorNature.NOT_APPLICABLE:
        return IndicatorScore(index, indicator, nature, block, None, None, None, "不适用")
    if nature is IndicatorNature.QUALITATIVE:
        band = _qualitative_band(indicator, profile)
        return IndicatorScore(index, indicator, nature, block, None, None, band, "定性指标由单位在档内自评")
    achievement, note = _achievement(indicator, nature)
    weight = indicator.weight
    if achievement is None or weight is None:
        return IndicatorScore(index, indicator, nature, block, None, None, None, note)
    score = quantize_half_up(min(achievement / 100, ONE) * weight.value, profile.score_decimals)
    return IndicatorScore(index, indicator, nature, block, score, achievement, None, "")


def _achievement(indicator: Indicator, nature: IndicatorNature) -> tuple[Decimal | None, str]:
    """完成度 (%) under the nature, capped nowhere: over-achievement stays visible here."""
    target, actual = read_quantity(indicator.target), read_quantity(indicator.actual)
    if target is None or actual is None:
        return None, "指标值或完成值中没有可比较的数值"
    if target.unit != actual.unit and actual.unit.value and target.unit.value:
        return None, f"指标值单位“{target.unit.value}”与完成值单位“{actual.unit.value}”不同"
    if nature is IndicatorNature.AT_LEAST:
        return (percent(actual.value, target.value) if target.value else Decimal(100)), ""
    if nature is IndicatorNature.AT_MOST:
        if actual.value <= target.value:
            return Decimal(100), ""
        return percent(target.value, actual.value), ""
    if target.value == ZERO:
        return (Decimal(100) if actual.value == ZERO else ZERO), ""
    deviation = abs(actual.value - target.value) / target.value
    return max(ONE - deviation, ZERO) * 100, ""


def _qualitative_band(indicator: Indicator, profile: Profile) -> str | None:
    if indicator.weight is None or indicator.stated_score is None or not indicator.weight.value:
        return None
    share = indicator.stated_score.value / indicator.weight.value * 100
    for band in sorted(profile.qualitative_bands, key=lambda band: band.low, reverse=True):
        if share >= band.low:
            return band.label
    return None
