"""Batch audit in Chromium against `jixiao serve --demo` (its own worker, SQLite, the file
queue): the finance reviewer uploads a small zip on the batch page, watches it finish, opens a
file's findings. Screenshots go to ``test-output/screenshots/``."""

from __future__ import annotations

import zipfile
from pathlib import Path

from web.test_browser import PAGE_ERRORS, _page, _shot, browser, playwright, site, site_data

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "tests" / "data" / "reports"

__all__ = ["browser", "site", "site_data"]  # the fixtures, shared with the main browser test


def test_a_reviewer_audits_a_zip_of_reports(site: str, browser: object, tmp_path: Path) -> None:
    archive = tmp_path / "自评报告.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("洞庭新城2023.txt", (REPORTS / "dongting-2023.txt").read_bytes())
        bundle.writestr("西塘2024.txt", (REPORTS / "xitang-2024.txt").read_bytes())
        bundle.writestr("损坏.docx", b"PK\x03\x04 not a word file")
    reviewer = _page(browser, site, "shenhe")
    reviewer.click("header nav >> text=批量审核")
    reviewer.set_input_files("input[name=files]", str(archive))
    reviewer.click("button:has-text('上传并审核')")
    expect = playwright.expect
    expect(reviewer.locator("#audit-status")).to_have_text("已完成", timeout=120000)
    rows = reviewer.locator("table.audit-files tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_contain_text("自评报告.zip/洞庭新城2023.txt")
    expect(rows.nth(0)).to_contain_text("核对 32 项关系，23 项相符")
    expect(rows.nth(2)).to_contain_text("不是有效的 Word 文档（.docx）文件")
    expect(reviewer.locator("a:has-text('审核意见书（PDF）')")).to_be_visible()
    _shot(reviewer, "audit-01-batch")
    rows.nth(0).locator("a:has-text('详情')").click()
    expect(reviewer.locator("table.findings-table")).to_contain_text("第 1 个表格第 11 行第 4 列")
    _shot(reviewer, "audit-02-file")
    assert PAGE_ERRORS == []
