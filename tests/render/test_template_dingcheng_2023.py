"""The 鼎城区 form (dingcheng-2023): the example of tests/data/reports/dingcheng-zhengfuban-2023.txt
rendered to Word and HTML, and generated data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from render_builders import every_field_evaluation
from snapshot import assert_snapshot, normalise_html

from jixiao.audit import audit_file
from jixiao.documents import read_document
from jixiao.documents.model import Document, Table
from jixiao.extract.evaluation.importing import import_report
from jixiao.findings import Severity
from jixiao.io.load import load_evaluation
from jixiao.model import Evaluation
from jixiao.render.figures import MISSING
from jixiao.render.html import render_html
from jixiao.render.report import Rendering, prepare, render_report

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "dingcheng-zhengfuban-2023.yaml"
TEMPLATE = "dingcheng-2023"


@pytest.fixture(scope="module")
def example() -> Evaluation:
    return load_evaluation(EXAMPLE).evaluation


@pytest.fixture(scope="module")
def rendered(example: Evaluation, tmp_path_factory: pytest.TempPathFactory) -> Rendering:
    return render_report(example, tmp_path_factory.mktemp("dingcheng") / "report.docx")


@pytest.fixture(scope="module")
def document(rendered: Rendering) -> Document:
    return read_document(rendered.path)


def _rows(document: Document) -> list[list[str]]:
    return [[cell.text for cell in row] for block in document.blocks if isinstance(block, Table)
            for row in block.rows]


def test_example_renders_without_warnings(rendered: Rendering) -> None:
    assert rendered.template == TEMPLATE
    assert rendered.warnings == ()


def test_example_docx_text_snapshot(document: Document) -> None:
    assert_snapshot("dingcheng-zhengfuban-2023.dingcheng-2023.docx.txt", document.text)


def test_example_html_snapshot(example: Evaluation) -> None:
    assert_snapshot("dingcheng-zhengfuban-2023.dingcheng-2023.html", normalise_html(render_html(prepare(example))))


def test_finance_sentences(document: Document) -> None:
    text = document.text
    assert ("2023年支出总额3347.96万元，按功能分类：一般公共服务支出3079.74万元，社会和保障就业支出191.27万元，"
            "卫生健康支出43.95万元，节能环保支出23万元，金融支出10万元。按支出性质分类：基本支出1377.69万元"
            "（人员经费1243.34万元，公用经费134.35万元），项目支出1970.27万元；") in text
    assert "2023年度决算收入数3347.96万元，其中一般公共预算财政拨款3236.09万元，其他收入111.87万元。" in text
    assert "2023年公务用车运行费333.14万元，对比上年减少26.97万元，下降7.49%。" in text
    assert "2023年公务接待费4.53万元，对比上年减少1.8万元，下降28.35%。" in text
    assert "2023年区政府办部门整体绩效自评分100分，为“优”等级。" in text


def test_tables_agree_with_the_sentences(document: Document) -> None:
    rows = _rows(document)
    assert ["按功能分类", "一般公共服务支出", "3079.74", "91.99%"] in rows
    assert ["", "项目支出", "1970.27", "58.85%"] in rows
    assert ["支出总额", "", "3347.96", ""] in rows
    assert ["公务接待费", "4.53", "", "-1.8", "-28.35%"] in rows


def test_audit_of_rendered_docx_has_no_error(rendered: Rendering) -> None:
    findings = audit_file(rendered.path).findings
    assert [f.code for f in findings if f.severity is Severity.ERROR] == []


def _generated(breakdown: dict[str, Any], three: list[dict[str, Any]]) -> Evaluation:
    return Evaluation.model_validate({
        "year": 2023, "template": TEMPLATE, "profile": "national-2020", "unit": {
            "name": "示例局", "functions": ["负责示例工作"], "staffing": {"actual": "12"}},
        "finances": {"breakdown": breakdown, "three_public_year_on_year": three},
        "self_assessment": {"goals": [{"expected": "完成示例任务", "achieved": "已完成示例任务"}]},
        "narrative": {"performance": "完成了年度目标。", "problems": "指标不够细化。", "measures": "细化指标。",
                      "other": "成立自评小组。", "results": {"stated_score": "92"}},
    })


def test_generated_figures_computed_by_rule(tmp_path: Path) -> None:
    evaluation = _generated(
        {"by_function": [{"name": "一般公共服务支出", "amount": "100.005"}, {"name": "金融支出", "amount": "20"}],
         "basic": "80.00", "basic_personnel": "70.00", "basic_public": "10.00", "projects": "40.005",
         "income_total": "120.005"},
        [{"name": "公务接待费", "current": "3.00", "prior": "4.00"}])
    rendering = render_report(evaluation, tmp_path / "g.docx")
    text = read_document(rendering.path).text
    assert "2023年支出总额120.01万元，按功能分类：一般公共服务支出100.005万元，金融支出20万元。" in text
    assert "2023年公务接待费3.00万元，对比上年减少1.00万元，下降25.00%。" in text
    assert "自评分92分，为“优”等级。" in text
    assert rendering.warnings == ()


def test_generated_disagreements_are_kept_and_warned(tmp_path: Path) -> None:
    evaluation = _generated(
        {"total": "130.00", "by_function": [{"name": "一般公共服务支出", "amount": "100.00"}],
         "basic": "80.00", "projects": "50.00", "income_total": "130.00"},
        [{"name": "公务接待费", "current": "3.00", "prior": "4.00", "stated_change": "-2.00",
          "stated_change_percent": "-25.00"}])
    rendering = render_report(evaluation, tmp_path / "g.html")
    html = rendering.path.read_text("utf-8")
    assert "2023年支出总额130.00万元" in html
    assert "对比上年减少2.00万元，下降25.00%" in html
    assert rendering.warnings == (
        "支出总额（按功能分类）：填报 130.00 万元，各项相加为 100.00 万元（按填报值出具）",
        "三公“公务接待费”增减额：填报 -2.00 万元，本年减上年为 -1.00 万元（按填报值出具）")


def test_empty_evaluation_shows_missing_markers(tmp_path: Path) -> None:
    evaluation = Evaluation.model_validate({"year": 2023, "template": TEMPLATE, "profile": "national-2020",
                                            "unit": {"name": "空白单位"}})
    rendering = render_report(evaluation, tmp_path / "empty.docx")
    text = read_document(rendering.path).text
    assert f"2023年支出总额{MISSING}万元。按支出性质分类：基本支出{MISSING}万元，项目支出{MISSING}万元。" in text
    assert "支出总额（按功能分类）未填写" in rendering.warnings
    assert "“三公”经费同比情况未填写" in rendering.warnings
    html = render_report(evaluation, tmp_path / "empty.html").path.read_text("utf-8")
    assert f'<mark class="missing">{MISSING}</mark>' in html


def test_the_three_public_comparison_table_gives_back_the_prior_year(tmp_path: Path) -> None:
    """The prose of 二 states 本年, 增减额 and 增减率; the “三公”经费对比表 also 上年, read into the
    item of the same name, so JX-SUM-010 comes back from the report as from the data."""
    evaluation = every_field_evaluation("dingcheng-2023")
    path = render_report(evaluation, tmp_path / "报告.docx").path
    imported = import_report(path).evaluation
    assert imported is not None
    assert imported.finances.three_public_year_on_year == evaluation.finances.three_public_year_on_year
    found = [(f.code, f.stated, f.expected) for f in audit_file(path).findings if f.code == "JX-SUM-010"]
    assert found == [("JX-SUM-010", "-0.30", "-0.40")]


def test_the_departments_of_the_overview_come_back(tmp_path: Path) -> None:
    """一、部门概况 prints “1．机构情况，…内设机构2个，分别为：综合办公室、财务统计科。”: read back,
    so the re-rendered overview keeps it."""
    evaluation = every_field_evaluation("dingcheng-2023")
    imported = import_report(render_report(evaluation, tmp_path / "报告.docx").path).evaluation
    assert imported is not None
    assert (imported.unit.departments, imported.unit.stated_department_count) == (
        ("综合办公室", "财务统计科"), evaluation.unit.stated_department_count)
