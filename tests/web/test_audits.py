"""Batch audit in the browser's pages, through a real Celery worker on the real broker: a zip of
reports (GBK names from Windows, a name that climbs out, a damaged Word file) is checked file by
file as `jixiao check --all` checks it; each file is checked once, a redelivered task does
nothing; a large scan is read by several tasks; the results go out as a workbook and a memo."""

from __future__ import annotations

import io
import subprocess
import time
import zipfile
from datetime import timedelta
from pathlib import Path

import docx
import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from jixiao.cli.batch import check_file
from jixiao.web.audits.models import BatchAudit, BatchFile, BatchPart, FileStatus
from jixiao.web.audits.tasks import audit_file
from jixiao.web.evaluations.jobs import files_dir
from web.conftest import World, client_for, redis_up

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "tests" / "data" / "reports" / "dongting-2023.txt"
FONT = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"

pytestmark = [pytest.mark.skipif(not redis_up(), reason="no Redis on 127.0.0.1:6379"),
              pytest.mark.django_db(transaction=True)]


def windows_zip(entries: list[tuple[str, bytes]]) -> bytes:
    """A zip as Chinese Windows writes one: names in GBK, without the UTF-8 flag."""
    buffer = io.BytesIO()
    placeholders = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, (name, content) in enumerate(entries):
            raw = name.encode("gbk")
            placeholder = f"{number:02d}".encode() + b"_" * (len(raw) - 2)
            placeholders.append((placeholder, raw))
            archive.writestr(placeholder.decode(), content)
    data = buffer.getvalue()
    for placeholder, raw in placeholders:
        data = data.replace(placeholder, raw)
    return data


def _finished(batch_id: int, seconds: float = 180) -> BatchAudit:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        batch = BatchAudit.objects.get(pk=batch_id)
        if batch.finished_at is not None:
            return batch
        time.sleep(0.2)
    raise AssertionError(f"batch {batch_id}: {list(BatchFile.objects.filter(batch_id=batch_id).values('name', 'status'))}")


def _upload(world: World, *files: SimpleUploadedFile, who: str = "finance_reviewer") -> BatchAudit:
    response = client_for(world.users[who]).post(reverse("audit_new"), {"files": list(files)})
    assert response.status_code == 302, response.content.decode()
    return _finished(int(response.url.rstrip("/").split("/")[-1]))


@pytest.fixture
def audited(world: World, worker: None) -> BatchAudit:
    archive = windows_zip([
        ("报告/洞庭新城2023.txt", REPORT.read_bytes()),
        ("报告/损坏.docx", b"PK\x03\x04 this is not a word file"),
        ("../../逃逸.txt", REPORT.read_bytes()),
        ("报告/说明.md", "说明".encode()),
        ("报告/.隐藏.txt", b"hidden"),
    ])
    return _upload(world, SimpleUploadedFile("材料.zip", archive), SimpleUploadedFile("空.txt", b""))


def test_a_zip_gets_one_row_per_file_with_what_the_cli_finds(audited: BatchAudit) -> None:
    rows = [(f.number, f.name, f.status, f.error_count, f.warning_count, f.info_count, f.checked, f.error)
            for f in audited.files.all()]
    assert rows == [
        (1, "材料.zip/报告/洞庭新城2023.txt", "done", 3, 4, 2, "核对 32 项关系，23 项相符", ""),
        (2, "材料.zip/报告/损坏.docx", "failed", 0, 0, 0, "", "不是有效的 Word 文档（.docx）文件"),
        (3, "材料.zip/逃逸.txt", "done", 3, 4, 2, "核对 32 项关系，23 项相符", ""),
        (4, "材料.zip/报告/说明.md", "failed", 0, 0, 0, "",
         "无法识别的文件类型“.md”：支持 .txt、.docx、.pdf、.doc、.xls、.png、.jpg、.jpeg、.yaml、.yml、.json、.xlsx"),
        (5, "空.txt", "failed", 0, 0, 0, "", "文件为空"),
    ]
    kept = sorted(path.name for path in Path(audited.files.first().path).parent.iterdir() if path.is_file())
    assert kept == ["0001.txt", "0002.docx", "0003.txt", "0004.md", "0005.txt"]
    first = audited.files.get(number=1)
    expected = check_file(REPORT, passed=True).as_json() | {"file": "材料.zip/报告/洞庭新城2023.txt"}
    assert first.result == expected
    assert [(f.attempts, f.results) for f in audited.files.all()] == [(1, 1)] * 5


