"""Nothing the user made is destroyed: the one door every output goes through, as a user meets it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.io.errors import InputError
from jixiao.io.output import writing

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_XLSX = ROOT / "examples" / "dongting-2023.xlsx"
EXAMPLE_YAML = ROOT / "examples" / "dongting-2023.yaml"
REPORT = ROOT / "tests" / "data" / "reports" / "dongting-2023.txt"
runner = CliRunner()
EXISTS = "输出文件已存在，未写出（以免覆盖已有内容）；确需替换请加 --force"
INPUT = "输出文件是本次读取的输入文件，不能用输出覆盖；请另选输出文件名"
LINK = "输出文件是符号链接；jixiao 不通过链接写文件，请指定普通文件的路径"


def names(folder: Path) -> list[str]:
    """Every file in ``folder``, hidden temporary files included."""
    return sorted(path.name for path in folder.iterdir())


def filled_workbook(folder: Path) -> Path:
    path = folder / "填报.xlsx"
    shutil.copyfile(EXAMPLE_XLSX, path)
    return path


def test_new_refuses_to_blank_a_filled_workbook(tmp_path: Path) -> None:
    workbook = filled_workbook(tmp_path)
    before = workbook.read_bytes()
    result = runner.invoke(app, ["new", "-o", str(workbook)])
    assert (result.exit_code, result.stderr) == (2, f"错误：{workbook}: {EXISTS}\n")
    assert workbook.read_bytes() == before
    assert names(tmp_path) == ["填报.xlsx"]
    forced = runner.invoke(app, ["new", "-o", str(workbook), "--force"])
    assert forced.exit_code == 0
    assert workbook.read_bytes() != before
    assert names(tmp_path) == ["填报.xlsx"]


def test_an_input_is_never_overwritten_even_with_force(tmp_path: Path) -> None:
    workbook = filled_workbook(tmp_path)
    before = workbook.read_bytes()
    (tmp_path / "sub").mkdir()
    os.link(workbook, tmp_path / "硬链接.xlsx")
    for output in (workbook, tmp_path / "sub" / ".." / "填报.xlsx", tmp_path / "硬链接.xlsx"):
        result = runner.invoke(app, ["render", str(workbook), "-o", str(output), "--force"])
        assert (result.exit_code, result.stderr) == (2, f"错误：{output}: {INPUT}\n")
    assert workbook.read_bytes() == before


def test_import_keeps_the_yaml_the_user_completed(tmp_path: Path) -> None:
    completed = tmp_path / "导入.yaml"
    completed.write_text("year: 2023  # 已补充\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(REPORT), "-o", str(completed)])
    assert (result.exit_code, result.stderr) == (2, f"错误：{completed}: {EXISTS}\n")
    assert completed.read_text(encoding="utf-8") == "year: 2023  # 已补充\n"


def test_check_refuses_an_input_before_checking(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    shutil.copyfile(REPORT, report)
    result = runner.invoke(app, ["check", str(tmp_path), "-o", str(report), "--force"])
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"错误：{report}: {INPUT}\n")


def test_outputs_never_write_through_a_symbolic_link(tmp_path: Path) -> None:
    precious = tmp_path / "precious.docx"
    precious.write_bytes(b"the user's own file")
    link, dangling = tmp_path / "link.docx", tmp_path / "dangling.yaml"
    link.symlink_to(precious)
    dangling.symlink_to(tmp_path / "nowhere.yaml")
    for arguments in (["render", str(EXAMPLE_YAML), "-o", str(link), "--force"],
                      ["schema", "-o", str(dangling), "--force"]):
        result = runner.invoke(app, arguments)
        assert (result.exit_code, result.stderr) == (2, f"错误：{arguments[-2]}: {LINK}\n")
    assert precious.read_bytes() == b"the user's own file"
    assert not (tmp_path / "nowhere.yaml").exists()
    assert names(tmp_path) == ["dangling.yaml", "link.docx", "precious.docx"]


def test_a_failed_render_leaves_the_old_file_and_no_partial_file(tmp_path: Path) -> None:
    report = tmp_path / "自评报告.docx"
    report.write_bytes(b"last week's report")
    bad_template = tmp_path / "bureau.docx"
    bad_template.write_bytes(b"not a Word file")
    result = runner.invoke(app, ["render", str(EXAMPLE_YAML), "-o", str(report), "--force",
                                 "--template", str(bad_template)])
    assert result.exit_code == 2
    assert report.read_bytes() == b"last week's report"
    assert names(tmp_path) == ["bureau.docx", "自评报告.docx"]


def test_an_interrupted_write_leaves_the_old_file_intact(tmp_path: Path) -> None:
    target = tmp_path / "附件.xlsx"
    target.write_bytes(b"old")
    target.chmod(0o640)
    with pytest.raises(KeyboardInterrupt), writing(target, force=True) as temporary:
        assert temporary.parent == tmp_path and temporary.suffix == ".xlsx"
        temporary.write_bytes(b"half")
        raise KeyboardInterrupt
    assert target.read_bytes() == b"old"
    assert names(tmp_path) == ["附件.xlsx"]
    with writing(target, force=True) as temporary:
        temporary.write_bytes(b"new")
    assert (target.read_bytes(), target.stat().st_mode & 0o777) == (b"new", 0o640)


def test_a_new_file_gets_the_usual_mode_and_a_file_appearing_meanwhile_is_kept(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        target = tmp_path / "审核.json"
        with writing(target) as temporary:
            temporary.write_text("{}", encoding="utf-8")
        assert target.stat().st_mode & 0o777 == 0o644
        late = tmp_path / "late.json"
        with pytest.raises(InputError) as refused, writing(late) as temporary:
            temporary.write_text("{}", encoding="utf-8")
            late.write_text("made by someone else", encoding="utf-8")
        assert refused.value.describe() == f"{late}: {EXISTS}"
        assert late.read_text(encoding="utf-8") == "made by someone else"
        assert names(tmp_path) == ["late.json", "审核.json"]
    finally:
        os.umask(mask)


def test_bad_output_places_are_chinese_errors(tmp_path: Path) -> None:
    cases = [(tmp_path / "无此文件夹" / "x.yaml", f"输出文件所在的文件夹“{tmp_path / '无此文件夹'}”不存在"),
             (tmp_path, "输出文件是一个文件夹；请指定要写出的文件名")]
    for output, message in cases:
        result = runner.invoke(app, ["schema", "-o", str(output)])
        assert (result.exit_code, result.stderr) == (2, f"错误：{output}: {message}\n")
