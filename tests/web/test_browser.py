"""The whole flow in Chromium against `jixiao serve --demo` (its own worker, SQLite, the file
queue, LibreOffice for the PDF): the preparer sees a live finding, fixes it, renders the PDF
and submits; the reviewer returns it with a comment on a field; the preparer fixes and
resubmits; the reviewer dismisses a finding, re-scores an indicator and approves.

Screenshots of every page go to ``test-output/screenshots/``.
"""

from __future__ import annotations

import io
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import openpyxl
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


def _site_env() -> dict[str, str]:
    return {key: value for key, value in os.environ.items()
            if key not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "JIXIAO_BROKER_URL"}}


@pytest.fixture(scope="module")
def site_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo site's data directory (its SQLite database)."""
    return tmp_path_factory.mktemp("site")


@pytest.fixture(scope="module")
def site(site_data: Path) -> Iterator[str]:
    port = _free_port()
    data = site_data
    # The output goes to a file, not a pipe: the worker `serve` starts (in a session of its own)
    # inherits it, and a pipe held open by a worker left behind would block reading it.
    log = data / "serve.log"
    with log.open("wb") as output:
        server = subprocess.Popen([str(Path(sys.executable).with_name("jixiao")), "serve", "--demo",
                                   "--port", str(port), "--data", str(data), "--workers", "1"],
                                  env=_site_env(), start_new_session=True, stdout=output,
                                  stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(f"{url}/login/", server, log, seconds=300)
        yield url
    finally:
        _stop_site(server)


def _wait_until_up(url: str, server: subprocess.Popen[bytes], log: Path, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and server.poll() is None:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"jixiao serve did not answer {url} within {seconds} s "
                         f"(exit code {server.poll()}):\n{log.read_text(errors='replace')}")


def _stop_site(server: subprocess.Popen[bytes]) -> None:
    """SIGTERM lets `serve` stop its worker; SIGKILL its group if it does not end in time."""
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)
    except ProcessLookupError:
        pass


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


def test_serve_speaks_to_its_user_in_chinese_only(site: str, site_data: Path) -> None:
    """What `jixiao serve` prints on starting: its own words, in Chinese; nothing from the
    libraries underneath (kombu's host, Celery's root warning)."""
    console = (site_data / "serve.log").read_text(encoding="utf-8")
    banner = console[:console.index("按 Ctrl-C 停止。")].splitlines()
    assert banner[0] == f"jixiao 已启动：请在浏览器中打开 {site}/"
    assert banner[1:3] == [f"数据目录：{site_data.resolve()}", "演示账号（密码均为 Jixiao-Demo-2026）："]
    assert not any(word in console for word in ("hostname", "Warning", "superuser"))


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
    _shot(page, "30-api-token-made")
    answer = page.request.get(f"{site}/api/evaluations", headers={"Authorization": f"Bearer {token}"})
    assert [item["unit"]["name"] for item in answer.json()["items"]] == ["岳阳市洞庭新城项目建设岳阳楼区工作部"]
    page.goto(f"{site}/api/docs")
    playwright.expect(page.locator(".swagger-ui .info .title")).to_contain_text("jixiao 预算绩效自评接口")
    playwright.expect(page.locator(".opblock-summary-path").first).to_be_visible()
    _shot(page, "31-api-docs")
    page.goto(f"{site}/tokens/")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("button:has-text('吊销')")
    playwright.expect(page.locator(".messages")).to_contain_text("已吊销令牌“单位财务系统对接”")
    _shot(page, "32-api-token-revoked")
    assert page.request.get(f"{site}/api/evaluations", headers={"Authorization": f"Bearer {token}"}).status == 401
    assert (blocked, PAGE_ERRORS) == ([], [])


