"""Tables rebuilt from flattened text: exact cells, rows, lines and offsets.

The two fixtures are short excerpts of real reports' extracted text (附件1 of
洞庭新城 2023; the 支出和结余 table of 城陵矶新港区 2021)."""

from __future__ import annotations

from pathlib import Path

from jixiao.documents import Cell, Document, Paragraph, Table, parse_flat_text, read_text_document
from jixiao.findings import Place

HERE = Path(__file__).parent


def assert_places_index_text(document: Document) -> None:
    """Every paragraph and cell is exactly ``text[start:end]`` and starts on its line."""
    items: list[Paragraph | Cell] = list(document.paragraphs)
    items += [cell for table in document.tables for row in table.rows for cell in row]
    for item in items:
        start, end, line = item.place.start, item.place.end, item.place.line
        assert start is not None and end is not None and line is not None
        assert document.text[start:end] == item.text
        assert document.text.count("\n", 0, start) + 1 == line


def test_dongting_annex_table() -> None:
    document = read_text_document(HERE / "dongting_annex_excerpt.txt")
    assert [type(block).__name__ for block in document.blocks] == [
        "Paragraph", "Paragraph", "Table", "Paragraph"]
    assert [p.text for p in document.paragraphs] == [
        "附件1", "2023年度预算单位整体支出绩效评价基础数据表",
        "说明：“项目支出”需要填报基本支出以外的所有项目支出情况，“公用经费”填报基本支出中的一般商品和服务支出。"]
    (table,) = document.tables
    rows = table.texts()
    assert rows[1] == ("公用经费", "16.17", "16.2", "18.47")
    assert rows[4] == ("会议费、培训费", "0.3", "", "")
    assert rows[7] == ("楼堂馆所控制情况\n(2023年完工项目)", "批复规模\n(m²)", "实际规\n模(m²)", "规模控制率",
                       "预算投资\n(万元)", "实际\n投资\n(万元)", "投资概\n算控制\n率")
    assert rows[8] == ("",) * 7
    assert rows[9] == ("厉行节约保障措施", "")
    assert len(rows) == 10
    assert table.place == Place(table=0, line=4, start=30, end=318)
    assert_places_index_text(document)


def test_dongting_cell_places() -> None:
    document = read_text_document(HERE / "dongting_annex_excerpt.txt")
    rows = document.tables[0].rows
    assert rows[1][3].place == Place(table=0, row=1, col=3, line=10, start=78, end=83)
    assert rows[7][2].place == Place(table=0, row=7, col=2, line=41, start=240, end=249)
    empty = rows[4][2]
    assert empty.place == Place(table=0, row=4, col=2, line=24, start=156, end=156)
    assert document.paragraphs[2].place == Place(paragraph=2, line=65, start=321, end=374)


def test_dangqun_expenditure_table() -> None:
    document = read_text_document(HERE / "dangqun_expenditure_excerpt.txt")
    (table,) = document.blocks
    assert isinstance(table, Table)
    rows = table.texts()
    assert rows[0] == ("部门（单位）年度支出和结余情况（万元）",)
    assert rows[1] == ("机构名称", "支出合计", "其中：", "结余")
    assert rows[3] == ("", "", "", "人员支出", "公用支出", "", "", "")
    assert rows[4] == ("局机关及二级机构汇总", "85.33", "38.43", "32.67", "5.76", "46.90", "1.89", "1.89")
    assert rows[5][0] == "1、局机关"
    total = table.rows[4]
    assert total[0].place == Place(table=0, row=4, col=0, line=25, start=104, end=114)
    assert total[7].place == Place(table=0, row=4, col=7, line=32, start=156, end=160)
    assert_places_index_text(document)


def test_continuation_lines_join_the_cell_they_follow() -> None:
    text = "\t年度主要\n工作内容\n\t任务1：开展活动。\n任务2：开展培训。\n\n\t下一行\n"
    (table,) = parse_flat_text(text)
    assert isinstance(table, Table)
    assert table.texts() == (("年度主要\n工作内容", "任务1：开展活动。\n任务2：开展培训。"), ("下一行",))
    assert table.rows[0][1].place == Place(table=0, row=0, col=1, line=3, start=12, end=31)


def test_an_empty_cell_then_a_continuation_starts_on_the_continuation_line() -> None:
    (table,) = parse_flat_text("\t\n绩效指标\n\t一级指标\n")
    assert isinstance(table, Table)
    assert table.texts() == (("绩效指标", "一级指标"),)
    assert table.rows[0][0].place == Place(table=0, row=0, col=0, line=2, start=2, end=6)


