"""``/health/``: a probe without login that answers ``ok`` while the database does, 503 when not."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap

import pytest
from django.test import Client


@pytest.mark.django_db
def test_health_answers_ok_without_login_and_sets_no_cookie() -> None:
    response = Client().get("/health/")
    assert (response.status_code, response.content, response["Content-Type"]) == (
        200, b"ok", "text/plain; charset=utf-8")
    assert "no-cache" in response["Cache-Control"]
    assert response.cookies == {}
    assert Client().head("/health/").status_code == 200


@pytest.mark.django_db
def test_health_takes_no_post() -> None:
    assert Client().post("/health/").status_code == 405


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_health_says_503_in_chinese_when_the_database_is_unreachable(tmp_path) -> None:
    # A site of its own whose PostgreSQL is a port nothing listens on: the real failure.
    script = textwrap.dedent("""
        import django
        django.setup()
        from django.test import Client
        response = Client().get("/health/")
        print(response.status_code, response.content.decode())
    """)
    environment = os.environ | {
        "DJANGO_SETTINGS_MODULE": "jixiao.web.settings",
        "JIXIAO_DATA_DIR": str(tmp_path),
        "JIXIAO_ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": f"postgresql://postgres@127.0.0.1:{_closed_port()}/jixiao",
    }
    finished = subprocess.run([sys.executable, "-c", script], env=environment, capture_output=True, text=True,
                              timeout=60, check=True)
    assert finished.stdout.strip() == "503 数据库无法连接"
