"""Reading a hostile file inside a child process with its own time and memory budget, so one
file costs its own work and nothing else of the worker that runs it."""

from __future__ import annotations

import resource
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from jixiao.workers import worker_context

Result = TypeVar("Result")

MEMORY_BYTES = 1536 * 1024 * 1024
"""Address space a reading may use (OCR models included)."""

SECONDS = 180
"""Wall-clock time a reading may take."""


class BudgetExceeded(Exception):
    """The reading ran out of its time or memory; the Chinese message says which."""

    def __init__(self, message: str, *, timed_out: bool = False) -> None:
        super().__init__(message)
        self.timed_out = timed_out


def _limit_memory(limit: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def within_budget(
    function: Callable[..., Result], *args: Any, seconds: float = SECONDS, memory: int = MEMORY_BYTES
) -> Result:
    """``function(*args)`` in a fresh child process limited to ``memory`` bytes and
    ``seconds``; its exceptions come back as they are, a blown budget as :class:`BudgetExceeded`."""
    child = BudgetedChild(memory)
    try:
        return child.run(function, *args, seconds=seconds)
    finally:
        child.close()


class BudgetedChild:
    """A child process limited to ``memory`` bytes, kept for call after call (a worker reads
    many small files: starting a fresh interpreter for each would cost more than the reading);
    one that blew its budget is killed, and the next call starts a fresh one."""

    def __init__(self, memory: int = MEMORY_BYTES) -> None:
        self.memory = memory
        self.pool: ProcessPoolExecutor | None = None
        self.calls = 0
        """Calls since the child started: a memory overrun after others may be theirs too."""

    def run(self, function: Callable[..., Result], *args: Any, seconds: float = SECONDS) -> Result:
        if self.pool is None:
            self.pool = ProcessPoolExecutor(
                max_workers=1, mp_context=worker_context(), initializer=_limit_memory, initargs=(self.memory,)
            )
            self.calls = 0
        self.calls += 1
        try:
            return self.pool.submit(function, *args).result(timeout=seconds)
        except FutureTimeout:
            self.close()
            raise BudgetExceeded(f"读取超过 {int(seconds)} 秒仍未完成，已停止", timed_out=True) from None
        except (BrokenProcessPool, MemoryError):
            self.close()
            raise BudgetExceeded(f"读取所需内存超过 {self.memory // (1024 * 1024)} MB，已停止") from None

    def close(self) -> None:
        """Kill the child (whatever it is doing) and forget it."""
        pool, self.pool = self.pool, None
        if pool is None:
            return
        for process in list(getattr(pool, "_processes", {}).values()):
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)
