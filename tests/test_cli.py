"""The `jixiao` command end to end: real files in, exact output and exit codes out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.checks import catalogue
from jixiao.cli import app
from jixiao.extract.evaluation.importing import import_report, import_yaml

EXAMPLE = Path(__file__).parents[1] / "examples" / "dongting-2023.yaml"
runner = CliRunner()


def test_score_shows_the_rule_total_next_to_the_stated_one() -> None:
    result = runner.invoke(app, ["score", str(EXAMPLE)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "规则总分 93.00，等次 优；单位自评总分 99" in result.output
    assert "财政供养人员控制率（附件1）" in result.output


def test_check_text_output_is_path_line_code_message(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(EXAMPLE)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(line.startswith(f"{EXAMPLE}:") and " JX-SCORE-002 错误: 附件2自评得分合计 99分 与各项得分之和 93分 不一致（相差 6分）" in line
               for line in lines)
    assert lines[-1] == f"{EXAMPLE}: 4 个错误，6 个警告，2 条提示；其中控制性事项 4 条"


def test_check_json_follows_the_finding_contract() -> None:
    result = runner.invoke(app, ["check", "--format", "json", str(EXAMPLE)])
    assert result.exit_code == 1
    payload = json.loads(result.output)
    assert (payload["file"], payload["format"], payload["template"]) == (
        str(EXAMPLE), "yaml", "yueyanglou-2024")
    assert payload["summary"] == {"error": 4, "warning": 6, "info": 2, "control": 4}
    first = payload["findings"][0]
    assert set(first) == {"code", "severity", "message", "stated", "expected", "expected_range",
                          "terms", "where", "evidence", "fingerprint", "kind"}
    kinds = [(f["code"], f["kind"]) for f in payload["findings"] if f["kind"] == "control"]
    assert [code for code, _ in kinds] == ["JX-SAME-001", "JX-CTRL-001", "JX-CTRL-001", "JX-CTRL-001"]
    assert {f["kind"] for f in payload["findings"] if f["severity"] == "error"} == {"inconsistency"}


def test_several_files_give_a_list_and_a_broken_file_its_own_error(tmp_path: Path) -> None:
    broken = tmp_path / "坏文件.yaml"
    broken.write_text("year: 2023\nunit: [\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "--format", "json", str(EXAMPLE), str(broken)])
    assert result.exit_code == 2
    first, second = json.loads(result.output)
    assert first["summary"]["error"] == 4
    assert second == {"file": str(broken), "format": "yaml", "error": {
        "code": "JX-INPUT-001",
        "message": "YAML 格式错误（第 1 列）：缺少值：列表或映射没有写完",
        "english": "YAML syntax error: while parsing a flow node；expected the node content, but found '<stream end>'",
        "where": {"line": 3}}}


def test_a_missing_file_is_exit_2_with_a_chinese_message(tmp_path: Path) -> None:
    missing = tmp_path / "没有.yaml"
    result = runner.invoke(app, ["check", str(missing)])
    assert (result.exit_code, result.output) == (2, f"{missing}: 文件不存在\n")


def test_bad_usage_is_exit_2() -> None:
    assert runner.invoke(app, ["check", "--format", "pdf", str(EXAMPLE)]).exit_code == 2
    assert runner.invoke(app, ["score"]).exit_code == 2


def test_an_unknown_profile_is_exit_2() -> None:
    result = runner.invoke(app, ["score", "--profile", "nowhere", str(EXAMPLE)])
    assert result.exit_code == 2
    assert "评分规则“nowhere”：不存在" in result.output


def test_the_variant_profile_scores_the_same_data_differently() -> None:
    result = runner.invoke(app, ["score", "--profile", "provincial-banded-2024", str(EXAMPLE)],
                           env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    # 执行率 20 (band ≥95%) + 产出 49 of 50 rescaled to 40 → 39.2 + 效益 24 of 24 → 30 + 满意度 10
    assert "规则总分 99.20，等次 优" in result.output


def test_rules_lists_the_catalogue_in_text_and_json() -> None:
    text = runner.invoke(app, ["rules"]).output
    assert all(rule.code in text for rule in catalogue())
    assert text.splitlines()[0] == "JX-SUM-001  错误  基本支出与其构成"  # code names only in JSON
    assert not {"error", "warning", "info"} & set(text.split())
    rows = json.loads(runner.invoke(app, ["rules", "--format", "json"]).output)
    assert [row["code"] for row in rows] == [rule.code for rule in catalogue()]
    assert rows[0] == {"code": "JX-SUM-001", "severity": "error", "title": "基本支出与其构成",
                       "description": "报告二（一）：基本支出 = 人员经费 + 公用经费 + 对个人和家庭的补助。"}


def test_schema_is_the_json_schema_of_the_evaluation(tmp_path: Path) -> None:
    target = tmp_path / "schema.json"
    assert runner.invoke(app, ["schema", "-o", str(target)]).exit_code == 0
    schema = json.loads(target.read_text("utf-8"))
    assert schema["title"] == "Evaluation"
    assert schema["required"] == ["year", "unit"]
    assert schema["$defs"]["Indicator"]["properties"]["nature"]["anyOf"][0]["$ref"] == (
        "#/$defs/IndicatorNature")


def test_new_writes_a_workbook_that_reads_back(tmp_path: Path) -> None:
    target = tmp_path / "填报.xlsx"
    result = runner.invoke(app, ["new", "-o", str(target)])
    assert result.exit_code == 0, result.output
    blank = runner.invoke(app, ["check", str(target)])   # read back: only the required cells
    assert (blank.exit_code, blank.output.splitlines()) == (2, [
        f"{target}:基本情况!B3: 年度：必须填写", f"{target}:基本情况!B4: 单位基本情况：必须填写"])
    refused = runner.invoke(app, ["new", "-o", str(tmp_path / "x.docx")])
    assert refused.exit_code == 2
    assert "输出文件须为 .xlsx" in refused.output


@pytest.mark.parametrize(("command", "summary"), [
    (["--help"], "预算绩效自评：录入、计算、评分与校验。"),
    (["new", "--help"], "写出一个空白的填报工作簿（按报告模板）：每部分一张工作表，附填写说明和下拉选项；共有的数字只填一次。"),
    (["rules", "--help"], "列出规则目录：代码、严重程度、名称和说明。"),
])
def test_help_is_in_chinese(command: list[str], summary: str) -> None:
    result = runner.invoke(app, command, env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert summary in result.output


def test_an_unknown_template_names_the_known_ones(tmp_path: Path) -> None:
    result = runner.invoke(app, ["new", "-o", str(tmp_path / "x.xlsx"), "--template", "无此模板"],
                           env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert ("没有报告模板“无此模板”的填报工作簿"
            "（现有：yueyanglou-2024、dingcheng-2023、yueyang-finance-2021、national-project）"
            in result.output)
    assert not (tmp_path / "x.xlsx").exists()


def test_the_installed_command_runs() -> None:
    command = Path(sys.executable).with_name("jixiao")
    finished = subprocess.run([str(command), "check", str(EXAMPLE)], capture_output=True,
                              text=True, check=False)
    assert finished.returncode == 1
    assert "JX-DOC-002" in finished.stdout


def test_check_reads_the_prose_of_a_text_report(tmp_path: Path) -> None:
    report = tmp_path / "报告.txt"
    report.write_text("二、一般公共预算支出情况\n"
                      "按支出性质分类：基本支出132.81万元（人员经费114.24万元，公用经费18.47万元）。\n",
                      encoding="gb18030")
    result = runner.invoke(app, ["check", str(report)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{report}:2: JX-TEXT-001 错误: 基本支出 132.81万元 与人员经费、公用经费之和 132.71万元 不一致（相差 0.10万元）",
        "    按支出性质分类：基本支出132.81万元（人员经费114.24万元，公用经费18.47万元）。",
        f"{report}: 1 个错误，0 个警告，0 条提示",
    ]


REPORTS = Path(__file__).parent / "data" / "reports"


def test_import_writes_the_evaluation_a_report_states_and_check_reads_it(tmp_path: Path) -> None:
    report = REPORTS / "dongting-2023.txt"
    target = tmp_path / "洞庭.yaml"
    result = runner.invoke(app, ["import", str(report), "-o", str(target)])
    imported = import_report(report)
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == (f"已写出自评数据：{target}（报告模板：yueyanglou-2024）\n"
                             f"报告中未能读出 {len(imported.missing)} 项，已列在文件开头，请补充后再运行 jixiao check。\n")
    assert target.read_text("utf-8") == import_yaml(imported)
    assert target.read_text("utf-8").startswith(
        "# 由 jixiao import 从 dongting-2023.txt 读出（报告模板：yueyanglou-2024）。\n")
    assert runner.invoke(app, ["check", str(target)]).exit_code == 1   # the report's own errors
    shown = runner.invoke(app, ["import", str(report)])
    assert (shown.exit_code, shown.stdout) == (0, import_yaml(imported))


def test_import_refuses_a_missing_report_and_an_output_that_is_not_yaml(tmp_path: Path) -> None:
    missing = tmp_path / "无.txt"
    result = runner.invoke(app, ["import", str(missing), "-o", str(tmp_path / "x.yaml")])
    assert (result.exit_code, result.stderr) == (2, f"错误：{missing}: 文件不存在\n")
    wrong = runner.invoke(app, ["import", str(REPORTS / "xitang-2024.txt"), "-o", str(tmp_path / "x.json")])
    assert (wrong.exit_code, wrong.stderr) == (2, f"错误：输出文件须为 .yaml 或 .yml：{tmp_path / 'x.json'}\n")
    assert not (tmp_path / "x.yaml").exists()


HEAVY = ("openpyxl", "yaml", "cn2an", "pypdfium2", "docx", "docxtpl", "xlsxwriter",
         "jixiao.model", "jixiao.checks", "jixiao.documents")
"""Libraries and packages slow to import (pydantic is left out: typer itself loads it to read a
command's arguments)."""


def _loaded_by(arguments: list[str]) -> list[str]:
    """The heavy modules a `jixiao` process has imported once it ran ``arguments``."""
    script = ("import sys\nsys.argv = ['jixiao', *sys.argv[1:]]\nfrom jixiao.cli import app\n"
              "try:\n    app()\nexcept SystemExit:\n    pass\n"
              f"print('loaded:' + ','.join(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", script, *arguments], capture_output=True, text=True,
                          check=True)
    return [name for name in done.stderr.strip().splitlines()[-1].removeprefix("loaded:").split(",") if name]


