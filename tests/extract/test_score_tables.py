"""Score tables in the layouts real reports come in: a 总分 row merged with the remarks before
it, two-row headers, a 序号 column before merged level cells, rubrics written “得2分”, and
dumps that write each cell and each pipe on a line of its own."""

from __future__ import annotations

from pathlib import Path

from jixiao.audit import audit_file
from jixiao.documents import Document, parse_flat_text
from jixiao.extract.tables.claims import table_claims, table_findings
from jixiao.extract.tables.scores.beside import text_beside_score_tables

PATTERNS = Path(__file__).parents[1] / "data" / "corpus" / "patterns"


def document(text: str) -> Document:
    return Document(file="report.txt", format="text", blocks=parse_flat_text(text), text=text)


def pipe_rows(*rows: tuple[str, ...]) -> str:
    return "".join("| " + " | ".join(row) + " |\n" for row in rows)


def cell_lines(*cells: str) -> str:
    """Each cell and each pipe on a line of its own, “” an empty cell."""
    return "".join(f"{cell}\n|\n" if cell else "|\n" for cell in cells)


def claimed(doc: Document) -> list[tuple[str, str, str, list[str]]]:
    return [(c.code, c.what, c.stated.number.written, [t.number.written for t in c.terms])
            for c in table_claims(doc) if c.code in ("JX-TABLE-001", "JX-TABLE-002")]


FUNDS = ("项目资金 (万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")


def test_a_total_row_merged_with_the_remarks_before_it_sums_every_row_with_the_funds_row() -> None:
    text = pipe_rows(FUNDS,
                     ("年度资金总额", "50", "50", "45", "10", "90%", "9"),
                     ("一级指标", "二级指标", "三级指标", "分值", "得分"),
                     ("产出指标", "数量指标", "甲", "40", "40"),
                     ("效益指标", "社会效益", "乙", "40", "36"),
                     ("满意度指标", "满意度", "丙", "10", "10"),
                     ("其他需要说明事项", "无", "总分", "100", "{total}", "优"))
    assert claimed(document(text.format(total="95"))) == [
        ("JX-TABLE-001", "总分的分值", "100", ["10", "40", "40", "10"]),
        ("JX-TABLE-002", "总分（得分）", "95", ["9", "40", "36", "10"])]
    assert table_findings(document(text.format(total="95"))) == ()
    (wrong,) = table_findings(document(text.format(total="97")))
    assert (wrong.code, wrong.stated, wrong.expected) == ("JX-TABLE-002", "97", "95")


def test_a_row_wider_than_its_header_puts_its_last_figure_under_the_score() -> None:
    # “年度指标值” heads three cells (指标性质, 指标值, 度量单位) of the rows below the header
    text = pipe_rows(("绩效指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"),
                     ("一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"),
                     ("产出指标", "数量指标", "改造户数", "≥", "150", "户", "156", "60", "60"),
                     ("效益指标", "社会效益", "普及率", "≥", "3", "百分点", "3.5", "40", "35"),
                     ("其他需要说明事项", "无", "总分", "100", "95"))
    assert claimed(document(text)) == [
        ("JX-TABLE-001", "总分的分值", "100", ["60", "40"]),
        ("JX-TABLE-002", "总分（得分）", "95", ["60", "35"])]


