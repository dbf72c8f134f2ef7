"""Who is calling: a token in ``Authorization: Bearer …``, or the browser's session (with its
CSRF token on every change)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from jixiao.web.api.models import ApiToken


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = ApiToken.holder(token)
        if user is not None:
            request.user = user
        return user


class BrowserSession(SessionAuth):
    """The signed-in user, unless the request names a token: a wrong token is refused as such,
    not judged by the session's CSRF rules."""

    def __call__(self, request: HttpRequest) -> Any:
        if "Authorization" in request.headers:
            return None
        return super().__call__(request)


AUTH = [TokenAuth(), BrowserSession()]
