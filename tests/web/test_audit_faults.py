"""A worker killed in the middle of a batch of 200 files: real worker processes (`celery worker`
as `jixiao worker` starts it) on the real broker (Redis), on this test's database. The worker's
process group is killed with SIGKILL while it checks; when a worker runs again, the batch
finishes with every file checked and its result written exactly once: the files the dead worker
was checking are claimed a second time, none is lost, none gets two results."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from jixiao.web.audits.models import BatchAudit, BatchFile, FileStatus
from jixiao.web.server import worker_command
from web.conftest import BROKER, BROKER_PREFIX, World, client_for, redis_up

pytestmark = [pytest.mark.skipif(not redis_up(), reason="no Redis on 127.0.0.1:6379"),
              pytest.mark.django_db(transaction=True)]

FILES = 200
VISIBILITY_SECONDS = 15
"""How long a task taken by the dead worker waits before the broker hands it out again."""


def database_url() -> str:
    """This test's database, for the worker processes."""
    database = connection.settings_dict
    if database["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{database['NAME']}"
    return (f"postgresql://{database['USER']}:{database['PASSWORD']}@{database['HOST'] or '127.0.0.1'}:"
            f"{database['PORT'] or 5432}/{database['NAME']}")


def worker_environment() -> dict[str, str]:
    environment = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    return environment | {
        "DATABASE_URL": database_url(),
        "JIXIAO_DATA_DIR": str(Path(settings.MEDIA_ROOT).parent),
        "JIXIAO_BROKER_URL": BROKER,
        "JIXIAO_BROKER_PREFIX": BROKER_PREFIX,
        "JIXIAO_BROKER_VISIBILITY_SECONDS": str(VISIBILITY_SECONDS),
    }


class Workers:
    """Worker processes started for the test, each in a process group of its own."""

    def __init__(self, logs: Path) -> None:
        self.logs = logs
        self.running: list[subprocess.Popen[bytes]] = []

    def start(self, name: str) -> subprocess.Popen[bytes]:
        log = (self.logs / f"{name}.log").open("wb")
        process = subprocess.Popen(worker_command(concurrency=2), env=worker_environment(), stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True)
        self.running.append(process)
        return process

    def kill(self, process: subprocess.Popen[bytes]) -> None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)

    def stop_all(self) -> None:
        for process in self.running:
            if process.poll() is None:
                self.kill(process)


@pytest.fixture
def workers(tmp_path: Path) -> Iterator[Workers]:
    from jixiao.web.celery_app import app

    app.conf.broker_url = BROKER  # this process publishes the tasks
    app.conf.broker_transport_options = {"global_keyprefix": BROKER_PREFIX}
    started = Workers(tmp_path)
    try:
        yield started
    finally:
        started.stop_all()


def reports_zip() -> bytes:
    """200 tiny reports, each with one warning: its parts add up to more than its total."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(FILES):
            archive.writestr(f"报告{number:03d}.txt", f"一、收入情况\n收入总计{300 + number}万元，其中：财政拨款收入200万元，"
                                                     f"其他收入{150 + number}万元。\n")
    return buffer.getvalue()


def _counts(batch_id: int) -> dict[str, Any]:
    files = BatchFile.objects.filter(batch_id=batch_id)
    return {"closed": BatchAudit.objects.get(pk=batch_id).finished_at is not None,
            "finished": files.filter(status__in=[FileStatus.DONE, FileStatus.FAILED]).count(),
            "running": sorted(files.filter(status=FileStatus.RUNNING).values_list("number", flat=True))}


def _wait(batch_id: int, until: Any, seconds: float) -> dict[str, Any]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        counts = _counts(batch_id)
        if until(counts):
            return counts
        time.sleep(0.05)
    raise AssertionError(f"batch {batch_id}: {_counts(batch_id)}")


def test_a_killed_worker_loses_no_file_and_checks_none_twice(world: World, workers: Workers) -> None:
    response = client_for(world.users["finance_reviewer"]).post(
        reverse("audit_new"), {"files": [SimpleUploadedFile("200份.zip", reports_zip())]})
    batch_id = int(response.url.rstrip("/").split("/")[-1])
    first = workers.start("first")
    _wait(batch_id, lambda counts: counts["finished"] >= 40 and counts["running"], seconds=120)
    workers.kill(first)
    at_kill = _counts(batch_id)
    assert 40 <= at_kill["finished"] < FILES  # killed mid-batch; mid-file too, for the files still running

    workers.start("second")
    assert _wait(batch_id, lambda counts: counts["closed"], seconds=120)["finished"] == FILES
    batch = BatchAudit.objects.get(pk=batch_id)
    rows = list(batch.files.values_list("number", "status", "results", "attempts", "warning_count"))
    assert [(number, status, results, warnings) for number, status, results, _, warnings in rows] == [
        (number, "done", 1, 1) for number in range(1, FILES + 1)]  # one warning each
    twice = [number for number, _, _, attempts, _ in rows if attempts == 2]
    assert twice == at_kill["running"]
    assert all(attempts in {1, 2} for *_, attempts, _ in rows)
