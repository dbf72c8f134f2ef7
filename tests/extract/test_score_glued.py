"""A score table whose cells ran together: rows split by the header's columns, block weights
closed by the arithmetic of their rows, the funds row split where its 执行率 fits, the 总分."""

from __future__ import annotations

from claim_reading import Read, held, read_claims, text_document
from jixiao.extract.tables.claims import passed_table_claims
from jixiao.extract.tables.scores.glued import score_glued_claims

FUNDS = "项目资金(万元)全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:505010100.00%10其中:财政拨款5050"
HEADER = "绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及拟采取的改进措施"
ROWS = ("产出指标(50分)数量指标修建便道20≥12公里≥12公里20质量指标验收合格率20100%100%{quality}"
        "成本指标总投资1050万元48万元10效益指标(30分)社会效益指标通行条件改善30明显改善明显改善30")


def read(text: str) -> list[Read]:
    return read_claims(score_glued_claims, text)


def test_glued_rows_blocks_funds_and_a_total_that_holds() -> None:
    text = FUNDS + HEADER + ROWS.format(quality="20") + "满意度指标(10分)群众满意度10≥90%95%10……总分100100"
    found = read(text)
    assert found[0] == ("JX-TABLE-003", "预算执行率", "10", ["10"], text.index("%10") + 1, None)
    assert found[1:5] == [
        ("JX-TABLE-003", "数量指标修建便道", "20", ["20"], text.index("公里20") + 2, None),
        ("JX-TABLE-003", "质量指标验收合格率", "20", ["20"], text.index("100%20") + 4, None),
        ("JX-TABLE-003", "成本指标总投资", "10", ["10"], text.index("48万元10") + 4, None),
        ("JX-TABLE-001", "产出指标的分值", "50", ["20", "20", "10"], text.index("50分"), None)]
    total = text.index("总分") + 2
    assert found[-3:] == [
        ("JX-TABLE-001", "总分的分值", "100", ["10", "50", "30", "10"], total, None),
        ("JX-TABLE-002", "总分（得分）", "100", ["10", "20", "20", "10", "30", "10"], total + 3, None),
        ("JX-TABLE-003", "总分", "100", ["100"], total + 3, None)]
    passed = passed_table_claims(score_glued_claims(text_document(text)))
    assert [(item.code, item.stated, item.where.start) for item in passed][-3:] == [
        ("JX-TABLE-001", "100", total), ("JX-TABLE-002", "100", total + 3), ("JX-TABLE-003", "100", total + 3)]


def test_block_weights_that_pass_the_total_are_an_error() -> None:
    text = FUNDS + HEADER + ROWS.format(quality="20") + "满意度指标(20分)群众满意度20≥90%95%20总分100100"
    found = read(text)
    total = text.index("总分") + 2
    assert found[-3][4:] == (total, "总分的分值 100 与各项分值之和 110 不一致（相差 10）")
    assert found[-2][4:] == (total + 3, "总分（得分） 100 与各项得分之和 110 不一致（相差 10）")


def test_a_score_above_its_weight_once_the_block_confirms_the_reading() -> None:
    text = HEADER + ROWS.format(quality="25")
    assert ("JX-TABLE-003", "质量指标验收合格率", "25", ["20"], text.index("100%25") + 4,
            "质量指标验收合格率的得分 25 超过分值 20") in read(text)


def test_rows_of_a_block_that_do_not_reach_it_are_not_judged() -> None:
    # The 得分 column left empty: the next row's 分值 would be read as a 得分, and the blocks
    # never close on their weights, so nothing is claimed.
    text = HEADER + "产出指标(60分)数量指标修建便道30≥12公里≥12公里质量指标验收合格率20100%100%成本指标总投资1050万元48万元"
    assert read(text) == []


def test_a_weight_printed_before_its_name_nests_blocks() -> None:
    text = ("一级指标二级指标三级指标分值指标评价内容(公式计算结果=x)得分"
            "(20分)项目决策(10分)立项依据充分性4依据充分4程序规范性6程序规范5(10)目标明确性5目标明确5目标合理性5合理5")
    found = read(text)
    assert [(code, what, stated, terms) for code, what, stated, terms, _, _ in found
            if code == "JX-TABLE-001"] == [
        # the 二级 name runs into the 三级 one: the block is named by all of it
        ("JX-TABLE-001", "立项依据充分性的分值", "10", ["4", "6"]),
        ("JX-TABLE-001", "目标明确性的分值", "10", ["5", "5"]),
        ("JX-TABLE-001", "项目决策的分值", "20", ["10", "10"])]
    assert ("JX-TABLE-003", "程序规范性", "5", ["6"], text.index("规范5") + 2, None) in found


