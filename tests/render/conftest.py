"""Shared fixtures of the rendering tests: the real example, rendered once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.documents import read_document
from jixiao.documents.model import Document
from jixiao.io.load import load_evaluation
from jixiao.model import Evaluation
from jixiao.render.report import Rendering, render_report
from jixiao.render.spec import load_template

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "dongting-2023.yaml"


@pytest.fixture(scope="session")
def example() -> Evaluation:
    return load_evaluation(EXAMPLE).evaluation


@pytest.fixture(scope="session")
def example_docx(example: Evaluation, tmp_path_factory: pytest.TempPathFactory) -> Rendering:
    out = tmp_path_factory.mktemp("render") / "dongting-2023.docx"
    return render_report(example, out, template=load_template("yueyanglou-2024"))


@pytest.fixture(scope="session")
def example_document(example_docx: Rendering) -> Document:
    return read_document(example_docx.path)
