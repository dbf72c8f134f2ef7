"""Source maps (field path → :class:`~jixiao.findings.Place`): the first field inside a path.

A finding or a validation error names a field path; when that path has no place of its own (a
section left blank in a workbook) it is reported at the first field inside it. Scanning the
whole map for that field per finding is quadratic (4,000 indicators: over a minute); here every
path's first field is indexed once per map, in the map's order, so each lookup is constant.
"""

from __future__ import annotations

from collections.abc import Mapping

from jixiao.findings import Place

_indexed: list[tuple[Mapping[str, Place], dict[str, str]]] = []


def first_inside(path: str, source: Mapping[str, Place]) -> str | None:
    """The first key of ``source`` (in its order) inside ``path`` (``path.x`` or ``path[i]``)."""
    return _index(source).get(path)


def _index(source: Mapping[str, Place]) -> dict[str, str]:
    for known, index in _indexed:
        if known is source:
            return index
    index = {}
    for key in source:
        for ancestor in _ancestors(key):
            index.setdefault(ancestor, key)
    _indexed[:] = [(source, index)]  # the maps of one file come one after another
    return index


def _ancestors(path: str) -> list[str]:
    """The paths ``path`` lies inside, nearest first (not the root)."""
    found = []
    cut = max(path.rfind("."), path.rfind("["))
    while cut > 0:
        path = path[:cut]
        found.append(path)
        cut = max(path.rfind("."), path.rfind("["))
    return found
