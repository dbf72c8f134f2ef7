"""Collecting a report's values by field path: list counts, and places named when looked up."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.extract.evaluation.fields import Fields, SourceMap, steps
from jixiao.findings import Place

_PATHS = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3), st.sampled_from(["name", "amount"])),
                  max_size=30)


def _counted_by_scan(values: dict[str, object], prefix: str) -> int:
    return len({path[len(prefix) + 1:].split("]")[0] for path in values if path.startswith(f"{prefix}[")})


@settings(max_examples=200, deadline=None)
@given(_PATHS, st.integers(0, 3))
def test_a_list_counts_the_items_put_in_any_order_and_after_a_drop(
        puts: list[tuple[int, int, str]], dropped: int) -> None:
    fields = Fields()
    for item, line, name in puts:
        fields.put(f"a[{item}].b[{line}].{name}", 1, Place())
    fields.drop(f"a[{dropped}]")
    fields.put("a[9].c", 1, Place())
    assert fields.count("a") == _counted_by_scan(fields.values, "a")
    for item in range(4):
        assert fields.count(f"a[{item}].b") == _counted_by_scan(fields.values, f"a[{item}].b")


def test_the_source_map_names_each_path_in_its_place() -> None:
    read = Place(table=2, row=3, col=4, start=10, end=12)
    source = SourceMap({"unit.staffing.actual": read})
    assert source["unit.staffing.actual"] == Place(path="unit.staffing.actual", table=2, row=3, col=4,
                                                   start=10, end=12)
    assert "unit.staffing.actual" in source and "unit" not in source
    assert dict(source) == {"unit.staffing.actual": source["unit.staffing.actual"]}
    assert source.get("unit") is None


def test_steps_of_a_path() -> None:
    assert steps("self_assessment.indicators[12].weight") == ("self_assessment", "indicators", 12, "weight")
