"""PDF from the rendered Word report (or the attachment workbook), through LibreOffice headless.

LibreOffice runs with jixiao's font aliases (:func:`jixiao.render.fonts.fonts_conf` as
``FONTCONFIG_FILE``), so 宋体, 仿宋_GB2312, 黑体 … render in Noto CJK instead of falling back
to a font without Chinese glyphs. Each conversion writes into a directory of its own and the
result is then moved to its target, so conversions never overwrite one another's output, even
of files with the same name. :func:`render_pdfs` converts many files at once, one worker
process per job, each with its own LibreOffice profile (LibreOffice refuses to share one); a
worker hands LibreOffice a chunk of files per run, since starting LibreOffice costs more than
converting a small report, and converts again one by one any file a chunk did not give back,
so that a failure is reported for its own file and no other.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from jixiao.documents.office_convert import convert_all_with_libreoffice, convert_with_libreoffice
from jixiao.io.errors import InputError, os_reason
from jixiao.io.visible import visible
from jixiao.render.fonts import fonts_conf
from jixiao.workers import worker_context

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
        raise InputError(f"无法写出 PDF 文件“{visible(out)}”：{os_reason(error)}", file=str(docx),
                         english=f"cannot write {out}") from None
    return out


def page_count(pdf: Path) -> int:
    """How many pages the PDF at ``pdf`` has."""
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    document = pdfium.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


CHUNK = 10
"""Files per LibreOffice run in :func:`render_pdfs` (fewer when that leaves a worker idle)."""

Pairs = Sequence[tuple[Path, Path]]


def render_pdfs(pairs: Pairs, *, jobs: int | None = None,
                timeout: float = DEFAULT_TIMEOUT) -> list[Path | InputError]:
    """Convert each (source, target) pair, ``jobs`` at a time (default: one per CPU core);
    ``timeout`` applies to each file.

    Returns, in the order of ``pairs``, the PDF written or the :class:`InputError` of a
    conversion that failed (its ``file`` is the source): one failure never stops the others.
    """
    if not pairs:
        return []
    workers = max(1, min(jobs or os.cpu_count() or 1, len(pairs)))
    size = max(1, min(CHUNK, -(-len(pairs) // workers)))
    chunks = [pairs[start:start + size] for start in range(0, len(pairs), size)]
    with ProcessPoolExecutor(workers, mp_context=worker_context()) as pool:
        futures = [pool.submit(_convert_chunk, chunk, timeout) for chunk in chunks]
        return [result for future, chunk in zip(futures, chunks, strict=True)
                for result in _outcomes(future, chunk)]


def _convert(source: Path, target: Path, timeout: float) -> Path | InputError:
    try:
        return render_pdf(source, target, timeout=timeout)
    except InputError as error:
        return error


def _convert_chunk(chunk: Pairs, timeout: float) -> list[Path | InputError]:
    """One LibreOffice run for the whole chunk, then one run for each file it did not give back
    (which names that file's own error)."""
    with tempfile.TemporaryDirectory(prefix="jixiao-pdf-") as name:
        inbox = Path(name) / "in"
        inbox.mkdir()
        # Links named by position: sources of one name from different folders cannot collide.
        links = {index: inbox / f"{index}{source.suffix}" for index, (source, _) in enumerate(chunk)
                 if source.is_file()}
        for index, link in links.items():
            link.symlink_to(chunk[index][0].resolve())
        try:
            produced = convert_all_with_libreoffice(list(links.values()), "pdf", Path(name) / "out",
                                                    timeout=timeout * len(links), env=font_environment())
        except InputError:
            produced = {}
        return [_deliver(produced.get(links.get(index, inbox)), target)
                or _convert(source, target, timeout) for index, (source, target) in enumerate(chunk)]


def _deliver(produced: Path | None, target: Path) -> Path | None:
    """``produced`` moved to ``target``; ``None`` when there is none or it cannot be moved."""
    if produced is None:
        return None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(produced, target)
    except OSError:
        return None
    return target


def _outcomes(future: Future[list[Path | InputError]], chunk: Pairs) -> list[Path | InputError]:
    try:
        return future.result()
    except BrokenProcessPool:
        return [InputError("转换 PDF 的进程意外退出，此文件未能转换", file=str(source),
                           english="the PDF conversion worker died") for source, _ in chunk]
