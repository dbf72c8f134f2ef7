"""Sums and breakdown identities: a total against its parts (domain.md §6, 合计/其中)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from jixiao.checks.registry import (
    CheckContext,
    Figure,
    Rule,
    figure,
    figures,
    present,
    relation_finding,
    rule,
)
from jixiao.findings import Finding, Severity, number_text
from jixiao.model import AmountLine, NamedControlRow, OrgAccount, Record
from jixiao.numbers import ZERO, StatedNumber
from jixiao.relations import check_difference, check_sum

_COLUMNS = (("prior_actual", "上年决算数"), ("budget", "本年预算数"), ("actual", "本年决算数"))
_FUNDS_COLUMNS = (("initial_budget", "年初预算数"), ("full_year_budget", "全年预算数"),
                  ("actual", "全年执行数"))


def sum_finding(owner: Rule, total: Figure | None, parts: Iterable[Figure | None],
                parts_label: str | None = None) -> Finding | None:
    """Check ``total = Σ parts``; blank parts are absent, and no part at all is no relation.

    The message names the parts one by one, or ``parts_label`` when they are many.
    """
    present = [part for part in parts if part is not None]
    if total is None or not present:
        return None
    names = parts_label or "、".join(part.label for part in present)
    unit = total.number.unit.value
    return relation_finding(
        owner, check_sum(total.number, [part.number for part in present]), total, present,
        failure=f"{total.label} {{stated}}{unit} 与{names}之和 {{expected}}{unit} 不一致"
                f"（相差 {{difference}}{unit}）",
        rounding=f"{total.label} {{stated}}{unit} 与{names}之和 {{expected}}{unit} 相差 "
                 f"{{difference}}{unit}，在各数舍入误差之内",
    )


def _lines(lines: Sequence[AmountLine], path: str) -> list[Figure | None]:
    return [figure(line.name, line.amount, f"{path}[{i}].amount") for i, line in enumerate(lines)]


def _column_sums(owner: Rule, total_label: str, total: Record, total_path: str,
                 parts: Sequence[tuple[str, Record, str]],
                 columns: Sequence[tuple[str, str]] = _COLUMNS) -> Iterator[Finding]:
    for field, column in columns:
        found = sum_finding(
            owner,
            figure(f"{total_label}（{column}）", getattr(total, field), f"{total_path}.{field}"),
            [figure(label, getattr(row, field), f"{path}.{field}") for label, row, path in parts],
        )
        if found is not None:
            yield found


@rule("JX-SUM-001", Severity.ERROR, "基本支出与其构成",
      "报告二（一）：基本支出 = 人员经费 + 公用经费 + 对个人和家庭的补助。")
def basic_expenditure_parts(context: CheckContext) -> Iterator[Finding]:
    basic = context.evaluation.finances.general_budget.basic
    path = "finances.general_budget.basic"
    yield from present(sum_finding(
        basic_expenditure_parts, figure("基本支出", basic.total, f"{path}.total"),
        [figure(label, getattr(basic, field).amount, f"{path}.{field}.amount") for field, label in
         (("personnel", "人员经费"), ("public", "公用经费"), ("subsidies", "对个人和家庭的补助"))]))


@rule("JX-SUM-002", Severity.ERROR, "项目支出与各项目",
      "报告二（二）：项目支出总数 = 逐项列出的项目金额之和。")
def project_items(context: CheckContext) -> Iterator[Finding]:
    projects = context.evaluation.finances.general_budget.projects
    path = "finances.general_budget.projects"
    yield from present(sum_finding(
        project_items, figure("项目支出总数", projects.total, f"{path}.total"),
        _lines(projects.items, f"{path}.items")))


@rule("JX-SUM-003", Severity.ERROR, "年度资金总额按收入性质分",
      "附件2：全年执行数 = 一般公共预算 + 政府性基金拨款 + 纳入专户管理的非税收入拨款 + 其他资金。")
def funds_by_income(context: CheckContext) -> Iterator[Finding]:
    table = context.evaluation.self_assessment
    yield from present(sum_finding(funds_by_income, _annual_total(table.funds.actual), figures(
        table.by_income, "self_assessment.by_income", {
            "general_public": "一般公共预算", "government_fund": "政府性基金拨款",
            "special_account_nontax": "纳入专户管理的非税收入拨款", "other": "其他资金"})))


def _annual_total(actual: StatedNumber | None) -> Figure | None:
    return figure("年度资金总额（全年执行数）", actual, "self_assessment.funds.actual")


@rule("JX-SUM-004", Severity.ERROR, "年度资金总额按支出性质分",
      "附件2：全年执行数 = 基本支出 + 项目支出。")
def funds_by_nature(context: CheckContext) -> Iterator[Finding]:
    table = context.evaluation.self_assessment
    yield from present(sum_finding(funds_by_nature, _annual_total(table.funds.actual), figures(
        table.by_nature, "self_assessment.by_nature", {"basic": "基本支出", "projects": "项目支出"})))


@rule("JX-SUM-005", Severity.ERROR, "附件1 三公经费构成",
      "附件1 各列：三公经费 = 公务用车购置和维护经费 + 出国经费 + 公务接待；"
      "公务用车购置和维护经费 = 公车购置 + 公车运行维护。")
def three_public_parts(context: CheckContext) -> Iterator[Finding]:
    costs, path = context.evaluation.basic_data.three_public, "basic_data.three_public"
    yield from _column_sums(three_public_parts, "三公经费", costs.total, f"{path}.total", [
        ("公务用车购置和维护经费", costs.vehicles, f"{path}.vehicles"),
        ("出国经费", costs.overseas, f"{path}.overseas"),
        ("公务接待", costs.reception, f"{path}.reception"),
    ])
    yield from _column_sums(three_public_parts, "公务用车购置和维护经费", costs.vehicles,
                            f"{path}.vehicles", [
        ("公车购置", costs.vehicle_purchase, f"{path}.vehicle_purchase"),
        ("公车运行维护", costs.vehicle_operation, f"{path}.vehicle_operation"),
    ])


@rule("JX-SUM-006", Severity.ERROR, "附件1 项目支出构成",
      "附件1 各列：项目支出 = 业务工作经费 + 运行维护经费 + 区级专项资金 + 上级转移支付；"
      "区级专项资金、上级转移支付 = 各专项行之和。")
def project_cost_parts(context: CheckContext) -> Iterator[Finding]:
    costs, path = context.evaluation.basic_data.projects, "basic_data.projects"
    yield from _column_sums(project_cost_parts, "项目支出", costs.total, f"{path}.total", [
        ("业务工作经费", costs.business, f"{path}.business"),
        ("运行维护经费", costs.operation, f"{path}.operation"),
        ("区级专项资金", costs.district_specials, f"{path}.district_specials"),
        ("上级转移支付", costs.transfers, f"{path}.transfers"),
    ])
    for label, total_field, items_field in (
            ("区级专项资金", "district_specials", "district_special_items"),
            ("上级转移支付", "transfers", "transfer_items")):
        items: tuple[NamedControlRow, ...] = getattr(costs, items_field)
        yield from _column_sums(
            project_cost_parts, label, getattr(costs, total_field), f"{path}.{total_field}",
            [(item.name, item, f"{path}.{items_field}[{i}]") for i, item in enumerate(items)])


@rule("JX-SUM-007", Severity.WARNING, "附件1 公用经费其中项",
      "附件1 各列：公用经费的“其中”各项之和不超过公用经费（其中项不必列全）。")
def public_fund_parts(context: CheckContext) -> Iterator[Finding]:
    funds, path = context.evaluation.basic_data.public_funds, "basic_data.public_funds"
    for field, column in _COLUMNS:
        total: StatedNumber | None = getattr(funds.total, field)
        parts = [figure(label, getattr(row, field), f"{path}.{name}.{field}") for label, row, name
                 in (("办公经费", funds.office, "office"),
                     ("水费、电费、差旅费", funds.utilities_travel, "utilities_travel"),
                     ("会议费、培训费", funds.meetings_training, "meetings_training"))]
        present = [part for part in parts if part is not None]
        if total is None or not present:
            continue
        lowest_parts = sum((part.number.interval().low for part in present), ZERO)
        if lowest_parts > total.interval().high:
            parts_sum = sum((part.number.value for part in present), ZERO)
            yield public_fund_parts.finding(
                f"公用经费（{column}）{total.written}万元 小于其中各项之和 {parts_sum}万元",
                f"{path}.total.{field}", stated=total, expected=number_text(parts_sum),
                terms=[part.term() for part in present])


@rule("JX-SUM-008", Severity.ERROR, "部门支出的多种分类",
      "部门财务情况：支出总额 = 按功能分类之和 = 基本支出 + 项目支出 = 按经济分类之和；"
      "基本支出 = 人员经费 + 公用经费；决算收入 = 各收入项之和。")
def breakdown_identities(context: CheckContext) -> Iterator[Finding]:
    breakdown = context.evaluation.finances.breakdown
    if breakdown is None:
        return
    path = "finances.breakdown"
    total = figure("支出总额", breakdown.total, f"{path}.total")
    candidates = [
        sum_finding(breakdown_identities, total, _lines(breakdown.by_function, f"{path}.by_function")),
        sum_finding(breakdown_identities, total, [
            figure("基本支出", breakdown.basic, f"{path}.basic"),
            figure("项目支出", breakdown.projects, f"{path}.projects")]),
        sum_finding(breakdown_identities, total, _lines(breakdown.by_economic, f"{path}.by_economic")),
        sum_finding(breakdown_identities, figure("基本支出", breakdown.basic, f"{path}.basic"), [
            figure("人员经费", breakdown.basic_personnel, f"{path}.basic_personnel"),
            figure("公用经费", breakdown.basic_public, f"{path}.basic_public")]),
        sum_finding(breakdown_identities,
                    figure("决算收入数", breakdown.income_total, f"{path}.income_total"),
                    _lines(breakdown.income_lines, f"{path}.income_lines")),
    ]
    yield from (found for found in candidates if found is not None)


@rule("JX-SUM-009", Severity.ERROR, "收支情况表（按机构）",
      "每个机构：收入合计 = 上年结转 + 各项拨款与收入；支出合计 = 基本支出 + 项目支出；"
      "基本支出 = 人员支出 + 公用支出；当年结余 = 收入合计 − 支出合计；三公与固定资产合计 = 其中各项。")
def org_account_identities(context: CheckContext) -> Iterator[Finding]:
    for index, org in enumerate(context.evaluation.finances.org_accounts):
        path = f"finances.org_accounts[{index}]"


        def fig(field: str, label: str, org: OrgAccount = org, path: str = path) -> Figure | None:
            return figure(f"{org.name}{label}", getattr(org, field), f"{path}.{field}")

        groups = [
            ("income_total", "收入合计", [("carryover", "上年结转"),
                                          ("fiscal_appropriation", "公共财政拨款"),
                                          ("government_fund", "政府基金拨款"),
                                          ("special_account_nontax", "纳入专户管理的非税收入拨款"),
                                          ("other_income", "其他收入")]),
            ("expenditure_total", "支出合计", [("basic", "基本支出"), ("projects", "项目支出")]),
            ("basic", "基本支出", [("personnel", "人员支出"), ("public", "公用支出")]),
            ("three_public_total", "三公经费合计", [("reception", "公务接待费"),
                                                    ("vehicle_operation", "公务用车运维费"),
                                                    ("vehicle_purchase", "公务用车购置费"),
                                                    ("overseas", "因公出国费")]),
            ("fixed_assets_total", "固定资产合计", [("fixed_assets_in_use", "在用固定资产"),
                                                    ("fixed_assets_leased", "出租固定资产"),
                                                    ("fixed_assets_other", "其他固定资产")]),
        ]
        for total_field, total_label, parts in groups:
            found = sum_finding(org_account_identities, fig(total_field, total_label),
                                [fig(field, label) for field, label in parts])
            if found is not None:
                yield found
        yield from _surplus(org_account_identities, fig("surplus_current", "当年结余"),
                            fig("income_total", "收入合计"), fig("expenditure_total", "支出合计"))


def _surplus(owner: Rule, surplus: Figure | None, income: Figure | None,
             spent: Figure | None) -> Iterator[Finding]:
    if surplus is None or income is None or spent is None:
        return
    found = relation_finding(
        owner, check_difference(surplus.number, income.number, spent.number), surplus,
        [income, spent],
        failure=f"{surplus.label} {{stated}}万元 与{income.label}减{spent.label}的 {{expected}}万元 "
                "不一致（相差 {difference}万元）",
        rounding=f"{surplus.label} {{stated}}万元 与{income.label}减{spent.label}的 {{expected}}万元"
                 " 相差 {difference}万元，在舍入误差之内")
    if found is not None:
        yield found


@rule("JX-SUM-010", Severity.ERROR, "三公经费同比增减额",
      "三公经费同比：增减额 = 本年 − 上年。")
def year_on_year_amounts(context: CheckContext) -> Iterator[Finding]:
    for index, line in enumerate(context.evaluation.finances.three_public_year_on_year):
        path = f"finances.three_public_year_on_year[{index}]"
        change = figure(f"{line.name}增减额", line.stated_change, f"{path}.stated_change")
        yield from _surplus(year_on_year_amounts, change,
                            figure(f"{line.name}本年", line.current, f"{path}.current"),
                            figure(f"{line.name}上年", line.prior, f"{path}.prior"))


@rule("JX-SUM-011", Severity.ERROR, "项目资金构成",
      "附件3 各列：年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金。")
def project_fund_parts(context: CheckContext) -> Iterator[Finding]:
    for index, project in enumerate(context.evaluation.projects):
        path = f"projects[{index}].funds"
        funds = project.funds
        yield from _column_sums(project_fund_parts, f"{project.name}年度资金总额", funds, path, [
            ("当年财政拨款", funds.current_appropriation, f"{path}.current_appropriation"),
            ("上年结转资金", funds.carryover, f"{path}.carryover"),
            ("其他资金", funds.other, f"{path}.other"),
        ], columns=_FUNDS_COLUMNS)


RULES: tuple[Rule, ...] = (
    basic_expenditure_parts, project_items, funds_by_income, funds_by_nature, three_public_parts,
    project_cost_parts, public_fund_parts, breakdown_identities, org_account_identities,
    year_on_year_amounts, project_fund_parts,
)
