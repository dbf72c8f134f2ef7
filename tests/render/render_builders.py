"""Consistent evaluations for rendering tests: every total is the sum of its parts, every stated
share, rate and score is what the rule gives, every required field is filled."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from jixiao.model import Evaluation
from jixiao.numbers import StatedNumber
from jixiao.profiles.forms import prints_indicator_weights

CENT = Decimal("0.01")


def _money(value: Decimal) -> str:
    return format(value.quantize(CENT), "f")


def indicators(qualitative: int = 30) -> list[dict[str, Any]]:
    """Four indicators, weights 25 + 25 + 30 + 10: the quantitative ones at full marks (their
    actual values meet the targets), the 定性 one scored ``qualitative`` (24–30 keeps it in the
    达成年度指标 band)."""
    scores = (25, 25, qualitative, 10)
    rows = [("产出指标", "数量指标", "完成户数", "≥", "32户", "32户", 25),
            ("产出指标", "质量指标", "验收合格率", "≥", "100%", "100%", 25),
            ("效益指标", "社会效益指标", "群众反映问题办结", "定性", "及时办结", "及时办结", 30),
            ("满意度指标", "服务对象满意度指标", "群众满意度", "≥", "≥95%", "98%", 10)]
    return [{"level1": l1, "level2": l2, "name": name, "nature": nature, "target": target,
             "actual": actual, "weight": str(weight), "stated_score": str(score),
             "deviation_reason": "" if score == weight else "部分工作跨年度完成，下年度提前安排。"}
            for (l1, l2, name, nature, target, actual, weight), score in zip(rows, scores, strict=True)]


def project(name: str = "人居环境整治", amount: Decimal = Decimal("42.47"),
            qualitative: int = 30) -> dict[str, Any]:
    total = 70 + qualitative
    return {
        "name": name, "supervising_department": "岳阳市岳阳楼区人民政府", "implementer": "示例单位",
        "funds": {"initial_budget": _money(amount), "full_year_budget": _money(amount),
                  "actual": _money(amount), "weight": "10", "stated_execution_rate": "100",
                  "stated_score": "10",
                  "current_appropriation": {"initial_budget": _money(amount),
                                            "full_year_budget": _money(amount), "actual": _money(amount)}},
        "goals": [{"expected": "完成32户人居环境整治", "achieved": "完成32户人居环境整治"}],
        "indicators": indicators(qualitative),
        "stated_total_weight": "100", "stated_total_score": str(total),
    }


def consistent_evaluation(personnel: Decimal = Decimal("114.24"), public: Decimal = Decimal("18.47"),
                          items: tuple[Decimal, ...] = (Decimal("5.00"), Decimal("42.47")),
                          three_public: tuple[Decimal, Decimal] = (Decimal("2.40"), Decimal("2.00")),
                          qualitative: int = 30,
                          with_project: bool = True) -> Evaluation:
    """A 2023 evaluation whose every figure agrees with every other."""
    basic = personnel + public
    projects_total = sum(items, Decimal(0))
    total = basic + projects_total
    prior, current = three_public
    unit_total = 70 + qualitative
    item_names = [f"专项经费{'一二三四五六七八九十'[i % 10]}" for i in range(len(items))]
    raw: dict[str, Any] = {
        "year": 2023,
        "unit": {"name": "示例单位", "functions": ["负责辖区社会事务的管理和协调"],
                 "departments": ["综合办公室", "财务统计科"], "stated_department_count": "2",
                 "staffing": {"authorized": "10", "actual": "9"}},
        "finances": {
            "general_budget": {
                "basic": {"total": _money(basic), "personnel": {"amount": _money(personnel)},
                          "public": {"amount": _money(public)}},
                "projects": {"total": _money(projects_total),
                             "items": [{"name": n, "amount": _money(a)} for n, a in zip(item_names, items,
                                                                                          strict=True)]},
            },
            **{fund: {"has_expenditure": False}
               for fund in ("government_fund", "state_capital", "social_insurance")},
        },
        "narrative": {"performance": "全面完成年度工作任务。", "problems": "宣传工作有待加强。",
                      "measures": "加强宣传，提高工作实效。", "other": "无。",
                      "results": {"publication": "自评结果随部门决算在区政府门户网站公开",
                                  "application": "作为下年度预算安排的重要依据"}},
        "basic_data": {
            "staffing": {"authorized": "10", "actual": "9", "stated_control_rate": "90"},
            "three_public": {"total": {"prior_actual": _money(prior), "budget": _money(current),
                                       "actual": _money(current)}},
            "public_funds": {"total": {"prior_actual": _money(public), "budget": _money(public),
                                       "actual": _money(public)}},
            "austerity_measures": "严格执行公务接待和差旅管理规定",
        },
        "self_assessment": {
            "funds": {"initial_budget": _money(total), "full_year_budget": _money(total),
                      "actual": _money(total), "weight": "10", "stated_execution_rate": "100",
                      "stated_score": "10"},
            "by_income": {"general_public": _money(total)},
            "by_nature": {"basic": _money(basic), "projects": _money(projects_total)},
            "goals": [{"expected": "完成32户人居环境整治", "achieved": "完成32户人居环境整治"}],
            "indicators": indicators(qualitative),
            "stated_total_weight": "100", "stated_total_score": str(unit_total),
        },
        "projects": [project(qualitative=qualitative)] if with_project else [],
        "sign_off": {"head": "张三", "preparer": "李四", "phone": "0730-1234567", "date": "2024年3月1日"},
    }
    return Evaluation.model_validate(raw)


NATURES = ("≥", "≤", "=", "定性")
"""The four 指标性质 a quantified or worded indicator takes, in the order rows cycle through them."""
_TARGETS = {"≥": ("32户", "32户"), "≤": ("16.00万元", "14.40万元"), "=": ("100%", "100%"),
            "定性": ("及时办结", "及时办结")}
BLOCKS = (("产出指标", "数量指标", (5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 3, 3)),
          ("效益指标", "社会效益指标", (6, 6, 6, 6, 6)),
          ("满意度指标", "服务对象满意度指标", (5, 5)))
"""三级 indicators by 一级 block: 19 weighted rows, 50 + 30 + 10."""


def every_nature_indicators(short_weight: int = 0, over_score: bool = False) -> list[dict[str, Any]]:
    """Twenty indicators: nineteen at full marks cycling through ≥, ≤, = and 定性, and one
    不适用 row in 效益指标. ``short_weight`` takes that many points off the first 产出 row's 分值
    (its 得分 follows), so the 产出 block and the total no longer make 50 and 100;
    ``over_score`` gives the last row a 得分 one point above its 分值."""
    rows: list[dict[str, Any]] = []
    for level1, level2, weights in BLOCKS:
        for weight in weights:
            nature = NATURES[len(rows) % len(NATURES)]
            target, actual = _TARGETS[nature]
            weight -= short_weight if not rows else 0
            rows.append({"level1": level1, "level2": level2, "name": f"{level2[:2]}指标{len(rows) + 1}",
                         "nature": nature, "target": target, "actual": actual, "weight": str(weight),
                         "stated_score": str(weight), "deviation_reason": ""})
    if over_score:
        rows[-1] |= {"stated_score": str(int(rows[-1]["weight"]) + 1)}
    rows.insert(13, {"level1": "效益指标", "level2": "生态效益指标", "name": "生态效益指标",
                     "nature": "不适用", "target": "不适用", "actual": "不适用", "deviation_reason": ""})
    return rows


def _funds(amount: Decimal, initial: Decimal | None = None, rate: str = "100") -> dict[str, Any]:
    return {"initial_budget": _money(initial or amount), "full_year_budget": _money(amount),
            "actual": _money(amount), "weight": "10", "stated_execution_rate": rate, "stated_score": "10"}


def every_field_evaluation(template: str) -> Evaluation:
    """A 2023 evaluation in ``template`` with every field any template prints filled: three
    projects, twenty indicators (≥, ≤, =, 定性 and a 不适用 row), a 政府性基金 table, the 鼎城区
    breakdown and 三公 year on year, the 财政局 form's accounts by 机构. Seeded with errors of
    several rules: 附件2's 产出 分值 three short (JX-SCORE-004) so its 分值 total is 97 under a stated
    100 (JX-SCORE-003), its 总分 one above the sum (JX-SCORE-002), a 得分 above its 分值
    (JX-SCORE-001) (none of them in the 财政局 form, whose 定量目标 has no 分值 or 得分), a 人员经费 share (JX-RATE-001) and a project's 执行率 (JX-RATE-002) misstated, an
    unexplained budget change (JX-EXEC-002), a 三公 change (JX-SUM-010, JX-RATE-005), a breakdown
    (JX-SUM-008) and a 机构's 收入合计 (JX-SUM-009) that do not add up."""
    base = consistent_evaluation(items=(Decimal("5.00"), Decimal("42.47"), Decimal("30.00")))
    data = base.model_dump(mode="json", exclude_none=True)
    general, fund = Decimal("210.18"), Decimal("20.00")
    total = general + fund
    unit_rows = every_nature_indicators(short_weight=3, over_score=True)
    totals = {"stated_total_weight": "100", "stated_total_score": "95"}
    if not prints_indicator_weights(template):  # the form prints no 分值 or 得分: its data has none
        unit_rows = [{key: value for key, value in row.items() if key not in ("weight", "stated_score")}
                     for row in unit_rows]
        totals = {}
        for key in ("stated_total_weight", "stated_total_score"):
            data["self_assessment"].pop(key, None)
    data["template"] = template
    data["unit"] |= {"code": "999236", "tasks": ["任务1：完成人居环境整治。", "任务2：办结群众反映问题。"],
                     "staffing": {"authorized": "10", "actual": "9", "retired": "3"}}
    data["unit"]["functions"] = ["负责辖区社会事务的管理和协调", "承办上级交办的其他事项"]
    data["narrative"] |= {"operation": "1、全年完成人居环境整治32户。\n2、群众反映问题全部办结。",
                          "implementation": "（一）专项组织情况分析\n专项资金按计划拨付。",
                          "results": data["narrative"]["results"] | {"stated_score": "94", "stated_grade": "优"}}
    data["finances"]["general_budget"]["basic"]["personnel"]["stated_share"] = "86.00"
    data["sign_off"] |= {"preparer_title": "科员"}
    data["basic_data"]["projects"] = {
        "total": {"budget": "77.47", "actual": "77.47"}, "district_specials": {"budget": "77.47", "actual": "77.47"},
        "district_special_items": [{"name": name, "budget": amount, "actual": amount} for name, amount in
                                   (("专项经费一", "5.00"), ("专项经费二", "42.47"), ("专项经费三", "30.00"))]}
    data["finances"]["government_fund"] = {"has_expenditure": True, "rows": [
        {"name": "城乡社区支出", "budget": _money(fund), "actual": _money(fund)}]}
    data["finances"]["breakdown"] = {
        "total": _money(total), "by_function": [{"name": "一般公共服务支出", "amount": "200.18"},
                                                {"name": "城乡社区支出", "amount": "30.00"}],
        "basic": "132.71", "basic_personnel": "114.24", "basic_public": "18.47", "projects": "97.47",
        "by_economic": [{"name": "工资福利支出", "amount": "114.24"}, {"name": "商品服务支出", "amount": "115.94"}],
        "income_total": _money(total), "income_lines": [{"name": "一般公共预算财政拨款", "amount": _money(general)},
                                                        {"name": "政府性基金拨款", "amount": "10.00"}]}
    data["finances"]["three_public_year_on_year"] = [
        {"name": "公务接待费", "current": "2.00", "prior": "2.40", "stated_change": "-0.30",
         "stated_change_percent": "-16.67"}]
    data["finances"]["org_accounts"] = [{
        "name": "局机关", "income_total": "231.18", "fiscal_appropriation": _money(general),
        "government_fund": _money(fund), "expenditure_total": _money(total), "basic": "132.71",
        "personnel": "114.24", "public": "18.47", "projects": "97.47", "surplus_current": "0.00",
        "surplus_cumulative": "0.00", "three_public_total": "2.00", "reception": "2.00"}]
    data["self_assessment"] |= {
        "funds": _funds(total, initial=Decimal("220.18")),
        "by_income": {"general_public": _money(general), "government_fund": _money(fund)},
        "by_nature": {"basic": "132.71", "projects": "97.47"},
        "indicators": unit_rows, **totals}
    data["projects"] = [project(name, amount) | {"indicators": every_nature_indicators()}
                        for name, amount in (("专项经费一", Decimal("5.00")), ("专项经费二", Decimal("42.47")),
                                             ("专项经费三", Decimal("30.00")))]
    data["projects"][1]["funds"]["stated_execution_rate"] = "98.00"
    return Evaluation.model_validate(data)


def figures_by_path(data: Any, path: str = "") -> dict[str, StatedNumber]:
    """Every stated number of ``data`` (an evaluation, or part of one) by its field path."""
    if isinstance(data, BaseModel) and not isinstance(data, StatedNumber):
        return figures_by_path(dict(data), path)
    if isinstance(data, dict):
        return {key: value for name, item in data.items()
                for key, value in figures_by_path(item, f"{path}.{name}" if path else name).items()}
    if isinstance(data, list | tuple):
        return {key: value for index, item in enumerate(data)
                for key, value in figures_by_path(item, f"{path}[{index}]").items()}
    return {path: data} if isinstance(data, StatedNumber) else {}
