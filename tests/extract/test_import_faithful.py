"""Import is faithful and honest: every field a form prints comes back from a report in that
form, and the list of what could not be read is exactly the form's fields the report leaves
empty, by the form's own Chinese names."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from jixiao.documents import read_document
from jixiao.extract.evaluation.extract import expected_fields, extract_evaluation
from jixiao.io.load import load_evaluation
from jixiao.io.plain import plain_data
from jixiao.model import Evaluation
from jixiao.render.figures import written
from jixiao.render.report import prepare
from jixiao.render.spec import available_templates

ROOT = Path(__file__).parents[2]
REPORTS = ROOT / "tests" / "data" / "reports"
FINANCE = REPORTS / "chenglingji-dangqun-2021.txt"  # the seed 002 report: the 岳阳市财政局 form
DINGCHENG = REPORTS / "dingcheng-zhengfuban-2023.txt"
EXAMPLES = {"yueyang-finance-2021": "chenglingji-dangqun-2021.yaml",
            "dingcheng-2023": "dingcheng-zhengfuban-2023.yaml", "yueyanglou-2024": "dongting-2023.yaml"}


def _example(template: str) -> Evaluation:
    return load_evaluation(ROOT / "examples" / EXAMPLES[template]).evaluation


def test_the_finance_form_lists_exactly_what_it_does_not_state() -> None:
    extracted = extract_evaluation(read_document(FINANCE))
    assert [(field.path, field.title) for field in extracted.missing] == [("sign_off.head", "部门（单位）负责人")]


def test_the_finance_form_gives_back_its_quantitative_targets_without_weights() -> None:
    """整体支出绩效定量目标 (seed lines 257–343): 评价内容 written on a group's first row only, 绩效目标
    split at its first “：” into name and target, 完成情况 as actual, no 分值 or 得分."""
    document = read_document(FINANCE)
    extracted = extract_evaluation(document)
    assert extracted.evaluation is not None
    rows = extracted.evaluation.self_assessment.indicators
    output = "产出目标\n（部门工作实绩，包含上级部门和市委市政府布置的重点工作、实事任务等，根据部门实际进行调整细化）"
    assert [(row.level1, row.level2, row.name) for row in rows] == [
        *((output, "质量指标", f"指标{n}") for n in (1, 2, 3, 4)),
        *((output, "数量指标", f"指标{n}") for n in (1, 2, 3)),
        (output, "时效指标", "能按照时间节点完成党建、组织人事、人才、统战工作。"),
        (output, "成本指标", "完成全部财政预算安排资金支出目标，不超范围、超预算支出"),
        ("效益目标\n（预期实现的效益）", "社会效益", "指标1"),
        ("效益目标\n（预期实现的效益）", "经济效益", "为全区经济发展提供了坚强的人才与智力支撑"),
        ("效益目标\n（预期实现的效益）", "生态效益", "确立了党建引领、服务人才的服务理念。"),
        ("效益目标\n（预期实现的效益）", "社会公众或服务对象满意度", "服务对象满意率高于99%")]
    assert rows[4].target == "各机关支部与非公企业支部共同开展活动50余次，共上党课30余次，为群众办实事为企业解决难题共300余件。"
    assert {row.actual for row in rows} == {"已完成"}
    assert {(row.weight, row.stated_score) for row in rows} == {(None, None)}
    assert rows == _example("yueyang-finance-2021").self_assessment.indicators
    place = extracted.source["self_assessment.indicators[4].name"]
    assert (place.line, document.text[place.start:place.end].split("：")[0]) == (291, "指标1")


def test_the_finance_form_gives_back_contact_duties_goals_reviewer_date_and_the_summary() -> None:
    imported = extract_evaluation(read_document(FINANCE)).evaluation
    example = _example("yueyang-finance-2021")  # typed from the same report by hand
    assert imported is not None
    assert imported.sign_off == example.sign_off
    assert (imported.sign_off.preparer, imported.sign_off.phone, imported.sign_off.date) == (
        "王焱", "18821880734", "2022年6月21日")
    assert imported.unit == example.unit
    assert imported.unit.functions[2:] == ("负责机构编制工作", "负责统战工作，大人、政协联络以及建议案、提案办理工作",
                                           "统筹协调群团工作")
    assert imported.self_assessment.goals == example.self_assessment.goals
    assert [goal.expected[:3] for goal in imported.self_assessment.goals] == ["目标1", "目标2", "目标3", "目标4"]
    assert imported.narrative == example.narrative


def _seed_box(label: str, end: str) -> list[str]:
    """The lines of a 基本概况 box of the seed as typed: from its label's line to ``end``."""
    lines = FINANCE.read_text("utf-8").splitlines()
    begin = next(index for index, line in enumerate(lines) if line.strip().endswith(label))
    stop = next(index for index in range(begin, len(lines)) if lines[index].strip() == end)
    return [line.strip() for line in lines[begin + 1:stop] if line.strip()]


