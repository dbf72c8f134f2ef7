"""Checks no single report can show: 上年 figures against last year's own evaluation, a
department against the sum of its units, and 附件1's 专项 against 附件3's projects."""

from __future__ import annotations

from typing import Any

from builders import evaluation
from jixiao.checks import across, agreement, run_checks
from jixiao.checks.across import related_notes
from jixiao.checks.related import OtherReport, Related
from jixiao.findings import Place, Severity, Term
from jixiao.model import Evaluation


def _three_public(prior: str | None = None, actual: str | None = None) -> dict[str, Any]:
    row = {key: value for key, value in (("prior_actual", prior), ("actual", actual)) if value}
    return {"three_public": {"total": row}}


def _prior_findings(this: Evaluation, last: OtherReport | None) -> list[Any]:
    return list(run_checks(this, rules=across.RULES, related=Related(previous=last)))


LAST_SOURCE = {"basic_data.three_public.total.actual": Place(path="basic_data.three_public.total.actual",
                                                           line=14)}


def _last(actual: str, *, year: int = 2022, approved: bool = True, name: str = "示例单位") -> OtherReport:
    return OtherReport("2022.yaml", evaluation(year=year, unit={"name": name},
                                               basic_data=_three_public(actual=actual)),
                       approved=approved, source=LAST_SOURCE)


def test_a_changed_prior_figure_is_found_with_both_places() -> None:
    this = evaluation(basic_data=_three_public(prior="12.50"))
    [found] = _prior_findings(this, _last("12.80"))
    assert (found.code, found.severity) == ("JX-PRIOR-001", Severity.ERROR)
    assert found.message == ("附件1 三公经费上年决算数 12.50万元 与上年度自评附件1 三公经费本年决算数 "
                             "12.80万元 不一致（相差 0.30万元）")
    assert found.where == Place(path="basic_data.three_public.total.prior_actual")
    assert (found.stated, found.expected) == ("12.50", "12.80")
    assert found.terms == (Term("上年度自评附件1 三公经费本年决算数", "12.80",
                                Place(path="basic_data.three_public.total.actual", line=14,
                                      report="2022.yaml")),)
    assert found.as_json()["terms"][0]["where"]["report"] == "2022.yaml"


def test_rounding_differences_of_a_prior_figure_are_not_flagged() -> None:
    for prior, last in (("12.8", "12.80"), ("12.8", "12.83"), ("12.80", "12.8")):
        this = evaluation(basic_data=_three_public(prior=prior))
        assert _prior_findings(this, _last(last)) == [], (prior, last)


def test_a_prior_figure_agreeing_only_if_truncated_is_a_note_not_an_error() -> None:
    this = evaluation(basic_data=_three_public(prior="12.8"))
    [found] = _prior_findings(this, _last("12.86"))
    assert (found.severity, found.message) == (Severity.INFO, (
        "附件1 三公经费上年决算数 12.8万元 与上年度自评附件1 三公经费本年决算数 12.86万元 的书写精度不同，"
        "在舍入误差之内一致"))


def test_named_specials_are_matched_by_name_whatever_their_order() -> None:
    def specials(*rows: tuple[str, str, str]) -> dict[str, Any]:
        return {"projects": {"district_special_items": [
            {"name": name, column: value} for name, column, value in rows]}}

    this = evaluation(basic_data=specials(("乙专项", "prior_actual", "7.00"),
                                          ("甲专项", "prior_actual", "5.00")))
    last = evaluation(year=2022, basic_data=specials(("甲专项", "actual", "5.00"),
                                                     ("乙专项", "actual", "6.00")))
    [found] = _prior_findings(this, OtherReport("2022.yaml", last))
    assert found.message == ("附件1 乙专项上年决算数 7.00万元 与上年度自评附件1 乙专项本年决算数 6.00万元 "
                             "不一致（相差 1.00万元）")
    assert found.where.path == "basic_data.projects.district_special_items[0].prior_actual"
    assert found.terms[0].where == Place(
        path="basic_data.projects.district_special_items[1].actual", report="2022.yaml")


def test_three_public_year_on_year_prior_against_last_years_current() -> None:
    def lines(**values: str) -> dict[str, Any]:
        return {"three_public_year_on_year": [{"name": "公务接待费", **values}]}

    this = evaluation(finances=lines(current="2.00", prior="3.10"))
    last = evaluation(year=2022, finances=lines(current="3.01"))
    [found] = _prior_findings(this, OtherReport("上年.yaml", last))
    assert (found.code, found.message) == (
        "JX-PRIOR-002", "公务接待费上年 3.10万元 与上年度自评公务接待费本年 3.01万元 不一致（相差 0.09万元）")
    assert found.terms[0].where == Place(path="finances.three_public_year_on_year[0].current",
                                         report="上年.yaml")


