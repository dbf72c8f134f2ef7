"""Small excerpts in the layouts of real reports, each isolating one thing the audit must read
or judge: the finding each gives, with its code, figures and place."""

from __future__ import annotations

from pathlib import Path

from jixiao.audit import audit_file
from jixiao.findings import Finding

PATTERNS = Path(__file__).parents[1] / "data" / "corpus" / "patterns"


def findings(name: str) -> tuple[Finding, ...]:
    return audit_file(PATTERNS / f"{name}.txt").findings


def brief(found: tuple[Finding, ...]) -> list[tuple[str, str, str | None, str | None, int | None]]:
    return [(f.code, f.severity.value, f.stated, f.expected, f.where.line) for f in found]


def terms_of(finding: Finding) -> list[tuple[str, str, int | None]]:
    return [(t.label, t.value, t.where.line) for t in finding.terms]


def test_a_stated_total_against_indicators_that_were_not_read_is_no_finding() -> None:
    assert findings("S0_false_total") == ()


def test_a_whole_number_budget_beside_amounts_with_decimals_is_exact() -> None:
    found = findings("B_integer_terms")
    assert brief(found) == [("JX-TEXT-004", "error", "36", "64.00", 1), ("JX-TEXT-001", "warning", "59.92", "59.96", 2)]
    assert found[0].message == ("支出决算 0.64万元 / 一般公共预算财政拨款“三公”经费公务接待费预算 1万元 = 64.00%，"
                                "与文中 支出决算完成预算的比例 36% 不一致")
    assert found[1].message == ("本项目共完成支出 59.92万元 与20万元、20万元、19.96万元之和 59.96万元 超过总数（多 0.04万元），"
                                "所列各项不应大于总数")


def test_comparisons_with_the_budget_and_with_last_years_spending() -> None:
    path = PATTERNS / "D_comparisons.txt"
    audit = audit_file(path, passed=True)
    assert brief(audit.findings) == [("JX-TEXT-003", "error", "5.82", "5.50", 1)]
    assert audit.findings[0].message == (
        "本年“三公”经费实际支出 23.18万元 比上年减少 1.35万元（上年 24.53万元），应下降 5.50%，"
        "与文中本年“三公”经费实际支出下降率 5.82% 不一致")
    assert [(p.code, p.stated, p.expected) for p in audit.passed] == [("JX-TEXT-003", "17.21", "17.21")]
    assert [t.label for t in audit.passed[0].terms] == ["本年“三公”经费实际支出", "比预算减少"]


def test_a_count_written_noun_first() -> None:
    found = findings("I_noun_first_count")
    assert brief(found) == [("JX-TEXT-008", "error", "5", "4", 1)]
    assert found[0].message == ("文中称 5 个二级机构，但列出 4 个：县城市管理服务中心、县环境卫生服务站、县园林绿化所、"
                                "县市政设施维护所")


def test_a_grade_word_against_its_score_in_a_table_and_in_prose() -> None:
    table = findings("S8_two_row_header")
    assert brief(table) == [("JX-TABLE-007", "error", "良", "优", 10)]
    assert table[0].message == "得分 97 分对应的等次为“优”，与文中等次“良”不一致"
    assert table[0].evidence == "其他需要说明事项 无 总分 100 97 良"
    prose = findings("S9_grade_prose")
    assert brief(prose) == [("JX-TEXT-010", "error", "良", "优", 3)]
    assert [(t.label, t.value, t.where.line) for t in prose[0].terms] == [("得分", "92", 3)]
    clean = audit_file(PATTERNS / "S0_false_total.txt", passed=True)
    assert [(p.code, p.stated, p.expected) for p in clean.passed if p.code == "JX-TABLE-007"] == [
        ("JX-TABLE-007", "优", "优")]