def test_the_finance_form_gives_back_the_16_tasks_and_the_years_operation_as_written() -> None:
    """年度主要工作内容 and 年度部门（单位）总体运行情况及取得的成绩: one cell each on the paper form, a
    task or a paragraph per line."""
    extracted = extract_evaluation(read_document(FINANCE))
    assert extracted.evaluation is not None
    tasks = extracted.evaluation.unit.tasks
    assert tasks == tuple(_seed_box("工作内容", "年度部门（单位）总体运行情况及取得的成绩"))
    assert (len(tasks), tasks[2], tasks[-1]) == (
        16, "任务3：开展党建业务培训工作。", "任务16：开展城陵矶新港区新的社会阶层人士联合会成立筹备工作。")
    operation = extracted.evaluation.narrative.operation.splitlines()
    assert operation == _seed_box("年度部门（单位）总体运行情况及取得的成绩", "二、部门（单位）收支情况")
    assert [paragraph[:2] for paragraph in operation] == ["1、", "2、", "3、", "4、"]
    assert operation[0].startswith("1、2021年我区新增党支部28家，新发展党员62人")
    assert operation[-1].endswith("加强联谊交友，关怀台胞台属。")
    assert {"unit.tasks", "narrative.operation"} & {field.path for field in extracted.missing} == set()


def test_the_finance_summary_keeps_only_the_units_own_words() -> None:
    """概况 and 基本支出 of the 综述 are written by the renderer from the figures: kept as the
    unit's words they would print twice."""
    narrative = extract_evaluation(read_document(FINANCE)).data["narrative"]
    kept = "\n".join(value for value in narrative.values() if isinstance(value, str))
    assert "党群工作部基本情况人员共6人" not in kept
    assert "基本支出资金38.43万元" not in kept
    assert narrative["other"].splitlines()[0] == "1、专项资金安排落实、总投入等情况分析"
    assert narrative["problems"] == ("预算绩效评价指标体系有待完善。因对项目支出规律研究不深，校内部分项目考核指标细化和量化不够，"
                                     "投入产出经济性、效益性、满意度考核指标不够明确、不够完善。")


def test_the_finance_summary_keeps_three_the_special_funds_implementation_apart_from_two() -> None:
    """三、部门（单位）专项组织实施情况 (seed lines 406–409) is a field of its own: 二's (二)专项支出
    ends at its heading."""
    narrative = extract_evaluation(read_document(FINANCE)).data["narrative"]
    assert narrative["implementation"].splitlines() == [
        "（一）专项组织情况分析",
        "支出符合国家财经法规和财务管理制度规定以及有关专项资金管理办法的规定；资金拨付有完整的审批程序和手续；项目支出按规定"
        "经过评估论证；支出符合部门预算批复的用途；资金使用无截留、挤占、挪用、虚列支出等情况。",
        "（二）专项管理情况分析",
        "按规定发布奖补申报通知，公开预决算信息；按规定时限公开预决算信息；已制定或具有预算资金管理办法，内部财务管理制度、"
        "会计核算制度等管理制度；相关管理制度合法、合规、完整；相关管理制度得到有效执行。"]
    assert narrative["other"].splitlines()[-1] == ("已制定或具有预算资金管理办法，内部财务管理制度、会计核算制度等管理制度；"
                                                   "相关管理制度合法、合规、完整；相关管理制度得到有效执行。")


