"""Reading an upload into evaluation data: core functions only, nothing of Django, so it runs
in the budgeted child process a worker starts for each upload."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jixiao.web.evaluations import paths


def read_upload(path_text: str) -> tuple[dict[str, Any], list[list[str]]]:
    """An upload's evaluation data and what could not be read ((Chinese name, path) pairs):
    a guided workbook or data file is loaded, any other file is imported as a report."""
    from jixiao.io.load import read_evaluation_data
    from jixiao.io.validate import validate_evaluation
    from jixiao.io.workbook.reader import is_guided_workbook

    path = Path(path_text)
    suffix = path.suffix.lower()
    if suffix in {".yaml", ".yml", ".json"} or (suffix == ".xlsx" and is_guided_workbook(path)):
        _, raw, source = read_evaluation_data(path)
        validate_evaluation(raw, source, path.name)  # its errors name their cells
        return paths.plain(raw), []
    from jixiao.extract.evaluation.importing import import_report

    result = import_report(path)
    return paths.plain(result.data), [[field.title, field.path] for field in result.missing]
