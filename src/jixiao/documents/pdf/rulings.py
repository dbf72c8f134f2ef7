"""The ruled tables of a PDF page, found from the path objects pypdfium2 has already loaded.

Each drawn path is turned into what pdfminer makes of it (a line, an axis-aligned rectangle or a
curve through its points, in top-down page coordinates), and those into pdfplumber's edges;
pdfplumber's table finder (snapping and joining the edges, their crossings, the cells between
them) then runs on those edges alone. The tables are the ones pdfplumber finds on the page,
without pdfminer parsing the page's content stream a second time.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterable, Iterator
from itertools import pairwise
from typing import Any

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]
Rect = tuple[float, float, float, float]
Edge = dict[str, Any]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
#: Form XObjects are looked into this deep (a page's own objects are depth 1).
MAX_DEPTH = 2
#: The argument types :func:`by_address` keeps: numbers; every other (a pointer) is an address.
_NUMBERS = frozenset({ctypes.c_int, ctypes.c_uint, ctypes.c_long, ctypes.c_ulong,
                      ctypes.c_float, ctypes.c_double})
_SUBPATH = re.compile(r"m[^m]+")
_OPERATORS = {pdfium_c.FPDF_SEGMENT_MOVETO: "m", pdfium_c.FPDF_SEGMENT_LINETO: "l"}
"""pdfminer's operator of a pdfium path segment, but for curves ("c")."""


def drawn_objects(page: pdfium.PdfPage, kind: int) -> Iterator[tuple[Any, Matrix]]:
    """The page's objects of ``kind`` (``FPDF_PAGEOBJ_*``), its own and those of the forms it
    draws (:data:`MAX_DEPTH`), each with the matrix to page coordinates. pdfium's own functions:
    pypdfium2's ``get_objects`` makes a Python object of every object of the page, text included."""
    return _objects(page.raw, kind, IDENTITY, 1, top_level=True)


def by_address(function: Any) -> Any:
    """pdfium's ``function`` (a ``pypdfium2.raw`` one) to be called with handles and pointers
    as plain addresses (:func:`address_of`, ``ctypes.addressof``) and integers: ctypes converts
    and checks the arguments of pypdfium2's typed prototypes on every call, a fifth of the cost
    of a call made for every character or object of a page."""
    kinds = [kind if kind in _NUMBERS else ctypes.c_void_p for kind in function.argtypes]
    return ctypes.CFUNCTYPE(function.restype, *kinds)(address_of(function))


def address_of(pointer: Any) -> int:
    """The address a ctypes pointer (a pdfium handle, a function) holds."""
    return ctypes.cast(pointer, ctypes.c_void_p).value or 0


def page_edges(page: pdfium.PdfPage, paths: Iterable[tuple[Any, Matrix]],
               min_length: float = 0.0) -> list[Edge]:
    """pdfplumber's edges of every line, rectangle and curve the page's ``paths``
    (:func:`drawn_objects`) draw that its table finder's first filter keeps (``filter_edges``):
    the vertical ones, then the horizontal ones, each at least ``min_length`` long. Only those
    are built: a ruled page draws its rules as thin rectangles, whose short sides, about half
    of all edges, are dropped there."""
    height = page.get_height()
    vertical: list[Edge] = []
    horizontal: list[Edge] = []
    for path, matrix in paths:
        for shape, points in _subpaths(path, matrix):
            for kind, p0, p1, orientation in _sides(shape, [(x, height - y) for x, y in points]):
                left, right = min(p0[0], p1[0]), max(p0[0], p1[0])
                top, bottom = min(p0[1], p1[1]), max(p0[1], p1[1])
                if orientation == "v" and bottom - top >= min_length:
                    vertical.append(_edge(kind, left, top, right, bottom, orientation))
                elif orientation == "h" and right - left >= min_length:
                    horizontal.append(_edge(kind, left, top, right, bottom, orientation))
    return vertical + horizontal