def test_the_finance_form_gives_back_the_reviewers_title() -> None:
    """评价人员 王焱 | 科员 | 党群工作部: 职务/职称 is the preparer's, placed on its own line."""
    document = read_document(FINANCE)
    extracted = extract_evaluation(document)
    assert extracted.evaluation is not None
    assert extracted.evaluation.sign_off.preparer_title == "科员"
    place = extracted.source["sign_off.preparer_title"]
    assert (place.table, place.row, place.col, place.line, document.text[place.start:place.end]) == (
        0, 55, 1, 358, "科员")


def test_the_dingcheng_form_keeps_eight_apart_from_seven() -> None:
    extracted = extract_evaluation(read_document(DINGCHENG))
    narrative = extracted.data["narrative"]
    assert narrative["measures"].startswith("希望上级部门指导完善单位的内控制度建设，进一步规范绩效目标编制。")
    assert "有关建议" not in narrative["problems"]
    assert "希望上级部门" not in narrative["problems"]
    assert narrative["problems"].splitlines()[-1].startswith("3.自觉增强法治思维")


def test_the_dingcheng_form_gives_back_duties_goals_and_evaluation_work() -> None:
    extracted = extract_evaluation(read_document(DINGCHENG))
    assert extracted.evaluation is not None
    example = _example("dingcheng-2023")
    assert extracted.evaluation.unit.functions == example.unit.functions
    goal = extracted.evaluation.self_assessment.goals[0]
    assert goal.expected.startswith("2023年，我办总体目标为确保民生、实事工作的督查落实")
    assert goal.achieved.startswith("从整体情况来看，我办严格按照年初预算进行部门整体支出")
    assert extracted.evaluation.narrative.other.startswith("根据绩效评价的要求，我们成立了自评工作领导小组")
    staffing = extracted.evaluation.unit.staffing  # “年末人数66人，劳务派遣46人，退休61人”
    assert (written(staffing.actual), written(staffing.retired), staffing.authorized) == ("66", "61", None)
    assert extracted.missing == ()


def _changed(value: Any) -> Any:
    """Another value of the same kind: text → other text, a number → another number, a list or
    a table → nothing (``None``: the field is taken out)."""
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return value + 1
    if not isinstance(value, str):
        return None
    if value.replace(".", "", 1).isdigit():
        return "123.45" if "." in value else "123"
    return "甲乙丙"


