"""Round trip: a rendered report imported back gives the figures it was rendered from.

Every number of the evaluation (amounts, rates, staffing, weights, scores, as written) comes back
exactly. Text comes back where the form prints it as one field; what the form merges or does not
print (职能职责 as one paragraph, 年度总体目标 rows joined, 指标性质) is listed by the import as
missing or differs, and is not compared here."""

from __future__ import annotations

from pathlib import Path

from render_builders import every_field_evaluation, figures_by_path

from jixiao.audit import audit_file
from jixiao.documents import read_document
from jixiao.extract.evaluation.importing import import_report
from jixiao.io.load import load_evaluation
from jixiao.model import Evaluation, IndicatorNature
from jixiao.profiles import load_profile
from jixiao.render.figures import written
from jixiao.render.report import render_report
from jixiao.render.spec import load_template
from jixiao.scoring import infer_nature, score_evaluation

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "dongting-2023.yaml"


def test_every_figure_of_the_example_comes_back_from_its_rendered_report(tmp_path: Path) -> None:
    evaluation = load_evaluation(EXAMPLE).evaluation
    rendered = render_report(evaluation, tmp_path / "报告.docx")
    imported = import_report(rendered.path)
    assert imported.template == "yueyanglou-2024"
    assert imported.evaluation is not None
    original = {path: number.written for path, number in figures_by_path(evaluation).items()}
    back = {path: number.written for path, number in figures_by_path(imported.evaluation).items()}
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


def _paragraphs(path: Path) -> list[str]:
    return [paragraph.text for paragraph in read_document(path).paragraphs]


def test_paragraphs_written_by_rule_come_back_as_such_not_as_the_units_words(tmp_path: Path) -> None:
    """六's 预算执行 paragraph, 九's score sentence and labelled 公开情况 / 结果应用, the attachment
    list after 十: jixiao's own text is not the unit's, and a re-rendered report prints it once."""
    evaluation = load_evaluation(EXAMPLE).evaluation
    narrative = evaluation.narrative
    results = narrative.results.model_copy(update={"publication": "在区政府门户网站公开。",
                                                   "application": "作为下年预算安排的依据。"})
    table = evaluation.self_assessment.model_copy(update={"budget_change_explanation": "追加拆迁安置经费。"})
    evaluation = evaluation.model_copy(update={"narrative": narrative.model_copy(update={"results": results}),
                                               "self_assessment": table})
    first = render_report(evaluation, tmp_path / "报告.docx").path
    imported = import_report(first).evaluation
    assert imported is not None
    back = imported.narrative
    assert back.performance.splitlines()[0] == narrative.performance.splitlines()[0]
    assert "年初预算数为" not in back.performance
    assert (back.results.text, back.results.publication, back.results.application) == (
        "", "在区政府门户网站公开。", "作为下年预算安排的依据。")
    assert imported.self_assessment.budget_change_explanation == "追加拆迁安置经费。"
    assert imported.unit.departments == evaluation.unit.departments
    again = render_report(imported, tmp_path / "再出具.docx").path
    assert _paragraphs(again) == _paragraphs(first)


def test_a_missing_mark_is_never_read_back_as_the_units_words(tmp_path: Path) -> None:
    evaluation = load_evaluation(EXAMPLE).evaluation  # 公开情况 and 结果应用 not filled: 【未填写】
    imported = import_report(render_report(evaluation, tmp_path / "报告.docx").path)
    assert imported.evaluation is not None
    results = imported.evaluation.narrative.results
    assert (results.text, results.publication, results.application) == ("", "", "")
    assert [field.path for field in imported.missing][:2] == ["narrative.results.publication",
                                                               "narrative.results.application"]


def test_the_finance_form_re_renders_from_its_own_import_as_it_was(tmp_path: Path) -> None:
    """财政局 form: the tasks and the 总体运行情况 a row per entry, the 定性目标 one row per goal, the
    score row's merged cells, the 定量目标 without 分值, the 综述 as headed paragraphs and its project
    list all come back;
    only what the example leaves empty is listed."""
    example = Path(__file__).resolve().parents[2] / "examples" / "chenglingji-dangqun-2021.yaml"
    evaluation = load_evaluation(example).evaluation
    first = render_report(evaluation, tmp_path / "报告.docx").path
    imported = import_report(first)
    assert [(field.path, field.title) for field in imported.missing] == [("sign_off.head", "部门（单位）负责人")]
    assert imported.evaluation is not None
    back = imported.evaluation
    assert back.self_assessment.indicators == evaluation.self_assessment.indicators
    assert [account.name for account in back.finances.org_accounts] == ["局机关及二级机构汇总", "局机关"]
    assert (back.self_assessment.goals, back.narrative, back.unit) == (
        evaluation.self_assessment.goals, evaluation.narrative, evaluation.unit)
    assert (len(back.unit.tasks), back.unit.tasks[-1][:5], back.narrative.operation.count("\n")) == (
        16, "任务16：", 3)
    assert [(item.name, item.amount.written if item.amount else None)
            for item in back.finances.general_budget.projects.items] == [
        ("党群人事专项支出", "12.44"), ("支部联建支出", "3.02"), ("人才补贴支出", "31.44")]
    again = render_report(back, tmp_path / "再出具.docx").path
    assert read_document(again).text == read_document(first).text


