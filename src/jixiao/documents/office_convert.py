"""Converting office files with LibreOffice headless (``soffice --convert-to``).

Readers convert ``.doc`` and ``.xls`` to ``.docx`` and ``.xlsx`` with it; the report renderer
converts ``.docx`` to ``.pdf``. LibreOffice refuses to run twice on one user profile, so each
process has its own profile directory (``-env:UserInstallation``), created on first use and
removed at exit, and the conversions of one process run one at a time: parallel workers never
collide. A conversion that outlasts its ``timeout`` is killed with its whole process group.

LibreOffice reads files that may be hostile, so it runs **without network**: in a network
namespace of its own (``unshare --net``, as an unprivileged user through a user namespace)
wherever the system allows one, and in every case with a profile that never updates links
(Writer, Calc), blocks linked images and other untrusted referers, and runs no macro
(:data:`HARDENED_PROFILE`).
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import multiprocessing.util
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path

from jixiao.io.errors import InputError

#: The LibreOffice commands looked for on ``PATH``, in order.
COMMANDS = ("soffice", "libreoffice")
#: The prefixes that run a command without network, tried in order (the first that works).
MAX_MEMORY = 1024 * 1024 * 1024
"""Address space LibreOffice may use (``RLIMIT_AS``): a report converts in some 300 MB."""
NO_NETWORK = (("unshare", "--net"), ("unshare", "--net", "--map-root-user"))


def _item(path: str, name: str, value: str) -> str:
    return (f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse">'
            f'<value>{value}</value></prop></item>')


#: LibreOffice settings of every profile jixiao uses: links never updated, linked images and
#: other untrusted referers blocked, macros never run.
HARDENED_PROFILE = "\n".join((
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">',
    _item("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "true"),
    _item("/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "true"),
    _item("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "3"),
    _item("/org.openoffice.Office.Writer/Content/Update", "Link", "0"),  # 0: never
    _item("/org.openoffice.Office.Calc/Content/Update", "Link", "1"),  # 1: never
    # Any fetch that is still tried goes to a proxy on a closed loopback port, and fails.
    _item("/org.openoffice.Inet/Settings", "ooInetProxyType", "2"),
    _item("/org.openoffice.Inet/Settings", "ooInetNoProxy", ""),
    _item("/org.openoffice.Inet/Settings", "ooInetHTTPProxyName", "127.0.0.1"),
    _item("/org.openoffice.Inet/Settings", "ooInetHTTPProxyPort", "9"),
    _item("/org.openoffice.Inet/Settings", "ooInetHTTPSProxyName", "127.0.0.1"),
    _item("/org.openoffice.Inet/Settings", "ooInetHTTPSProxyPort", "9"),
    _item("/org.openoffice.Inet/Settings", "ooInetFTPProxyName", "127.0.0.1"),
    _item("/org.openoffice.Inet/Settings", "ooInetFTPProxyPort", "9"),
    "</oor:items>",
))
_lock = threading.Lock()
_profiles: dict[int, Path] = {}  # process id → its profile directory


def convert_with_libreoffice(source: Path, target_format: str, out_dir: Path, *, timeout: float,
                             env: Mapping[str, str] | None = None) -> Path:
    """The file converted from ``source`` into ``out_dir`` as ``target_format`` (``"docx"``,
    ``"xlsx"``, ``"pdf"``, or with a filter: ``"pdf:writer_pdf_Export"``). ``env`` adds variables to
    LibreOffice's environment (the renderer's ``FONTCONFIG_FILE``).

    :class:`InputError` (in Chinese) when LibreOffice is not installed, when it fails or
    produces nothing, and when it runs longer than ``timeout`` seconds."""
    file = str(source)
    if not source.is_file():
        raise InputError("文件不存在", file=file, english="file not found")
    command = _soffice(file)
    suffix = target_format.split(":", 1)[0]
    target = out_dir / f"{source.stem}.{suffix}"
    out_dir.mkdir(parents=True, exist_ok=True)
    with _lock:
        target.unlink(missing_ok=True)
        args = [command, f"-env:UserInstallation={_profile().as_uri()}", "--headless", "--norestore",
                "--nolockcheck", "--convert-to", target_format, "--outdir", str(out_dir), str(source)]
        _run(args, file, timeout, env)
    if not target.is_file() or target.stat().st_size == 0:
        raise InputError(f"LibreOffice 未能将文件转换为 {suffix} 格式（文件可能已损坏或格式不符）", file=file,
                         english=f"LibreOffice could not convert the file to {suffix}")
    return target


def convert_all_with_libreoffice(sources: Sequence[Path], target_format: str, out_dir: Path, *,
                                 timeout: float, env: Mapping[str, str] | None = None) -> dict[Path, Path]:
    """Several files converted into ``out_dir`` by one LibreOffice run (it starts once, which is
    much faster than a run per file); the files produced, by source. The sources must have
    distinct names. A file LibreOffice cannot convert is absent from the result; the run itself
    failing or outlasting ``timeout`` raises :class:`InputError` as for one file."""
    if not sources:
        return {}
    file = str(sources[0])
    command = _soffice(file)
    suffix = target_format.split(":", 1)[0]
    targets = {source: out_dir / f"{source.stem}.{suffix}" for source in sources}
    out_dir.mkdir(parents=True, exist_ok=True)
    with _lock:
        for target in targets.values():
            target.unlink(missing_ok=True)
        args = [command, f"-env:UserInstallation={_profile().as_uri()}", "--headless", "--norestore",
                "--nolockcheck", "--convert-to", target_format, "--outdir", str(out_dir), *map(str, sources)]
        _run(args, file, timeout, env)
    return {source: target for source, target in targets.items()
            if target.is_file() and target.stat().st_size > 0}


def _soffice(file: str) -> str:
    for name in COMMANDS:
        found = shutil.which(name)
        if found:
            return found
    raise InputError("未找到 LibreOffice（soffice 命令），无法转换此文件；请先安装 LibreOffice", file=file,
                     english="LibreOffice (soffice) is not installed")


def _profile() -> Path:
    """This process's LibreOffice profile directory (a forked worker gets its own)."""
    pid = os.getpid()
    if pid not in _profiles:
        path = Path(tempfile.mkdtemp(prefix=f"jixiao-libreoffice-{pid}-"))
        (path / "user").mkdir()
        (path / "user" / "registrymodifications.xcu").write_text(HARDENED_PROFILE, encoding="utf-8")
        _profiles[pid] = path
        atexit.register(shutil.rmtree, path, ignore_errors=True)
        # A multiprocessing worker leaves through os._exit, which skips atexit: finalize there too.
        multiprocessing.util.Finalize(None, shutil.rmtree, args=(path,), kwargs={"ignore_errors": True},
                                      exitpriority=0)
    return _profiles[pid]


