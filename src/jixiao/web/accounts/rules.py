"""Who may do what to which object: object permissions with ``rules``.

Every list is scoped by the same relation (:meth:`User.visible_organisations`), so a page
that lists evaluations and a page that opens one agree on what a user may see.
"""

from __future__ import annotations

from typing import Any

import rules

from jixiao.web.accounts.models import Organisation, OrgKind, Role, User


def _user(user: Any) -> User | None:
    return user if getattr(user, "is_authenticated", False) else None


def within(user: Any, organisation: Organisation) -> bool:
    """Whether ``organisation`` is the user's own or under it (a 管理员 sees everything)."""
    person = _user(user)
    if person is None:
        return False
    if person.role == Role.ADMIN or person.is_superuser:
        return True
    return person.organisation is not None and person.organisation.contains(organisation)


@rules.predicate
def is_admin(user: Any) -> bool:
    person = _user(user)
    return person is not None and (person.role == Role.ADMIN or person.is_superuser)


@rules.predicate
def is_finance_reviewer(user: Any) -> bool:
    person = _user(user)
    return person is not None and person.role == Role.FINANCE_REVIEWER


@rules.predicate
def is_department_reviewer(user: Any) -> bool:
    person = _user(user)
    return person is not None and person.role == Role.DEPARTMENT_REVIEWER


@rules.predicate
def can_see_evaluation(user: Any, evaluation: Any) -> bool:
    return within(user, evaluation.unit)


@rules.predicate
def is_unit_user_of(user: Any, evaluation: Any) -> bool:
    person = _user(user)
    return person is not None and person.is_unit_user and person.organisation_id == evaluation.unit_id


@rules.predicate
def is_department_reviewer_of(user: Any, evaluation: Any) -> bool:
    person = _user(user)
    return person is not None and person.role == Role.DEPARTMENT_REVIEWER and within(person, evaluation.unit)


@rules.predicate
def is_finance_reviewer_of(user: Any, evaluation: Any) -> bool:
    person = _user(user)
    return person is not None and person.role == Role.FINANCE_REVIEWER and within(person, evaluation.unit)


@rules.predicate
def can_manage_task(user: Any, task: Any) -> bool:
    person = _user(user)
    return person is not None and (
        (person.role == Role.FINANCE_REVIEWER and within(person, task.scope)) or is_admin(person)
    )


@rules.predicate
def can_start_for_unit(user: Any, unit: Any) -> bool:
    person = _user(user)
    return person is not None and person.is_unit_user and person.organisation_id == unit.pk


rules.add_perm("evaluations.view_evaluation", can_see_evaluation)
rules.add_perm("evaluations.edit_evaluation", is_unit_user_of)
rules.add_perm("evaluations.submit_evaluation", is_unit_user_of)
rules.add_perm("evaluations.review_evaluation", is_department_reviewer_of | is_finance_reviewer_of)
rules.add_perm("evaluations.finance_review_evaluation", is_finance_reviewer_of)
rules.add_perm("evaluations.department_review_evaluation", is_department_reviewer_of)
rules.add_perm("evaluations.publish_evaluation", is_finance_reviewer_of)
rules.add_perm("evaluations.issue_task", is_finance_reviewer | is_admin)
rules.add_perm("evaluations.manage_task", can_manage_task)
rules.add_perm("evaluations.start_evaluation", can_start_for_unit)
# 汇总分析 of a region or department: never a unit's, which sees no other unit.
rules.add_perm("evaluations.view_dashboard", is_finance_reviewer | is_department_reviewer | is_admin)


def has_department_review(unit: Organisation) -> bool:
    """Whether a 主管部门 above the unit has a 主管部门审核人, so its review comes first."""
    ancestors = [int(part) for part in unit.path.strip("/").split("/") if part]
    return User.objects.filter(
        role=Role.DEPARTMENT_REVIEWER,
        is_active=True,
        organisation__kind=OrgKind.DEPARTMENT,
        organisation_id__in=ancestors,
    ).exists()
