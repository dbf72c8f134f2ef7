"""Collected static files get gzip copies only, also where brotli is installed (locust brings it)."""

from __future__ import annotations

import importlib.util

from jixiao.web.staticfiles import GzipManifestStaticFilesStorage


def test_collected_files_are_compressed_with_gzip_and_not_brotli() -> None:
    assert importlib.util.find_spec("brotli") is not None  # else this test would prove nothing
    compressor = GzipManifestStaticFilesStorage().create_compressor(extensions=None, quiet=True)
    assert (compressor.use_gzip, compressor.use_brotli) == (True, False)