def test_the_dingcheng_form_re_renders_from_its_own_import_as_it_was(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parents[2] / "examples" / "dingcheng-zhengfuban-2023.yaml"
    first = render_report(load_evaluation(example).evaluation, tmp_path / "报告.docx").path
    imported = import_report(first)
    assert (imported.missing, imported.evaluation is not None) == ((), True)
    assert imported.evaluation is not None
    results = imported.evaluation.narrative.results  # 五 is one sentence by rule: not the unit's words
    assert (results.text, written(results.stated_score), results.stated_grade) == ("", "100", "优")
    again = render_report(imported.evaluation, tmp_path / "再出具.docx").path
    assert read_document(again).text == read_document(first).text


def test_each_project_of_one_annex_three_comes_back_with_its_name_and_figures(tmp_path: Path) -> None:
    """附件3 prints its title once and then each project's form: each is read as its own, its
    name, 主管部门 and 实施单位 past the blank cells of their merged labels."""
    evaluation = every_field_evaluation("yueyanglou-2024")
    imported = import_report(render_report(evaluation, tmp_path / "报告.docx").path).evaluation
    assert imported is not None
    assert [(project.name, project.supervising_department, project.implementer,
             written(project.funds.stated_execution_rate), len(project.indicators))
            for project in imported.projects] == [
        ("专项经费一", "岳阳市岳阳楼区人民政府", "示例单位", "100", 20),
        ("专项经费二", "岳阳市岳阳楼区人民政府", "示例单位", "98.00", 20),
        ("专项经费三", "岳阳市岳阳楼区人民政府", "示例单位", "100", 20)]


def test_an_unexplained_budget_change_is_found_on_the_report_as_on_the_data(tmp_path: Path) -> None:
    """六 asks for the 预算调整原因 and marks it 【未填写】: the report states its absence, so
    JX-EXEC-002 is judged on it, at 附件2's 全年预算数; an explanation given clears it."""
    evaluation = load_evaluation(EXAMPLE).evaluation  # 年初 142.64, 全年 203.54, no explanation
    audit = audit_file(render_report(evaluation, tmp_path / "报告.docx").path)
    [found] = [finding for finding in audit.findings if finding.code == "JX-EXEC-002"]
    assert (found.stated, found.expected, found.where.path) == (
        "203.54", "142.64", "self_assessment.funds.full_year_budget")
    assert found.message == "附件2全年预算数 203.54万元 与年初预算数 142.64万元 相差 60.90万元，调整率 42.69%，未说明预算调整原因"
    table = evaluation.self_assessment.model_copy(update={"budget_change_explanation": "追加拆迁安置经费。"})
    explained = render_report(evaluation.model_copy(update={"self_assessment": table}), tmp_path / "已说明.docx")
    assert "JX-EXEC-002" not in {finding.code for finding in audit_file(explained.path).findings}


def test_the_sign_off_the_fund_tables_and_one_numbered_goal_come_back(tmp_path: Path) -> None:
    """The 签字栏 line, 附件4's rows (三 only sums them) and a single goal the form numbers
    “1、”; the national form's unit from its line “预算单位：示例单位”."""
    evaluation = every_field_evaluation("yueyanglou-2024")
    imported = import_report(render_report(evaluation, tmp_path / "报告.docx").path).evaluation
    assert imported is not None
    unprinted = {"preparer_title": ""}  # the 评价人员's 职务/职称 is the 财政局 form's alone
    assert (imported.sign_off, imported.finances.government_fund, imported.self_assessment.goals) == (
        evaluation.sign_off.model_copy(update=unprinted), evaluation.finances.government_fund,
        evaluation.self_assessment.goals)
    national = every_field_evaluation("national-project")
    path = render_report(national, tmp_path / "项目.docx", template=load_template("national-project")).path
    back = import_report(path).evaluation
    assert back is not None
    assert (back.unit.name, back.sign_off, [project.goals for project in back.projects]) == (
        "示例单位", national.sign_off.model_copy(update=unprinted), [project.goals for project in national.projects])
