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

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class OcrText:
    """A piece of recognised text: its corner points (clockwise from top-left, in pixels of
    the image) and the recogniser's confidence between 0 and 1."""

    text: str
    points: tuple[Point, Point, Point, Point]
    score: float


_lock = threading.Lock()
_engine: tuple[int, Any] | None = None  # (process id, RapidOCR): a forked worker builds its own
_threads: int | None = None  # onnxruntime's intra-op threads; None: as many as cores
_inherited: list[Any] = []
"""Engines a forked process inherited from its parent: kept, never freed, since freeing one
waits for onnxruntime threads that live only in the parent (the process would hang)."""


def _forget_engine() -> None:
    """Drop this process's engine; one inherited through a fork is kept aside instead."""
    global _engine
    if _engine is not None and _engine[0] != os.getpid():
        _inherited.append(_engine[1])
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
        if _engine is None or _engine[0] != os.getpid():
            _forget_engine()
            _engine = (os.getpid(), _build())
        return _engine[1]


def engine_version() -> str:
    """What decides the engine's output: the rapidocr version and its models."""
    return (f"rapidocr {metadata.version('rapidocr')}; {DET_MODEL}; {REC_MODEL}; no cls; "
            f"max side {MAX_SIDE}; detected at most {DETECTION_SIDE}")


def models_dir() -> Path:
    import rapidocr

    return Path(rapidocr.__file__).parent / "models"


def engine_params() -> dict[str, Any]:
    """The rapidocr parameters: packaged models only, quiet, no direction classifier, text
    detected on the page shrunk to :data:`DETECTION_SIDE`."""
    models = models_dir()
    threads = {} if _threads is None else {"EngineConfig.onnxruntime.intra_op_num_threads": _threads}
    return {
        "Global.log_level": "error", "Global.use_cls": False, "Global.model_root_dir": str(models),
        "Det.model_path": str(models / DET_MODEL), "Rec.model_path": str(models / REC_MODEL),
        "Cls.model_path": str(models / CLS_MODEL), "Det.limit_type": "max",
        "Det.limit_side_len": DETECTION_SIDE, **threads,
    }


def _build() -> Any:
    for name in (DET_MODEL, REC_MODEL):
        if not (models_dir() / name).is_file():
            raise InputError(f"OCR 模型文件缺失：{models_dir() / name}；请重新安装 rapidocr",
                             english=f"OCR model missing: {name}")
    # No telemetry, so no device id kept in the home directory (and, without one, no English
    # warning on the user's terminal); onnxruntime reads this when its environment is made.
    os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
    import onnxruntime  # type: ignore[import-untyped]
    from rapidocr import RapidOCR

    onnxruntime.set_default_logger_severity(3)  # errors only: its warnings are for developers
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
