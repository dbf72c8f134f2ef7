"""Organisations as one tree, users with one role at one organisation.

Each organisation stores its materialised path (``/1/4/9/``: its ancestors' ids and its own),
so "a department and everything under it" is one indexed query on the path's prefix.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import QuerySet


class OrgKind(models.TextChoices):
    REGION = "region", "财政局（地区）"
    DEPARTMENT = "department", "主管部门"
    UNIT = "unit", "预算单位"


class OrganisationQuerySet(QuerySet["Organisation"]):
    def within(self, root: Organisation) -> OrganisationQuerySet:
        """``root`` and everything under it."""
        return self.filter(path__startswith=root.path)

    def units(self) -> OrganisationQuerySet:
        return self.filter(kind=OrgKind.UNIT)


class Organisation(models.Model):
    """A 财政局's region, a 主管部门 or a 预算单位. ``parent`` is empty for a region only."""

    name = models.CharField("名称", max_length=200)
    kind = models.CharField("类别", max_length=20, choices=OrgKind.choices)
    code = models.CharField("预算编码", max_length=50, blank=True)
    parent = models.ForeignKey(
        "self", verbose_name="上级", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    path = models.CharField("路径", max_length=255, editable=False, db_index=True, default="")

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = "组织"
        verbose_name_plural = "组织"
        ordering = ["path"]
        constraints = [models.UniqueConstraint(fields=["parent", "name"], name="unique_name_per_parent")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        """Save, then set the path from the parent's (the id is known only after the insert)."""
        super().save(*args, **kwargs)  # type: ignore[arg-type]
        path = f"{self.parent.path if self.parent else '/'}{self.pk}/"
        if path != self.path:
            Organisation.objects.filter(pk=self.pk).update(path=path)
            self.path = path

    def region(self) -> Organisation:
        """The 财政局 region this organisation belongs to."""
        region_id = int(self.path.strip("/").split("/")[0])
        return self if region_id == self.pk else Organisation.objects.get(pk=region_id)

    def contains(self, other: Organisation) -> bool:
        return other.path.startswith(self.path)


class Role(models.TextChoices):
    PREPARER = "preparer", "单位填报人"
    UNIT_HEAD = "unit_head", "单位负责人"
    DEPARTMENT_REVIEWER = "department_reviewer", "主管部门审核人"
    FINANCE_REVIEWER = "finance_reviewer", "财政审核人"
    ADMIN = "admin", "管理员"


UNIT_ROLES = frozenset({Role.PREPARER, Role.UNIT_HEAD})
REVIEWER_ROLES = frozenset({Role.DEPARTMENT_REVIEWER, Role.FINANCE_REVIEWER})


class User(AbstractUser):
    """A person with one role at one organisation: a unit's users at their unit, a
    主管部门审核人 at the department, a 财政审核人 at the region; a 管理员 anywhere."""

    role = models.CharField("角色", max_length=30, choices=Role.choices, default=Role.PREPARER)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name="所属组织",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    full_name = models.CharField("姓名", max_length=100, blank=True)

    class Meta:
        verbose_name = "用户"
        verbose_name_plural = "用户"

    def __str__(self) -> str:
        return self.full_name or self.username

    @property
    def is_unit_user(self) -> bool:
        return self.role in UNIT_ROLES

    @property
    def is_reviewer(self) -> bool:
        return self.role in REVIEWER_ROLES

    def visible_organisations(self) -> QuerySet[Organisation]:
        """Every organisation this user may see: their own and everything under it."""
        if self.role == Role.ADMIN or self.is_superuser:
            return Organisation.objects.all()
        if self.organisation is None:
            return Organisation.objects.none()
        return Organisation.objects.within(self.organisation)
