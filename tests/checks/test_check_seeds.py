"""The exact error and warning findings of the two seed reports."""

from __future__ import annotations

from collections import Counter

import finreport
from finreport import Severity

SEED_000_FINDINGS = [
    ('FR903', 'warning', ('1、', '收入支出决算总体情况说明')),
    ('FR903', 'warning', ('2、', '收入决算情况说明')),
    ('FR903', 'warning', ('3、', '支出决算情况说明')),
    ('FR101', 'error', ('234.62万元', '218.28万元', '1万元', '14.34万元', '0万元')),
    ('FR101', 'error', ('6.66万元', '6.66万元', '0.92万元', '0.86万元')),
    ('FR901', 'error', ('（罗列全部功能分类科目，至类级。）',)),
    ('FR904', 'warning', ('268.81',)),
    ('FR403', 'warning', ('100%', '0万元')),
    ('FR403', 'warning', ('100%', '0万元')),
    ('FR902', 'warning', ('医疗卫生与计划生育', '医疗卫生与计划生育', '医疗卫生与计划生育', '医疗卫生与计划生育（类）行政事业单位医疗（款）行政单位医疗（项）', '医疗卫生与计划生育（类）行政事业单位医疗（款）事业单位医疗（项）', '医疗卫生与计划生育（类）行政事业单位医疗（款）公务员医疗（项）')),
    ('FR403', 'warning', ('100%', '0万元')),
    ('FR404', 'warning', ('100%', '0%', '0%', '0%')),
    ('FR801', 'error', ('2018年',)),
    ('FR901', 'error', ('增加/减少', '增长/下降')),
    ('FR801', 'error', ('2018年',)),
    ('FR901', 'error', ('增加/减少', '增长/下降')),
    ('FR901', 'error', ('（具体工作）',)),
    ('FR901', 'error', ('增加/减少', '增长/下降')),
    ('FR901', 'error', ('(执行公务、开展业务活动开支的交通费、住宿费、用餐费等)',)),
    ('FR901', 'error', ('（接待具体项目、金额）',)),
    ('FR903', 'warning', ('9、', '国有资本经营预算支出决算情况说明')),
    ('FR901', 'error', ('本部门（单位）',)),
    ('FR702', 'warning', ('2020年已帮扶困难职工户数6户', '送温暖帮扶困难职工107人，累计保障金额19.70万元。')),
    ('FR901', 'error', ('（非涉密部门均需公开部门整体支出评价报告，部门自行组织的绩效评价情况根据部门实际公开，若未组织项目绩效评价，则只需说明部门整体支出绩效评价情况）',)),
    ('FR903', 'warning', ('第3部分', '名词解释')),
    ('FR101', 'error', ('267.81万元', '112.67万元', '155.14万元', '1万元')),
    ('FR501', 'error', ('267.81万元', '268.81万元')),
    ('FR502', 'warning', ('17.31万元', '17.30万元')),
    ('FR502', 'warning', ('17.31万元', '17.30万元')),
    ('FR502', 'warning', ('6.44%', '6.43%')),
    ('FR502', 'warning', ('3.80%', '3.81%')),
    ('FR901', 'error', ('（可用表格形式反映）',)),
    ('FR503', 'warning', ('229人', '本年度', '107人')),
    ('FR503', 'warning', ('25.74万元', '本年度', '19.7万元')),
    ('FR503', 'warning', ('10万元', '本年度', '1万元')),
    ('FR503', 'warning', ('15.74万元', '本年度', '18.7万元')),
]

SEED_002_FINDINGS = [
    ('FR905', 'error', ('0个', '1个')),
    ('FR903', 'warning', ('收入支出决算总体情况说明',)),
    ('FR903', 'warning', ('收入决算情况说明',)),
    ('FR903', 'warning', ('支出决算情况说明',)),
    ('FR201', 'error', ('3.44%', '9.13万元', '266.04万元')),
    ('FR903', 'warning', ('国有资本经营预算支出决算情况说明',)),
    ('FR704', 'error', ('3万元', '100%')),
    ('FR903', 'warning', ('名词解释',)),
    ('FR902', 'warning', ('医疗卫生与计划生育（类）行政事业单位医疗（款）行政单位医疗（项）',)),
    ('FR901', 'error', ('（可用表格形式反映）',)),
]


def _found(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    findings = finreport.check(finreport.parse(text))
    return [(f.code, f.severity.value, tuple(text[s.start:s.end] for s in f.spans))
            for f in findings if f.severity is not Severity.INFO]


def test_seed000_exact_findings(seed000: str) -> None:
    assert Counter(_found(seed000)) == Counter(SEED_000_FINDINGS)


def test_seed002_exact_findings(seed002: str) -> None:
    assert Counter(_found(seed002)) == Counter(SEED_002_FINDINGS)


def test_seed000_findings_in_text_order(seed000: str) -> None:
    findings = finreport.check(finreport.parse(seed000))
    starts = [f.span.start for f in findings]
    assert starts == sorted(starts)
    assert [t for t in _found(seed000)] == [t for t in SEED_000_FINDINGS]


def test_seed000_named_errors(seed000: str) -> None:
    """The errors the issue names, each with the figures that prove it."""
    findings = finreport.check(finreport.parse(seed000))
    by_code: dict[str, list[finreport.Finding]] = {}
    for f in findings:
        by_code.setdefault(f.code, []).append(f)
    general = by_code["FR101"][0]
    assert general.severity is Severity.ERROR
    assert general.message == "一般公共服务（类）支出234.62万元 ≠ 各项之和 233.62万元（218.28 + 1 + 14.34 + 0）"
    assert str(general.evidence.stated) == "234.62"
    assert str(general.evidence.difference) == "1.00"
    health = by_code["FR101"][1]
    assert health.message == "卫生健康支出6.66万元 ≠ 各项之和 8.44万元（6.66 + 0.92 + 0.86）"
    annex = by_code["FR501"][0]
    assert annex.message == "本年收入合计在此处为267.81万元，而在别处为268.81万元"
    assert len(by_code["FR801"]) == 2
    assert sum(1 for f in by_code["FR901"] if "增加/减少" in f.message) == 3


def test_seed000_english_messages(seed000: str) -> None:
    findings = finreport.check(finreport.parse(seed000), select=["FR101"], locale="en")
    assert findings[0].message == (
        "一般公共服务(类)支出 234.62万元 ≠ sum of its parts 233.62万元 (218.28 + 1 + 14.34 + 0)")


def test_seed002_share_within_rounding_is_silent(seed002: str) -> None:
    report = finreport.parse(seed002)
    at = seed002.index("91.77%")
    for finding in finreport.check(report):
        assert all(not (s.start <= at < s.end) for s in finding.spans), finding


def test_seed002_share_error_evidence(seed002: str) -> None:
    (finding,) = finreport.check(finreport.parse(seed002), select=["FR201"])
    assert finding.message == (
        "社会保障和就业（类）支出占比3.44%与金额不符：9.13万元 ÷ 266.04万元 = [3.4299, 3.4338]%")
    assert str(finding.evidence.stated) == "3.44"
    assert finding.evidence.unit == "%"
