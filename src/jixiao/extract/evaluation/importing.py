"""``jixiao import``: a report file → the evaluation it states, as a YAML file a user completes.

:func:`import_report` reads and extracts; :func:`write_import` writes the YAML. A complete
import is exactly what :func:`~jixiao.io.yaml_dumper.dump_yaml` writes, loadable by
``jixiao check``. An incomplete one holds what the report states, under a header comment that
lists in Chinese every field still to fill in (and, while 年度 or 预算单位名称 is missing, the file
is not yet a valid evaluation: ``jixiao check`` says which field to add).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from jixiao.documents import read_document
from jixiao.extract.evaluation.extract import REQUIRED, MissingField, extract_evaluation
from jixiao.io.output import write_text
from jixiao.io.plain import ALWAYS_WRITTEN, plain_data
from jixiao.io.visible import visible
from jixiao.io.yaml_dumper import WrittenNumberDumper, dump_yaml
from jixiao.model import Evaluation

__all__ = ["ImportResult", "import_report", "write_import"]


@dataclass(frozen=True)
class ImportResult:
    """What importing one report gave.

    ``file`` is the report's path as given; ``template`` the recognised form (``None``: a
    generic report, read by the 岳阳楼区 layout as far as it fits); ``data`` the evaluation's
    plain data as far as the report states it; ``missing`` the fields still to fill in;
    ``evaluation`` the validated evaluation, ``None`` while 年度 or 预算单位名称 is missing.
    """

    file: str
    template: str | None
    data: dict[str, Any]
    missing: tuple[MissingField, ...]
    evaluation: Evaluation | None

    @property
    def complete(self) -> bool:
        return self.evaluation is not None and not self.missing


def import_report(path: Path) -> ImportResult:
    """Read the report at ``path`` (.txt, .docx, .xlsx …) and extract its evaluation.

    Raises :class:`~jixiao.io.errors.InputError` when the file cannot be read.
    """
    extracted = extract_evaluation(read_document(path))
    data = plain_data(extracted.checkable, keep=ALWAYS_WRITTEN)
    for required in REQUIRED:
        if required not in extracted.source:  # a stand-in, not what the report states
            _remove(data, required.split("."))
    return ImportResult(str(path), extracted.template, data, extracted.missing,
                        extracted.evaluation)


def write_import(result: ImportResult, out: Path, *, force: bool = False) -> None:
    """Write ``result`` to ``out`` as YAML: with a header comment listing, in Chinese, the
    fields to complete when there are any. :class:`~jixiao.io.errors.InputError` when ``out``
    may not or cannot be written (:func:`jixiao.io.output.writing`)."""
    write_text(out, import_yaml(result), inputs=[Path(result.file)], force=force)


def import_yaml(result: ImportResult) -> str:
    """The YAML text :func:`write_import` writes."""
    template = result.template or "未识别"
    # made visible: a line break in the report's name would start a YAML key of its own
    header = [f"# 由 jixiao import 从 {visible(Path(result.file).name)} 读出（报告模板：{template}）。",
              "# 数值按报告原样写出，未作任何更正、补全或计算。"]
    if result.missing:
        header.append("# 报告中未能读出以下内容，请补充后再运行 jixiao check：")
        header += [f"#   - {field.title}（{field.path}）" for field in result.missing]
    if result.evaluation is not None:
        body = dump_yaml(result.evaluation)
    else:
        body = yaml.dump(result.data, Dumper=WrittenNumberDumper, allow_unicode=True,
                         sort_keys=False, default_flow_style=False, width=100)
    return "\n".join(header) + "\n\n" + body


def _remove(data: dict[str, Any], keys: list[str]) -> None:
    node = data
    for key in keys[:-1]:
        node = node.get(key, {})
    node.pop(keys[-1], None)