def test_a_line_without_tab_after_a_blank_line_ends_the_table() -> None:
    text = "标题\n\t甲\n\t1\n\n\n产出指标\n\t数量指标\n\n  \n结尾 \n"
    blocks = parse_flat_text(text)
    assert [type(block).__name__ for block in blocks] == [
        "Paragraph", "Table", "Paragraph", "Table", "Paragraph"]
    first, second = (block for block in blocks if isinstance(block, Table))
    assert first.texts() == (("甲", "1"),)
    assert second.texts() == (("数量指标",),)
    assert second.place.table == 1
    last = blocks[-1]
    assert isinstance(last, Paragraph)
    assert last.text == "结尾"
    assert last.place == Place(paragraph=2, line=10, start=text.index("结尾"), end=text.index("结尾") + 2)


def test_several_blank_lines_end_one_row_only() -> None:
    (table,) = parse_flat_text("\t甲\n\n\n\n\t乙")
    assert isinstance(table, Table)
    assert table.texts() == (("甲",), ("乙",))
    assert table.rows[1][0].place == Place(table=0, row=1, col=0, line=5, start=7, end=8)


def test_text_without_tables_is_paragraphs() -> None:
    blocks = parse_flat_text("一、基本情况\n\n  我单位2023年预算数为132.71万元。\n")
    assert blocks == (
        Paragraph("一、基本情况", Place(paragraph=0, line=1, start=0, end=6)),
        Paragraph("我单位2023年预算数为132.71万元。", Place(paragraph=1, line=3, start=10, end=31)),
    )
    assert parse_flat_text("") == ()


DONGTING = HERE.parents[1] / "tests" / "data" / "reports" / "dongting-2023.txt"


def test_dongting_self_assessment_is_one_table_with_its_first_level_cells() -> None:
    document = read_text_document(DONGTING)
    table = document.tables[1]
    rows = table.texts()
    assert len(rows) == 27
    assert rows[2] == ("", "年度资金总额", "142.64", "203.54", "203.54", "10", "100%", "10")
    assert rows[8] == ("年度总体 目标", "预期目标", "实际完成情况")
    assert rows[10][6:8] == ("分值", "自评得分")
    assert rows[11][:4] == ("", "产出指标\n(50 分)", "数量指标", "门面回购和置换工作")
    assert rows[19][1] == "效益指标\n（30 分）"
    assert rows[26] == ("总分", "100", "99")
    assert table.rows[11][1].place == Place(table=1, row=11, col=1, line=242, start=1570, end=1581)
    assert table.rows[26][2].place == Place(table=1, row=26, col=2, line=406, start=2328, end=2330)
    assert table.place == Place(table=1, line=171, start=876, end=2330)
    assert_places_index_text(document)


def test_an_annex_heading_ends_the_table_it_follows() -> None:
    document = read_text_document(DONGTING)
    after = [block for block in document.blocks if block.place.line in (407, 408)]
    assert after == [Paragraph("附件 3", Place(paragraph=6, line=407, start=2332, end=2336)),
                     Paragraph("2023 年度项目支出绩效自评表",
                               Place(paragraph=7, line=408, start=2337, end=2353))]


def test_an_indented_title_after_a_figure_is_a_paragraph() -> None:
    blocks = parse_flat_text("\t总分\n\t100\n 2023 年度自评报告\n\t合计\n\t5\n万元\n")
    assert [type(block).__name__ for block in blocks] == ["Table", "Paragraph", "Table"]
    assert blocks[1] == Paragraph("2023 年度自评报告", Place(paragraph=0, line=3, start=10, end=21))
    last = blocks[2]
    assert isinstance(last, Table)
    assert last.texts() == (("合计", "5\n万元"),)


def test_a_merged_cell_written_after_blank_lines_stays_in_its_row() -> None:
    text = "\t一级\n\t二级\n\t分值\n\n\t\n\n\n产出指标\n(50 分)\n\t数量\n\t6\n\n\n说明\n\t甲\n"
    blocks = parse_flat_text(text)
    assert [type(block).__name__ for block in blocks] == ["Table", "Paragraph", "Table"]
    table = blocks[0]
    assert isinstance(table, Table)
    assert table.texts() == (("一级", "二级", "分值"), ("产出指标\n(50 分)", "数量", "6"))
    assert table.rows[1][0].place == Place(table=0, row=1, col=0, line=8, start=text.index("产出"),
                                           end=text.index("\n\t数量"))


