"""A finance bureau's own Word template: which variables it uses, and where an unknown one is.

The template's tags are parsed in the sandbox (:mod:`jixiao.render.template_run`); any variable
the context does not provide is a clear Chinese error naming the variable and the first place
it appears (paragraph, or table cell, or header/footer). :func:`validate_user_template` is the
one check an uploaded template goes through before it is stored or used.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docxtpl import DocxTemplate  # type: ignore[import-untyped]

from jixiao.documents.docx_reader import MAX_TABLE_COLUMNS, grid_width
from jixiao.io.errors import InputError
from jixiao.io.limits import check_zip
from jixiao.render.template_run import TAG, template_variables, texts

__all__ = ["check_variables", "load_user_template", "locate", "template_variables",
           "validate_user_template"]


def validate_user_template(path: Path, known: Collection[str]) -> frozenset[str]:
    """The variables the Word template at ``path`` uses, after checking that it can be rendered:
    a readable ``.docx`` within the size limits, every table with its column grid, tags that
    parse in the sandbox, and no variable outside ``known``. :class:`InputError` (in Chinese,
    naming the tag or variable and its place) otherwise. Rendering it later
    (:func:`jixiao.render.report.render_report` with ``user_template``) runs in the same sandbox."""
    template = load_user_template(path)
    check_variables(template, known, str(path))
    return frozenset(template_variables(template, str(path)))


def check_variables(template: DocxTemplate, known: Collection[str], file: str) -> None:
    """Raise :class:`InputError` for the first variable the template uses that ``known`` lacks."""
    unknown = sorted(template_variables(template, file) - set(known))
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
    for where, text in texts(document):
        if any(pattern.search(tag) for tag in TAG.findall(text)):
            return where
    return None


def load_user_template(path: Path) -> DocxTemplate:
    """Open a user's ``.docx`` template; :class:`InputError` when it is not one, unpacks to more
    than the zip limit, or has a table without its column grid (``w:tblGrid``, which rendering
    needs) or wider than the readers' column limit."""
    file = str(path)
    if path.suffix.lower() != ".docx":
        raise InputError("自定义模板须为 Word 文档（.docx）", file=file, english="template is not .docx")
    if not path.is_file():
        raise InputError("模板文件不存在", file=file, english="template file not found")
    check_zip(path, file, "不是有效的 Word 文档（.docx）文件", "not a docx document")
    try:
        template = DocxTemplate(file)
        document = template.get_docx()
    except Exception:  # python-docx raises many kinds for a broken package
        raise InputError("不是有效的 Word 文档（.docx）文件", file=file,
                         english="not a docx document") from None
    _check_table_grids(document, file)
    drop_external_relationships(document)
    return template


def drop_external_relationships(document: DocxDocument) -> int:
    """Remove every relationship to an outside resource (a linked picture, attached template,
    frame or sub-document: what a converter would fetch), hyperlinks excepted (never fetched);
    the number removed."""
    dropped = 0
    for part in document.part.package.iter_parts():
        for rid, relationship in list(part.rels.items()):
            if relationship.is_external and relationship.reltype != RT.HYPERLINK:
                del part.rels[rid]
                dropped += 1
    return dropped


def _check_table_grids(document: DocxDocument, file: str) -> None:
    for index, table in enumerate(document.element.body.iter(qn("w:tbl")), 1):
        if table.find(qn("w:tblGrid")) is None:
            raise InputError(f"Word 模板第 {index} 个表格缺少列定义（w:tblGrid），无法生成；"
                             "请在 Word 中重新保存该模板", file=file, english="table without tblGrid")
        for number, row in enumerate(table.iter(qn("w:tr")), 1):
            if grid_width(row) > MAX_TABLE_COLUMNS:
                raise InputError(f"Word 模板第 {index} 个表格第 {number} 行有 {grid_width(row)} 列，"
                                 f"超过 {MAX_TABLE_COLUMNS} 列的上限", file=file, english="table too wide")
