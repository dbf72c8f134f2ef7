"""OCR of page images with rapidocr (PP-OCRv6) on onnxruntime, from the models in its wheel.

The engine is built once per process, on first use, from the model files that the rapidocr
wheel carries (``rapidocr/models``): every model path is given explicitly, so rapidocr never
looks for a model to download, and the recogniser's character list is read from the model
itself. Text direction classification is off: report pages are upright, and it costs time.

:func:`ocr_image` gives the recognised text pieces with their corner points;
:func:`ocr_lines` puts them back in reading order (:mod:`jixiao.documents.page_layout`),
after undoing the slight rotation of a scanned page. Results are cached by
:mod:`jixiao.documents.ocr_cache`.
"""

from __future__ import annotations

import functools
import math
import os
import threading
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from statistics import median
from typing import Any

from PIL import Image

from jixiao.documents.page_layout import Box, Line, group_lines
from jixiao.io.errors import InputError

#: The model files inside the rapidocr wheel.
DET_MODEL = "PP-OCRv6_det_small.onnx"
REC_MODEL = "PP-OCRv6_rec_small.onnx"
CLS_MODEL = "ch_ppocr_mobile_v2.0_cls_mobile.onnx"
#: Longest side of an image given to the engine, in pixels (rapidocr shrinks larger ones anyway).
MAX_SIDE = 2000
#: Longest side of the image text is detected on (recognised on the whole image's crops): an A4
#: page at 150 dpi is detected at 55%, about half the CPU of detecting at full size, with every
#: number read as before on the scanned pages of bench/bench_ocr_settings.py.
DETECTION_SIDE = 960
#: onnxruntime's name for the NVIDIA GPU provider (the ``onnxruntime-gpu`` build has it).
CUDA_PROVIDER = "CUDAExecutionProvider"

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class OcrText:
    """A piece of recognised text: its corner points (clockwise from top-left, in pixels of
    the image) and the recogniser's confidence between 0 and 1."""

    text: str
    points: tuple[Point, Point, Point, Point]
    score: float


_lock = threading.Lock()
_engine: tuple[int, str, Any] | None = None
"""(process id, device, RapidOCR): a forked worker builds its own, and so does a change of device."""
_threads: int | None = None  # onnxruntime's intra-op threads; None: as many as cores
_inherited: list[Any] = []
"""Engines a forked process inherited from its parent: kept, never freed, since freeing one
waits for onnxruntime threads that live only in the parent (the process would hang)."""


def _forget_engine() -> None:
    """Drop this process's engine; one inherited through a fork is kept aside instead."""
    global _engine
    if _engine is not None and _engine[0] != os.getpid():
        _inherited.append(_engine[2])
    _engine = None


def use_threads(count: int) -> None:
    """Run onnxruntime with ``count`` intra-op threads from now on (an engine already built in
    this process is built again): several OCR processes on one machine should share its cores,
    not each busy-wait on all of them."""
    global _threads
    with _lock:
        if count != _threads:
            _threads = count
            _forget_engine()


def engine() -> Any:
    """This process's OCR engine, built on first use."""
    global _engine
    with _lock:
        device = ocr_device()
        if _engine is None or _engine[:2] != (os.getpid(), device):
            _forget_engine()
            _engine = (os.getpid(), device, _build())
        return _engine[2]


def engine_version() -> str:
    """What decides the engine's output: the rapidocr version, its models and the device (a GPU
    computes in another order, so its results are cached apart from the CPU's)."""
    return (f"rapidocr {metadata.version('rapidocr')}; {DET_MODEL}; {REC_MODEL}; no cls; "
            f"max side {MAX_SIDE}; detected at most {DETECTION_SIDE}; {ocr_device()}")


def choose_device(setting: str, providers: list[str], device: str) -> str:
    """The device OCR runs on, ``"cuda"`` or ``"cpu"``. ``auto`` (the default) takes the GPU when
    onnxruntime has the CUDA provider on a GPU device (the ``onnxruntime-gpu`` build on a machine
    with one), else the CPU; ``cpu`` always the CPU; ``cuda`` the GPU or a clear error, so that a
    machine set up for a GPU never falls back silently. An unknown setting is refused."""
    if setting not in ("auto", "cpu", "cuda"):
        raise InputError(f"JIXIAO_OCR_DEVICE 只能是 auto、cpu 或 cuda，而不是“{setting}”",
                         english=f"JIXIAO_OCR_DEVICE must be auto, cpu or cuda, not {setting!r}")
    has_gpu = device == "GPU" and CUDA_PROVIDER in providers
    if setting == "cuda" and not has_gpu:
        raise InputError("JIXIAO_OCR_DEVICE=cuda，但 onnxruntime 找不到可用的 GPU（需要 onnxruntime-gpu "
                         f"和 NVIDIA 显卡；现有：{'、'.join(providers)}）",
                         english=f"JIXIAO_OCR_DEVICE=cuda but onnxruntime has no GPU ({providers})")
    return "cuda" if setting != "cpu" and has_gpu else "cpu"


