"""The cycle collector is paused while a report is read and audited, and only ever turned back
on by what paused it."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from jixiao import audit
from jixiao.cycles import cycles_uncollected
from jixiao.io.errors import InputError

REPORT = Path(__file__).parent / "data" / "reports" / "xitang-2024.txt"


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_nested_blocks_turn_it_back_on_at_the_outermost_end() -> None:
    with cycles_uncollected():
        with cycles_uncollected():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_inner_block_resumes_it_for_the_rest_of_the_outer_one() -> None:
    with cycles_uncollected():
        with cycles_uncollected() as resume:
            resume()
            assert gc.isenabled()
        assert gc.isenabled()
    assert gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused() -> None:
    gc.disable()
    with cycles_uncollected() as resume:
        resume()
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_a_report_is_audited_with_the_collector_paused(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    audit_document = audit.audit_document

    def audited(*args: Any, **options: Any) -> audit.Audit:
        seen.append(gc.isenabled())
        return audit_document(*args, **options)

    monkeypatch.setattr(audit, "audit_document", audited)
    assert audit.audit_file(REPORT).template == "yueyanglou-2024"
    assert seen == [False]
    assert gc.isenabled()


def test_the_collector_is_on_again_when_a_report_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "空.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(InputError) as refused:
        audit.audit_file(empty)
    assert (refused.value.message, refused.value.file) == ("文件为空", str(empty))
    assert gc.isenabled()
