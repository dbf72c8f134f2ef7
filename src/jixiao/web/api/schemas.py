"""What the API reads and writes. Findings are the contract of :mod:`jixiao.findings`
(``Finding.as_json``), the same the CLI prints and the pages show."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any, Literal, get_type_hints

from ninja import Field, Schema
from pydantic import create_model, field_validator

from jixiao import findings
from jixiao.web.audits.exports import FORMATS as AUDIT_EXPORT_FORMATS
from jixiao.web.audits.models import FileStatus
from jixiao.web.evaluations.jobs import RENDER_FORMATS
from jixiao.web.evaluations.models import JobKind, JobStatus, Status
from jixiao.web.review.services import STEPS

MAX_ID = 2**63 - 1  # the database's largest key; a larger one is a request error, not a crash

StatusName = Enum("StatusName", {value: value for value in Status.values}, type=str)  # type: ignore[misc]
StepName = Enum("StepName", {name: name for name in STEPS}, type=str)  # type: ignore[misc]
RenderFormat = Literal[tuple(RENDER_FORMATS)]  # type: ignore[valid-type]


def refuse_nul(value: Any, where: str = "") -> Any:
    """``value`` unchanged, unless a text in it holds a NUL character (no database keeps one)."""
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError(f"{where or '文本'}含有空字符（\\u0000）")
    elif isinstance(value, dict):
        for key, item in value.items():
            refuse_nul(key, where)
            refuse_nul(item, f"{where}.{key}" if where else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            refuse_nul(item, f"{where}[{index}]")
    return value


class Organisation(Schema):
    id: int
    name: str


class Counts(Schema):
    error: int = Field(description="错误数")
    warning: int = Field(description="警告数")


class EvaluationSummary(Schema):
    id: int
    year: int
    unit: Organisation
    task_id: int
    task_title: str
    status: StatusName
    status_label: str = Field(description="状态（中文）")
    version: int = Field(description="数据版本：保存时须给出，以免覆盖他人的修改")
    score: str | None = Field(description="规则得分（十进制文本），表中无可评分项时为空")
    grade: str | None = Field(description="等次")
    counts: Counts
    updated_at: datetime


class EvaluationDetail(EvaluationSummary):
    editable: bool = Field(description="当前状态下本用户能否修改数据")
    updated_by: str | None = Field(description="最后修改人")
    carried_from_id: int | None = Field(description="结转自哪份自评")


class EvaluationData(Schema):
    version: int
    data: dict[str, Any] = Field(description="自评数据（与 YAML 数据文件同形，数值保留填报时的文字）")


class DataUpdate(Schema):
    version: int = Field(ge=1, le=2**31 - 1, description="修改所依据的版本（取数据时得到的 version）")
    data: dict[str, Any]

    @field_validator("data")
    @classmethod
    def _no_nul(cls, value: dict[str, Any]) -> dict[str, Any]:
        return refuse_nul(value)


class Saved(Schema):
    changes: int = Field(description="修改的字段数；为 0 时未产生新版本")
    evaluation: EvaluationDetail


Place = create_model(
    "Place", __base__=Schema,
    __doc__="所在位置：字段路径，及原文件中的工作表与单元格、页、段、表格行列、行号；"
            "report 为另一份报告或自评（交叉核对时），空：本自评",
    **{name: (hint, None) for name, hint in get_type_hints(findings.Place).items()},  # type: ignore[call-overload]
)
"""The core's :class:`jixiao.findings.Place`, field for field."""


class Term(Schema):
    label: str
    value: str
    where: Place  # type: ignore[valid-type]


class Relation(Schema):
    """A relation checked: what it is, the figure stated, the one expected, its terms and places."""

    code: str
    message: str
    stated: str | None
    expected: str | None
    terms: list[Term]
    where: Place  # type: ignore[valid-type]
    evidence: str


