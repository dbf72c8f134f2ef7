"""What a batch audit gives a reviewer to keep: the results as a workbook, and the review memo
(审核意见书) as a Word file, in the layout and fonts of the report templates (PDF through
:func:`jixiao.render.pdf.render_pdf`).

The input is plain data (:class:`AuditedFile`), so the web system and any other caller hand in
what they stored of each file's check, and nothing here reads a report again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document as DocxDocument

from jixiao.io.output import writing
from jixiao.render.spec import Fonts
from jixiao.render.templates.build_templates import fill, new_document, para, table

SEVERITY_ORDER = ("错误", "警告", "提示")


@dataclass(frozen=True, slots=True)
class AuditedFinding:
    """One finding as a reviewer reads it: severity in Chinese, code, message, place, evidence."""

    severity: str
    code: str
    message: str
    place: str
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class AuditedFile:
    """One file of a batch: its name, and either its findings with what was checked (“核对 N 项
    关系，M 项相符”) or why it could not be checked (``error``)."""

    name: str
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    checked: str = ""
    template: str = ""
    error: str = ""
    findings: tuple[AuditedFinding, ...] = ()

    @property
    def verdict(self) -> str:
        """无法校验, 有错误, 有警告或提示, or 未发现问题."""
        if self.error:
            return "无法校验"
        if self.errors:
            return "有错误"
        return "有警告或提示" if self.warnings or self.infos else "未发现问题"


@dataclass(frozen=True, slots=True)
class AuditBatch:
    """A batch as the memo heads it: who audited, when, and its files in upload order."""

    title: str
    organisation: str
    reviewer: str
    date: str
    files: tuple[AuditedFile, ...]


def overview(batch: AuditBatch) -> str:
    """The memo's first paragraph: how many reports, how many with what, findings in all."""
    files = batch.files
    count = [file.verdict for file in files].count
    return (f"本次共审核 {len(files)} 份文件：{count('有错误')} 份发现错误，"
            f"{count('有警告或提示')} 份仅有警告或提示，{count('未发现问题')} 份未发现问题，"
            f"{count('无法校验')} 份无法校验。共发现错误 {sum(f.errors for f in files)} 个、"
            f"警告 {sum(f.warnings for f in files)} 个、提示 {sum(f.infos for f in files)} 条。")


SUMMARY_HEADS = ("序号", "文件", "结论", "错误", "警告", "提示", "核对情况", "报告模板", "无法校验的原因")
FINDING_HEADS = ("文件", "严重程度", "代码", "位置", "问题", "原文")


def write_results_workbook(batch: AuditBatch, output: Path) -> Path:
    """The results as an .xlsx: a sheet with one row per file, a sheet with one row per finding."""
    import xlsxwriter  # type: ignore[import-untyped]

    with writing(output, force=True) as temporary:
        book = xlsxwriter.Workbook(str(temporary))
        head = book.add_format({"bold": True, "bg_color": "#E8EEF5", "border": 1, "text_wrap": True})
        cell = book.add_format({"border": 1, "text_wrap": True, "valign": "top"})
        files = book.add_worksheet("审核结果")
        files.write_row(0, 0, SUMMARY_HEADS, head)
        for row, file in enumerate(batch.files, start=1):
            files.write_row(row, 0, (row, file.name, file.verdict, file.errors, file.warnings, file.infos,
                                     file.checked, file.template, file.error), cell)
        for column, width in enumerate((6, 40, 14, 6, 6, 6, 24, 18, 50)):
            files.set_column(column, column, width)
        files.freeze_panes(1, 0)
        details = book.add_worksheet("问题明细")
        details.write_row(0, 0, FINDING_HEADS, head)
        row = 1
        for file in batch.files:
            for finding in file.findings:
                details.write_row(row, 0, (file.name, finding.severity, finding.code, finding.place,
                                           finding.message, finding.evidence), cell)
                row += 1
        for column, width in enumerate((36, 8, 14, 26, 60, 40)):
            details.set_column(column, column, width)
        details.freeze_panes(1, 0)
        book.close()
    return output


MEMO_FONTS = Fonts(body="仿宋_GB2312", heading="黑体", body_size=14, table_size=10)
"""公文 fonts: 仿宋 三号-ish body, 黑体 headings (rendered in Noto CJK by LibreOffice)."""
FINDING_WIDTHS = (1.0, 1.4, 3.6, 11.0)


def write_memo(batch: AuditBatch, output: Path) -> Path:
    """The review memo (审核意见书) as a .docx: overview, then each file's findings in a table
    with their places, then what the units are asked to do."""
    document = new_document(MEMO_FONTS)
    para(document, batch.title, "ReportTitle")
    heading = f"审核单位：{batch.organisation}    审核人：{batch.reviewer}    日期：{batch.date}"
    para(document, heading, "Normal")
    para(document, "一、审核概况", "Heading 1")
    para(document, overview(batch))
    para(document, "二、逐份审核意见", "Heading 1")
    for number, file in enumerate(batch.files, start=1):
        para(document, f"（{_chinese_number(number)}）{file.name}", "Heading 2")
        if file.error:
            para(document, f"无法校验：{file.error}")
            continue
        checked = f"；{file.checked}" if file.checked else ""
        para(document, f"发现错误 {file.errors} 个、警告 {file.warnings} 个、提示 {file.infos} 条{checked}。")
        if file.findings:
            _findings_table(document, file.findings)
    para(document, "三、审核要求", "Heading 1")
    para(document, "请有关单位对上述错误逐项核实，更正后重新报送；对警告和提示，请核实并在报告中说明。"
                   "本意见书所列问题由 jixiao 按报告所述数字关系校验得出，经审核人确认后生效。")
    with writing(output, force=True) as temporary:
        document.save(str(temporary))
    return output


def _findings_table(document: DocxDocument, findings: Sequence[AuditedFinding]) -> None:
    grid = table(document, FINDING_WIDTHS, len(findings) + 1)
    fill(grid, 0, [(0, 0, "序号"), (1, 1, "类别"), (2, 2, "位置"), (3, 3, "问题")], bold=True)
    for row, finding in enumerate(findings, start=1):
        fill(grid, row, [(0, 0, str(row)), (1, 1, finding.severity), (2, 2, finding.place),
                         (3, 3, finding.message)], left=(2, 3))


def _chinese_number(number: int) -> str:
    """1 → 一, 12 → 十二, 105 → 一百零五: the memo numbers its files （一）（二）…"""
    import cn2an  # type: ignore[import-untyped]

    return str(cn2an.an2cn(number))
