"""The documented rule catalogue (docs/rules.md) and the code must list the same rules."""

import re
from pathlib import Path

from jixiao.checks import INTERNAL_ERROR, catalogue
from jixiao.extract.grades import GRADE_CODES
from jixiao.extract.prose.check import CODES as TEXT_CODES
from jixiao.extract.prose.overruns import OVERRUN
from jixiao.extract.tables.claims import TABLE_CODES

CLAIM_CODES = (*TEXT_CODES, *TABLE_CODES, *GRADE_CODES, OVERRUN)

RULES_DOC = Path(__file__).parents[1] / "docs" / "rules.md"


def _documented_rows() -> dict[str, tuple[str, str]]:
    rows = re.findall(r"^\| (JX-[A-Z]+-\d{3}) \| (\w+) \| ([^|]+) \|", RULES_DOC.read_text("utf-8"),
                      flags=re.MULTILINE)
    return {code: (severity, title.strip()) for code, severity, title in rows}


def test_every_rule_in_code_is_documented_with_its_severity_and_title() -> None:
    documented = _documented_rows()
    for rule in catalogue():
        assert documented.get(rule.code) == (rule.severity.value, rule.title), rule.code


def test_every_documented_rule_exists_in_code() -> None:
    in_code = {rule.code for rule in catalogue()} | {INTERNAL_ERROR, *CLAIM_CODES}
    assert set(_documented_rows()) == in_code


def test_rule_codes_are_unique_and_well_formed() -> None:
    codes = [rule.code for rule in catalogue()]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"JX-[A-Z]+-\d{3}", code) for code in codes)


def test_the_rules_bound_to_a_form_are_documented_as_such() -> None:
    rows = {line.split(" | ")[0].removeprefix("| "): line
            for line in RULES_DOC.read_text("utf-8").splitlines() if line.startswith("| JX-")}
    for rule in catalogue():
        marked = "（仅 `yueyanglou-2024` 模板）" in rows[rule.code]
        assert marked == (rule.forms == frozenset({"yueyanglou-2024"})), rule.code
