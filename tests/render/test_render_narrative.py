"""Sentences that carry figures, written by rule: exact text for exact data."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from render_builders import consistent_evaluation

from jixiao.documents import read_document
from jixiao.extract.evaluation.fields import Fields
from jixiao.extract.evaluation.importing import import_report
from jixiao.extract.evaluation.sections import read_fund_sections, sections
from jixiao.model import Evaluation, FundBudgetTable, FundsExecution
from jixiao.numbers import StatedNumber
from jixiao.profiles import load_profile
from jixiao.render.facts import Facts
from jixiao.render.figures import MISSING, Rules
from jixiao.render.narrative import SECTION_BUILDERS
from jixiao.render.prose import Prose
from jixiao.render.tables import TABLE_BUILDERS
from jixiao.scoring import score_evaluation


def build(section: str, data: Evaluation) -> Prose:
    scorecard = score_evaluation(data, load_profile(data.profile))
    return SECTION_BUILDERS[section](Facts(data, scorecard, Rules()))


def texts(prose: Prose) -> list[str]:
    return [para.text for para in prose.paragraphs]


def test_example_expenditure_sentences_as_published(example: Evaluation) -> None:
    prose = build("general_budget", example)
    assert texts(prose) == [
        "（一）基本支出情况",
        "2023年我单位基本支出为132.71万元，其中：人员经费114.24万元，占基本支出的86.08%；"
        "公用经费18.47万元，占基本支出的13.92%。",
        "（二）项目支出情况",
        "2023年我单位项目支出总数为49.55万元，其中：1、应急工作专项5.00万元；2、工伤保险0.17万元；"
        "3、公积金支出0.54万元；4、事业单位基本养老保险0.67万元；5、医疗保险0.71万元；6、城乡社区支出42.47万元。",
        "（三）“三公”经费支出情况",
        "2023年“三公”经费支出0万元，与上年持平；本年预算数0万元。",
    ]
    assert prose.warnings == ()


def test_shares_not_stated_are_computed_half_up() -> None:
    data = consistent_evaluation(personnel=Decimal("100.00"), public=Decimal("200.00"))
    assert texts(build("general_budget", data))[1] == (
        "2023年我单位基本支出为300.00万元，其中：人员经费100.00万元，占基本支出的33.33%；"
        "公用经费200.00万元，占基本支出的66.67%。")


def test_stated_share_that_fails_is_written_as_stated_and_warned(example: Evaluation) -> None:
    basic = example.finances.general_budget.basic
    wrong = basic.model_copy(update={"personnel": basic.personnel.model_copy(
        update={"stated_share": basic.public.stated_share})})
    data = example.model_copy(update={"finances": example.finances.model_copy(update={
        "general_budget": example.finances.general_budget.model_copy(update={"basic": wrong})})})
    prose = build("general_budget", data)
    assert "人员经费114.24万元，占基本支出的13.92%" in texts(prose)[1]
    assert prose.warnings == ("人员经费占基本支出比例：填报 13.92%，按金额计算为 86.08%（按填报值出具）",)


def test_three_public_change_against_prior_year() -> None:
    data = consistent_evaluation(three_public=(Decimal("2.40"), Decimal("2.00")))
    assert texts(build("general_budget", data))[5] == (
        "2023年“三公”经费支出2.00万元，比上年减少0.40万元，下降16.67%；本年预算数2.00万元。")


def test_execution_and_budget_change_with_missing_explanation(example: Evaluation) -> None:
    prose = build("performance", example)
    assert texts(prose)[0] == (
        "2023年度资金年初预算数为142.64万元，全年预算数为203.54万元，全年执行数为203.54万元，"
        f"预算执行率为100%。全年预算数比年初预算数增加60.90万元，增长42.69%，预算调整原因：{MISSING}。")
    assert texts(prose)[1].startswith("今年来，在区委、区政府的正确领导下")
    assert prose.warnings == ("预算调整说明未填写",)


def test_execution_rate_computed_when_not_stated() -> None:
    data = consistent_evaluation()
    funds = FundsExecution.model_validate({"initial_budget": "80.00", "full_year_budget": "80.00",
                                           "actual": "70.00", "weight": "10"})
    table = data.self_assessment.model_copy(update={"funds": funds, "execution_explanation": "项目跨年度实施"})
    data = data.model_copy(update={"self_assessment": table})
    assert texts(build("performance", data))[0] == (
        "2023年度资金年初预算数为80.00万元，全年预算数为80.00万元，全年执行数为70.00万元，"
        "预算执行率为87.50%。执行率未达到90%，原因：项目跨年度实施。")


def test_every_explanation_entered_is_printed_projects_included() -> None:
    data = consistent_evaluation()
    project = data.projects[0]
    funds = project.funds.model_copy(update={"full_year_budget": StatedNumber.of(Decimal("50.00")),
                                             "actual": StatedNumber.of(Decimal("42.47"))})
    changed = project.model_copy(update={"funds": funds, "execution_explanation": "部分工程款次年结算"})
    table = data.self_assessment.model_copy(update={"budget_change_explanation": "年中未作调整"})
    data = data.model_copy(update={"projects": (changed,), "self_assessment": table})
    prose = build("performance", data)
    assert texts(prose)[0].endswith("预算执行率为100%。预算调整说明：年中未作调整。")
    assert texts(prose)[1] == (
        "项目“人居环境整治”全年预算数比年初预算数增加7.53万元，增长17.73%，预算调整原因："
        f"{MISSING}。执行率未达到90%，原因：部分工程款次年结算。")
    assert prose.warnings == ("项目“人居环境整治”预算调整说明未填写",)


def test_section_nine_shows_stated_total_and_its_grade(example: Evaluation) -> None:
    prose = build("results", example)
    assert texts(prose) == [
        "经自评，岳阳市洞庭新城项目建设岳阳楼区工作部2023年度单位整体支出绩效自评得分为99分，评价等次为“优”。",
        f"公开情况：{MISSING}。", f"结果应用：{MISSING}。"]
    assert prose.warnings == ("自评结果公开情况未填写", "自评结果应用情况未填写")


def test_section_nine_computes_the_total_when_not_stated() -> None:
    data = consistent_evaluation(qualitative=27)
    table = data.self_assessment.model_copy(update={"stated_total_score": None})
    prose = build("results", data.model_copy(update={"self_assessment": table}))
    assert texts(prose)[0] == "经自评，示例单位2023年度单位整体支出绩效自评得分为97分，评价等次为“优”。"
    assert texts(prose)[1:] == ["公开情况：自评结果随部门决算在区政府门户网站公开。",
                                "结果应用：作为下年度预算安排的重要依据。"]


def test_unit_words_kept_as_entered_and_blank_marked(example: Evaluation) -> None:
    assert texts(build("problems", example)) == [example.narrative.problems]
    other = build("other", example)
    assert texts(other) == [MISSING]
    assert other.warnings == ("十、其他需要说明的情况未填写",)


def test_unit_section_lists_departments_and_staffing(example: Evaluation) -> None:
    lines = texts(build("unit", example))
    assert lines[0] == "（一）职能职责"
    assert lines[1].startswith("1、贯彻、落实关于洞庭新城建设拆迁方针") and lines[1].endswith("。")
    assert lines[-3:] == ["岳阳市洞庭新城项目建设岳阳楼区工作部内设机构4个，分别为：综合办公室、财务统计科、拆迁征收科、安置保障科。",
                          "（三）人员情况", "人员编制数10人，实有人数9人。"]


def test_funds_without_expenditure_say_none(example: Evaluation) -> None:
    assert texts(build("government_fund", example)) == ["我单位2023年度无政府性基金预算支出。"]


def test_a_fund_not_stated_is_asked_for_never_printed_as_none(example: Evaluation) -> None:
    finances = example.finances.model_copy(update={"government_fund": FundBudgetTable()})
    data = example.model_copy(update={"finances": finances})
    prose = build("government_fund", data)
    assert (texts(prose), prose.warnings) == ([f"2023年政府性基金预算支出：{MISSING}。"],
                                              ("政府性基金预算支出情况未填写",))
    annex = TABLE_BUILDERS["government_fund"](Facts(data, score_evaluation(data, load_profile(data.profile)),
                                                    Rules()))
    assert (annex.data["has"], annex.data["rows"][0]["name"]) == (True, MISSING)


def test_a_report_saying_none_was_spent_imports_as_none_and_one_stating_an_amount_as_spent(
        tmp_path: Path) -> None:
    report = tmp_path / "报告.txt"
    report.write_text(
        "2023年度示例单位单位整体支出绩效自评报告\n三、政府性基金预算支出情况\n我单位2023年度无政府性基金预算。\n"
        "四、国有资本经营预算支出情况\n2023年国有资本经营预算支出185.50万元。\n", encoding="utf-8")
    found = sections(read_document(report))
    fields = Fields()
    read_fund_sections(found, fields)
    assert fields.values == {"finances.government_fund.has_expenditure": False,
                             "finances.state_capital.has_expenditure": True}


def test_a_fund_spent_is_never_re_rendered_as_none(tmp_path: Path) -> None:
    report = tmp_path / "报告.txt"
    report.write_text(
        "2023年度示例单位单位整体支出绩效自评报告\n三、政府性基金预算支出情况\n2023年政府性基金预算支出185.50万元。\n"
        "四、国有资本经营预算支出情况\n本单位无此项支出。\n", encoding="utf-8")
    imported = import_report(report).evaluation
    assert imported is not None
    prose = build("government_fund", imported)
    assert (texts(prose), prose.warnings) == ([f"2023年政府性基金预算支出：{MISSING}。"],
                                              ("政府性基金预算支出明细未填写",))
    assert texts(build("state_capital", imported)) == ["我单位2023年度无国有资本经营预算支出。"]
    social = build("social_insurance", imported)  # not stated at all: asked for, never 无
    assert (texts(social), social.warnings) == ([f"2023年社会保险基金预算支出：{MISSING}。"],
                                                ("社会保险基金预算支出情况未填写",))
