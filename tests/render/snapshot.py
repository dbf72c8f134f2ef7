"""Snapshot comparison: ``JIXIAO_UPDATE_SNAPSHOTS=1`` rewrites the stored files."""

from __future__ import annotations

import os
import re
from pathlib import Path

SNAPSHOTS = Path(__file__).parent / "snapshots"
_SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)


def normalise_html(html: str) -> str:
    """Charts are drawn by their own module and tested there: each SVG becomes ``<svg/>``."""
    return _SVG.sub("<svg/>", html)


def assert_snapshot(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("JIXIAO_UPDATE_SNAPSHOTS") == "1" or not path.exists():
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its snapshot"
