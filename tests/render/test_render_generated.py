"""Every template renders generated consistent data; the figures in the text follow the data."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from render_builders import consistent_evaluation

from jixiao.audit import audit_file
from jixiao.documents import read_document
from jixiao.findings import Severity
from jixiao.numbers import quantize_half_up
from jixiao.render.html import render_html
from jixiao.render.report import prepare, render_report
from jixiao.render.spec import load_template

amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(personnel=amounts, public=amounts, items=st.lists(amounts, min_size=1, max_size=4).map(tuple),
       qualitative=st.integers(min_value=24, max_value=30))
def test_generated_data_renders_and_checks_clean(personnel: Decimal, public: Decimal,
                                                 items: tuple[Decimal, ...], qualitative: int) -> None:
    data = consistent_evaluation(personnel=personnel, public=public, items=items, qualitative=qualitative)
    share = quantize_half_up(personnel / (personnel + public) * 100, 2)
    with TemporaryDirectory() as folder:
        # The builder makes data of the 岳阳楼区 shape (附件1-3); the regional forms need their own
        # (收支 by 机构, 功能/经济 breakdowns) and are rendered from generated data in their tests.
        for template_id in ("yueyanglou-2024", "national-project"):
            out = Path(folder) / f"{template_id}.docx"
            rendering = render_report(data, out, template=load_template(template_id))
            assert rendering.warnings == ()
            text = read_document(out).text
            assert f"总分\n\t\n\t\n\t\n\t\n\t\n\t100\n\t{70 + qualitative}\n" in text
            if template_id == "yueyanglou-2024":
                assert f"人员经费{personnel}万元，占基本支出的{share}%" in text
            errors = [f.message for f in audit_file(out).findings if f.severity is Severity.ERROR]
            assert errors == []
            assert str(70 + qualitative) in render_html(prepare(data, load_template(template_id)))
