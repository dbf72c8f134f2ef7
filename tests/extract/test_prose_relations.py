"""Relations the prose states across clauses and sentences: a whole's known parts with a
breakdown of one of them, totals after their parts, counts and changes."""

from __future__ import annotations

from extract.test_change_partitions import findings_of
from jixiao.documents import Document, parse_flat_text
from jixiao.extract.prose import extract_claims
from jixiao.extract.prose.check import passed_claims


def passed_of(text: str) -> list[tuple[str, str | None, str | None, tuple[str, ...]]]:
    """The relations that hold: code, stated, expected and the terms' values."""
    doc = Document(file="report.txt", format="text", blocks=parse_flat_text(text), text=text)
    return [(p.code, p.stated, p.expected, tuple(term.value for term in p.terms))
            for p in passed_claims(extract_claims(doc))]

CAR_PARTS = (
    "2024年本单位“三公”经费{total}万元，比上年减少3.00万元，主要原因是压减开支。其中：因公出国（境）费0万元；"
    "公务用车购置及运行维护费30.00万元（公务用车购置费10.00万元，公务用车运行维护费20.00万元）；"
    "公务接待费1.50万元。\n"
)


def test_the_car_item_s_running_part_after_it_does_not_hide_the_three_items() -> None:
    assert findings_of(CAR_PARTS.format(total="31.50")) == []
    assert findings_of(CAR_PARTS.format(total="32.50")) == [(
        "JX-TEXT-001", "error", "32.50", "31.50",
        "“三公”经费 32.50万元 与因公出国（境）费、公务用车购置及运行维护费、公务接待费之和 31.50万元 "
        "不一致（相差 1.00万元）",
    )]


BALANCED = "2024年度收入总计500.00万元，支出总计500.00万元。收支较上年决算数减少100.00万元、下降{rate}%。\n"


def test_a_change_of_income_and_spending_is_of_their_one_amount() -> None:
    assert findings_of(BALANCED.format(rate="16.67")) == []
    assert findings_of(BALANCED.format(rate="20")) == [(
        "JX-TEXT-003", "error", "20", "16.67",
        "收入总计 500.00万元 比上年减少 100.00万元（上年 600.00万元），应下降 16.67%，与文中收入总计下降率 20% 不一致",
    )]


def test_a_change_of_income_and_spending_that_differ_is_not_read() -> None:
    assert findings_of(BALANCED.format(rate="20").replace("支出总计500.00", "支出总计480.00")) == []


BROKEN_ITEM = (
    "1.教育支出120.00万元：主要用于本单位在\n"
    "教育方面的支出。较2023年度决算数减少30.00万元，下降{rate}%。\n"
)


def test_a_numbered_item_broken_after_its_colon_goes_on_in_the_next_line() -> None:
    assert findings_of(BROKEN_ITEM.format(rate="20")) == []
    assert findings_of(BROKEN_ITEM.format(rate="25")) == [(
        "JX-TEXT-003", "error", "25", "20.00",
        "教育支出 120.00万元 比上年减少 30.00万元（上年 150.00万元），应下降 20.00%，与文中教育支出下降率 25% 不一致",
    )]


COLUMNS = (
    "2024 年一般公共预算拨款支出 900 元，其中：基本支出 {basic} 元，项目支出 100 元。\n"
    "（一）按支出功能分类科目划分。\n"
    "行政运行 600 元，其中：基本支出 600 元，项目支出 0元。主要用于机关运转。\n"
    "一般行政管理事务 100 元，其中：基本支出 0 元，项目支出 100 元。\n"
    "住房公积金 200 元，其中：基本支出 200 元，项目支出 0元。\n"
)


def test_each_column_of_items_broken_down_as_their_total_adds_up_to_its_part() -> None:
    assert findings_of(COLUMNS.format(basic="800")) == []
    assert findings_of(COLUMNS.format(basic="700")) == [
        ("JX-TEXT-001", "error", "900", "800",
         "一般公共预算拨款支出 900元 与基本支出、项目支出之和 800元 不一致（相差 100元；同样各项的另一合计与其各项之和相符，"
         "所列各项齐全）"),
        ("JX-TEXT-001", "error", "700", "800",
         "基本支出 700元 与行政运行的基本支出、一般行政管理事务的基本支出、住房公积金的基本支出之和 800元 不一致（相差 100元）"),
    ]


