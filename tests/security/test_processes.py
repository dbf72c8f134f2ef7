"""Stopping jixiao stops LibreOffice with it and leaves no temporary folder behind."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jixiao.documents.office_convert import convert_with_libreoffice

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice missing")


def processes_mentioning(text: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if text in (entry / "cmdline").read_bytes().decode("utf-8", "replace"):
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def test_sigterm_during_a_conversion_kills_libreoffice_and_removes_its_folders(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>本年支出 100 万元。</p></body></html>", encoding="utf-8")
    doc = convert_with_libreoffice(page, "doc:MS Word 97", tmp_path / "doc", timeout=120)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    child = subprocess.Popen([sys.executable, "-c", "from jixiao.cli import app; app()", "check", str(doc)],
                             env={**os.environ, "TMPDIR": str(scratch)}, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    marker = f"jixiao-libreoffice-{child.pid}-"
    deadline = time.monotonic() + 60
    while not processes_mentioning(marker) and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.05)
    assert processes_mentioning(marker), "LibreOffice never started"
    child.send_signal(signal.SIGTERM)
    assert child.wait(30) == 128 + signal.SIGTERM
    deadline = time.monotonic() + 10
    while processes_mentioning(marker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert processes_mentioning(marker) == []
    assert sorted(path.name for path in scratch.iterdir()) == []
