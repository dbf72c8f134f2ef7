"""Load an evaluation from any input file: YAML, JSON or the guided Excel workbook.

Every reader yields plain data and a source map (field path → :class:`Place`); one validation
step turns them into an :class:`Evaluation`, so an error reads the same whatever the format,
and each later finding can name the line or cell its figure came from.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from jixiao.findings import Place
from jixiao.io.errors import InputError
from jixiao.io.json_loader import read_json
from jixiao.io.limits import MB, checked_size
from jixiao.io.validate import validate_evaluation
from jixiao.io.yaml_dumper import dump_yaml
from jixiao.io.yaml_loader import read_yaml
from jixiao.model import Evaluation

__all__ = ["LoadedEvaluation", "dump_yaml", "load_evaluation", "read_evaluation_data"]

Reader = Callable[[Path, str], tuple[Any, dict[str, Place]]]
MAX_BYTES = {"yaml": 10 * MB, "json": 10 * MB, "xlsx": 50 * MB}
"""The largest data file of each format (an evaluation's YAML is some 20 KB), checked before
it is read; a workbook is also held to the unpacked limit of :func:`jixiao.io.limits.check_zip`."""


@dataclass(frozen=True)
class LoadedEvaluation:
    """An evaluation with where it came from.

    ``file`` is the path as given; ``format`` is ``yaml``, ``json`` or ``xlsx``; ``source`` maps
    each field path (``self_assessment.indicators[3].stated_score``) to its line or cell.
    """

    evaluation: Evaluation
    file: str
    format: str
    source: Mapping[str, Place]


def load_evaluation(path: Path) -> LoadedEvaluation:
    """Read and validate one evaluation file; any problem raises :class:`InputError`."""
    file = str(path)
    format_name, raw, source = read_evaluation_data(path)
    evaluation = validate_evaluation(raw, source, file)
    return LoadedEvaluation(evaluation, file, format_name, MappingProxyType(source))


def read_evaluation_data(path: Path) -> tuple[str, Any, dict[str, Place]]:
    """The format, plain data and source map of an evaluation file, before validation (numbers
    as written); any problem reading it raises :class:`InputError`."""
    file = str(path)
    suffix = path.suffix.lower()
    if suffix not in _READERS:
        raise InputError(f"无法识别的文件类型“{suffix or '无扩展名'}”：请使用 .yaml、.yml、.json 或 .xlsx",
                         file=file, english=f"unknown file type {suffix!r}")
    format_name, reader = _READERS[suffix]
    checked_size(path, MAX_BYTES[format_name])
    raw, source = reader(path, file)
    return format_name, raw, source


def _text(path: Path, file: str) -> str:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("文件不是 UTF-8 编码的文本", file=file, english="not UTF-8 text") from None
    if not text.strip():
        raise InputError("文件为空", file=file, english="empty file")
    return text


def _yaml(path: Path, file: str) -> tuple[Any, dict[str, Place]]:
    return read_yaml(_text(path, file), file)


def _json(path: Path, file: str) -> tuple[Any, dict[str, Place]]:
    return read_json(_text(path, file), file)


def _xlsx(path: Path, file: str) -> tuple[Any, dict[str, Place]]:
    from jixiao.io.workbook.reader import read_workbook  # openpyxl: only for a workbook

    return read_workbook(path)


_READERS: dict[str, tuple[str, Reader]] = {
    ".yaml": ("yaml", _yaml),
    ".yml": ("yaml", _yaml),
    ".json": ("json", _json),
    ".xlsx": ("xlsx", _xlsx),
}