def test_rows_that_do_not_make_the_total_give_no_columns() -> None:
    text = COLUMNS.format(basic="700").replace("住房公积金 200 元，其中：基本支出 200", "住房公积金 300 元，其中：基本支出 300")
    assert [finding[:4] for finding in findings_of(text)] == [("JX-TEXT-001", "error", "900", "800")]


PEOPLE = ("全局现有人员{total}人，其中机关本级60人（在职在编45人、退休人员10人、协管员{aides}人），"
          "下属站所140人（在职在编100人、退休人员40人）。\n")


def test_people_of_each_part_in_brackets_are_the_whole_of_that_part() -> None:
    assert findings_of(PEOPLE.format(total="200", aides="5")) == []
    assert findings_of(PEOPLE.format(total="210", aides="6")) == [
        ("JX-TEXT-001", "error", "60", "61", "机关本级 60人 与在职在编、退休人员、协管员之和 61人 不一致（相差 1人）"),
    ]


def test_retired_staff_are_no_part_of_the_serving_staff() -> None:
    text = "实际在职教职工{total}人，其中高级职称4人，中级职称20人，工勤人员3人，退休职工28人。\n"
    assert findings_of(text.format(total="27")) == []
    assert passed_of(text.format(total="27")) == [("JX-TEXT-001", "27", "27", ("4", "20", "3"))]


CARS = ("2024年公务用车购置及运行维护费共计{total}万元，较上年下降2.00%。\n"
        "2024年按规定更新购置公务用车0辆，车辆购置支出0万元。截至年底，单位共有公务用车{cars}辆，"
        "其中：一般公务用车5辆，特种专业技术用车（救护车、消防车）3辆。\n"
        "2024年车辆运行维护费支出8.40万元，用于燃料费、维修费。\n")


def test_the_car_item_is_its_purchase_and_its_running_stated_in_later_sentences() -> None:
    assert findings_of(CARS.format(total="8.40", cars="8")) == []
    assert findings_of(CARS.format(total="9.40", cars="8")) == [(
        "JX-TEXT-001", "error", "9.40", "8.40",
        "公务用车购置及运行维护费 9.40万元 与车辆购置支出、车辆运行维护费支出之和 8.40万元 不一致（相差 1.00万元）",
    )]


def test_vehicles_are_counted_and_a_bracket_before_a_count_leaves_its_label() -> None:
    assert ("JX-TEXT-001", "8", "8", ("5", "3")) in passed_of(CARS.format(total="8.40", cars="8"))
    text = CARS.format(total="8.40", cars="8")
    doc = Document(file="report.txt", format="text", blocks=parse_flat_text(text), text=text)
    cars = [claim for claim in extract_claims(doc) if claim.stated.number.unit.value == "辆"]
    assert [(claim.stated.label, [term.label for term in claim.terms]) for claim in cars] == [
        ("单位共有公务用车", ["一般公务用车", "特种专业技术用车"])]


WEI = ("县级资金{total}万元，为村道硬化工程30万元，文化广场建设12.50万元；"
       "市级资金40万元，为奖励资金10万元，生态补偿资金28万元等。\n")


def test_parts_listed_after_wei_are_of_the_amount_before() -> None:
    assert findings_of(WEI.format(total="42.50")) == []
    assert findings_of(WEI.format(total="40.50")) == [(
        "JX-TEXT-001", "warning", "40.50", "42.50",
        "县级资金 40.50万元 与村道硬化工程、文化广场建设之和 42.50万元 超过总数（多 2.00万元），所列各项不应大于总数",
    )]


LINE_COUNT = "1.机构设置\n①局机关内设科室{count}\n内设科室：办公室、财务科、法规科\n②下属单位2\n城管大队、环卫站\n"


def test_a_count_ending_its_line_counts_the_list_of_the_next_line() -> None:
    assert findings_of(LINE_COUNT.format(count="3")) == []
    assert [term[:2] for term in passed_of(LINE_COUNT.format(count="3"))] == [("JX-TEXT-008", "3"), ("JX-TEXT-008", "2")]
    assert findings_of(LINE_COUNT.format(count="4")) == [(
        "JX-TEXT-008", "error", "4", "3", "文中称 4 个局机关内设科室，但列出 3 个：办公室、财务科、法规科",
    )]


