"""dump_yaml writes numbers as written and reads back to an equal evaluation."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.io.load import dump_yaml, load_evaluation
from jixiao.model import Evaluation

EXAMPLE = Path(__file__).parents[2] / "examples" / "dongting-2023.yaml"
HERE = Path(__file__).parent
EXAMPLES = [HERE / "rich.yaml", EXAMPLE]


def reload(tmp_path: Path, text: str) -> Evaluation:
    path = tmp_path / "dumped.yaml"
    path.write_text(text, encoding="utf-8")
    return load_evaluation(path).evaluation


@pytest.mark.parametrize("source", EXAMPLES, ids=lambda path: path.name)
def test_load_of_dump_is_equal(tmp_path: Path, source: Path) -> None:
    evaluation = load_evaluation(source).evaluation
    assert reload(tmp_path, dump_yaml(evaluation)) == evaluation


def test_minimal_evaluation_writes_only_what_was_stated() -> None:
    evaluation = Evaluation.model_validate({"year": 2023, "unit": {"name": "某单位"}})
    assert dump_yaml(evaluation) == (
        "schema_version: 1\n"
        "year: 2023\n"
        "template: yueyanglou-2024\n"
        "profile: yueyanglou-2024\n"
        "unit:\n"
        "  name: 某单位\n"
    )


def test_numbers_are_plain_scalars_with_their_decimals() -> None:
    evaluation = Evaluation.model_validate({
        "year": 2023, "unit": {"name": "某单位"},
        "self_assessment": {"funds": {"initial_budget": "5.00", "actual": "87.2217",
                                      "full_year_budget": "150", "stated_execution_rate": "90%"}},
    })
    text = dump_yaml(evaluation)
    assert (
        "self_assessment:\n"
        "  funds:\n"
        "    initial_budget: 5.00\n"
        "    full_year_budget: 150\n"
        "    actual: 87.2217\n"
        "    stated_execution_rate: 90\n"
    ) in text


def test_text_that_looks_like_a_number_is_quoted(tmp_path: Path) -> None:
    evaluation = Evaluation.model_validate({
        "year": 2023, "unit": {"name": "某单位", "code": "010"},
        "sign_off": {"phone": "13812345678", "date": "2024-03-01"},
        "self_assessment": {"indicators": [
            {"level1": "产出指标", "nature": "=", "target": "1.3e2", "actual": "32",
             "weight": "6", "deviation_reason": "第一行\n第二行"}]},
    })
    text = dump_yaml(evaluation)
    for line in ("  code: '010'", "  phone: '13812345678'", "  date: '2024-03-01'",
                 "    nature: '='", "    target: '1.3e2'", "    actual: '32'",
                 "    deviation_reason: |-\n      第一行\n      第二行"):
        assert line in text
    assert reload(tmp_path, text) == evaluation


def test_amount_in_a_larger_unit_keeps_its_precision(tmp_path: Path) -> None:
    evaluation = Evaluation.model_validate({
        "year": 2023, "unit": {"name": "某单位"},
        "self_assessment": {"funds": {"actual": "1.2亿元"}}})
    text = dump_yaml(evaluation)
    assert "    actual: 1.2亿元\n" in text
    assert reload(tmp_path, text) == evaluation
