"""Progress of long work (the pages of a PDF read, OCR included; the steps of a rendering),
told to whoever listens: the CLI draws a bar from it, and nothing is told when nobody listens.

The core stays free of any display: a reader calls :func:`advance` after each page, and the
caller that wants to show progress wraps the work in :func:`listening`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

Listener = Callable[[str, int, int, str], None]
"""Called with what is being done (in Chinese, e.g. ``读取 PDF``), how many of its units are
done, how many there are, and the unit's Chinese name (``页``, ``步``)."""

_listener: ContextVar[Listener | None] = ContextVar("jixiao_progress", default=None)


@contextmanager
def listening(listener: Listener) -> Iterator[None]:
    """Tell ``listener`` the progress of the work done inside the block."""
    token = _listener.set(listener)
    try:
        yield
    finally:
        _listener.reset(token)


def advance(what: str, done: int, total: int, unit: str = "页") -> None:
    """``done`` of ``total`` units of ``what`` are done (a no-op when nobody listens)."""
    listener = _listener.get()
    if listener is not None:
        listener(what, done, total, unit)
