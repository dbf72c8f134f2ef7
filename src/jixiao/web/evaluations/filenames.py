"""File names for downloads: Chinese kept, nothing that could name another place."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


def safe_name(text: str) -> str:
    """``text`` as one file name: no separators, no control characters, no leading dots (so
    no entry can climb out of the folder it is unpacked in)."""
    name = _UNSAFE.sub("_", text).strip(" .")
    return name[:120] or "报告"


def unique_names(names: Iterable[str], suffix: str) -> Iterator[str]:
    """Each name made safe, with （2）, （3）… after repeats, then ``suffix``."""
    seen: set[str] = set()
    for name in names:
        base = safe_name(name)
        candidate, number = base, 1
        while candidate in seen:
            number += 1
            candidate = f"{base}（{number}）"
        seen.add(candidate)
        yield candidate + suffix
