"""Bad input through the command: a clear Chinese message with its place, exit 2, no traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from jixiao.cli import app

EXAMPLE_BOOK = Path(__file__).parents[1] / "examples" / "dongting-2023.xlsx"
runner = CliRunner()


def _check(path: Path) -> str:
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    return result.output.strip()


def _edited_book(tmp_path: Path, sheet: str, cell: str, value: object) -> Path:
    target = tmp_path / "填报.xlsx"
    shutil.copy(EXAMPLE_BOOK, target)
    book = openpyxl.load_workbook(target)
    book[sheet][cell] = value
    book.save(target)
    return target


def test_text_in_a_number_cell(tmp_path: Path) -> None:
    book = _edited_book(tmp_path, "附件2", "G34", "六分")
    assert _check(book) == f"{book}:附件2!G34: “六分”不是一个数值"


def test_a_negative_amount_in_the_workbook(tmp_path: Path) -> None:
    book = _edited_book(tmp_path, "附件2", "C3", -203.54)
    assert _check(book) == (
        f"{book}:附件2!C3: 附件2 单位整体支出绩效自评表 › 年度资金总额 › 全年预算数：金额不能为负数：-203.54")


def test_a_missing_sheet(tmp_path: Path) -> None:
    target = tmp_path / "填报.xlsx"
    shutil.copy(EXAMPLE_BOOK, target)
    book = openpyxl.load_workbook(target)
    del book["附件2"]
    book.save(target)
    assert _check(target) == f"{target}: 缺少工作表“附件2”"


def test_an_indicator_without_a_weight(tmp_path: Path) -> None:
    book = _edited_book(tmp_path, "附件2", "G34", None)
    assert _check(book) == (f"{book}:附件2!G34: 指标“颜氏旧改项目，私房征收及后续的安置维稳户数”缺少分值"
                            "（只有“不适用”的指标可以不填）")


@pytest.mark.parametrize(("text", "message"), [
    ("    actual: 1.3e2\n", "float.yaml:6: 金额须按书面写法填写（如 132.71），不能使用科学计数法或 .inf、.nan：“1.3e2”"),
    ("    actual: .nan\n", "float.yaml:6: 金额须按书面写法填写（如 132.71），不能使用科学计数法或 .inf、.nan：“.nan”"),
])
def test_a_yaml_amount_written_as_a_float(tmp_path: Path, text: str, message: str) -> None:
    target = tmp_path / "float.yaml"
    target.write_text("year: 2023\nunit:\n  name: 测试单位\nself_assessment:\n  funds:\n" + text,
                      encoding="utf-8")
    assert _check(target) == f"{tmp_path}/{message}"


def test_an_empty_file_and_garbage(tmp_path: Path) -> None:
    empty = tmp_path / "空.yaml"
    empty.write_text("", encoding="utf-8")
    assert _check(empty) == f"{empty}: 文件为空"
    garbage = tmp_path / "乱码.xlsx"
    garbage.write_bytes(b"\x00\x01not a workbook" * 10)
    assert _check(garbage) == f"{garbage}: 不是有效的 Excel 工作簿（.xlsx）文件"
