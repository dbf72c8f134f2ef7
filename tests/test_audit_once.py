"""An audit reads each thing once per document: the relations that hold are judged from the very
claims the findings came from, not from a second reading of the prose, tables and grades."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import jixiao.extract.grades as grades
import jixiao.extract.prose.claims as prose
import jixiao.extract.tables.claims as tables
from jixiao.audit import audit_document
from jixiao.documents import read_document

REPORT = Path(__file__).resolve().parent / "data" / "reports" / "dongting-2023.txt"


def test_prose_tables_and_grades_are_read_once_when_the_relations_that_hold_are_asked_for(
        monkeypatch: pytest.MonkeyPatch) -> None:
    calls: Counter[str] = Counter()

    def counted(module: Any, name: str) -> None:
        original: Callable[..., Any] = getattr(module, name)

        def counting(*args: Any, **kwargs: Any) -> Any:
            calls[name] += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, counting)

    # one reader each, called once for every reading of the document's prose, tables or grades
    counted(prose, "runs_of")
    counted(tables, "funds_claims")
    counted(grades, "_prose")
    audit = audit_document(read_document(REPORT), passed=True)
    assert audit.passed  # the relations that hold were judged
    assert calls == {"runs_of": 1, "funds_claims": 1, "_prose": 1}
