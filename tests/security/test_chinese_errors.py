"""Input errors are Chinese and located: no English from pydantic or the parsers reaches users."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from jixiao.io.errors import InputError
from jixiao.io.load import load_evaluation

EXAMPLE = Path(__file__).parents[2] / "examples" / "dongting-2023.yaml"


def scrambled(value: object, depth: int = 0) -> object:
    """Every leaf of the example turned into a value of the wrong kind."""
    if isinstance(value, dict):
        return {key: scrambled(item, depth + 1) for key, item in value.items()}
    if isinstance(value, list):
        return [scrambled(item, depth + 1) for item in value[:2]]
    if isinstance(value, str):
        return [[value]]
    return {"x": {"y": value}}


def test_every_validation_message_of_a_scrambled_file_is_chinese(tmp_path: Path) -> None:
    data = scrambled(yaml.safe_load(EXAMPLE.read_text(encoding="utf-8")))
    path = tmp_path / "scrambled.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_evaluation(path)
    assert len(raised.value.problems) > 10
    for problem in raised.value.problems:
        assert problem.place.line is not None
        assert not re.search(r"[A-Za-z]{3,} [a-z]{3,}", problem.message.split("：", 1)[-1]), problem.message


@pytest.mark.parametrize(("kind", "context", "reason"), [
    ("greater_than", {"gt": 0}, "须大于 0"),
    ("decimal_parsing", {}, "应填写数字"),
    ("a_kind_pydantic_adds_later", {}, "填写的值不符合要求"),
])
def test_a_pydantic_error_of_any_kind_reads_in_chinese(kind: str, context: dict[str, object], reason: str) -> None:
    from jixiao.io.validate import _reason

    detail = {"type": kind, "loc": ("year",), "msg": "Input should be something else", "input": 1, "ctx": context}
    assert _reason(detail) == reason  # type: ignore[arg-type]


def test_a_workbook_with_damaged_xml_is_an_input_error(tmp_path: Path) -> None:
    import zipfile

    from typer.testing import CliRunner

    from jixiao.cli import app
    from jixiao.io.workbook.writer import write_workbook

    blank = tmp_path / "blank.xlsx"
    write_workbook(blank, None, "yueyanglou-2024")
    with zipfile.ZipFile(blank) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["xl/worksheets/sheet2.xml"] = members["xl/worksheets/sheet2.xml"][:200] + b"<<broken"
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(damaged, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    runner = CliRunner()
    for command in ("score", "import"):
        result = runner.invoke(app, [command, str(damaged)])
        assert (result.exit_code, result.stderr) == (2, f"错误：{damaged}: 不是有效的 Excel 工作簿（.xlsx）文件\n")
    checked = runner.invoke(app, ["check", str(damaged)])
    assert (checked.exit_code, checked.stdout) == (2, f"{damaged}: 不是有效的 Excel 工作簿（.xlsx）文件\n")
