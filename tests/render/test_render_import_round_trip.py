"""Round trip: a rendered report imported back gives the figures it was rendered from.

Every number of the evaluation (amounts, rates, staffing, weights, scores, as written) comes back
exactly. Text comes back where the form prints it as one field; what the form merges or does not
print (职能职责 as one paragraph, 年度总体目标 rows joined, 指标性质) is listed by the import as
missing or differs, and is not compared here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel

from jixiao.extract.evaluation.importing import import_report
from jixiao.io.load import load_evaluation
from jixiao.numbers import StatedNumber
from jixiao.render.report import render_report

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "dongting-2023.yaml"


def _numbers(data: Any, path: str = "") -> dict[str, StatedNumber]:
    if isinstance(data, BaseModel) and not isinstance(data, StatedNumber):
        return _numbers(dict(data), path)
    if isinstance(data, dict):
        return {key: value for name, item in data.items()
                for key, value in _numbers(item, f"{path}.{name}" if path else name).items()}
    if isinstance(data, list | tuple):
        return {key: value for index, item in enumerate(data)
                for key, value in _numbers(item, f"{path}[{index}]").items()}
    return {path: data} if isinstance(data, StatedNumber) else {}


def test_every_figure_of_the_example_comes_back_from_its_rendered_report(tmp_path: Path) -> None:
    evaluation = load_evaluation(EXAMPLE).evaluation
    rendered = render_report(evaluation, tmp_path / "报告.docx")
    imported = import_report(rendered.path)
    assert imported.template == "yueyanglou-2024"
    assert imported.evaluation is not None
    original = {path: number.written for path, number in _numbers(evaluation).items()}
    back = {path: number.written for path, number in _numbers(imported.evaluation).items()}
    assert len(original) == 84
    assert {path: back.get(path) for path in original} == original
