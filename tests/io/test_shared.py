"""A figure entered for one form is printed by every form that prints it (jixiao.io.shared)."""

from __future__ import annotations

from pathlib import Path

from jixiao.io.load import load_evaluation
from jixiao.io.shared import SAME_FIGURES, both_ways, for_every_form, with_copies
from jixiao.render.html import render_html
from jixiao.render.report import prepare
from jixiao.render.spec import load_template

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_the_yueyanglou_example_renders_its_figures_in_the_dingcheng_form() -> None:
    evaluation = load_evaluation(EXAMPLES / "dongting-2023.yaml").evaluation
    html = render_html(prepare(evaluation, load_template("dingcheng-2023")))
    assert "按支出性质分类：基本支出132.71万元（人员经费114.24万元，公用经费18.47万元），项目支出49.55万元" in html
    assert "实有人数9人" in html


def test_the_dingcheng_example_renders_its_figures_in_the_yueyanglou_form() -> None:
    evaluation = load_evaluation(EXAMPLES / "dingcheng-zhengfuban-2023.yaml").evaluation
    general = for_every_form(evaluation).finances.general_budget
    figures = (general.basic.total, general.basic.personnel.amount, general.basic.public.amount,
               general.projects.total)
    assert [figure.written if figure else None for figure in figures] == [
        "1377.69", "1243.34", "134.35", "1970.27"]


def test_a_copy_never_overwrites_what_was_entered() -> None:
    data = {"unit": {"staffing": {"authorized": 10}},
            "basic_data": {"staffing": {"authorized": 11, "actual": 9}}}
    assert with_copies(data, both_ways(SAME_FIGURES)) == {
        "unit": {"staffing": {"authorized": 10, "actual": 9}},
        "basic_data": {"staffing": {"authorized": 11, "actual": 9}}}
    assert data["unit"] == {"staffing": {"authorized": 10}}


def test_an_evaluation_with_nothing_to_copy_is_returned_as_it_is() -> None:
    filled = for_every_form(load_evaluation(EXAMPLES / "dongting-2023.yaml").evaluation)
    assert for_every_form(filled) is filled


def test_the_dingcheng_three_public_table_takes_annex_1s_rows() -> None:
    evaluation = load_evaluation(Path(__file__).parent / "rich.yaml").evaluation
    lines = for_every_form(evaluation).finances.three_public_year_on_year
    assert [(line.name, str(line.current), str(line.prior)) for line in lines] == [
        ("“三公”经费合计", "3.20万元", "3.5万元"), ("公务用车购置费", "0万元", "0万元"),
        ("公务用车运行费", "2.00万元", "2.0万元"), ("因公出国（境）费", "0万元", "None"),
        ("公务接待费", "1.20万元", "1.5万元")]
    html = render_html(prepare(evaluation, load_template("dingcheng-2023")))
    assert "2023年公务接待费1.20万元，对比上年减少0.30万元，下降20.00%。" in html


def test_stated_three_public_lines_are_kept() -> None:
    evaluation = load_evaluation(EXAMPLES / "dingcheng-zhengfuban-2023.yaml").evaluation
    lines = for_every_form(evaluation).finances.three_public_year_on_year
    assert lines == evaluation.finances.three_public_year_on_year


def test_the_finance_form_takes_the_units_spending_from_annex_2_and_annex_1() -> None:
    evaluation = load_evaluation(EXAMPLES / "dongting-2023.yaml").evaluation
    (account,) = for_every_form(evaluation).finances.org_accounts
    assert (account.name, str(account.expenditure_total), str(account.basic), str(account.projects),
            str(account.three_public_total)) == (
        "岳阳市洞庭新城项目建设岳阳楼区工作部", "203.54万元", "132.71万元", "70.83万元", "0万元")
    html = render_html(prepare(evaluation, load_template("yueyang-finance-2021")))
    # 收支情况's 项目支出 counts every fund: the 一般公共预算 items stand under their own total
    assert "部门支出规模203.54万元，其中：基本支出132.71万元，项目支出70.83万元，其中一般公共预算项目支出49.55万元（" in html


def test_stated_org_accounts_are_kept() -> None:
    evaluation = load_evaluation(EXAMPLES / "chenglingji-dangqun-2021.yaml").evaluation
    assert for_every_form(evaluation).finances.org_accounts == evaluation.finances.org_accounts
