"""The 岳阳市财政局 form (yueyang-finance-2021): the example of
tests/data/reports/chenglingji-dangqun-2021.txt rendered to Word and HTML, and generated data."""

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
EXAMPLE = ROOT / "examples" / "chenglingji-dangqun-2021.yaml"
TEMPLATE = "yueyang-finance-2021"


@pytest.fixture(scope="module")
def example() -> Evaluation:
    return load_evaluation(EXAMPLE).evaluation


@pytest.fixture(scope="module")
def rendered(example: Evaluation, tmp_path_factory: pytest.TempPathFactory) -> Rendering:
    return render_report(example, tmp_path_factory.mktemp("finance") / "report.docx")


@pytest.fixture(scope="module")
def document(rendered: Rendering) -> Document:
    return read_document(rendered.path)


def _rows(document: Document) -> list[list[str]]:
    return [[cell.text for cell in row] for block in document.blocks if isinstance(block, Table)
            for row in block.rows]


def test_example_renders_in_its_own_template_with_exact_warnings(rendered: Rendering) -> None:
    assert rendered.template == TEMPLATE
    assert rendered.warnings == ("签字栏 单位负责人未填写",)


def test_example_docx_text_snapshot(document: Document) -> None:
    assert_snapshot("chenglingji-dangqun-2021.yueyang-finance-2021.docx.txt", document.text)


def test_example_html_snapshot(example: Evaluation) -> None:
    assert_snapshot("chenglingji-dangqun-2021.yueyang-finance-2021.html", normalise_html(render_html(prepare(example))))


def test_cover_and_overview_sentences(document: Document) -> None:
    text = document.text
    assert "预算编码：999236\n评价方式：部门（单位）绩效自评\n评价机构：部门（单位）评价组\n报告日期：2022年6月21日" in text
    assert ("部门支出规模85.33万元，其中：基本支出38.43万元（人员支出32.67万元，公用支出5.76万元），"
            "项目支出46.90万元（党群人事专项支出12.44万元，支部联建支出3.02万元，人才补贴支出31.44万元）。") in text
    assert "党群工作部人员共6人，其中在编人员3人。主要职能：负责党务工作，推进机关党建、非公党建业务；" in text


def test_amounts_in_tables_as_stated(document: Document) -> None:
    rows = _rows(document)
    assert ["局机关及二级机构汇总", "87.2217", "", "87.2217", "", "", ""] in rows
    assert ["局机关", "85.33", "38.43", "32.67", "5.76", "46.90", "1.89", "1.89"] in rows
    assert ["局机关及二级机构汇总", "2.5285", "2.5285", "", "", ""] in rows
    assert ["绩效自评综合得分", "", "97", "", ""] in rows


def _profile(document: Document) -> list[list[str]]:
    """The rows of 一、基本概况, the first table after the cover."""
    first = next(block for block in document.blocks if isinstance(block, Table))
    return [[cell.text for cell in row] for row in first.rows]


def test_the_profile_prints_tasks_and_operation_in_the_forms_order_and_numbering(
        example: Evaluation, document: Document) -> None:
    """As on the paper form: 职能职责概述, then 年度主要工作内容 (任务1 to 任务16), then 年度部门（单位）
    总体运行情况及取得的成绩 (1、 to 4、), then the goals; a row per entry, the label on the first."""
    rows = _profile(document)
    assert [row[0] for row in rows if row[0]] == [
        "联系人", "人员编制", "职能职责概述", "年度主要工作内容", "年度部门（单位）总体运行情况及取得的成绩",
        "年度部门（单位）整体支出绩效目标"]
    start = next(index for index, row in enumerate(rows) if row[0] == "年度主要工作内容")
    tasks = rows[start:start + 16]
    assert [row[1] for row in tasks] == list(example.unit.tasks)
    assert [row[1].partition("：")[0] for row in tasks] == [f"任务{n}" for n in range(1, 17)]
    operation = rows[start + 16:start + 20]
    assert operation[0][0] == "年度部门（单位）总体运行情况及取得的成绩"
    assert [row[1][:2] for row in operation] == ["1、", "2、", "3、", "4、"]
    assert "\n".join(row[1] for row in operation) == example.narrative.operation
    assert rows[start + 20][0] == "年度部门（单位）整体支出绩效目标"


