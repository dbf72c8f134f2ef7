"""`jixiao serve` and `jixiao worker`: migrations, the demo, the embedded worker and gunicorn.

The embedded default keeps everything in one data directory (SQLite, the file queue, uploads
and rendered files) and runs one Celery worker beside the web server, stopped with it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

WORKER_ARGS = ("--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel", "WARNING")


def configure(data_dir: Path | None) -> None:
    """Point this process (and the processes it starts) at the data directory; set Django up."""
    if data_dir is not None:
        os.environ["JIXIAO_DATA_DIR"] = str(data_dir.resolve())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings")
    import django

    django.setup()


def prepare(demo: bool) -> list[Any]:
    """Migrate the database, collect static files, load the demo when asked; return the demo's
    accounts (empty without ``--demo``)."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    if not demo:
        return []
    from jixiao.web.demo import load_demo

    return load_demo()


def start_embedded_worker() -> subprocess.Popen[bytes] | None:
    """A Celery worker on the data directory's queue, in its own process group, when no
    external broker is configured."""
    from jixiao.web.config import current

    if not current().embedded_broker:
        return None
    # Celery's English warning against root goes: `jixiao serve` says it in Chinese itself.
    quiet = os.environ | {"PYTHONWARNINGS": "ignore::UserWarning:celery.platforms"}
    return subprocess.Popen(worker_command(concurrency=1), start_new_session=True, env=quiet)


def worker_command(*, concurrency: int, queues: str = "celery") -> list[str]:
    return [
        sys.executable,
        "-m",
        "celery",
        "--quiet",
        "-A",
        "jixiao.web.celery_app",
        "worker",
        # Threads, not prefork: prefork's daemonic children may not start the budgeted child
        # process each upload is read in.
        "--pool",
        "threads",
        "--concurrency",
        str(concurrency),
        "-Q",
        queues,
        *WORKER_ARGS,
    ]


def stop(process: subprocess.Popen[bytes] | None) -> None:
    """Stop the worker and everything it started (LibreOffice included)."""
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def run_gunicorn(host: str, port: int, workers: int, on_ready: Callable[[], None]) -> None:
    """Serve the site with gunicorn in this process until it is stopped."""
    from gunicorn.app.base import BaseApplication

    class Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in {
                "bind": f"{host}:{port}",
                "workers": workers,
                "threads": 4,
                "timeout": 120,
                # Longer than a person's pause between clicks: a connection the browser keeps for
                # the next click must not be closed just as that click is sent on it.
                "keepalive": 30,
                "accesslog": None,
                "errorlog": "-",
                "loglevel": "warning",
                "when_ready": lambda server: on_ready(),
            }.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            from jixiao.web.wsgi import application

            return application

    Server().run()