def test_the_batch_page_and_a_file_s_findings_with_their_places(world: World, audited: BatchAudit) -> None:
    client = client_for(world.users["finance_reviewer"])
    page = client.get(reverse("audit", args=[audited.pk])).content.decode()
    assert "已完成 5 / 5 个文件；2 个有错误，3 个无法校验；共 6 个错误、8 个警告、4 条提示。" in page
    assert "hx-get" not in page  # finished: no more polling
    assert '<td colspan="5" class="file-error">文件为空</td>' in page
    detail = client.get(reverse("audit_file", args=[audited.pk, 1])).content.decode()
    assert "<td>第 1 个表格第 11 行第 4 列</td>" in detail
    assert "核对相符的关系（23 项）" in detail
    assert client.get(reverse("audits")).content.decode().count(f'href="/audits/{audited.pk}/"') == 1


def test_the_results_workbook_and_the_memo(world: World, audited: BatchAudit, tmp_path: Path) -> None:
    client = client_for(world.users["finance_reviewer"])
    workbook = client.get(reverse("audit_export", args=[audited.pk, "xlsx"]))
    (tmp_path / "r.xlsx").write_bytes(b"".join(workbook.streaming_content))
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    summary = [list(row) for row in book["审核结果"].iter_rows(values_only=True)]
    assert summary[1] == [1, "材料.zip/报告/洞庭新城2023.txt", "有错误", 3, 4, 2, "核对 32 项关系，23 项相符", "yueyanglou-2024", None]
    assert summary[5] == [5, "空.txt", "无法校验", 0, 0, 0, None, None, "文件为空"]
    details = list(book["问题明细"].iter_rows(values_only=True))
    assert len(details) == 1 + 2 * 9
    memo = client.get(reverse("audit_export", args=[audited.pk, "docx"]))
    (tmp_path / "m.docx").write_bytes(b"".join(memo.streaming_content))
    paragraphs = [p.text for p in docx.Document(str(tmp_path / "m.docx")).paragraphs]
    assert paragraphs[0] == "预算绩效自评报告审核意见书"
    assert ("本次共审核 5 份文件：2 份发现错误，0 份仅有警告或提示，0 份未发现问题，3 份无法校验。"
            "共发现错误 6 个、警告 8 个、提示 4 条。") in paragraphs
    assert "（五）空.txt" in paragraphs and "无法校验：文件为空" in paragraphs
    pdf = client.get(reverse("audit_export", args=[audited.pk, "pdf"]))
    (tmp_path / "m.pdf").write_bytes(b"".join(pdf.streaming_content))
    text = subprocess.run(["pdftotext", str(tmp_path / "m.pdf"), "-"], capture_output=True, text=True, check=True)
    assert "预算绩效自评报告审核意见书" in text.stdout.replace(" ", "")


def test_a_finished_batch_s_exports_are_written_ahead_by_a_worker(world: World, audited: BatchAudit) -> None:
    folder = files_dir("audits", str(audited.pk), "exports")
    names = [f"批量审核{audited.pk}-审核结果.xlsx", f"批量审核{audited.pk}-审核意见书.docx",
             f"批量审核{audited.pk}-审核意见书.pdf"]
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not all((folder / name).is_file() for name in names):
        time.sleep(0.2)
    assert sorted(path.name for path in folder.iterdir() if not path.name.startswith(".")) == sorted(names)
    written = (folder / names[0]).stat().st_mtime_ns
    download = client_for(world.users["finance_reviewer"]).get(reverse("audit_export", args=[audited.pk, "xlsx"]))
    assert b"".join(download.streaming_content) == (folder / names[0]).read_bytes()
    assert (folder / names[0]).stat().st_mtime_ns == written  # served as written, not made again


def test_a_file_being_checked_is_not_taken_by_a_second_delivery(audited: BatchAudit) -> None:
    first = audited.files.get(number=1)
    BatchFile.objects.filter(pk=first.pk).update(status=FileStatus.RUNNING, claim="live-worker", results=0,
                                                 touched_at=timezone.now())
    audit_file.apply(args=[first.pk])
    again = BatchFile.objects.get(pk=first.pk)
    assert (again.status, again.attempts, again.results, again.claim) == ("running", 1, 0, "live-worker")


def test_a_redelivered_task_checks_nothing_again(audited: BatchAudit) -> None:
    first = audited.files.get(number=1)
    audit_file.apply(args=[first.pk])  # as a message delivered again would run it
    again = BatchFile.objects.get(pk=first.pk)
    assert (again.attempts, again.results, again.finished_at) == (1, 1, first.finished_at)


def test_a_file_left_running_by_a_dead_worker_is_finished_once(audited: BatchAudit) -> None:
    first = audited.files.get(number=1)
    BatchFile.objects.filter(pk=first.pk).update(status=FileStatus.RUNNING, claim="dead-worker", results=0,
                                                 touched_at=timezone.now() - timedelta(hours=2))
    audit_file.apply(args=[first.pk])
    again = BatchFile.objects.get(pk=first.pk)
    assert (again.status, again.attempts, again.results, again.error_count) == ("done", 2, 1, 3)


