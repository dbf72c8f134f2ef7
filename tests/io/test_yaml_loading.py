"""YAML input: numbers exactly as written, never a float, and every error at its line."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from jixiao.findings import Place
from jixiao.io.errors import InputError
from jixiao.io.load import load_evaluation
from jixiao.io.yaml_loader import read_yaml

EXAMPLE = Path(__file__).parents[2] / "examples" / "dongting-2023.yaml"
MINIMAL = "year: 2023\nunit:\n  name: 某单位\n"


def write(tmp_path: Path, text: str, name: str = "x.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def floats_in(data: Any) -> list[Any]:
    if isinstance(data, dict):
        return [found for value in data.values() for found in floats_in(value)]
    if isinstance(data, list):
        return [found for value in data for found in floats_in(value)]
    return [data] if isinstance(data, float) else []


def test_decimals_are_kept_as_written() -> None:
    data, _ = read_yaml("a: 132.71\nb: 5.00\nc: 5\nd: .5\ne: -0.10\n", "x.yaml")
    assert data == {"a": Decimal("132.71"), "b": Decimal("5.00"), "c": 5, "d": Decimal("0.5"),
                    "e": Decimal("-0.10")}
    assert str(data["b"]) == "5.00"
    assert str(data["e"]) == "-0.10"


def test_no_float_is_ever_created() -> None:
    data, _ = read_yaml(EXAMPLE.read_text(encoding="utf-8"),
                        "dongting-2023.yaml")
    assert floats_in(data) == []


def test_written_forms_that_are_not_numbers_stay_text() -> None:
    text = "phone: 0730-1234567\ncode: 010\ndate: 2024-03-01\nnature: =\ntime: 1:30\nn: 1_000\n"
    data, _ = read_yaml(text, "x.yaml")
    assert data == {"phone": "0730-1234567", "code": "010", "date": "2024-03-01", "nature": "=",
                    "time": "1:30", "n": "1_000"}


def test_stated_numbers_keep_their_decimals(tmp_path: Path) -> None:
    text = MINIMAL + "self_assessment:\n  funds:\n    actual: 5.00\n    full_year_budget: 132.71\n"
    funds = load_evaluation(write(tmp_path, text)).evaluation.self_assessment.funds
    assert funds.actual is not None and funds.full_year_budget is not None
    assert (funds.actual.value, funds.actual.decimals) == (Decimal("5.00"), 2)
    assert (funds.full_year_budget.value, funds.full_year_budget.decimals) == (
        Decimal("132.71"), 2)


def test_numbers_in_text_fields_are_their_text(tmp_path: Path) -> None:
    text = MINIMAL + ("sign_off:\n  phone: 13812345678\nself_assessment:\n  indicators:\n"
                      "    - {level1: 产出指标, target: 32, actual: 32.50, weight: 6}\n")
    evaluation = load_evaluation(write(tmp_path, text)).evaluation
    assert evaluation.sign_off.phone == "13812345678"
    indicator = evaluation.self_assessment.indicators[0]
    assert (indicator.target, indicator.actual) == ("32", "32.50")


@pytest.mark.parametrize("written", ["1.3e2", ".inf", "-.inf", ".nan", "1E5"])
def test_scientific_notation_and_infinity_are_refused_with_their_line(
        tmp_path: Path, written: str) -> None:
    path = write(tmp_path, MINIMAL + f"self_assessment:\n  funds:\n    actual: {written}\n")
    with pytest.raises(InputError) as caught:
        load_evaluation(path)
    assert caught.value.describe() == (
        f"{path}:6: 金额须按书面写法填写（如 132.71），不能使用科学计数法或 .inf、.nan：“{written}”")
    assert caught.value.place == Place(path="self_assessment.funds.actual", line=6)


def test_every_validation_error_is_reported_with_its_title_and_line(tmp_path: Path) -> None:
    text = """\
year: 2023
unit:
  name: 某单位
self_assessment:
  funds:
    actual: -5
  indicators:
    - level1: 产出指标
      weight: 6
    - level1: 产出指标
      weight: 六分
    - nature: 大于
      weight: 6
      colour: red
