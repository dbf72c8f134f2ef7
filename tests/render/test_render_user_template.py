"""A finance bureau's own Word template: its variables listed, an unknown one named with its place."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from jixiao.documents import read_document
from jixiao.io.errors import InputError
from jixiao.model import Evaluation
from jixiao.render.report import render_report
from jixiao.render.user_template import load_user_template, template_variables


def user_template(path: Path, cell_text: str) -> Path:
    document = docx.Document()
    document.add_paragraph("{{ title }}")
    document.add_paragraph("单位：{{ unit_name }}")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "总分"
    table.cell(0, 1).text = cell_text
    document.save(str(path))
    return path


def test_variables_of_a_user_template(tmp_path: Path) -> None:
    path = user_template(tmp_path / "bureau.docx", "{{ self_assessment.total_score }}")
    assert template_variables(load_user_template(path), str(path)) == {"title", "unit_name", "self_assessment"}


def test_user_template_renders_the_same_figures(example: Evaluation, tmp_path: Path) -> None:
    path = user_template(tmp_path / "bureau.docx", "{{ self_assessment.total_score }}")
    out = tmp_path / "out.docx"
    render_report(example, out, user_template=path)
    assert read_document(out).text.splitlines()[:4] == [
        "2023年度岳阳市洞庭新城项目建设岳阳楼区工作部单位整体支出绩效自评报告",
        "单位：岳阳市洞庭新城项目建设岳阳楼区工作部", "\t总分", "\t99"]


def test_unknown_variable_is_named_with_its_place(example: Evaluation, tmp_path: Path) -> None:
    path = user_template(tmp_path / "bureau.docx", "{{ budget_total }}")
    with pytest.raises(InputError) as raised:
        render_report(example, tmp_path / "out.docx", user_template=path)
    assert raised.value.message == ("Word 模板使用了未知变量“budget_total”，位于第 1 个表格第 1 行第 2 列；"
                                    "可用变量见 `jixiao templates show 模板名`")
    assert raised.value.file == str(path)
    assert not (tmp_path / "out.docx").exists()


def test_broken_tags_and_non_docx_are_clear_errors(example: Evaluation, tmp_path: Path) -> None:
    path = user_template(tmp_path / "broken.docx", "{{ unit_name ")
    with pytest.raises(InputError) as broken:
        render_report(example, tmp_path / "out.docx", user_template=path)
    assert broken.value.message == "Word 模板第 1 个表格第 1 行第 2 列的标签“{{ unit_name”出错：标签写法有误"
    garbage = tmp_path / "garbage.docx"
    garbage.write_bytes(b"not a zip")
    with pytest.raises(InputError) as raised:
        render_report(example, tmp_path / "out.docx", user_template=garbage)
    assert raised.value.message == "不是有效的 Word 文档（.docx）文件"