def test_tasks_and_operation_not_entered_are_marked_and_not_read_back(tmp_path: Path) -> None:
    evaluation = _generated({"stated_score": "95"})
    evaluation = evaluation.model_copy(update={
        "unit": evaluation.unit.model_copy(update={"tasks": ()}),
        "narrative": evaluation.narrative.model_copy(update={"operation": ""})})
    rendering = render_report(evaluation, tmp_path / "blank.docx")
    assert [warning for warning in rendering.warnings if warning.startswith("基本概况")] == [
        "基本概况 年度主要工作内容未填写", "基本概况 年度部门（单位）总体运行情况及取得的成绩未填写"]
    rows = _profile(read_document(rendering.path))
    assert ["年度主要工作内容", MISSING, "", ""] in rows
    assert ["年度部门（单位）总体运行情况及取得的成绩", MISSING, "", ""] in rows
    imported = import_report(rendering.path)
    assert imported.evaluation is not None
    assert (imported.evaluation.unit.tasks, imported.evaluation.narrative.operation) == ((), "")
    assert [field.title for field in imported.missing][:2] == [
        "年度主要工作内容", "年度部门（单位）总体运行情况及取得的成绩"]


def test_unit_words_kept_as_entered(example: Evaluation, document: Document) -> None:
    for line in example.narrative.problems.splitlines() + example.narrative.measures.splitlines():
        assert line.strip() in document.text


def test_audit_of_rendered_docx_has_no_error(rendered: Rendering) -> None:
    findings = audit_file(rendered.path).findings
    assert [f.code for f in findings if f.severity is Severity.ERROR] == []


def _generated(results: dict[str, str] | None = None, **accounts: Any) -> Evaluation:
    account = {"name": "示例局汇总"} | accounts
    return Evaluation.model_validate({
        "year": 2021, "template": TEMPLATE, "profile": "national-2020",
        "unit": {"name": "示例局", "code": "100001",
                 "staffing": {"authorized": "10", "actual": "9"},
                 "functions": ["负责示例工作"], "tasks": ["任务1：完成示例任务。"]},
        "finances": {"org_accounts": [account]},
        "self_assessment": {"goals": [{"expected": "完成示例任务", "achieved": "已完成示例任务"}]},
        "narrative": {"operation": "全年运行平稳。", "performance": "完成了年度目标。", "problems": "指标不够细化。",
                      "measures": "细化指标。",
                      "other": "专项资金使用规范。", "implementation": "专项按计划组织实施。", "results": results or {"stated_score": "95", "stated_grade": "优"}},
        "sign_off": {"head": "李四", "preparer": "张三", "preparer_title": "科员", "phone": "0730-1234567", "date": "2022年5月1日"},
    })


def test_generated_totals_are_sums_of_stated_parts(tmp_path: Path) -> None:
    evaluation = _generated(personnel="20.125", public="5.10", projects="4.005", fiscal_appropriation="30")
    rendering = render_report(evaluation, tmp_path / "g.docx")
    rows = _rows(read_document(rendering.path))
    # 基本支出 = 20.125 + 5.10 = 25.225 → 25.23 (half-up); 支出合计 needs 基本支出 stated: not computed
    assert ["示例局汇总", MISSING, "25.23", "20.125", "5.10", "4.005", "", ""] in rows
    assert ["示例局汇总", "30.00", "", "30", "", "", ""] in rows
    assert rendering.warnings == ("支出情况“示例局汇总”支出合计未填写", "绩效定量目标未填写")


def test_generated_stated_total_that_parts_do_not_give_is_kept_and_warned(tmp_path: Path) -> None:
    evaluation = _generated(income_total="31.00", fiscal_appropriation="30.00", expenditure_total="30",
                            basic="25", personnel="20", public="5", projects="5")
    rendering = render_report(evaluation, tmp_path / "g.html")
    html = rendering.path.read_text("utf-8")
    assert "<td>31.00</td>" in html
    assert rendering.warnings == ("收入情况“示例局汇总”收入合计：填报 31.00 万元，各项相加为 30.00 万元（按填报值出具）",
                                  "绩效定量目标未填写")


