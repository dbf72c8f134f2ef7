"""Benchmark a batch audit on one worker process, then on two (as two machines would run them).

Run from the repository root, with Redis on 127.0.0.1:6379::

    .venv/bin/python bench/bench_batch_workers.py [--files 200] [--rounds 3] [--broker redis://127.0.0.1:6379/15]

A data directory of its own (SQLite, migrated here), a Redis key prefix of its own; the files
are the reports of ``tests/data/reports`` as text and as Word files, in turn. For each round the
same batch (``--files`` files) is queued as the batch page queues it (one ``audit_file`` task a
file) and checked by real worker processes (the command `jixiao worker` runs, one thread each:
one core each), started and warmed up (a small batch first) before the clock starts; the time
is from queueing to the batch's last result. Rounds alternate one and two workers (min / median
/ max printed); the speed-up of the medians (two against one) is judged against its target,
≥ 1.7, with the load of the machine. On 2 cores shared with other work the speed-up stays below
2. A benchmark, not a test: it always exits 0. ``--broker amqp://guest:guest@127.0.0.1:5672//``
runs the same against RabbitMQ.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "tests" / "data" / "reports"
SPEED_UP_TARGET = 1.7
"""As a batch of ``jixiao check`` on two processes (``bench_audit.py`` (c)): the second worker
nearly doubles the throughput."""


def configure(data: Path, broker: str) -> dict[str, str]:
    environment = {"JIXIAO_DATA_DIR": str(data), "JIXIAO_BROKER_URL": broker,
                   "JIXIAO_BROKER_PREFIX": f"jixiao-bench-{uuid.uuid4().hex}:",
                   "DJANGO_SETTINGS_MODULE": "jixiao.web.settings"}
    os.environ.update(environment)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    return environment


def report_files(folder: Path) -> list[Path]:
    from bench_audit import write_docx

    texts = sorted(REPORTS.glob("*.txt"))
    return texts + [write_docx(text, folder / f"{text.stem}.docx") for text in texts]


def queue_batch(files: list[Path], count: int) -> int:
    from jixiao.web.accounts.models import Organisation, OrgKind, Role, User
    from jixiao.web.audits.models import BatchAudit, BatchFile
    from jixiao.web.audits.tasks import audit_file

    region, _ = Organisation.objects.get_or_create(name="基准测试区", kind=OrgKind.REGION)
    user, _ = User.objects.get_or_create(username="bench", defaults={"role": Role.FINANCE_REVIEWER,
                                                                     "organisation": region})
    batch = BatchAudit.objects.create(title=f"{count} 个文件", organisation=region, created_by=user)
    rows = BatchFile.objects.bulk_create(
        BatchFile(batch=batch, number=number, name=files[number % len(files)].name,
                  path=str(files[number % len(files)])) for number in range(1, count + 1))
    for row in rows:
        audit_file.delay(row.pk)
    return int(batch.pk)


def wait(batch_id: int, seconds: float = 1800) -> None:
    from jixiao.web.audits.models import BatchAudit

    deadline = time.monotonic() + seconds
    while BatchAudit.objects.get(pk=batch_id).finished_at is None:
        if time.monotonic() > deadline:
            raise SystemExit(f"batch {batch_id} unfinished after {seconds:.0f} s")
        time.sleep(0.1)


def run(workers: int, files: list[Path], count: int, environment: dict[str, str]) -> float:
    """Seconds for ``count`` files on ``workers`` worker processes (started and warmed up)."""
    from jixiao.web.server import worker_command

    started = [subprocess.Popen(worker_command(concurrency=1), env=os.environ | environment,
                                start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
               for _ in range(workers)]
    try:
        wait(queue_batch(files, 4 * workers))  # every worker up, its reading child started
        start = time.monotonic()
        wait(queue_batch(files, count))
        return time.monotonic() - start
    finally:
        for process in started:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--broker", default="redis://127.0.0.1:6379/15")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).parent))
    from rounds import alternated, load_line, verdict

    print(load_line())
    with tempfile.TemporaryDirectory(prefix="jixiao-bench-batch-") as temporary:
        folder = Path(temporary)
        environment = configure(folder / "data", args.broker)
        files = report_files(folder)
        spreads = alternated({"1 worker process": lambda _round: run(1, files, args.files, environment),
                              "2 worker processes": lambda _round: run(2, files, args.files, environment)},
                             args.rounds, warm_up=False)  # each run warms its own workers up
    print(f"broker: {args.broker.split('@')[-1]}; {args.files} files (text and Word reports in turn)")
    for name, spread in spreads.items():
        print(f"    {name:<18} {spread.line(1, 's')}; {args.files / spread.median:5.1f} files/s")
    speed_up = spreads["1 worker process"].median / spreads["2 worker processes"].median
    print(f"    speed-up with the second worker: {speed_up:.2f} (target ≥ {SPEED_UP_TARGET}, at most 2 on "
          f"2 cores) {verdict(speed_up, SPEED_UP_TARGET, at_most=False)}")
    print(load_line())


if __name__ == "__main__":
    main()
