"""Extraction, checking and import never raise, whatever the text of a recognised form holds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.documents import parse_flat_text
from jixiao.documents.model import Document
from jixiao.extract.evaluation.check import evaluation_findings
from jixiao.extract.evaluation.extract import extract_evaluation

HEADINGS = ("附件1\n单位整体支出绩效评价基础数据表\n", "附件2\n单位整体支出绩效自评表\n",
            "附件3\n项目支出绩效自评表\n", "2023年度某单位单位整体支出绩效自评报告\n",
            "一、单位基本情况\n", "二、一般公共预算支出情况\n", "三、政府性基金预算支出情况\n",
            "九、单位整体支出绩效自评结果拟应用和公开情况\n", "部门整体支出绩效评价自评报告\n预算编码\n评价方式\n",
            "部门财务情况\n部门概况\n综合评价结果\n")
PIECES = ("\t编制数\n", "\t实际在职人数\n", "\t控制率\n", "\t10\n", "\t90%\n", "\t-3\n", "\t1e5\n", "\t/\n",
          "\n", "\t年初预算数\n\t全年预算数\n\t全年执行数\n\t分值\n\t执行率\n\t自评得分\n",
          "\t年度资金总额\n", "\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t自评得分\n",
          "产出指标\n", "\t总分\n", "\t不适用\n", "\t机构名称\n\t收入合计\n", "\t其中：一般公共预算：5.5\n",
          "人员编制数10人，实有人数12人，控制率为120%。\n", "基本支出数为1.00万元，其中：人员经费2.00万元，占基本支出的50%。\n",
          "项目支出总数为3万元，其中：1、甲1万元；2、乙2万元。\n", "自评得分99分，为“优”等级。\n",
          "\t绩效自评综合得分\n\t97\n", "\t预算单位名称\n\t某单位\n", "2099年度\n", "\t项目支出名称\n\t某项目\n")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(HEADINGS + PIECES), max_size=40))
def test_extraction_and_checks_never_raise(pieces: list[str]) -> None:
    text = "".join(pieces) or "空"
    document = Document(file="x.txt", format="text", blocks=parse_flat_text(text), text=text)
    extracted = extract_evaluation(document)
    assert extracted.checkable.year >= 2000
    for path, place in extracted.source.items():
        assert place.path == path and place.start is not None and place.end is not None
        assert 0 <= place.start <= place.end <= len(text)
    for finding in evaluation_findings(document):
        assert finding.where.start is not None
