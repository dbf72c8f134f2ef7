"""A unit's text written to Excel stays text: no cell that it fills becomes a formula or a link."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import yaml

from jixiao.io.load import load_evaluation
from jixiao.io.workbook.writer import write_workbook
from jixiao.model import Evaluation
from jixiao.profiles import load_profile
from jixiao.render.xlsx import write_attachments
from jixiao.scoring import score_evaluation

EXAMPLE = Path(__file__).parents[2] / "examples" / "dongting-2023.yaml"
HOSTILE_NAME = '=HYPERLINK("http://127.0.0.1:9/x","点击")'
HOSTILE_GOAL = "=cmd|' /C calc'!A0"
HOSTILE_AUSTERITY = "+SUM(1+1)*cmd|' /C calc'!A0"
HOSTILE_LINK = "http://127.0.0.1:9/"


def hostile_evaluation(tmp_path: Path) -> Evaluation:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["title"] = HOSTILE_NAME
    data["unit"]["name"] = HOSTILE_NAME
    data["basic_data"]["austerity_measures"] = HOSTILE_AUSTERITY
    data["self_assessment"]["goals"][0]["expected"] = HOSTILE_GOAL
    data["self_assessment"]["goals"][0]["achieved"] = HOSTILE_LINK
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_evaluation(path).evaluation


def cells_holding(path: Path, texts: set[str]) -> dict[str, tuple[str, str]]:
    """Every cell whose value mentions one of ``texts``: (its type, its value), by sheet!cell."""
    book = openpyxl.load_workbook(path)
    found = {}
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and any(text in cell.value for text in texts):
                    found[f"{sheet.title}!{cell.coordinate}"] = (cell.data_type, cell.value)
                assert cell.hyperlink is None
    return found


def test_attachments_write_hostile_text_as_text(tmp_path: Path) -> None:
    evaluation = hostile_evaluation(tmp_path)
    out = tmp_path / "附件.xlsx"
    profile = load_profile(evaluation.profile)
    write_attachments(evaluation, score_evaluation(evaluation, profile), profile, out)
    found = cells_holding(out, {HOSTILE_NAME, HOSTILE_GOAL, HOSTILE_AUSTERITY, HOSTILE_LINK})
    assert {kind for kind, _ in found.values()} == {"s"}
    values = {value for _, value in found.values()}
    assert {HOSTILE_NAME, HOSTILE_GOAL, HOSTILE_AUSTERITY, HOSTILE_LINK} <= values
    assert "附件1 基础数据表!B3" in found  # the merged 预算单位名称 cell


def test_guided_workbook_writes_hostile_text_as_text(tmp_path: Path) -> None:
    evaluation = hostile_evaluation(tmp_path)
    out = tmp_path / "填报.xlsx"
    write_workbook(out, evaluation, evaluation.template)
    found = cells_holding(out, {HOSTILE_NAME, HOSTILE_GOAL, HOSTILE_AUSTERITY, HOSTILE_LINK})
    assert {kind for kind, _ in found.values()} == {"s"}
    assert {HOSTILE_NAME, HOSTILE_GOAL, HOSTILE_AUSTERITY, HOSTILE_LINK} <= {value for _, value in found.values()}
