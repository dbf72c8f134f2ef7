"""Excel workbooks where text stays text: jixiao's own formulas are the only formulas.

XlsxWriter's generic ``write`` (also behind ``merge_range``) turns a string starting with ``=``
into a live formula (``=HYPERLINK(…)``, ``=cmd|' /C calc'!A0``), a URL into a hyperlink and, if
asked, a numeric string into a number. A unit's name, goals or 厉行节约 text must never become
any of these, so every workbook jixiao writes is opened with those conversions off, and merged
ranges are filled with :func:`merge_text` (an empty merge, then the text written as a string).
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

import xlsxwriter  # type: ignore[import-untyped]

TEXT_STAYS_TEXT = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}


def text_workbook(path: Path | IO[bytes], options: dict[str, Any] | None = None) -> Any:
    """An XlsxWriter workbook at ``path`` (a file, or a buffer written in memory) that writes
    every string as a string."""
    if isinstance(path, Path):
        return xlsxwriter.Workbook(str(path), {**(options or {}), **TEXT_STAYS_TEXT})
    return xlsxwriter.Workbook(path, {**(options or {}), "in_memory": True, **TEXT_STAYS_TEXT})


def merge_text(sheet: Any, first_row: int, first_col: int, last_row: int, last_col: int, text: str,
               style: Any) -> None:
    """``text`` over a merged range, always as a string."""
    sheet.merge_range(first_row, first_col, last_row, last_col, "", style)
    sheet.write_string(first_row, first_col, text, style)
