"""The web system under load: thousands of units' evaluations in PostgreSQL, gunicorn as
``jixiao serve`` runs it, and locust's simulated people working through their pages.

Run from the repository root (or anywhere), with PostgreSQL on 127.0.0.1:5432 (trust auth)::

    .venv/bin/python bench/bench_load.py [--units 5000] [--users 50] [--duration 120]

It creates a database of its own (``jixiao_bench``, dropped at the end unless ``--keep``), migrates
it and seeds it (``load_seed.seed``: a region, forty departments, the units with a 2023 evaluation
each, an account per person), starts ``jixiao serve`` on a free loopback port (gunicorn,
production settings: DEBUG off, PostgreSQL, ``--workers`` processes of 4 threads), warms it up,
then runs locust headless (``load_locustfile.py``) for ``--duration`` seconds: half the people
preparers, three in ten department reviewers, the rest finance reviewers, plus one ``/health/``
probe a second. Traffic goes to 127.0.0.1 only and stops by itself.

It prints, per page: requests, failures, p50 and p95 in ms, their ratio to ``/health/`` (the
trivial view, measured in the same run), and whether p95 meets its target (ordinary pages under
300 ms, the dashboard under 500 ms); then the errors (zero required), the CPU the server and
locust used and the machine's load. A benchmark, not a test: it always exits 0.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psutil
import psycopg

from rounds import load_line, verdict

HERE = Path(__file__).resolve().parent
LOCUSTFILE = HERE / "load_locustfile.py"
POSTGRES = "postgresql://postgres@127.0.0.1:5432"
DATABASE = "jixiao_bench"
TRIVIAL = "health (trivial view)"
ORDINARY_P95_MS = 300
DASHBOARD_P95_MS = 500
UNTARGETED = {
    "login (POST)": "no target: the password hash (PBKDF2, Django's 1,000,000 iterations) is slow by design",
}


@dataclass(frozen=True)
class PageStats:
    name: str
    requests: int
    failures: int
    p50: float
    p95: float


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def own_database(name: str, keep: bool) -> Iterator[str]:
    """A fresh PostgreSQL database for the run; its URL. Dropped afterwards unless ``keep``."""
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{POSTGRES}/{name}"
    finally:
        if not keep:
            with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def prepare_site(data_dir: Path, units: int, departments: int, accounts_file: Path) -> bool:
    """Migrate and seed the database (this process's environment names it); write the accounts
    the people sign in with. Whether the site has a dashboard."""
    from jixiao.web import server

    server.configure(data_dir)
    server.prepare(demo=False)
    from django.db import connections
    from django.urls import Resolver404, resolve

    from jixiao.web.evaluations.models import Status
    from load_seed import PASSWORD, refresh_statistics, seed

    started = time.perf_counter()
    seeded = seed(units=units, departments=departments)
    refresh_statistics()
    print(f"seeded {seeded.units} units under {seeded.departments} departments, {seeded.evaluations} "
          f"evaluations, {seeded.users} users in {time.perf_counter() - started:.0f} s: "
          + ", ".join(f"{status} {count}" for status, count in seeded.statuses.items()))
    accounts = {
        "password": PASSWORD,
        "preparers": seeded.preparers(Status.DRAFT),
        "department_reviewers": [f"d{i + 1:02d}" for i in range(departments)],
        "finance_reviewers": [f"f{i + 1:02d}" for i in range(10)],
    }
    accounts_file.write_text(json.dumps(accounts))
    connections.close_all()
    try:
        resolve("/dashboard/")
    except Resolver404:
        return False
    return True


@contextmanager
def serving(data_dir: Path, port: int, workers: int, log: Path) -> Iterator[psutil.Process]:
    """``jixiao serve`` on 127.0.0.1:``port`` until the block ends; its process."""
    command = [str(Path(sys.executable).with_name("jixiao")), "serve", "--data", str(data_dir),
               "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_healthy(f"http://127.0.0.1:{port}/health/", process)
        yield psutil.Process(process.pid)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def wait_healthy(url: str, process: subprocess.Popen[bytes], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"jixiao serve ended with {process.returncode} before it answered")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"{url} did not answer ok within {timeout:.0f} s")


SPAWN_PER_SECOND = 2
"""People who start (and sign in) per second: 50 sign-ins at once would be a burst of password
hashing no office produces, and would fill the measured window with it."""


def run_locust(url: str, people: int, seconds: int, prefix: Path, environment: dict[str, str]) -> None:
    """locust headless against ``url`` for ``seconds``, people starting at :data:`SPAWN_PER_SECOND`
    (bounded: killed past twice the time)."""
    command = [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "--host", url,
               "-u", str(people + 1), "-r", str(SPAWN_PER_SECOND), "-t", f"{seconds}s",
               "--stop-timeout", "10", "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING"]
    subprocess.run(command, env=environment, timeout=2 * seconds + 60, check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def read_stats(prefix: Path) -> list[PageStats]:
    with Path(f"{prefix}_stats.csv").open(newline="") as file:
        return [PageStats(row["Name"], int(row["Request Count"]), int(row["Failure Count"]),
                          float(row["50%"]), float(row["95%"]))
                for row in csv.DictReader(file) if row["Name"] != "Aggregated"]


def failures(prefix: Path) -> list[str]:
    with Path(f"{prefix}_failures.csv").open(newline="") as file:
        return [f"{row['Occurrences']}× {row['Method']} {row['Name']}: {row['Error']}"
                for row in csv.DictReader(file)]


def cpu_seconds(process: psutil.Process) -> float:
    """CPU seconds of ``process`` and its living children."""
    total = 0.0
    for each in [process, *process.children(recursive=True)]:
        try:
            times = each.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


def target_of(name: str) -> int | None:
    if name in UNTARGETED or name == TRIVIAL:
        return None
    return DASHBOARD_P95_MS if name.startswith("dashboard") else ORDINARY_P95_MS


def report(pages: list[PageStats], errors: list[str]) -> None:
    trivial = next((page for page in pages if page.name == TRIVIAL), None)
    print(f"    {'page':<22} {'requests':>8} {'fail':>5} {'p50 ms':>7} {'p95 ms':>7} {'p50/triv':>8} "
          f"{'p95/triv':>8}  target (p95)")
    for page in sorted(pages, key=lambda page: (page.name == TRIVIAL, page.name)):
        ratios = (f"{page.p50 / trivial.p50:8.1f} {page.p95 / trivial.p95:8.1f}" if trivial and trivial.p50
                  else f"{'—':>8} {'—':>8}")
        target = target_of(page.name)
        judged = (f"< {target} ms {verdict(page.p95, target - 1e-9)}" if target
                  else UNTARGETED.get(page.name, "the baseline"))
        print(f"    {page.name:<22} {page.requests:>8} {page.failures:>5} {page.p50:>7.0f} {page.p95:>7.0f} "
              f"{ratios}  {judged}")
    total, failed = sum(page.requests for page in pages), sum(page.failures for page in pages)
    print(f"    errors: {failed} of {total} requests (zero required) {'PASS' if not failed else 'FAIL'}")
    for error in errors:
        print(f"      {error}")


def _stopped(number: int, _frame: object) -> None:
    raise SystemExit(128 + number)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=5000, help="units, one evaluation each (default 5000)")
    parser.add_argument("--departments", type=int, default=40, help="主管部门 (default 40)")
    parser.add_argument("--users", type=int, default=50, help="simulated people (default 50)")
    parser.add_argument("--duration", type=int, default=120, help="seconds of load (default 120)")
    parser.add_argument("--warm-up", type=int, default=20,
                        help="seconds of unmeasured load first (default 20)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="gunicorn processes, 4 threads each (default: one per core)")
    parser.add_argument("--think", type=float, nargs=2, default=(1.0, 3.0), metavar=("MIN", "MAX"),
                        help="seconds a person pauses between pages (default 1 3)")
    parser.add_argument("--keep", action="store_true", help=f"keep the database {DATABASE} afterwards")
    args = parser.parse_args(argv)

    # Stopped from outside (SIGTERM, or SIGINT where a shell ignored it): the server is stopped
    # and the database dropped all the same.
    for stop in (signal.SIGTERM, signal.SIGINT):
        signal.signal(stop, _stopped)
    work = Path(tempfile.mkdtemp(prefix="jixiao-bench-load-"))
    try:
        with own_database(DATABASE, args.keep) as database_url:
            os.environ.update({"DATABASE_URL": database_url, "JIXIAO_DEBUG": "0",
                               # Nothing in these flows is queued: no embedded worker beside the site.
                               "JIXIAO_BROKER_URL": "redis://127.0.0.1:6379/0"})
            accounts = work / "accounts.json"
            dashboard = prepare_site(work / "data", args.units, args.departments, accounts)
            port = free_port()
            environment = os.environ | {
                "BENCH_LOAD_ACCOUNTS": str(accounts), "BENCH_LOAD_USERS": str(args.users),
                "BENCH_LOAD_DASHBOARD": "1" if dashboard else "0",
                "BENCH_LOAD_THINK_MIN": str(args.think[0]), "BENCH_LOAD_THINK_MAX": str(args.think[1]),
            }
            url = f"http://127.0.0.1:{port}"
            with serving(work / "data", port, args.workers, work / "serve.log") as server:
                if args.warm_up:
                    run_locust(url, min(args.users, 10), args.warm_up, work / "warm-up", environment)
                print(load_line())
                machine, served = psutil.cpu_times(), cpu_seconds(server)
                started = time.monotonic()
                run_locust(url, args.users, args.duration, work / "run", environment)
                elapsed = time.monotonic() - started
                served = cpu_seconds(server) - served
                after = psutil.cpu_times()
            idle = (after.idle + after.iowait) - (machine.idle + machine.iowait)
            whole = sum(after) - sum(machine)
            print(f"jixiao load benchmark: {args.units} units' evaluations in PostgreSQL, gunicorn "
                  f"{args.workers} workers × 4 threads, {args.users} people (think {args.think[0]:g}–"
                  f"{args.think[1]:g} s) for {args.duration} s after a {args.warm_up} s warm-up"
                  f"{', dashboard included' if dashboard else ', no dashboard on this site yet'}")
            report(read_stats(work / "run"), failures(work / "run"))
            print(f"    server CPU {served:.0f} s in {elapsed:.0f} s ({served / elapsed:.2f} cores); "
                  f"machine busy {100 * (1 - idle / whole):.0f}% of {os.cpu_count()} cores over the run "
                  "(locust and anything else included)")
            print(load_line())
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
