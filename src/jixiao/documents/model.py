"""The Document every reader produces: blocks of paragraphs and tables over one plain text.

Every paragraph and cell carries its :class:`~jixiao.findings.Place` from the moment it is read:
``line`` is the 1-based line of ``Document.text`` where its text starts, ``start``/``end`` are
character offsets into ``Document.text`` (``text[start:end]`` is exactly the block's text), and
``paragraph``, ``table``, ``row``, ``col`` are 0-based indices. Frozen values with slots: a
report has thousands of cells, so a reader keeps each one's coordinates and the ``Place`` is
built from them when first asked for.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass
from typing import Any, Self

from jixiao.findings import Place


class _Placed:
    """Text with its place, frozen. A reader gives the place's coordinates (:meth:`read`) and
    the :class:`Place` is built the first time it is asked for: a report has thousands of
    cells, and a finding or a relation cites few of them. Equal, hashed, printed and pickled
    as the frozen dataclass ``(text, place)`` it stands for."""

    __slots__ = ("_at", "_place", "text")
    __match_args__ = ("text", "place")
    text: str
    _place: Place  # unset until asked for: then built from ``_at``, the reader's coordinates
    _at: tuple[Any, ...] | _Placed  # or the text whose place this one is (:meth:`placed_as`)

    def __init__(self, text: str, place: Place) -> None:
        _set(self, "text", text)
        _set(self, "_place", place)

    @classmethod
    def read(cls, text: str, at: tuple[int | str | None, ...]) -> Self:
        """``text`` at the coordinates ``at`` (see the subclass for their order)."""
        placed = _new(cls)
        _set(placed, "text", text)
        _set(placed, "_at", at)
        return placed

    @classmethod
    def placed_as(cls, text: str, other: _Placed) -> Self:
        """``text`` at the place of ``other`` (a paragraph read as a row of one cell), built
        from ``other`` when first asked for."""
        placed = _new(cls)
        _set(placed, "text", text)
        _set(placed, "_at", other)
        return placed

    @property
    def place(self) -> Place:
        try:
            return self._place
        except AttributeError:
            at = self._at
            place = at.place if isinstance(at, _Placed) else self._built(*at)
            _set(self, "_place", place)
            return place

    @staticmethod
    def _built(*at: Any) -> Place:
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, _Placed)
        return self.text == other.text and self.place == other.place

    def __hash__(self) -> int:
        return hash((self.text, self.place))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(text={self.text!r}, place={self.place!r})"

    def __reduce__(self) -> tuple[type[Self], tuple[str, Place]]:
        return type(self), (self.text, self.place)

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")


_new = object.__new__
_set = object.__setattr__


class Paragraph(_Placed):
    """One paragraph of prose.

    ``text`` is the paragraph as written, without surrounding whitespace (never empty);
    ``place`` has ``paragraph`` (index among the document's paragraphs), ``line``, ``start``
    and ``end``; a workbook's paragraph also its ``sheet`` and ``cell``. A reader gives
    ``(paragraph, line, start, end, sheet, cell)`` to :meth:`read`."""

    __slots__ = ()

    @staticmethod
    def _built(paragraph: int, line: int, start: int, end: int, sheet: str | None = None,
               cell: str | None = None) -> Place:
        return Place(sheet=sheet, cell=cell, paragraph=paragraph, line=line, start=start, end=end)


class Cell(_Placed):
    """One table cell.

    ``text`` is the cell as written, without surrounding whitespace; it is empty for an empty
    cell and may span lines (``"实际规\\n模(m²)"``). ``place`` has ``table``, ``row``, ``col``,
    ``line``, ``start`` and ``end`` (``start == end`` for an empty cell); a workbook's cell also
    its ``sheet`` and ``cell``. A reader gives ``(table, row, col, line, start, end, sheet,
    cell)`` to :meth:`read`."""

    __slots__ = ()

    @staticmethod
    def _built(table: int, row: int, col: int, line: int, start: int, end: int,
               sheet: str | None = None, cell: str | None = None) -> Place:
        return Place(sheet=sheet, cell=cell, table=table, row=row, col=col, line=line, start=start,
                     end=end)


@dataclass(frozen=True, slots=True)
class Table:
    """One table: rows of cells, in reading order. Rows may differ in length (merged cells
    are not rebuilt). ``place`` has ``table``, the ``line`` of its first cell and the offsets
    spanning all its cells. ``cut`` says the text ends inside the last row (a pipe dump whose
    rows a line of pipes closes, cut before it: an excerpt or a page break), so rows may be
    missing."""

    rows: tuple[tuple[Cell, ...], ...]
    place: Place
    cut: bool = False

    def texts(self) -> tuple[tuple[str, ...], ...]:
        """The cell texts, row by row."""
        return tuple(tuple(cell.text for cell in row) for row in self.rows)


Block = Paragraph | Table


@dataclass(frozen=True, slots=True)
class Document:
    """A read report.

    ``file`` is the path as given; ``format`` the reader's name (``"text"``); ``blocks`` the
    paragraphs and tables in reading order; ``text`` the extracted plain text that every
    offset indexes (characters as written: full-width digits are not normalised)."""

    file: str
    format: str
    blocks: tuple[Block, ...]
    text: str

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(block for block in self.blocks if isinstance(block, Table))

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(block for block in self.blocks if isinstance(block, Paragraph))
