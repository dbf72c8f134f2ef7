"""Consistent evaluations for rendering tests: every total is the sum of its parts, every stated
share, rate and score is what the rule gives, every required field is filled."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from jixiao.model import Evaluation

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
