"""OCR: packaged models only (no network), cache by file hash, lines and table rows rebuilt."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from jixiao.documents.image_reader import ocr_blocks, read_image_document
from jixiao.documents.ocr import OcrText, choose_device, engine_params, engine_version, ocr_device
from jixiao.documents.ocr_cache import cache_dir, texts_digest
from jixiao.documents.page_layout import PageTable
from jixiao.io.errors import InputError

CJK_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
NOT_IMAGE = "不是有效的 PNG 或 JPEG 图片（文件已损坏或格式不符）"


def page(path: Path, rows: list[list[tuple[int, str]]], size: tuple[int, int] = (1000, 330)) -> Path:
    """An image with one line per row, each piece of text at its x position."""
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(CJK_FONT, 36, index=2)
    for number, row in enumerate(rows):
        for x, text in row:
            draw.text((x, 40 + 90 * number), text, font=font, fill=0)
    image.save(path)
    return path


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("JIXIAO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("JIXIAO_OCR_CACHE", raising=False)
    return tmp_path / "cache" / "ocr"


OFFLINE = """
import socket, sys
from pathlib import Path
def refuse(*args, **kwargs):
    raise OSError("network blocked")
socket.socket.connect = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from jixiao.documents.image_reader import read_image_document
print(read_image_document(Path(sys.argv[1])).text, end="")
"""


def test_the_engine_is_built_from_packaged_models_without_network(tmp_path: Path) -> None:
    """A fresh process with every socket refused, an empty home and cache builds the engine
    and reads the image: no model or character list is fetched or written (onnxruntime keeps
only its own device id under the home directory)."""
    image = page(tmp_path / "图.png", [[(60, "一、部门基本情况")], [(60, "基本支出113.94万元。")]])
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache"), "JIXIAO_OCR_CACHE": "off"}
    env.pop("JIXIAO_CACHE_DIR", None)
    done = subprocess.run([sys.executable, "-c", OFFLINE, str(image)], capture_output=True, text=True,
                          env=env, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "一、部门基本情况\n基本支出113.94万元。\n"
    assert not (home / ".cache" / "jixiao").exists()
    assert [path.name for path in home.rglob("*") if path.suffix in (".onnx", ".txt", ".yaml")] == []


def test_results_are_cached_by_file_hash_and_reused(tmp_path: Path, cache: Path) -> None:
    image = page(tmp_path / "图.png", [[(60, "基本支出113.94万元。")]])
    assert read_image_document(image).text == "基本支出113.94万元。\n"
    [entry] = cache.glob("*.json")
    data = json.loads(entry.read_text(encoding="utf-8"))
    assert data["page"] == 0
    assert data["version"].startswith("rapidocr 3.10.0; PP-OCRv6_det_small.onnx; PP-OCRv6_rec_small.onnx")
    assert [item["text"] for item in data["texts"]] == ["基本支出113.94万元。"]
    # An entry edited without its digest is not trusted: the page is recognised again.
    data["texts"][0]["text"] = "基本支出120.00万元。"
    entry.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert read_image_document(image).text == "基本支出113.94万元。\n"
    # The second reading takes a valid cached result: what the cache says is what is read.
    data["texts"][0]["text"] = "基本支出120.00万元。"
    data["digest"] = texts_digest(data["texts"])
    entry.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert read_image_document(image).text == "基本支出120.00万元。\n"
    copy = tmp_path / "副本.png"
    copy.write_bytes(image.read_bytes())
    assert read_image_document(copy).text == "基本支出120.00万元。\n"  # same bytes, same key


def test_a_damaged_cache_entry_costs_only_a_new_ocr(tmp_path: Path, cache: Path) -> None:
    image = page(tmp_path / "图.png", [[(60, "基本支出113.94万元。")]])
    read_image_document(image)
    [entry] = cache.glob("*.json")
    entry.write_text("{not json", encoding="utf-8")
    assert read_image_document(image).text == "基本支出113.94万元。\n"
    assert json.loads(entry.read_text(encoding="utf-8"))["texts"][0]["text"] == "基本支出113.94万元。"


def test_cache_location_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("JIXIAO_OCR_CACHE", raising=False)
    monkeypatch.delenv("JIXIAO_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "jixiao" / "ocr"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "jixiao" / "ocr"
    monkeypatch.setenv("JIXIAO_CACHE_DIR", str(tmp_path / "own"))
    assert cache_dir() == tmp_path / "own" / "ocr"
    monkeypatch.setenv("JIXIAO_OCR_CACHE", "off")
    assert cache_dir() is None


def test_pieces_lined_up_in_columns_become_table_rows(tmp_path: Path, cache: Path) -> None:
    image = page(tmp_path / "表.png", [[(60, "项目"), (420, "金额"), (720, "占比")],
                                       [(60, "基本支出"), (420, "113.94"), (720, "61.6%")],
                                       [(60, "项目支出"), (420, "71.00"), (720, "38.4%")]])
    document = read_image_document(image)
    assert document.text == ("\t项目\n\t金额\n\t占比\n\n\t基本支出\n\t113.94\n\t61.6%\n\n"
                             "\t项目支出\n\t71.00\n\t38.4%\n\n")
    [table] = document.tables
    assert table.rows[1][1].place.page == 1
    assert document.text[table.rows[1][1].place.start:table.rows[1][1].place.end] == "113.94"


def _piece(text: str, left: float, top: float, width: float, angle: float) -> OcrText:
    """A text piece of height 30 whose box is turned by ``angle`` radians about the origin."""
    corners = [(left, top), (left + width, top), (left + width, top + 30), (left, top + 30)]
    cos, sin = math.cos(angle), math.sin(angle)
    a, b, c, d = ((x * cos - y * sin, x * sin + y * cos) for x, y in corners)
    return OcrText(text, (a, b, c, d), 0.99)


def test_a_turned_scan_is_read_line_by_line_and_wrapped_lines_joined() -> None:
    """Turned by 1°, the right end of a line sits 17 pixels lower than its left end: lower than
    the start of the next line would sit without the turn undone."""
    angle = math.radians(1)
    texts = (
        _piece("（一）基本支出", 100, 100, 300, angle),
        _piece("2023年度基本支出113.94万元，其中工资福利支出96.82万元，", 160, 150, 1000, angle),
        _piece("占基本支出的84.97%。", 100, 200, 400, angle),
        _piece("项目", 100, 260, 100, angle), _piece("金额", 600, 260, 100, angle),
        _piece("基本支出", 100, 310, 150, angle), _piece("113.94", 600, 310, 120, angle),
    )
    assert ocr_blocks(texts, 1300, 1800) == [
        "（一）基本支出",
        "2023年度基本支出113.94万元，其中工资福利支出96.82万元，占基本支出的84.97%。",
        PageTable((("项目", "金额"), ("基本支出", "113.94"))),
    ]


def test_a_page_number_in_the_bottom_margin_is_left_out() -> None:
    texts = (_piece("第二页的段落。", 100, 100, 300, 0), _piece("- 3 -", 600, 1750, 80, 0))
    assert ocr_blocks(texts, 1300, 1800) == ["第二页的段落。"]


@pytest.mark.parametrize(("name", "data", "message"), [
    ("空.png", b"", "文件为空"),
    ("乱码.png", bytes(range(256)) * 4, NOT_IMAGE),
    ("截断.png", b"\x89PNG\r\n\x1a\n" + bytes(100), NOT_IMAGE),
    ("文本.jpg", "一、部门基本情况".encode(), NOT_IMAGE),
])
def test_bad_images_are_refused(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_image_document(path)
    assert caught.value.message == message
    assert caught.value.file == str(path)


def test_an_image_of_another_format_or_without_text_is_refused(tmp_path: Path, cache: Path) -> None:
    Image.new("L", (200, 100), 255).save(tmp_path / "图.png", "GIF")
    Image.new("L", (400, 300), 255).save(tmp_path / "白.png")
    with pytest.raises(InputError) as gif:
        read_image_document(tmp_path / "图.png")
    assert gif.value.message == NOT_IMAGE
    with pytest.raises(InputError) as blank:
        read_image_document(tmp_path / "白.png")
    assert blank.value.message == "图片中未识别出文字"


def test_an_oversized_image_is_refused_before_it_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "大.png"
    Image.new("1", (10_000, 7_000), 1).save(path)
    with pytest.raises(InputError) as caught:
        read_image_document(path)
    assert caught.value.message == "图片为 10000×7000 像素，超过 6000 万像素的上限，拒绝读取"


CUDA_AND_CPU = ["CUDAExecutionProvider", "CPUExecutionProvider"]


@pytest.mark.parametrize(("setting", "providers", "device", "chosen"), [
    ("auto", CUDA_AND_CPU, "GPU", "cuda"),
    ("auto", ["CPUExecutionProvider"], "CPU", "cpu"),
    ("auto", CUDA_AND_CPU, "CPU", "cpu"),  # the GPU build on a machine without a GPU
    ("cpu", CUDA_AND_CPU, "GPU", "cpu"),
    ("cuda", CUDA_AND_CPU, "GPU", "cuda"),
])
def test_ocr_runs_on_a_gpu_only_where_onnxruntime_has_one(setting: str, providers: list[str], device: str,
                                                        chosen: str) -> None:
    assert choose_device(setting, providers, device) == chosen


def test_a_gpu_asked_for_and_missing_or_a_misspelt_device_is_a_clear_error() -> None:
    with pytest.raises(InputError) as missing:
        choose_device("cuda", ["AzureExecutionProvider", "CPUExecutionProvider"], "CPU")
    assert str(missing.value) == ("JIXIAO_OCR_DEVICE=cuda，但 onnxruntime 找不到可用的 GPU（需要 onnxruntime-gpu 和 "
                                  "NVIDIA 显卡；现有：AzureExecutionProvider、CPUExecutionProvider）")
    with pytest.raises(InputError) as misspelt:
        choose_device("gpu", CUDA_AND_CPU, "GPU")
    assert str(misspelt.value) == "JIXIAO_OCR_DEVICE 只能是 auto、cpu 或 cuda，而不是“gpu”"


def test_the_device_is_part_of_the_engine_and_of_the_cache_key(monkeypatch: pytest.MonkeyPatch) -> None:
    device = ocr_device()
    assert engine_version().endswith(f"; {device}")
    assert engine_params()["EngineConfig.onnxruntime.use_cuda"] is (device == "cuda")
    monkeypatch.setenv("JIXIAO_OCR_DEVICE", "cpu")
    assert engine_version().endswith("; cpu")
    assert engine_params()["EngineConfig.onnxruntime.use_cuda"] is False


@pytest.mark.skipif(ocr_device() != "cuda", reason="no GPU with onnxruntime-gpu on this machine")
def test_a_page_read_on_the_gpu_gives_the_text_read_on_the_cpu(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    image = page(tmp_path / "图.png", [[(60, "一、部门基本情况")], [(60, "基本支出113.94万元。")]])
    monkeypatch.setenv("JIXIAO_OCR_CACHE", "off")
    on_gpu = read_image_document(image).text
    monkeypatch.setenv("JIXIAO_OCR_DEVICE", "cpu")  # the engine is built again, on the CPU
    assert read_image_document(image).text == on_gpu == "一、部门基本情况\n基本支出113.94万元。\n"
