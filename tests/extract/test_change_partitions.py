"""A whole's 增减额 and the 增减额 of every one of its parts, stated in later paragraphs (numbered
items under 主要变动原因如下): the parts are the whole of it, so their signed changes must add up."""

from __future__ import annotations

from jixiao.documents import Document, parse_flat_text
from jixiao.extract.prose import check_claims, extract_claims


def findings_of(text: str) -> list[tuple[str, str, str | None, str | None, str]]:
    doc = Document(file="report.txt", format="text", blocks=parse_flat_text(text), text=text)
    return [(f.code, f.severity.value, f.stated, f.expected, f.message)
            for f in check_claims(extract_claims(doc))]


CHANGES = (
    "二、基本支出决算变动情况\n"
    "2023年基本支出决算较上年减少{total}万元。变动原因如下：\n"
    "（1）工资福利支出较上年减少30.10万元，主要是人员调出。\n"
    "（2）商品和服务支出较上年增加6.25万元，主要是办公用房维修。\n"
    "（3）对个人和家庭的补助较上年减少1.05万元。\n"
)


def test_item_changes_that_miss_the_whole_change_are_an_error() -> None:
    assert findings_of(CHANGES.format(total="20.90")) == [(
        "JX-TEXT-006", "error", "20.90", "24.90",
        "基本支出决算增减额 减少 20.90万元 与各项增减额合计 减少 24.90万元 不一致（所列各项即其全部组成）",
    )]


def test_item_changes_that_add_up_say_nothing() -> None:
    assert findings_of(CHANGES.format(total="24.90")) == []


def test_items_of_another_basis_are_no_parts_of_the_change() -> None:
    text = CHANGES.format(total="20.90").replace("工资福利支出较上年", "工资福利支出预算较上年")
    assert findings_of(text) == []


def test_an_item_missing_leaves_the_list_open() -> None:
    text = CHANGES.format(total="20.90").replace("（3）对个人和家庭的补助较上年减少1.05万元。\n", "")
    assert findings_of(text) == []


OVERRUN = "西湖镇申报补助资金128.50万元；全年实际兑付140.20万元，超出预算{words}{delta}万元。"


def test_a_stated_overrun_is_the_spending_less_the_budget() -> None:
    assert findings_of(OVERRUN.format(words="金额", delta="12.70")) == [(
        "JX-TEXT-005", "error", "12.70", "11.70",
        "全年实际兑付 140.20万元 − 西湖镇申报补助资金 128.50万元 = 11.70万元，与文中 超出预算金额 12.70万元 不一致",
    )]


def test_a_right_overrun_says_nothing() -> None:
    assert findings_of(OVERRUN.format(words="", delta="11.70")) == []


BEFORE = ("工资福利支出预算 812345.60 元，同比增加 10210.00 元。\n"
          "商品和服务支出预算 150210.00 元。\n"
          "{family}支出预算 51300.00 元。\n"
          "六、基本支出情况说明\n2024 年一般公共预算基本支出 {whole} 元。\n")


def test_a_whole_stated_after_all_its_parts_is_checked_against_them_as_a_warning() -> None:
    assert findings_of(BEFORE.format(family="对个人和家庭补助", whole="1043855.60")) == [(
        "JX-TEXT-001", "warning", "1043855.60", "1013855.60",
        "一般公共预算基本支出 1043855.60元 与工资福利支出预算、商品和服务支出预算、对个人和家庭补助支出预算之和 "
        "1013855.60元 不一致（相差 30000.00元；各项在总数之前列出，请核对是否同一口径）")]
    assert findings_of(BEFORE.format(family="对个人和家庭补助", whole="1013855.60")) == []
    # Without one of the parts the amounts before are not the whole of it.
    assert findings_of(BEFORE.format(family="其他", whole="1043855.60")) == []


def test_the_parts_of_a_project_spending_between_are_passed_over_backwards() -> None:
    # 项目支出's own 其中 part stands between the parts of 基本支出 and the whole: it is the peer's.
    text = BEFORE.format(family="对个人和家庭补助", whole="1043855.60").replace(
        "六、", "五、项目支出 0元，其中：商品和服务支出预算 0元。\n六、")
    assert [finding[:4] for finding in findings_of(text)] == [("JX-TEXT-001", "warning", "1043855.60", "1013855.60")]
    # Without the 项目支出 amount the 商品和服务 part is stated twice: two lists, nothing claimed.
    assert findings_of(text.replace("项目支出 0元，其中：", "")) == []
