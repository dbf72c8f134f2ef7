"""jixiao reads back what it writes: a generated evaluation with every field filled, rendered in
every template to Word, PDF (LibreOffice) and Excel, then checked as a report, gives the numeric
findings (code, stated, expected) that checking the data itself gives.

A finding can come back only when the form prints its figure and every figure it names: what a
template prints is its ``template.yaml`` ``fields``; the attachments workbook prints 附件1-3 in
every template, and the body (正文) of the template whose forms they are. The data's findings on anything else are listed by :func:`printed`, not
filtered silently: the test asserts which of them a form leaves out.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from render_builders import every_field_evaluation

from jixiao.audit import audit_file
from jixiao.checks import run_checks
from jixiao.findings import Finding
from jixiao.profiles import load_profile
from jixiao.render.outputs import render_file
from jixiao.render.spec import available_templates, load_template

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice missing")

FORMATS = ("docx", "pdf", "xlsx")
WORKBOOK_PRINTS = ("basic_data", "self_assessment", "projects")
"""What the attachments workbook prints, whatever the template: 附件1, 附件2 and each 附件3."""
WORKBOOK_BODY = ("yueyanglou-2024",)
"""Templates whose body the workbook also prints (正文): those whose attachments are its forms."""
Numeric = tuple[str, str | None, str | None]


def prints(template: str, suffix: str) -> tuple[str, ...]:
    """The field paths a rendering prints: the template's ``fields``, or the workbook's."""
    fields = tuple(load_template(template).fields)
    if suffix != "xlsx":
        return fields
    return (*WORKBOOK_PRINTS, *(fields if template in WORKBOOK_BODY else ()))


def _under(path: str | None, fields: tuple[str, ...]) -> bool:
    return path is not None and any(path == field or path.startswith((f"{field}.", f"{field}["))
                                    for field in fields)


def printed(finding: Finding, fields: tuple[str, ...]) -> bool:
    """Whether the figure a finding reports and every figure it names are printed."""
    return all(_under(path, fields) for path in (finding.where.path, *(t.where.path for t in finding.terms)))


def numeric(findings: tuple[Finding, ...]) -> set[Numeric]:
    return {(f.code, f.stated, f.expected) for f in findings if f.stated is not None and f.expected is not None}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, str], Path]:
    """Each template rendered once per format for the whole module (PDF goes through LibreOffice)."""
    folder, done = tmp_path_factory.mktemp("round-trip"), {}

    def render(template: str, suffix: str) -> Path:
        if (template, suffix) not in done:
            evaluation = every_field_evaluation(template)
            out = folder / f"{template}.{suffix}"
            render_file(evaluation, load_profile(evaluation.profile), load_template(template), None, out)
            done[template, suffix] = out
        return done[template, suffix]

    return render


def data_findings(template: str) -> tuple[Finding, ...]:
    evaluation = every_field_evaluation(template)
    return run_checks(evaluation, load_profile(evaluation.profile))


OTHER_FORMS = {("JX-SUM-008", "230.18", "220.18"), ("JX-SUM-009", "0.00", "1.00"),
               ("JX-SUM-009", "231.18", "230.18"), ("JX-SUM-010", "-0.30", "-0.40")}
"""The 鼎城区 breakdown and 三公 year on year (JX-SUM-008, JX-SUM-010), the 财政局 form's accounts
by 机构 (JX-SUM-009)."""
BODY = {("JX-RATE-001", "86.00", "86.08"), ("JX-SAME-001", "97.47", "77.47")}
"""The 岳阳楼区 body's 二: a share of 基本支出, and its 项目支出 against 附件2's."""
UNIT_TABLE = {("JX-SCORE-001", "6", "5"), ("JX-SCORE-002", "95", "98"), ("JX-SCORE-003", "100", "97"),
              ("JX-SCORE-004", "50", "47"), ("JX-SCORE-005", "6", "5.00"), ("JX-EXEC-002", "230.18", "220.18")}
"""附件2 单位整体支出绩效自评表."""
LEFT_OUT = {
    ("yueyanglou-2024", "docx"): OTHER_FORMS,
    ("yueyanglou-2024", "xlsx"): OTHER_FORMS,
    ("dingcheng-2023", "docx"): (OTHER_FORMS - {("JX-SUM-008", "230.18", "220.18"), ("JX-SUM-010", "-0.30", "-0.40")})
    | BODY | UNIT_TABLE | {("JX-RATE-002", "98.00", "100.00")},  # and 附件3
    ("yueyang-finance-2021", "docx"): (OTHER_FORMS - {("JX-SUM-009", "0.00", "1.00"), ("JX-SUM-009", "231.18", "230.18")})
    | BODY | {("JX-EXEC-002", "230.18", "220.18"), ("JX-RATE-002", "98.00", "100.00")},  # 附件2's funds, 附件3
    ("national-project", "docx"): OTHER_FORMS | BODY | UNIT_TABLE,
    **{(template, "xlsx"): OTHER_FORMS | BODY for template in ("dingcheng-2023", "yueyang-finance-2021",
                                                               "national-project")},
}
"""The data's numeric findings a rendering does not print, per template and kind (the PDF prints
what the Word file does): what the test of each rendering leaves out, said here."""


def test_the_seeded_errors_are_found_in_the_data() -> None:
    assert numeric(data_findings("yueyanglou-2024")) == OTHER_FORMS | BODY | UNIT_TABLE | {
        ("JX-RATE-002", "98.00", "100.00"), ("JX-SAME-003", "94", "95")}


@pytest.mark.parametrize(("template", "suffix"), sorted(LEFT_OUT))
def test_what_a_rendering_leaves_out_is_what_it_does_not_print(template: str, suffix: str) -> None:
    fields = prints(template, suffix)
    assert numeric(tuple(f for f in data_findings(template) if not printed(f, fields))) == LEFT_OUT[template, suffix]




@pytest.mark.parametrize(("template", "suffix"),
                         [pytest.param(template, suffix, id=f"{template}-{suffix}")
                          for template in available_templates() for suffix in FORMATS])
def test_a_rendered_report_checks_as_its_data(template: str, suffix: str,
                                              rendered: Callable[[str, str], Path]) -> None:
    fields = prints(template, suffix)
    expected = numeric(tuple(f for f in data_findings(template) if printed(f, fields)))
    assert numeric(audit_file(rendered(template, suffix)).findings) == expected
