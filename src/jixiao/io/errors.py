"""Program-level errors of reading input files: one class, Chinese message built with its place."""

from __future__ import annotations

from jixiao.findings import Place


class InputError(Exception):
    """A file cannot be read as an evaluation.

    ``message`` says what is wrong in Chinese, for the end user; ``place`` says where (sheet and
    cell, or line, and the field path when known); ``english`` is a short English gloss for logs
    and the JSON error object.
    """

    def __init__(self, message: str, *, file: str | None = None, place: Place | None = None,
                 english: str = "") -> None:
        self.message = message
        self.file = file
        self.place = place or Place()
        self.english = english
        super().__init__(self.describe())

    def describe(self) -> str:
        location = self.place.label()
        prefix = ":".join(part for part in (self.file, location) if part)
        return f"{prefix}: {self.message}" if prefix else self.message