def test_digits_with_two_readings_leave_the_row_unread() -> None:
    # “1090%…”: 分值 10 and 90%, or 1 and 090% — a leading zero is no reading, so one remains;
    # “1510%20%…”: 15 and 10%, or 1 and 510%: two readings, the row and what follows are not read;
    # “1510%10%…”: of the two, one reads the same value twice (target met): that one is taken.
    assert read(HEADER + "产出指标(10分)质量指标合格率1090%90%10总分1010")[0][2:4] == ("10", ["10"])
    assert read(HEADER + "产出指标(15分)质量指标合格率1510%20%15总分1515") == []
    assert read(HEADER + "产出指标(15分)质量指标合格率1510%10%15总分1515")[0][2:4] == ("15", ["15"])


def test_a_funds_row_whose_rate_fits_no_single_split_is_not_read() -> None:
    # 1 | 1 | 11 | 100% or 11 | 11 | 1 | 100%
    assert read("全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:11111100%10其中") == []
    text = "年初预算数(A)全年执行数(B)分值(10分)执行率(B/A)得分年度资金总额:200.5100.251050%5执行率*分值"
    assert read(text) == [("JX-TABLE-003", "预算执行率", "5", ["10"], text.index("%5") + 1, None)]


PDF_ROWS = ("项目绩效评价得分表\n"
            "(30 分)项目决策(20 分)立项依据\n"
            "12 12 立项程序\n"
            "8 {score} (\n"
            "10 ) 目标设定\n"
            "10 9\n"
            "7\n"
            "(20 分)资金管理资金到位\n"
            "10 10 资金使用\n"
            "10 8 本页完")


def test_pdf_text_whose_lines_begin_with_the_points_of_the_row_before() -> None:
    text = PDF_ROWS.format(score="6")
    assert held(read(text)) == [
        ("JX-TABLE-003", "立项依据", "12", ["12"], text.index("12 12") + 3),
        ("JX-TABLE-003", "立项程序", "6", ["8"], text.index("8 6") + 2),
        ("JX-TABLE-001", "立项依据的分值", "20", ["12", "8"], text.index("20 分")),
        ("JX-TABLE-003", "目标设定", "9", ["10"], text.index("10 9") + 3),
        ("JX-TABLE-001", "目标设定的分值", "10", ["10"], text.index("10 )")),
        ("JX-TABLE-001", "项目决策的分值", "30", ["20", "10"], text.index("30 分")),
        # the page number 7 between the blocks is passed over
        ("JX-TABLE-003", "资金管理资金到位", "10", ["10"], text.index("10 10") + 3),
        ("JX-TABLE-003", "资金使用", "8", ["10"], text.index("10 8") + 3),
        ("JX-TABLE-001", "资金管理资金到位的分值", "20", ["10", "10"], text.index("20 分)资金"))]
    above = PDF_ROWS.format(score="9")
    assert ("JX-TABLE-003", "立项程序", "9", ["8"], above.index("8 9") + 2,
            "立项程序的得分 9 超过分值 8") in read(above)


def test_a_block_its_rows_do_not_reach_gives_nothing() -> None:
    text = "(30 分)项目决策\n12 12 立项程序\n8 6 目标设定\n5 5 绩效目标\n4 4 本页完"
    assert read(text) == []


WEIGHTED_LABELS = ("2023 年部门整体支出绩效评价得分表 一级指标 二级指标 三级指标 得分 决策(20 分) 目标设定(12 分) 依据充分(6 分)\n"
                   "6 目标明确(6 分)\n"
                   "{score} 资金投入(8 分) 预算编制(8 分)\n"
                   "7 过程(30 分) 资金管理(10 分) 资金到位(4 分)\n"
                   "4 资金使用(……")


def test_pdf_text_whose_labels_state_their_weights_and_lines_begin_with_a_score() -> None:
    text = WEIGHTED_LABELS.format(score="5")
    assert held(read(text)) == [
        ("JX-TABLE-003", "依据充分", "6", ["6"], text.index("6 目标")),
        ("JX-TABLE-003", "目标明确", "5", ["6"], text.index("5 资金")),
        ("JX-TABLE-001", "目标设定的分值", "12", ["6", "6"], text.index("12 分")),
        ("JX-TABLE-003", "预算编制", "7", ["8"], text.index("7 过程")),
        ("JX-TABLE-001", "资金投入的分值", "8", ["8"], text.index("8 分) 预算")),
        ("JX-TABLE-001", "决策的分值", "20", ["12", "8"], text.index("20 分"))]
    # 过程(30 分) never closes: 资金到位's score 4 is not checked
    assert read(WEIGHTED_LABELS.format(score="7"))[1][5] == "目标明确的得分 7 超过分值 6"


