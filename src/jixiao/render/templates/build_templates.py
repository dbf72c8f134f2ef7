"""Build the Word templates (``report.docx``) of every template folder from code.

Run ``python -m jixiao.render.templates.build_templates`` after changing a layout here; the
generated files are committed next to their ``template.yaml``. Fonts come from the folder's
``template.yaml`` (eastAsia body and heading fonts, sizes). Tags are docxtpl's: ``{%p …%}``
paragraph blocks, ``{%tr …%}`` table-row loops, ``{{ … }}`` values.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from jixiao.render.spec import Fonts, TemplateSpec, load_template

HERE = Path(__file__).parent
Container = DocxDocument | _Cell


def set_fonts(style: ParagraphStyle, east_asia: str, size: float, *, bold: bool = False) -> None:
    """Set the style's font for every script: w:eastAsia for Chinese, the same for Latin."""
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.color.rgb = None
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]  # theme fonts would override the named ones
    for key in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(key), east_asia)
    color = rpr.find(qn("w:color"))
    if color is not None:
        rpr.remove(color)


def _paragraph_style(document: DocxDocument, name: str, font: str, size: float, *, bold: bool = False,
                     align: WD_ALIGN_PARAGRAPH | None = None, indent: bool = False,
                     break_before: bool = False, space: float = 0) -> None:
    styles = document.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, 1)
    assert isinstance(style, ParagraphStyle)
    if name != "Normal":
        style.base_style = styles["Normal"]
    set_fonts(style, font, size, bold=bold)
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = Pt(size * 2) if indent else None
    fmt.page_break_before = break_before
    fmt.space_before = Pt(space)
    fmt.space_after = Pt(space)
    fmt.line_spacing = 1.0 if size < 12 else 1.25
    fmt.keep_with_next = bold


