"""The progress bars of long commands, on stderr: files checked, and the pages (or steps) of the
work each file takes (:mod:`jixiao.progress`: pages of a PDF read, OCR included; steps of a PDF
rendered). Shown when ``--progress`` is given, or by default when stderr is a terminal.

Redrawn as progress is told, never by a thread of its own: workers may be forked, and a fork
copies whatever lock another thread holds.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID


class ProgressBars:
    """The bars on ``console``, drawn from the first progress told on (nothing drawn before, so a
    quick command leaves no empty line); ``files`` counts the files, when there are several."""

    def __init__(self, console: Console | None, files: int = 0) -> None:
        self.console, self.files = console, files
        self.bars: Progress | None = None
        self.file_task: TaskID | None = None
        self.tasks: dict[tuple[str, str], TaskID] = {}

    def file_done(self, result: object = None) -> None:
        """One more file done (the bar of files exists only for several files)."""
        bars = self._bars()
        if bars is not None and self.file_task is not None:
            bars.update(self.file_task, advance=1, refresh=True)

    def told(self, what: str, done: int, total: int, unit: str, name: str = "") -> None:
        """``done`` of ``total`` ``unit`` of ``what`` (for the file ``name``) done."""
        bars = self._bars()
        if bars is None:
            return
        key = (what, name)
        if key not in self.tasks:
            self.tasks[key] = bars.add_task(f"{what} {name}".strip(), total=total, unit=unit)
        bars.update(self.tasks[key], completed=done, total=total, refresh=True)
        if done >= total and self.files > 1:  # a file's pages, once read, make way for the next
            bars.remove_task(self.tasks.pop(key))

    def for_file(self, path: Path, what: str, done: int, total: int, unit: str) -> None:
        """:meth:`told` of the file at ``path`` (the callback of ``check_all``)."""
        self.told(what, done, total, unit, path.name)

    def start(self) -> None:
        """Draw the bars now (the bar of files shows 0 of them)."""
        self._bars()

    def _bars(self) -> Progress | None:
        if self.console is None:
            return None
        if self.bars is None:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.bars = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("{task.fields[unit]}"), TimeElapsedColumn(),
                                 console=self.console, auto_refresh=False)
            self.bars.start()
            if self.files > 1:
                self.file_task = self.bars.add_task("校验", total=self.files, unit="个文件")
        return self.bars

    def stop(self) -> None:
        if self.bars is not None:
            self.bars.refresh()
            self.bars.stop()


@contextmanager
def progress_bars(shown: bool | None, files: int = 0) -> Iterator[ProgressBars]:
    """Bars on stderr when ``shown`` (``None``: when stderr is a terminal), else bars that draw
    nothing; the bar of files from the start when there are several."""
    from rich.console import Console

    console = Console(stderr=True, highlight=False)
    visible = shown if shown is not None else console.is_terminal
    bars = ProgressBars(console if visible else None, files)
    if files > 1:
        bars.start()
    try:
        yield bars
    finally:
        bars.stop()


@contextmanager
def shown_progress(shown: bool | None) -> Iterator[None]:
    """The progress of the work done inside the block, in this process, as bars on stderr."""
    from jixiao.progress import listening

    with progress_bars(shown) as bars, listening(bars.told):
        yield
