"""Who may do what in 整改: every permission is about the evaluation it concerns."""

from __future__ import annotations

import rules

from jixiao.web.accounts.rules import can_see_evaluation, is_finance_reviewer_of, is_unit_user_of

rules.add_perm("rectification.view_rectification", can_see_evaluation)
rules.add_perm("rectification.issue_rectification", is_finance_reviewer_of)
rules.add_perm("rectification.respond_rectification", is_unit_user_of)
rules.add_perm("rectification.close_rectification", is_finance_reviewer_of)
