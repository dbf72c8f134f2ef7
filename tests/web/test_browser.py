"""The whole flow in Chromium against `jixiao serve --demo` (its own worker, SQLite, the file
queue, LibreOffice for the PDF): the preparer sees a live finding, fixes it, renders the PDF
and submits; the reviewer returns it with a comment on a field; the preparer fixes and
resubmits; the reviewer dismisses a finding, re-scores an indicator and approves.

Screenshots of every page go to ``test-output/screenshots/``.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
PASSWORD = "Jixiao-Demo-2026"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    env = {key: value for key, value in os.environ.items()
           if key not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "JIXIAO_BROKER_URL"}}
    data = tmp_path_factory.mktemp("site")
    server = subprocess.Popen([str(Path(sys.executable).with_name("jixiao")), "serve", "--demo", "--port", str(port),
                               "--data", str(data), "--workers", "1"], env=env, start_new_session=True,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{url}/login/", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    else:
        os.killpg(server.pid, signal.SIGKILL)
        raise AssertionError(server.stdout.read().decode() if server.stdout else "no output")
    yield url
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        yield launched
        launched.close()


PAGE_ERRORS: list[str] = []


def _page(browser: object, site: str, username: str) -> object:
    page = browser.new_page(viewport={"width": 1440, "height": 1000})  # type: ignore[attr-defined]
    page.on("pageerror", lambda error: PAGE_ERRORS.append(f"{username}: script error: {error}"))
    # htmx logs an aborted live check (replaced by a newer one) as a console error: count
    # server errors by their responses instead.
    page.on("response", lambda response: response.status >= 500 and PAGE_ERRORS.append(
        f"{username}: {response.status} {response.url}"))
    page.goto(f"{site}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{site}/")
    return page


def _shot(page: object, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)  # type: ignore[attr-defined]


def test_prepare_review_return_fix_approve(site: str, browser: object) -> None:
    preparer = _page(browser, site, "tianbao")
    _shot(preparer, "01-preparer-list")
    preparer.click("text=打开")
    expect = playwright.expect
    expect(preparer.locator("#findings")).to_contain_text("附件2自评得分合计 99分 与各项得分之和 93分 不一致")
    _shot(preparer, "02-editor")

    # The live finding: follow its link to the field, fix the figure, watch it go.
    preparer.click("#findings a:has-text('附件2自评得分合计 99分')")
    total = preparer.locator("#f-self_assessment-stated_total_score")
    expect(total).to_be_focused()
    expect(preparer.locator('ul.notes[data-notes-for="f-self_assessment-stated_total_score"]')).to_contain_text("不一致")
    _shot(preparer, "03-finding-at-its-field")
    total.fill("93")
    expect(preparer.locator("#findings")).not_to_contain_text("附件2自评得分合计", timeout=15000)
    _shot(preparer, "04-finding-gone")
    preparer.click("button:has-text('保存')")
    expect(preparer.locator(".messages")).to_contain_text("已保存第 2 版（1 处修改）")

    # An upload read by the worker in its budgeted child: the unit's own workbook.
    preparer.set_input_files("input[type=file]", str(Path(__file__).resolve().parents[2] / "examples" / "dongting-2023.xlsx"))
    preparer.click("button:has-text('上传并读取')")
    expect(preparer.locator(".job-status")).to_have_text("已完成", timeout=120000)
    expect(preparer.locator("#job")).to_contain_text("各项均已读出")
    _shot(preparer, "05-upload-read")
    preparer.click("text=返回自评")

    # The PDF, rendered by the worker: progress, then the file.
    preparer.click("button:has-text('生成PDF 报告')")
    _shot(preparer, "05-render-progress")
    download_link = preparer.locator("#download")
    expect(download_link).to_be_visible(timeout=120000)
    _shot(preparer, "06-render-done")
    with preparer.expect_download() as download:
        download_link.click()
    pdf = Path(download.value.path())
    assert pdf.read_bytes()[:5] == b"%PDF-"
    preparer.click("text=返回自评")

    preparer.once("dialog", lambda dialog: dialog.accept())
    preparer.click("button:has-text('提交')")
    expect(preparer.locator(".status").first).to_have_text("已提交")
    _shot(preparer, "07-submitted")

    # The reviewer returns it with a comment on a field.
    reviewer = _page(browser, site, "shenhe")
    _shot(reviewer, "08-reviewer-list")
    reviewer.goto(preparer.url.split("#")[0].rstrip("/") + "/review/")
    reviewer.click("button[data-step='finance_start']")
    reviewer.fill("textarea[name=comment]", "请补充第九部分")
    reviewer.select_option("select.comment-path", label="【九、自评结果拟应用和公开情况】".strip("【】") and "自评得分 填写内容")
    reviewer.fill("input[name=comment_text]", "第九部分应写明自评得分 93")
    _shot(reviewer, "09-review-return")
    reviewer.click("button:has-text('退回')")
    expect(reviewer.locator(".status").first).to_have_text("已退回")

    # The preparer sees the comment at its field, fixes and resubmits.
    preparer.reload()
    expect(preparer.locator(".notice")).to_contain_text("第九部分应写明自评得分 93")
    _shot(preparer, "10-returned-with-comment")
    preparer.click(".notice a[data-goto]")
    preparer.locator("#f-narrative-results-stated_score").fill("93")
    preparer.locator("#f-narrative-results-stated_grade").select_option("优")
    preparer.click("button:has-text('保存')")
    expect(preparer.locator(".messages")).to_contain_text("已保存第 3 版")
    preparer.once("dialog", lambda dialog: dialog.accept())
    preparer.click("button:has-text('提交')")
    expect(preparer.locator(".status").first).to_have_text("已提交")

    # The reviewer dismisses one finding, re-scores one indicator and approves.
    reviewer.reload()
    reviewer.click("button[data-step='finance_start']")
    row = reviewer.locator("tr[data-fingerprint]").filter(has_text="JX-SAME-001")
    row.locator("input[name=comment]").fill("口径差异已在报告中说明")
    row.locator("button[value=dismissed]").click()
    expect(reviewer.locator("tr[data-fingerprint]").filter(has_text="JX-SAME-001")).to_contain_text("排除")
    line = reviewer.locator("tr[data-path='self_assessment.indicators[7]']")
    line.locator("input[name=score]").fill("4.5")
    line.locator("input[name=reason]").fill("超年初预算")
    line.locator("button:has-text('复核')").click()
    expect(reviewer.locator("tr[data-path='self_assessment.indicators[7]']")).to_contain_text("-0.50")
    _shot(reviewer, "11-review-verdict-rescore")
    reviewer.click("button[data-step='approve']")
    expect(reviewer.locator(".status").first).to_have_text("已审核")
    _shot(reviewer, "12-approved")
    assert PAGE_ERRORS == []


def test_a_token_made_on_its_page_calls_the_api_and_the_docs_page_runs_under_the_csp(site: str, browser: object) -> None:
    page = _page(browser, site, "tianbao")
    blocked: list[str] = []
    page.on("console", lambda message: "Content Security Policy" in message.text and blocked.append(message.text))
    page.click("nav >> text=接口令牌")
    page.fill("input[name=name]", "单位财务系统对接")
    page.click("button:has-text('创建')")
    token = page.locator("#new-token code.token").inner_text()
    _shot(page, "20-api-token-made")
    answer = page.request.get(f"{site}/api/evaluations", headers={"Authorization": f"Bearer {token}"})
    assert [item["unit"]["name"] for item in answer.json()["items"]] == ["岳阳市洞庭新城项目建设岳阳楼区工作部"]
    page.goto(f"{site}/api/docs")
    playwright.expect(page.locator(".swagger-ui .info .title")).to_contain_text("jixiao 预算绩效自评接口")
    playwright.expect(page.locator(".opblock-summary-path").first).to_be_visible()
    _shot(page, "21-api-docs")
    page.goto(f"{site}/tokens/")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("button:has-text('吊销')")
    playwright.expect(page.locator(".messages")).to_contain_text("已吊销令牌“单位财务系统对接”")
    _shot(page, "22-api-token-revoked")
    assert page.request.get(f"{site}/api/evaluations", headers={"Authorization": f"Bearer {token}"}).status == 401
    assert (blocked, PAGE_ERRORS) == ([], [])
