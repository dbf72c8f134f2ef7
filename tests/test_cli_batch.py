"""`jixiao check` over many files and folders: walked, checked in parallel, every file accounted for."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.cli.batch import check_all, check_file, checkable_suffixes, folder_files
from jixiao.cli.check_view import FileResult

runner = CliRunner()
EXAMPLE = Path(__file__).parents[1] / "examples" / "dongting-2023.yaml"
KNOWN = "、".join(checkable_suffixes())
WRONG_SUM = "按支出性质分类：基本支出132.81万元（人员经费114.24万元，公用经费18.47万元）。\n"
RIGHT_SUM = "按支出性质分类：基本支出132.71万元（人员经费114.24万元，公用经费18.47万元）。\n"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two reports (one with a wrong sum, one right) and one file that is not text."""
    root = tmp_path / "报告"
    _write(root / "b-错.txt", WRONG_SUM)
    _write(root / "a" / "对.txt", RIGHT_SUM)
    (root / "c-坏.txt").write_bytes(b"\x00\x01\x02garbage")
    return root


def test_a_folder_is_every_readable_file_under_it_sorted(tmp_path: Path) -> None:
    for name in ("z.txt", "a/b.docx", "a/c.YAML", "m.json", "n.xlsx", "notes.md", "a/.hidden.txt",
                 ".git/x.txt", "~$lock.docx"):
        _write(tmp_path / name, "x")
    assert [path.relative_to(tmp_path).as_posix() for path in folder_files(tmp_path)] == [
        "a/b.docx", "a/c.YAML", "m.json", "n.xlsx", "z.txt"]


def test_a_folder_gives_each_file_its_result_in_path_order(folder: Path) -> None:
    result = runner.invoke(app, ["check", "--jobs", "2", str(folder)])
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [
        f"{folder}/a/对.txt: 0 个错误，0 个警告，0 条提示",
        f"{folder}/b-错.txt:1: JX-TEXT-001 错误: 基本支出 132.81万元 与人员经费、公用经费之和 132.71万元 不一致（相差 0.10万元）",
        f"    {WRONG_SUM.strip()}",
        f"{folder}/b-错.txt: 1 个错误，0 个警告，0 条提示",
        f"{folder}/c-坏.txt:1: 文件不是文本文件：含有控制字符 U+0000",
    ]


def test_results_keep_the_order_the_files_were_given(folder: Path) -> None:
    given = [folder / "c-坏.txt", folder / "b-错.txt", EXAMPLE, folder / "a" / "对.txt"]
    result = runner.invoke(app, ["check", "--format", "json", "--jobs", "2", *map(str, given)])
    assert result.exit_code == 2
    payload = json.loads(result.stdout)
    assert [item["file"] for item in payload] == [str(path) for path in given]
    assert [item.get("summary", {}).get("error") for item in payload] == [None, 1, 4, 0]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_bad_inputs_each_get_a_chinese_message_and_the_others_are_checked(
        tmp_path: Path, jobs: str) -> None:
    good = _write(tmp_path / "好.txt", WRONG_SUM)
    missing = tmp_path / "没有.txt"
    empty_folder = tmp_path / "空文件夹"
    _write(empty_folder / "说明.md", "不是报告")
    unknown = _write(tmp_path / "报告.abc", "x")
    garbage = tmp_path / "乱码.txt"
    garbage.write_bytes(bytes(range(256)) * 4)
    empty = _write(tmp_path / "空.txt", "")
    result = runner.invoke(app, ["check", "--jobs", jobs, *map(str, (
        missing, empty_folder, unknown, garbage, empty, good))])
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [
        f"{missing}: 文件不存在",
        f"{empty_folder}: 文件夹中没有可校验的文件（支持 {KNOWN}）",
        f"{unknown}: 无法识别的文件类型“.abc”：支持 {KNOWN}",
        f"{garbage}: 文件不是文本文件：既不是 UTF-8 也不是 GB18030（GBK）编码",
        f"{empty}: 文件为空",
        f"{good}:1: JX-TEXT-001 错误: 基本支出 132.81万元 与人员经费、公用经费之和 132.71万元 不一致（相差 0.10万元）",
        f"    {WRONG_SUM.strip()}",
        f"{good}: 1 个错误，0 个警告，0 条提示",
    ]
    assert KNOWN.startswith(".txt、.docx")
    assert KNOWN.endswith(".yaml、.yml、.json、.xlsx")