SPENT = ("本单位宣传工作经费，全部用于工资福利支出12.50万元、商品和服务支出（如印刷费、差旅费）8.25万元"
         "和其他支出3万元，实际支出{total}万元。\n")


def test_a_total_right_after_the_list_of_its_parts_is_their_sum() -> None:
    assert passed_of(SPENT.format(total="23.75")) == [("JX-TEXT-001", "23.75", "23.75", ("12.50", "8.25", "3"))]
    assert findings_of(SPENT.format(total="24.75")) == [(
        "JX-TEXT-001", "error", "24.75", "23.75",
        "实际支出 24.75万元 与工资福利支出、商品和服务支出、其他支出之和 23.75万元 不一致（相差 1.00万元）",
    )]


def test_amounts_in_clauses_of_their_own_are_no_list_before_a_total() -> None:
    text = "工资福利支出12.50万元，主要用于人员工资；商品和服务支出8.25万元，合计为{total}万元。\n"
    assert findings_of(text.format(total="30")) == []


ARRIVED = "2024年安排本单位基本支出经费60.00万元，实际到位资金{arrived}万元（其中：年中追加15.50万元），基本支出为70.00万元。\n"


def test_funds_received_are_the_arrangement_and_the_addition() -> None:
    assert ("JX-TEXT-001", "75.50", "75.50", ("60.00", "15.50")) in passed_of(ARRIVED.format(arrived="75.50"))
    assert findings_of(ARRIVED.format(arrived="76.50")) == [(
        "JX-TEXT-001", "error", "76.50", "75.50",
        "实际到位资金 76.50万元 与安排本单位基本支出经费、年中追加之和 75.50万元 不一致（相差 1.00万元）",
    )]


BANKS = ("1、河道治理工程治理河道总长为{length}km，其中干流长 2.125km，支流汇入段 0.375km；"
         "护岸工程共 {sections} 段，长 2.10km：右岸 2 段，长0.85km，左岸 3 段，长 {left}km；"
         "堤防工程 0.90km：右岸 0.40km，左岸 0.50km：拆除重建跌水 1 座。\n")


def test_lengths_after_qizhong_and_both_banks_after_a_colon_add_up() -> None:
    text = BANKS.format(length="2.50", sections="5", left="1.25")
    assert findings_of(text) == []
    assert [relation[1:] for relation in passed_of(text)] == [
        ("2.50", "2.500", ("2.125", "0.375")), ("5", "5", ("2", "3")), ("2.10", "2.10", ("0.85", "1.25")),
        ("0.90", "0.90", ("0.40", "0.50"))]
    assert findings_of(BANKS.format(length="2.50", sections="4", left="1.35")) == [
        ("JX-TEXT-001", "error", "4", "5", "护岸工程数量 4段 与右岸、左岸之和 5段 不一致（相差 1段）"),
        ("JX-TEXT-001", "error", "2.10", "2.20", "护岸工程长度 2.10km 与右岸、左岸之和 2.20km 不一致（相差 0.10km）"),
    ]


REST = ("全镇{count}个项目均已完工，其中2个项目资金执行100%，剩余村道硬化项目资金执行98.50%；"
        "文化广场项目96.20%，河堤加固项目90%。\n")


def test_a_count_is_the_counted_part_and_the_rest_named_one_by_one() -> None:
    assert findings_of(REST.format(count="5")) == []
    assert findings_of(REST.format(count="6")) == [(
        "JX-TEXT-001", "error", "6", "5",
        "项目数 6个 与项目资金执行100%、村道硬化项目、文化广场项目、河堤加固项目之和 5个 不一致（相差 1个）",
    )]


EACH = ("2024年度收、支总计各是800.00，750.00万元。与2023年相比，收、支总计各减少200.00，{delta}万元，"
        "各下降20.00%、{rate}%。\n")


