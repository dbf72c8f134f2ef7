"""The first field inside a path, as findings and validation errors are placed."""

from __future__ import annotations

from jixiao.findings import Place
from jixiao.source_map import first_inside


def test_the_first_field_inside_a_path_in_the_maps_order() -> None:
    source = {"unit.name": Place(line=1), "self_assessment.indicators[1].weight": Place(line=5),
              "self_assessment.indicators[0].name": Place(line=9), "self_assessment.goals": Place(line=12)}
    assert first_inside("self_assessment.indicators", source) == "self_assessment.indicators[1].weight"
    assert first_inside("self_assessment.indicators[0]", source) == "self_assessment.indicators[0].name"
    assert first_inside("self_assessment", source) == "self_assessment.indicators[1].weight"
    assert first_inside("self_assessment.goals", source) is None
    assert first_inside("unit.name", source) is None
    other = {"unit.name": Place(line=3)}
    assert first_inside("unit", other) == "unit.name"
    assert first_inside("self_assessment", source) == "self_assessment.indicators[1].weight"
