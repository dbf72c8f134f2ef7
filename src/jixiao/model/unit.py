"""一、单位基本情况: who the unit is, what it does, how it is staffed."""

from __future__ import annotations

from pydantic import Field

from jixiao.model.base import Count, Headcount, Percent, Record


class Staffing(Record):
    """财政供养人员: 编制数, 实际在职人数 (实有人数), 离退休人员, and the stated 控制率.

    Any field may be empty when the report does not state it.
    """

    authorized: Headcount | None = Field(None, title="编制数")
    actual: Headcount | None = Field(None, title="实际在职人数")
    retired: Headcount | None = Field(None, title="离退休人数")
    stated_control_rate: Percent | None = Field(
        None, title="控制率", description="单位填报的财政供养人员控制率 = 实际在职人数 / 编制数"
    )


class UnitProfile(Record):
    """预算单位: name, code, 职能职责 and 机构设置 as the unit states them."""

    name: str = Field(min_length=1, title="预算单位名称")
    code: str | None = Field(None, title="预算编码")
    supervising_department: str | None = Field(None, title="主管部门")
    functions: tuple[str, ...] = Field((), title="职能职责", description="one duty per entry")
    tasks: tuple[str, ...] = Field(
        (), title="年度主要工作内容",
        description="the year's main tasks, one per entry, as written (“任务1：…”)",
    )
    departments: tuple[str, ...] = Field(
        (), title="内设机构", description="the internal offices the report lists, in order"
    )
    stated_department_count: Count | None = Field(
        None, title="内设机构数", description="the count the report states (“内设机构股室四个”)"
    )
    staffing: Staffing = Field(default_factory=Staffing, title="人员情况")
