"""The same figure stated twice with different values."""

from __future__ import annotations

from jixiao.extract.reading import Claim, Stated


def repeat_claims(figures: list[Stated]) -> list[Claim]:
    return []
