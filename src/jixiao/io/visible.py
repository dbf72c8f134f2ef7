"""Text from files and their names made safe to show: the one function every command passes a
file name (and any text read from a file) through before it reaches a terminal, a text or YAML
output, or a JSON or HTML report.

A name is bytes on Linux: a GBK name from a Windows zip arrives as undecodable bytes (Python's
surrogate escapes), which no UTF-8 output can hold; a line break in a name forges a
``path:line:`` line or a YAML key; an escape code steers the terminal. Each is written as an
escape (``\\xb0``, ``\\n``, ``\\x1b``, ``\\u202e``), the same way everywhere.
"""

from __future__ import annotations

import re
from os import PathLike

_UNSEEN = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")


def visible(text: str | PathLike[str]) -> str:
    """``text`` (or a path's name as given) safe for a terminal, for one line and for UTF-8:
    control characters (a PDF's ESC sequences, a line break in a file name), bidirectional
    overrides and undecodable bytes of a file name written as escapes, so nothing can move the
    cursor, recolour the terminal, forge a line or fail to encode. Idempotent."""
    return _UNSEEN.sub(_escape, str(text))


def _escape(match: re.Match[str]) -> str:
    character = match.group()
    code = ord(character)
    if 0xDC80 <= code <= 0xDCFF:  # a byte the file system name did not decode
        return f"\\x{code - 0xDC00:02x}"
    if character in ("\n", "\r"):
        return "\\n" if character == "\n" else "\\r"
    return f"\\u{code:04x}" if code > 0xFF else f"\\x{code:02x}"