def test_a_heading_before_a_table_is_not_a_merged_cell_when_the_row_is_complete() -> None:
    blocks = parse_flat_text("\t甲\n\t\n\n表二\n\t乙\n")
    assert [type(block).__name__ for block in blocks] == ["Table", "Paragraph", "Table"]


def test_markdown_pipe_rows() -> None:
    text = "表1\n| 项目 | 预算数 | 决算数 |\n|---|:--:|---|\n| 合计 | 3 | 1.71 |\n|  | 1 |  |\n结尾"
    blocks = parse_flat_text(text)
    assert [type(block).__name__ for block in blocks] == ["Paragraph", "Table", "Paragraph"]
    table = blocks[1]
    assert isinstance(table, Table)
    assert table.texts() == (("项目", "预算数", "决算数"), ("合计", "3", "1.71"), ("", "1", ""))
    start = text.index("1.71")
    assert table.rows[1][2].place == Place(table=0, row=1, col=2, line=4, start=start, end=start + 4)
    assert table.rows[2][0].place.start == table.rows[2][0].place.end == text.index("|  |") + 1


def test_pipe_dumps_one_cell_per_line() -> None:
    text = "项目 |\n预算数 |\n||||\n合 计 |\n246 | 167.37 |\n|\n公务接待费 |\n1 |\n\n因公出国 |\n"
    (table,) = parse_flat_text(text)
    assert isinstance(table, Table)
    assert table.texts() == (("项目", "预算数"), ("合 计", "246", "167.37"), ("公务接待费", "1"),
                             ("因公出国",))
    assert table.rows[1][2].place == Place(table=0, row=1, col=2, line=5, start=text.index("167"),
                                           end=text.index("167") + 6)


def test_tab_and_pipe_tables_do_not_mix() -> None:
    blocks = parse_flat_text("\t甲\n| 乙 | 丙 |\n\t丁")
    assert [block.texts() for block in blocks if isinstance(block, Table)] == [
        (("甲",),), (("乙", "丙"),), (("丁",),)]


def test_pipe_dumps_padded_with_lines_of_spaces_and_cut_before_their_last_row_ends() -> None:
    text = "| \n  一级 指标  | \n   \n  分值  | \n  \n| \n  产出 (50分)  | \n   \n  50  | \n|\n"
    (table,) = parse_flat_text(text)
    assert isinstance(table, Table)
    assert table.texts() == (("一级 指标", "分值"), ("产出 (50分)", "50"))
    assert not table.cut
    (cut,) = parse_flat_text(text.removesuffix("|\n"))
    assert isinstance(cut, Table)
    assert cut.texts() == table.texts()
    assert cut.cut


def test_a_pipe_dump_of_one_row_is_cut_into_rows_by_its_layout() -> None:
    text = "项 目 |\n预 算 数 |\n决 算 数 |\n合 计 |\n9 |\n7.15 |\n公务接待费 |\n6 |\n4.35 |\n车辆 |\n3 |\n2.80 |\n"
    (table,) = parse_flat_text(text)
    assert isinstance(table, Table)
    assert table.texts() == (("项 目", "预 算 数", "决 算 数"), ("合 计", "9", "7.15"), ("公务接待费", "6", "4.35"),
                             ("车辆", "3", "2.80"))
    start = text.index("4.35")
    assert table.rows[2][2].place == Place(table=0, row=2, col=2, line=9, start=start, end=start + 4)
    # Rows that do not keep the layout (a label where a figure should be) stay as written.
    (uneven,) = parse_flat_text(text.replace("4.35 |", "说明 |"))
    assert isinstance(uneven, Table)
    assert len(uneven.rows) == 1


def test_a_pipe_line_padded_with_empty_cells_ends_its_row() -> None:
    text = ("绩 效 指 标 |\n一级指标 | 三级指标 | 年度 指标值 |\n实际 完成值 |\n分值 | 得分 | |||||\n"
            "产出指标 | 指标1:村庄数量 | ≥200 | 202 | 10 | 10 | ||||||||\n指标2:验收时间 | 9月前 | 7月 | 5 | 5 | |||\n")
    (table,) = parse_flat_text(text)
    assert isinstance(table, Table)
    # Cells with nothing between their pipes are padding, dropped; a cell of spaces stays.
    assert table.texts() == (
        ("绩 效 指 标", "一级指标", "三级指标", "年度 指标值", "实际 完成值", "分值", "得分", ""),
        ("产出指标", "指标1:村庄数量", "≥200", "202", "10", "10", ""),
        ("指标2:验收时间", "9月前", "7月", "5", "5", ""))
    start = text.index("5 | 5") + 4
    assert table.rows[2][4].place == Place(table=0, row=2, col=4, line=6, start=start, end=start + 1)


