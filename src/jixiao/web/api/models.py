"""API tokens: made by their user on a page, shown once, kept only as a sha256 digest."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

TOKEN_PREFIX = "jx_"
LAST_USED_PRECISION = 60  # seconds: a busy client does not write the row on every request
LIFETIMES = {30: "30 天", 90: "90 天", 180: "180 天", 365: "1 年"}
"""How long a new token may be used, in days, and how the page names it; a key that leaks is
of use for a bounded time only."""
DEFAULT_LIFETIME = 90


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ApiToken(models.Model):
    """One user's key to the API, usable until it expires or is revoked; it acts with its user's
    permissions."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="用户", on_delete=models.CASCADE,
                             related_name="api_tokens")
    name = models.CharField("用途", max_length=100)
    digest = models.CharField(max_length=64, unique=True)
    hint = models.CharField("令牌开头", max_length=12)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    last_used_at = models.DateTimeField("最近使用", null=True, blank=True)
    revoked_at = models.DateTimeField("吊销时间", null=True, blank=True)
    expires_at = models.DateTimeField("有效期至")

    class Meta:
        verbose_name = "接口令牌"
        verbose_name_plural = "接口令牌"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name}（{self.hint}…）"

    @property
    def expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def active(self) -> bool:
        return self.revoked_at is None and not self.expired

    @classmethod
    def issue(cls, user: object, name: str, days: int = DEFAULT_LIFETIME) -> tuple[ApiToken, str]:
        """A new token for ``user``, usable for ``days``: the row and the token itself, which is
        never stored."""
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        row = cls.objects.create(user=user, name=name, digest=digest(token), hint=token[:10],
                                 expires_at=timezone.now() + timedelta(days=days))
        return row, token

    @classmethod
    def holder(cls, token: str) -> object | None:
        """The active user of an unrevoked, unexpired token, noting when it was used; ``None``
        otherwise."""
        row = cls.objects.select_related("user").filter(digest=digest(token), revoked_at=None).first()
        if row is None or row.expired or not row.user.is_active:
            return None
        now = timezone.now()
        if row.last_used_at is None or (now - row.last_used_at).total_seconds() > LAST_USED_PRECISION:
            cls.objects.filter(pk=row.pk).update(last_used_at=now)
        return row.user

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])