HOSTILE = "<img src=x onerror=alert(1)>"
# A unit named like markup, given a copy of a demo unit's evaluation, written straight into the
# demo site's database (no page lets a user name a unit).
_ADD_HOSTILE_UNIT = f"""
import django
django.setup()
from jixiao.web.accounts.models import Organisation, OrgKind
from jixiao.web.evaluations.models import Evaluation
source = Evaluation.objects.get(unit__name="【演示】区园林绿化中心", year=2023)
unit = Organisation.objects.create(name={HOSTILE!r}, kind=OrgKind.UNIT, parent=source.unit.parent)
source.pk = None
source.unit = unit
source.save()
"""


def test_dashboard_table_charts_export_and_drill_down(site: str, site_data: Path, browser: object) -> None:
    env = _site_env() | {"JIXIAO_DATA_DIR": str(site_data), "DJANGO_SETTINGS_MODULE": "jixiao.web.settings"}
    subprocess.run([sys.executable, "-c", _ADD_HOSTILE_UNIT], env=env, check=True, timeout=120)
    expect = playwright.expect
    reviewer = _page(browser, site, "shenhe")
    dialogs: list[str] = []
    reviewer.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    reviewer.click("header nav a:has-text('汇总分析')")
    reviewer.select_option("select[name=year]", "2023")
    reviewer.click("button:has-text('切换')")
    table = reviewer.locator("#dashboard-table tbody")
    expect(table.locator("tr")).to_have_count(12)  # 10 demo units, 洞庭新城 and the hostile name
    expect(table).to_contain_text("【演示】区档案馆")
    expect(table.locator("tr", has_text="【演示】区市政设施维护中心")).to_contain_text("高分低执行（一体化红色预警）")
    expect(table.locator("td a", has_text=HOSTILE)).to_have_count(1)
    for chart in ("grades", "rates", "three-public", "scatter"):
        expect(reviewer.locator(f"#chart-{chart} canvas")).to_have_count(1)
    reviewer.locator("#chart-scatter").hover()  # a tooltip near the hostile unit's point is text
    _shot(reviewer, "20-dashboard")
    reviewer.locator("#dashboard-filters").evaluate("element => element.scrollIntoView()")
    _shot(reviewer, "21-dashboard-table")
    assert reviewer.locator("img[src=x]").count() == 0

    reviewer.click("#dashboard-table th a[data-sort=rate]")
    expect(table.locator("tr").first).to_contain_text("【演示】区市政设施维护中心")  # 执行率 57.3%
    reviewer.select_option("select[name=alert]", "red")
    reviewer.click("button:has-text('筛选')")
    red_rows = table.locator("tr")
    reviewer.locator("#dashboard-filters").evaluate("element => element.scrollIntoView()")
    expect(red_rows.first).to_contain_text("【演示】区市政设施维护中心")
    assert all("a-red" in (row.inner_html()) for row in red_rows.all())
    _shot(reviewer, "22-dashboard-red-alerts")
    with reviewer.expect_download() as download:
        reviewer.click("#export")
    assert download.value.suggested_filename == "岳阳楼区-2023-绩效自评汇总表.xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
    assert [cell.value for cell in sheet[2]][:3] == ["年度", "预算单位", "主管部门"]
    assert sheet.cell(3, 2).value == "【演示】区市政设施维护中心"
    assert sheet.max_row - 2 == red_rows.count()

    reviewer.locator("#dashboard-table tr", has_text="【演示】区市政设施维护中心").locator("a:has-text('历年')").click()
    expect(reviewer.locator("h1")).to_have_text("【演示】区市政设施维护中心 · 历年自评")
    expect(reviewer.locator("#unit-years tbody tr")).to_have_count(2)
    expect(reviewer.locator("#chart-trend canvas")).to_have_count(1)
    _shot(reviewer, "23-unit-years")

    department = _page(browser, site, "bumen")
    department.goto(f"{site}/dashboard/?year=2023")
    expect(department.locator("#dashboard-table tbody tr")).to_have_count(4)
    expect(department.locator("#dashboard-table tbody")).not_to_contain_text("洞庭新城")
    _shot(department, "24-dashboard-department")
    assert dialogs == []
    assert PAGE_ERRORS == []
