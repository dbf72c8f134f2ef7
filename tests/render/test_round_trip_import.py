"""jixiao imports what it writes: the Word report of a generated evaluation with every field
filled, in every template, imported back gives every figure and every text field the template
prints (its ``template.yaml`` ``fields``: 职能职责, goals, explanations, 指标性质 …), and
re-rendering the import gives the same document text.

Three things a form prints cannot tell apart, and the comparison says so: a sentence the form
closes with 。 (“负责…协调。”) whether or not the unit wrote the 。; a target the form prints
with its 指标性质 as a sign (“≥32户”) whether the unit wrote the sign or only chose the nature;
a 定性 or 不适用 row, whose nature the form prints only as its worded target (“及时办结”,
“不适用”): 指标性质 is compared as scoring reads it (:func:`~jixiao.scoring.infer_nature`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from render_builders import every_field_evaluation, figures_by_path

from jixiao.documents import read_document
from jixiao.extract.evaluation.importing import import_report
from jixiao.io.plain import plain_data
from jixiao.model import Evaluation
from jixiao.render.report import render_report
from jixiao.render.spec import available_templates, load_template
from jixiao.scoring import infer_nature

_SIGN = re.compile(r"^[≥≤=＝]")


def texts_by_path(data: Any, path: str = "") -> dict[str, str]:
    """Every text of plain ``data`` by its field path, as the form prints it: without the 。
    that closes a sentence, a target without its sign."""
    if isinstance(data, dict):
        return {key: value for name, item in data.items()
                for key, value in texts_by_path(item, f"{path}.{name}" if path else name).items()}
    if isinstance(data, list | tuple):
        return {key: value for index, item in enumerate(data)
                for key, value in texts_by_path(item, f"{path}[{index}]").items()}
    if not isinstance(data, str) or path.endswith(".nature"):
        return {}
    text = _SIGN.sub("", data) if path.endswith(".target") else data
    return {path: text.removesuffix("。")}


def _printed(values: dict[str, Any], template: str) -> dict[str, Any]:
    fields = tuple(load_template(template).fields)
    return {path: value for path, value in values.items()
            if any(path == field or path.startswith((f"{field}.", f"{field}[")) for field in fields)}


def _natures(evaluation: Evaluation, template: str) -> dict[str, str]:
    """指标性质 of every printed indicator, as scoring reads it."""
    tables = {"self_assessment": evaluation.self_assessment.indicators,
              **{f"projects[{i}]": project.indicators for i, project in enumerate(evaluation.projects)}}
    natures = {f"{table}.indicators[{i}].nature": infer_nature(row).value
               for table, rows in tables.items() for i, row in enumerate(rows)}
    return _printed(natures, template)


@pytest.mark.parametrize("template", available_templates())
def test_the_import_of_a_rendered_report_gives_back_what_it_prints(template: str, tmp_path: Path) -> None:
    evaluation = every_field_evaluation(template)
    spec = load_template(template)
    first = render_report(evaluation, tmp_path / "报告.docx", template=spec).path
    imported = import_report(first)
    assert (imported.template, imported.missing) == (template, ())
    back = imported.evaluation
    assert isinstance(back, Evaluation)
    figures = _printed({path: number.written for path, number in figures_by_path(evaluation).items()}, template)
    assert {path: figure.written for path, figure in figures_by_path(back).items() if path in figures} == figures
    texts = _printed(texts_by_path(plain_data(evaluation)), template)
    assert {path: text for path, text in texts_by_path(plain_data(back)).items() if path in texts} == texts
    assert _natures(back, template) == _natures(evaluation, template)
    again = render_report(back, tmp_path / "再出具.docx", template=spec).path
    assert read_document(again).text == read_document(first).text
