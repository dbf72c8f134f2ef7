"""How `jixiao check` shows its results: text like a linter, or the JSON of the contract."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jixiao.findings import Finding, Passed, Place, Severity, summarize
from jixiao.io.errors import InputError
from jixiao.io.visible import visible

UNREADABLE = "JX-INPUT-001"
"""The file could not be read (missing, empty, corrupt, of an unknown type, invalid data)."""
INTERNAL = "JX-INTERNAL-001"
"""Checking the file raised an unexpected exception: a defect of jixiao, not of the file."""
WORKER_CRASHED = "JX-INTERNAL-002"
"""The process checking the file ended abruptly (out of memory, a crash in a library)."""


@dataclass(frozen=True, slots=True)
class FileError:
    """Why a file has no findings: a code, the Chinese message, its English gloss, the place of
    the first problem and the whole located text (``file:place: message`` per problem).

    Plain data, so it crosses process boundaries (an exception does not pickle with its place)."""

    code: str
    message: str
    english: str
    place: Place
    text: str

    @classmethod
    def of(cls, error: InputError) -> FileError:
        return cls(UNREADABLE, error.message, error.english, error.place, error.describe())

    @classmethod
    def internal(cls, file: str, code: str, message: str, english: str) -> FileError:
        return cls(code, message, english, Place(), f"{visible(file)}: {code} {message}")

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "english": self.english,
                "where": self.place.as_dict()}


@dataclass(frozen=True, slots=True)
class FileResult:
    """The outcome for one file: its findings, or the error that kept it from being checked;
    ``passed``, when asked for (``--all``), the relations that were checked and hold; ``related``
    what was compared with other evaluations (``--previous``, ``--unit``), or why not."""

    file: str
    format: str
    template: str | None = None
    findings: tuple[Finding, ...] = ()
    error: FileError | None = None
    passed: tuple[Passed, ...] | None = None
    related: tuple[str, ...] = ()

    def checked(self) -> str:
        """“核对 N 项关系，M 项相符”: relations with a finding on a figure, and those that hold."""
        if self.passed is None:
            return ""
        held = len(self.passed)
        total = held + sum(finding.stated is not None for finding in self.findings)
        return f"核对 {total} 项关系，{held} 项相符"

    @property
    def exit_code(self) -> int:
        if self.error is not None:
            return 2
        return 1 if any(f.severity is Severity.ERROR for f in self.findings) else 0

    def as_json(self) -> dict[str, Any]:
        if self.error is not None:
            return {"file": visible(self.file), "format": self.format, "error": self.error.as_json()}
        result: dict[str, Any] = {"file": visible(self.file), "format": self.format,
                                  "template": self.template, "findings": [f.as_json() for f in self.findings],
                                  "summary": summarize(self.findings)}
        if self.passed is not None:
            result["passed"] = [relation.as_json() for relation in self.passed]
            result["summary"]["passed"] = len(self.passed)
        if self.related:
            result["related"] = list(self.related)
        return result


def exit_code(results: Sequence[FileResult]) -> int:
    return max((result.exit_code for result in results), default=0)


def as_json(results: Sequence[FileResult], listed: bool = False) -> str:
    """One object for one file, a list for several, or always a list when ``listed`` (a
    folder was given: its number of files is not known in advance)."""
    single = len(results) == 1 and not listed
    payload: Any = results[0].as_json() if single else [r.as_json() for r in results]
    return json.dumps(payload, ensure_ascii=False, indent=2)


def as_text(result: FileResult) -> str:
    """``path:line: code message`` per finding, then the evidence indented, then a summary; every
    piece taken from a file or its name made :func:`visible`."""
    file = visible(result.file)
    if result.error is not None:
        return "\n".join(visible(line) for line in result.error.text.split("\n")) + "\n"
    lines = []
    source = source_lines(result.file)
    for finding in result.findings:
        where = finding.where
        # A workbook's cell is where its reader looks; a text's line where an editor jumps.
        location = where.label() if (where.sheet and where.cell) or where.line is None else str(where.line)
        lines.append(f"{file}:{visible(location)}: {finding.code} {finding.severity.chinese}: "
                     f"{visible(finding.message)}")
        evidence = evidence_of(finding, source)
        if evidence:
            lines.append(f"    {visible(evidence)}")
        lines += [f"    对照 {visible(other)}" for other in other_places(finding)]
    lines += [f"{file}: {visible(note)}" for note in result.related]
    counts = summarize(result.findings)
    checked = f"；{result.checked()}" if result.passed is not None else ""
    control = f"；其中控制性事项 {counts['control']} 条" if counts["control"] else ""
    lines.append(f"{file}: {counts['error']} 个错误，{counts['warning']} 个警告，"
                 f"{counts['info']} 条提示{control}{checked}")
    return "\n".join(lines) + "\n"


def other_places(finding: Finding) -> list[str]:
    """``report:line: source line`` of each figure a cross check read in another report."""
    places = []
    for term in finding.terms:
        where = term.where
        if not where.report:
            continue
        if where.line is None:
            places.append(f"{where.report}:{where.label()}")
            continue
        source = source_lines(where.report)
        text = source[where.line - 1].strip() if 0 < where.line <= len(source) else ""
        places.append(f"{where.report}:{where.line}" + (f": {text}" if text else ""))
    return places


def source_lines(file: str) -> list[str]:
    """The lines of a YAML or JSON file, to show a finding's line when it has no evidence."""
    path = Path(file)
    if path.suffix.lower() not in {".yaml", ".yml", ".json"}:
        return []
    try:
        return path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def evidence_of(finding: Finding, source: list[str]) -> str:
    """The finding's evidence, else its source line, else the field's Chinese name and the
    stated value (``附件2 单位整体支出绩效自评表 › 自评得分合计 = 99``; the field path, a code
    name, only in JSON)."""
    if finding.evidence:
        return finding.evidence
    line = finding.where.line
    if line is not None and 0 < line <= len(source):
        return source[line - 1].strip()
    if finding.where.path:
        from jixiao.io.fields import path_title

        title = path_title(finding.where.path)
        return f"{title} = {finding.stated}" if finding.stated else title
    return ""
