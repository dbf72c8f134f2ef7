"""Relations stated in a report's prose, and the findings on them (JX-TEXT-001…009)."""

from __future__ import annotations

from jixiao.extract.prose.check import check_claims
from jixiao.extract.prose.claims import Claim, Stated, extract_claims

__all__ = ["Claim", "Stated", "check_claims", "extract_claims"]
