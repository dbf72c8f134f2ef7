"""Checking one file of a batch on a worker: the CLI's check (`jixiao check --all`) in a child
process kept by the worker thread, within the CLI's time budget and the web's memory budget;
a file that blows them gets the CLI's error result, and costs no other file its own."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from jixiao.cli.batch import check_file, overran
from jixiao.cli.check_view import FileResult
from jixiao.findings import Place, summarize
from jixiao.web.evaluations.budget import MEMORY_BYTES, BudgetedChild, BudgetExceeded
from jixiao.workers import Budget, Overrun

BUDGET = Budget(seconds=120.0, megabytes=MEMORY_BYTES // (1024 * 1024))
"""The CLI's time for one file; the memory a worker's reading may use."""
START_SECONDS = 120.0
PART_SECONDS = 900.0
"""Time for one range of a large scan's pages (OCR: seconds a page)."""

Result = TypeVar("Result")
_kept = threading.local()


def in_child(function: Callable[..., Result], *args: Any, seconds: float) -> Result:
    """``function(*args)`` in this thread's kept child; a memory overrun in a child that had
    read other files first is tried once more in a fresh one, so that only a file that blows
    the budget alone is reported (as the CLI's executor does)."""
    child = getattr(_kept, "child", None)
    if child is None:
        child = _kept.child = BudgetedChild()
    try:
        return child.run(function, *args, seconds=seconds)
    except BudgetExceeded as error:
        if error.timed_out or child.calls <= 1:
            raise
    return child.run(function, *args, seconds=seconds)


def start_child() -> None:
    """Start this thread's child, if it is not running (a fresh interpreter: seconds)."""
    in_child(int, seconds=START_SECONDS)


def check(path: Path) -> FileResult:
    """The result `jixiao check --all` gives for the file, or its budget's error result."""
    try:
        return in_child(check_file, path, None, True, seconds=BUDGET.seconds)
    except BudgetExceeded as error:
        return overran(path, Overrun.TIME if error.timed_out else Overrun.MEMORY, BUDGET)


def row_fields(result: FileResult, name: str) -> dict[str, Any]:
    """What a file's row keeps of its result: the JSON of the CLI (under the user's name for the
    file, not the path it was kept at), the counts, what was checked, and the error in words."""
    counts = summarize(result.findings)
    return {
        "result": result.as_json() | {"file": name},
        "error": error_text(result),
        "error_count": counts["error"],
        "warning_count": counts["warning"],
        "info_count": counts["info"],
        "checked": result.checked(),
        "template": result.template or "",
    }


def error_text(result: FileResult) -> str:
    """Why the file could not be checked, with the place of the problem when it has one."""
    if result.error is None:
        return ""
    where = result.error.place.chinese()
    return f"{where}：{result.error.message}" if where else result.error.message


def place_of(where: dict[str, Any]) -> str:
    """A finding's place (its JSON ``where``) in words."""
    return Place(**{key: value for key, value in where.items() if value is not None}).chinese()