def test_json_error_objects_name_their_code_and_place(folder: Path) -> None:
    result = runner.invoke(app, ["check", "--format", "json", "--jobs", "1", str(folder / "c-坏.txt"),
                                 str(folder / "空")])
    assert json.loads(result.stdout) == [
        {"file": str(folder / "c-坏.txt"), "format": "txt", "error": {
            "code": "JX-INPUT-001", "message": "文件不是文本文件：含有控制字符 U+0000",
            "english": "not a text file: binary data", "where": {"line": 1}}},
        {"file": str(folder / "空"), "format": "", "error": {
            "code": "JX-INPUT-001", "message": "文件不存在", "english": "file not found", "where": {}}},
    ]


def test_a_folder_gives_a_json_list_even_for_one_file(tmp_path: Path) -> None:
    _write(tmp_path / "一.txt", RIGHT_SUM)
    result = runner.invoke(app, ["check", "--format", "json", str(tmp_path)])
    assert result.exit_code == 0
    assert [item["summary"] for item in json.loads(result.stdout)] == [
        {"error": 0, "warning": 0, "info": 0, "control": 0}]


def test_the_progress_bar_goes_to_stderr_and_json_stays_clean(folder: Path) -> None:
    result = runner.invoke(app, ["check", "--format", "json", "--jobs", "2", "--progress", str(folder)],
                           env={"COLUMNS": "120"})
    assert len(json.loads(result.stdout)) == 3
    assert "校验" in result.stderr
    assert "3/3" in result.stderr
    quiet = runner.invoke(app, ["check", "--format", "json", str(folder)])
    assert quiet.stderr == ""


