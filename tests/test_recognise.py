"""Recognising a report's form by its headings, never by its file name."""

from __future__ import annotations

from pathlib import Path
from random import Random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.documents import parse_flat_text, read_document
from jixiao.documents.model import Document
from jixiao.recognise import MARKERS, YUEYANGLOU, profile_for, recognise

REPORTS = Path(__file__).parent / "data" / "reports"


def _document(text: str, file: str = "report.txt") -> Document:
    return Document(file=file, format="text", blocks=parse_flat_text(text), text=text)


@pytest.mark.parametrize(("name", "template", "first"), [
    ("dongting-2023.txt", "yueyanglou-2024", ("单位整体支出绩效评价基础数据表", 2)),
    ("chenglingji-yueyanglou-2024.txt", "yueyanglou-2024", ("单位整体支出绩效自评报告", 3)),
    ("xitang-2024.txt", "yueyanglou-2024", ("单位整体支出绩效自评报告", 5)),
    ("chenglingji-dangqun-2021.txt", "yueyang-finance-2021", ("部门整体支出绩效评价自评报告", 1)),
    ("dingcheng-zhengfuban-2023.txt", "dingcheng-2023", ("部门整体支出绩效自评报告", 3)),
])
def test_each_published_report_is_recognised(name: str, template: str, first: tuple[str, int]) -> None:
    recognition = recognise(read_document(REPORTS / name))
    assert recognition.template == template
    assert (recognition.evidence[0].text, recognition.evidence[0].where.line) == first


def test_evidence_lists_the_headings_found_with_their_lines() -> None:
    recognition = recognise(read_document(REPORTS / "chenglingji-yueyanglou-2024.txt"))
    assert [(marker.text, marker.where.line) for marker in recognition.evidence] == [
        ("单位整体支出绩效自评报告", 3), ("一般公共预算支出情况", 24), ("政府性基金预算支出情况", 38),
        ("国有资本经营预算支出情况", 42), ("社会保险基金预算支出情况", 46),
        ("自评结果拟应用和公开情况", 154), ("其他需要说明的情况", 158),
        ("单位整体支出绩效评价基础数据表", 164), ("单位整体支出绩效自评表", 165)]
    assert dict(recognition.scores) == {"yueyanglou-2024": 9, "yueyang-finance-2021": 0,
                                        "dingcheng-2023": 0, "national-project": 1}


def test_headings_spaced_out_and_broken_across_lines_still_match() -> None:
    text = "湖南某区2022年度部门\n整体支出绩效评价自评报告\n预 算 编 码：1\n评价方式：自评\n评价 人员\n"
    recognition = recognise(_document(text))
    assert recognition.template == "yueyang-finance-2021"
    assert [(marker.text, marker.where.line, marker.where.start) for marker in recognition.evidence] == [
        ("部门整体支出绩效评价自评报告", 1, 10), ("预算编码", 3, 26), ("评价方式", 4, 36), ("评价人员", 5, 44)]


def test_a_stand_alone_project_table_is_the_national_form() -> None:
    text = ("项目支出绩效自评表\n（2023年度）\n\t项目名称\n\t乡村道路维护\n\n\t主管部门\n\t交通局\n\t实施单位\n"
            "\t交通局\n\n\t项目资金（万元）\n\t年初预算数\n\n\t年度总体目标\n\n\t一级指标\n\t二级指标\n\t三级指标\n"
            "\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n")
    recognition = recognise(_document(text))
    assert recognition.template == "national-project"
    assert profile_for(recognition.template) == "national-2020"


def test_the_file_name_plays_no_part() -> None:
    text = (REPORTS / "dingcheng-zhengfuban-2023.txt").read_text("utf-8")
    assert recognise(_document(text, "yueyanglou-2024.txt")).template == "dingcheng-2023"


def test_generic_text_is_not_a_known_form() -> None:
    recognition = recognise(_document("2023年工作总结\n一、主要工作\n全年完成项目支出49.55万元。\n"))
    assert recognition.template is None
    assert recognition.evidence == ()
    assert profile_for(None) == "national-2020"


def test_two_forms_tied_are_not_guessed() -> None:
    text = "预算编码\n评价方式\n评价机构\n部门概况\n部门财务情况\n综合评价结果\n"
    assert recognise(_document(text)).template is None


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="一二三、\t\n 附件报告表自评单位整体支出绩效情况部门预算编码",
               max_size=300))
def test_recognition_never_raises(text: str) -> None:
    recognition = recognise(_document(text))
    assert recognition.template in (None, "yueyanglou-2024", "yueyang-finance-2021",
                                    "dingcheng-2023", "national-project")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*MARKERS[YUEYANGLOU], "单位", "情况", "表"]), min_size=3, max_size=12),
       st.randoms(use_true_random=False))
def test_each_heading_is_placed_where_it_first_occurs_spaced_out(parts: list[str], random: Random) -> None:
    text = "".join(char + random.choice(["", "", " ", "\n", "\u3000", "\t "]) for part in parts for char in part)
    squeezed = "".join(text.split())
    for marker in recognise(_document(text)).evidence:
        start, end = marker.where.start, marker.where.end
        assert start is not None and end is not None
        assert "".join(text[start:end].split()) == marker.text
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert len("".join(text[:start].split())) == squeezed.find(marker.text)
        assert marker.where.line == text.count("\n", 0, start) + 1
