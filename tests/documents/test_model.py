"""Cells and paragraphs a reader gives by their coordinates are the frozen values they stand for."""

from __future__ import annotations

import copy
import pickle
from dataclasses import FrozenInstanceError

import pytest

from jixiao.documents.model import Cell, Paragraph
from jixiao.findings import Place

CELL_PLACE = Place(sheet="附件1", cell="B3", table=2, row=3, col=1, line=40, start=500, end=506)
PARAGRAPH_PLACE = Place(paragraph=4, line=12, start=80, end=95)


def read_cell() -> Cell:
    return Cell.read("132.71", (2, 3, 1, 40, 500, 506, "附件1", "B3"))


def read_paragraph() -> Paragraph:
    return Paragraph.read("一、部门基本情况", (4, 12, 80, 95, None, None))


def test_a_cell_read_by_coordinates_has_its_place() -> None:
    assert read_cell().place == CELL_PLACE
    assert Cell.read("", (0, 0, 0, 1, 1, 1)).place == Place(table=0, row=0, col=0, line=1, start=1, end=1)


def test_a_paragraph_read_by_coordinates_has_its_place() -> None:
    assert read_paragraph().place == PARAGRAPH_PLACE


def test_a_paragraph_read_as_a_cell_is_a_cell_at_the_paragraph_s_place() -> None:
    paragraph = read_paragraph()
    cell = Cell.placed_as(paragraph.text, paragraph)
    assert cell == Cell("一、部门基本情况", PARAGRAPH_PLACE)
    assert cell.place is paragraph.place
    assert pickle.loads(pickle.dumps(cell)) == cell


def test_the_place_is_built_once() -> None:
    cell = read_cell()
    assert cell.place is cell.place


def test_equal_and_hashed_as_the_value_it_stands_for() -> None:
    assert read_cell() == Cell("132.71", CELL_PLACE)
    assert hash(read_cell()) == hash(Cell("132.71", CELL_PLACE))
    assert read_cell() != Cell("132.71", PARAGRAPH_PLACE)
    assert read_paragraph() == Paragraph("一、部门基本情况", PARAGRAPH_PLACE)
    assert read_paragraph() != Cell("一、部门基本情况", PARAGRAPH_PLACE)


def test_printed_as_the_value_it_stands_for() -> None:
    assert repr(read_paragraph()) == f"Paragraph(text='一、部门基本情况', place={PARAGRAPH_PLACE!r})"


def test_frozen() -> None:
    cell = read_cell()
    with pytest.raises(FrozenInstanceError):
        cell.text = "0"
    with pytest.raises(FrozenInstanceError):
        del cell.text


def test_copied_and_pickled_with_its_place() -> None:
    for cell in (pickle.loads(pickle.dumps(read_cell())), copy.deepcopy(read_cell()), copy.copy(read_cell())):
        assert cell == Cell("132.71", CELL_PLACE)
        assert isinstance(cell, Cell)


def test_matched_by_text_and_place() -> None:
    match read_cell():
        case Cell(text, place):
            assert (text, place) == ("132.71", CELL_PLACE)
        case _:
            pytest.fail("a cell matches Cell(text, place)")
