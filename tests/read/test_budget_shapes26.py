"""A budget's general-budget section in three subsections (总体 / 结构 / 具体情况) named
``一般公共预算拨款支出…情况`` and its table (red team 26: budgets of unseen provinces with their
standard tables).  The structure's classes and the detail's 类/款/项 lines are read as the
general budget's, each line's 预算数 its amount, and compared with the table's rows.
Texts of our own."""

from __future__ import annotations

from decimal import Decimal

import pytest

import finreport

_TEXT = """某县审计局2026年部门预算
第一部分 2026年部门预算情况说明
五、一般公共预算拨款支出情况
（一）一般公共预算拨款支出总体情况
2026年一般公共预算拨款支出100.00万元。
（二）一般公共预算拨款支出结构情况
2026年一般公共预算拨款支出100.00万元，其中：一般公共服务支出{cls}万元，占{share}%；社会保障和就业支出40.00万元，占40.00%。
（三）一般公共预算拨款支出具体情况
1.一般公共服务支出（类）审计事务（款）行政运行（项）：2026年预算数为{line}万元。
2.一般公共服务支出（类）审计事务（款）审计业务（项）：2026年预算数为20.00万元。
3.社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）：2026年预算数为40.00万元。
第二部分 2026年部门预算表
一般公共预算支出表
单位：万元
科目编码    科目名称                 合计      基本支出    项目支出
合计                                100.00       80.00       20.00
201         一般公共服务支出          60.00       40.00       20.00
20108       审计事务                  60.00       40.00       20.00
2010801     行政运行                  40.00       40.00
2010804     审计业务                  20.00                   20.00
208         社会保障和就业支出        40.00       40.00
20805       行政事业单位养老支出      40.00       40.00
2080505     机关事业单位基本养老保险缴费支出  40.00  40.00
"""


def _findings(cls: str = "60.00", share: str = "60.00", line: str = "40.00",
              ) -> list[tuple[str, str]]:
    text = _TEXT.format(cls=cls, share=share, line=line)
    return [(f.code, text[f.span.start:f.span.end]) for f in finreport.check(finreport.parse(text))
            if f.code != "FR903"]


def test_the_subsections_are_read_as_the_general_budget_s() -> None:
    report = finreport.parse(_TEXT.format(cls="60.00", share="60.00", line="40.00"))
    kinds = [child.kind for child in report.sections[0].children[0].children]
    assert kinds == [finreport.SectionKind.GENERAL_BUDGET,
                     finreport.SectionKind.GENERAL_BUDGET_STRUCTURE,
                     finreport.SectionKind.GENERAL_BUDGET_DETAIL]
    gb = report.general_budget
    assert gb is not None
    assert [(c.name.text, c.amount.value if c.amount else None) for c in gb.classes] == [
        ("一般公共服务支出", Decimal("60.00")), ("社会保障和就业支出", Decimal("40.00"))]
    assert [(line.classification.path, line.amount.value if line.amount else None)
            for line in gb.lines] == [
        ("一般公共服务支出（类）审计事务（款）行政运行（项）", Decimal("40.00")),
        ("一般公共服务支出（类）审计事务（款）审计业务（项）", Decimal("20.00")),
        ("社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）",
         Decimal("40.00"))]
    assert _findings() == []


@pytest.mark.parametrize(("slip", "expected"), [
    ({"cls": "70.00", "share": "70.00"},
     [("FR101", "100.00万元"), ("FR101", "70.00万元"), ("FR504", "70.00万元")]),
    # (the class's 60 against its lines; the 项 lines, each its own, over the total 100)
    ({"line": "45.00"}, [("FR101", "60.00万元"), ("FR101", "45.00万元"), ("FR504", "45.00万元")]),
])
def test_a_class_or_line_off_its_table_row_is_found(slip: dict[str, str],
                                                    expected: list[tuple[str, str]]) -> None:
    assert _findings(**slip) == expected
