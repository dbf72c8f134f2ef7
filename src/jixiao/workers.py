"""How jixiao starts worker processes, shares the cores among them, and runs many tasks on them
within a budget of time and memory per task.

:func:`run_all` is the batch executor of ``jixiao check``: workers are started once, each in a
process group of its own, and handed chunks of work; the parent only waits, collects results and
watches the budgets. A task that overruns its time or memory gets its worker killed (with
whatever that worker started) and a replacement started; a worker that dies or overruns its
memory loses nothing but that task, which is tried again alone in a fresh worker, so that only a
task that fails there too is the task's fault. Ctrl-C or SIGTERM in the parent kills every
worker's process group before the exception goes on.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from multiprocessing.connection import wait
from multiprocessing.context import BaseContext
from typing import Generic, TypeVar

from jixiao.worker_process import Told, Worker

Item = TypeVar("Item")
Result = TypeVar("Result")

TICK = 0.05
"""Seconds between two looks at the workers' memory and clocks while the parent waits."""
START_SECONDS = 120.0
"""How long a worker may take to start up (a spawned one imports jixiao) before it counts as dead."""
MAX_CHUNK = 16
"""Most tasks handed to a worker at once (fewer near the end, so no worker idles early)."""


def worker_context() -> BaseContext:
    """How worker processes start: forked from this process on Linux when it runs no other
    thread (they start at once, with every module already imported), else spawned (a fresh
    interpreter that imports what it needs: macOS, Windows, or a host with threads, where a
    fork could copy a lock some thread holds)."""
    if sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def share_cores(workers: int) -> int:
    """Set up this process as one of ``workers`` processes sharing the machine: onnxruntime (OCR)
    gets the cores divided among them as its intra-op threads (at least one). Called in every
    worker of :func:`run_all`, and to be called likewise by any other worker (a task queue's)
    before its first task. Returns the thread count."""
    from jixiao.documents.ocr import use_threads

    threads = max(1, (os.cpu_count() or 1) // max(1, workers))
    use_threads(threads)
    return threads


@dataclass(frozen=True, slots=True)
class Budget:
    """What one task may use: wall-clock seconds, and megabytes of resident memory that its
    worker, with every process the worker started, holds beyond what it held when it started
    (a forked worker starts with its parent's pages)."""

    seconds: float = 120.0
    megabytes: int = 1024


class Overrun(Enum):
    """Why a task has no result of its own."""

    CRASHED = "crashed"
    """Its worker ended abruptly, also when the task ran alone in a fresh worker."""
    TIME = "time"
    """It ran longer than its budget's seconds."""
    MEMORY = "memory"
    """Its worker grew past the budget's memory, also when the task ran alone in a fresh worker."""


Failed = Callable[[Item, Overrun, Budget], Result]
OnProgress = Callable[[Item, str, int, int, str], None]
"""Called in the parent with a task's item and the progress it tells (:mod:`jixiao.progress`)."""
"""Makes the result of a task that overran the budget (called in the parent)."""


def run_all(items: Sequence[Item], task: Callable[[Item], Result], failed: Failed[Item, Result],
            jobs: int, budget: Budget, on_done: Callable[[Result], None] = lambda result: None,
            context: BaseContext | None = None,
            on_progress: OnProgress[Item] | None = None) -> list[Result]:
    """``task`` applied to every item on ``jobs`` worker processes (at most one per item), each
    within ``budget``; results in the order of ``items``, ``on_done`` called in this process as
    each arrives, ``on_progress`` with the progress a task tells while it runs. ``task`` must be a
    module-level function (or a partial of one) whose results pickle, and never raise."""
    batch = _Batch(items, task, failed, budget, on_done, context or worker_context(),
                   max(1, min(jobs, len(items))), on_progress)
    suspects = batch.drive(deque(range(len(items))), retry=True)
    for index in suspects:  # each alone in a fresh worker: a failure there is its own
        batch.drive(deque([index]), retry=False)
    return [batch.results[index] for index in range(len(items))]


class _Batch(Generic[Item, Result]):
    def __init__(self, items: Sequence[Item], task: Callable[[Item], Result],
                 failed: Failed[Item, Result], budget: Budget, on_done: Callable[[Result], None],
                 context: BaseContext, jobs: int, on_progress: OnProgress[Item] | None) -> None:
        self.items, self.task, self.failed, self.budget = items, task, failed, budget
        self.on_done, self.context, self.jobs = on_done, context, jobs
        self.on_progress = on_progress
        self.results: dict[int, Result] = {}

    def _worker(self, workers: int) -> Worker:
        return Worker(self.context, self.task, workers, self._told)

    def _told(self, told: Told) -> None:
        if self.on_progress is not None:
            self.on_progress(self.items[told.index], told.what, told.done, told.total, told.unit)

    def drive(self, queue: deque[int], retry: bool) -> list[int]:
        """Run the tasks of ``queue`` to the end; returns those to try again alone (with
        ``retry``; without, a crash or a memory overrun is the task's result)."""
        workers = min(self.jobs, len(queue))
        pool = [self._worker(workers) for _ in range(workers)]
        suspects: list[int] = []
        try:
            while queue or any(worker.pending for worker in pool):
                for worker in pool:
                    self._hand_out(worker, queue, workers)
                self._collect(pool)
                for number, worker in enumerate(pool):
                    overrun = self._overrun(worker)
                    if overrun is not None or not worker.alive():
                        self._take(worker)  # what it sent before it went
                        worker.kill()
                        if worker.pending:
                            suspects += self._lost(worker, overrun or Overrun.CRASHED, queue, retry)
                        pool[number] = self._worker(workers)
        except BaseException:  # Ctrl-C, SIGTERM: every worker's process group killed at once
            for worker in pool:
                worker.kill()
            raise
        for worker in pool:
            worker.stop()
        return suspects

    def _hand_out(self, worker: Worker, queue: deque[int], workers: int) -> None:
        """Keep about two chunks in flight per worker, so that it never waits for the parent."""
        size = max(1, min(MAX_CHUNK, len(queue) // (4 * workers)))
        while queue and len(worker.pending) < 2 * size:
            chunk = [queue.popleft() for _ in range(min(size, len(queue)))]
            worker.send(chunk, [self.items[index] for index in chunk])

    def _collect(self, pool: Sequence[Worker]) -> None:
        """Wait (at most a tick) for results, and take every one that has come."""
        ready = wait([worker.connection for worker in pool], timeout=TICK)
        for worker in pool:
            if worker.connection in ready:
                self._take(worker)

    def _take(self, worker: Worker) -> None:
        for index, result in worker.receive():
            self._done(index, result)

    def _overrun(self, worker: Worker) -> Overrun | None:
        """How the worker's current task overran its budget, if it did."""
        if not worker.pending:
            return None
        now = time.monotonic()
        if not worker.ready:  # still starting up: not the task's time, unless it never ends
            return Overrun.CRASHED if now - worker.since > START_SECONDS else None
        if now - worker.since > self.budget.seconds:
            return Overrun.TIME
        if now - worker.measured < TICK:  # /proc is read at most once a tick per worker
            return None
        worker.measured = now
        return Overrun.MEMORY if worker.grown() > self.budget.megabytes else None

    def _lost(self, worker: Worker, overrun: Overrun, queue: deque[int], retry: bool) -> list[int]:
        """After ``worker`` was killed: its current task is a suspect to try again alone (or,
        overrunning its time or on a second try, done with ``overrun``); the tasks it held but
        had not started go back to the front of the queue."""
        index = worker.pending.popleft()
        queue.extendleft(reversed(worker.pending))
        if retry and overrun is not Overrun.TIME:
            return [index]
        self._done(index, self.failed(self.items[index], overrun, self.budget))
        return []

    def _done(self, index: int, result: Result) -> None:
        self.results[index] = result
        self.on_done(result)
