"""What a 等级保护 review expects: lockout by username and address with a cool-off, session
timeout, CSRF, CSP and security headers, password rules, Chinese admin."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from web.conftest import PASSWORD, World


def _login(client: Client, username: str, password: str, address: str = "10.0.0.1") -> int:
    return client.post(reverse("login"), {"username": username, "password": password},
                       REMOTE_ADDR=address).status_code


def test_five_failures_lock_the_user_at_that_address_only(world: World) -> None:
    client = Client()
    assert [_login(client, "tianbao", "wrong-Password-1") for _ in range(4)] == [200] * 4
    assert _login(client, "tianbao", "wrong-Password-1") == 429
    locked = client.post(reverse("login"), {"username": "tianbao", "password": PASSWORD}, REMOTE_ADDR="10.0.0.1")
    assert locked.status_code == 429
    assert "该账号在本地址连续多次输错密码，已暂时锁定" in locked.content.decode()
    # A colleague behind the same address, and the same user elsewhere, still sign in.
    assert _login(Client(), "fuzeren", PASSWORD) == 302
    assert _login(Client(), "tianbao", PASSWORD, address="10.0.0.2") == 302
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 900


def test_a_wrong_password_is_told_in_chinese(world: World) -> None:
    response = Client().post(reverse("login"), {"username": "tianbao", "password": "nope-1234567"})
    assert "用户名或密码不正确。" in response.content.decode()


def test_the_session_ends_after_thirty_idle_minutes_and_with_the_browser() -> None:
    assert (settings.SESSION_COOKIE_AGE, settings.SESSION_SAVE_EVERY_REQUEST,
            settings.SESSION_EXPIRE_AT_BROWSER_CLOSE, settings.SESSION_COOKIE_HTTPONLY) == (1800, True, True, True)


def test_an_expired_session_goes_back_to_the_login_page(world: World) -> None:
    client = Client()
    assert _login(client, "tianbao", PASSWORD) == 302
    session = client.session
    session.set_expiry(-1)
    session.save()
    assert client.get(reverse("home")).status_code == 302


def test_a_post_without_the_csrf_token_is_refused(world: World) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["preparer"])
    assert client.post(reverse("step", args=[world.own.pk, "submit"])).status_code == 403


def test_every_page_carries_the_csp_and_security_headers(world: World) -> None:
    response = Client().get(reverse("login"))
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "object-src 'none'" in policy
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_pages_have_no_inline_script_and_load_nothing_from_elsewhere(world: World) -> None:
    client = Client()
    client.force_login(world.users["preparer"])
    page = client.get(reverse("editor", args=[world.own.pk])).content.decode()
    assert "<script>" not in page and "onclick=" not in page and "http://" not in page and "https://" not in page
    assert "/static/jixiao/htmx-2.0.11.min.js" in page


@pytest.mark.parametrize(("password", "code"), [
    ("Ab1xyz", "password_too_short"),
    ("qwertzuiopasd", "password_not_mixed"),
    ("84736251907", "password_entirely_numeric"),
])
def test_password_rules(password: str, code: str) -> None:
    with pytest.raises(ValidationError) as refused:
        validate_password(password)
    assert code in [error.code for error in refused.value.error_list]


def test_the_mixed_characters_rule_speaks_chinese() -> None:
    with pytest.raises(ValidationError) as refused:
        validate_password("qwertzuiopasd")
    assert "密码须同时包含字母和数字。" in refused.value.messages


def test_the_admin_speaks_chinese_whatever_the_browser_asks(world: World) -> None:
    client = Client()
    client.force_login(world.users["admin"])
    world.users["admin"].is_staff = world.users["admin"].is_superuser = True
    world.users["admin"].save()
    page = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "组织与账号" in page and "最近动作" in page and "Recent actions" not in page
