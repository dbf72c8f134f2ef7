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


def _limit_memory(limit: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def within_budget(
    function: Callable[..., Result], *args: Any, seconds: float = SECONDS, memory: int = MEMORY_BYTES
) -> Result:
    """``function(*args)`` in a fresh child process limited to ``memory`` bytes and
    ``seconds``; its exceptions come back as they are, a blown budget as :class:`BudgetExceeded`."""
    pool = ProcessPoolExecutor(
        max_workers=1, mp_context=worker_context(), initializer=_limit_memory, initargs=(memory,)
    )
    try:
        return pool.submit(function, *args).result(timeout=seconds)
    except FutureTimeout:
        raise BudgetExceeded(f"读取超过 {int(seconds)} 秒仍未完成，已停止") from None
    except (BrokenProcessPool, MemoryError):
        raise BudgetExceeded(f"读取所需内存超过 {memory // (1024 * 1024)} MB，已停止") from None
    finally:
        for process in list(getattr(pool, "_processes", {}).values()):
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)
