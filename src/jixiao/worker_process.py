"""One worker process of :func:`jixiao.workers.run_all`, seen from both sides: the parent's
handle (:class:`Worker`: hand out work, receive results, read the memory, kill) and the loop the
worker runs (:func:`serve`)."""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any

PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
MB = 1024 * 1024
STOP_SECONDS = 1.0
"""How long a worker told to stop may take before it is killed."""


@dataclass(frozen=True, slots=True)
class Told:
    """The progress of a running task (:mod:`jixiao.progress`), sent by its worker: ``done`` of
    ``total`` ``unit`` of ``what``."""

    index: int
    what: str
    done: int
    total: int
    unit: str


class Worker:
    """A worker process in a process group of its own, and the tasks it holds, oldest first;
    ``on_told`` is called in the parent with each progress its tasks tell."""

    def __init__(self, context: BaseContext, task: Callable[[Any], Any], workers: int,
                 on_told: Callable[[Told], None] = lambda told: None) -> None:
        self.on_told = on_told
        self.connection, child = context.Pipe()
        start: Any = context  # every context has Process; BaseContext's stub does not say so
        self.process = start.Process(target=serve, args=(child, task, workers), daemon=True)
        self.process.start()
        child.close()
        _own_group(self.process.pid)
        self.inherited = self.megabytes()
        """What it held when it started (a forked worker: its parent's pages, shared)."""
        self.pending: deque[int] = deque()
        self.ready = False
        """Whether it has started up (a spawned worker imports jixiao first)."""
        self.since = time.monotonic()
        """When the oldest pending task started (or was handed to an idle worker, or the worker
        was started: its start-up has a budget of its own)."""
        self.measured = 0.0
        """When its memory was last read."""
        self.dead = False

    def send(self, indices: Sequence[int], items: Sequence[Any]) -> None:
        if not self.pending and self.ready:
            self.since = time.monotonic()
        try:
            self.connection.send(list(zip(indices, items, strict=True)))
        except OSError:  # the worker is gone: its tasks are found pending
            self.dead = True
        self.pending.extend(indices)

    def receive(self) -> list[tuple[int, Any]]:
        """The results that have arrived, in order; notes a worker that has ended."""
        results = []
        try:
            while not self.dead and self.connection.poll():
                message = self.connection.recv()
                if isinstance(message, Told):  # progress: the task's clock runs on
                    self.on_told(message)
                    continue
                self.since = time.monotonic()
                if message is None:  # started up: the clock of its first task starts now
                    self.ready = True
                    continue
                index, result = message
                if self.pending and self.pending[0] == index:
                    self.pending.popleft()
                results.append((index, result))
        except (EOFError, OSError):
            self.dead = True
        return results

    def alive(self) -> bool:
        return not self.dead and self.process.is_alive()

    def megabytes(self) -> float:
        """Resident memory in MB of the worker and every process it started (0 where /proc is
        not)."""
        pid = self.process.pid
        return 0.0 if pid is None else sum(resident(member) for member in process_tree(pid)) / MB

    def grown(self) -> float:
        """How many MB the worker (with every process it started) has grown since it started."""
        return self.megabytes() - self.inherited

    def stop(self) -> None:
        """Ask the worker to leave, then kill whatever of its process group is left."""
        if not self.dead:
            with contextlib.suppress(OSError):
                self.connection.send(None)
            self.process.join(STOP_SECONDS)
        self.kill()

    def kill(self) -> None:
        """Kill the worker's process group (what it started goes with it), and the worker."""
        pid = self.process.pid
        if pid is not None:
            for kill in (getattr(os, "killpg", None), os.kill):
                try:
                    if kill is not None:
                        kill(pid, getattr(signal, "SIGKILL", signal.SIGTERM))
                except OSError:
                    pass
            self.process.join()
        self.dead = True
        self.connection.close()


def serve(connection: Connection, task: Callable[[Any], Any], workers: int) -> None:
    """The worker's loop: ``None`` out once started up, then chunks of (index, item) in and one
    (index, result) out per item (after any :class:`Told` progress of it), until told to stop or
    the parent is gone."""
    from jixiao.progress import listening
    from jixiao.workers import share_cores

    _own_group(0)
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    share_cores(workers)
    connection.send(None)  # ready
    while True:
        try:
            chunk = connection.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        for index, item in chunk:
            try:
                with listening(partial(_tell, connection, index)):
                    result = task(item)
                connection.send((index, result))
            except Exception:  # a result that would not pickle: reported as a crash of its task
                os._exit(70)


def _tell(connection: Connection, index: int, what: str, done: int, total: int, unit: str) -> None:
    with contextlib.suppress(OSError):  # the parent is gone: the task's result cannot reach it either
        connection.send(Told(index, what, done, total, unit))


def _own_group(pid: int) -> None:
    """The process ``pid`` (0: this one) leads a process group of its own (set from both sides,
    whichever comes first)."""
    with contextlib.suppress(AttributeError, OSError):
        os.setpgid(pid, pid)


def _die_with_parent() -> None:
    """On Linux, this process is killed when its parent dies, even while busy."""
    if sys.platform == "linux":
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def process_tree(root: int) -> list[int]:
    """``root`` and every process below it (none where /proc is not)."""
    found, queue = [], [root]
    while queue:
        pid = queue.pop()
        found.append(pid)
        try:
            for task in Path(f"/proc/{pid}/task").iterdir():
                queue.extend(int(child) for child in (task / "children").read_text().split())
        except (OSError, ValueError):
            pass
    return found


def resident(pid: int) -> int:
    """The resident memory of process ``pid`` in bytes (0 if it is gone)."""
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0