def test_the_funds_block_in_every_flattening() -> None:
    one_line = findings("A1_oneline_form")
    assert brief(one_line) == [("JX-TABLE-004", "error", "84.4", "82.4", 1)]
    assert one_line[0].message == "年度资金总额的全年执行数 84.4 与各项之和 82.4 不一致（相差 2）"
    assert [(t.label, t.value) for t in one_line[0].terms] == [
        ("本年财政拨款 全年执行数", "52.4"), ("上年结转资金 全年执行数", "20"), ("其他资金 全年执行数", "10")]
    held = audit_file(PATTERNS / "A1_oneline_form.txt", passed=True).passed
    # the funds row's 得分 9.7 is checked against its 分值 10 too
    assert [(p.code, p.stated) for p in held] == [("JX-TABLE-004", "87"), ("JX-TABLE-004", "87"),
                                                   ("JX-TABLE-005", "97.01"), ("JX-TABLE-003", "9.7")]
    per_line = findings("S1a_funds_cell_per_line")
    assert brief(per_line) == [("JX-TABLE-005", "error", "100", "85.00", 41)]
    assert per_line[0].message == ("年度资金总额 执行率 100% 与 年度资金总额 全年执行数 1964.27 / "
                                   "年度资金总额 全年预算数 2310.90 = 85% 不一致")
    assert brief(findings("S1b_funds_one_line")) == [
        ("JX-TABLE-004", "error", "0", "57.36", 1), ("JX-TABLE-004", "error", "0", "57.36", 1),
        ("JX-TABLE-004", "error", "0", "49.08", 1)]
    assert brief(findings("S5_pipe_rows_no_lead")) == [("JX-TABLE-005", "error", "95", "90.00", 6),
                                                       ("JX-TABLE-005", "error", "95", "90.00", 7)]


def test_ledger_blocks_of_one_amount_a_row() -> None:
    audit = audit_file(PATTERNS / "S2b_ledger_blocks.txt", passed=True)
    # The two blocks after the first's 其中 are its parts (604.10 + 322.30 = 926.40): its 省级资金
    # 288.60 is checked against theirs, 190.30 + 99.30.
    assert brief(audit.findings) == [("JX-TABLE-004", "error", "288.60", "289.60", 3),
                                     ("JX-TABLE-004", "error", "322.30", "323.30", 13)]
    assert audit.findings[0].message == "农村饮水安全补助资金 省级资金 288.60 与各项之和 289.6 不一致（相差 1）"
    assert terms_of(audit.findings[0]) == [
        ("供水工程维修养护资金省级资金", "190.30", 9), ("水质检测补助资金省级资金", "99.30", 15)]
    assert audit.findings[1].message == "年度资金总额 322.30 与各项之和 323.3 不一致（相差 1）"
    assert [(p.stated, p.expected) for p in audit.passed] == [
        ("926.40", "926.40"), ("512.00", "512.00"), ("125.80", "125.80"), ("604.10", "604.10")]


def test_people_by_category_make_a_whole_that_must_add_up() -> None:
    audit = audit_file(PATTERNS / "S12_people_units.txt", passed=True)
    assert brief(audit.findings) == [("JX-TEXT-001", "error", "22", "23", 2)]
    assert audit.findings[0].message == "在职实有 22人 与管理人员、专业技术人员、工勤人员之和 23人 不一致（相差 1人）"
    assert [(p.code, p.stated) for p in audit.passed] == [("JX-TEXT-001", "24"), ("JX-TEXT-001", "84210")]


