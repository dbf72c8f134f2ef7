"""The evaluation model: frozen records of everything a unit states about one year."""

from jixiao.model.assessment import (
    FundsExecution,
    FundsLine,
    Goal,
    IncomeSplit,
    NatureSplit,
    ProjectAssessment,
    ProjectFunds,
    UnitSelfAssessment,
)
from jixiao.model.base import AmountLine, Record
from jixiao.model.basic_data import (
    BasicDataTable,
    BuildingControl,
    ControlRow,
    NamedControlRow,
    ProjectCosts,
    PublicFunds,
    ThreePublicCosts,
)
from jixiao.model.evaluation import SCHEMA_VERSION, Evaluation
from jixiao.model.expenditure import (
    BasicExpenditure,
    BudgetExecutionRow,
    ExpenditureBreakdown,
    Finances,
    FundBudgetTable,
    GeneralBudgetExpenditure,
    OrgAccount,
    ProjectExpenditure,
    ShareLine,
    YearOnYearLine,
)
from jixiao.model.indicators import Indicator, IndicatorNature, nature_of_sign
from jixiao.model.report import Narrative, ResultsDisclosure, SignOff
from jixiao.model.unit import Staffing, UnitProfile

__all__ = [
    "SCHEMA_VERSION",
    "AmountLine",
    "BasicDataTable",
    "BasicExpenditure",
    "BudgetExecutionRow",
    "BuildingControl",
    "ControlRow",
    "Evaluation",
    "ExpenditureBreakdown",
    "Finances",
    "FundBudgetTable",
    "FundsExecution",
    "FundsLine",
    "GeneralBudgetExpenditure",
    "Goal",
    "IncomeSplit",
    "Indicator",
    "IndicatorNature",
    "NamedControlRow",
    "Narrative",
    "NatureSplit",
    "OrgAccount",
    "ProjectAssessment",
    "ProjectCosts",
    "ProjectExpenditure",
    "ProjectFunds",
    "PublicFunds",
    "Record",
    "ResultsDisclosure",
    "ShareLine",
    "SignOff",
    "Staffing",
    "ThreePublicCosts",
    "UnitProfile",
    "UnitSelfAssessment",
    "YearOnYearLine",
    "nature_of_sign",
]