def test_a_funds_row_on_another_line_leaves_a_short_total_unjudged() -> None:
    # The funds row's 分值 stands on the line before: the rows' 90 short of 100 says nothing,
    # 110 above it fails whatever the funds row holds.
    funds = "全年预算数(A)全年执行数(B)分值执行率(B/A)得分\n年度资金总额 50 50 10 100% 10\n"
    short = funds + HEADER + ROWS.format(quality="20") + "满意度指标(10分)群众满意度10≥90%95%10总分10090"
    assert [claim[0] for claim in read(short)][-1:] == ["JX-TABLE-003"]
    above = funds + HEADER + ROWS.format(quality="20") + "满意度指标(30分)群众满意度30≥90%95%30总分100100"
    assert [(code, message) for code, _, _, _, _, message in read(above)][-3:] == [
        ("JX-TABLE-001", "总分的分值 100 与各项分值之和 110 不一致（相差 10）"),
        ("JX-TABLE-002", "总分（得分） 100 与各项得分之和 110 不一致（相差 10）"),
        ("JX-TABLE-003", None)]


def test_reading_starts_again_at_the_next_block_after_a_row_it_cannot_read() -> None:
    garbled = ROWS.format(quality="20").replace("修建便道20≥12公里≥12公里20", "修建便道2O工12公里工l2公里20")
    text = HEADER + garbled + "满意度指标(10分)群众满意度10≥90%95%9总分10099"
    assert held(read(text)) == [
        ("JX-TABLE-003", "社会效益指标通行条件改善", "30", ["30"], text.index("明显改善30") + 4),
        ("JX-TABLE-001", "效益指标的分值", "30", ["30"], text.index("30分")),
        ("JX-TABLE-003", "群众满意度", "9", ["10"], text.index("95%9") + 3),
        ("JX-TABLE-001", "满意度指标的分值", "10", ["10"], text.index("10分"))]
    # 产出指标's rows were not all read: neither its weight nor the total is judged


def test_a_weight_whose_bracket_a_page_break_cut_off_opens_its_block() -> None:
    text = "第 3 页\n20 分)项目决策立项依据\n12 12 立项程序\n8 6 目标设定\n5 5 绩效目标\n4 4 完"
    assert held(read(text)) == [
        ("JX-TABLE-003", "项目决策立项依据", "12", ["12"], text.index("12 12") + 3),
        ("JX-TABLE-003", "立项程序", "6", ["8"], text.index("8 6") + 2),
        ("JX-TABLE-001", "项目决策立项依据的分值", "20", ["12", "8"], text.index("20 分"))]


def test_header_columns_written_with_their_unit_or_other_names() -> None:
    header = "一级指标二级指标三级指标分值(分)年度目标值实际完成值得分(分)偏差原因分析"
    text = header + ("产出指标(20分)数量指标培训人次10≥100人次120人次10质量指标合格率1095%96%9"
                     "满意度指标(10分)满意度10≥90%95%10总分3029")
    assert held(read(text))[-3:] == [
        ("JX-TABLE-001", "总分的分值", "30", ["20", "10"], text.index("总分") + 2),
        ("JX-TABLE-002", "总分（得分）", "29", ["10", "9", "10"], text.index("总分") + 4),
        ("JX-TABLE-003", "总分", "29", ["30"], text.index("总分") + 4)]


def test_a_total_stated_above_the_table_bounded_by_the_points_its_rows_lost() -> None:
    table = FUNDS + HEADER + ROWS.format(quality="15")
    above = "项目名称便道修建自评得分97" + table
    assert read(above)[-1] == ("JX-TABLE-002", "自评总分", "97", [
        "10", "10", "20", "20", "20", "15", "10", "10", "30", "30"], above.index("97"),
        "自评总分 97 高于满分 100 减去各项已扣分 5 后的上限 95")
    assert read("项目名称便道修建自评得分95" + table)[-1][5] is None
    # a total stated far before the table (another project's, a conclusion) bounds nothing
    far = "自评得分97。" + "项目情况说明。" * 100 + table
    assert [row[1] for row in read(far)].count("自评总分") == 0


def test_a_total_stated_just_before_flattened_pdf_rows_is_bounded_by_them() -> None:
    text = "本部门整体支出自评得分\n99 分,存在的问题如下。\n" + WEIGHTED_LABELS.format(score="5")
    assert read(text)[-1] == ("JX-TABLE-002", "自评总分", "99", ["6", "6", "6", "5", "8", "7"], text.index("99"),
                              "自评总分 99 高于满分 100 减去各项已扣分 2 后的上限 98")
