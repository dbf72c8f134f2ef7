"""Word templates are code run for every unit: the sandbox refuses what a hostile one tries."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docxtpl import DocxTemplate  # type: ignore[import-untyped]
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.io.errors import InputError
from jixiao.model import Evaluation
from jixiao.render.report import render_report
from jixiao.render.sandbox import Budget, SandboxedTemplateEnvironment, TemplateLimitError
from jixiao.render.template_run import render_sandboxed
from jixiao.render.user_template import validate_user_template

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "dongting-2023.yaml"

runner = CliRunner()


def template(path: Path, *paragraphs: str, cell: str = "") -> Path:
    document = docx.Document()
    document.add_paragraph("{{ title }}")
    for text in paragraphs:
        document.add_paragraph(text)
    if cell:
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "单位"
        table.cell(0, 1).text = cell
    document.save(str(path))
    return path


def failure(example: Evaluation, path: Path) -> str:
    with pytest.raises(InputError) as raised:
        render_report(example, path.with_name("out.docx"), user_template=path)
    assert raised.value.file == str(path)
    assert not path.with_name("out.docx").exists()
    return raised.value.message


def test_jinja_globals_are_unknown_variables_not_code(example: Evaluation, tmp_path: Path) -> None:
    path = template(tmp_path / "evil.docx", "{{ lipsum.__globals__['os'].popen('id').read() }}")
    assert failure(example, path) == ("Word 模板使用了未知变量“lipsum”，位于第 2 段；"
                                      "可用变量见 `jixiao templates show 模板名`")
    loop = template(tmp_path / "loop.docx", "{% for i in range(10**9) %}x{% endfor %}")
    assert failure(example, loop).startswith("Word 模板使用了未知变量“range”，位于第 2 段；")


def test_the_cli_refuses_a_code_running_template_with_exit_2(tmp_path: Path) -> None:
    path = template(tmp_path / "evil.docx", "{{ cycler.__init__.__globals__.os.environ }}")
    out = tmp_path / "out.docx"
    result = runner.invoke(app, ["render", str(EXAMPLE), "-o", str(out), "--template", str(path)])
    assert result.exit_code == 2
    assert result.stderr == (f"错误：{path}: Word 模板使用了未知变量“cycler”，位于第 2 段；"
                             "可用变量见 `jixiao templates show 模板名`\n")
    assert not out.exists()


@pytest.mark.parametrize(("tag", "reason"), [
    ("{{ title.__class__.__mro__[1].__subclasses__() }}", "访问了模板中不允许使用的属性或方法"),
    ("{{ sections.append(1) }}", "访问了模板中不允许使用的属性或方法"),
    ("{{ year|int / 0 }}", "除数为零"),
    ("{{ title|safe }}", "使用了不可用的过滤器“safe”"),
    ("{{ title|center(1000000000) }}", "使用了不可用的过滤器“center”"),
    ("{{ 'a' * 1000000000 }}", "模板生成的单个值超过 1048576 个字符（或元素）的上限"),
    ("{{ 9 ** 999999 }}", "模板中的整数超过 4096 位的上限"),
    ("{{ '%999999999d' % 1 }}", "模板中的格式宽度或精度超过 100000 的上限"),
    ("{{ '{:>999999999}'.format(1) }}", "模板中的格式宽度或精度超过 100000 的上限"),
    ("{{ title|replace('', title * 30000) }}", "模板生成的单个值超过 1048576 个字符（或元素）的上限"),
    ("{{ unit_name.ljust(999999999) }}", "模板中传给函数或过滤器的数值超过 100000 的上限"),
])
def test_a_failing_tag_is_named_with_its_place(example: Evaluation, tmp_path: Path, tag: str, reason: str) -> None:
    path = template(tmp_path / "bad.docx", "正文", cell=tag)
    assert failure(example, path) == f"Word 模板第 1 个表格第 1 行第 2 列的标签“{tag}”出错：{reason}"


def test_recursion_and_doubling_are_refused(example: Evaluation, tmp_path: Path) -> None:
    recursion = template(tmp_path / "recursion.docx", "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}")
    assert failure(example, recursion) == ("Word 模板第 2 段的标签“{% macro f(n) %}”出错："
                                           "宏或循环的递归过深")
    doubling = template(tmp_path / "doubling.docx", "{% macro f(s) %}{{ f(s ~ s) }}{% endmacro %}",
                        "{{ f(title) }}")
    assert failure(example, doubling) == ("Word 模板第 2 段的标签“{% macro f(s) %}”出错："
                                          "模板生成的单个值超过 1048576 个字符（或元素）的上限")


def test_a_table_without_its_grid_is_refused_before_rendering(example: Evaluation, tmp_path: Path) -> None:
    path = template(tmp_path / "grid.docx", cell="{{ unit_name }}")
    document = docx.Document(str(path))
    grid = document.tables[0]._tbl.find(qn("w:tblGrid"))
    grid.getparent().remove(grid)
    document.save(str(path))
    assert failure(example, path) == "Word 模板第 1 个表格缺少列定义（w:tblGrid），无法生成；请在 Word 中重新保存该模板"


def test_rendering_stops_at_the_time_and_output_limits(tmp_path: Path) -> None:
    nested = "{% for a in t %}{% for b in t %}{% for c in t %}{% for d in t %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}"
    path = template(tmp_path / "slow.docx", nested)
    with pytest.raises(InputError) as slow:
        render_sandboxed(DocxTemplate(str(path)), {"title": "标题", "t": "x" * 1000}, str(path), Budget(seconds=0.2))
    assert slow.value.message == f"Word 模板第 2 段的标签“{nested[:16]}”出错：模板运行超过 0.2 秒的上限"
    large = template(tmp_path / "large.docx", "{% for a in t %}{% for b in t %}{{ t }}{% endfor %}{% endfor %}")
    with pytest.raises(InputError) as big:
        render_sandboxed(DocxTemplate(str(large)), {"title": "标题", "t": "x" * 1000}, str(large),
                         Budget(output=1024 * 1024))
    assert big.value.message == ("Word 模板第 2 段的标签“{% for a in t %}”出错："
                                 "模板生成的内容超过 1 MB 的上限")


def test_the_sandbox_keeps_what_templates_need() -> None:
    environment = SandboxedTemplateEnvironment(Budget())
    assert environment.globals == {}
    source = ("{% for r in rows %}{{ loop.index }}/{{ loop.length }} {{ r.name|upper }}{{ '、' if not loop.last }}"
              "{% else %}无{% endfor %}|{{ a ~ '<' }}|{{ '%.2f'|format(n) }}|{{ n|round(1) }}|{{ 12345678|abs }}")
    rendered = environment.from_string(source).render(rows=[{"name": "a"}, {"name": "b"}], a="甲", n=3.14159)
    assert rendered == "1/2 A、2/2 B|甲&lt;|3.14|3.1|12345678"
    with pytest.raises(TemplateLimitError):
        SandboxedTemplateEnvironment(Budget()).from_string("{{ [1] * 2000000 }}").render()


def test_validate_user_template_lists_its_variables_or_names_the_fault(tmp_path: Path) -> None:
    path = template(tmp_path / "ok.docx", "{{ unit_name }}", cell="{{ sign_off.head }}")
    assert validate_user_template(path, {"title", "unit_name", "sign_off"}) == {"title", "unit_name", "sign_off"}
    with pytest.raises(InputError) as raised:
        validate_user_template(template(tmp_path / "bad.docx", "{{ a b }}"), {"title"})
    assert raised.value.message == "Word 模板第 2 段的标签“{{ a b }}”出错：标签写法有误"
    assert re.fullmatch(r".*bad\.docx", str(raised.value.file))