def test_empty_evaluation_shows_missing_markers_not_blanks(tmp_path: Path) -> None:
    evaluation = Evaluation.model_validate({"year": 2021, "template": TEMPLATE, "profile": "national-2020",
                                            "unit": {"name": "空白单位"}})
    for suffix in ("docx", "html"):
        rendering = render_report(evaluation, tmp_path / f"empty.{suffix}")
        assert "收支情况（按机构）未填写" in rendering.warnings
        assert "封面 预算编码未填写" in rendering.warnings
    text = read_document(tmp_path / "empty.docx").text
    assert f"部门支出规模{MISSING}万元" not in text
    assert f"预算编码：{MISSING}" in text
    assert f"（一）基本支出\n基本支出{MISSING}。" in text
    assert '<mark class="missing">' in (tmp_path / "empty.html").read_text("utf-8")


def test_the_grade_the_rule_gives_is_printed_in_the_forms_word_and_a_stated_one_as_stated(
        tmp_path: Path) -> None:
    by_rule = render_report(_generated({"stated_score": "95"}), tmp_path / "rule.docx")
    assert ["评价等次", "", "优秀", "", ""] in _rows(read_document(by_rule.path))
    stated = render_report(_generated({"stated_score": "85", "stated_grade": "良"}), tmp_path / "stated.docx")
    assert ["评价等次", "", "良", "", ""] in _rows(read_document(stated.path))


def test_the_unit_opinion_box_names_its_head_and_import_reads_it(tmp_path: Path) -> None:
    """部门（单位）负责人, a field the form lists, is printed as the box's signer and read back."""
    evaluation = every_field_evaluation("yueyang-finance-2021")
    path = render_report(evaluation, tmp_path / "报告.docx").path
    assert "部门（单位）负责人（签章）：张三\n" in read_document(path).text
    extracted = import_report(path)
    assert extracted.evaluation is not None
    assert extracted.evaluation.sign_off.head == "张三"
    assert "sign_off.head" not in {field.path for field in extracted.missing}


def test_the_summary_has_the_six_parts_of_the_paper_in_its_order(document: Document) -> None:
    """五、评价报告综述 as the paper form numbers it, 三 printing the unit's 专项组织实施情况."""
    lines = document.text.splitlines()
    headings = [line for line in lines[lines.index("五、评价报告综述（文字部分）") + 1:]
                if line[:2] in {"一、", "二、", "三、", "四、", "五、", "六、"}]
    assert headings == ["一、部门（单位）概况", "二、部门（单位）整体支出管理及使用情况", "三、部门（单位）专项组织实施情况",
                        "四、部门（单位）整体支出绩效情况", "五、存在的主要问题", "六、改进措施和有关建议"]
    three = lines.index("三、部门（单位）专项组织实施情况")
    assert lines[three - 1].startswith("已制定或具有预算资金管理办法") and lines[three + 1] == "（一）专项组织情况分析"


def test_the_reviewers_row_prints_name_title_and_unit(document: Document) -> None:
    assert ["王焱", "科员", "党群工作部", ""] in _rows(document)


def test_a_blank_implementation_is_marked_and_warned(tmp_path: Path) -> None:
    evaluation = _generated()
    evaluation = evaluation.model_copy(update={
        "narrative": evaluation.narrative.model_copy(update={"implementation": ""})})
    rendering = render_report(evaluation, tmp_path / "blank.html")
    assert "综述 部门（单位）专项组织实施情况未填写" in rendering.warnings
    assert (f'<h2>三、部门（单位）专项组织实施情况</h2>\n<p><mark class="missing">{MISSING}</mark></p>'
            "<h2>四、部门（单位）整体支出绩效情况</h2>") in rendering.path.read_text("utf-8")


def test_project_items_of_the_general_budget_are_listed_under_their_own_total(tmp_path: Path) -> None:
    """收支情况's 项目支出 counts every fund; the items listed are 一般公共预算's: under their own
    total, so the 综述 states no sum its figures do not make, and checking it finds none."""
    evaluation = every_field_evaluation(TEMPLATE)
    account = evaluation.finances.org_accounts[0]
    general = evaluation.finances.general_budget.projects
    assert account.projects is not None and general.total is not None
    assert account.projects.value != general.total.value
    rendering = render_report(evaluation, tmp_path / "r.docx")
    text = read_document(rendering.path).text
    items = "，".join(f"{item.name}{item.amount.written}万元" for item in general.items if item.amount)
    assert (f"项目支出{account.projects.written}万元，其中一般公共预算项目支出{general.total.written}万元"
            f"（{items}）。") in text
    assert not [f for f in audit_file(rendering.path).findings if f.code == "JX-TEXT-001"]
