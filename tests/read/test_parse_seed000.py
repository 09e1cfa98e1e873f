"""Parsing seed report 000 (西区总工会, 2020 final accounts): every figure of part 2, the
机构设置 counts, the project performance table and the annexes, checked against the text.

The expected values were read from the report text (``cat -n`` line numbers below), not
from the parser's output.  A figure is checked as ``(value, unit, decimals, as written)``
and by its place: ``where`` is the 1-based line it stands on, or ``(line, snippet)`` when
the line holds the same text more than once (the figure is the one inside ``snippet``).
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

import finreport
from finreport import Comparator, ReportKind, Verdict
from finreport import SectionKind as K
from tests.figure_table import (
    F,
    at,
    budget_line,
    check_figure,
    entry_ids,
    expected,
    fig,
    held_figures,
    pair,
    part_span,
    slice_of,
)

# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def text(seed000: str) -> str:
    return seed000


@pytest.fixture(scope="module")
def report(text: str) -> finreport.Report:
    return finreport.parse(text)


# --------------------------------------------------------------------------- identity


def test_identity(report: finreport.Report, text: str) -> None:
    assert report.kind is ReportKind.FINAL_ACCOUNTS
    assert report.fiscal_year is not None
    assert report.fiscal_year.value == 2020
    assert slice_of(text, report.fiscal_year) == "2020年"
    assert report.organization is not None
    assert report.organization.text == "西区总工会"
    assert slice_of(text, report.organization) == "西区总工会"


# --------------------------------------------------------------------------- sections

TREE = [
    # level, kind, number as written, title as written
    (0, K.OVERVIEW, "第一部分", "部门概况"),
    (1, K.FUNCTIONS, "一、", "基本职能及主要工作"),
    (2, K.FUNCTIONS, "（一）", "基本职能"),
    (2, K.OTHER, "（二）", "2020年重点工作完成情况。"),
    (1, K.INSTITUTIONS, "二、", "机构设置"),
    (0, K.NARRATIVE, "第二部分", "2020年度部门决算情况说明"),
    (1, K.OVERALL, "1、", "收入支出决算总体情况说明"),
    (1, K.INCOME, "2、", "收入决算情况说明"),
    (1, K.EXPENDITURE, "3、", "支出决算情况说明"),
    (1, K.FISCAL_APPROPRIATION, "四、", "财政拨款收入支出决算总体情况说明"),
    (1, K.GENERAL_BUDGET, "五、", "一般公共预算财政拨款支出决算情况说明"),
    (2, K.GENERAL_BUDGET_OVERALL, "（一）", "一般公共预算财政拨款支出决算总体情况"),
    (2, K.GENERAL_BUDGET_STRUCTURE, "（二）", "一般公共预算财政拨款支出决算结构情况"),
    (2, K.GENERAL_BUDGET_DETAIL, "（三）", "一般公共预算财政拨款支出决算具体情况"),
    (1, K.BASIC_EXPENDITURE, "六、", "一般公共预算财政拨款基本支出决算情况说明"),
    (1, K.THREE_PUBLIC, "七、", "“三公”经费财政拨款支出决算情况说明"),
    (2, K.THREE_PUBLIC_OVERALL, "（一）", "“三公”经费财政拨款支出决算总体情况说明"),
    (2, K.THREE_PUBLIC_DETAIL, "（二）", "“三公”经费财政拨款支出决算具体情况说明"),
    (1, K.GOVERNMENT_FUND, "八、", "政府性基金预算支出决算情况说明"),
    (1, K.STATE_CAPITAL, "9、", "国有资本经营预算支出决算情况说明"),
    (1, K.OTHER_MATTERS, "十、", "其他重要事项的情况说明"),
    (2, K.OPERATING_COSTS, "（一）", "机关运行经费支出情况"),
    (2, K.PROCUREMENT, "（二）", "政府采购支出情况"),
    (2, K.ASSETS, "（三）", "国有资产占有使用情况"),
    (2, K.PERFORMANCE, "（四）", "预算绩效管理情况。"),
    (0, K.GLOSSARY, "第3部分", "名词解释"),
    (0, K.ANNEXES, "第四部分", "附件"),
    (1, K.ANNEX, "附件1", "西区总工会2020年部门整体支出绩效评价报告"),
    (2, K.OTHER, "一、", "部门（单位）概况"),
    (2, K.OTHER, "二、", "部门财政资金收支情况"),
    (2, K.OTHER, "三、", "部门整体预算绩效管理情况"),
    (2, K.OTHER, "四、", "评价结论及建议"),
    (1, K.ANNEX, "附件2", None),  # title: see test_annex2_title
    (2, K.OTHER, "一、", "项目概况"),
    (2, K.OTHER, "二、", "项目资金申报及使用情况"),
    (2, K.OTHER, "三、", "项目实施及管理情况"),
    (2, K.OTHER, "四、", "项目绩效情况"),
    (2, K.OTHER, "五、", "评价结论及建议"),
]


def test_section_tree(report: finreport.Report, text: str) -> None:
    """The parts, the narrative sections 一 to 十 with their broken numbering, and the
    annexes down to their first level."""
    found = []
    for root in report.sections:
        for s in root.walk():
            if root.kind is K.ANNEXES and s.level > 2:
                continue
            title = None if s.kind is K.ANNEX and s.number.text == "附件2" else \
                slice_of(text, s.title)
            found.append((s.level, s.kind, slice_of(text, s.number), title))
    assert found == TREE


def test_section_ordinals(report: finreport.Report) -> None:
    by_kind = {s.kind: s for s in report.walk_sections()}
    assert by_kind[K.OVERALL].ordinal == 1
    assert by_kind[K.STATE_CAPITAL].ordinal == 9
    assert by_kind[K.OTHER_MATTERS].ordinal == 10
    assert by_kind[K.GLOSSARY].ordinal == 3


def test_section_spans(report: finreport.Report, text: str) -> None:
    narrative = next(s for s in report.sections if s.kind is K.NARRATIVE)
    assert text[narrative.span.start:].startswith("第二部分 2020年度部门决算情况说明")
    assert text[narrative.span.end:].startswith("第3部分 名词解释")
    overall = narrative.children[0]
    assert text[overall.body.start:overall.body.end].startswith("2020年度收、支总计268.81万元")


def test_annex1_title(report: finreport.Report, text: str) -> None:
    annex = report.annexes[0]
    assert annex.number is not None and annex.number.text == "附件1"
    assert annex.title.text == "西区总工会2020年部门整体支出绩效评价报告"


def test_annex2_title(report: finreport.Report) -> None:
    assert report.annexes[1].title.text == "送温暖帮扶专项经费项目2020年绩效评价报告"


# --------------------------------------------------------------------------- figures

FIGURES = [
    # 第一部分 二、机构设置 (line 21)
    F("institutions.total", "0", "个", "0个", (21, "二级单位0个")),
    F("institutions.by_kind[行政单位].counts[0]", "0", "个", "0个", (21, "其中行政单位0个")),
    F("institutions.by_kind[参照公务员法管理的事业单位].counts[0]", "0", "个", "0个",
      (21, "管理的事业单位0个")),
    F("institutions.by_kind[其他事业单位].counts[0]", "0", "个", "0个", (21, "其他事业单位0个")),
    # 1、收入支出决算总体情况说明 (line 26)
    F("grand_total.amount", "268.81", "万元", "268.81万元", 26),
    F("grand_total.change.amount", "185.16", "万元", "185.16万元", 26),
    F("grand_total.change.percent", "41", None, "41%", 26),
    # 2、收入决算情况说明 (line 29)
    F("income.total.amount", "268.81", "万元", "268.81万元", (29, "收入合计268.81万元")),
    *pair("income.items", 29, "一般公共预算财政拨款收入", "268.81", "100"),
    *pair("income.items", 29, "政府性基金预算财政拨款收入", "0", "0"),
    *pair("income.items", 29, "上级补助收入", "0", "0"),
    *pair("income.items", 29, "事业收入", "0", "0"),
    *pair("income.items", 29, "经营收入", "0", "0"),
    *pair("income.items", 29, "附属单位上缴收入", "0", "0"),
    *pair("income.items", 29, "其他收入", "0", "0"),
    # 3、支出决算情况说明 (line 32)
    F("expenditure.total.amount", "268.81", "万元", "268.81万元", 32),
    *pair("expenditure.items", 32, "基本支出", "267.81", "99.63"),
    *pair("expenditure.items", 32, "项目支出", "1", "0.37"),
    *pair("expenditure.items", 32, "上缴上级支出", "0", "0"),
    *pair("expenditure.items", 32, "经营支出", "0", "0"),
    *pair("expenditure.items", 32, "对附属单位补助支出", "0", "0"),
    # 四、财政拨款收入支出决算总体情况说明 (line 35)
    F("fiscal_appropriation.amount", "268.81", "万元", "268.81万元", 35),
    F("fiscal_appropriation.change.amount", "185.16", "万元", "185.16万元", 35),
    F("fiscal_appropriation.change.percent", "41", None, "41%", 35),
    # 五（一） (line 39)
    F("general_budget.total.amount", "268.81", "万元", "268.81万元", 39),
    F("general_budget.total.share", "100", None, "100%", 39),
    F("general_budget.total.change.amount", "185.16", "万元", "185.16万元", 39),
    F("general_budget.total.change.percent", "41", None, "41%", 39),
    # 五（二） (line 42)
    F("general_budget.structure_total.amount", "268.81", "万元", "268.81万元", 42),
    *pair("general_budget.classes", 42, "一般公共服务（类）支出", "234.62", "87.28"),
    *pair("general_budget.classes", 42, "教育支出（类）", "0", "0"),
    *pair("general_budget.classes", 42, "科学技术（类）支出", "0", "0"),
    *pair("general_budget.classes", 42, "文化旅游体育与传媒（类）支出", "0", "0"),
    *pair("general_budget.classes", 42, "社会保障和就业（类）支出", "17.30", "6.43"),
    *pair("general_budget.classes", 42, "卫生健康支出", "6.66", "2.48"),
    *pair("general_budget.classes", 42, "住房保障支出", "10.23", "3.81"),
    # 五（三） (lines 45-59); the total is written without a unit
    F("general_budget.execution.amount", "268.81", None, "268.81", 45),
    F("general_budget.execution.completion", "100", None, "100%", 45),
    *budget_line("行政运行", 47, "218.28", "100"),
    *budget_line("一般行政管理事务", 48, "1", "100"),
    *budget_line("事业运行", 49, "14.34", "100"),
    *budget_line("其他群众团体事务支出", 51, "0", "100"),
    *budget_line("未归口管理的行政单位离退休", 52, "9.20", "100"),
    *budget_line("机关事业单位基本养老保险缴费支出", 53, "8.10", "100"),
    *budget_line("机关事业单位职业年金缴费支出", 55, "0", "100"),
    *budget_line("行政单位医疗", 56, "6.66", "100"),
    *budget_line("事业单位医疗", 57, "0.92", "100"),
    *budget_line("公务员医疗补助", 58, "0.86", "100"),
    *budget_line("住房公积金", 59, "10.23", "100"),
    # 六、基本支出 (lines 62-64)
    F("basic_expenditure.total.amount", "267.81", "万元", "267.81万元", 62),
    F("basic_expenditure.personnel.amount", "112.67", "万元", "112.67万元", 63),
    F("basic_expenditure.public.amount", "155.14", "万元", "155.14万元", 64),
    # 七（一） (line 67)
    F("three_public.total.amount", "0", "万元", "0万元", 67),
    F("three_public.total.completion", "100", None, "100%", 67),
    # 七（二） shares (line 69)
    F("three_public.overseas.amount", "0", "万元", "0万元", (69, "因公出国（境）费支出决算0万元")),
    F("three_public.overseas.share", "0", None, "0%", (69, "因公出国（境）费支出决算0万元，占0%")),
    F("three_public.vehicles.amount", "0", "万元", "0万元", (69, "维护费支出决算0万元")),
    F("three_public.vehicles.share", "0", None, "0%", (69, "维护费支出决算0万元，占0%")),
    F("three_public.reception.amount", "0", "万元", "0万元", (69, "公务接待费支出决算0万元")),
    F("three_public.reception.share", "0", None, "0%", (69, "公务接待费支出决算0万元，占0%")),
    # 1.因公出国（境） (line 70): change written with template residue against 2018
    F("three_public.overseas.restated[0]", "0", "万元", "0万元", (70, "经费支出0万元")),
    F("three_public.overseas.completion", "0", None, "0%", (70, "完成预算0%")),
    F("three_public.overseas_groups", "0", "次", "0次", 70),
    F("three_public.overseas_persons", "0", "人", "0人", 70),
    F("three_public.overseas.change.amount", "0", "万元", "0万元", (70, "减少0万元")),
    F("three_public.overseas.change.percent", "0", None, "0%", (70, "下降0%")),
    # 2.公务用车 (lines 71-73)
    F("three_public.vehicles.restated[0]", "0", "万元", "0万元", (71, "维护费支出0万元")),
    F("three_public.vehicles.completion", "0", None, "0%", (71, "完成预算0%")),
    F("three_public.vehicles.change.amount", "0", "万元", "0万元", (71, "减少0万元")),
    F("three_public.vehicles.change.percent", "0", None, "0%", (71, "下降0%")),
    F("three_public.vehicle_purchase.amount", "0", "万元", "0万元", (72, "公务用车购置支出0万元")),
    F("three_public.vehicles_bought", "0", "辆", "0辆", (72, "更新购置公务用车0辆")),
    F("three_public.vehicles_bought_by_kind[轿车].counts[0]", "0", "辆", "0辆",
      (72, "轿车0辆、金额")),
    F("three_public.vehicles_bought_by_kind[轿车].amount", "0", "万元", "0万元",
      (72, "轿车0辆、金额0万元")),
    F("three_public.vehicles_bought_by_kind[越野车].counts[0]", "0", "辆", "0辆",
      (72, "越野车0辆、金额")),
    F("three_public.vehicles_bought_by_kind[越野车].amount", "0", "万元", "0万元",
      (72, "越野车0辆、金额0万元")),
    F("three_public.vehicles_bought_by_kind[载客汽车].counts[0]", "0", "辆", "0辆",
      (72, "载客汽车0辆、金额")),
    F("three_public.vehicles_bought_by_kind[载客汽车].amount", "0", "万元", "0万元",
      (72, "载客汽车0辆、金额0万元")),
    F("three_public.fleet", "0", "辆", "0辆", (72, "共有公务用车0辆")),
    F("three_public.fleet_by_kind[轿车].counts[0]", "0", "辆", "0辆", (72, "轿车0辆、越野车")),
    F("three_public.fleet_by_kind[越野车].counts[0]", "0", "辆", "0辆", (72, "越野车0辆、载客")),
    F("three_public.fleet_by_kind[载客汽车].counts[0]", "0", "辆", "0辆", (72, "载客汽车0辆。")),
    F("three_public.vehicle_operation.amount", "0", "万元", "0万元", 73),
    # 3.公务接待费 (lines 74-76)
    F("three_public.reception.restated[0]", "0", "万元", "0万元", (74, "接待费支出0万元")),
    F("three_public.reception.completion", "0", None, "0%", (74, "完成预算0%")),
    F("three_public.reception.change.amount", "0", "万元", "0万元", (74, "减少0万元")),
    F("three_public.reception.change.percent", "0", None, "0%", (74, "下降0%")),
    F("three_public.domestic.amount", "0", "万元", "0万元", (75, "接待支出0万元")),
    F("three_public.domestic_batches", "0", "批次", "0批次", 75),
    F("three_public.domestic_visitors", "0", "人次", "0人次", 75),
    F("three_public.domestic.restated[0]", "0", "万元", "0万元", (75, "共计支出0万元")),
    F("three_public.foreign.amount", "0", "万元", "0万元", (76, "接待支出0万元")),
    F("three_public.foreign_batches", "0", "批次", "0批次", 76),
    F("three_public.foreign_visitors", "0", "人", "0人", (76, "0人，")),
    F("three_public.foreign.restated[0]", "0", "万元", "0万元", (76, "共计支出0万元")),
    # 八、9、 (lines 78, 80)
    F("government_fund.total.amount", "0", "万元", "0万元", 78),
    F("state_capital.total.amount", "0", "万元", "0万元", 80),
    # 十（一） (line 83)
    F("operating_costs.amount", "155.14", "万元", "155.14万元", 83),
    F("operating_costs.change.amount", "4.94", "万元", "4.94万元", 83),
    F("operating_costs.change.percent", "3.29", None, "3.29%", 83),
    # 十（二） (line 85)
    F("procurement.total.amount", "0", "万元", "0万元", (85, "总额0万元")),
    F("procurement.goods.amount", "0", "万元", "0万元", (85, "货物支出0万元")),
    F("procurement.works.amount", "0", "万元", "0万元", (85, "工程支出0万元")),
    F("procurement.services.amount", "0", "万元", "0万元", (85, "服务支出0万元")),
    F("procurement.sme.amount", "0", "万元", "0万元", (85, "中小企业合同金额0万元")),
    F("procurement.sme.share", "0", None, "0%",
      (85, "中小企业合同金额0万元，占政府采购支出总额的0%")),
    F("procurement.small_micro.amount", "0", "万元", "0万元", (85, "小微企业合同金额0万元")),
    F("procurement.small_micro.share", "0", None, "0%",
      (85, "小微企业合同金额0万元，占政府采购支出总额的0%")),
    # 十（三） (line 87)
    F("assets.vehicles", "0", "辆", "0辆", (87, "共有车辆0辆")),
    F("assets.vehicles_by_kind[主要领导干部用车].counts[0]", "0", "辆", "0辆", (87, "干部用车0辆")),
    F("assets.vehicles_by_kind[机要通信用车].counts[0]", "0", "辆", "0辆", (87, "通信用车0辆")),
    F("assets.vehicles_by_kind[应急保障用车].counts[0]", "0", "辆", "0辆", (87, "保障用车0辆")),
    F("assets.vehicles_by_kind[其他用车].counts[0]", "0", "辆", "0辆", (87, "其他用车0辆")),
    F("assets.equipment[单价50万元以上通用设备].counts[0]", "0", "台（套）", "0台（套）",
      (87, "通用设备0台（套）")),
    F("assets.equipment[单价100万元以上专用设备].counts[0]", "0", "台（套）", "0台（套）",
      (87, "专用设备0台（套）")),
    # the thresholds of the equipment counted: part of the subject, bound to it
    F("assets.equipment[单价50万元以上通用设备].threshold", "50", "万元", "50万元",
      (87, "单价50万元以上")),
    F("assets.equipment[单价100万元以上专用设备].threshold", "100", "万元", "100万元",
      (87, "单价100万元以上")),
    # 十（四） (lines 89, 91)
    F("performance.goals_set", "1", "个", "1个", (89, "对1个项目编制")),
    F("performance.monitored", "1", "个", "1个", (89, "选取1个")),
    F("performance.self_evaluated", "1", "个", "1个", (89, "对1个项目开展了")),
    F("performance.evaluated", "1", "个", "1个", (91, "自行组织了1个")),
    # 项目绩效目标完成情况表 (lines 95-184): amounts in 万元 per the header, no unit written
    F("performance.tables[0].budget", "1", None, "1", 106),
    F("performance.tables[0].execution", "1", None, "1", 108),
    F("performance.tables[0].fiscal_budget", "1", None, "1", 112),
    F("performance.tables[0].fiscal_execution", "1", None, "1", 114),
    F("performance.tables[0].other_budget", "0", None, "0", 118),
    F("performance.tables[0].other_execution", "0", None, "0", 120),
    # 附件1 二（一） income (line 248)
    F("annexes[0].income.total.amount", "267.81", "万元", "267.81万元", 248),
    *pair("annexes[0].income.items", 248, "人员经费", "112.67", "42.07", sep="，占总收入的"),
    *pair("annexes[0].income.items", 248, "日常公用经费", "155.14", "57.93", sep="，占总收入的"),
    *pair("annexes[0].income.items", 248, "项目支出", "1", "0.37", sep="，占总收入的"),
    *pair("annexes[0].income.items", 248, "社会保障和就业支出", "17.31", "6.46",
          sep="，占总收入的"),
    *pair("annexes[0].income.items", 248, "住房保障支出", "10.23", "3.82", sep="，占总收入的"),
    # 附件1 二（二） expenditure (line 251)
    F("annexes[0].expenditure.total.amount", "268.81", "万元", "268.81万元", 251),
    *pair("annexes[0].expenditure.items", 251, "人员经费", "112.67", "41.92", sep="，占总支出的"),
    *pair("annexes[0].expenditure.items", 251, "日常公用经费", "155.14", "57.71",
          sep="，占总支出的"),
    *pair("annexes[0].expenditure.items", 251, "项目支出", "1", "0.37", sep="，占总支出的"),
    *pair("annexes[0].expenditure.items", 251, "社会保障和就业支出", "17.31", "6.44",
          sep="，占总支出的"),
    *pair("annexes[0].expenditure.items", 251, "住房保障支出", "10.23", "3.80", sep="，占总支出的"),
]


@pytest.mark.parametrize(("path", "value", "unit", "written", "where"), FIGURES)
def test_figure(report: finreport.Report, text: str, path: str, value: str, unit: str | None,
                written: str, where: int | tuple[int, str]) -> None:
    check_figure(report, text, path, value, unit, written, where)


#: Figures of the performance-management narrative (十（四）, lines 91-94) that
#: ``performance.entries`` hold: as written, and where.
PERFORMANCE_ENTRY_FIGURES = [
    ("1万元", (91, "项目资金1万元")),
    ("107人", 91),
    ("19.7万元", 91),
    ("1万元", (91, "区财政资金1万元")),
    ("18.7万元", 91),
    ("1个", (93, "”1个")),
    ("1万元", (93, "项目经费1万元")),
    ("107人", 93),
    ("19.7万元", 93),
    ("1万元", (93, "区财政资金1万元")),
    ("18.7万元", 93),
    ("1万元", (94, "预算数1万元")),
    ("1万元", (94, "执行数为1万元")),
    ("100%", 94),
]


def test_performance_entries(report: finreport.Report, text: str) -> None:
    assert report.performance is not None
    held = sorted(f.span for e in report.performance.entries for f in e.figures())
    assert held == sorted(at(text, where, written) for written, where in PERFORMANCE_ENTRY_FIGURES)
    # （1）…综述: 项目全年预算数1万元，执行数为1万元，完成预算的100%
    project = next(e for e in report.performance.entries if e.budget is not None)
    assert fig(text, project.budget) == expected("1", "万元", "1万元")
    assert project.budget.span == at(text, (94, "预算数1万元"), "1万元")
    assert fig(text, project.execution) == expected("1", "万元", "1万元")
    assert project.execution.span == at(text, (94, "执行数为1万元"), "1万元")
    assert fig(text, project.completion) == expected("100", None, "100%")
    assert project.completion.span == at(text, 94, "100%")


def test_part2_holds_no_figure_the_text_does_not_state(report: finreport.Report,
                                                      text: str) -> None:
    part2 = part_span(report, K.NARRATIVE)
    stated = {at(text, p.values[4], p.values[3]) for p in FIGURES}
    stated |= {at(text, where, written) for written, where in PERFORMANCE_ENTRY_FIGURES}
    held = {f.span for f in report.figures() if part2.start <= f.span.start < part2.end}
    assert sorted(held - stated) == []


def test_unrecognized(report: finreport.Report, text: str) -> None:
    """No amount or percentage of part 2 or the annexes is left unread."""
    part2 = part_span(report, K.NARRATIVE)
    # an amount that qualifies a subject (单价50万元以上) is not a quantity of its own
    for span in (u.span for u in report.unrecognized if u.reason != "qualifier"):
        if span.start >= part2.start:
            assert not re.search(r"(元|%|％)$", text[span.start:span.end]), span


# --------------------------------------------------------------------------- words


def test_institutions(report: finreport.Report, text: str) -> None:
    institutions = report.institutions
    assert institutions is not None
    assert institutions.total_name is not None
    assert institutions.total_name.text == "西区总工会下属二级单位"
    assert [e.name.text for e in institutions.by_kind] == [
        "行政单位", "参照公务员法管理的事业单位", "其他事业单位"]


def test_changes(report: finreport.Report, text: str) -> None:
    for entry in (report.grand_total, report.fiscal_appropriation, report.general_budget.total):
        change = entry.change
        assert change.compared_year.value == 2019
        assert slice_of(text, change.compared_year) == "2019年"
        assert change.direction.text == "减少"
        assert change.percent_direction.text == "下降"
        assert not change.flat
    costs = report.operating_costs.change
    assert (costs.compared_year.value, costs.direction.text, costs.percent_direction.text) == (
        2019, "增加", "增长")
    assert slice_of(text, costs.compared_year) == "2019年"


def test_breakdown_names(report: finreport.Report) -> None:
    assert report.income.total.name.text == "收入合计"
    assert [e.name.text for e in report.income.items] == [
        "一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "上级补助收入", "事业收入",
        "经营收入", "附属单位上缴收入", "其他收入"]
    assert report.expenditure.total.name.text == "支出合计"
    assert [e.name.text for e in report.expenditure.items] == [
        "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"]
    assert [e.name.text for e in report.general_budget.classes] == [
        "一般公共服务(类)支出", "教育支出(类)", "科学技术(类)支出", "文化旅游体育与传媒(类)支出",
        "社会保障和就业(类)支出", "卫生健康支出", "住房保障支出"]
    basic = report.basic_expenditure
    assert (basic.personnel.name.text, basic.public.name.text) == ("人员经费", "日常公用经费")


BUDGET_LINES = [
    # number, 类, 款, 项
    ("1.", "一般公共服务", "群众团体事务", "行政运行"),
    ("2.", "一般公共服务", "群众团体事务", "一般行政管理事务"),
    ("3.", "一般公共服务", "群众团体事务", "事业运行"),
    ("4.", "一般公共服务", "群众团体事务", "其他群众团体事务支出"),
    ("5.", "社会保障和就业", "行政事业单位离退休", "未归口管理的行政单位离退休"),
    ("6.", "社会保障和就业", "行政事业单位离退休", "机关事业单位基本养老保险缴费支出"),
    ("7.", "社会保障和就业", "行政事业单位离退休", "机关事业单位职业年金缴费支出"),
    ("8.", "医疗卫生与计划生育", "行政事业单位医疗", "行政单位医疗"),
    ("9.", "医疗卫生与计划生育", "行政事业单位医疗", "事业单位医疗"),
    ("10.", "医疗卫生与计划生育", "行政事业单位医疗", "公务员医疗补助"),
    ("11.", "住房保障支出", "住房改革支出", "住房公积金"),
]


def test_budget_lines(report: finreport.Report, text: str) -> None:
    lines = report.general_budget.lines
    assert [(slice_of(text, line.number), line.classification.category.text,
             line.classification.group.text, line.classification.item.text)
            for line in lines] == BUDGET_LINES
    for line in lines:
        c = line.classification
        assert c.level == "项" and c.code is None
        assert text[line.span.start:line.span.end].startswith(line.number.text)
        for phrase in (c.category, c.group, c.item):
            assert slice_of(text, phrase) == phrase.text
        # the text states neither the initial budget nor a comparison for any line
        assert line.budget is None and line.comparison is None and line.share is None
        assert line.restated == ()
    assert report.general_budget.execution.budget is None


def test_three_public_words(report: finreport.Report, text: str) -> None:
    tp = report.three_public
    assert tp.total.name.text == '"三公"经费财政拨款'
    assert tp.total.budget is None and tp.total.change is None
    assert tp.absent is None
    for entry, year in ((tp.overseas, 2018), (tp.vehicles, 2018), (tp.reception, 2019)):
        # 比2018年增加/减少0万元，增长/下降0%: template residue, read as written
        assert entry.change.compared_year.value == year
        assert slice_of(text, entry.change.compared_year) == f"{year}年"
        assert entry.change.direction.text == "增加/减少"
        assert entry.change.percent_direction.text == "增长/下降"
        assert entry.no_budget is None and entry.budget is None
    assert tp.parts() == (tp.overseas, tp.vehicles, tp.reception)
    assert [e.name.text for e in tp.vehicles_bought_by_kind] == ["轿车", "越野车", "载客汽车"]
    assert [e.name.text for e in tp.fleet_by_kind] == ["轿车", "越野车", "载客汽车"]
    assert tp.domestic.counts == (tp.domestic_batches, tp.domestic_visitors)
    assert tp.foreign.counts == (tp.foreign_batches, tp.foreign_visitors)


def test_fund_budgets(report: finreport.Report) -> None:
    for fund in (report.government_fund, report.state_capital):
        assert fund.lines == () and fund.absent is None
        assert fund.total.no_budget is None


def test_procurement_and_assets_words(report: finreport.Report) -> None:
    assert len(report.procurement.entries) == 6
    assert [e.name.text for e in report.assets.vehicles_by_kind] == [
        "主要领导干部用车", "机要通信用车", "应急保障用车", "其他用车"]
    assert [e.name.text for e in report.assets.equipment] == [
        "单价50万元以上通用设备", "单价100万元以上专用设备"]


# --------------------------------------------------------------------------- project table

INDICATORS = [
    # level 1, level 2, level 3,
    # target as written, (comparator, value, unit) or None, actual as written, (…) or None,
    # verdict
    ("项目完成指标", "数量指标", "帮扶困难职工户数",
     "帮扶困难职工户数≥6户", (Comparator.GE, "6", "户"),
     "2020年已帮扶困难职工户数6户", (None, "6", "户"), Verdict.MET),
    ("项目完成指标", "质量指标", "完成送温暖帮扶工作",
     "帮扶困难职工", None, "已帮扶困难职工", None, Verdict.UNKNOWN),
    ("项目完成指标", "时效指标", "按照工作计划",
     "≥95%", (Comparator.GE, "95", "%"), "按照工作计划≥95%", (Comparator.GE, "95", "%"),
     Verdict.MET),
    ("项目完成指标", "成本指标", "支付送温暖帮扶费用",
     "全年共计1万元", (None, "1", "万元"), "已支付1万元", (None, "1", "万元"), Verdict.MET),
    # the row of lines 165-170 (项目完成指标 and four empty cells) is no indicator
    ("效益指标", "社会效益指标", "让困难职工感受组织温暖",
     "困难职工感受到组织温暖", None, "困难职工已感受到组织温暖", None, Verdict.UNKNOWN),
    ("满意度指标", "困难职工满意度", "困难职工满意度达到95%",
     "困难职工满意度达到95%", (Comparator.GE, "95", "%"),
     "困难职工满意度达到95%", (Comparator.GE, "95", "%"), Verdict.MET),
]


def _target(target: finreport.Target) -> tuple[object, ...] | None:
    if not target.is_numeric:
        return None
    return (target.comparator, target.value, target.unit)


def test_project_table(report: finreport.Report, text: str) -> None:
    assert len(report.project_tables) == 1
    table = report.project_tables[0]
    assert slice_of(text, table.name) == "送温暖帮扶专项经费"
    assert slice_of(text, table.unit) == "攀枝花市西区总工会"
    assert slice_of(text, table.goal) == "困难职工送温暖帮扶"
    assert slice_of(text, table.goal_achieved) == "送温暖帮扶困难职工107人，累计保障金额19.70万元。"
    assert text[table.span.start:].startswith("\t项目绩效目标完成情况表")


def test_indicators(report: finreport.Report, text: str) -> None:
    indicators = report.project_tables[0].indicators
    found = []
    for i in indicators:
        found.append((i.level1.text, i.level2.text, i.level3.text,
                      slice_of(text, i.target.text), _target(i.target),
                      slice_of(text, i.actual.text), _target(i.actual), i.verdict()))
    want = [(l1, l2, l3, t, None if tv is None else (tv[0], Decimal(tv[1]), tv[2]),
             a, None if av is None else (av[0], Decimal(av[1]), av[2]), v)
            for l1, l2, l3, t, tv, a, av, v in INDICATORS]
    assert found == want
    for i in indicators:
        assert not i.target.is_date and not i.actual.is_date
        if i.target.is_numeric:
            assert i.target.decimals == 0


# --------------------------------------------------------------------------- annexes


ANNEX2_FIGURES = [
    # field of the entry holding it, value, unit, as written, where
    ("amount", "1", "万元", "1万元", (274, "项目资金1万元")),
    ("counts", "107", "人", "107人", 274),
    ("amount", "19.7", "万元", "19.7万元", 274),
    ("amount", "1", "万元", "1万元", (274, "区财政资金1万元")),
    ("amount", "18.7", "万元", "18.7万元", 274),
    ("amount", "19.70", "万元", "19.70万元", 276),
    ("amount", "18.70", "万元", "18.70万元", 276),
    ("budget", "1", "万元", "1万元", (279, "项目资金1万元")),
    ("percent", "100", None, "100%", 279),
    ("percent", "95", None, "95%", 279),
    ("execution", "1", "万元", "1万元", (284, "实际到账1万元")),
    # 2019 figures written in 三（二）
    ("amount", "10", "万元", "10万元", (295, "项目资金10万元")),
    ("counts", "229", "人", "229人", 295),
    ("amount", "25.74", "万元", "25.74万元", 295),
    ("amount", "15.74", "万元", "15.74万元", 295),
]


@pytest.mark.parametrize(("field", "value", "unit", "written", "where"), ANNEX2_FIGURES,
                         ids=entry_ids(ANNEX2_FIGURES))
def test_annex2_entry(report: finreport.Report, text: str, field: str, value: str,
                      unit: str | None, written: str, where: int | tuple[int, str]) -> None:
    held = held_figures(report.annexes[1].entries, field, at(text, where, written))
    assert len(held) == 1
    assert fig(text, held[0]) == expected(value, unit, written)


def test_annex1_breakdown_names(report: finreport.Report) -> None:
    annex = report.annexes[0]
    names = ["人员经费", "日常公用经费", "项目支出", "社会保障和就业支出", "住房保障支出"]
    assert [e.name.text for e in annex.income.items] == names
    assert [e.name.text for e in annex.expenditure.items] == names


def test_annex1_staff_counts(report: finreport.Report, text: str) -> None:
    """临聘编制人员2名，共8名工作人员，与去年相比，增加了0名: 8名 belongs to 工作人员,
    whose name follows the count, and the change 0名 to it too."""
    entry = next(e for e in report.annexes[0].entries if e.name.text == "临聘编制人员")
    assert [slice_of(text, c) for c in entry.counts] == ["2名"]
    assert entry.counts[0].span == at(text, (244, "临聘编制人员2名"), "2名")
    staff = next(e for e in report.annexes[0].entries if e.name.text == "工作人员")
    assert [slice_of(text, c) for c in staff.counts] == ["8名", "0名"]


# --------------------------------------------------------------------------- glossary


def test_glossary(report: finreport.Report, text: str) -> None:
    glossary = report.glossary
    assert len(glossary) == 25
    assert glossary[0].term.text == "财政拨款收入"
    assert glossary[0].definition.text == "指单位从同级财政部门取得的财政预算资金。"
    assert glossary[7].term.text == "年末结转和结余"  # numbered `8、`
    assert glossary[13].term.text == (
        "社会保障和就业(类)行政事业单位离退休(款)机关事业单位基本养老保险缴费支出(项)")  # `14、`
    assert glossary[23].term.text == '"三公"经费'
    assert slice_of(text, glossary[23].term) == "“三公”经费"
    assert glossary[24].term.text == "机关运行经费"