def test_output_goes_to_the_file_named_by_o(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "结果.json"
    result = runner.invoke(app, ["check", "--format", "json", "-o", str(target), str(folder / "b-錯.txt"),
                                 str(folder / "b-错.txt")])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"已写出校验结果：{target}\n"
    assert [item["file"] for item in json.loads(target.read_text("utf-8"))] == [
        str(folder / "b-錯.txt"), str(folder / "b-错.txt")]


@pytest.mark.parametrize(("setup", "linux"), [
    ("", "fork"),
    ("import threading; threading.Thread(target=threading.Event().wait, daemon=True).start(); ", "spawn"),
])
def test_workers_are_forked_on_linux_unless_another_thread_runs(setup: str, linux: str) -> None:
    code = f"{setup}from jixiao.workers import worker_context; print(worker_context().get_start_method())"
    finished = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert finished.stdout == (linux if sys.platform == "linux" else "spawn") + "\n"


def test_jobs_must_be_at_least_one(folder: Path) -> None:
    assert runner.invoke(app, ["check", "--jobs", "0", str(folder)]).exit_code == 2


def _raise_on_boom(path: Path) -> FileResult:
    """A checker with a defect: it raises on one file (module level, so workers can import it)."""
    if path.stem == "boom":
        raise ZeroDivisionError("division by zero")
    return check_file(path)


def _die_on_boom(path: Path) -> FileResult:
    """A checker whose process dies on one file, as a crash in a native library would."""
    if path.stem == "boom":
        os._exit(3)
    return check_file(path)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_check_that_raises_is_an_internal_error_of_that_file_only(tmp_path: Path, jobs: int) -> None:
    paths = [_write(tmp_path / name, RIGHT_SUM) for name in ("a.txt", "boom.txt", "c.txt")]
    results = check_all(paths, _raise_on_boom, jobs)
    assert [result.file for result in results] == [str(path) for path in paths]
    assert [result.exit_code for result in results] == [0, 2, 0]
    error = results[1].error
    assert error is not None
    assert (error.code, error.message, error.english) == (
        "JX-INTERNAL-001", "检查此文件时程序内部出错（ZeroDivisionError），文件本身未必有误",
        "internal error: ZeroDivisionError: division by zero")
    assert error.text == f"{paths[1]}: JX-INTERNAL-001 检查此文件时程序内部出错（ZeroDivisionError），文件本身未必有误"


@pytest.mark.parametrize("start", ["spawn", "fork"])
def test_a_dead_worker_loses_no_file(tmp_path: Path, start: str) -> None:
    paths = [_write(tmp_path / f"{index:02d}.txt", WRONG_SUM) for index in range(6)]
    paths.insert(3, _write(tmp_path / "boom.txt", RIGHT_SUM))
    done: list[str] = []
    results = check_all(paths, _die_on_boom, 2, lambda result: done.append(result.file),
                        multiprocessing.get_context(start))
    assert [result.file for result in results] == [str(path) for path in paths]
    assert sorted(done) == sorted(str(path) for path in paths)
    assert [result.exit_code for result in results] == [1, 1, 1, 2, 1, 1, 1]
    crashed = results[3].error
    assert crashed is not None
    assert (crashed.code, crashed.message) == (
        "JX-INTERNAL-002", "检查此文件的进程意外退出（内存不足或程序崩溃），未得到结果")


def test_the_installed_command_checks_a_folder_on_two_processes(folder: Path) -> None:
    command = Path(sys.executable).with_name("jixiao")
    finished = subprocess.run([str(command), "check", "--jobs", "2", str(folder)], capture_output=True,
                              text=True, check=False, timeout=120)
    assert (finished.returncode, finished.stderr) == (2, "")
    assert finished.stdout.splitlines() == [
        f"{folder}/a/对.txt: 0 个错误，0 个警告，0 条提示",
        f"{folder}/b-错.txt:1: JX-TEXT-001 错误: 基本支出 132.81万元 与人员经费、公用经费之和 132.71万元 不一致（相差 0.10万元）",
        f"    {WRONG_SUM.strip()}",
        f"{folder}/b-错.txt: 1 个错误，0 个警告，0 条提示",
        f"{folder}/c-坏.txt:1: 文件不是文本文件：含有控制字符 U+0000",
    ]


def test_all_lists_the_relations_that_hold_beside_the_findings(tmp_path: Path) -> None:
    clean = _write(tmp_path / "对.txt", RIGHT_SUM)
    wrong = _write(tmp_path / "错.txt", WRONG_SUM)
    result = runner.invoke(app, ["check", "--all", "--format", "json", "--jobs", "1", str(clean), str(wrong)])
    first, second = json.loads(result.stdout)
    assert first["summary"] == {"error": 0, "warning": 0, "info": 0, "control": 0, "passed": 1}
    (held,) = first["passed"]
    assert held["code"] == "JX-TEXT-001"
    assert held["message"] == "基本支出 132.71 核对相符：人员经费 114.24、公用经费 18.47"
    assert (held["stated"], held["expected"]) == ("132.71", "132.71")
    assert [(term["label"], term["value"]) for term in held["terms"]] == [("人员经费", "114.24"), ("公用经费", "18.47")]
    assert held["where"]["line"] == 1 and RIGHT_SUM[held["where"]["start"]:held["where"]["end"]] == "132.71"
    assert held["evidence"] == RIGHT_SUM.strip()
    assert "severity" not in held
    assert second["summary"] == {"error": 1, "warning": 0, "info": 0, "control": 0, "passed": 0}
    text = runner.invoke(app, ["check", "--all", "--jobs", "1", str(clean), str(wrong)]).stdout
    assert f"{clean}: 0 个错误，0 个警告，0 条提示；核对 1 项关系，1 项相符" in text
    assert f"{wrong}: 1 个错误，0 个警告，0 条提示；核对 1 项关系，0 项相符" in text
    html = runner.invoke(app, ["check", "--all", "--format", "html", str(clean)]).stdout
    assert "核对 1 项关系，1 项相符" in html
    plain = json.loads(runner.invoke(app, ["check", "--format", "json", str(clean)]).stdout)
    assert "passed" not in plain and "passed" not in plain["summary"]