def test_only_reviewers_of_the_organisation_see_a_batch(world: World, audited: BatchAudit) -> None:
    assert client_for(world.users["preparer"]).get(reverse("audits")).status_code == 403
    assert client_for(world.users["foreign_reviewer"]).get(reverse("audit", args=[audited.pk])).status_code == 404
    assert client_for(world.users["department_reviewer"]).get(reverse("audit", args=[audited.pk])).status_code == 404
    assert client_for(world.users["admin"]).get(reverse("audit", args=[audited.pk])).status_code == 200
    listed = client_for(world.users["foreign_reviewer"]).get(reverse("audits")).content.decode()
    assert "还没有批量审核。" in listed


def _scan(path: Path, lines: list[list[str]]) -> Path:
    font = ImageFont.truetype(FONT, 30)
    pages = []
    for page in lines:
        image = Image.new("L", (1240, 1754), 255)
        draw = ImageDraw.Draw(image)
        for number, line in enumerate(page):
            draw.text((150, 200 + 60 * number), line, font=font, fill=0)
        pages.append(image)
    pages[0].save(path, "PDF", save_all=True, append_images=pages[1:], resolution=150)
    return path


def test_a_large_scan_is_read_by_several_tasks_and_checked_whole(world: World, worker: None, settings: object,
                                                                 tmp_path: Path) -> None:
    settings.AUDIT_PAGES_PER_TASK = 1  # type: ignore[attr-defined]
    scan = _scan(tmp_path / "扫描件.pdf", [["一、收入决算情况", "收入总计300万元，其中：财政拨款收入200万元，", "其他收入150万元。"],
                                           ["二、支出决算情况", "支出总计250万元，其中：基本支出150万元，", "项目支出100万元。"]])
    batch = _upload(world, SimpleUploadedFile("扫描件.pdf", scan.read_bytes()))
    file = batch.files.get()
    assert (file.status, file.pages, file.attempts, file.results) == ("done", 2, 2, 1)
    assert list(BatchPart.objects.filter(file=file).values_list("start", "stop", "done")) == [(0, 1, True), (1, 2, True)]
    assert file.result == check_file(Path(file.path), passed=True).as_json() | {"file": "扫描件.pdf"}
    assert [item["message"] for item in file.result["findings"]] == [
        "收入总计 300万元 与财政拨款收入、其他收入之和 350万元 超过总数（多 50万元），所列各项不应大于总数"]
    assert (file.checked, len(list((Path(settings.MEDIA_ROOT).parent / "cache" / "ocr").iterdir()))) == (  # type: ignore[attr-defined]
        "核对 2 项关系，1 项相符", 2)


def test_a_zip_past_the_limits_is_one_row_with_the_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from jixiao.web.audits import archive

    many = windows_zip([(f"{number}.txt", b"x") for number in range(3)])
    monkeypatch.setattr(archive, "MAX_FILES", 2)
    assert archive.receive([archive.Upload("多.zip", io.BytesIO(many))], tmp_path) == [
        archive.Received("多.zip", error="压缩包内有 3 个文件，超过每批 2 个的上限，请分批上传")]
    monkeypatch.setattr(archive, "MAX_FILES", 10)
    monkeypatch.setattr(archive, "MAX_UNPACKED", 2)
    assert archive.receive([archive.Upload("大.zip", io.BytesIO(many))], tmp_path) == [
        archive.Received("大.zip", error="压缩包解压后有 0 MB，超过 0 MB 的上限，拒绝解压")]
    assert archive.receive([archive.Upload("坏.zip", io.BytesIO(b"PK\x03\x04 broken"))], tmp_path) == [
        archive.Received("坏.zip", error="压缩包已损坏或不是 zip 格式，无法解压")]
    assert list(tmp_path.iterdir()) == []


def test_an_upload_too_large_in_all_is_refused_in_chinese(world: World, settings: object) -> None:
    settings.AUDIT_UPLOAD_MAX_BYTES = 1024 * 1024  # type: ignore[attr-defined]
    client = client_for(world.users["finance_reviewer"])
    response = client.post(reverse("audit_new"), {"files": [SimpleUploadedFile("大.txt", b"x" * (2 * 1024 * 1024))]},
                           follow=True)
    assert "上传的文件共 2 MB，超过 1 MB 的上限，请分批上传" in response.content.decode()
    response = client.post(reverse("audit_new"), {}, follow=True)
    assert "请选择要审核的报告文件或 zip 压缩包" in response.content.decode()
    assert BatchAudit.objects.count() == 0
