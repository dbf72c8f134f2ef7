"""Round trip: a rendered report imported back gives the figures it was rendered from.

Every number of the evaluation (amounts, rates, staffing, weights, scores, as written) comes back
exactly. Text comes back where the form prints it as one field; what the form merges or does not
print (职能职责 as one paragraph, 年度总体目标 rows joined, 指标性质) is listed by the import as
missing or differs, and is not compared here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel

from jixiao.documents import read_document
from jixiao.extract.evaluation.importing import import_report
from jixiao.io.load import load_evaluation
from jixiao.model import Evaluation, IndicatorNature
from jixiao.numbers import StatedNumber
from jixiao.profiles import load_profile
from jixiao.render.report import render_report
from jixiao.scoring import infer_nature, score_evaluation

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


def _with_natures(evaluation: Evaluation) -> Evaluation:
    """The example's 附件2 with a ceiling, an exact target and a 定性 row dated by its year."""
    rows = list(evaluation.self_assessment.indicators)
    rows[0] = rows[0].model_copy(update={"name": "三公经费控制", "nature": IndicatorNature.AT_MOST,
                                         "target": "16.00万元", "actual": "14.40万元"})
    rows[1] = rows[1].model_copy(update={"name": "资金拨付准确率", "nature": IndicatorNature.EQUAL,
                                         "target": "100%", "actual": "100%"})
    table = evaluation.self_assessment.model_copy(update={"indicators": tuple(rows)})
    return evaluation.model_copy(update={"self_assessment": table})


def test_natures_are_printed_as_signs_and_read_back(tmp_path: Path) -> None:
    evaluation = _with_natures(load_evaluation(EXAMPLE).evaluation)
    rendered = render_report(evaluation, tmp_path / "报告.docx")
    text = read_document(rendered.path).text
    assert "\t≤16.00万元\n\t14.40万元\n" in text and "\t=100%\n\t100%\n" in text
    assert "\t2023年度完成\n\t已完成\n" in text  # 定性: words, as written
    imported = import_report(rendered.path).evaluation
    assert imported is not None
    pairs = zip(evaluation.self_assessment.indicators, imported.self_assessment.indicators, strict=True)
    assert [(infer_nature(a), b.nature) for a, b in pairs][:2] == [
        (IndicatorNature.AT_MOST, IndicatorNature.AT_MOST), (IndicatorNature.EQUAL, IndicatorNature.EQUAL)]
    assert [infer_nature(row) for row in imported.self_assessment.indicators] == [
        infer_nature(row) for row in evaluation.self_assessment.indicators]
    profile = load_profile(evaluation.profile)
    assert [row.rule_score for row in score_evaluation(imported, profile).unit_table.indicators] == [
        row.rule_score for row in score_evaluation(evaluation, profile).unit_table.indicators]
