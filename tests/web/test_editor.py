"""The editor: live checks on what the page holds, saves guarded by version, bad input refused
with its field, rows added and moved, and every change logged field by field."""

from __future__ import annotations

from django.urls import reverse

from jixiao.web.evaluations.editor import dom_id, parts
from jixiao.web.evaluations.models import Evaluation, FieldChange
from web.conftest import World, client_for

TOTAL = "self_assessment.stated_total_score"


def _page_fields(world: World) -> dict[str, str]:
    """What the editor page posts: every field as shown, and the list lengths."""
    response = client_for(world.users["preparer"]).get(reverse("editor", args=[world.own.pk]))
    fields = {}
    for part in response.context["parts"]:
        for block in part.blocks:
            for row in block.rows:
                fields |= {view.path: view.value for view in row.fields}
            for table in block.tables:
                fields[f"_rows:{table.path}"] = str(len(table.items))
                for item in table.items:
                    fields |= {view.path: view.value for view in item.fields}
    return fields | {"_version": str(response.context["version"])}


def test_a_finding_shows_live_and_goes_when_the_figure_is_fixed(world: World) -> None:
    client = client_for(world.users["preparer"])
    fields = _page_fields(world)
    before = client.post(reverse("preview", args=[world.own.pk]), fields)
    codes = [item.finding.code for item in before.context["findings"]]
    assert "JX-SCORE-002" in codes
    score_002 = next(i for i in before.context["findings"] if i.finding.code == "JX-SCORE-002")
    assert score_002.finding.message == "附件2自评得分合计 99分 与各项得分之和 93分 不一致（相差 6分）"
    assert score_002.field_path == TOTAL
    assert score_002.part_name == "附件2"
    assert f'data-for="{dom_id(TOTAL)}"' in before.content.decode()
    after = client.post(reverse("preview", args=[world.own.pk]), fields | {TOTAL: "93"})
    assert "JX-SCORE-002" not in [item.finding.code for item in after.context["findings"]]
    assert str(Evaluation.objects.get(pk=world.own.pk).data["self_assessment"]["stated_total_score"]) == "99"  # unsaved


def test_a_save_stores_the_next_version_and_logs_each_field(world: World) -> None:
    client = client_for(world.users["preparer"])
    response = client.post(reverse("save", args=[world.own.pk]), _page_fields(world) | {TOTAL: "93"})
    assert response.status_code == 302
    saved = Evaluation.objects.get(pk=world.own.pk)
    assert (saved.version, saved.data["self_assessment"]["stated_total_score"]) == (2, "93")
    change = FieldChange.objects.get(evaluation=saved)
    assert (change.path, change.label, change.old, change.new, change.version, change.user.username) == (
        TOTAL, "附件2 单位整体支出绩效自评表 › 总分（自评得分）", "99", "93", 2, "tianbao")
    assert saved.history.first().history_change_reason == "保存第 2 版（1 处修改）"


def test_a_stale_save_is_refused_and_the_input_kept_on_the_page(world: World) -> None:
    fields = _page_fields(world)
    client_for(world.users["head"]).post(reverse("save", args=[world.own.pk]), fields | {TOTAL: "95"})
    response = client_for(world.users["preparer"]).post(reverse("save", args=[world.own.pk]), fields | {TOTAL: "93"})
    assert response.status_code == 409
    assert response.context["refusal"] == (
        "保存未成功：您编辑的是第 1 版，此后 fuzeren 已保存了第 2 版。"
        "您的输入仍在页面上，未被保存；请先复制需要保留的内容，再重新打开页面，在最新版本上修改。")
    assert 'value="93"' in response.content.decode()
    assert Evaluation.objects.get(pk=world.own.pk).data["self_assessment"]["stated_total_score"] == "95"


def test_text_in_an_amount_and_a_negative_count_are_refused_at_their_fields(world: World) -> None:
    fields = _page_fields(world) | {"self_assessment.funds.actual": "二百万", "unit.staffing.authorized": "-3"}
    response = client_for(world.users["preparer"]).post(reverse("save", args=[world.own.pk]), fields)
    assert response.status_code == 422
    assert response.context["refusal"] == "有填写错误，未保存：请按各项旁的提示修改"
    assert response.context["notes"]["self_assessment.funds.actual"] == [("error", "“二百万”不是一个数值")]
    assert Evaluation.objects.get(pk=world.own.pk).version == 1


def test_a_model_error_is_refused_with_its_field(world: World) -> None:
    fields = _page_fields(world) | {"unit.staffing.authorized": "-3"}
    response = client_for(world.users["preparer"]).post(reverse("save", args=[world.own.pk]), fields)
    assert response.status_code == 422
    assert response.context["notes"]["unit.staffing.authorized"] == [("error", "金额不能为负数：-3")]
    assert str(Evaluation.objects.get(pk=world.own.pk).data["unit"]["staffing"]["authorized"]) == "10"


def test_ten_megabytes_of_text_is_refused_before_any_work(world: World) -> None:
    fields = _page_fields(world) | {"narrative.problems": "问" * (10 * 1024 * 1024)}
    response = client_for(world.users["preparer"]).post(reverse("save", args=[world.own.pk]), fields)
    assert response.status_code == 400
    assert Evaluation.objects.get(pk=world.own.pk).version == 1


def test_indicator_rows_are_added_under_the_same_block_and_moved(world: World) -> None:
    client = client_for(world.users["preparer"])
    fields = _page_fields(world)
    added = client.post(reverse("rows", args=[world.own.pk]), fields | {"_action": "add:self_assessment.indicators"})
    table = next(t for part in added.context["parts"] for b in part.blocks for t in b.tables
                 if t.path == "self_assessment.indicators")
    assert len(table.items) == 16
    assert [view.value for view in table.items[15].fields[:3]] == ["满意度指标", "服务对象满意度指标", ""]
    moved = client.post(reverse("rows", args=[world.own.pk]), fields | {"_action": "up:self_assessment.indicators:1"})
    table = next(t for part in moved.context["parts"] for b in part.blocks for t in b.tables
                 if t.path == "self_assessment.indicators")
    assert table.items[0].fields[2].value == "颜氏旧改项目，私房征收及后续的安置维稳户数"


def test_the_task_decides_year_and_template(world: World) -> None:
    fields = _page_fields(world) | {"year": "1999", "template": "dingcheng-2023", TOTAL: "93"}
    client_for(world.users["preparer"]).post(reverse("save", args=[world.own.pk]), fields)
    saved = Evaluation.objects.get(pk=world.own.pk)
    assert (saved.data["year"], saved.data["template"]) == (2023, "yueyanglou-2024")


def _row_paths(template: str) -> dict[str, str]:
    """Each single field the editor shows for a blank evaluation in ``template``, by path: its label."""
    return {view.path: row.label for part in parts({"template": template}) for block in part.blocks
            for row in block.rows for view in row.fields}


def test_only_the_finance_form_edits_its_third_summary_part_and_the_reviewers_title() -> None:
    finance, yueyanglou = _row_paths("yueyang-finance-2021"), _row_paths("yueyanglou-2024")
    assert (finance["narrative.implementation"], finance["sign_off.preparer_title"]) == (
        "部门（单位）专项组织实施情况", "职务/职称")
    assert finance["narrative.other"] == "专项支出"
    assert {"narrative.implementation", "sign_off.preparer_title"} & yueyanglou.keys() == set()
