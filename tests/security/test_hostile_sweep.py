"""Every command over a set of hostile inputs: a Chinese answer and an exit code, never a
traceback, never English from pydantic, typer or the system, never JX-INTERNAL-001 (kept for
jixiao's own faults)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.io.workbook.writer import write_workbook

EXAMPLE = Path(__file__).parents[2] / "examples" / "dongting-2023.yaml"
ENGLISH = re.compile(r"Traceback|Input should|Field required|validation error|Usage:|Error:|Invalid value|"
                     r"No such file|Permission denied|[A-Za-z]+Error\b|JX-INTERNAL-001")
runner = CliRunner()


def hostile_inputs(folder: Path) -> list[Path]:
    """Data files and reports built to break a reader, each a few KB at most."""
    example = EXAMPLE.read_text(encoding="utf-8")
    files = {
        "big-year.yaml": example.replace("\nyear: 2023", "\nyear: " + "9" * 5000, 1),
        "big-year.json": '{"year": ' + "9" * 5000 + "}",
        "deep.json": "[" * 10_000 + "]" * 10_000,
        "deep-object.json": '{"a":' * 10_000 + "1" + "}" * 10_000,
        "nul.yaml": example.replace("\n", "\n#\x00\n", 1),
        "wrong-kinds.yaml": yaml.safe_dump({"year": "二〇二三", "unit": [1, 2], "profile": {"a": 1}},
                                           allow_unicode=True),
        "alias.yaml": "a: &a [1, 2]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b]\n",
        "binary.yaml": "",
        "tab.yaml": "year:\t2023\n\tunit: x\n",
        "unclosed.yaml": 'year: 2023\nunit:\n  name: "abc\n',
        "at.yaml": "year: @2023\n",
        "escape.yaml": 'unit: {name: "\\q"}\n',
        "tag.yaml": "year: !!python/name:os.getcwd ''\n",
        "digits.txt": "项目支出预算1" + "0" * 5000 + "万元，实际支出50万元，执行率60%。\n",
        "garbage.docx": "这不是 Word 文件",
        "garbage.pdf": "%PDF-1.4\n这不是 PDF\n%%EOF\n",
        "garbage.png": "这不是图片",
        "empty.txt": "",
    }
    paths = []
    for name, content in files.items():
        path = folder / name
        path.write_text(content, encoding="utf-8")
        paths.append(path)
    (folder / "binary.yaml").write_bytes(b"year: 2023\nunit:\n  name: \xff\xfe\xb0\xa1\n")
    blank = folder / "blank.xlsx"
    write_workbook(blank, None, "yueyanglou-2024")
    with zipfile.ZipFile(blank) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["xl/worksheets/sheet2.xml"] = members["xl/worksheets/sheet2.xml"][:200] + b"<<broken"
    with zipfile.ZipFile(folder / "damaged.xlsx", "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    named = Path(os.fsdecode(os.fsencode(folder) + b"/a\xb0\xa1\n:1: x.yaml"))
    named.write_text(example, encoding="utf-8")
    return [*paths, folder / "damaged.xlsx", named, folder / "missing.yaml"]


def test_every_command_answers_every_hostile_input_in_chinese(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    outputs = tmp_path / "outputs"
    outputs.mkdir()
    for index, path in enumerate(hostile_inputs(inputs)):
        for args in (["check", str(path)], ["check", "--format", "json", str(path)],
                     ["check", str(path), "-o", str(outputs / f"{index}.txt")], ["score", str(path)],
                     ["import", str(path)], ["render", str(path), "-o", str(outputs / f"{index}.html")]):
            result = runner.invoke(app, args)
            said = result.stdout + result.stderr
            assert result.exit_code in (0, 1, 2), (args, said, result.exception)
            assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
            assert not ENGLISH.search(said), (args, said)
    assert [path.stat().st_size for path in outputs.iterdir() if path.stat().st_size == 0] == []


@pytest.mark.parametrize("target", ["/proc/x", "/sys/x", "/nonexistent/x"])
def test_every_command_answers_an_output_it_cannot_write_in_chinese(tmp_path: Path, target: str) -> None:
    report = tmp_path / "r.txt"
    report.write_text("项目支出预算100万元，实际支出50万元。\n", encoding="utf-8")
    for args in (["new", "-o", f"{target}.xlsx"], ["schema", "-o", f"{target}.json"],
                 ["check", str(EXAMPLE), "-o", f"{target}.txt"], ["render", str(EXAMPLE), "-o", f"{target}.docx"],
                 ["import", str(report), "-o", f"{target}.yaml"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.output, result.exception)
        assert result.stderr.startswith(f"错误：{target}."), (args, result.stderr)
        assert not ENGLISH.search(result.output), (args, result.output)


def test_ocr_works_for_a_user_without_a_home_directory(tmp_path: Path) -> None:
    """``env -u HOME`` as a user the system has no account for (a user namespace maps us to
    uid 54321): OCR reads the scan, caches it in the user's own temporary folder, says nothing
    in English."""
    from tests.documents.test_ocr import page

    if subprocess.run(["unshare", "--user", "--map-user=54321", "true"], capture_output=True,
                      check=False).returncode != 0:
        pytest.skip("no user namespaces here")
    image = page(tmp_path / "scan.png", [[(60, "基本支出113.94万元。")]])
    temporary = tmp_path / "tmp"
    temporary.mkdir(mode=0o1777)
    jixiao = Path(sys.executable).parent / "jixiao"
    command = ["unshare", "--user", "--map-user=54321", "--map-group=54321", "env", "-u", "HOME",
               "-u", "XDG_CACHE_HOME", "-u", "JIXIAO_CACHE_DIR", "-u", "JIXIAO_OCR_CACHE", f"TMPDIR={temporary}",
               str(jixiao), "import", str(image)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert (done.returncode, done.stderr) == (0, "")
    assert "# 由 jixiao import 从 scan.png 读出" in done.stdout
    cache = temporary / "jixiao-ocr-54321"
    assert cache.stat().st_mode & 0o777 == 0o700
    assert len(list(cache.glob("*.json"))) == 1


@pytest.mark.parametrize("args", [
    ["check"], ["new"], ["render", str(EXAMPLE)], ["check", "--format", "xml", str(EXAMPLE)],
    ["check", "--jobs", "0", str(EXAMPLE)], ["score", "--bogus", str(EXAMPLE)], ["import"], ["nosuch"],
    ["check", "--jobs", "x\n伪造", str(EXAMPLE)],
])
def test_every_usage_error_is_chinese(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, (args, result.output)
    assert "错误" in result.output or "缺少" in result.output or "没有" in result.output, result.output
    assert not ENGLISH.search(result.output), (args, result.output)
    assert not re.search(r"\b(?:Missing|Invalid|Error|Usage|Try|No such|Got unexpected)\b", result.output), result.output