def test_two_header_rows_a_number_column_and_rubric_points_written_de() -> None:
    # “指标 | 县级 | 市级” over “分值 | 评分 | 评分”; rows keep their 序号 and lose the merged
    # 一级 and 二级 cells after it; “…得2分;…得3分” are the indicator's parts
    text = cell_lines("序号", "一级指标", "二级指标", "三级指标", "指标说明", "指标", "县级", "市级") + "|\n" \
        + cell_lines("分值", "评分", "评分") + "|\n" \
        + cell_lines("1", "决策(10)", "项目立项", "民主议事", "记录完整,得2分", "2", "2", "") + "|\n" \
        + cell_lines("2", "申报审批", "文件齐全,得3分", "3", "3", "") + "|\n" \
        + cell_lines("3", "项目库", "库建设", "有三年规划的,得2分;建立项目库的,得{points}分", "5", "4", "") + "|\n" \
        + cell_lines("4", "过程(5)", "组织实施", "工作安排", "有批示的,一个加1分,最多加2分", "5", "6", "")
    doc = document(text.format(points="3"))
    (table,) = doc.tables
    assert table.texts()[2] == ("1", "决策(10)", "项目立项", "民主议事", "记录完整,得2分", "2", "2", "")
    assert claimed(doc) == [
        ("JX-TABLE-001", "库建设的分值", "5", ["2", "3"]),
        ("JX-TABLE-001", "决策的分值", "10", ["2", "3", "5"]),
        ("JX-TABLE-001", "过程的分值", "5", ["5"])]
    bonus = [(f.code, f.severity.value, f.stated, f.expected) for f in table_findings(doc)]
    assert bonus == [("JX-TABLE-003", "warning", "6", "5")]
    # points short of the weight fail; points beyond it would be alternatives, no parts
    found = table_findings(document(text.format(points="2")))
    assert [(f.code, f.stated, f.expected) for f in found] == [
        ("JX-TABLE-001", "5", "4"), ("JX-TABLE-003", "6", "5")]


def test_a_dump_of_cell_lines_without_row_delimiters_is_cut_by_its_header() -> None:
    audit = audit_file(PATTERNS / "S6_cell_pipe_lines.txt", passed=True)
    (table,) = audit.document.tables
    assert [len(row) for row in table.rows] == [7, 7, 5, 6]
    assert table.texts()[1][:2] == ("产 出\n(20分)", "数量指标\n(12分)")
    assert audit.findings == ()
    assert sorted((p.code, p.stated, p.expected) for p in audit.passed) == [
        ("JX-TABLE-001", "12", "12"), ("JX-TABLE-001", "20", "20"), ("JX-TABLE-001", "8", "8"),
        ("JX-TABLE-003", "5", "6"), ("JX-TABLE-003", "6", "6"), ("JX-TABLE-003", "8", "8")]


def test_lone_pipe_lines_between_pipe_rows_stay_row_ends() -> None:
    text = pipe_rows(("一级指标", "二级指标", "三级指标", "分值", "得分"),
                     ("产出指标(20分)", "数量指标", "甲", "10", "10")) + "|\n" * 9 \
        + pipe_rows(("", "", "乙", "10", "9"))
    (table,) = document(text).tables
    assert len(table.rows) == 3
    assert claimed(document(text)) == [("JX-TABLE-001", "产出指标的分值", "20", ["10", "10"])]


OUTLINE = """一、投入(14分)
(一)项目立项(8分):
(1)项目立项(2分)
程序完整,执行程序规范。自评得2分。
(2)项目预算规范性(3分):
学前教育一段,与申报需求一致。自评得3分。
国培一段,预算为中央专项资金。自评得{twice}分
(3)项目绩效目标设立(3分):
绩效目标与年度实施规划一致,自评得3分。
(二)资金落实(6分):
资金已全部落实到位。自评得6分。
二、过程(43分)
(一)项目管理(15分)
(1)管理制度健全(3分)
建立了工作制度。自评得3分。
"""


def outline_claims(text: str) -> list[tuple[str, str, str, list[str]]]:
    return [(c.code, c.what, c.stated.number.written, [t.number.written for t in c.terms])
            for c in table_claims(document(text))]


def test_an_outline_that_states_weights_in_its_headings_and_scores_below_them() -> None:
    assert outline_claims(OUTLINE.format(twice="3")) == [
        ("JX-TABLE-001", "投入的分值", "14", ["8", "6"]),
        ("JX-TABLE-001", "项目立项的分值", "8", ["2", "3", "3"]),
        ("JX-TABLE-003", "项目立项", "2", ["2"]),
        ("JX-TABLE-003", "项目预算规范性", "3", ["3"]),
        ("JX-TABLE-003", "项目预算规范性", "3", ["3"]),
        ("JX-TABLE-003", "项目绩效目标设立", "3", ["3"]),
        ("JX-TABLE-003", "资金落实", "6", ["6"]),
        ("JX-TABLE-003", "管理制度健全", "3", ["3"])]
    # 二、过程 (43) and its 项目管理 (15) are cut by the end of the text: no finding on them
    assert table_findings(document(OUTLINE.format(twice="3"))) == ()
    (found,) = table_findings(document(OUTLINE.format(twice="4")))
    assert (found.code, found.severity.value, found.stated, found.expected, found.where.line) == (
        "JX-TABLE-003", "error", "4", "3", 7)
    assert found.message == "项目预算规范性的得分 4 超过分值 3"


