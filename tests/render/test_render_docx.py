"""The Word report: text, tables, merges, fonts, page numbers and the round trip through check."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

from docx import Document as WordDocument
from render_builders import consistent_evaluation
from snapshot import assert_snapshot

from jixiao.audit import audit_file
from jixiao.documents import read_document
from jixiao.documents.model import Document, Table
from jixiao.findings import Severity
from jixiao.render.figures import MISSING
from jixiao.render.report import Rendering, render_report
from jixiao.render.spec import load_template

EXAMPLE_WARNINGS = (
    "预算调整说明未填写",
    "自评结果公开情况未填写",
    "自评结果应用情况未填写",
    "十、其他需要说明的情况未填写",
    "附件1 厉行节约保障措施未填写",
    "附件2 总分：填报 99 分，按评分规则计算为 93 分（按填报值出具）",
    "签字栏 单位负责人未填写",
    "签字栏 填表人未填写",
    "签字栏 联系电话未填写",
    "签字栏 填报日期未填写",
)


def tables(document: Document) -> list[Table]:
    return [block for block in document.blocks if isinstance(block, Table)]


def row_texts(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.rows]


def test_example_warnings(example_docx: Rendering) -> None:
    assert example_docx.template == "yueyanglou-2024"
    assert example_docx.warnings == EXAMPLE_WARNINGS


def test_example_text_snapshot(example_document: Document) -> None:
    assert_snapshot("dongting-2023.yueyanglou-2024.docx.txt", example_document.text)


def test_stated_total_rendered_as_stated_in_attachment_2(example_document: Document) -> None:
    attachment_2 = tables(example_document)[3]
    assert row_texts(attachment_2)[-1] == ["总分", "", "", "", "", "", "100", "99", ""]
    assert row_texts(attachment_2)[1][0] == "年度预算申请（万元）"  # merged down the funds rows
    assert row_texts(attachment_2)[2][:9] == ["", "年度资金总额", "", "142.64", "203.54", "203.54", "10",
                                              "100%", "10"]


def test_indicator_groups_are_merged(example_document: Document) -> None:
    rows = row_texts(tables(example_document)[3])
    header = next(i for i, row in enumerate(rows) if row[1] == "一级指标")
    first, second = rows[header + 1], rows[header + 2]
    assert rows[header][0] == "绩效指标"  # merged down the indicator rows
    assert first[:4] == ["", "产出指标（50分）", "数量指标", "门面回购和置换工作"]
    assert second[:4] == ["", "", "", "颜氏旧改项目，私房征收及后续的安置维稳户数"]
    assert rows[header + 4][:3] == ["", "", "质量指标"]


def test_report_and_attachment_show_the_same_figures(example_document: Document) -> None:
    text = example_document.text
    assert "预算执行率为100%" in text
    assert "自评得分为99分，评价等次为“优”" in text
    assert text.count(MISSING) >= 9


def test_fonts_page_numbers_and_merges_in_the_package(example_docx: Rendering) -> None:
    with zipfile.ZipFile(example_docx.path) as package:
        styles = package.read("word/styles.xml").decode()
        footer = next(package.read(name).decode() for name in package.namelist()
                      if name.startswith("word/footer"))
        body = package.read("word/document.xml").decode()
    assert 'w:eastAsia="宋体"' in styles and 'w:eastAsia="黑体"' in styles
    assert "PAGE" in footer and 'w:fldCharType="begin"' in footer
    assert 'w:vMerge w:val="restart"' in body


def test_consistent_data_round_trips_without_findings(tmp_path: Path) -> None:
    data = consistent_evaluation(qualitative=27)
    for template_id in ("yueyanglou-2024", "national-project"):
        out = tmp_path / f"{template_id}.docx"
        rendering = render_report(data, out, template=load_template(template_id))
        assert rendering.warnings == ()
        findings = audit_file(out).findings
        assert [f.message for f in findings if f.severity is not Severity.INFO] == []


def test_example_inconsistencies_found_in_the_rendered_report(example_docx: Rendering) -> None:
    messages = {f.message for f in audit_file(example_docx.path).findings if f.severity is Severity.ERROR}
    # the catalogue's findings, as on the data
    assert "附件2自评得分合计 99分 与各项得分之和 93分 不一致（相差 6分）" in messages
    assert "附件2效益指标分值合计 24 与评分规则规定的 30 不一致（不适用指标的分值未重新分配）" in messages


def test_a_wrong_stated_share_is_found_after_rendering(tmp_path: Path) -> None:
    data = consistent_evaluation(personnel=Decimal("114.24"), public=Decimal("18.47"))
    basic = data.finances.general_budget.basic
    wrong = basic.model_copy(update={"personnel": basic.personnel.model_copy(
        update={"stated_share": basic.personnel.amount.model_copy(update={"value": Decimal("90.00")})})})
    finances = data.finances.model_copy(update={"general_budget": data.finances.general_budget.model_copy(
        update={"basic": wrong})})
    out = tmp_path / "wrong-share.docx"
    render_report(data.model_copy(update={"finances": finances}), out)
    shares = [f for f in audit_file(out).findings if f.severity is Severity.ERROR]
    assert [(f.stated, f.expected) for f in shares] == [("90.00", "86.08")]


def test_national_project_table(tmp_path: Path) -> None:
    out = tmp_path / "project.docx"
    render_report(consistent_evaluation(qualitative=27), out, template=load_template("national-project"))
    rows = row_texts(tables(read_document(out))[0])
    assert rows[0][:4] == ["项目名称", "", "", "人居环境整治"]
    assert rows[1][:9] == ["主管部门", "", "", "岳阳市岳阳楼区人民政府", "", "实施单位", "", "示例单位", ""]
    assert rows[2][3:9] == ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    assert rows[3][1:9] == ["年度资金总额", "", "42.47", "42.47", "42.47", "10", "100%", "10"]
    assert rows[-1][:9] == ["总分", "", "", "", "", "", "100", "97", ""]


def test_national_project_without_projects_says_so(example: object, tmp_path: Path) -> None:
    out = tmp_path / "none.docx"
    render_report(example, out, template=load_template("national-project"))  # type: ignore[arg-type]
    assert "本年度无项目支出绩效自评表。" in read_document(out).text


def test_the_report_opens_with_its_cover_page_as_the_paper_form_does(tmp_path: Path) -> None:
    evaluation = consistent_evaluation()
    evaluation = evaluation.model_copy(update={"sign_off": evaluation.sign_off.model_copy(
        update={"date": "2024年3月15日"})})
    rendered = render_report(evaluation, tmp_path / "报告.docx")

    paragraphs = WordDocument(str(rendered.path)).paragraphs
    title = "2023年度示例单位单位整体支出绩效自评报告"
    assert [p.text for p in paragraphs[:5]] == [title, "", "预算单位名称：示例单位", "2024年3月15日", ""]
    assert 'w:type="page"' in paragraphs[4]._p.xml  # the report itself starts on the next page
    assert paragraphs[5].text == title
