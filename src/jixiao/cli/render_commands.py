"""`jixiao render` and `jixiao templates`: the report in a region's template, and the templates.

Exit codes: 0 written (warnings such as 未填写 go to stderr), 2 bad input or usage.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from jixiao.cli.options import ForceOption, ProgressOption, fail, reported
from jixiao.io.visible import visible

templates_app = typer.Typer(name="templates", help="报告模板：列出模板，查看模板的章节、附件和可用变量。",
                            no_args_is_help=True)


def render(
    file: Annotated[Path, typer.Argument(help="自评数据文件（.yaml、.json 或 .xlsx）。")],
    output: Annotated[Path, typer.Option("-o", "--output", help="输出文件：.docx、.html、.pdf 或 .xlsx。")],
    template: Annotated[str | None, typer.Option(
        "--template",
        help="报告模板名（见 `jixiao templates list`）或自备的 Word 模板（.docx）路径。")] = None,
    profile: Annotated[str | None, typer.Option(
        "--profile", help="评分规则（默认用文件中 profile 字段）。")] = None,
    force: ForceOption = False,
    progress: ProgressOption = None,
) -> None:
    """按地区模板出具自评报告（Word、HTML、PDF）或附件表（Excel）；缺失的内容标为【未填写】并在此提示。"""
    from jixiao.cli.progress import shown_progress
    from jixiao.io.errors import os_reason
    from jixiao.io.load import load_evaluation
    from jixiao.io.output import check_target
    from jixiao.profiles import load_profile
    from jixiao.render.outputs import OUTPUT_SUFFIXES, render_file
    from jixiao.render.spec import load_template

    suffix = output.suffix.lower()
    if suffix not in OUTPUT_SUFFIXES:
        raise fail(f"输出文件须为 {'、'.join(OUTPUT_SUFFIXES)} 之一：{output}")
    try:
        with reported():
            user_template = _user_template(template)
            inputs = [file] if user_template is None else [file, user_template]
            check_target(output, inputs=inputs, force=force)
            evaluation = load_evaluation(file).evaluation
            chosen = load_profile(profile or evaluation.profile)
            spec = load_template(evaluation.template if template is None or user_template else template)
            with shown_progress(progress):
                warnings = render_file(evaluation, chosen, spec, user_template, output, inputs=[file],
                                       force=force)
    except OSError as error:
        raise fail(f"无法写出 {output}：{os_reason(error)}") from None
    for warning in warnings:
        typer.echo(f"警告：{warning}", err=True)
    pages = f"共 {_pages(output)} 页，" if suffix == ".pdf" else ""
    typer.echo(f"已写出：{visible(output)}（模板 {spec.id}，{pages}{len(warnings)} 条警告）")


def _pages(pdf: Path) -> int:
    from jixiao.render.pdf import page_count

    return page_count(pdf)


def _user_template(template: str | None) -> Path | None:
    if template is None or not template.lower().endswith(".docx"):
        return None
    return Path(template)


@templates_app.command("list")
def list_templates() -> None:
    """列出内置报告模板。"""
    from jixiao.render.spec import available_templates, load_template

    for template_id in available_templates():
        spec = load_template(template_id)
        years = "、".join(str(year) for year in spec.years)
        typer.echo(f"{spec.id}  {spec.name}\n    {spec.region}；适用年度 {years}；评分规则 {spec.profile}")


@templates_app.command("show")
def show_template(
    template: Annotated[str, typer.Argument(help="模板名，或自备 Word 模板（.docx）的路径。")],
) -> None:
    """显示模板的章节、附件和 Word 模板可用的变量；对 .docx 路径，列出其使用的变量并标出未知变量。"""
    from jixiao.render.spec import load_template

    with reported():
        if template.lower().endswith(".docx"):
            _show_user_template(Path(template))
            return
        spec = load_template(template)
    typer.echo(f"{spec.id}  {spec.name}\n地区：{spec.region}\n评分规则：{spec.profile}\n"
               f"Word 模板：{spec.docx}  HTML 模板：{spec.html}\n"
               f"字体：正文 {spec.fonts.body}，标题 {spec.fonts.heading}")
    if spec.sections:
        typer.echo("正文：")
        for section in spec.sections:
            typer.echo(f"  {section.number}、{section.title}（{_SOURCES[section.source.value]}）")
    typer.echo("附件：" if spec.sections else "表格：")
    for attachment in spec.attachments:
        number = f"附件{attachment.number} " if attachment.number else ""
        typer.echo(f"  {number}{attachment.title}")
    typer.echo("变量：")
    for name, description in spec.variables.items():
        typer.echo(f"  {name}：{description}")


_SOURCES = {"generated": "按数据生成", "unit": "单位自述，原样保留", "mixed": "按数据生成的数字句＋单位自述"}


def _show_user_template(path: Path) -> None:
    from jixiao.render.spec import available_templates, load_template
    from jixiao.render.user_template import load_user_template, locate, template_variables

    document = load_user_template(path)
    known = {name for template_id in available_templates() for name in load_template(template_id).variables}
    for name in sorted(template_variables(document, str(path))):
        mark = "" if name in known else f"  ← 未知变量（{locate(document.get_docx(), name) or '位置未知'}）"
        typer.echo(f"{name}{mark}")


def register_render_commands(app: typer.Typer) -> None:
    """Add `render` and `templates` to the `jixiao` command."""
    app.command("render")(render)
    app.add_typer(templates_app)
