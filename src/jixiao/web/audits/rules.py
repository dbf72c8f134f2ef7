"""Who may run and see batch audits: reviewers and administrators, within their organisation."""

from __future__ import annotations

from typing import Any

import rules

from jixiao.web.accounts.rules import is_admin, within


@rules.predicate
def is_reviewer(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.is_reviewer


@rules.predicate
def sees_batch(user: Any, batch: Any) -> bool:
    """The batch belongs to the user's organisation or one under it (a 管理员: any)."""
    if batch.organisation is None:
        return bool(is_admin(user))
    return within(user, batch.organisation)


rules.add_perm("audits.add_batchaudit", is_reviewer | is_admin)
rules.add_perm("audits.view_batchaudit", (is_reviewer | is_admin) & sees_batch)