"""
    path = write(tmp_path, text, "bad.yaml")
    with pytest.raises(InputError) as caught:
        load_evaluation(path)
    assert caught.value.describe().splitlines() == [
        f"{path}:6: 附件2 单位整体支出绩效自评表 › 年度资金总额 › 全年执行数：金额不能为负数：-5",
        f"{path}:11: 附件2 单位整体支出绩效自评表 › 绩效指标 第2行 › 分值：“六分”不是一个数值",
        f"{path}:12: 附件2 单位整体支出绩效自评表 › 绩效指标 第3行 › 一级指标：必须填写",
        f"{path}:12: 附件2 单位整体支出绩效自评表 › 绩效指标 第3行 › 指标性质："
        "“大于”不是可选值，应为：≥、≤、=、定性、不适用",
        f"{path}:14: 附件2 单位整体支出绩效自评表 › 绩效指标 第3行 › colour：无法识别的字段（请检查拼写）",
    ]
    assert [problem.place.path for problem in caught.value.problems] == [
        "self_assessment.funds.actual",
        "self_assessment.indicators[1].weight",
        "self_assessment.indicators[2].level1",
        "self_assessment.indicators[2].nature",
        "self_assessment.indicators[2].colour",
    ]


def test_a_missing_required_section_points_at_the_top(tmp_path: Path) -> None:
    path = write(tmp_path, "year: 二〇二三\n")
    with pytest.raises(InputError) as caught:
        load_evaluation(path)
    assert caught.value.describe().splitlines() == [
        f"{path}:1: 年度：应填写整数",
        f"{path}:1: 单位基本情况：必须填写",
    ]


def test_source_map_has_the_line_of_every_field(tmp_path: Path) -> None:
    text = MINIMAL + "self_assessment:\n  indicators:\n    - level1: 产出指标\n      weight: 6\n"
    source = load_evaluation(write(tmp_path, text)).source
    assert source["year"] == Place(path="year", line=1)
    assert source["unit.name"] == Place(path="unit.name", line=3)
    assert source["self_assessment.indicators[0]"] == Place(
        path="self_assessment.indicators[0]", line=6)
    assert source["self_assessment.indicators[0].weight"] == Place(
        path="self_assessment.indicators[0].weight", line=7)


def test_yaml_syntax_error_names_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL + "self_assessment: [1, 2\n")
    with pytest.raises(InputError) as caught:
        load_evaluation(path)
    assert caught.value.describe() == (
        f"{path}:5: YAML 格式错误（第 1 列）：方括号列表缺少“,”或“]”")


def test_duplicate_key_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL + "year: 2024\n")
    with pytest.raises(InputError) as caught:
        load_evaluation(path)
    assert caught.value.describe() == f"{path}:4: 字段“year”重复"


def test_python_tags_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL + "title: !!python/object/apply:os.getcwd []\n")
    with pytest.raises(InputError) as caught:
        load_evaluation(path)
    assert caught.value.describe() == (
        f"{path}:4: 不支持的 YAML 标签“tag:yaml.org,2002:python/object/apply:os.getcwd”")


def test_python_tags_on_scalars_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL + "title: !!python/name:os.getcwd ''\n")
    with pytest.raises(InputError) as caught:
        load_evaluation(path)
    assert caught.value.describe() == (
        f"{path}:4: YAML 格式错误（第 8 列）：不支持的 YAML 标签“tag:yaml.org,2002:python/name:os.getcwd”")


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    path = write(tmp_path, "- 2023\n")
    with pytest.raises(InputError) as caught:
        load_evaluation(path)
    assert caught.value.describe() == (
        f"{path}:1: 文件内容应为一组字段（year、unit、self_assessment …）")


def test_a_key_must_be_text(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL + "1.3e2: x\n")
    with pytest.raises(InputError) as caught:
        load_evaluation(path)
    assert caught.value.describe() == f"{path}:4: 字段名应为文字"
