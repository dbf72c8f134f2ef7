"""Table claims on small tables written as reports flatten them (one cell per TAB line, or
pipe rows): exact codes, figures, messages and places."""

from __future__ import annotations

from jixiao.documents import Document, parse_flat_text
from jixiao.extract.tables.claims import table_claims, table_findings
from jixiao.findings import Finding, Place, Severity


def document(text: str) -> Document:
    return Document(file="report.txt", format="text", blocks=parse_flat_text(text), text=text)


def tab_table(*rows: tuple[str, ...]) -> str:
    """Rows flattened one cell per line, a blank line after each row."""
    return "\n".join("".join(f"\t{cell}\n" for cell in row) for row in rows)


def summary(findings: tuple[Finding, ...]) -> list[tuple[str, str, str | None, str | None]]:
    return [(f.code, f.severity.value, f.stated, f.expected) for f in findings]


HEADER = ("一级指标", "二级指标", "三级指标", "分值", "得分")


def test_block_weight_in_its_heading_and_the_totals() -> None:
    text = tab_table(HEADER,
                     ("产出指标（40分）", "数量指标", "甲", "20", "20"),
                     ("", "", "乙", "15", "12"),
                     ("效益指标（60分）", "社会效益", "丙", "50", "50"),
                     ("", "生态效益", "不适用", "", ""),
                     ("总分", "", "", "100", "90"))
    findings = table_findings(document(text))
    assert summary(findings) == [
        ("JX-TABLE-001", "error", "40", "35"),
        ("JX-TABLE-001", "error", "60", "50"),
        ("JX-TABLE-001", "error", "100", "85"),
        ("JX-TABLE-002", "error", "90", "82"),
    ]
    block = findings[0]
    start = text.index("40分")
    assert block.where == Place(table=0, row=1, col=0, line=7, start=start, end=start + 2)
    assert block.message == "产出指标的分值 40 与各项分值之和 35 不一致（相差 5）"
    assert [(t.label, t.value) for t in block.terms] == [("甲 分值", "20"), ("乙 分值", "15")]
    assert block.evidence == "产出指标（40分） 数量指标 甲 20 20"


def test_a_score_above_its_weight() -> None:
    text = tab_table(HEADER, ("产出指标", "数量指标", "甲", "5", "6"), ("", "", "乙", "5.0", "5.04"))
    findings = table_findings(document(text))
    assert summary(findings) == [("JX-TABLE-003", "error", "6", "5"), ("JX-TABLE-003", "info", "5.04", "5.0")]
    assert findings[0].message == "甲的得分 6 超过分值 5"
    assert findings[0].where.line == 11
    assert findings[1].message == "乙的得分 5.04 超过分值 5.0（仅在舍入范围内）"


def test_totals_within_rounding_are_notes() -> None:
    text = tab_table(("指标", "分值", "得分"), ("甲", "5", "4.5"), ("乙", "5", "3.33"), ("丙", "5", "2.17"),
                     ("合计", "15", "10.01"))
    assert summary(table_findings(document(text))) == [("JX-TABLE-002", "info", "10.01", "10.00")]


def test_totals_that_hold_give_nothing() -> None:
    text = tab_table(("指标", "权重", "自评得分"), ("甲", "50", "45"), ("乙", "50", "50"), ("总分", "100", "95"))
    assert table_findings(document(text)) == ()


def test_a_block_row_states_its_weight() -> None:
    text = tab_table(HEADER, ("产出指标", "", "", "55", "45"), ("", "数量", "甲", "30", "25"),
                     ("", "", "乙", "20", "20"), ("总分", "50", "45"))
    assert summary(table_findings(document(text))) == [("JX-TABLE-001", "error", "55", "50")]


def test_an_unfilled_template_gives_nothing() -> None:
    text = tab_table(HEADER, ("产出指标（50分）", "数量指标", "……", "", ""), ("", "", "甲", "10", ""),
                     ("总分", "", "", "100", ""))
    assert table_findings(document(text)) == ()


def test_pipe_score_table() -> None:
    text = ("| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |\n|---|---|---|---|---|\n"
            "| 产出指标(50分) | 数量 | 甲 | 30 | 30 |\n| | | 乙 | 10 | 10 |\n| 总分 | | | 40 | 40 |\n")
    findings = table_findings(document(text))
    assert summary(findings) == [("JX-TABLE-001", "error", "50", "40")]
    assert findings[0].where.line == 3


