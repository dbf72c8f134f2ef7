"""附件4-6 of the 岳阳楼区 form: 政府性基金 / 国有资本经营 / 社会保险基金 预算支出情况表, one row
per 项目 with its 预算数 and 执行数, then 合计 (the sum, not a row of its own)."""

from __future__ import annotations

from jixiao.documents.model import Document, Paragraph, Table
from jixiao.extract.evaluation.fields import BLANKS, Fields, first_line
from jixiao.extract.tables.cells import compact
from jixiao.numbers import Unit

TITLES = (("政府性基金预算支出情况表", "government_fund"), ("国有资本经营预算支出情况表", "state_capital"),
          ("社会保险基金预算支出情况表", "social_insurance"))
TOTAL = "合计"


def read_fund_tables(document: Document, fields: Fields) -> None:
    """The rows of each table that follows its title (“2023年度政府性基金预算支出情况表”)."""
    blocks = document.blocks
    for index, block in enumerate(blocks[:-1]):
        key = _fund(block)
        following = blocks[index + 1]
        if key is not None and isinstance(following, Table) and _is_fund_table(following):
            _rows(following, f"finances.{key}", fields)


def _fund(block: object) -> str | None:
    if not isinstance(block, Paragraph) or "表" not in block.text:  # every title ends with 表
        return None
    text = compact(block.text)
    return next((key for title, key in TITLES if text.endswith(title) and len(text) <= len(title) + 6), None)


def _is_fund_table(table: Table) -> bool:
    header = tuple(compact(text) for text in table.texts()[0]) if table.rows else ()
    return len(header) == 3 and header[0] == "项目" and header[1].startswith("预算数") \
        and header[2].startswith("执行数")


def _rows(table: Table, path: str, fields: Fields) -> None:
    for row in table.rows[1:]:
        name = compact(row[0].text) if len(row) == 3 else TOTAL
        if name in BLANKS or name == TOTAL:
            continue
        at = f"{path}.rows[{fields.count(f'{path}.rows')}]"
        fields.put(f"{at}.name", name, row[0].place)
        for cell, field in zip(row[1:], ("budget", "actual"), strict=True):
            fields.number(f"{at}.{field}", first_line(cell)[0], cell.place, Unit.WAN_YUAN)
