"""Python's cycle collector paused while a report is read and audited.

Reading and auditing a report makes tens of thousands of small objects (a cell and its place,
a figure, a character's box on a PDF page), kept until the audit's end and none in a reference
cycle. Counting them, the collector runs a young collection every 700 and, now and then, a full
collection of the whole heap: work that frees nothing. A cycle made meanwhile is collected once
the collector runs again.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_paused = False
"""Whether a block of this module paused the collector and it has not run again since: only
then may a block turn it back on (one paused by another library, or by its caller, stays so)."""


@contextmanager
def cycles_uncollected() -> Iterator[Callable[[], None]]:
    """The cycle collector paused while the block runs (blocks may nest: the outermost one that
    paused it turns it back on). It yields the function that resumes it early, for the rest of
    the outermost block: before work in libraries that may leave cycles for seconds (OCR)."""
    global _paused
    owner = gc.isenabled()
    if owner:
        gc.disable()
        _paused = True
    try:
        yield _resume
    finally:
        if owner:
            _resume()


def _resume() -> None:
    global _paused
    if _paused:
        _paused = False
        gc.enable()
