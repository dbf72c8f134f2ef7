"""The real example: 岳阳市洞庭新城项目建设岳阳楼区工作部, 2023, transcribed as the unit stated it.

Its findings are pinned: what the unit got right raises nothing, what it got wrong is found,
at the same place in the YAML (line) and in the filled workbook (sheet and cell).
"""

from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.checks import run_checks
from jixiao.io.load import load_evaluation
from jixiao.scoring import score_evaluation

EXAMPLES = Path(__file__).parents[1] / "examples"

# (code, severity, stated, expected, YAML line, workbook cell)
PINNED = [
    ("JX-SUM-002", "info", "49.55", "49.56", 94, "支出情况!B6"),
    ("JX-SUM-006", "info", "49.55", "49.56", 161, "附件1!D16"),
    ("JX-SCORE-002", "error", "99", "93", 348, "附件2!B19"),
    ("JX-SCORE-003", "error", "100", "94", 347, "附件2!B18"),
    ("JX-SCORE-004", "error", "30", "24", 291, "附件2!A41"),  # the block: its weight, what its rows give
    ("JX-EXEC-002", "warning", "203.54", "142.64", 202, "附件2!C3"),
    ("JX-SAME-001", "warning", "70.83", "49.55", 213, "附件2!B12"),
    ("JX-DOC-002", "error", None, None, 139, "正文!B10"),
    ("JX-DOC-005", "warning", None, None, 353, "签字!B3"),
    ("JX-CTRL-001", "warning", "49.55", "0", 158, "附件1!D13"),
    ("JX-CTRL-001", "warning", "18.47", "16.2", 180, "附件1!D18"),
    ("JX-CTRL-001", "warning", "15.77", "2.05", 194, "附件1!D22"),
]


@pytest.mark.parametrize("suffix", ["yaml", "xlsx"])
def test_the_findings_are_pinned_with_their_places(suffix: str) -> None:
    loaded = load_evaluation(EXAMPLES / f"dongting-2023.{suffix}")
    findings = run_checks(loaded.evaluation, source=loaded.source)
    place = (lambda f: f.where.line) if suffix == "yaml" else (lambda f: f.where.label())
    got = [(f.code, f.severity.value, f.stated, f.expected, place(f)) for f in findings]
    column = 4 if suffix == "yaml" else 5
    assert got == [(*row[:4], row[column]) for row in PINNED]


def test_the_two_example_files_hold_the_same_evaluation() -> None:
    assert (load_evaluation(EXAMPLES / "dongting-2023.yaml").evaluation
            == load_evaluation(EXAMPLES / "dongting-2023.xlsx").evaluation)


def test_the_messages_say_what_is_wrong_with_the_numbers() -> None:
    loaded = load_evaluation(EXAMPLES / "dongting-2023.yaml")
    messages = {f.code: f.message for f in run_checks(loaded.evaluation)}
    assert messages["JX-SCORE-002"] == "附件2自评得分合计 99分 与各项得分之和 93分 不一致（相差 6分）"
    assert messages["JX-SCORE-004"] == (
        "附件2效益指标分值合计 24 与评分规则规定的 30 不一致（不适用指标的分值未重新分配）")
    assert messages["JX-SAME-001"] == (
        "附件2 项目支出 70.83万元 与报告中的项目支出 49.55万元 不一致（相差 21.28万元）；"
        "差额恰为附件2 中一般公共预算以外的资金 21.28万元，两处口径不同（报告二只含一般公共预算），"
        "请统一口径或加以说明")
    assert messages["JX-DOC-002"] == (
        "第九部分“自评结果拟应用和公开情况”未写明：自评得分、评价等次、公开情况、结果应用")


def test_what_the_unit_got_right_raises_nothing() -> None:
    loaded = load_evaluation(EXAMPLES / "dongting-2023.yaml")
    codes = {f.code for f in run_checks(loaded.evaluation)}
    # 基本支出 = 人员 + 公用 and their shares, 执行率, 控制率, both 附件2 splits, 内设机构 count,
    # the 执行率 score and every quantitative indicator score all hold.
    assert not codes & {"JX-SUM-001", "JX-SUM-003", "JX-SUM-004", "JX-RATE-001", "JX-RATE-002",
                        "JX-RATE-003", "JX-SAME-004", "JX-SCORE-001", "JX-SCORE-005",
                        "JX-SCORE-006", "JX-SCORE-008"}


def test_the_score_under_the_region_profile() -> None:
    evaluation = load_evaluation(EXAMPLES / "dongting-2023.yaml").evaluation
    table = score_evaluation(evaluation).unit_table
    assert (table.execution_rate, table.execution_score) == (Decimal(100), Decimal("10.00"))
    assert [(b.name, b.stated_weight, b.rule_score) for b in table.blocks] == [
        ("产出指标", Decimal(50), Decimal("49.00")), ("效益指标", Decimal(24), Decimal("24.00")),
        ("满意度指标", Decimal(10), Decimal("10.00"))]
    assert (table.rule_total, table.grade, table.weight_total) == (Decimal("93.00"), "优", Decimal(94))
    derived = {f.key: f.value for f in score_evaluation(evaluation).derived}
    assert derived["basic.personnel.share"].quantize(Decimal("0.0001")) == Decimal("86.0824")
    assert derived["funds.adjustment_rate"].quantize(Decimal("0.01")) == Decimal("42.69")
    assert derived["procurement.execution"].quantize(Decimal("0.01")) == Decimal("769.27")
