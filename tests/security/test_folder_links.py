"""A folder given to `check` is read inside itself: links leading out of it are not followed."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.cli.batch import folder_files

runner = CliRunner()


def test_links_out_of_a_checked_folder_are_left_out(tmp_path: Path) -> None:
    secret = tmp_path / "outside"
    secret.mkdir()
    (secret / "机密.txt").write_text("机密：预算 100 万元，支出 300 万元。\n", encoding="utf-8")
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    (folder / "报告.txt").write_text("本年支出 100 万元。\n", encoding="utf-8")
    (folder / "link.txt").symlink_to(secret / "机密.txt")
    (folder / "sub" / "dir").symlink_to(secret, target_is_directory=True)
    (folder / "same.txt").symlink_to(folder / "报告.txt")
    assert folder_files(folder) == [folder / "same.txt", folder / "报告.txt"]
    result = runner.invoke(app, ["check", str(folder)])
    assert "机密" not in result.output
    assert str(folder / "报告.txt") in result.output
