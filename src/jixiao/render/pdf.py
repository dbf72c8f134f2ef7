"""PDF from the rendered Word report (or the attachment workbook), through LibreOffice headless.

LibreOffice runs with jixiao's font aliases (:func:`jixiao.render.fonts.fonts_conf` as
``FONTCONFIG_FILE``), so 宋体, 仿宋_GB2312, 黑体 … render in Noto CJK instead of falling back
to a font without Chinese glyphs. Each conversion writes into a directory of its own and the
result is then moved to its target, so conversions never overwrite one another's output, even
of files with the same name. :func:`render_pdfs` converts many files at once, one worker
process per job, each with its own LibreOffice profile (LibreOffice refuses to share one).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import tempfile
import threading
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import BaseContext
from pathlib import Path

from jixiao.documents.office_convert import convert_with_libreoffice
from jixiao.io.errors import InputError
from jixiao.render.fonts import fonts_conf

DEFAULT_TIMEOUT = 120.0
"""Seconds one conversion may take before LibreOffice is stopped."""


def font_environment() -> dict[str, str]:
    """The environment LibreOffice renders with: jixiao's font aliases."""
    return {"FONTCONFIG_FILE": str(fonts_conf())}


def render_pdf(docx: Path, out: Path, *, timeout: float = DEFAULT_TIMEOUT) -> Path:
    """Convert ``docx`` (a .docx, or an .xlsx) to the PDF ``out`` and return ``out``;
    :class:`InputError` naming the file when LibreOffice is missing, fails or times out."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".jixiao-pdf-", dir=out.parent) as scratch:
            produced = convert_with_libreoffice(docx, "pdf", Path(scratch), timeout=timeout,
                                                env=font_environment())
            produced.replace(out)  # one file system: the scratch directory is beside ``out``
    except OSError as error:
        raise InputError(f"无法写出 PDF 文件“{out}”：{error.strerror or error}", file=str(docx),
                         english=f"cannot write {out}") from None
    return out


def render_pdfs(pairs: Sequence[tuple[Path, Path]], *, jobs: int | None = None,
                timeout: float = DEFAULT_TIMEOUT) -> list[Path | InputError]:
    """Convert each (source, target) pair, ``jobs`` at a time (default: one per CPU core).

    Returns, in the order of ``pairs``, the PDF written or the :class:`InputError` of a
    conversion that failed (its ``file`` is the source): one failure never stops the others.
    """
    if not pairs:
        return []
    workers = max(1, min(jobs or os.cpu_count() or 1, len(pairs)))
    with ProcessPoolExecutor(workers, mp_context=_worker_context()) as pool:
        futures = [pool.submit(_convert, source, target, timeout) for source, target in pairs]
        return [_outcome(future, source) for future, (source, _) in zip(futures, pairs, strict=True)]


def _worker_context() -> BaseContext:
    """Forked workers on Linux when this process runs no other thread (a fork could copy a lock
    another thread holds); spawned ones elsewhere."""
    if sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _convert(source: Path, target: Path, timeout: float) -> Path | InputError:
    try:
        return render_pdf(source, target, timeout=timeout)
    except InputError as error:
        return error


def _outcome(future: Future[Path | InputError], source: Path) -> Path | InputError:
    try:
        return future.result()
    except BrokenProcessPool:
        return InputError("转换 PDF 的进程意外退出，此文件未能转换", file=str(source),
                          english="the PDF conversion worker died")