def test_a_total_row_at_the_top_and_at_the_bottom() -> None:
    top = tab_table(("机构", "支出合计", "基本支出"), ("汇总", "85.33", "38.43"), ("1、局机关", "80.33", "38.43"),
                    ("2、二级机构", "5.10", ""))
    bottom = tab_table(("项目", "预算数", "决算数"), ("公务接待费", "1", "0.53"), ("公务用车", "2", "1.18"),
                       ("合计", "3", "1.68"))
    assert summary(table_findings(document(top))) == [("JX-TABLE-004", "error", "85.33", "85.43")]
    findings = table_findings(document(bottom))
    assert summary(findings) == [("JX-TABLE-004", "error", "1.68", "1.71")]
    assert findings[0].message == "合计的决算数 1.68 与各项之和 1.71 不一致（相差 0.03）"
    assert [t.label for t in findings[0].terms] == ["公务接待费 决算数", "公务用车 决算数"]
    headless = tab_table(("公务接待费", "1", "0.53"), ("公务用车", "2", "1.18"), ("合计", "3", "1.68"))
    assert table_findings(document(headless))[0].message == "合计第3列 1.68 与各项之和 1.71 不一致（相差 0.03）"


def test_total_rows_over_nested_items_are_not_checked() -> None:
    text = tab_table(("项目", "决算数"), ("合计", "100"), ("公务用车购置及运行维护费", "60"),
                     ("其中：公务用车运行维护费", "40"), ("公务接待费", "10"))
    mixed = tab_table(("项目", "决算数"), ("合计", "100"), ("1、区级专项", "60"), ("城乡社区支出", "50"))
    assert table_findings(document(text)) == ()
    assert table_findings(document(mixed)) == ()


def test_rate_columns_named_by_letters_and_by_words() -> None:
    letters = tab_table(("项目", "全年预算数(A)", "全年执行数(B)", "执行率(B/A)"), ("资金", "150", "125.25", "82.6%"))
    words = tab_table(("项目", "年初预算数", "全年预算数", "全年执行数", "执行率"),
                      ("资金", "142.64", "203.54", "203.54", "100%"))
    staff = tab_table(("人员(人)", "编制数", "实际在职人数", "控制率"), ("", "8", "7", "100%"))
    assert summary(table_findings(document(letters))) == [("JX-TABLE-005", "error", "82.6", "83.50")]
    assert table_findings(document(words)) == ()
    findings = table_findings(document(staff))
    assert summary(findings) == [("JX-TABLE-005", "error", "100", "87.50")]
    assert findings[0].message == "控制率 100% 与 实际在职人数 7 / 编制数 8 = 87.5% 不一致"
    assert findings[0].severity is Severity.ERROR


def test_a_truncated_rate_is_a_note() -> None:
    text = tab_table(("项目", "预算数", "决算数", "完成率"), ("三公经费", "7.69", "2.48", "32.24%"))
    assert summary(table_findings(document(text))) == [("JX-TABLE-005", "info", "32.24", "32.25")]


def test_weights_written_in_the_indicator_cells() -> None:
    text = ("| 一级指标 | 二级指标 | 三级指标 | 得分 |\n"
            "| 决策(25分) | 目标(15分) | 相关性(5分) |\n|\n| 明确性(5分) |\n| ||\n"
            "| 预算(10分) | 依据(5分) |\n| |\n| 科技(制度、方法等)创新(4分) |\n| ||\n"
            "| 成效(45分) | 履职(20分) | 特性指标 |\n| ||\n| 满意度(25分) | 公众(3分) | 4 |\n")
    findings = table_findings(document(text))
    assert summary(findings) == [
        ("JX-TABLE-001", "error", "15", "10"),
        ("JX-TABLE-001", "error", "10", "9"),
        ("JX-TABLE-003", "error", "4", "3"),
        ("JX-TABLE-001", "error", "25", "3"),
    ]
    start = text.index("15分")
    assert findings[0].where == Place(table=0, row=1, col=1, line=2, start=start, end=start + 2)
    assert findings[0].message == "目标的分值 15 与各项分值之和 10 不一致（相差 5）"
    assert [(t.label, t.value) for t in findings[0].terms] == [("相关性 分值", "5"), ("明确性 分值", "5")]
    assert findings[1].message == "预算的分值 10 与各项分值之和 9 不一致（相差 1）"
    assert findings[2].message == "公众的得分 4 超过分值 3"
    # 决策 25 = 目标 15 + 预算 10 and 成效 45 = 履职 20 + 满意度 25 hold; 履职 20 is not judged:
    # its indicator states no weight.
    checked = [(c.code, c.stated.number.written) for c in table_claims(document(text))]
    assert checked == [("JX-TABLE-001", "15"), ("JX-TABLE-001", "10"), ("JX-TABLE-001", "25"),
                       ("JX-TABLE-003", "4"), ("JX-TABLE-001", "25"), ("JX-TABLE-001", "45")]