def test_nothing_is_compared_without_an_approved_evaluation_of_last_year_of_the_unit() -> None:
    this = evaluation(basic_data=_three_public(prior="12.50"))
    cases = {
        None: "未找到本单位上年度（2022 年度）的自评，未核对上年数",
        _last("12.80", approved=False): "上年度自评“2022.yaml”尚未审核通过，未核对上年数",
        _last("12.80", year=2021): "“2022.yaml”是 2021 年度的自评，不是上年度（2022 年度）的，未核对上年数",
        _last("12.80", name="别的单位"): "“2022.yaml”的预算单位“别的单位”与本单位“示例单位”不同，未核对上年数",
    }
    for last, note in cases.items():
        assert _prior_findings(this, last) == []
        assert related_notes(this, Related(previous=last), previous=True, units=False) == (note,)
    checked = related_notes(this, Related(previous=_last("12.50")), previous=True, units=False)
    assert checked == ("已与上年度自评“2022.yaml”核对上年数",)


def _funds(initial: str, actual: str) -> dict[str, Any]:
    return {"funds": {"initial_budget": initial, "full_year_budget": initial, "actual": actual,
                      "weight": "10", "stated_execution_rate": "100", "stated_score": "10"}}


def _unit(name: str, initial: str, actual: str) -> OtherReport:
    return OtherReport(f"{name}.yaml", evaluation(unit={"name": name}, self_assessment=_funds(initial, actual)))


def test_a_department_total_against_the_sum_of_its_units() -> None:
    department = evaluation(unit={"name": "区教育局"}, self_assessment=_funds("300.00", "250.00"))
    units = (_unit("一中", "100.00", "100.00"), _unit("二中", "200.00", "149.96"))
    findings = run_checks(department, rules=across.RULES, related=Related(units=units))
    assert [(f.code, f.severity, f.where.path, f.message) for f in findings] == [
        ("JX-DEPT-001", Severity.ERROR, "self_assessment.funds.actual",
         "附件2 全年执行数 250.00万元 与所属 2 个单位的附件2 全年执行数之和 249.96万元 不一致（相差 0.04万元）"),
    ]
    assert [(term.label, term.value, term.where) for term in findings[0].terms] == [
        ("一中附件2 全年执行数", "100.00", Place(path="self_assessment.funds.actual", report="一中.yaml")),
        ("二中附件2 全年执行数", "149.96", Place(path="self_assessment.funds.actual", report="二中.yaml")),
    ]
    assert related_notes(department, Related(units=units), previous=False, units=True) == (
        "已与所属 2 个单位的本年度自评核对部门合计",)


def test_no_department_sum_while_a_unit_has_no_evaluation() -> None:
    department = evaluation(unit={"name": "区教育局"}, self_assessment=_funds("300.00", "250.00"))
    related = Related(units=(_unit("一中", "100.00", "100.00"),), units_missing=("二中", "三中"))
    assert run_checks(department, rules=across.RULES, related=related) == ()
    assert related_notes(department, related, previous=False, units=True) == (
        "所属单位二中、三中尚无已提交的本年度自评，未核对部门合计",)


def _special_and_project(row: dict[str, str], funds: dict[str, str]) -> Evaluation:
    return evaluation(
        basic_data={"projects": {"transfer_items": [{"name": "农村公路养护", **row}]}},
        projects=[{"name": "农村公路养护", "funds": funds}])


def test_a_special_of_appendix_1_against_its_project_in_appendix_3() -> None:
    case = _special_and_project({"budget": "50.00", "actual": "48.00"},
                                {"initial_budget": "40.00", "full_year_budget": "45.00", "actual": "47.50"})
    findings = run_checks(case, rules=agreement.RULES)
    assert [(f.code, f.where.path, f.message) for f in findings] == [
        ("JX-SAME-005", "basic_data.projects.transfer_items[0].actual",
         "附件1 专项“农村公路养护”本年决算数 48.00万元 与附件3“农村公路养护”全年执行数 47.50万元 不一致（相差 0.50万元）"),
        ("JX-SAME-005", "basic_data.projects.transfer_items[0].budget",
         "附件1 专项“农村公路养护”本年预算数 50.00万元 与附件3“农村公路养护”全年预算数 45.00万元 不一致（相差 5.00万元）"),
    ]
    assert findings[0].terms[0].where == Place(path="projects[0].funds.actual")


def test_a_special_whose_budget_is_the_projects_initial_budget_agrees() -> None:
    case = _special_and_project({"budget": "40", "actual": "47.5"},
                                {"initial_budget": "40.00", "full_year_budget": "45.00", "actual": "47.50"})
    assert run_checks(case, rules=agreement.RULES) == ()