def test_rates_against_the_funds_as_a_whole_and_an_implied_budget() -> None:
    rates = findings("S10_prose_rates")
    assert brief(rates) == [("JX-TEXT-004", "error", "97", "95.00", 2), ("JX-TEXT-004", "error", "90.99", "89.99", 4),
                            ("JX-TEXT-005", "error", "23.76", "32.76", 5)]
    assert rates[0].message == "已完成拨付 817万元 / 项目资金共 860万元 = 95.00%，与文中 已完成拨付执行率 97% 不一致"
    # The base of 90.99% is the funds of the sentence before: “5230万元资金全部拨付到位”.
    assert rates[1].message == "实际执行 4706.5万元 / 上句所列资金 5230万元 = 89.99%，与文中 实际执行执行率 90.99% 不一致"
    assert terms_of(rates[1]) == [("实际执行", "4706.5", 4), ("上句所列资金", "5230", 3)]
    assert rates[2].message == (
        "底全年实际发放 345.16万元 − 东山区申请补贴 312.40万元 = 32.76万元，与文中 超出预算金额 23.76万元 不一致")
    implied = findings("J_derived_budget")
    assert brief(implied) == [("JX-TEXT-004", "error", "100", "104.67", 1)]
    assert [(t.label, t.value) for t in implied[0].terms] == [
        ("一般公共预算财政拨款支出总计", "932.40"), ("预算数（932.40万元 − 41.60万元）", "890.80")]


def test_parts_that_make_the_whole_stated_in_later_sentences() -> None:
    scoped = findings("G1_scoped_parts")
    assert brief(scoped) == [("JX-TEXT-001", "error", "4.82", "4.59", 2)]
    assert [(t.label, t.value, t.where.line) for t in scoped[0].terms] == [
        ("因公出国（境）费支出决算", "0", 4), ("公务用车购置及运行维护费支出决算", "2.96", 4),
        ("公务接待费支出决算", "1.63", 4)]
    partition = findings("E_partition")
    assert brief(partition) == [("JX-TEXT-001", "error", "642.35", "632.35", 2)]
    assert partition[0].message == "一般公共预算财政拨款基本支出 642.35万元 与人员经费、公用经费之和 632.35万元 不一致（相差 10.00万元）"


def test_item_changes_under_a_total_change_and_levels_stated_before() -> None:
    assert brief(findings("F_numbered_changes")) == [("JX-TEXT-006", "error", "36.50", "33.75", 2)]
    # The two levels stand in sentences of their own: the rate is worked out from them as written
    # (2.6 against 3.05 is a fall of 14.75%); the 增减额 0.44 is a unit of its last decimal off.
    found = findings("C1_levels_elsewhere")
    assert brief(found) == [("JX-TEXT-005", "info", "0.44", "0.45", 3), ("JX-TEXT-007", "error", "14.43", "14.75", 3)]
    assert found[1].message == ("2023年公务接待费 2.6万元，2022年公务接待费 3.05万元，应下降 14.75%，"
                                "与文中公务接待费下降率 14.43% 不一致")


def test_amounts_in_bare_wan_and_a_change_against_totals_stated_before() -> None:
    found = findings("C2_bare_wan")
    assert brief(found) == [("JX-TEXT-005", "error", "72.35", "54.78", 3)]
    assert terms_of(found[0]) == [
        ("2023年“三公”经费决算", "642.18", 1), ("2022年“三公”经费决算", "587.40", 1)]


def test_a_list_shown_complete_by_a_sibling_list_with_the_same_items() -> None:
    found = findings("S2a_sibling_lists")
    assert brief(found) == [("JX-TEXT-001", "error", "1586000", "1332000", 1)]
    assert [t.label for t in found[0].terms] == ["道路养护补助", "护路员报酬", "安全设施更新", "应急抢修经费"]


def test_shares_of_a_whole_implied_by_its_parts() -> None:
    found = findings("H_implied_whole")
    assert brief(found) == [("JX-TEXT-002", "error", "14.20", "11.59", 2)]
    assert terms_of(found[0]) == [
        ("项目支出", "239300", 2), ("一般公共预算支出（基本支出预算 + 项目支出）", "2064730.20", 1)]


def test_counts_as_sums_of_counts() -> None:
    found = findings("S4_counts")
    assert brief(found) == [("JX-TEXT-001", "error", "11", "12", 2), ("JX-TEXT-001", "error", "25", "24", 4)]
    assert [f.message for f in found] == ["项目数 11个 与年初批复、年中追加之和 12个 不一致（相差 1个）",
                                          "项目数 25个 与评为优、评为良、评为中之和 24个 不一致（相差 1个）"]
    assert found[0].evidence == ("2023年，本中心实施信息化项目共11个（含续建项目3个），年初批复6个项目420万元，"
                                 "年中追加6个项目，实际到位资金265.3万元。")



