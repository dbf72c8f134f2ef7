"""How static files are stored when collected: hashed names (cached for ever) and gzip copies."""

from __future__ import annotations

from typing import Any

from whitenoise.compress import Compressor
from whitenoise.storage import CompressedManifestStaticFilesStorage


class GzipManifestStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's storage without brotli copies, even where the brotli module is installed:
    brotli at its highest quality made ``collectstatic``, which every ``jixiao serve`` start runs,
    take fourteen times as long, for files every browser also accepts gzipped."""

    def create_compressor(self, **kwargs: Any) -> Compressor:
        return super().create_compressor(use_brotli=False, **kwargs)
