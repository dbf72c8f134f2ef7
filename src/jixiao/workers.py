"""How jixiao starts worker processes, for checking and converting files in parallel."""

from __future__ import annotations

import multiprocessing
import sys
import threading
from multiprocessing.context import BaseContext


def worker_context() -> BaseContext:
    """How worker processes start: forked from this process on Linux when it runs no other
    thread (they start at once, with every module already imported), else spawned (a fresh
    interpreter that imports what it needs: macOS, Windows, or a host with threads, where a
    fork could copy a lock some thread holds)."""
    if sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")