def test_an_outline_that_states_scores_in_its_headings_adds_them_up_level_by_level() -> None:
    text = """一、项目基本情况(自评得分100分)
项目已竣工验收完成。
二、预算执行情况(自评得分10分)
执行率100%。
三、绩效目标及指标完成情况(自评得分{goals}分)
(一)完成绩效产出指标(自评得分50分)
1.数量指标(自评得分20分):完成新建公厕50座。
2.质量指标(自评得分10分):验收合格率为100%。
3.时效指标(自评得分10分):竣工及时率为100%。
4.成本指标(自评得分10分):成本控制率≦100%。
(二)、完成绩效效益指标(自评得分40分)
5.社会效益指标(自评得分40分):改善了农村人居环境。
"""
    assert outline_claims(text.format(goals="90")) == [
        ("JX-TABLE-002", "绩效目标及指标完成情况的得分", "90", ["50", "40"]),
        ("JX-TABLE-002", "完成绩效产出指标的得分", "50", ["20", "10", "10", "10"]),
        ("JX-TABLE-002", "完成绩效效益指标的得分", "40", ["40"]),
        ("JX-TABLE-002", "自评总得分", "100", ["10", "90"])]
    found = [(f.code, f.stated, f.expected) for f in table_findings(document(text.format(goals="85")))]
    # the total 100 is above 10 + 85, but the outline may go on past the end of the text
    assert found == [("JX-TABLE-002", "85", "90")]


def test_a_total_under_its_own_heading_against_the_items_listed_after_it() -> None:
    text = """一、自评结论
(一)自评得分
经综合评价,项目自评得分{total}分,自评等级为优。
(二)绩效目标完成情况
1.免疫密度,年初目标值≥95%,实际完成值98%,自评得分40分;
2.补助资金发放率,年初目标值=100%,实际完成值=100%,自评得分30分;
3.养殖户满意度,年初目标值≥90%,实际完成值88%,自评得分22分。
"""
    assert outline_claims(text.format(total="92")) == [("JX-TABLE-002", "自评总得分", "92", ["40", "30", "22"])]
    # items that add up to less may leave some out (预算执行 stated elsewhere): no finding
    assert table_findings(document(text.format(total="95"))) == ()
    (above,) = table_findings(document(text.format(total="90")))
    assert (above.code, above.stated, above.expected) == ("JX-TABLE-002", "90", "92")


def test_indicators_of_a_form_run_into_one_line_of_words() -> None:
    # 湖北 form as PDF extraction writes it: names with their 分值 and 自评分 among rubric texts
    text = ("广水市项目绩效目标自评表 自评总分: 88 项目权重 评价内容 分值 自评分 项目决策 2 分 "
            "决策依据 2 2 复核分 有上级文件计 2 分,没有不得分。 1、单位财务管理制度 1 分; 财务制度 3 {score} "
            "2、项目管理制度 1 分; 运行监管 4 3 2、填报监控表 1 分。 目标申报 4 0.5 分,扣完为止; 4\n")
    claims = [(c.what, c.stated.number.written, c.terms[0].number.written)
              for c in table_claims(document(text.format(score="3")))]
    assert claims == [("决策依据", "2", "2"), ("财务制度", "3", "3"), ("运行监管", "3", "4")]
    (found,) = table_findings(document(text.format(score="5")))
    assert (found.code, found.severity.value, found.stated, found.expected) == ("JX-TABLE-003", "error", "5", "3")
    assert found.message == "财务制度的得分 5 超过分值 3"