def test_optional_indicators_are_no_sum() -> None:
    text = tab_table(HEADER, ("效益指标（50分）", "经济效益(可选项)", "甲", "40", ""),
                     ("", "社会效益(可选项)", "乙", "40", ""))
    assert table_findings(document(text)) == ()


def test_rows_wider_or_narrower_than_their_header() -> None:
    text = tab_table(("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"),
                     ("年度资金总额", "150", "150", "125.25", "10", "83.5%", "12"),
                     ("绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "完成值", "分值", "得分", "偏差原因"),
                     ("产出指标", "数量指标", "甲", "100%", "83.5%", "20", "21"),
                     ("乙", "100%", "100%", "10", "10"))
    findings = table_findings(document(text))
    assert summary(findings) == [("JX-TABLE-003", "error", "12", "10"), ("JX-TABLE-003", "error", "21", "20")]
    assert [f.message for f in findings] == ["年度资金总额的得分 12 超过分值 10", "甲的得分 21 超过分值 20"]
    assert [(c.code, c.stated.number.written) for c in table_claims(document(text))] == [
        ("JX-TABLE-003", "12"), ("JX-TABLE-003", "21"), ("JX-TABLE-003", "10"),
        ("JX-TABLE-005", "83.5")]  # the funds block read from the text: 125.25 / 150


def bounded(total: str, *ending: tuple[str, ...]) -> str:
    return tab_table(("项目名称", "甲项目", "自评得分", total), HEADER,
                     ("产出指标", "数量指标", "甲", "20", "19"),
                     ("", "质量指标", "乙", "30", "27"), *ending)


def test_a_total_stated_above_the_table_is_at_most_what_the_lost_points_allow() -> None:
    findings = table_findings(document(bounded("97", ("效益指标", "社会效益", "丙"))))
    assert summary(findings) == [("JX-TABLE-002", "error", "97", "96")]
    assert findings[0].message == "自评得分 97 高于满分 100 减去各项已扣分 4 后的上限 96"
    assert [(t.label, t.value) for t in findings[0].terms] == [
        ("甲 分值", "20"), ("甲 得分", "19"), ("乙 分值", "30"), ("乙 得分", "27")]


def test_a_total_within_the_bound_or_a_table_with_its_own_total_row_gives_no_bound() -> None:
    claims = table_claims(document(bounded("96")))
    assert [(c.kind, c.stated.number.written) for c in claims if c.kind == "bound"] == [("bound", "96")]
    assert table_findings(document(bounded("96"))) == ()
    with_total = bounded("97", ("总分", "", "", "50", "46"))
    assert [c.kind for c in table_claims(document(with_total))].count("bound") == 0


RUBRIC_HEADER = "| 一级指标 | 二级指标 | 自评分 | 评价标准 |\n"


def test_rubric_points_in_a_cell_against_the_indicators_weight() -> None:
    text = (RUBRIC_HEADER + "| 管理(15分) | 资金(9分) | 8 | 到位(5分) 及时(4分) |\n"
            "| | 制度(6分) | 5 | 健全(3分) 有效(2分) |\n|\n")
    findings = table_findings(document(text))
    assert summary(findings) == [("JX-TABLE-001", "error", "6", "5")]
    assert findings[0].message == "制度的分值 6 与各项评分要点分值之和 5 不一致（相差 1）"
    assert [(t.label, t.value) for t in findings[0].terms] == [("健全", "3"), ("有效", "2")]


def test_rubric_alternatives_and_deductions_are_no_parts() -> None:
    alternatives = (RUBRIC_HEADER + "| 管理(10分) | 资金(4分) | 4 | 100%(4分) 90%以上(3分) |\n"
                    "| | 制度(6分) | 5 | 未健全扣(2分) 未执行扣(2分) |\n|\n")
    claims = table_claims(document(alternatives))
    assert [c.what for c in claims if c.parts == "评分要点分值"] == []
    assert table_findings(document(alternatives)) == ()


def test_a_block_short_of_its_weight_at_the_end_of_a_cut_table_says_nothing() -> None:
    rows = ("| \n  一级指标  | \n  二级指标  | \n  自评分  | \n| \n  管理(25分)  | \n  资金(5分)  | \n  5  | \n"
            "| \n  制度(10分)  | \n  10  | \n")
    assert table_findings(document(rows)) == ()  # cut: the block's other indicators may follow
    assert summary(table_findings(document(rows + "|\n"))) == [("JX-TABLE-001", "error", "25", "15")]


def test_a_total_over_rows_that_lost_cells_on_their_left_is_summed_where_they_add_up() -> None:
    # The rows' 实际 amounts stand under 计划 (their empty 计划 cell was lost): the 合计's 计划
    # 1355.81 is no sum of them; the one total they add up to, 30.62, is theirs.
    rows = (("支出内容", "计划支出数", "实际支出数"), ("维修费", "10.62", ""), ("水费", "20.00", ""))
    shifted = tab_table(*rows, ("支出合计", "1355.81", "30.62"))
    assert table_findings(document(shifted)) == ()
    assert [(c.code, c.what, c.stated.number.written) for c in table_claims(document(shifted))] == [
        ("JX-TABLE-004", "支出合计的实际支出数", "30.62")]
    # adding up to neither, their column cannot be told: nothing is checked
    unknown = tab_table(*rows, ("支出合计", "1355.81", "30.26"))
    assert table_findings(document(unknown)) == ()
    assert [c.code for c in table_claims(document(unknown))] == []
    aligned = tab_table(*rows, ("支出合计", "31.62", ""))
    assert summary(table_findings(document(aligned))) == [("JX-TABLE-004", "error", "31.62", "30.62")]


def test_a_rate_under_the_score_heading_is_no_score() -> None:
    # A funds row that lost its last cell: its 执行率 stands under 得分, its 全年执行数 under 分值.
    text = tab_table(("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"),
                     ("年度资金总额", "329.77", "329.77", "338.31", "10", "102.59%"))
    claims = table_claims(document(text))
    assert [(c.code, c.stated.number.written) for c in claims] == [("JX-TABLE-005", "102.59")]


def test_a_score_above_its_weight_under_a_rubric_with_bonus_points_is_a_warning() -> None:
    # the bonus may be allowed: not an error, but a reviewer must see its basis
    text = tab_table((*HEADER, "评分标准"),
                     ("决策", "工作安排", "领导批示", "1", "2", "有正面批示的，一个加1分，最多加2分"),
                     ("", "项目立项", "民主议事", "2", "3", "记录完整得2分"))
    findings = table_findings(document(text))
    assert [(f.severity, f.message) for f in findings] == [
        (Severity.WARNING, "领导批示的得分 2 超过分值 1（评分标准含加分项，请核对加分依据）"),
        (Severity.ERROR, "民主议事的得分 3 超过分值 2")]
    assert findings[0].where.start == text.index("\t2\n\t有正面") + 1


def test_a_header_run_together_with_the_first_row_is_cut_from_it() -> None:
    # One cell a line, no line between the header and the first row: the row begins at the
    # first cell that states a weight.
    text = ("一级 指标 |\n二级 指标 |\n三级 指标 |\n自评分 |\n评价标准 |\n得分 |\n项目决策 (8分) |\n"
            "决策 依据 (4分) |\n4 |\n有依据 |\n|\n决策 程序 (4分) |\n{score} |\n程序合规 |\n|\n||\n")
    claims = table_claims(document(text.format(score="4")))
    assert [(c.code, c.what, c.stated.number.written, [t.number.written for t in c.terms]) for c in claims] == [
        ("JX-TABLE-003", "决策依据", "4", ["4"]), ("JX-TABLE-003", "决策程序", "4", ["4"]),
        ("JX-TABLE-001", "项目决策的分值", "8", ["4", "4"])]
    findings = table_findings(document(text.format(score="5")))
    assert [(f.message, f.where.start) for f in findings] == [
        ("决策程序的得分 5 超过分值 4", text.format(score="5").index("5 |"))]


def test_a_paragraph_is_a_total_only_if_it_holds_one_of_the_two_ji() -> None:
    """The reader of lists one cell a paragraph looks for their 合计 (总计) only in paragraphs
    holding 计 or 計: no other character of the basic plane normalises to one holding 计."""
    from jixiao.extract.tables.text_view import simplified_text

    reading_as_ji = [chr(code) for code in range(0x20, 0x10000)
                     if not 0xD800 <= code < 0xE000 and "计" in simplified_text(chr(code))]
    assert sorted(reading_as_ji) == sorted(["计", "計"])