def test_figures_stated_in_parallel_for_several_items_give_one_change_each() -> None:
    assert [relation[:2] for relation in passed_of(EACH.format(delta="250.00", rate="25.00"))] == [
        ("JX-TEXT-003", "20.00"), ("JX-TEXT-003", "25.00")]
    assert findings_of(EACH.format(delta="250.00", rate="35.00")) == [(
        "JX-TEXT-003", "error", "35.00", "25.00",
        "支出总计 750.00万元 比上年减少 250.00万元（上年 1000.00万元），应下降 25.00%，与文中支出总计下降率 35.00% 不一致",
    )]


def test_parallel_lists_of_another_length_are_not_read() -> None:
    assert passed_of("收、支总计各是800.00万元。收、支总计各减少200.00，250.00万元，各下降20.00%、25.00%。\n") == []


BUDGETS = "2024 年部门年初预算 1000.00 万元，年中调整预算为 1250.00 万元，比年初预算增加 {delta} 万元，全年执行数 1200.00 万元。\n"


def test_a_change_against_a_budget_named_earlier_in_the_sentence_is_their_difference() -> None:
    assert ("JX-TEXT-005", "250.00", "250.00", ("1250.00", "1000.00")) in passed_of(BUDGETS.format(delta="250.00"))
    assert findings_of(BUDGETS.format(delta="205.00")) == [(
        "JX-TEXT-005", "error", "205.00", "250.00",
        "年中调整预算 1250.00万元 − 部门年初预算 1000.00万元 = 250.00万元，与文中 比预算增加 205.00万元 不一致",
    )]


SPELLED = "市财政将预留资金 {total} 万元统一计入本单位收入，具体为退休人员医疗补助 10.60 万元、公务员医疗补助 300.25 万元。\n"


def test_juti_wei_spells_out_the_last_amount_before_it() -> None:
    assert ("JX-TEXT-001", "310.85", "310.85", ("10.60", "300.25")) in passed_of(SPELLED.format(total="310.85"))
    assert findings_of(SPELLED.format(total="300.85")) == [(
        "JX-TEXT-001", "warning", "300.85", "310.85",
        "市财政将预留资金 300.85万元 与退休人员医疗补助、公务员医疗补助之和 310.85万元 超过总数（多 10.00万元），所列各项不应大于总数",
    )]


RESTATED = (
    "（一）教育支出类科目 600.00 元，同比减少 50.00 元。\n"
    "（二）卫生健康支出类科目 400.00 元，同比增加 {health} 元。\n"
    "四、财政拨款收支预算总体情况说明\n"
    "2024 年财政拨款收支总预算 1000.00 元。支出包括：教育支出 600.00 元、卫生健康支出 400.00 元。\n"
    "五、一般公共预算支出情况说明\n"
    "2024 年本年一般公共预算支出 1000.00 元，同比减少 20.00 元。\n"
)


def test_changes_of_parts_stated_with_them_add_up_to_the_change_of_their_total() -> None:
    assert ("JX-TEXT-006", "20.00", "20.00", ("50.00", "30.00")) in passed_of(RESTATED.format(health="30.00"))
    assert findings_of(RESTATED.format(health="40.00")) == [(
        "JX-TEXT-006", "error", "20.00", "10.00",
        "本年一般公共预算支出增减额 减少 20.00元 与各项增减额合计 减少 10.00元 不一致（所列各项即其全部组成）",
    )]


def test_a_rate_with_no_amount_is_of_the_amount_its_words_name_and_that_amount_s_change() -> None:
    text = RESTATED.format(health="30.00").replace(
        "支出包括：", "财政拨款总收支较上年下降 {rate} %。支出包括：")
    assert ("JX-TEXT-003", "1.96", "1.96", ("1000.00", "20.00")) in passed_of(text.format(rate="1.96"))
    assert findings_of(text.format(rate="2.96")) == [(
        "JX-TEXT-003", "error", "2.96", "1.96",
        "财政拨款收支总预算 1000.00元 比上年减少 20.00元（上年 1020.00元），应下降 1.96%，与文中财政拨款总收支下降率 2.96% 不一致",
    )]


NUMBERED = (
    "（一）本单位2024年度总收入300.00万元，其中本年收入{income}万元，较2023年度决算数减少{change}万元。"
    "收入具体情况如下。\n"
    "1.一般公共预算财政拨款收入180.00万元，为市本级财政拨付的资金。较2023年度决算数减少15.00万元。\n"
    "2.上级补助收入20.00万元，为上级单位补助。较2023年度决算数减少5.00万元。\n"
    "3.上年结转和结余100.00万元，为以前年度未执行完毕的资金。\n"
)