def test_a_stated_total_above_the_points_a_truncated_table_visibly_lost() -> None:
    found = findings("S11_truncated_bound")
    assert brief(found) == [("JX-TABLE-002", "error", "97", "96", 6)]
    assert found[0].message == "自评得分 97 高于满分 100 减去各项已扣分 4 后的上限 96"


def test_rubric_points_inside_a_cell_of_a_spaced_pipe_dump() -> None:
    audit = audit_file(PATTERNS / "S7_rubric_points.txt", passed=True)
    assert brief(audit.findings) == [("JX-TABLE-001", "error", "6", "5", 34)]
    assert audit.findings[0].message == "管理制度的分值 6 与各项评分要点分值之和 5 不一致（相差 1）"
    assert [(p.code, p.stated, p.expected) for p in audit.passed if p.code == "JX-TABLE-001"] == [
        ("JX-TABLE-001", "15", "15"), ("JX-TABLE-001", "9", "9"), ("JX-TABLE-001", "4", "4"),
        ("JX-TABLE-001", "5", "5"), ("JX-TABLE-001", "6", "6")]


def test_a_form_one_cell_per_line_whose_two_breakdowns_differ() -> None:
    found = findings("A2_untabbed_form")
    assert brief(found) == [("JX-TABLE-004", "error", "1190.35", "1268.35", 19)]
    assert found[0].message == "按支出性质分 1190.35 与各项按收入性质分之和 1268.35 不一致（相差 78）"
    assert terms_of(found[0]) == [("一般公共预算", "1020.15", 21), ("政府性基金拨款", "48.20", 25),
                                  ("其他资金", "200.00", 29)]


def test_parts_stated_before_their_whole_under_labels_of_their_own() -> None:
    found = findings("G2_total_after_parts")
    assert brief(found) == [("JX-TEXT-001", "warning", "1043855.60", "1013855.60", 5)]
    assert found[0].message == (
        "一般公共预算基本支出 1043855.60元 与工资福利支出预算、商品和服务支出预算、对个人和家庭补助支出预算之和 "
        "1013855.60元 不一致（相差 30000.00元；各项在总数之前列出，请核对是否同一口径）")
    assert [line for _, _, line in terms_of(found[0])] == [1, 2, 3]


def test_a_pipe_dump_one_cell_per_line_and_prose_against_its_budget() -> None:
    audit = audit_file(PATTERNS / "K_pipe_one_cell.txt", passed=True)
    assert [(p.code, p.stated, p.expected) for p in audit.passed] == [
        ("JX-TABLE-004", "9", "9"), ("JX-TABLE-004", "7.15", "7.15")]
    # The prose's 0.65 against the table's 预算 of the same item: 6 − 4.35 = 1.65.
    assert brief(audit.findings) == [("JX-TEXT-005", "error", "0.65", "1.65", 14)]
    assert audit.findings[0].message == ("公务接待费预算数 6万元 − 公务接待费支出 4.35万元 = 1.65万元，"
                                         "与文中 公务接待费支出比预算减少 0.65万元 不一致")
    assert terms_of(audit.findings[0]) == [("公务接待费预算数", "6", 9), ("公务接待费支出", "4.35", 14)]


def test_a_score_table_on_one_line_with_pairs_before_their_labels() -> None:
    found = findings("S3_score_one_line")
    assert brief(found) == [("JX-TABLE-002", "error", "96", "94", 2)]
    assert found[0].message == "总分（得分） 96 与各项得分之和 94 不一致（相差 2）"
    assert [(label, value) for label, value, _ in terms_of(found[0])] == [
        ("预算执行率 得分", "9"), ("指标 得分", "28"), ("指标 得分", "9"), ("补贴发放人数 得分", "18"),
        ("补贴发放准确率 得分", "15"), ("按季度足额发放 得分", "15")]
