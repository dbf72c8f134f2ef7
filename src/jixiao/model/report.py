"""The report's own words: 六 to 十, the disclosure of results, and the sign-off."""

from __future__ import annotations

from pydantic import Field

from jixiao.model.base import Points, Record


class ResultsDisclosure(Record):
    """九、自评结果拟应用和公开情况: score, grade, where and when published, how used."""

    stated_score: Points | None = Field(None, title="自评得分")
    stated_grade: str = Field("", title="评价等次")
    publication: str = Field("", title="公开情况", description="where and when it is published")
    application: str = Field("", title="结果应用", description="how the result will be used")
    text: str = Field("", title="原文")


class Narrative(Record):
    """Sections the unit writes in its own words. Empty text is a section left blank."""

    operation: str = Field(
        "", title="年度总体运行情况及取得的成绩",
        description="the year's work and results in the unit's words, one paragraph per line",
    )
    performance: str = Field("", title="六、单位整体支出绩效情况")
    problems: str = Field("", title="七、存在的问题及原因分析")
    measures: str = Field("", title="八、下一步改进措施")
    results: ResultsDisclosure = Field(
        default_factory=ResultsDisclosure, title="九、自评结果拟应用和公开情况"
    )
    other: str = Field("", title="十、其他需要说明的情况")
    implementation: str = Field(
        "", title="专项组织实施情况",
        description="三、部门（单位）专项组织实施情况 of the 岳阳市财政局 form, in the unit's words",
    )


class SignOff(Record):
    """签字栏: 单位负责人, 填表人 and the 职务/职称 the 评价人员 table prints beside the name, 联系电话,
    填报日期 (as written)."""

    head: str = Field("", title="单位负责人")
    preparer: str = Field("", title="填表人")
    preparer_title: str = Field("", title="填表人职务/职称")
    phone: str = Field("", title="联系电话")
    date: str = Field("", title="填报日期")
