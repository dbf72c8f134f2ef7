"""Running a Word template in the sandbox, and telling a template's fault in Chinese.

Every Word template, built-in or a bureau's own, is parsed and rendered in
:class:`~jixiao.render.sandbox.SandboxedTemplateEnvironment`. When a user's template errs (a
syntax error, a division by zero, a recursion, an attribute the sandbox refuses, a limit), the
error becomes an :class:`~jixiao.io.errors.InputError` naming the tag and where it stands in
the document: the template's XML is rendered with one Word paragraph per line (as docxtpl
does), so the error's line gives the paragraph, its text gives the tag, and the tag is found
among the document's paragraphs, table cells, headers and footers.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

from docx.document import Document as DocxDocument
from docx.table import Table
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate  # type: ignore[import-untyped]
from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError, meta
from jinja2.exceptions import SecurityError

from jixiao.io.errors import InputError
from jixiao.render.sandbox import Budget, SandboxedTemplateEnvironment, TemplateLimitError

TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_XML_TAG = re.compile(r"<[^>]+>")
_PARAGRAPH = re.compile(r"<w:p([ >])")
_TEMPLATE_ERRORS = (TemplateError, TemplateLimitError, ArithmeticError, RecursionError,
                    TypeError, ValueError, LookupError, AttributeError)


def render_sandboxed(template: DocxTemplate, variables: dict[str, Any], file: str | None,
                     budget: Budget | None = None) -> None:
    """Render ``template`` in the sandbox within ``budget`` (default: the sandbox's limits); a
    user's template (``file`` given) that errs raises :class:`InputError` naming the tag and its
    place, and so does any template past a limit."""
    environment = SandboxedTemplateEnvironment(budget or Budget())
    try:
        template.render(variables, environment, autoescape=True)
    except _TEMPLATE_ERRORS as error:
        if file is None and not isinstance(error, TemplateLimitError):
            raise
        raise template_failure(error, environment.source, template, file) from None


def template_variables(template: DocxTemplate, file: str) -> set[str]:
    """Top-level variables the template reads (loop variables excluded); :class:`InputError`
    for a syntax error, with the tag and its place."""
    environment = SandboxedTemplateEnvironment(Budget())
    names: set[str] = set()
    for source in part_sources(template):
        try:
            names |= meta.find_undeclared_variables(environment.parse(source))
        except TemplateSyntaxError as error:
            raise template_failure(error, source, template, file) from None
    return names


def part_sources(template: DocxTemplate) -> Iterator[str]:
    """The Jinja source of the body, each header and each footer, one paragraph per line."""
    yield _lines(template.patch_xml(template.get_xml()))
    for uri in (template.HEADER_URI, template.FOOTER_URI):
        for _, part in template.get_headers_footers(uri):
            yield _lines(template.patch_xml(template.get_part_xml(part)))


def _lines(xml: str) -> str:
    return _PARAGRAPH.sub(r"\n<w:p\1", xml)


def template_failure(error: BaseException, source: str, template: DocxTemplate,
                     file: str | None) -> InputError:
    """The Chinese error for ``error`` raised while parsing or rendering ``source``."""
    reason = _reason(error)
    tag = _tag_at(source, _line_of(error))
    if tag is None:
        return InputError(f"Word 模板出错：{reason}", file=file, english="template error")
    where = locate_tag(template.get_docx(), tag) or ""
    return InputError(f"Word 模板{where}的标签“{tag}”出错：{reason}", file=file,
                      english=f"template error at {tag!r}")


def _reason(error: BaseException) -> str:
    if isinstance(error, TemplateLimitError):
        return error.reason
    if isinstance(error, SecurityError):
        return "访问了模板中不允许使用的属性或方法"
    if isinstance(error, TemplateSyntaxError):
        unknown = re.search(r"No (filter|test) named '([^']*)'", error.message or "")
        if unknown:
            kind = "过滤器" if unknown.group(1) == "filter" else "判断"
            return f"使用了不可用的{kind}“{unknown.group(2)}”"
        return "标签写法有误"
    if isinstance(error, UndefinedError):
        return "使用了不存在的值"
    if isinstance(error, ZeroDivisionError):
        return "除数为零"
    if isinstance(error, RecursionError):
        return "宏或循环的递归过深"
    return "计算出错（值的类型或内容不适用于该运算）"


def _line_of(error: BaseException) -> int | None:
    """The template line of ``error``: its own ``lineno``, else the last template frame."""
    lineno = getattr(error, "lineno", None)
    trace = error.__traceback__
    while trace is not None:
        if trace.tb_frame.f_code.co_filename == "<template>":
            lineno = trace.tb_lineno
        trace = trace.tb_next
    return lineno if isinstance(lineno, int) else None


def _tag_at(source: str, lineno: int | None) -> str | None:
    """The first tag on line ``lineno`` of ``source`` (or, for an unclosed one, what is left)."""
    lines = source.splitlines()
    if lineno is None or not 0 < lineno <= len(lines):
        return None
    text = html.unescape(_XML_TAG.sub("", lines[lineno - 1]))
    found = TAG.search(text)
    if found:
        return found.group(0)
    opening = re.search(r"\{[{%].*", text)
    return opening.group(0).strip() if opening else None


def _normalised(tag: str) -> str:
    """A tag without docxtpl's ``p``/``tr``/``tc``/``r`` marker, quotes made plain, no spaces."""
    tag = re.sub(r"^\{([{%])-?(?:p|tr|tc|r)\b", r"{\1", tag)
    for curly, plain in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'")):
        tag = tag.replace(curly, plain)
    return re.sub(r"\s+", "", tag)


def locate_tag(document: DocxDocument, tag: str) -> str | None:
    """Where the tag ``tag`` (as docxtpl rewrote it) stands in the template."""
    wanted = _normalised(tag)
    for where, text in texts(document):
        if any(_normalised(found) == wanted for found in TAG.findall(text)):
            return where
    for where, text in texts(document):  # an unclosed tag: outside the complete ones
        if wanted in _normalised(TAG.sub("", text)):
            return where
    return None


def texts(document: DocxDocument) -> Iterator[tuple[str, str]]:
    """(“第 N 段” / “第 T 个表格第 R 行第 C 列” / “页眉” / “页脚”, its text), in document order."""
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
