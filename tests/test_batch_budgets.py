"""A batch gives each file a budget of time and memory in its own worker, and stops at once when
interrupted: one hostile file costs its slot and nothing else."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from jixiao.cli.batch import check_all, check_file
from jixiao.cli.check_view import FileResult
from jixiao.workers import Budget

RIGHT_SUM = "按支出性质分类：基本支出132.71万元（人员经费114.24万元，公用经费18.47万元）。\n"
WRONG_SUM = "按支出性质分类：基本支出132.81万元（人员经费114.24万元，公用经费18.47万元）。\n"


def _hang_on_slow(path: Path) -> FileResult:
    """A checker that never ends on one file, as a parser caught in a loop would, and finds
    nothing at once in the others (so that only the budget is measured, not a first check's
    imports in a spawned worker)."""
    if path.stem == "slow":
        time.sleep(600)
    return FileResult(str(path), "txt")


def _grow_on_big(path: Path) -> FileResult:
    """A checker whose memory grows past any budget on one file, as a decompression bomb's would."""
    if path.stem == "big":
        hoard = [b"x" * (64 << 20) for _ in range(12)]  # 768 MB, every page written
        time.sleep(600)
        del hoard
    return check_file(path)


def _reports(folder: Path, odd: str) -> list[Path]:
    paths = []
    for name, text in (("a", WRONG_SUM), (odd, RIGHT_SUM), ("c", RIGHT_SUM), ("d", WRONG_SUM)):
        paths.append(folder / f"{name}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    return paths


@pytest.mark.parametrize(("jobs", "start"), [(1, "fork"), (2, "fork"), (2, "spawn")])
def test_a_file_past_its_time_is_stopped_and_the_others_are_checked(
        tmp_path: Path, jobs: int, start: str) -> None:
    paths = _reports(tmp_path, "slow")
    results = check_all(paths, _hang_on_slow, jobs, budget=Budget(seconds=2),
                        context=multiprocessing.get_context(start))
    assert [result.file for result in results] == [str(path) for path in paths]
    assert [result.exit_code for result in results] == [0, 2, 0, 0]
    error = results[1].error
    assert error is not None
    assert (error.code, error.message, error.english) == (
        "JX-INPUT-001", "检查此文件超过时间上限（2 秒），已停止", "the check of this file ran out of time")
    assert error.text == f"{paths[1]}: 检查此文件超过时间上限（2 秒），已停止"


@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_a_file_past_its_memory_is_stopped_and_the_others_are_checked(tmp_path: Path, start: str) -> None:
    paths = _reports(tmp_path, "big")
    results = check_all(paths, _grow_on_big, 2, budget=Budget(megabytes=512),
                        context=multiprocessing.get_context(start))
    assert [result.exit_code for result in results] == [1, 2, 0, 1]
    error = results[1].error
    assert error is not None
    assert (error.code, error.message, error.english) == (
        "JX-INPUT-001", "检查此文件所需内存超过上限（512 MB），已停止",
        "the check of this file ran out of memory")


HANGING_BATCH = """
import subprocess, sys, time
from pathlib import Path
import jixiao.cli.batch
from jixiao.cli import app

check_file = jixiao.cli.batch.check_file

def hang(path, **options):
    if path.stem == "slow":  # starts a program of its own, then never ends
        child = subprocess.Popen(["sleep", "600"])
        Path(sys.argv[1]).write_text(str(child.pid))
        time.sleep(600)
    return check_file(path, **options)

jixiao.cli.batch.check_file = hang
app(["check", "--jobs", "2", *sys.argv[2:]])
"""


def _gone(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1].startswith("Z")
    except (OSError, IndexError):
        return True


@pytest.mark.skipif(sys.platform != "linux", reason="process groups and /proc as on Linux")
@pytest.mark.parametrize("signal_number", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_batch_stops_at_once_and_kills_what_its_workers_started(
        tmp_path: Path, signal_number: int) -> None:
    paths = _reports(tmp_path, "slow")
    started = tmp_path / "sleep.pid"
    batch = subprocess.Popen([sys.executable, "-c", textwrap.dedent(HANGING_BATCH), str(started),
                              *map(str, paths)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for _ in range(600):
        if started.exists() and started.read_text():
            break
        time.sleep(0.1)
    grandchild = int(started.read_text())
    os.kill(batch.pid, signal_number)
    out, err = batch.communicate(timeout=10)
    assert (batch.returncode, out, err) == (128 + signal_number, "", "已中断：未输出结果\n")
    for _ in range(50):
        if _gone(grandchild):
            break
        time.sleep(0.1)
    assert _gone(grandchild)


def test_one_process_among_workers_gets_its_share_of_the_cores_for_ocr() -> None:
    code = ("import os; from jixiao.workers import share_cores; from jixiao.documents.ocr import "
            "engine_params; threads = share_cores(2); print(threads, "
            "engine_params()['EngineConfig.onnxruntime.intra_op_num_threads'], os.cpu_count())")
    finished = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    threads, configured, cores = map(int, finished.stdout.split())
    assert threads == configured == max(1, cores // 2)


def test_workers_forked_from_a_process_that_ran_ocr_start_and_check(tmp_path: Path) -> None:
    """A forked worker inherits its parent's OCR engine, whose onnxruntime threads live only in
    the parent: the worker builds its own and leaves the inherited one alone (freeing it would
    wait for those threads forever)."""
    paths = _reports(tmp_path, "b")
    code = ("import sys; from pathlib import Path; from PIL import Image, ImageDraw; "
            "from jixiao.documents.ocr import ocr_image; image = Image.new('RGB', (400, 120), 'white'); "
            "ImageDraw.Draw(image).text((20, 40), '2023 132.71', fill='black', font_size=36); "
            "ocr_image(image); "
            "from jixiao.cli.batch import check_all, check_file; from jixiao.workers import Budget; "
            "results = check_all([Path(p) for p in sys.argv[1:]], check_file, 2, budget=Budget(seconds=60)); "
            "print([result.exit_code for result in results])")
    finished = subprocess.run([sys.executable, "-c", code, *map(str, paths)], capture_output=True,
                              text=True, timeout=300, check=True)
    assert finished.stdout == "[1, 0, 0, 1]\n"
