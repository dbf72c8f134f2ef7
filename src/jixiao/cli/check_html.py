"""`jixiao check --format html`: one self-contained page (inline CSS, no script, no link out).

A summary table of every file, then each file's findings: severity, code, place, message, the
evidence with the stated number marked (``<mark class="stated">``) and the figures that fed it
(``<mark class="term">``), and a table of those figures with their places. A report's text is
untrusted: everything that comes from a file is escaped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from jixiao.cli.check_view import FileResult, evidence_of, source_lines
from jixiao.findings import CONTROL, Finding, Place, Severity, summarize
from jixiao.io.visible import visible

STYLE = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:2rem auto;
max-width:72rem;padding:0 1rem;color:#1f2328;line-height:1.6}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2.5rem;border-bottom:1px solid #d0d7de;
word-break:break-all}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.25rem .6rem;
text-align:left;vertical-align:top}th{background:#f6f8fa}td.n{text-align:right}
.meta{color:#59636e}.clean{color:#1a7f37}
.finding{border-left:.3rem solid;border-radius:.2rem;margin:1rem 0;padding:.5rem 1rem}
.finding.error{border-color:#cf222e;background:#fff5f5}
.finding.warning{border-color:#bf8700;background:#fffbeb}
.finding.info{border-color:#0969da;background:#f3f8ff}
.badge{display:inline-block;border-radius:.8rem;padding:0 .6rem;color:#fff;font-size:.85rem}
.badge.error{background:#cf222e}.badge.warning{background:#9a6700}.badge.info{background:#0969da}
.badge.failure{background:#6e7781}
.code{font-family:monospace;font-weight:bold;margin:0 .4rem}.where{color:#59636e}
.evidence{background:#fff;border:1px solid #d0d7de;padding:.4rem .8rem;margin:.4rem 0;
white-space:pre-wrap}
mark.stated{background:#ffd33d;font-weight:bold}mark.term{background:#d8f0ff}
.failure{border-left:.3rem solid #6e7781;background:#f6f8fa;padding:.5rem 1rem;white-space:pre-wrap}
"""


def as_html(results: Sequence[FileResult], title: str = "jixiao 校验结果") -> str:
    """The page for ``results``, in their order."""
    sections = "".join(_file_section(index, result) for index, result in enumerate(results))
    return (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            f"<h1>{escape(title)}</h1>\n{_summary(results)}{sections}</body>\n</html>\n")


def _summary(results: Sequence[FileResult]) -> str:
    rows = []
    totals = {severity.value: 0 for severity in Severity}
    for index, result in enumerate(results):
        link = f'<a href="#file-{index}">{escape(visible(result.file))}</a>'
        if result.error is not None:
            rows.append(f'<tr><td>{link}</td><td colspan="3">无法校验：{escape(result.error.message)}'
                        f"</td></tr>")
            continue
        counts = summarize(result.findings)
        totals = {key: totals[key] + counts[key] for key in totals}
        rows.append(f"<tr><td>{link}</td>{_count_cells(counts)}</tr>")
    unreadable = sum(result.error is not None for result in results)
    head = (f'<p class="meta">共 {len(results)} 个文件，{unreadable} 个无法校验；'
            f"{totals['error']} 个错误，{totals['warning']} 个警告，{totals['info']} 条提示。</p>\n")
    return (f"{head}<table>\n<tr><th>文件</th><th>错误</th><th>警告</th><th>提示</th></tr>\n"
            + "\n".join(rows) + f"\n<tr><th>合计</th>{_count_cells(totals)}</tr>\n</table>\n")


def _count_cells(counts: dict[str, int]) -> str:
    return "".join(f'<td class="n">{counts[severity.value]}</td>' for severity in Severity)


def _file_section(index: int, result: FileResult) -> str:
    template = f"；模板：{escape(result.template)}" if result.template else ""
    checked = f"；{escape(result.checked())}" if result.passed is not None else ""
    meta = f"格式：{escape(result.format)}{template}{checked}"
    name = escape(visible(result.file))
    head = f'<section id="file-{index}">\n<h2>{name}</h2>\n<p class="meta">{meta}</p>\n'
    if result.error is not None:
        return (f'{head}<div class="failure"><span class="badge failure">无法校验</span>'
                f'<span class="code">{escape(result.error.code)}</span>{escape(result.error.text)}'
                f"</div>\n</section>\n")
    if not result.findings:
        return f'{head}<p class="clean">未发现问题。</p>\n</section>\n'
    source = source_lines(result.file)
    return head + "".join(_finding(finding, source) for finding in result.findings) + "</section>\n"


def _finding(finding: Finding, source: list[str]) -> str:
    severity = finding.severity.value
    where = place_label(finding.where)
    parts = [f'<article class="finding {severity}">\n<div><span class="badge {severity}">'
             f'{finding.severity.chinese}{"（控制）" if finding.kind == CONTROL else ""}</span>'
             f'<span class="code">{escape(finding.code)}</span>'
             f'<span class="where">{escape(where)}</span></div>\n'
             f'<p class="message">{escape(finding.message)}</p>\n']
    evidence = evidence_of(finding, source)
    if evidence:
        values = [term.value for term in finding.terms]
        parts.append(f'<div class="evidence">{highlight(evidence, finding.stated, values)}</div>\n')
    if finding.stated is not None and finding.expected is not None:
        allowed = ""
        if finding.expected_range is not None:
            low, high = finding.expected_range
            allowed = f"（允许 {escape(low)} 至 {escape(high)}）"
        parts.append(f'<p class="meta">文中 {escape(finding.stated)}，其余数字得出 '
                     f"{escape(finding.expected)}{allowed}</p>\n")
    if finding.terms:
        rows = "".join(f"<tr><td>{escape(term.label)}</td><td class=\"n\">{escape(term.value)}</td>"
                       f"<td>{escape(place_label(term.where))}</td></tr>\n" for term in finding.terms)
        parts.append(f"<table>\n<tr><th>项目</th><th>数值</th><th>位置</th></tr>\n{rows}</table>\n")
    return "".join(parts) + "</article>\n"


def place_label(place: Place) -> str:
    """A place as a reader looks for it: a line, a sheet's cell or a field path, prefixed by
    the other report it is in (a cross check's figure)."""
    other = f"{place.report} " if place.report else ""
    if place.line is not None:
        return f"{other}第 {place.line} 行"
    if place.sheet and place.cell:
        return f"{other}{place.sheet}!{place.cell}"
    return f"{other}{place.path or ''}"


def highlight(text: str, stated: str | None, terms: Sequence[str]) -> str:
    """``text`` escaped, with the first whole occurrence of the stated number and of each term
    value marked (a number inside a longer one, 5.00 in 15.00, is not an occurrence)."""
    spans: list[tuple[int, int, str]] = []
    for value, kind in [(stated, "stated"), *((term, "term") for term in terms)]:
        if not value:
            continue
        for match in re.finditer(rf"(?<![\d.]){re.escape(value)}(?!\.?\d)", text):
            if all(match.end() <= start or match.start() >= end for start, end, _ in spans):
                spans.append((match.start(), match.end(), kind))
                break
    marked, at = [], 0
    for start, end, kind in sorted(spans):
        marked.append(f'{escape(text[at:start])}<mark class="{kind}">{escape(text[start:end])}</mark>')
        at = end
    return "".join(marked) + escape(text[at:])