class AuditFinding(Relation):
    severity: Literal["error", "warning", "info"]
    expected_range: list[str] | None
    fingerprint: str
    kind: str


class Finding(AuditFinding):
    field: str | None = Field(description="页面上该问题所在的字段路径")
    part: str = Field(description="页面上该问题所在的部分（附件名称）")


class Problem(Schema):
    path: str
    message: str


class Checks(Schema):
    valid: bool = Field(description="数据能否通过校验；不能时 problems 列出各处填写错误")
    counts: dict[str, int] = Field(description="各严重程度的问题数（error、warning、info）与 control 数")
    findings: list[Finding]
    problems: list[Problem]


class StepOut(Schema):
    name: StepName
    label: str
    target: StatusName
    target_label: str


class FieldComment(Schema):
    path: str = Field(max_length=300, description="字段路径，如 self_assessment.stated_total_score")
    label: str = Field(max_length=300, description="字段名称")
    text: str = Field(max_length=5000, description="意见")

    @field_validator("path", "label", "text")
    @classmethod
    def _no_nul(cls, value: str) -> str:
        return refuse_nul(value)


class StepIn(Schema):
    comment: str = Field("", max_length=5000, description="意见；退回时必填（或填写 field_comments）")
    field_comments: list[FieldComment] = Field(default_factory=list, max_length=200)

    @field_validator("comment")
    @classmethod
    def _no_nul(cls, value: str) -> str:
        return refuse_nul(value)


class RenderIn(Schema):
    format: RenderFormat = Field(description="docx（Word 报告）、pdf 或 xlsx（附件表）")


class Job(Schema):
    id: int
    kind: Literal[tuple(JobKind.values)]  # type: ignore[valid-type]
    status: Literal[tuple(JobStatus.values)]  # type: ignore[valid-type]
    status_label: str
    step: str = Field(description="进度说明")
    format: str
    evaluation_id: int
    created_at: datetime
    finished_at: datetime | None
    error: str = Field(description="失败原因")
    file_url: str | None = Field(description="生成的文件（生成报告完成后）")
    warnings: list[str] = Field(description="生成时的提示")
    data: dict[str, Any] | None = Field(description="导入完成后读出的自评数据，可据以修改后保存")
    missing: list[list[str]] = Field(description="导入时未能读出的项（名称、字段路径）")


AuditFileStatus = Enum("AuditFileStatus", {value: value for value in FileStatus.values}, type=str)  # type: ignore[misc]
AuditExportFormat = Literal[tuple(AUDIT_EXPORT_FORMATS)]  # type: ignore[valid-type]


class AuditProgress(Schema):
    total: int = Field(description="文件数")
    finished: int = Field(description="已完成（含无法校验）")
    failed: int = Field(description="无法校验")
    with_errors: int = Field(description="有错误的文件数")
    errors: int
    warnings: int
    infos: int
    percent: int = Field(description="完成百分比")


class AuditSummary(Schema):
    id: int
    title: str
    organisation: str | None = Field(description="所属组织")
    created_by: str = Field(description="上传人")
    created_at: datetime
    finished_at: datetime | None = Field(description="全部文件完成的时间；未完成时为空")
    progress: AuditProgress


class AuditFile(Schema):
    number: int = Field(description="序号：上传顺序，zip 内按文件名")
    name: str = Field(description="文件名（zip 内含路径）")
    size: int
    status: AuditFileStatus
    status_label: str
    error: str = Field(description="无法校验的原因")
    counts: dict[str, int] = Field(description="错误、警告、提示数")
    checked: str = Field(description="核对情况：核对 N 项关系，M 项相符")
    template: str = Field(description="识别出的报告模板")
    pages: int
    finished_at: datetime | None


class AuditDetail(AuditSummary):
    files: list[AuditFile]


class AuditFileResult(AuditFile):
    findings: list[AuditFinding] = Field(description="与 jixiao check --all 相同的问题清单")
    passed: list[Relation] = Field(description="已核对且相符的关系")