def test_pipe_lines_of_several_cells_one_after_another_are_rows_of_their_own() -> None:
    text = ("绩效指标 | 三级指标 | 分值 | 得分 |\n|\n产出指标 | 收容所 | 10 | 10 | 无 |\n"
            "数量指标 | 围栏 | 10 | 9 | 无 |\n实际 完成值 |\n效益指标 | 岗位 | 5 |\n")
    (table,) = parse_flat_text(text)
    assert isinstance(table, Table)
    # A line of one cell after them still continues the row: a row broken across lines.
    assert table.texts() == (("绩效指标", "三级指标", "分值", "得分"), ("产出指标", "收容所", "10", "10", "无"),
                             ("数量指标", "围栏", "10", "9", "无", "实际 完成值", "效益指标", "岗位", "5"))
    start = text.index("9 |")
    assert table.rows[2][3].place == Place(table=0, row=2, col=3, line=4, start=start, end=start + 1)


def test_a_pipe_dump_of_one_cell_a_line_with_empty_cells_is_cut_into_rows_by_its_layout() -> None:
    # "|" alone is an empty cell here: without it the rows run into one another
    text = ("项 目 |\n预 算 数 |\n决 算 数 |\n合 计 |\n8 |\n5.06 |\n因公出国(境)费 |\n|\n|\n"
            "公务接待费 |\n5 |\n3.20 |\n公务用车运行维护费 |\n3 |\n1.86 |\n")
    (table,) = parse_flat_text(text)
    assert isinstance(table, Table)
    assert table.texts() == (("项 目", "预 算 数", "决 算 数"), ("合 计", "8", "5.06"), ("因公出国(境)费", "", ""),
                             ("公务接待费", "5", "3.20"), ("公务用车运行维护费", "3", "1.86"))
    empty = text.index("费 |\n|\n") + len("费 |\n")  # the line of one pipe
    assert table.rows[2][1].place == Place(table=0, row=2, col=1, line=8, start=empty, end=empty)
    start = text.index("3.20")
    assert table.rows[3][2].place == Place(table=0, row=3, col=2, line=12, start=start, end=start + 4)
    assert_places_index_text(Document("t.txt", "text", (table,), text))


def test_cells_written_between_lines_of_one_pipe_are_cut_into_rows_by_their_layout() -> None:
    text = ("單位:萬元\n|\n|\n項 目\n|\n合計\n|\n一般公共\n預算\n|\n|\n行政經費\n|\n96.10\n|\n96.10\n|\n|\n"
            "“三公”經費\n|\n7.00\n|\n7.00\n|\n|\n其中:(一)公務接待費\n|\n2.00\n|\n2\n"
            "一、財政撥款安排的行政經費情況說明。\n")
    blocks = parse_flat_text(text)
    assert [type(block).__name__ for block in blocks] == ["Paragraph", "Table", "Paragraph"]
    table = blocks[1]
    assert isinstance(table, Table)
    assert table.texts() == (("", "項 目", "合計", "一般公共\n預算"), ("", "行政經費", "96.10", "96.10"),
                             ("", "“三公”經費", "7.00", "7.00"), ("", "其中:(一)公務接待費", "2.00", "2"))
    start = text.index("一般公共")
    assert table.rows[0][3].place == Place(table=0, row=0, col=3, line=8, start=start, end=start + 7)
    document = Document("t.txt", "text", blocks, text)
    assert_places_index_text(document)
    assert [p.text for p in document.paragraphs] == ["單位:萬元", "一、財政撥款安排的行政經費情況說明。"]


def test_lines_of_one_pipe_that_close_the_cells_belong_to_the_table() -> None:
    text = ("|\n|\n項 目\n|\n合計\n|\n一般公共\n預算\n|\n|\n行政經費\n|\n96.10\n|\n96.10\n|\n|\n"
            "“三公”經費\n|\n7.00\n|\n7.00\n|\n|\n說明：以上為預算數。\n")
    blocks = parse_flat_text(text)
    assert [type(block).__name__ for block in blocks] == ["Table", "Paragraph"]
    table = blocks[0]
    assert isinstance(table, Table)
    assert table.texts()[-1] == ("", "“三公”經費", "7.00", "7.00")
