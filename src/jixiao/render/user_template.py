"""A finance bureau's own Word template: which variables it uses, and where an unknown one is.

docxtpl lists the template's undeclared variables; any the context does not provide is a clear
Chinese error naming the variable and the first place it appears (paragraph, or table cell,
or header/footer).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.table import Table
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate  # type: ignore[import-untyped]
from jinja2 import Environment, TemplateError

from jixiao.io.errors import InputError

_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)


def template_variables(template: DocxTemplate, file: str) -> set[str]:
    """Top-level variables the template reads (loop variables excluded)."""
    try:
        return set(template.get_undeclared_template_variables())
    except TemplateError as error:
        raise InputError(f"Word 模板的标签写法有误：{error}", file=file,
                         english="template syntax error") from None


def check_variables(template: DocxTemplate, known: Collection[str], file: str) -> None:
    """Raise :class:`InputError` for the first variable the template uses that ``known`` lacks."""
    unknown = sorted(template_variables(template, file) - set(known) - set(Environment().globals))
    if not unknown:
        return
    name = unknown[0]
    where = locate(template.get_docx(), name) or "位置未知"
    others = f"（另有未知变量：{'、'.join(unknown[1:])}）" if unknown[1:] else ""
    raise InputError(f"Word 模板使用了未知变量“{name}”，位于{where}{others}；"
                     "可用变量见 `jixiao templates show 模板名`", file=file,
                     english=f"unknown template variable {name!r}")


def locate(document: DocxDocument, name: str) -> str | None:
    """Where ``name`` first appears inside a tag: “第 N 段”, “第 T 个表格第 R 行第 C 列”, “页眉/页脚”."""
    pattern = re.compile(rf"(?<![\w.]){re.escape(name)}(?!\w)")
    for where, text in _texts(document):
        if any(pattern.search(tag) for tag in _TAG.findall(text)):
            return where
    return None


def _texts(document: DocxDocument) -> Iterator[tuple[str, str]]:
    paragraph_index = table_index = 0
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            paragraph_index += 1
            yield f"第 {paragraph_index} 段", block.text
        elif isinstance(block, Table):
            table_index += 1
            for r, row in enumerate(block.rows, 1):
                for c, cell in enumerate(row.cells, 1):
                    yield f"第 {table_index} 个表格第 {r} 行第 {c} 列", cell.text
    for section in document.sections:
        for part, label in ((section.header, "页眉"), (section.footer, "页脚")):
            for paragraph in part.paragraphs:
                yield label, paragraph.text


def load_user_template(path: Path) -> DocxTemplate:
    """Open a user's ``.docx`` template; :class:`InputError` when it is not one."""
    file = str(path)
    if path.suffix.lower() != ".docx":
        raise InputError("自定义模板须为 Word 文档（.docx）", file=file, english="template is not .docx")
    if not path.is_file():
        raise InputError("模板文件不存在", file=file, english="template file not found")
    try:
        template = DocxTemplate(file)
        template.get_docx()
    except Exception:  # python-docx raises many kinds for a broken package
        raise InputError("不是有效的 Word 文档（.docx）文件", file=file,
                         english="not a docx document") from None
    return template