def find_tables(page: pdfium.PdfPage, paths: Iterable[tuple[Any, Matrix]]) -> list[Any]:
    """pdfplumber's tables (its ``Table``, with its default settings: ruling lines only) on the
    page's drawn ``paths``: its table finder's steps one by one, but for the cells between the
    crossings, which :func:`_cells` finds as pdfplumber does without its scans of all crossings."""
    from pdfplumber.table import Table, TableSettings, edges_to_intersections, merge_edges
    from pdfplumber.utils.geometry import filter_edges

    settings = TableSettings.resolve(None)
    drawn = page_edges(page, paths, settings.edge_min_length_prefilter)
    if not drawn:
        return []
    merged = filter_edges(merge_edges(drawn, settings.snap_x_tolerance, settings.snap_y_tolerance,
                                      settings.join_x_tolerance, settings.join_y_tolerance),
                          min_length=settings.edge_min_length)
    crossings = edges_to_intersections(merged, settings.intersection_x_tolerance,
                                       settings.intersection_y_tolerance)
    return [Table(page, cells) for cells in _tables(_cells(crossings))]


def _cells(crossings: dict[Point, dict[str, list[Edge]]]) -> list[Rect]:
    """pdfplumber's ``intersections_to_cells``: for every crossing (in order), the smallest cell
    it is the top left corner of, the crossings below and right of it and the edges joining
    them alike, found the same way. pdfplumber scans every later crossing for the ones below
    and to the right, and builds the sets of edges again for every pair it tries: a table of
    300 crossings cost 10 ms. Here each crossing's column and row, and its edges, are indexed
    once."""
    points = sorted(crossings)
    vertical = {point: {_bbox(edge) for edge in crossings[point]["v"]} for point in points}
    horizontal = {point: {_bbox(edge) for edge in crossings[point]["h"]} for point in points}
    columns: dict[float, list[Point]] = {}
    rows: dict[float, list[Point]] = {}
    for point in points:  # in order: a column top to bottom, a row left to right
        columns.setdefault(point[0], []).append(point)
        rows.setdefault(point[1], []).append(point)

    def joined(one: Point, other: Point) -> bool:
        return ((one[0] == other[0] and not vertical[one].isdisjoint(vertical[other]))
                or (one[1] == other[1] and not horizontal[one].isdisjoint(horizontal[other])))

    cells = []
    for point in points:
        column, row = columns[point[0]], rows[point[1]]
        below, right = column[column.index(point) + 1:], row[row.index(point) + 1:]
        cell = next(((point[0], point[1], corner[0], corner[1])
                     for down in below if joined(point, down)
                     for across in right if joined(point, across)
                     for corner in [(across[0], down[1])]
                     if corner in crossings and joined(corner, across) and joined(corner, down)), None)
        if cell is not None:
            cells.append(cell)
    return cells


def _tables(cells: list[Rect]) -> list[list[Rect]]:
    """pdfplumber's ``cells_to_tables``: the cells grouped in tables, a cell joining the table
    being built when it shares a corner with it, in passes over the cells left until one adds
    none; tables top to bottom, then left to right, those of one cell left out. pdfplumber
    removes each cell it takes from the list of those left, one search of the list each (the
    cells are all distinct: each has its own top left corner); here each pass keeps the ones
    it leaves."""
    remaining, tables = cells, []
    corners: set[Point] = set()
    table: list[Rect] = []
    while remaining:
        before, kept = len(table), []
        for cell in remaining:
            x0, top, x1, bottom = cell
            own = ((x0, top), (x0, bottom), (x1, top), (x1, bottom))
            if not table or any(corner in corners for corner in own):
                corners.update(own)
                table.append(cell)
            else:
                kept.append(cell)
        remaining = kept
        if len(table) == before:
            tables.append(table)
            corners, table = set(), []
    if table:
        tables.append(table)
    return [table for table in sorted(tables, key=lambda cells: min((cell[1], cell[0]) for cell in cells))
            if len(table) > 1]


def _bbox(edge: Edge) -> Rect:
    return (edge["x0"], edge["top"], edge["x1"], edge["bottom"])


def _objects(parent: Any, kind: int, matrix: Matrix, depth: int,
             top_level: bool = False) -> Iterator[tuple[Any, Matrix]]:
    count = pdfium_c.FPDFPage_CountObjects(parent) if top_level else pdfium_c.FPDFFormObj_CountObjects(parent)
    # Objects are found and typed by address, thousands a page (a text object per run).
    get = by_address(pdfium_c.FPDFPage_GetObject if top_level else pdfium_c.FPDFFormObj_GetObject)
    type_of = by_address(pdfium_c.FPDFPageObj_GetType)
    address = address_of(parent)
    for index in range(count):
        item = get(address, index)
        found = type_of(item)
        if found == kind:
            yield item, _times(_matrix(item), matrix)
        elif found == pdfium_c.FPDF_PAGEOBJ_FORM and depth < MAX_DEPTH:
            yield from _objects(item, kind, _times(_matrix(item), matrix), depth + 1)