def test_numbered_paragraphs_after_rujia_break_down_the_totals_that_name_them() -> None:
    assert [relation[:3] for relation in passed_of(NUMBERED.format(income="200.00", change="20.00"))][-3:] == [
        ("JX-TEXT-001", "300.00", "300.00"), ("JX-TEXT-001", "200.00", "200.00"), ("JX-TEXT-006", "20.00", "20.00")]
    assert findings_of(NUMBERED.format(income="210.00", change="25.00")) == [
        ("JX-TEXT-001", "error", "210.00", "200.00",
         "本年收入 210.00万元 与一般公共预算财政拨款收入、上级补助收入之和 200.00万元 不一致（相差 10.00万元）"),
        ("JX-TEXT-006", "error", "25.00", "20.00",
         "本年收入增减额 减少 25.00万元 与各项增减额合计 减少 20.00万元 不一致（所列各项即其全部组成）"),
    ]


def test_words_that_look_like_lists_but_are_not() -> None:
    assert findings_of("2024年决算数为100.00万元，为预算数120.00万元的83.33%。\n") == []
    assert findings_of("预算安排培训费10.00万元、会议费20.00万元，实际支出25.00万元。\n") == []
    assert findings_of("附表2\n收入支出决算总表、收入决算表、支出决算表\n") == []


def test_a_page_number_run_into_a_line_is_no_part_of_the_label() -> None:
    text = "基本支出预算 1000.00 元，其中：\n6\n工资福利支出预算 800.00 元，商品和服务支出预算 300.00 元。\n"
    assert findings_of(text) == [(
        "JX-TEXT-001", "warning", "1000.00", "1100.00",
        "基本支出预算 1000.00元 与工资福利支出预算、商品和服务支出预算之和 1100.00元 超过总数（多 100.00元），所列各项不应大于总数",
    )]


GRADES = ("本单位2024年度项目{total}个，项目支出总额300.00万元。其中，本级项目4个。所有项目均开展了绩效自评，"
          "其中自评结果为：5 个项目评为一等，涉及资金 250.00 万元；1 个项目评为二等，涉及资金 50.00 万元；"
          "{third} 个项目评为三等，涉及资金 0 万元。\n")


def test_a_breakdown_after_a_colon_is_of_the_first_count_of_its_noun() -> None:
    assert ("JX-TEXT-001", "6", "6", ("5", "1", "0")) in passed_of(GRADES.format(total="6", third="0"))
    assert findings_of(GRADES.format(total="6", third="2")) == [(
        "JX-TEXT-001", "warning", "6", "8",
        "项目数 6个 与一等、二等、三等之和 8个 超过总数（多 2个），所列各项不应大于总数",
    )]


def test_a_second_share_of_the_same_part_is_read() -> None:
    text = "项目支出总额300.00万元。评为一等的项目涉及资金 250.00 万元，占项目总数比例 80%，占项目支出总额比例 {rate}%。\n"
    assert ("JX-TEXT-002", "83.33", "83.33", ("250.00", "300.00")) in passed_of(text.format(rate="83.33"))
    assert [finding[:4] for finding in findings_of(text.format(rate="88.33"))] == [
        ("JX-TEXT-002", "error", "88.33", "83.33")]


RECEPTION = ("2024年公务接待费{total}万元，较2023年决算数下降5.5%。\n"
             "2024年公务接待费主要用于执行公务。其中：外事接待费支出0万元，国内公务接待120批次，900人，共计支出6.50万元。\n")


def test_reception_is_foreign_and_domestic_and_a_chain_s_total_is_of_its_subject() -> None:
    assert ("JX-TEXT-001", "6.50", "6.50", ("0", "6.50")) in passed_of(RECEPTION.format(total="6.50"))
    assert findings_of(RECEPTION.format(total="7.50")) == [(
        "JX-TEXT-001", "error", "7.50", "6.50",
        "公务接待费 7.50万元 与外事接待费支出、国内公务接待共计支出之和 6.50万元 不一致（相差 1.00万元）",
    )]
