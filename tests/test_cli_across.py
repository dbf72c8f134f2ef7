"""`jixiao check --previous` and `--unit`: the cross checks from the command line, exact output."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from jixiao.cli import app

runner = CliRunner()

THIS_YEAR = """year: 2023
template: dingcheng-2023
unit:
  name: 示例单位
basic_data:
  three_public:
    total:
      prior_actual: 12.50
      budget: 13.00
      actual: 12.90
"""


def _evaluation(folder: Path, name: str, year: int, unit: str, body: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"year: {year}\ntemplate: dingcheng-2023\nunit:\n  name: {unit}\n{body}",
                    encoding="utf-8")
    return path


def _last_year(folder: Path, actual: str, year: int = 2022) -> Path:
    return _evaluation(folder, "last.yaml", year, "示例单位",
                       f"basic_data:\n  three_public:\n    total:\n      actual: {actual}\n")


def test_a_changed_prior_figure_is_shown_with_both_places(tmp_path: Path) -> None:
    this, last = tmp_path / "this.yaml", _last_year(tmp_path, "12.80")
    this.write_text(THIS_YEAR, encoding="utf-8")
    result = runner.invoke(app, ["check", str(this), "--previous", str(last)])
    assert (result.exit_code, result.output) == (1, (
        f"{this}:8: JX-PRIOR-001 错误: 附件1 三公经费上年决算数 12.50万元 与上年度自评附件1 三公经费本年决算数 "
        "12.80万元 不一致（相差 0.30万元）\n"
        "    prior_actual: 12.50\n"
        f"    对照 {last}:8: actual: 12.80\n"
        f"{this}: 已与上年度自评“{last}”核对上年数\n"
        f"{this}: 1 个错误，0 个警告，0 条提示\n"))


def test_the_json_gives_the_other_place_and_what_was_compared(tmp_path: Path) -> None:
    this, last = tmp_path / "this.yaml", _last_year(tmp_path, "12.80")
    this.write_text(THIS_YEAR, encoding="utf-8")
    payload = json.loads(runner.invoke(app, ["check", "--format", "json", str(this),
                                             "--previous", str(last)]).output)
    [finding] = payload["findings"]
    assert finding["where"]["line"] == 8 and finding["where"]["report"] is None
    assert finding["terms"] == [{"label": "上年度自评附件1 三公经费本年决算数", "value": "12.80", "where": {
        "path": "basic_data.three_public.total.actual", "sheet": None, "cell": None, "page": None,
        "paragraph": None, "table": None, "row": None, "col": None, "line": 8, "start": None,
        "end": None, "report": str(last)}}]
    assert payload["related"] == [f"已与上年度自评“{last}”核对上年数"]


def test_rounding_is_no_finding_and_last_year_of_another_year_is_not_compared(tmp_path: Path) -> None:
    this = tmp_path / "this.yaml"
    this.write_text(THIS_YEAR.replace("12.50", "12.5"), encoding="utf-8")
    same = runner.invoke(app, ["check", str(this), "--previous", str(_last_year(tmp_path, "12.50"))])
    assert (same.exit_code, same.output.splitlines()[-1]) == (0, f"{this}: 0 个错误，0 个警告，0 条提示")
    older = _last_year(tmp_path / "older", "12.80", year=2021)
    skipped = runner.invoke(app, ["check", str(this), "--previous", str(older)])
    assert (skipped.exit_code, skipped.output) == (0, (
        f"{this}: “{older}”是 2021 年度的自评，不是上年度（2022 年度）的，未核对上年数\n"
        f"{this}: 0 个错误，0 个警告，0 条提示\n"))


def test_a_department_against_the_sum_of_its_units_files(tmp_path: Path) -> None:
    staff = "  staffing:\n    authorized: {}\n    actual: {}\n"
    department = _evaluation(tmp_path, "dept.yaml", 2023, "区教育局", staff.format(30, 28))
    first = _evaluation(tmp_path, "units/一中.yaml", 2023, "区第一中学", staff.format(20, 18))
    second = _evaluation(tmp_path, "units/二中.yaml", 2023, "区第二中学", staff.format(10, 9))
    result = runner.invoke(app, ["check", str(department), "--unit", str(tmp_path / "units")])
    assert (result.exit_code, result.output) == (1, (
        f"{department}:7: JX-DEPT-001 错误: 实际在职人数 28人 与所属 2 个单位的实际在职人数之和 27人 "
        "不一致（相差 1人）\n"
        "    actual: 28\n"
        f"    对照 {first}:7: actual: 18\n"
        f"    对照 {second}:7: actual: 9\n"
        f"{department}: 已与所属 2 个单位的本年度自评核对部门合计\n"
        f"{department}: 1 个错误，0 个警告，0 条提示\n"))
    one_by_one = runner.invoke(app, ["check", str(department), "--unit", str(first), "--unit", str(second)])
    assert one_by_one.output == result.output


def test_the_options_need_one_evaluation_file_and_readable_others(tmp_path: Path) -> None:
    this = tmp_path / "this.yaml"
    this.write_text(THIS_YEAR, encoding="utf-8")
    two = runner.invoke(app, ["check", str(this), str(this), "--previous", str(this)])
    assert (two.exit_code, two.output) == (
        2, "错误：--previous 和 --unit 只能用于校验一个自评数据文件（.yaml、.yml、.json 或 .xlsx）\n")
    missing = runner.invoke(app, ["check", str(this), "--previous", str(tmp_path / "无.yaml")])
    assert (missing.exit_code, missing.output) == (2, f"错误：{tmp_path / '无.yaml'}: 文件不存在\n")
    (tmp_path / "空").mkdir()
    empty = runner.invoke(app, ["check", str(this), "--unit", str(tmp_path / "空")])
    assert (empty.exit_code, empty.output) == (2, f"错误：--unit 所给的文件夹中没有自评数据文件：{tmp_path / '空'}\n")
