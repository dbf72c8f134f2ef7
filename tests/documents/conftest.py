"""Files shared by the document reader tests."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def zip_bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A zip whose one member unpacks to 250 MB of zeros (the file itself stays small)."""
    path = tmp_path_factory.mktemp("bomb") / "炸弹.zip"
    chunk = bytes(1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
        for _ in range(250):
            member.write(chunk)
    assert path.stat().st_size < 1024 * 1024
    return path
