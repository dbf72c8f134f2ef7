"""A funds block whose cells ran together, in simplified or traditional script, read apart by
its arithmetic; and figures written with their unit (“150万”) read by the headings."""

from __future__ import annotations

from jixiao.audit import audit_document
from jixiao.documents import Document, parse_flat_text
from jixiao.extract.tables.glued import cuts, is_glued


def audit(text: str) -> tuple[list[tuple[str, str, str, str | None, int | None]], list[tuple[str, str, int | None]]]:
    """(code, severity, stated, expected, start) of every table finding, and (code, stated,
    start) of every table relation that holds."""
    document = Document(file="r.txt", format="text", blocks=parse_flat_text(text), text=text)
    result = audit_document(document, passed=True)
    findings = [(f.code, f.severity.value, f.stated, f.expected, f.where.start)
                for f in result.findings if f.code.startswith("JX-TABLE")]
    held = [(p.code, p.stated, p.where.start) for p in result.passed if p.code.startswith("JX-TABLE")]
    return findings, held


def test_a_run_of_figures_is_cut_into_the_columns_its_headings_call_for() -> None:
    assert is_glued("2456.182456.1810100%") and is_glued("7234100%") and not is_glued("98.5%")
    assert not is_glued("2020")
    assert list(cuts("35.2710.05%", 1, False)) == [("35.2", "710.05%"), ("35.27", "10.05%"), ("35.271", "0.05%")]
    assert ("35.27", "8", "10.05%") in list(cuts("35.27810.05%", 1, True))
    # no figure with a leading zero: “00%” is no 执行率
    assert ("723", "41", "00%") not in list(cuts("7234100%", 2, False))
    assert ("36", "36", "100%") in list(cuts("3636100%", 2, False))


GLUED = ("资金投入情况(万元)全年预算数(A)全年执行数(B)预算执行率(B/A×100%)"
         "年度资金总额:{total}其中:中央财政资金{central}地方资金5252100%其他资金资金管理情况")


def test_the_cut_under_which_the_rows_add_up_is_read_and_its_rate_checked() -> None:
    text = GLUED.format(total="1725231.00%", central="12000%")
    at = text.index("1725231.00%")
    findings, held = audit(text)
    # 52 / 172 = 30.23%, not 31.00%: the amounts are the form's own cells, read as written
    assert findings == [("JX-TABLE-005", "error", "31.00", "30.23", at + 5)]
    (finding,) = audit_document(Document("r.txt", "text", parse_flat_text(text), text)).findings
    assert finding.expected_range == ("30.2326", "30.2326")  # the cells alone, no rounding
    assert ("JX-TABLE-004", "172", at) in held and ("JX-TABLE-004", "52", at + 3) in held
    central, local = text.index("12000%"), text.index("5252100%")
    assert ("JX-TABLE-005", "0", central + 4) in held and ("JX-TABLE-005", "100", local + 4) in held


def test_a_traditional_script_copy_with_conversion_debris_reads_the_same() -> None:
    text = ("資金投入情況(萬元)全年預算數(A)全年執行數(B)預算執(zhí)行率(B/A×100%)"
            "年度資(zī)金總額:1725230.23%其中:中央財(cái)政資金12000%地方資金5252100%其他資金")
    at = text.index("1725230.23%")
    findings, held = audit(text)
    assert findings == []
    assert ("JX-TABLE-005", "30.23", at + 5) in held
    assert ("JX-TABLE-004", "172", at) in held


def test_amounts_written_with_their_unit_are_read_by_the_headings() -> None:
    text = ("项目资金 (万元) |\n年初预算数 |\n全年预算数 |\n全年执行数 |\n分值 |\n执行率 |\n得分 |\n"
            "年度资金总额 |\n80万 |\n80万 |\n62.5万 |\n100 |\n{rate} |\n96 |\n"
            "其中:当年财政拨款 |\n80万 |\n80万 |\n62.5万 |\n— |\n|\n— |\n")
    held_text = text.format(rate="78.13%")
    findings, held = audit(held_text)
    rate_at = held_text.index("78.13%")
    assert findings == []
    assert ("JX-TABLE-005", "78.13", rate_at) in held
    assert ("JX-TABLE-003", "96", held_text.index("96 |")) in held
    assert ("JX-TABLE-004", "62.5", held_text.index("62.5万")) in held
    wrong = text.format(rate="87.5%")
    assert audit(wrong)[0] == [("JX-TABLE-005", "error", "87.5", "78.13", wrong.index("87.5%"))]


def test_rows_written_after_a_description_of_the_funds_and_a_year_that_is_no_figure() -> None:
    text = ("项目资金(万元)年初预算数全年执行数年度资金总额:{total}万元2023年乡村公路养护项目52.40万元(车购税资金50万元,"
            "县级配套2.40万元)其中:财政拨款车购税资金50万元其他资金县级配套资金2.40万元年度总体目标完成养护")
    held_text = text.format(total="52.40")
    at = held_text.index("52.40")
    findings, held = audit(held_text)
    assert findings == []
    assert ("JX-TABLE-004", "52.40", at) in held
    wrong = text.format(total="54.20")
    assert audit(wrong)[0] == [("JX-TABLE-004", "error", "54.20", "52.40", at)]
    # one row only is a part of the total, not its breakdown
    assert audit(wrong.replace("其他资金县级配套资金2.40万元", ""))[0] == []


def test_a_block_whose_total_lost_its_figures_among_the_headings_still_checks_its_rows_rates() -> None:
    text = ("资金情况(万元)年度资金总额全年预算数(A)120全年执行数(B)执行率(B/A)其中中央补助自治区补助120万元\n"
            "{spent}万元\n75.5%市县资金年度总体目标完成种薯繁育")
    held_text = text.format(spent="90.6")
    findings, held = audit(held_text)
    assert findings == []
    assert ("JX-TABLE-005", "75.5", held_text.index("75.5%")) in held
    wrong = text.format(spent="96.0")
    assert audit(wrong)[0] == [("JX-TABLE-005", "error", "75.5", "80.00", wrong.index("75.5%"))]