def test_numbered_items_of_a_score_table_add_up_to_the_row_that_heads_them() -> None:
    text = pipe_rows(("年度绩效目标 (80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"),
                     ("产出指标", "数量指标", "一、示范区建立", "≧2000亩", "2000亩", "{head}"),
                     ("1、侧深施肥", "≧500亩", "500亩", "5.0"),
                     ("2、种肥同播", "≧1500亩", "1500亩", "5.0"),
                     ("二、田间试验", "≧15组", "15组", "10.0"),
                     ("1、肥料利用率", "≧5组", "5组", "5.0"),
                     ("2、化肥减量", "≧10组", "10组", "5.0"),
                     ("三、土样化验", "≧60个", "105个", "5.0"),
                     ("质量指标", "配方肥到位率", "≧80%", "85.6%", "10.0"))
    assert claimed(document(text.format(head="10.0"))) == [
        ("JX-TABLE-002", "示范区建立的得分", "10.0", ["5.0", "5.0"]),
        ("JX-TABLE-002", "田间试验的得分", "10.0", ["5.0", "5.0"])]
    (found,) = table_findings(document(text.format(head="15.0")))
    assert (found.code, found.stated, found.expected) == ("JX-TABLE-002", "15.0", "10.0")


def test_the_caption_of_a_second_table_ends_no_block_of_the_first() -> None:
    text = pipe_rows(("一级指标", "二级指标", "三级指标", "得分"),
                     ("满意度(10分)", "协作部门满意度(3分)"),
                     ("管理对象满意度(3分)",),
                     ("社会公众满意度({last}分)", ""),
                     ("单位名称/ 项目名称",),
                     ("一级 指标", "二级 指标", "三级指标", "分值", "得分"))
    assert claimed(document(text.format(last="4"))) == [("JX-TABLE-001", "满意度的分值", "10", ["3", "3", "4"])]
    (found,) = table_findings(document(text.format(last="5")))
    assert (found.code, found.stated, found.expected) == ("JX-TABLE-001", "10", "11")


def test_block_weights_of_a_form_flattened_to_one_line() -> None:
    audit = audit_file(PATTERNS / "S3_score_one_line.txt", passed=True)
    blocks = [(p.code, p.message) for p in audit.passed if p.code == "JX-TABLE-001"]
    assert blocks == [("JX-TABLE-001", "产出指标的分值 50 核对相符：补贴发放人数 分值 20、补贴发放准确率 分值 15、"
                                       "按季度足额发放 分值 15")]


SCORE_TABLE = pipe_rows(("一级指标", "二级指标", "三级指标", "分值", "得分"),
                        ("产出指标", "数量指标", "培训人次", "10", "9"),
                        ("", "质量指标", "合格率", "10", "10"),
                        ("总分", "", "", "20", "19"))


def test_the_text_readers_of_score_tables_read_beside_the_score_tables_read_as_tables() -> None:
    text = "项目自评情况如下。\n" + SCORE_TABLE + OUTLINE.format(twice="4")
    doc = document(text)
    (table,) = doc.tables
    beside = text_beside_score_tables(doc)
    assert len(beside) == len(text)
    assert [i for i, c in enumerate(beside) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    assert beside[:table.place.start] == text[:table.place.start]
    assert beside[table.place.start:table.place.end].strip() == ""
    assert beside[table.place.end:] == text[table.place.end:]
    # the table's relations are read once, from the table; the outline after it keeps its lines
    assert [(c.code, c.what) for c in table_claims(doc)][:3] == [
        ("JX-TABLE-003", "培训人次"), ("JX-TABLE-003", "合格率"), ("JX-TABLE-001", "总分的分值")]
    found = [(f.code, f.stated, f.where.line) for f in table_findings(doc)]
    assert found == [("JX-TABLE-003", "4", 12)]


def test_a_table_without_score_headings_stays_in_the_text_its_readers_read() -> None:
    text = "收入情况：\n" + pipe_rows(("项目", "金额"), ("财政拨款", "10")) + "结束。\n"
    doc = document(text)
    assert len(doc.tables) == 1
    assert text_beside_score_tables(doc) == text
