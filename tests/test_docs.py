"""The README stays true: every `jixiao` command it shows runs, and every command is shown."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli import app

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text("utf-8")
GLOSSARY = (ROOT / "docs" / "glossary.md").read_text("utf-8")
CODE_BLOCKS = README.split("```")[1::2]
SHOWN = [line.split(" #")[0].strip() for block in CODE_BLOCKS for line in block.splitlines()
         if line.startswith("jixiao ")]


@pytest.mark.parametrize("command", SHOWN)
def test_every_command_in_the_readme_runs(command: str, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    words = [str(ROOT / word) if (ROOT / word).exists() and "/" in word else word
             for word in shlex.split(command)[1:]]
    result = CliRunner().invoke(app, words)
    expected = 1 if words[0] == "check" else 0      # the example has real errors
    assert result.exit_code == expected, result.output


def test_every_command_is_shown_in_the_readme() -> None:
    commands = {command.name or command.callback.__name__ for command in app.registered_commands
                if command.callback is not None}
    commands |= {group.typer_instance.info.name for group in app.registered_groups
                 if isinstance(group.typer_instance.info.name, str)}
    assert commands == {command.split()[1] for command in SHOWN}


def test_the_readme_starts_with_the_two_commands() -> None:
    first_block = README.split("```")[1]
    assert [line.split("#")[0].strip() for line in first_block.strip().splitlines()] == [
        "bash scripts/demo.sh", "bash scripts/test.sh"]
    assert "scripts/test.sh" in (ROOT / ".ci" / "run").read_text("utf-8")


@pytest.mark.parametrize("identifier", [
    "authorized", "stated_control_rate", "full_year_budget", "stated_score", "deviation_reason"])
def test_the_glossary_names_the_identifiers_the_code_uses(identifier: str) -> None:
    assert re.search(rf"`[^`]*\b{identifier}\b[^`]*`", GLOSSARY)