@functools.cache
def no_network_prefix() -> tuple[str, ...]:
    """The first of :data:`NO_NETWORK` that runs here (none when the system allows none)."""
    for prefix in NO_NETWORK:
        if shutil.which(prefix[0]) is None:
            continue
        try:
            done = subprocess.run([*prefix, "true"], stdin=subprocess.DEVNULL, capture_output=True,
                                  timeout=10)
        except (OSError, subprocess.SubprocessError):
            continue
        if done.returncode == 0:
            return prefix
    return ()


def _bounded_memory() -> None:
    """In the child, before LibreOffice starts: its address space is at most :data:`MAX_MEMORY`
    (a hostile document makes it fail, not take the machine's memory)."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MAX_MEMORY, MAX_MEMORY))


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """Kill the whole process group of ``process`` (soffice.bin and its helpers) and reap it."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        process.communicate(timeout=10)


def _run(args: list[str], file: str, timeout: float, env: Mapping[str, str] | None = None) -> None:
    # Own process group, so a timeout kills soffice.bin too, not only the launcher script;
    # ``unshare`` without ``--fork`` execs LibreOffice in place, in the group.
    process = subprocess.Popen([*no_network_prefix(), *args], stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
                               env=None if env is None else {**os.environ, **env},
                               preexec_fn=_bounded_memory)  # sets one limit and takes no lock
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        raise InputError(f"LibreOffice 转换超过 {timeout:g} 秒仍未完成，已中止", file=file,
                         english=f"LibreOffice conversion timed out after {timeout:g} s") from None
    finally:  # on every exit path (Ctrl-C, SIGTERM raised as SystemExit, any error) the group goes
        _kill_group(process)
    if process.returncode != 0:
        detail = output.decode("utf-8", "replace").strip().splitlines()
        reason = f"：{detail[-1]}" if detail else ""
        limit = f"内存上限 {MAX_MEMORY // (1024 * 1024)} MB"  # past it, LibreOffice fails in many ways
        raise InputError(f"LibreOffice 转换失败（退出码 {process.returncode}，{limit}）{reason}", file=file,
                         english=f"LibreOffice failed with exit code {process.returncode}")