def _put(data: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """``data`` with the field at dotted ``path`` set to ``value`` (``None``: taken out), a copy."""
    head, _, rest = path.partition(".")
    if rest:
        return data | {head: _put(data.get(head, {}), rest, value)}
    return {key: item for key, item in data.items() if key != head} | ({} if value is None else {head: value})


def _at(data: Any, path: str) -> Any:
    for step in path.split("."):
        if not isinstance(data, dict) or step not in data:
            return None
        data = data[step]
    return data


def _asked(evaluation: Evaluation) -> set[str]:
    return {warning for warning in prepare(evaluation).warnings if warning.endswith("未填写")}


FILLERS = {"sign_off.head": "张三", "narrative.results.publication": "在单位门户网站公开",
           "narrative.results.application": "用于下年预算安排", "basic_data.austerity_measures": "严控三公经费",
           "projects": [{"name": "人居环境整治", "supervising_department": "岳阳楼区人民政府", "implementer": "示例单位",
                         "funds": {"initial_budget": "42.47", "full_year_budget": "42.47", "actual": "42.47"},
                         "goals": [{"expected": "完成整治", "achieved": "已完成"}],
                         "indicators": [{"level1": "产出指标", "level2": "数量指标", "name": "整治户数",
                                         "target": "32户", "actual": "32户", "weight": "90",
                                         "stated_score": "90"}]}]}
"""Fields none of the examples fills."""
ASKED_WHEN = {"self_assessment.budget_change_explanation": "追加疫情防控经费"}
"""Fields the form asks for only in some cases (预算调整说明: when 全年预算数 differs from 年初预算数),
so not on the list of what every report of the form states; ``jixiao check`` asks for them."""
TEMPLATES = sorted(set(available_templates()) - {"national-project"})


def _filled(template: str) -> dict[str, Any]:
    """An evaluation in ``template`` holding exactly the listed fields, taken from the filled
    examples (the first that has each, the form's own first: the 财政局 example's 定量目标 have no 分值,
    which no other form takes)."""
    sources = [plain_data(_example(name)) for name in sorted(EXAMPLES, key=lambda name: name != template)]
    data: dict[str, Any] = {"year": 2023, "template": template, "profile": "national-2020",
                            "unit": {"name": "示例单位"}}
    for field in expected_fields(template):
        value = next((found for source in sources if (found := _at(source, field.path)) is not None),
                     FILLERS.get(field.path))
        assert value is not None, field.path
        data = _put(data, field.path, value)
    for path, value in ASKED_WHEN.items():
        data = _put(data, path, value)
    return data


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_form_with_every_listed_field_filled_asks_for_nothing(template: str) -> None:
    """No field the form asks for is missing from the list: an evaluation holding only the
    listed fields renders without a single 【未填写】."""
    assert _asked(Evaluation.model_validate(_filled(template))) == set()


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_listed_field_is_one_the_form_prints(template: str) -> None:
    """No field is listed that the form does not print: changing any one of them in the filled
    evaluation changes the rendered form."""
    data = _filled(template)
    printed = dict(prepare(Evaluation.model_validate(data)).data)
    for field in expected_fields(template):
        changed = _put(data, field.path, _changed(_at(data, field.path)))
        if field.path != "year" and field.path != "unit.name":  # required: never taken out
            assert dict(prepare(Evaluation.model_validate(changed)).data) != printed, field.path


def _unit_table(template: str, indicator: dict[str, str]) -> dict[str, Any]:
    return {"year": 2021, "template": template, "unit": {"name": "示例局"},
            "self_assessment": {"indicators": [indicator]}}


def test_only_a_form_without_weights_takes_an_indicator_without_one() -> None:
    """The 财政局 form's 定量目标 print no 分值: its indicators may have none; every other form's
    附件2, and every 附件3, refuse an applicable indicator without its 分值."""
    row = {"level1": "产出目标", "level2": "质量指标", "name": "指标1", "target": "开展活动", "actual": "已完成"}
    finance = Evaluation.model_validate(_unit_table("yueyang-finance-2021", row))
    assert finance.self_assessment.indicators[0].weight is None
    with pytest.raises(ValidationError) as refused:
        Evaluation.model_validate(_unit_table("yueyanglou-2024", row))
    assert [(error["loc"], error["msg"]) for error in refused.value.errors()] == [
        (("self_assessment", "indicators", 0), "Value error, 指标“指标1”缺少分值")]
    project = {"year": 2021, "template": "yueyang-finance-2021", "unit": {"name": "示例局"},
               "projects": [{"name": "专项", "indicators": [row]}]}
    with pytest.raises(ValidationError) as refused:
        Evaluation.model_validate(project)
    assert [(error["loc"], error["msg"]) for error in refused.value.errors()] == [
        (("projects", 0, "indicators", 0), "Value error, 指标“指标1”缺少分值")]
