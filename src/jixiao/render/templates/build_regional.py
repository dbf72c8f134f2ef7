"""Build the Word templates of the regional forms (财政局 2021, 鼎城区 2023) from code.

Run ``python -m jixiao.render.templates.build_regional`` after changing a layout here; the
generated ``report.docx`` files are committed next to their ``template.yaml``. The building
blocks (styles, tables, row loops) are those of :mod:`jixiao.render.templates.build_templates`.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocxDocument

from jixiao.render.spec import TemplateSpec
from jixiao.render.templates.build_templates import (
    cover_page,
    fill,
    loop_rows,
    new_document,
    para,
    save_templates,
    sections,
    table,
    tag,
)

FULL = 17.0
"""Width of the text block (cm): A4 less 2 cm margins."""


def _amount_table(document: DocxDocument, title: str, heads: Sequence[str], var: str,
                  keys: Sequence[str]) -> None:
    """A 机构 × 金额 table: a title row, the header row, one row per 机构."""
    first = 3.2
    rest = (FULL - first) / len(keys)
    grid = table(document, (first, *([rest] * len(keys))), 5)
    fill(grid, 0, [(0, len(keys), title)], bold=True, left=(0,))
    fill(grid, 1, [(i, i, head) for i, head in enumerate(heads)], bold=True)
    loop_rows(grid, 2, f"for r in {var}", [(0, 0, "{{ r.name }}"),
              *((1 + i, 1 + i, f"{{{{ r.{key} }}}}") for i, key in enumerate(keys))], left=(0,))
    _gap(document)


def _gap(document: DocxDocument) -> None:
    """A small paragraph after a table: Word joins tables that touch into one."""
    para(document, "", "Signature")


def _finance_cover(document: DocxDocument) -> None:
    cover_page(document, [f"{label}：{{{{ finance_cover.{key} }}}}" for label, key in (
        ("部门（单位）名称", "unit_name"), ("预算编码", "code"), ("评价方式", "method"),
        ("评价机构", "evaluator"), ("报告日期", "date"))])


PROFILE_LISTS = (("tasks", "年度主要工作内容"), ("operation", "年度部门（单位）总体运行情况及取得的成绩"),
                 ("goals", "年度部门（单位）整体支出绩效目标"))
"""The boxes of 基本概况 below 职能职责概述, in the form's order: a row per entry, the label on
the first (a row per entry rather than one tall cell, so no row outgrows a page)."""


def _finance_profile(document: DocxDocument) -> None:
    para(document, "一、部门（单位）基本概况", "Heading 1")
    grid = table(document, (3.6, 4.9, 3.6, 4.9), 3 + 3 * len(PROFILE_LISTS))
    fill(grid, 0, [(0, 0, "联系人"), (1, 1, "{{ finance_profile.contact }}"), (2, 2, "联络电话"),
                   (3, 3, "{{ finance_profile.phone }}")])
    fill(grid, 1, [(0, 0, "人员编制"), (1, 1, "{{ finance_profile.authorized }}"), (2, 2, "实有人数"),
                   (3, 3, "{{ finance_profile.actual }}")])
    fill(grid, 2, [(0, 0, "职能职责概述"), (1, 3, "{{ finance_profile.functions }}")], left=(1,))
    for index, (key, label) in enumerate(PROFILE_LISTS):
        loop_rows(grid, 3 + 3 * index, f"for g in finance_profile.{key}",
                  [(0, 0, f"{{{{ '{label}' if loop.first else '' }}}}"), (1, 3, "{{ g }}")], left=(1,))
    _gap(document)


def _finance_accounts(document: DocxDocument) -> None:
    para(document, "二、部门（单位）收支情况", "Heading 1")
    _amount_table(document, "年度收入情况（万元）",
                  ("机构名称", "收入合计", "上年结转", "公共财政拨款", "政府基金拨款",
                   "纳入专户管理的非税收入拨款", "其他收入"),
                  "finance_accounts.income", ("total", "carryover", "fiscal", "fund", "nontax", "other"))
    _amount_table(document, "部门（单位）年度支出和结余情况（万元）",
                  ("机构名称", "支出合计", "基本支出", "其中：人员支出", "其中：公用支出", "项目支出",
                   "当年结余", "累计结余"),
                  "finance_accounts.expenditure",
                  ("total", "basic", "personnel", "public", "projects", "surplus_current",
                   "surplus_cumulative"))
    _amount_table(document, "“三公”经费（万元）",
                  ("机构名称", "三公经费合计", "公务接待费", "公务用车运维费", "公务用车购置费",
                   "因公出国费"),
                  "finance_accounts.three_public",
                  ("total", "reception", "vehicle_operation", "vehicle_purchase", "overseas"))
    _amount_table(document, "固定资产（万元）",
                  ("机构名称", "固定资产合计", "在用固定资产", "出租固定资产", "其他"),
                  "finance_accounts.assets", ("total", "in_use", "leased", "other"))


def _finance_targets(document: DocxDocument) -> None:
    para(document, "三、部门（单位）整体支出绩效自评情况", "Heading 1")
    goals = table(document, (3.0, 7.0, 7.0), 4)
    fill(goals, 0, [(0, 0, "整体支出绩效定性目标及实施计划完成情况"), (1, 1, "预期目标"), (2, 2, "实际完成")],
         bold=True)
    loop_rows(goals, 1, "for g in finance_targets.goals",
              [(0, 0, ""), (1, 1, "{{ g.expected }}"), (2, 2, "{{ g.achieved }}")], left=(1, 2))
    _gap(document)
    grid = table(document, (3.0, 2.6, 2.4, 6.4, 2.6), 6)
    fill(grid, 0, [(0, 0, "整体支出绩效定量目标及实施计划完成情况"), (1, 1, "评价内容"), (2, 3, "绩效目标"),
                   (4, 4, "完成情况")], bold=True)
    loop_rows(grid, 1, "for r in finance_targets.indicators",
              [(0, 0, ""), (1, 1, "{{ r.level1_shown }}"), (2, 2, "{{ r.level2_shown }}"),
               (3, 3, "{{ r.target }}"), (4, 4, "{{ r.actual }}")], left=(3,))
    fill(grid, 4, [(0, 1, "绩效自评综合得分"), (2, 4, "{{ finance_targets.score }}")])
    fill(grid, 5, [(0, 1, "评价等次"), (2, 4, "{{ finance_targets.grade }}")])
    _gap(document)


def _box(document: DocxDocument, heading: str, signer: str, name: str = "") -> None:
    """An opinion box: its heading, blank lines to write in, the signer (with ``name``, a
    template value, where the data names them) and a date line."""
    grid = table(document, (FULL,), 1)
    fill(grid, 0, [(0, 0, heading)], left=(0,))
    cell = grid.cell(0, 0)
    for _ in range(3):
        cell.add_paragraph("", style="TableLeft")
    cell.add_paragraph(f"{signer}（签章）：{name}", style="BoxSigner")
    cell.add_paragraph("年　　月　　日", style="BoxSigner")
    _gap(document)


def _finance_reviewers(document: DocxDocument) -> None:
    para(document, "四、评价人员", "Heading 1")
    grid = table(document, (3.6, 4.0, 5.8, 3.6), 5)
    fill(grid, 0, [(0, 0, "姓　名"), (1, 1, "职务/职称"), (2, 2, "单　位"), (3, 3, "签　字")], bold=True)
    loop_rows(grid, 1, "for r in finance_reviewers.rows",
              [(0, 0, "{{ r.name }}"), (1, 1, "{{ r.title }}"), (2, 2, "{{ r.unit }}"), (3, 3, "")])
    fill(grid, 4, [(0, 3, "评价组组长（签字）：")], left=(0,))
    _gap(document)
    _box(document, "部门（单位）意见：", "部门（单位）负责人", "{{ finance_reviewers.head }}")
    _box(document, "财政部门归口业务科室意见：", "财政部门归口业务科室负责人")
    para(document, "填报人（签名）：{{ sign_off.preparer }}　　联系电话：{{ sign_off.phone }}", "Signature")


def build_finance(spec: TemplateSpec) -> DocxDocument:
    document = new_document(spec.fonts)
    _extra_styles(document, spec)
    _finance_cover(document)
    _finance_profile(document)
    _finance_accounts(document)
    _finance_targets(document)
    _finance_reviewers(document)
    para(document, "五、评价报告综述（文字部分）", "AttachmentLabel")
    sections(document)
    return document


def _dingcheng_tables(document: DocxDocument) -> None:
    tag(document, "{%p if s.number == '二' %}")
    para(document, "部门整体支出情况表（万元）", "AttachmentTitle")
    grid = table(document, (4.0, 7.0, 3.0, 3.0), 5)
    fill(grid, 0, [(0, 0, "分类"), (1, 1, "项目"), (2, 2, "金额"), (3, 3, "占支出总额")], bold=True)
    loop_rows(grid, 1, "for r in dingcheng_breakdown.rows",
              [(0, 0, "{{ r.group }}"), (1, 1, "{{ r.name }}"), (2, 2, "{{ r.amount }}"),
               (3, 3, "{{ r.share }}")],
              left=(1,))
    fill(grid, 4, [(0, 1, "支出总额"), (2, 2, "{{ dingcheng_breakdown.total }}"), (3, 3, "")])
    _gap(document)
    tag(document, "{%p if dingcheng_three_public.rows %}")
    para(document, "“三公”经费对比表（万元）", "AttachmentTitle")
    three = table(document, (5.0, 3.0, 3.0, 3.0, 3.0), 4)
    fill(three, 0, [(0, 0, "项目"), (1, 1, "{{ year }}年"), (2, 2, "上年"), (3, 3, "增减额"),
                    (4, 4, "增减率")], bold=True)
    loop_rows(three, 1, "for r in dingcheng_three_public.rows",
              [(0, 0, "{{ r.name }}"), (1, 1, "{{ r.current }}"), (2, 2, "{{ r.prior }}"),
               (3, 3, "{{ r.change }}"), (4, 4, "{{ r.rate }}")], left=(0,))
    tag(document, "{%p endif %}")
    tag(document, "{%p endif %}")


def build_dingcheng(spec: TemplateSpec) -> DocxDocument:
    document = new_document(spec.fonts)
    _extra_styles(document, spec)
    para(document, "{{ title }}", "ReportTitle")
    sections(document, _dingcheng_tables)
    return document


def _extra_styles(document: DocxDocument, spec: TemplateSpec) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from jixiao.render.templates.build_templates import _paragraph_style

    _paragraph_style(document, "BoxSigner", spec.fonts.body, spec.fonts.table_size,
                     align=WD_ALIGN_PARAGRAPH.RIGHT)


BUILDERS = {"yueyang-finance-2021": build_finance, "dingcheng-2023": build_dingcheng}


def main() -> None:
    save_templates(BUILDERS)


if __name__ == "__main__":
    main()
