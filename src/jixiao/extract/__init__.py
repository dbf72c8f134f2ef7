"""Relations stated in a report's prose, and the findings on them (JX-TEXT-001…003)."""

from __future__ import annotations

from jixiao.extract.check_claims import check_claims
from jixiao.extract.claims import Claim, Stated, extract_claims

__all__ = ["Claim", "Stated", "check_claims", "extract_claims"]
