"""In Chromium against `jixiao serve --demo`: the 整改 flow (the bureau returns an evaluation
and notifies the unit, the unit answers with an attachment, the bureau closes it); then the
bureau approves and publishes it, and the public page (no login) lists it beside the demo's
published report, PDFs rendered by the embedded worker. Screenshots go to
``test-output/screenshots/``."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from web.test_browser import CHROMIUM, PAGE_ERRORS, _page, _shot, browser, playwright, site, site_data

__all__ = ["browser", "site", "site_data"]  # the fixtures, shared with the main browser test

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")


def _submitted_for_review(browser: object, site: str) -> tuple[object, object]:
    """洞庭新城's evaluation submitted: its preparer's page, and the bureau's reviewer on its
    review page with the review started."""
    preparer = _page(browser, site, "tianbao")
    preparer.click("text=打开")
    editor_url = preparer.url.split("#")[0]
    preparer.once("dialog", lambda dialog: dialog.accept())
    preparer.click("button:has-text('提交')")
    playwright.expect(preparer.locator(".status").first).to_have_text("已提交")
    reviewer = _page(browser, site, "shenhe")
    reviewer.goto(editor_url.rstrip("/") + "/review/")
    reviewer.click("button[data-step='finance_start']")
    return preparer, reviewer


def test_rectification_notice_feedback_close(site: str, browser: object, tmp_path: Path) -> None:
    expect = playwright.expect
    preparer, reviewer = _submitted_for_review(browser, site)
    reviewer.fill("textarea[name=comment]", "资产管理制度缺失")
    reviewer.click("button:has-text('退回')")
    expect(reviewer.locator(".status").first).to_have_text("已退回")
    reviewer.click("a:has-text('整改')  >> nth=-1")
    expect(reviewer.locator("main")).to_contain_text("整改原因：自评被退回")
    reviewer.fill("#issue-text", "请于期限内制定资产管理制度，并附制度文本")
    reviewer.fill("#issue-deadline", "2030-06-30")
    _shot(reviewer, "16-rectification-notice")
    reviewer.click("button:has-text('下发整改通知')")
    expect(reviewer.locator(".messages")).to_contain_text("已下发整改通知")
    expect(reviewer.locator(".rectification .status")).to_have_text("待整改")

    preparer.click("header a:has-text('整改')")
    expect(preparer.locator("table.list tbody")).to_contain_text("自评被退回")
    preparer.click("table.list tbody a")
    evidence = tmp_path / "资产管理制度.pdf"
    evidence.write_bytes(b"%PDF-1.4\n%%EOF\n")
    wrong = tmp_path / "制度.exe"
    wrong.write_bytes(b"MZ")
    preparer.fill("textarea[name=text]", "已制定《资产管理制度》，见附件")
    preparer.set_input_files("input[type=file]", [str(evidence), str(wrong)])
    preparer.click("button:has-text('提交整改反馈')")
    expect(preparer.locator(".error-box")).to_contain_text("附件“制度.exe”的类型（.exe）不能上传")
    expect(preparer.locator("textarea[name=text]")).to_have_value("已制定《资产管理制度》，见附件")
    _shot(preparer, "17-rectification-refused-attachment")
    preparer.set_input_files("input[type=file]", [str(evidence)])
    preparer.click("button:has-text('提交整改反馈')")
    expect(preparer.locator(".messages")).to_contain_text("已提交整改反馈")
    expect(preparer.locator(".attachments")).to_contain_text("资产管理制度.pdf")
    expect(preparer.locator("button:has-text('办结')")).to_have_count(0)
    _shot(preparer, "18-rectification-feedback")

    reviewer.reload()
    reviewer.fill("textarea[name=text]", "制度已建立，整改到位")
    reviewer.click("button:has-text('办结')")
    expect(reviewer.locator(".rectification .status")).to_have_text("已办结")
    expect(reviewer.locator("ol.thread > li")).to_have_count(3)
    _shot(reviewer, "19-rectification-closed")
    assert PAGE_ERRORS == []


def test_the_bureau_publishes_and_the_public_page_lists_without_login(site: str, browser: object) -> None:
    """After the 整改 above: the unit resubmits, the bureau approves and publishes; the public
    page shows it beside the demo's published 2021 report once the worker has rendered both."""
    expect = playwright.expect
    _, reviewer = _submitted_for_review(browser, site)
    reviewer.click("button[data-step='approve']")
    expect(reviewer.locator(".status").first).to_have_text("已审核")
    reviewer.once("dialog", lambda dialog: dialog.accept())
    reviewer.click("button[data-step='publish']")
    expect(reviewer.locator(".status").first).to_have_text("已公开")
    expect(reviewer.locator("button[data-step='unpublish']")).to_be_visible()
    _shot(reviewer, "20-published")

    page = browser.new_page(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    page.on("pageerror", lambda error: PAGE_ERRORS.append(f"public: script error: {error}"))
    deadline = time.monotonic() + 120
    page.goto(f"{site}/public/")
    while page.locator("a:has-text('下载 PDF')").count() < 2 and time.monotonic() < deadline:
        time.sleep(1)  # the worker renders the published PDFs
        page.reload()
    rows = page.locator("table.public-list tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0).locator("td, th")).to_have_text(
        ["岳阳楼区", "2023", "岳阳市洞庭新城项目建设岳阳楼区工作部", "203.54", "100.00%", "93.00", "优",
         "下载 PDF（2023 年度 岳阳市洞庭新城项目建设岳阳楼区工作部）"])
    expect(rows.nth(1)).to_contain_text("城陵矶新港区党群工作部")
    _shot(page, "21-public-list")
    expect(page.locator("a:has-text('登录')")).to_have_count(0)
    page.select_option("#f-year", "2021")
    page.click("button:has-text('查询')")
    expect(page.locator("a:has-text('下载本地区 2021 年度全部报告（zip）')")).to_have_count(0)
    page.select_option("#f-region", label="岳阳楼区")
    page.click("button:has-text('查询')")
    expect(page.locator("a:has-text('下载本地区 2021 年度全部报告（zip）')")).to_be_visible()
    _shot(page, "22-public-list-filtered")
    with page.expect_download() as download:
        page.click("a:has-text('下载 PDF')")
    assert Path(download.value.path()).read_bytes()[:5] == b"%PDF-"
    assert download.value.suggested_filename == "城陵矶新港区党群工作部2021年度自评报告.pdf"
    page.click("table.public-list tbody th a")  # the 2021 report
    expect(page.locator("h1")).to_have_text("2021 年度 城陵矶新港区党群工作部 预算绩效自评报告")
    _shot(page, "23-public-detail")
    page.goto(f"{site}/public/not-a-report/")
    expect(page.locator("body")).not_to_contain_text("城陵矶")
    page.goto(f"{site}/public/not-a-report/report.pdf")
    assert page.locator("body").inner_text().strip() != ""  # a 404 page, not a file
    assert PAGE_ERRORS == []
