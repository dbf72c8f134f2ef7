"""JSON input, the format dispatch of load_evaluation, and its errors for unreadable files."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.findings import Place
from jixiao.io.errors import InputError
from jixiao.io.json_loader import read_json
from jixiao.io.load import LoadedEvaluation, load_evaluation

EXAMPLE = Path(__file__).parents[2] / "examples" / "dongting-2023.yaml"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def load_error(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        load_evaluation(path)
    return caught.value.describe()


def test_json_numbers_keep_their_written_decimals() -> None:
    data, source = read_json('{"a": 5.00, "b": 132.71, "c": 5, "d": [0.10]}', "x.json")
    assert data == {"a": Decimal("5.00"), "b": Decimal("132.71"), "c": 5, "d": [Decimal("0.10")]}
    assert str(data["a"]) == "5.00"
    assert source["d[0]"] == Place(path="d[0]")


def test_json_loads_an_evaluation_with_paths_in_its_source(tmp_path: Path) -> None:
    document = {"year": 2023, "unit": {"name": "某单位"},
                "self_assessment": {"funds": {"actual": 5.00}}}
    text = json.dumps(document).replace("5.0", "5.00")
    loaded = load_evaluation(write(tmp_path, "x.json", text))
    actual = loaded.evaluation.self_assessment.funds.actual
    assert actual is not None and (actual.value, actual.decimals) == (Decimal("5.00"), 2)
    assert loaded.format == "json"
    assert loaded.source["self_assessment.funds.actual"] == Place(
        path="self_assessment.funds.actual")


@pytest.mark.parametrize("written", ["1.3e2", "1E5", "NaN", "-Infinity"])
def test_json_refuses_numbers_not_in_written_form(tmp_path: Path, written: str) -> None:
    path = write(tmp_path, "x.json", '{"year": 2023, "unit": {"name": "某单位"}, '
                                     f'"self_assessment": {{"funds": {{"actual": {written}}}}}}}')
    assert load_error(path) == (
        f"{path}:self_assessment.funds.actual: "
        f"金额须按书面写法填写（如 132.71），不能使用科学计数法或 .inf、.nan：“{written}”")


def test_json_validation_errors_are_placed_by_path(tmp_path: Path) -> None:
    path = write(tmp_path, "x.json", '{"year": 2023, "unit": {"name": ""}}')
    assert load_error(path) == f"{path}:unit.name: 单位基本情况 › 预算单位名称：不能为空"


def test_json_syntax_error_names_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "x.json", '{"year": 2023,\n "unit": }')
    assert load_error(path) == f"{path}:2: JSON 格式错误：Expecting value"


def test_unknown_suffix(tmp_path: Path) -> None:
    path = write(tmp_path, "report.docx", "x")
    assert load_error(path) == (
        f"{path}: 无法识别的文件类型“.docx”：请使用 .yaml、.yml、.json 或 .xlsx")


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "none.yaml"
    assert load_error(path) == f"{path}: 文件不存在"


@pytest.mark.parametrize(("name", "content"), [
    ("empty.yaml", ""), ("blank.yml", "  \n\n"), ("empty.json", ""), ("empty.xlsx", b""),
    ("comments.yaml", "# 只有注释\n"),
])
def test_empty_file(tmp_path: Path, name: str, content: str | bytes) -> None:
    path = write(tmp_path, name, content)
    assert load_error(path) == f"{path}: 文件为空"


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = write(tmp_path, "gbk.yaml", "year: 2023\nunit:\n  name: 某单位\n".encode("gbk"))
    assert load_error(path) == f"{path}: 文件不是 UTF-8 编码的文本"


def test_utf8_with_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.yaml", "\ufeffyear: 2023\nunit:\n  name: 某单位\n")
    assert load_evaluation(path).evaluation.year == 2023


def test_loaded_evaluation_is_frozen_and_says_where_it_came_from() -> None:
    loaded = load_evaluation(EXAMPLE)
    assert isinstance(loaded, LoadedEvaluation)
    assert (loaded.file, loaded.format) == (str(EXAMPLE), "yaml")
    assert loaded.evaluation.unit.name == "岳阳市洞庭新城项目建设岳阳楼区工作部"
    with pytest.raises(dataclasses.FrozenInstanceError):
        loaded.file = "other.yaml"  # type: ignore[misc]
    with pytest.raises(TypeError):
        loaded.source["year"] = Place()  # type: ignore[index]


def test_json_duplicate_key_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "x.json", '{"year": 2023, "year": 2024}')
    assert load_error(path) == f"{path}: 字段“year”重复"
