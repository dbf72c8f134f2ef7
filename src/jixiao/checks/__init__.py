"""The rule catalogue: small pure rules over an evaluation, run by one driver."""

from jixiao.checks.registry import CheckContext, Rule
from jixiao.checks.run import INTERNAL_ERROR, catalogue, run_checks

__all__ = ["INTERNAL_ERROR", "CheckContext", "Rule", "catalogue", "run_checks"]
