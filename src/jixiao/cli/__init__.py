"""The `jixiao` command: new, score, check, import, rules, schema, profiles.

Exit codes (docs/design.md): 0 no errors found, 1 errors found, 2 a file could not be read or
the command was used wrongly.
"""

from __future__ import annotations

import json
import os
import signal
import threading
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from jixiao.cli.chinese import ChineseGroup
from jixiao.cli.options import ForceOption, ProgressOption, fail, reported
from jixiao.cli.render_commands import register_render_commands
from jixiao.cli.serve_command import register_serve_commands
from jixiao.io import DEFAULT_TEMPLATE
from jixiao.io.visible import visible

if TYPE_CHECKING:
    from rich.console import Console

    from jixiao.checks.related import Related
    from jixiao.io.load import LoadedEvaluation
    from jixiao.model import Evaluation
    from jixiao.profiles import Profile

# Everything else is imported by the command that needs it: `jixiao --help` and a command's
# usage errors start without loading pydantic, openpyxl or the rule catalogue.

def _terminated(signum: int, frame: object) -> None:
    """SIGTERM ends jixiao as Ctrl-C does: through its cleanups (LibreOffice's process group
    killed, temporary folders removed), with exit code 143."""
    raise SystemExit(128 + signum)


if threading.current_thread() is threading.main_thread():
    signal.signal(signal.SIGTERM, _terminated)

