"""The API against its own OpenAPI schema (schemathesis): requests generated from the schema,
valid and invalid, with a real token on the test database. No response is a server error, and
every response (status code, content type and body) is one the schema declares."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from jixiao.web.api.endpoints import api
from jixiao.web.api.models import ApiToken
from jixiao.web.evaluations.models import Job, JobKind
from web.conftest import World

CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance, content_type_conformance]

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


@pytest.fixture
def real_ids(world: World) -> dict[str, list[int]]:
    """Ids a generated request is pointed at: the preparer's own (found) and another unit's (404)."""
    job = Job.objects.create(kind=JobKind.RENDER, evaluation=world.own, user=world.users["preparer"], format="pdf")
    return {"evaluation_id": [world.own.pk, world.other.pk], "job_id": [job.pk, job.pk + 1000]}


@pytest.fixture
def token(world: World, queued_uploads_removed: None) -> Iterator[str]:
    """The preparer's token; requests keep the test's database connection (inside its
    transaction), as Django's own test client does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield ApiToken.issue(world.users["preparer"], "schemathesis")[1]
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_response_is_declared_and_none_is_a_server_error(
        case: schemathesis.Case, token: str, real_ids: dict[str, list[int]]) -> None:
    for name, value in (case.path_parameters or {}).items():
        if name in real_ids and isinstance(value, int) and value >= 1:  # a valid id: make it a real one
            case.path_parameters[name] = real_ids[name][value % 2]
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)


def test_the_api_document_lists_every_operation() -> None:
    """docs/api.md's table names each operation of the schema, and none the schema lacks."""
    document = (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text(encoding="utf-8")
    listed = {(method, re.sub(r"\{\w+\}", "{}", path)) for method, path in
              re.findall(r"^\| `(GET|POST|PUT|DELETE) (/api/[^`?]*)", document, re.MULTILINE)}
    operations = {(method.upper(), re.sub(r"\{\w+\}", "{}", path))
                  for path, item in api.get_openapi_schema()["paths"].items() for method in item}
    assert listed == operations
