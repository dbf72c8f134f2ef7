"""A new year's evaluation started from last year's: what the unit states again, and last
year's figures as this year's 上年.

Pure functions over plain data: nothing here knows about the database.
"""

from __future__ import annotations

import copy
from typing import Any

KEPT = ("template", "profile", "schema_version")
"""Top-level fields that stay as they were."""

UNIT_KEPT = ("name", "code", "supervising_department", "functions", "departments", "stated_department_count")
"""Fields of 单位基本情况 a unit states again unchanged until it changes them."""

INDICATOR_KEPT = ("level1", "level2", "name", "nature", "target", "weight")
"""Of each 绩效指标, what it plans; what it achieved and scored is this year's to state."""


def start_data(template: str, profile: str, year: int, unit_name: str) -> dict[str, Any]:
    """A blank evaluation for a task: the year, the unit and the task's template and profile."""
    return {
        "schema_version": 1,
        "year": year,
        "template": template,
        "profile": profile,
        "unit": {"name": unit_name},
    }


def carried_over(previous: dict[str, Any], year: int, template: str, profile: str) -> dict[str, Any]:
    """This year's draft from last year's data: identity, duties and indicator plan kept;
    every 本年决算数 of 附件1 becomes this year's 上年决算数, every 三公 本年 this year's 上年."""
    data = start_data(template, profile, year, str(previous.get("unit", {}).get("name", "")))
    unit = previous.get("unit", {})
    data["unit"] |= {key: copy.deepcopy(unit[key]) for key in UNIT_KEPT if key in unit}
    if "staffing" in unit:
        data["unit"]["staffing"] = {
            key: value for key, value in unit["staffing"].items() if key == "authorized"
        }
    if "basic_data" in previous:
        data["basic_data"] = _prior_actuals(previous["basic_data"])
    three_public = previous.get("finances", {}).get("three_public_year_on_year")
    if three_public:
        data.setdefault("finances", {})["three_public_year_on_year"] = [
            {"name": line["name"], "prior": line["current"]}
            for line in three_public
            if isinstance(line, dict) and line.get("current") is not None
        ]
    indicators = previous.get("self_assessment", {}).get("indicators")
    if indicators:
        data["self_assessment"] = {
            "indicators": [{key: item[key] for key in INDICATOR_KEPT if key in item} for item in indicators]
        }
    return data


def _prior_actuals(record: Any) -> Any:
    """附件1's rows with last year's 本年决算数 as their 上年决算数 (names of 专项 kept)."""
    if isinstance(record, list):
        carried = [_prior_actuals(item) for item in record]
        return [item for item in carried if item]
    if not isinstance(record, dict):
        return None
    if "actual" in record or "prior_actual" in record or "budget" in record:
        row = {"name": record["name"]} if "name" in record else {}
        return row | ({"prior_actual": record["actual"]} if record.get("actual") is not None else {})
    carried = {key: _prior_actuals(value) for key, value in record.items()}
    return {key: value for key, value in carried.items() if value}