def test_help_and_usage_errors_load_nothing_heavy() -> None:
    assert _loaded_by(["--help"]) == []
    assert _loaded_by(["render", "--help"]) == []
    assert _loaded_by(["check"]) == []  # a usage error: no file given


def test_checking_a_text_report_loads_no_reader_of_another_format(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text("一、基本支出 132.71 万元，其中人员经费 114.24 万元，公用经费 18.47 万元。\n", encoding="utf-8")
    # yaml: the scoring profiles are YAML files; no Excel, PDF, Word or Chinese-numeral library
    assert _loaded_by(["check", str(report)]) == ["yaml", "jixiao.model", "jixiao.checks", "jixiao.documents"]


def test_findings_on_a_workbook_name_their_field_in_chinese() -> None:
    workbook = Path(__file__).resolve().parents[1] / "examples" / "dongting-2023.xlsx"
    lines = runner.invoke(app, ["check", str(workbook)]).output.splitlines()
    at = lines.index(f"{workbook}:附件2!B19: JX-SCORE-002 错误: 附件2自评得分合计 99分 与各项得分之和 93分 不一致（相差 6分）")
    assert lines[at + 1] == "    附件2 单位整体支出绩效自评表 › 总分（自评得分） = 99"
    assert not [line for line in lines if "self_assessment" in line or "finances." in line]
