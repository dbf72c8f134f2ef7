"""How `jixiao check` shows its results: text like a linter, or the JSON of the contract."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jixiao.findings import Finding, Severity, summarize
from jixiao.io.errors import InputError


@dataclass(frozen=True, slots=True)
class FileResult:
    """The outcome for one file: its findings, or the error that kept it from being read."""

    file: str
    format: str
    template: str | None = None
    findings: tuple[Finding, ...] = ()
    error: InputError | None = None

    @property
    def exit_code(self) -> int:
        if self.error is not None:
            return 2
        return 1 if any(f.severity is Severity.ERROR for f in self.findings) else 0

    def as_json(self) -> dict[str, Any]:
        if self.error is not None:
            return {"file": self.file, "format": self.format, "error": {
                "message": self.error.message, "english": self.error.english,
                "where": self.error.place.as_dict()}}
        return {"file": self.file, "format": self.format, "template": self.template,
                "findings": [f.as_json() for f in self.findings],
                "summary": summarize(self.findings)}


def exit_code(results: Sequence[FileResult]) -> int:
    return max((result.exit_code for result in results), default=0)


def as_json(results: Sequence[FileResult]) -> str:
    payload: Any = results[0].as_json() if len(results) == 1 else [r.as_json() for r in results]
    return json.dumps(payload, ensure_ascii=False, indent=2)


def as_text(result: FileResult) -> str:
    """``path:line: code message`` per finding, then the evidence indented, then a summary."""
    if result.error is not None:
        return f"{result.error.describe()}\n"
    lines = []
    source = _source_lines(result.file)
    for finding in result.findings:
        where = finding.where
        location = str(where.line) if where.line is not None else where.label()
        lines.append(f"{result.file}:{location}: {finding.code} {finding.severity.value}: "
                     f"{finding.message}")
        evidence = finding.evidence or _evidence(finding, source)
        if evidence:
            lines.append(f"    {evidence}")
    counts = summarize(result.findings)
    lines.append(f"{result.file}: {counts['error']} 个错误，{counts['warning']} 个警告，"
                 f"{counts['info']} 条提示")
    return "\n".join(lines) + "\n"


def _source_lines(file: str) -> list[str]:
    path = Path(file)
    if path.suffix.lower() not in {".yaml", ".yml", ".json"}:
        return []
    try:
        return path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def _evidence(finding: Finding, source: list[str]) -> str:
    line = finding.where.line
    if line is not None and 0 < line <= len(source):
        return source[line - 1].strip()
    if finding.where.path:
        return f"{finding.where.path} = {finding.stated}" if finding.stated else finding.where.path
    return ""
