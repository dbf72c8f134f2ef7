"""The `jixiao` command: new, score, check, rules, schema, profiles.

Exit codes (docs/design.md): 0 no errors found, 1 errors found, 2 a file could not be read or
the command was used wrongly.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from jixiao.audit import audit_file
from jixiao.checks import catalogue, run_checks
from jixiao.cli.check_view import FileResult, as_json, as_text, exit_code
from jixiao.cli.score_view import show_scorecard
from jixiao.io.errors import InputError
from jixiao.io.load import LoadedEvaluation, load_evaluation
from jixiao.io.workbook_layout import DEFAULT_TEMPLATE
from jixiao.model import Evaluation
from jixiao.profiles import Profile, ProfileError, available_profiles, load_profile
from jixiao.scoring import score_evaluation

app = typer.Typer(
    name="jixiao",
    help="预算绩效自评：录入、计算、评分与校验。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _console(stderr: bool = False) -> Console:
    """A console made when needed, so it sees the terminal (or test runner) it writes to."""
    return Console(stderr=stderr, highlight=False)



class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


ProfileOption = Annotated[str | None, typer.Option(
    "--profile", help="评分规则（默认用文件中 profile 字段）；可选值见 `jixiao profiles`。")]


def _fail(message: str) -> typer.Exit:
    _console(stderr=True).print(f"[red]错误：[/red]{message}", soft_wrap=True)  # paths stay whole
    return typer.Exit(2)


def _load(path: Path) -> LoadedEvaluation:
    try:
        return load_evaluation(path)
    except InputError as error:
        raise _fail(error.describe()) from None


def _profile(profile_id: str | None, evaluation: Evaluation) -> Profile:
    try:
        return load_profile(profile_id or evaluation.profile)
    except ProfileError as error:
        raise _fail(str(error)) from None


@app.command()
def new(
    output: Annotated[Path, typer.Option("-o", "--output", help="要写出的填报工作簿（.xlsx）。")],
    template: Annotated[str, typer.Option("--template", help="报告模板。")] = DEFAULT_TEMPLATE,
) -> None:
    """写出一个空白的填报工作簿：每部分一张工作表，附填写说明和下拉选项。"""
    from jixiao.io.workbook_writer import write_workbook

    if output.suffix.lower() != ".xlsx":
        raise _fail(f"输出文件须为 .xlsx：{output}")
    try:
        write_workbook(output, None, template)
    except InputError as error:  # an unknown template: its layout names the known ones
        raise _fail(error.describe()) from None
    _console().print(f"已写出空白填报工作簿：{output}")


@app.command()
def score(
    file: Annotated[Path, typer.Argument(help="自评数据文件（.yaml、.json 或 .xlsx）。")],
    profile: ProfileOption = None,
) -> None:
    """计算派生数据和每项指标、各一级指标、总分与等次（单位自评得分并列显示，不被覆盖）。"""
    loaded = _load(file)
    evaluation = loaded.evaluation
    scorecard = score_evaluation(evaluation, _profile(profile, evaluation))
    show_scorecard(_console(), f"{evaluation.year} 年度 {evaluation.unit.name}", scorecard)


@app.command()
def check(
    files: Annotated[list[Path], typer.Argument(
        help="自评数据文件（.yaml、.json、.xlsx）或报告文件（.txt、.docx，校验正文所述的合计、占比与增减）。")],
    output_format: Annotated[OutputFormat, typer.Option("--format", help="输出格式。")] = (
        OutputFormat.TEXT),
    profile: ProfileOption = None,
) -> None:
    """按规则目录校验自评数据，或校验报告正文中的数字关系；有错误时退出码为 1，文件无法读取时为 2。"""
    results = [_check_one(path, profile) for path in files]
    if output_format is OutputFormat.JSON:
        typer.echo(as_json(results))
    else:
        for result in results:
            typer.echo(as_text(result), nl=False)
    raise typer.Exit(exit_code(results))


REPORT_SUFFIXES = frozenset({".txt", ".docx"})
"""Report files: their prose is read for stated relations (evaluation data is YAML/JSON/xlsx)."""


def _check_one(path: Path, profile_id: str | None) -> FileResult:
    kind = path.suffix.lower().lstrip(".")
    if path.suffix.lower() in REPORT_SUFFIXES:
        return _check_report(path)
    try:
        loaded = load_evaluation(path)
        chosen = load_profile(profile_id or loaded.evaluation.profile)
    except InputError as error:
        return FileResult(str(path), kind, error=error)
    except ProfileError as error:
        return FileResult(str(path), kind, error=InputError(str(error), file=str(path),
                                                            english="unknown scoring profile"))
    findings = run_checks(loaded.evaluation, chosen, loaded.source)
    return FileResult(str(path), loaded.format, loaded.evaluation.template, findings)


def _check_report(path: Path) -> FileResult:
    """A report's text: the sums, shares and changes it states, checked with rounding in mind."""
    try:
        audit = audit_file(path)
    except InputError as error:
        return FileResult(str(path), path.suffix.lower().lstrip("."), error=error)
    return FileResult(str(path), audit.document.format, audit.template, audit.findings)


@app.command()
def rules(
    output_format: Annotated[OutputFormat, typer.Option("--format", help="输出格式。")] = (
        OutputFormat.TEXT),
) -> None:
    """列出规则目录：代码、严重程度、名称和说明。"""
    catalogue_rows = [{"code": r.code, "severity": r.severity.value, "title": r.title,
                       "description": r.description} for r in catalogue()]
    if output_format is OutputFormat.JSON:
        typer.echo(json.dumps(catalogue_rows, ensure_ascii=False, indent=2))
        return
    for row in catalogue_rows:
        typer.echo(f"{row['code']}  {row['severity']:<7}  {row['title']}\n    {row['description']}")


@app.command()
def schema(
    output: Annotated[Path | None, typer.Option("-o", "--output", help="写入文件；默认输出到终端。")] = None,
) -> None:
    """输出自评数据的 JSON Schema。"""
    text = json.dumps(Evaluation.model_json_schema(), ensure_ascii=False, indent=2)
    if output is None:
        typer.echo(text)
    else:
        output.write_text(text + "\n", encoding="utf-8")
        _console().print(f"已写出 JSON Schema：{output}")


@app.command()
def profiles() -> None:
    """列出可用的评分规则。"""
    for profile_id in available_profiles():
        profile = load_profile(profile_id)
        weights = " + ".join(f"{name} {weight}" for name, weight in profile.block_weights.items())
        typer.echo(f"{profile.id}  {profile.name}\n    {weights}；不适用：{profile.not_applicable.value}")