def ocr_device() -> str:
    """``"cuda"`` or ``"cpu"``: :func:`choose_device` for this machine's onnxruntime and the
    ``JIXIAO_OCR_DEVICE`` setting (``auto`` by default)."""
    setting = os.environ.get("JIXIAO_OCR_DEVICE", "auto").strip().lower() or "auto"
    return choose_device(setting, *_onnxruntime_devices())


@functools.cache
def _onnxruntime_devices() -> tuple[list[str], str]:
    """onnxruntime's providers and device, asked once per process (its import takes a while)."""
    # No telemetry, so no device id kept in the home directory (and, without one, no English
    # warning on the user's terminal); onnxruntime reads this when its environment is made.
    os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
    import onnxruntime  # type: ignore[import-untyped]

    onnxruntime.set_default_logger_severity(3)  # errors only: its warnings are for developers
    return list(onnxruntime.get_available_providers()), onnxruntime.get_device()


def models_dir() -> Path:
    import rapidocr

    return Path(rapidocr.__file__).parent / "models"


def engine_params() -> dict[str, Any]:
    """The rapidocr parameters: packaged models only, quiet, no direction classifier, text
    detected on the page shrunk to :data:`DETECTION_SIDE`, on the GPU where :func:`ocr_device`
    finds one."""
    models = models_dir()
    threads = {} if _threads is None else {"EngineConfig.onnxruntime.intra_op_num_threads": _threads}
    return {
        "Global.log_level": "error", "Global.use_cls": False, "Global.model_root_dir": str(models),
        "Det.model_path": str(models / DET_MODEL), "Rec.model_path": str(models / REC_MODEL),
        "Cls.model_path": str(models / CLS_MODEL), "Det.limit_type": "max",
        "Det.limit_side_len": DETECTION_SIDE, **threads,
        "EngineConfig.onnxruntime.use_cuda": ocr_device() == "cuda",
    }


def _build() -> Any:
    for name in (DET_MODEL, REC_MODEL):
        if not (models_dir() / name).is_file():
            raise InputError(f"OCR 模型文件缺失：{models_dir() / name}；请重新安装 rapidocr",
                             english=f"OCR model missing: {name}")
    _onnxruntime_devices()  # onnxruntime set up quiet before rapidocr imports it
    from rapidocr import RapidOCR

    return RapidOCR(params=engine_params())


def fit_image(image: Image.Image) -> Image.Image:
    """``image`` in RGB, shrunk so that its longer side is at most :data:`MAX_SIDE` pixels."""
    image = image.convert("RGB")
    scale = MAX_SIDE / max(image.size)
    if scale < 1:
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        image = image.resize(size, Image.Resampling.LANCZOS)
    return image


def ocr_image(image: Image.Image) -> tuple[OcrText, ...]:
    """The text pieces recognised in ``image`` (an RGB image, see :func:`fit_image`)."""
    result = engine()(image)
    if getattr(result, "boxes", None) is None or getattr(result, "txts", None) is None:
        return ()
    return tuple(
        OcrText(str(text), _points(box), float(score))
        for box, text, score in zip(result.boxes, result.txts, result.scores, strict=True)
        if str(text).strip())


def _points(box: Any) -> tuple[Point, Point, Point, Point]:
    a, b, c, d = ((float(x), float(y)) for x, y in box)
    return a, b, c, d


def ocr_lines(texts: tuple[OcrText, ...]) -> list[Line]:
    """The lines of ``texts`` in reading order, the page's rotation undone: coordinates are
    turned by the median slope of the wide pieces' top edges."""
    angle = _skew(texts)
    cos, sin = math.cos(-angle), math.sin(-angle)
    boxes = []
    for piece in texts:
        turned = [(x * cos - y * sin, x * sin + y * cos) for x, y in piece.points]
        xs, ys = [x for x, _ in turned], [y for _, y in turned]
        boxes.append(Box(piece.text, min(xs), min(ys), max(xs), max(ys)))
    return group_lines(boxes)


def _skew(texts: tuple[OcrText, ...]) -> float:
    slopes = []
    for piece in texts:
        (x0, y0), (x1, y1), _, (_, y3) = piece.points
        if x1 - x0 > 4 * abs(y3 - y0):  # wide enough for its slope to mean something
            slopes.append(math.atan2(y1 - y0, x1 - x0))
    return median(slopes) if slopes else 0.0