def new_document(fonts: Fonts) -> DocxDocument:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = section.bottom_margin = Cm(2.2)
    body, heading = fonts.body, fonts.heading
    _paragraph_style(document, "Normal", body, fonts.body_size)
    _paragraph_style(document, "Body", body, fonts.body_size, indent=True)
    center = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph_style(document, "ReportTitle", heading, 16, bold=True, align=center, space=12)
    _paragraph_style(document, "Heading 1", heading, 14, bold=True, space=6)
    _paragraph_style(document, "Heading 2", heading, fonts.body_size, bold=True, space=3)
    _paragraph_style(document, "AttachmentLabel", heading, 12, bold=True, break_before=True)
    _paragraph_style(document, "AttachmentLabelInline", heading, 12, bold=True, space=12)
    _paragraph_style(document, "AttachmentTitle", heading, 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER,
                     space=6)
    _paragraph_style(document, "TableText", body, fonts.table_size, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph_style(document, "TableLeft", body, fonts.table_size, align=WD_ALIGN_PARAGRAPH.LEFT)
    _paragraph_style(document, "Signature", body, 10.5, space=6)
    _paragraph_style(document, "CoverLine", body, 14, space=8)
    document.styles["CoverLine"].paragraph_format.left_indent = Pt(14 * 5)
    _page_number_footer(document)
    return document


def page_break(document: DocxDocument) -> None:
    document.add_paragraph(style="Normal").add_run().add_break(WD_BREAK.PAGE)


def cover_page(document: DocxDocument, lines: Sequence[str]) -> None:
    """The cover: the report's title, then ``lines`` (``label：{{ value }}``), then a page break."""
    para(document, "", "Normal")
    para(document, "{{ title }}", "ReportTitle")
    para(document, "", "Normal")
    for line in lines:
        para(document, line, "CoverLine")
    page_break(document)


def _page_number_footer(document: DocxDocument) -> None:
    """“— N —” centred in the footer, N a PAGE field Word and LibreOffice fill in."""
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("— ")
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == " PAGE ":
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._r.append(instruction)
        else:
            run.text = text or ""
    paragraph.add_run(" —")


def para(container: Container, text: str, style: str = "Body") -> Paragraph:
    return container.add_paragraph(text, style=style)


def tag(container: Container, text: str) -> Paragraph:
    """A paragraph holding only a docxtpl block tag (removed when rendered)."""
    return container.add_paragraph(text, style="Normal")


def table(document: DocxDocument, widths: Sequence[float], rows: int) -> Table:
    grid: Table = document.add_table(rows=rows, cols=len(widths))
    grid.style = document.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    for row in grid.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = Cm(width)
    return grid


def fill(grid: Table, row: int, cells: Sequence[tuple[int, int, str]], *, bold: bool = False,
         left: Sequence[int] = ()) -> None:
    """Write ``(first column, last column, text)`` cells into ``row``, merging each span."""
    for first, last, text in cells:
        cell = grid.cell(row, first)
        if last > first:
            cell = cell.merge(grid.cell(row, last))
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        paragraph = cell.paragraphs[0]
        paragraph.style = "TableLeft" if first in left else "TableText"
        run = paragraph.add_run(text)
        run.bold = bold


def loop_rows(grid: Table, start: int, loop: str, cells: Sequence[tuple[int, int, str]],
              left: Sequence[int] = ()) -> None:
    """Rows ``start`` … ``start + 2``: the ``{%tr for %}`` row, the repeated row, ``{%tr endfor %}``."""
    fill(grid, start, [(0, 0, f"{{%tr {loop} %}}")])
    fill(grid, start + 1, cells, left=left)
    fill(grid, start + 2, [(0, 0, "{%tr endfor %}")])


HEADS = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率")
INDICATOR_HEADS = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值")
WIDE = (1.0, 1.6, 1.6, 2.5, 1.9, 1.9, 1.1, 1.8, 3.6)
"""The nine grid columns of a self-evaluation table (cm): label, 一级, 二级, 三级, 指标值, 完成值,
分值, 得分, 偏差原因; the funds rows use columns 3–8 for their six figures. Column 7 holds 执行率:
wide enough for ``100.00%`` on one line at 9 pt (``97.92 / %`` wrapped at 1.4 cm)."""


def assessment_rows(grid: Table, start: int, var: str, score_head: str, funds_label: str) -> int:
    """Funds, goals, indicators and 总分 rows of 附件2/附件3 from ``start``; returns the next row."""
    r = start
    fill(grid, r, [(0, 0, funds_label), (1, 2, ""), *((3 + i, 3 + i, h) for i, h in enumerate(HEADS)),
                   (8, 8, score_head)], bold=True)
    fill(grid, r + 1, [(0, 0, funds_label), (1, 2, "年度资金总额"),
                       *((3 + i, 3 + i, f"{{{{ {var}.funds.{key} }}}}") for i, key in
                         enumerate(("initial", "full", "actual", "weight", "rate", "score")))])
    r += 2
    if var == "p":
        loop_rows(grid, r, "for l in p.lines", [(0, 0, funds_label), (1, 2, "{{ l.label }}"),
                  (3, 3, "{{ l.initial }}"), (4, 4, "{{ l.full }}"), (5, 5, "{{ l.actual }}"),
                  (6, 6, "—"), (7, 7, "—"), (8, 8, "—")])
    else:  # the form heads the splits with how each side divides the money
        fill(grid, r, [(0, 0, funds_label), (1, 4, "按收入性质分："), (5, 8, "按支出性质分：")], left=(1, 5))
        r += 1
        loop_rows(grid, r, f"for s in {var}.splits", [(0, 0, funds_label), (1, 4, "{{ s.income_text }}"),
                  (5, 8, "{{ s.nature_text }}")],
                  left=(1, 5))
    r += 3
    fill(grid, r, [(0, 0, "年度总体目标"), (1, 4, "预期目标"), (5, 8, "实际完成情况")], bold=True)
    loop_rows(grid, r + 1, f"for g in {var}.goals", [(0, 0, "年度总体目标"), (1, 4, "{{ g.expected }}"),
              (5, 8, "{{ g.achieved }}")], left=(1, 5))
    r += 4
    fill(grid, r, [(0, 0, "绩效指标"), *((1 + i, 1 + i, h) for i, h in enumerate(INDICATOR_HEADS)),
                   (7, 7, score_head), (8, 8, "偏差原因分析及改进措施")], bold=True)
    keys = ("group", "level1", "level2", "name", "target", "actual", "weight", "score", "reason")
    loop_rows(grid, r + 1, f"for r in {var}.indicators",
              [(i, i, f"{{{{ r.{key} }}}}") for i, key in enumerate(keys)], left=(3, 8))
    r += 4
    fill(grid, r, [(0, 5, "总分"), (6, 6, f"{{{{ {var}.total_weight }}}}"),
                   (7, 7, f"{{{{ {var}.total_score }}}}"), (8, 8, "")], bold=False)
    return r + 1


ASSESSMENT_ROWS = 2 + 3 + 4 + 4 + 1
"""Rows of a project's assessment; a unit's has one more, the head of its splits."""


def project_table(document: DocxDocument, score_head: str) -> None:
    """One project's 项目支出绩效自评表 (variable ``p``)."""
    grid = table(document, WIDE, 2 + ASSESSMENT_ROWS)
    fill(grid, 0, [(0, 2, "项目名称"), (3, 8, "{{ p.name }}")])
    fill(grid, 1, [(0, 2, "主管部门"), (3, 4, "{{ p.supervising_department }}"), (5, 6, "实施单位"),
                   (7, 8, "{{ p.implementer }}")])
    assessment_rows(grid, 2, "p", score_head, "项目资金（万元）")


def signature(container: Container) -> None:
    para(container, "单位负责人：{{ sign_off.head }}　填表人：{{ sign_off.preparer }}　"
                    "联系电话：{{ sign_off.phone }}　填报日期：{{ sign_off.date }}", "Signature")


def sections(document: DocxDocument, after: Callable[[DocxDocument], None] | None = None) -> None:
    """The body sections, each heading then its paragraphs (sub-headings in their own style);
    ``after`` adds what follows each section's paragraphs (charts, tables)."""
    tag(document, "{%p for s in sections %}")
    para(document, "{{ s.heading }}", "Heading 1")
    tag(document, "{%p for p in s.paragraphs %}")
    tag(document, "{%p if p.sub %}")
    para(document, "{{ p.text }}", "Heading 2")
    tag(document, "{%p else %}")
    para(document, "{{ p.text }}", "Body")
    tag(document, "{%p endif %}")
    tag(document, "{%p endfor %}")
    if after is not None:
        after(document)
    tag(document, "{%p endfor %}")


def _section_charts(document: DocxDocument) -> None:
    for chart in ("composition", "score"):
        tag(document, f"{{%p if s.chart == '{chart}' and {chart}_chart %}}")
        para(document, f"{{{{ {chart}_chart }}}}", "TableText")
        tag(document, "{%p endif %}")


def report_body(document: DocxDocument) -> None:
    para(document, "{{ title }}", "ReportTitle")
    sections(document, _section_charts)
    para(document, "附件：", "Body")
    tag(document, "{%p for a in attachments %}")
    para(document, "{{ a.number }}、{{ a.title }}", "Body")
    tag(document, "{%p endfor %}")


def basic_data_attachment(document: DocxDocument) -> None:
    para(document, "附件{{ numbers.basic_data }}", "AttachmentLabel")
    para(document, "{{ year }}年度预算单位整体支出绩效评价基础数据表", "AttachmentTitle")
    grid = table(document, (5.6, 3.8, 3.8, 3.8), 7)
    fill(grid, 0, [(0, 0, "预算单位名称"), (1, 3, "{{ unit_name }}")])
    fill(grid, 1, [(0, 0, "财政供养人员情况（人）"), (1, 1, "编制数"), (2, 2, "实际在职人数"),
                   (3, 3, "控制率")], bold=True)
    fill(grid, 2, [(0, 0, ""), (1, 1, "{{ basic_data.staffing.authorized }}"),
                   (2, 2, "{{ basic_data.staffing.actual }}"), (3, 3, "{{ basic_data.staffing.rate }}")])
    fill(grid, 3, [(0, 0, "经费控制情况（万元）"), *((1 + i, 1 + i, f"{{{{ basic_data.columns[{i}] }}}}")
                                                 for i in range(3))], bold=True)
    loop_rows(grid, 4, "for r in basic_data.rows", [(0, 0, "{{ r.label }}"), (1, 1, "{{ r.prior }}"),
              (2, 2, "{{ r.budget }}"), (3, 3, "{{ r.actual }}")], left=(0,))
    buildings = table(document, (3.4, 2.2, 2.2, 2.2, 2.4, 2.4, 2.2), 2)
    heads = ("楼堂馆所控制情况（本年完工项目）", "批复规模（m²）", "实际规模（m²）", "规模控制率",
             "预算投资（万元）", "实际投资（万元）", "投资概算控制率")
    fill(buildings, 0, [(i, i, h) for i, h in enumerate(heads)], bold=True)
    keys = ("approved_area", "actual_area", "area_rate", "budget_investment", "actual_investment",
            "investment_rate")
    fill(buildings, 1, [(0, 0, ""), *((1 + i, 1 + i, f"{{{{ basic_data.buildings.{k} }}}}")
                                      for i, k in enumerate(keys))])
    austerity = table(document, (3.4, 13.6), 1)
    fill(austerity, 0, [(0, 0, "厉行节约保障措施"), (1, 1, "{{ basic_data.austerity }}")], left=(1,))
    para(document, "说明：“项目支出”需要填报基本支出以外的所有项目支出情况，"
                   "“公用经费”填报基本支出中的一般商品和服务支出。", "Signature")
    signature(document)


def self_assessment_attachment(document: DocxDocument) -> None:
    para(document, "附件{{ numbers.self_assessment }}", "AttachmentLabel")
    para(document, "{{ year }}年度预算单位整体支出绩效自评表", "AttachmentTitle")
    grid = table(document, WIDE, 2 + ASSESSMENT_ROWS)
    fill(grid, 0, [(0, 2, "预算单位名称"), (3, 8, "{{ unit_name }}")])
    assessment_rows(grid, 1, "self_assessment", "自评得分", "年度预算申请（万元）")
    signature(document)


def projects_attachment(document: DocxDocument, label: str, score_head: str) -> None:
    para(document, label, "AttachmentLabel")
    para(document, "{{ year }}年度项目支出绩效自评表", "AttachmentTitle")
    tag(document, "{%p if projects %}")
    tag(document, "{%p for p in projects %}")
    para(document, "（{{ p.index }}）{{ p.name }}", "Heading 2")
    project_table(document, score_head)
    para(document, "", "Signature")
    tag(document, "{%p endfor %}")
    tag(document, "{%p else %}")
    para(document, "本年度无项目支出绩效自评表。", "Body")
    tag(document, "{%p endif %}")
    signature(document)


def fund_attachments(document: DocxDocument) -> None:
    tag(document, "{%p for f in fund_tables %}")
    para(document, "附件{{ f.number }}", "AttachmentLabel")
    para(document, "{{ year }}年度{{ f.title }}", "AttachmentTitle")
    tag(document, "{%p if f.has %}")
    grid = table(document, (8.0, 4.5, 4.5), 5)
    fill(grid, 0, [(0, 0, "项目"), (1, 1, "预算数（万元）"), (2, 2, "执行数（万元）")], bold=True)
    loop_rows(grid, 1, "for r in f.rows", [(0, 0, "{{ r.name }}"), (1, 1, "{{ r.budget }}"),
              (2, 2, "{{ r.actual }}")], left=(0,))
    fill(grid, 4, [(0, 0, "合计"), (1, 1, "{{ f.total_budget }}"), (2, 2, "{{ f.total_actual }}")])
    tag(document, "{%p else %}")
    para(document, "本单位无此项支出。", "Body")
    tag(document, "{%p endif %}")
    tag(document, "{%p endfor %}")


def build_yueyanglou(spec: TemplateSpec) -> DocxDocument:
    document = new_document(spec.fonts)
    cover_page(document, ("预算单位名称：{{ unit_name }}", "{{ sign_off.date }}"))
    report_body(document)
    basic_data_attachment(document)
    self_assessment_attachment(document)
    projects_attachment(document, "附件{{ numbers.projects }}", "自评得分")
    fund_attachments(document)
    return document


def build_national_project(spec: TemplateSpec) -> DocxDocument:
    document = new_document(spec.fonts)
    para(document, "{{ title }}", "ReportTitle")
    para(document, "预算单位：{{ unit_name }}", "Signature")
    tag(document, "{%p if projects %}")
    tag(document, "{%p for p in projects %}")
    para(document, "项目支出绩效自评表（{{ p.index }}）", "AttachmentTitle")
    para(document, "（{{ year }}年度）", "TableText")
    project_table(document, "得分")
    para(document, "", "Signature")
    tag(document, "{%p endfor %}")
    tag(document, "{%p else %}")
    para(document, "本年度无项目支出绩效自评表。", "Body")
    tag(document, "{%p endif %}")
    signature(document)
    return document


def _remove_first_empty(document: DocxDocument) -> None:
    """python-docx's blank document starts with an empty paragraph; drop it."""
    first = document.paragraphs[0]
    if not first.text:
        first._element.getparent().remove(first._element)


Builder = Callable[[TemplateSpec], DocxDocument]
BUILDERS: dict[str, Builder] = {
    "yueyanglou-2024": build_yueyanglou, "national-project": build_national_project,
}


def save_templates(builders: Mapping[str, Builder]) -> None:
    """Build each template's Word file and write it into the template's folder."""
    for template_id, build in builders.items():
        spec = load_template(template_id)
        document = build(spec)
        _remove_first_empty(document)
        document.core_properties.author = "jixiao"
        document.save(str(HERE / template_id / spec.docx))
        print(f"{template_id}/{spec.docx}")


def main() -> None:
    save_templates(BUILDERS)


if __name__ == "__main__":
    main()