app = typer.Typer(
    name="jixiao",
    cls=ChineseGroup,
    help="预算绩效自评：录入、计算、评分与校验。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _console(stderr: bool = False) -> Console:
    """A console made when needed, so it sees the terminal (or test runner) it writes to."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)



class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


class CheckFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    HTML = "html"


ProfileOption = Annotated[str | None, typer.Option(
    "--profile", help="评分规则（默认用文件中 profile 字段）；可选值见 `jixiao profiles`。")]


def _load(path: Path) -> LoadedEvaluation:
    from jixiao.io.load import load_evaluation

    with reported():
        return load_evaluation(path)


def _profile(profile_id: str | None, evaluation: Evaluation) -> Profile:
    from jixiao.profiles import load_profile

    with reported():
        return load_profile(profile_id or evaluation.profile)


@app.command()
def new(
    output: Annotated[Path, typer.Option("-o", "--output", help="要写出的填报工作簿（.xlsx）。")],
    template: Annotated[str, typer.Option(
        "--template",
        help="报告模板（见 `jixiao templates list`）：每个模板都有自己的填报工作簿。")] = DEFAULT_TEMPLATE,
    force: ForceOption = False,
) -> None:
    """写出一个空白的填报工作簿（按报告模板）：每部分一张工作表，附填写说明和下拉选项；共有的数字只填一次。"""
    from jixiao.io.output import writing
    from jixiao.io.workbook.writer import write_workbook

    if output.suffix.lower() != ".xlsx":
        raise fail(f"输出文件须为 .xlsx：{output}")
    with reported(), writing(output, force=force) as temporary:  # an unknown template names the known ones
        write_workbook(temporary, None, template)
    typer.echo(f"已写出空白填报工作簿：{visible(output)}")


@app.command()
def score(
    file: Annotated[Path, typer.Argument(help="自评数据文件（.yaml、.json 或 .xlsx）。")],
    profile: ProfileOption = None,
) -> None:
    """计算派生数据和每项指标、各一级指标、总分与等次（单位自评得分并列显示，不被覆盖）。"""
    from jixiao.cli.score_view import show_scorecard
    from jixiao.scoring import score_evaluation

    loaded = _load(file)
    evaluation = loaded.evaluation
    scorecard = score_evaluation(evaluation, _profile(profile, evaluation))
    show_scorecard(_console(), f"{evaluation.year} 年度 {evaluation.unit.name}", scorecard)


@app.command()
def check(
    files: Annotated[list[Path], typer.Argument(
        help="报告文件（.txt、.docx 等，校验正文所述的合计、占比与增减）、自评数据文件（.yaml、.json、.xlsx）"
             "或文件夹（校验其中所有这些文件）。")],
    output_format: Annotated[CheckFormat, typer.Option("--format", help="输出格式。")] = CheckFormat.TEXT,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="写入文件；默认输出到终端。")] = None,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1,
        help="同时校验的进程数（默认为 CPU 核数）；每个文件限时 120 秒、内存 1024 MB。")] = None,
    progress: Annotated[bool | None, typer.Option(
        "--progress/--no-progress",
        help="在标准错误上显示进度条：文件数，以及 PDF 读取（含 OCR）的页数（默认：在终端时显示）。")] = None,
    profile: ProfileOption = None,
    force: ForceOption = False,
    show_passed: Annotated[bool, typer.Option(
        "--all", help="同时列出核对相符的关系（JSON 中的 passed），"
                      "并给出“核对 N 项关系，M 项相符”。")] = False,
    previous: Annotated[Path | None, typer.Option(
        "--previous", help="本单位上年度（已审核）的自评数据文件：核对本年填报的上年数"
                           "（附件1 上年决算数、三公经费同比的上年数）。")] = None,
    units: Annotated[list[Path] | None, typer.Option(
        "--unit", metavar="<path>", help="所属单位本年度的自评数据文件或文件夹（可重复）：核对主管部门的合计"
                       "是否等于各单位之和。")] = None,
) -> None:
    """校验报告正文中的数字关系，或按规则目录校验自评数据；有错误时退出码为 1，文件无法读取时为 2。"""
    from jixiao.cli.batch import check_all, check_file, expand
    from jixiao.cli.check_html import as_html
    from jixiao.cli.check_view import as_json, as_text, exit_code
    from jixiao.cli.progress import progress_bars
    from jixiao.workers import Budget

    items = expand(files)
    paths = [item for item in items if isinstance(item, Path)]
    related = _related(paths, previous, units or [])
    if output is not None:
        _writable(output, paths, force)
    try:
        with progress_bars(progress, len(paths)) as bars:
            checker = partial(check_file, profile_id=profile, passed=show_passed, related=related)
            checked = iter(check_all(paths, checker, jobs or os.cpu_count() or 1, bars.file_done,
                                     budget=Budget(), on_progress=bars.for_file))
    except (KeyboardInterrupt, SystemExit) as stop:  # Ctrl-C, or SIGTERM (exit 143): workers killed
        _console(stderr=True).print("已中断：未输出结果")
        code = stop.code if isinstance(stop, SystemExit) and isinstance(stop.code, int) else 130
        raise typer.Exit(code) from None
    results = [next(checked) if isinstance(item, Path) else item for item in items]
    if output_format is CheckFormat.JSON:
        text = as_json(results, listed=len(files) > 1 or any(path.is_dir() for path in files)) + "\n"
    elif output_format is CheckFormat.HTML:
        text = as_html(results)
    else:
        text = "".join(as_text(result) for result in results)
    if output is None:
        typer.echo(text, nl=False)
    else:
        _write_text(output, text, paths, force)
        typer.echo(f"已写出校验结果：{visible(output)}", err=True)
    raise typer.Exit(exit_code(results))


def _related(paths: list[Path], previous: Path | None, units: list[Path]) -> Related | None:
    """The evaluations of ``--previous`` and ``--unit``, read before any check; ``None``
    without them."""
    from jixiao.cli.batch import EVALUATION_SUFFIXES, related_files

    if previous is None and not units:
        return None
    if len(paths) != 1 or paths[0].suffix.lower() not in EVALUATION_SUFFIXES:
        raise fail("--previous 和 --unit 只能用于校验一个自评数据文件（.yaml、.yml、.json 或 .xlsx）")
    with reported():
        related = related_files(previous, units)
    if units and not related.units:
        raise fail(f"--unit 所给的文件夹中没有自评数据文件：{'、'.join(map(str, units))}")
    return related


def _writable(output: Path, inputs: list[Path], force: bool) -> None:
    """Refuse a bad output before the work, not after it."""
    from jixiao.io.output import check_target

    with reported():
        check_target(output, inputs=inputs, force=force)


def _write_text(output: Path, text: str, inputs: list[Path], force: bool) -> None:
    from jixiao.io.output import write_text

    with reported():
        write_text(output, text, inputs=inputs, force=force)


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="报告文件（.txt、.docx、.pdf 等）。")],
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="要写出的自评数据文件（.yaml）；默认输出到终端。")] = None,
    force: ForceOption = False,
    progress: ProgressOption = None,
) -> None:
    """从报告读出自评数据，写成 YAML：数值按报告原样写出，读不出的内容列在文件开头。"""
    from jixiao.cli.progress import shown_progress
    from jixiao.extract.evaluation.importing import import_report, import_yaml, write_import
    from jixiao.io.output import check_target

    if output is not None and output.suffix.lower() not in {".yaml", ".yml"}:
        raise fail(f"输出文件须为 .yaml 或 .yml：{output}")
    with reported():
        if output is not None:
            check_target(output, inputs=[file], force=force)
        with shown_progress(progress):
            result = import_report(file)
        if output is None:
            typer.echo(import_yaml(result), nl=False)
            return
        write_import(result, output, force=force)
    typer.echo(f"已写出自评数据：{visible(output)}（报告模板：{result.template or '未识别'}）", err=True)
    if result.missing:
        typer.echo(f"报告中未能读出 {len(result.missing)} 项，已列在文件开头，请补充后再运行 jixiao check。",
                   err=True)


@app.command()
def rules(
    output_format: Annotated[OutputFormat, typer.Option("--format", help="输出格式。")] = (
        OutputFormat.TEXT),
) -> None:
    """列出规则目录：代码、严重程度、名称和说明。"""
    from jixiao.checks import catalogue

    if output_format is OutputFormat.JSON:
        catalogue_rows = [{"code": r.code, "severity": r.severity.value, "title": r.title,
                           "description": r.description} for r in catalogue()]
        typer.echo(json.dumps(catalogue_rows, ensure_ascii=False, indent=2))
        return
    for rule in catalogue():
        typer.echo(f"{rule.code}  {rule.severity.chinese}  {rule.title}\n    {rule.description}")


@app.command()
def schema(
    output: Annotated[Path | None, typer.Option("-o", "--output", help="写入文件；默认输出到终端。")] = None,
    force: ForceOption = False,
) -> None:
    """输出自评数据的 JSON Schema。"""
    from jixiao.model import Evaluation

    text = json.dumps(Evaluation.model_json_schema(), ensure_ascii=False, indent=2)
    if output is None:
        typer.echo(text)
    else:
        _write_text(output, text + "\n", [], force)
        typer.echo(f"已写出 JSON Schema：{visible(output)}")


@app.command()
def profiles() -> None:
    """列出可用的评分规则。"""
    from jixiao.profiles import available_profiles, load_profile

    for profile_id in available_profiles():
        profile = load_profile(profile_id)
        weights = " + ".join(f"{name} {weight}" for name, weight in profile.block_weights.items())
        typer.echo(f"{profile.id}  {profile.name}\n    {weights}；不适用：{profile.not_applicable.value}")


register_render_commands(app)
register_serve_commands(app)