def _matrix(item: Any) -> Matrix:
    found = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(item, found):
        return IDENTITY
    return (found.a, found.b, found.c, found.d, found.e, found.f)


def _times(first: Matrix, then: Matrix) -> Matrix:
    """``first`` followed by ``then``."""
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = then
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def _subpaths(path: Any, matrix: Matrix) -> Iterator[tuple[str, list[Point]]]:
    """The path as pdfminer paints it: each subpath's operators (m, l, c, h) and the point each
    one ends on, in page coordinates (y upwards)."""
    shape, points = [], []
    x, y = ctypes.c_float(), ctypes.c_float()
    x_at, y_at = ctypes.addressof(x), ctypes.addressof(y)
    segment_at, point_of, type_of, closes = _SEGMENT_CALLS
    address = address_of(path)
    bezier = 0
    for index in range(pdfium_c.FPDFPath_CountSegments(path)):
        segment = segment_at(address, index)
        point_of(segment, x_at, y_at)
        kind = type_of(segment)
        point = _apply(matrix, x.value, y.value)
        if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            bezier += 1
            if bezier % 3:  # the two control points of a curve end on its third point
                continue
        operator = _OPERATORS.get(kind, "c")
        shape.append(operator)
        points.append(point)
        if closes(segment):
            shape.append("h")
            points.append(points[len(points) - 1 - _since_move(shape)])
    text = "".join(shape)
    if not text.startswith("m"):  # no valid path: pdfminer paints nothing
        return
    for match in _SUBPATH.finditer(text):
        yield match.group(), points[match.start():match.end()]


_SEGMENT_CALLS = tuple(by_address(function) for function in (
    pdfium_c.FPDFPath_GetPathSegment, pdfium_c.FPDFPathSegment_GetPoint, pdfium_c.FPDFPathSegment_GetType,
    pdfium_c.FPDFPathSegment_GetClose))
"""pdfium's calls for a path's segments, by address: four for every segment of every path of a
ruled page (thousands), where ctypes' conversion of typed arguments cost a third of the walk."""


def _since_move(shape: list[str]) -> int:
    """How many operators back (before the closing ``h`` just added) the subpath began."""
    for back, operator in enumerate(reversed(shape[:-1])):
        if operator == "m":
            return back
    return len(shape) - 1


def _apply(matrix: Matrix, x: float, y: float) -> Point:
    a, b, c, d, e, f = matrix
    return (a * x + c * y + e, b * x + d * y + f)


Side = tuple[str, Point, Point, str | None]
"""An edge before it is measured: pdfplumber's kind of it, its ends and its orientation."""


def _sides(shape: str, points: list[Point]) -> list[Side]:
    """pdfplumber's edges of one painted subpath (points top-down), as their ends."""
    if len(shape) > 3 and shape[-2:] == "lh" and points[-2] == points[0]:
        shape, points = shape[:-2] + "h", points[:-2] + points[-1:]
    if shape in {"mlh", "ml"}:
        p0, p1 = points[0], points[1]
        return [("line", p0, p1, "h" if p0[1] == p1[1] else "v")]
    if shape in {"mlllh", "mllll"} and points[0] == points[4] and _square(points):
        return _rect(points[0], points[2])
    return [("curve_edge", p0, p1, "v" if p0[0] == p1[0] else ("h" if p0[1] == p1[1] else None))
            for p0, p1 in pairwise(points)]


def _square(points: list[Point]) -> bool:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points[:4]
    return ((x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0)
            or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0))


def _edge(kind: str, left: float, top: float, right: float, bottom: float, orientation: str) -> Edge:
    return {"object_type": kind, "x0": left, "x1": right, "top": top, "doctop": top, "bottom": bottom,
            "width": right - left, "height": bottom - top, "orientation": orientation}


def _rect(corner: Point, opposite: Point) -> list[Side]:
    left, right = min(corner[0], opposite[0]), max(corner[0], opposite[0])
    top, bottom = min(corner[1], opposite[1]), max(corner[1], opposite[1])
    return [("rect_edge", (left, top), (right, top), "h"),
            ("rect_edge", (left, bottom), (right, bottom), "h"),
            ("rect_edge", (left, top), (left, bottom), "v"),
            ("rect_edge", (right, top), (right, bottom), "v")]
