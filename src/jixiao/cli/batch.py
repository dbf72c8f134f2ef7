"""Checking many files at once: folders walked, files checked in parallel, results in input order.

A folder stands for every file under it whose suffix jixiao reads (reports: the suffixes of
:data:`~jixiao.documents.read.READERS` except ``.xlsx``; evaluation data: ``.yaml``, ``.yml``,
``.json``, ``.xlsx``), sorted by path; hidden files and folders and Word's ``~$`` lock files are
skipped. Files are checked in worker processes (:func:`jixiao.workers.run_all`: forked where
that is safe, else spawned; the checker is a module-level function, so either works), each file
within a budget of time and memory: a file that cannot be read, or whose check raises, gets its
own error result; a file that overruns its budget is stopped and gets its own error result; a
worker that dies takes no other file's result with it: the file it was checking is checked
again alone in a fresh worker, and only a file that kills that one too is reported as such.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial
from multiprocessing.context import BaseContext
from pathlib import Path, PurePath

from jixiao.audit import audit_file
from jixiao.checks import run_checks
from jixiao.checks.across import related_notes
from jixiao.checks.related import NOTHING_RELATED, OtherReport, Related
from jixiao.cli.check_view import INTERNAL, WORKER_CRASHED, FileError, FileResult
from jixiao.documents.read import READERS
from jixiao.io.errors import InputError
from jixiao.io.load import load_evaluation
from jixiao.profiles import ProfileError, load_profile
from jixiao.progress import listening
from jixiao.workers import Budget, OnProgress, Overrun, run_all

EVALUATION_SUFFIXES = (".yaml", ".yml", ".json", ".xlsx")
"""Evaluation data (an ``.xlsx`` is the guided workbook, not a report's table)."""

Checker = Callable[[Path], FileResult]
"""Checks one file; given to worker processes, so a module-level function (or a partial of one)."""
OnDone = Callable[[FileResult], None]


def report_suffixes() -> tuple[str, ...]:
    """The suffixes of reports, whose prose and tables are audited."""
    return tuple(suffix for suffix in READERS if suffix not in EVALUATION_SUFFIXES)


def checkable_suffixes() -> tuple[str, ...]:
    return (*report_suffixes(), *EVALUATION_SUFFIXES)


def expand(paths: Iterable[Path]) -> list[Path | FileResult]:
    """The files to check, in the order given, each folder replaced by the files under it; a
    folder holding none is an error result of its own."""
    items: list[Path | FileResult] = []
    for path in paths:
        if not path.is_dir():
            items.append(path)
            continue
        found = folder_files(path)
        if found:
            items.extend(found)
        else:
            known = "、".join(checkable_suffixes())
            items.append(FileResult(str(path), "folder", error=FileError.of(InputError(
                f"文件夹中没有可校验的文件（支持 {known}）", file=str(path),
                english="no file to check in this folder"))))
    return items


def folder_files(folder: Path) -> list[Path]:
    """Every checkable file under ``folder``, sorted by path; a symbolic link that leads out of
    the folder is left out (a path given as a folder stays inside it)."""
    suffixes = set(checkable_suffixes())
    root = folder.resolve()
    return sorted(path for path in folder.rglob("*")
                  if path.suffix.lower() in suffixes and visible(path.relative_to(folder))
                  and path.is_file() and path.resolve().is_relative_to(root))


def visible(relative: PurePath) -> bool:
    """Whether no part of the path is hidden (``.``) or a Word lock file (``~$``)."""
    return not any(part.startswith((".", "~$")) for part in relative.parts)


def check_file(path: Path, profile_id: str | None = None, passed: bool = False,
               related: Related | None = None) -> FileResult:
    """The findings for one file, or its error; never raises (an unexpected exception is a
    :data:`~jixiao.cli.check_view.INTERNAL` error result naming the exception). With
    ``passed``, a report's result also lists the relations that hold; with ``related``, an
    evaluation is also compared with its last year's or its units' evaluations."""
    try:
        return _check(path, profile_id, passed, related)
    except Exception as error:  # a defect must not cost the other files their results
        return internal_error(path, error)


def internal_error(path: Path, error: BaseException) -> FileResult:
    """The result of a file whose check raised ``error``: named, without a traceback."""
    return FileResult(str(path), _kind(path), error=FileError.internal(
        str(path), INTERNAL, f"检查此文件时程序内部出错（{type(error).__name__}），文件本身未必有误",
        f"internal error: {type(error).__name__}: {error}"))


def _kind(path: Path) -> str:
    return path.suffix.lower().lstrip(".")


def _guided_workbook(path: Path) -> bool:
    from jixiao.io.workbook.reader import is_guided_workbook  # openpyxl: only for a workbook

    return is_guided_workbook(path)


def _check(path: Path, profile_id: str | None, passed: bool,
           related: Related | None = None) -> FileResult:
    file, suffix = str(path), path.suffix.lower()
    try:
        if not path.exists():
            raise InputError("文件不存在", file=file, english="file not found")
        if suffix in report_suffixes() or (suffix == ".xlsx" and not _guided_workbook(path)):
            return _check_report(path, passed)
        if suffix in EVALUATION_SUFFIXES:
            return _check_evaluation(path, profile_id, related)
        known = "、".join(checkable_suffixes())
        raise InputError(f"无法识别的文件类型“{path.suffix or '（无后缀）'}”：支持 {known}", file=file,
                         english="unknown file type")
    except InputError as error:
        return FileResult(file, _kind(path), error=FileError.of(error))


def _check_report(path: Path, passed: bool) -> FileResult:
    """A report's text: the sums, shares and changes it states, checked with rounding in mind."""
    audit = audit_file(path, passed=passed)
    return FileResult(str(path), audit.document.format, audit.template, audit.findings,
                      passed=audit.passed if passed else None)


def _check_evaluation(path: Path, profile_id: str | None, related: Related | None) -> FileResult:
    loaded = load_evaluation(path)
    try:
        chosen = load_profile(profile_id or loaded.evaluation.profile)
    except ProfileError as error:
        raise InputError(str(error), file=str(path), english="unknown scoring profile") from None
    related = related or NOTHING_RELATED
    findings = run_checks(loaded.evaluation, chosen, loaded.source, related=related)
    notes = related_notes(loaded.evaluation, related, previous=related.previous is not None,
                          units=bool(related.units))
    return FileResult(str(path), loaded.format, loaded.evaluation.template, findings,
                      related=notes)


def related_files(previous: Path | None, units: Sequence[Path]) -> Related:
    """The evaluations of ``--previous`` and ``--unit`` (files, or folders of evaluation data);
    :class:`~jixiao.io.errors.InputError` when one cannot be read."""
    unit_files = [found for given in units for found in
                  ([file for file in folder_files(given) if file.suffix.lower() in EVALUATION_SUFFIXES]
                   if given.is_dir() else [given])]
    return Related(previous=_other(previous) if previous else None,
                   units=tuple(_other(file) for file in unit_files))


def _other(path: Path) -> OtherReport:
    loaded = load_evaluation(path)
    return OtherReport(str(path), loaded.evaluation, source=loaded.source)


def check_all(paths: Sequence[Path], check: Checker, jobs: int,
              on_done: OnDone = lambda result: None, context: BaseContext | None = None,
              budget: Budget | None = None,
              on_progress: OnProgress[Path] | None = None) -> list[FileResult]:
    """``check`` applied to every path, results in the order of ``paths``; ``on_done`` is called
    in this process as each result arrives, ``on_progress`` with the progress a file's check
    tells (the pages of a PDF read).

    For several paths with a ``budget``, or ``jobs`` above 1, the files are checked on ``jobs``
    worker processes started by ``context`` (default :func:`~jixiao.workers.worker_context`), each
    file within ``budget`` (default :class:`~jixiao.workers.Budget`): a file that overruns it, or
    whose worker dies even when it is checked alone, gets an error result and costs no other file
    its own. Else (one path, for instance) they are checked in this process, one after the other."""
    if len(paths) <= 1 or (budget is None and jobs <= 1):
        results = []
        for path in paths:
            with listening(partial(on_progress or _ignored, path)):
                results.append(_guarded(check, path))
            on_done(results[-1])
        return results
    return run_all(paths, partial(_guarded, check), overran, jobs, budget or Budget(), on_done, context,
                   on_progress)


def _ignored(path: Path, what: str, done: int, total: int, unit: str) -> None:
    """No one shows the progress."""


def _guarded(check: Checker, path: Path) -> FileResult:
    try:
        return check(path)
    except Exception as error:
        return internal_error(path, error)


def overran(path: Path, overrun: Overrun, budget: Budget) -> FileResult:
    """The result of a file that was not checked within its budget, or whose worker died."""
    if overrun is Overrun.TIME:
        return FileResult(str(path), _kind(path), error=FileError.of(InputError(
            f"检查此文件超过时间上限（{budget.seconds:g} 秒），已停止", file=str(path),
            english="the check of this file ran out of time")))
    if overrun is Overrun.MEMORY:
        return FileResult(str(path), _kind(path), error=FileError.of(InputError(
            f"检查此文件所需内存超过上限（{budget.megabytes} MB），已停止", file=str(path),
            english="the check of this file ran out of memory")))
    return FileResult(str(path), _kind(path), error=FileError.internal(
        str(path), WORKER_CRASHED, "检查此文件的进程意外退出（内存不足或程序崩溃），未得到结果",
        "the process checking this file ended abruptly"))
