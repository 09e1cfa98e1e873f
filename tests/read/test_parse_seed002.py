"""Parsing seed report 002 (广元市昭化区总工会, 2020 final accounts): every figure of part 2,
the 机构设置 counts, the project performance table and the annexes, checked against the text.

The report has unnumbered headings (收入支出决算总体情况说明, 收入决算情况说明, 支出决算情况说明,
国有资本经营预算支出决算情况说明, 名词解释), 持平 changes, 年初未安排预算 and a count written as
``340余人次``.  The expected values were read from the report text (``cat -n`` line numbers
below), not from the parser's output.  A figure is checked as ``(value, unit, decimals, as
written)`` and by its place: ``where`` is the 1-based line it stands on, or
``(line, snippet)`` when the line holds the same text more than once.
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
def text(seed002: str) -> str:
    return seed002


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
    assert report.organization.text == "广元市昭化区总工会"
    assert slice_of(text, report.organization) == "广元市昭化区总工会"


# --------------------------------------------------------------------------- sections

TREE = [
    # level, kind, number as written (None: the heading has none), title as written
    (0, K.OVERVIEW, "第一部分", "部门概况"),
    (1, K.FUNCTIONS, "一、", "基本职能及主要工作"),
    (2, K.FUNCTIONS, "（一）", "主要职能。"),
    (2, K.OTHER, "（二）", "2020年重点工作完成情况。"),
    (1, K.INSTITUTIONS, "二、", "机构设置"),
    (0, K.NARRATIVE, "第二部分", "2020年度部门决算情况说明"),
    (1, K.OVERALL, None, "收入支出决算总体情况说明"),
    (1, K.INCOME, None, "收入决算情况说明"),
    (1, K.EXPENDITURE, None, "支出决算情况说明"),
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
    (1, K.STATE_CAPITAL, None, "国有资本经营预算支出决算情况说明"),
    (1, K.OTHER_MATTERS, "十、", "其他重要事项的情况说明"),
    (2, K.OPERATING_COSTS, "（一）", "机关运行经费支出情况"),
    (2, K.PROCUREMENT, "（二）", "政府采购支出情况"),
    (2, K.ASSETS, "（三）", "国有资产占有使用情况"),
    (2, K.PERFORMANCE, "（四）", "预算绩效管理情况。"),
    (0, K.GLOSSARY, None, "名词解释"),
    (0, K.ANNEXES, "第四部分", "附件"),
    (1, K.ANNEX, "附件1", "广元市昭化区总工会2020年部门整体支出绩效评价报告"),
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
    """The parts, the narrative sections (four of them without a number) and the annexes
    down to their first level."""
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
    assert by_kind[K.OVERALL].ordinal is None
    assert by_kind[K.STATE_CAPITAL].ordinal is None
    assert by_kind[K.GOVERNMENT_FUND].ordinal == 8
    assert by_kind[K.OTHER_MATTERS].ordinal == 10


def test_section_spans(report: finreport.Report, text: str) -> None:
    narrative = next(s for s in report.sections if s.kind is K.NARRATIVE)
    assert text[narrative.span.start:].startswith("第二部分 2020年度部门决算情况说明")
    assert text[narrative.span.end:].startswith("名词解释")
    overall = narrative.children[0]
    assert text[overall.span.start:].startswith("收入支出决算总体情况说明\n")
    assert text[overall.body.start:overall.body.end].startswith("2020年度收、支总计266.04万元")


def test_annex1_title(report: finreport.Report) -> None:
    annex = report.annexes[0]
    assert annex.number is not None and annex.number.text == "附件1"
    assert annex.title.text == "广元市昭化区总工会2020年部门整体支出绩效评价报告"


def test_annex2_title(report: finreport.Report) -> None:
    assert report.annexes[1].title.text == "广元市昭化区总工会帮扶项目2020年绩效评价报告"


# --------------------------------------------------------------------------- figures

FIGURES = [
    # 第一部分 二、机构设置 (line 21): the total says 0, the parts add to 1 (as written)
    F("institutions.total", "0", "个", "0个", (21, "二级单位0个")),
    F("institutions.by_kind[行政单位].counts[0]", "1", "个", "1个", 21),
    F("institutions.by_kind[参照公务员法管理的事业单位].counts[0]", "0", "个", "0个",
      (21, "管理的事业单位0个")),
    F("institutions.by_kind[其他事业单位].counts[0]", "0", "个", "0个", (21, "其他事业单位0个")),
    # 收入支出决算总体情况说明 (line 24)
    F("grand_total.amount", "266.04", "万元", "266.04万元", 24),
    F("grand_total.change.amount", "144.55", "万元", "144.55万元", 24),
    F("grand_total.change.percent", "118.98", None, "118.98%", 24),
    # 收入决算情况说明 (line 26)
    F("income.total.amount", "266.04", "万元", "266.04万元", (26, "收入合计266.04万元")),
    *pair("income.items", 26, "一般公共预算财政拨款收入", "266.04", "100"),
    # 支出决算情况说明 (line 29)
    F("expenditure.total.amount", "266.04", "万元", "266.04万元", (29, "支出合计266.04万元")),
    *pair("expenditure.items", 29, "基本支出", "266.04", "100"),
    # 四、 (line 31)
    F("fiscal_appropriation.amount", "266.04", "万元", "266.04万元", 31),
    F("fiscal_appropriation.change.amount", "144.55", "万元", "144.55万元", 31),
    F("fiscal_appropriation.change.percent", "118.98", None, "118.98%", 31),
    # 五（一） (line 35)
    F("general_budget.total.amount", "266.04", "万元", "266.04万元", 35),
    F("general_budget.total.share", "100", None, "100%", 35),
    F("general_budget.total.change.amount", "144.55", "万元", "144.55万元", 35),
    F("general_budget.total.change.percent", "118.98", None, "118.98%", 35),
    # 五（二） (line 38)
    F("general_budget.structure_total.amount", "266.04", "万元", "266.04万元", 38),
    *pair("general_budget.classes", 38, "一般公共服务（类）支出", "244.16", "91.77"),
    *pair("general_budget.classes", 38, "教育支出（类）", "0", "0"),
    *pair("general_budget.classes", 38, "科学技术（类）支出", "0", "0"),
    *pair("general_budget.classes", 38, "文化旅游体育与传媒（类）支出", "0", "0"),
    *pair("general_budget.classes", 38, "社会保障和就业（类）支出", "9.13", "3.44"),
    *pair("general_budget.classes", 38, "卫生健康支出", "3.79", "1.42"),
    *pair("general_budget.classes", 38, "住房保障支出", "8.96", "3.37"),
    # 五（三） (lines 42-49)
    F("general_budget.execution.amount", "266.04", "万元", "266.04万元", 42),
    F("general_budget.execution.completion", "100", None, "100%", 42),
    *budget_line("行政运行", 43, "244.16", "100"),
    *budget_line("归口管理的行政单位离退休", 45, "9.13", "100"),
    *budget_line("行政单位医疗", 47, "3.79", "100"),
    *budget_line("住房公积金", 49, "8.96", "100"),
    # 六、基本支出 (lines 52-55)
    F("basic_expenditure.total.amount", "266.04", "万元", "266.04万元", 52),
    F("basic_expenditure.personnel.amount", "129.45", "万元", "129.45万元", 54),
    F("basic_expenditure.public.amount", "136.59", "万元", "136.59万元", 55),
    # 七（一） (line 60)
    F("three_public.total.amount", "2", "万元", "2万元", 60),
    F("three_public.total.completion", "100", None, "100%", 60),
    # 七（二） shares (line 64)
    F("three_public.overseas.amount", "0", "万元", "0万元", (64, "因公出国（境）费支出决算0万元")),
    F("three_public.overseas.share", "0", None, "0%", (64, "因公出国（境）费支出决算0万元，占0%")),
    F("three_public.vehicles.amount", "0", "万元", "0万元", (64, "维护费支出决算0万元")),
    F("three_public.vehicles.share", "0", None, "0%", (64, "维护费支出决算0万元，占0%")),
    F("three_public.reception.amount", "2", "万元", "2万元", 64),
    F("three_public.reception.share", "100", None, "100%", 64),
    # 1.–3. (lines 66-71)
    F("three_public.overseas.restated[0]", "0", "万元", "0万元", 66),
    F("three_public.vehicles.restated[0]", "0", "万元", "0万元", 68),
    F("three_public.reception.restated[0]", "2", "万元", "2万元", 70),
    F("three_public.reception.completion", "100", None, "100%", 70),
    F("three_public.domestic.amount", "2", "万元", "2万元", (71, "接待支出2万元")),
    F("three_public.domestic_batches", "42", "批次", "42批次", 71),
    F("three_public.domestic_visitors", "340", "人次", "340余人次", 71),
    F("three_public.domestic.restated[0]", "2", "万元", "2万元", (71, "共计支出2万元")),
    # 八、(line 73) and 国有资本经营预算 (line 75)
    F("government_fund.total.amount", "0", "万元", "0万元", 73),
    F("state_capital.total.amount", "0", "万元", "0万元", 75),
    # 十（一） (line 79)
    F("operating_costs.amount", "136.59", "万元", "136.59万元", 79),
    F("operating_costs.change.amount", "96.18", "万元", "96.18万元", 79),
    F("operating_costs.change.percent", "238.01", None, "238.01%", 79),
    # 十（二） (line 82)
    F("procurement.total.amount", "0", "万元", "0万元", 82),
    # 十（三） (line 85)
    F("assets.vehicles", "0", "辆", "0辆", (85, "共有车辆0辆")),
    F("assets.vehicles_by_kind[主要领导干部用车].counts[0]", "0", "辆", "0辆", (85, "干部用车0辆")),
    F("assets.vehicles_by_kind[机要通信用车].counts[0]", "0", "辆", "0辆", (85, "通信用车0辆")),
    F("assets.vehicles_by_kind[应急保障用车].counts[0]", "0", "辆", "0辆", (85, "保障用车0辆")),
    F("assets.vehicles_by_kind[其他用车].counts[0]", "0", "辆", "0辆", (85, "其他用车0辆")),
    F("assets.equipment[单价50万元以上通用设备].counts[0]", "0", "台（套）", "0台（套）",
      (85, "通用设备,0台（套）"),
      xfail="'单价50万元以上通用设备,0台（套）' (a comma before the count) is not read at all: "
            "no equipment entry, not in unrecognized"),
    F("assets.equipment[单价100万元以上专用设备].counts[0]", "0", "台（套）", "0台（套）",
      (85, "专用设备0台（套）")),
    # the thresholds of the equipment counted, bound to their subjects (the 50万元 one
    # stands alone, its count unread: a statement of the section)
    F("assets.equipment[单价100万元以上专用设备].threshold", "100", "万元", "100万元",
      (85, "单价100万元以上")),
    F("statements[单价50万元以上通用设备].threshold", "50", "万元", "50万元",
      (85, "单价50万元以上")),
    # 十（四） (lines 88-89)
    F("performance.goals_set", "1", "个", "1个", (88, "对1个项目编制")),
    F("performance.monitored", "1", "个", "1个", (88, "选取1个")),
    F("performance.self_evaluated", "1", "个", "1个", (88, "对1个项目开展了")),
    F("performance.evaluated", "1", "个", "1个", 89),
    # 项目绩效目标完成情况表 (lines 95-184): cells written with 万元; 其它资金 left blank
    F("performance.tables[0].budget", "3", "万元", "3万元", 106),
    F("performance.tables[0].execution", "3", "万元", "3万元", 108),
    F("performance.tables[0].fiscal_budget", "3", "万元", "3万元", 112),
    F("performance.tables[0].fiscal_execution", "3", "万元", "3万元", 114),
    # 附件1 二（一） (line 221) and the unnumbered 部门财政资金支出情况 (line 224)
    F("annexes[0].income.total.amount", "266.04", "万元", "266.04万元", (221, "收入266.04万元")),
    F("annexes[0].expenditure.total.amount", "266.04", "万元", "266.04万元",
      (224, "财政拨款266.04万元")),
]


@pytest.mark.parametrize(("path", "value", "unit", "written", "where"), FIGURES)
def test_figure(report: finreport.Report, text: str, path: str, value: str, unit: str | None,
                written: str, where: int | tuple[int, str]) -> None:
    check_figure(report, text, path, value, unit, written, where)


#: Figures of the performance-management narrative (十（四）, lines 88-93) that
#: ``performance.entries`` hold: as written, and where.
PERFORMANCE_ENTRY_FIGURES = [
    ("3万元", (93, "预算数3万元")),
    ("3万元", (93, "执行数为3万元")),
    ("100%", 93),
]


def test_performance_entries(report: finreport.Report, text: str) -> None:
    assert report.performance is not None
    held = sorted(f.span for e in report.performance.entries for f in e.figures())
    assert held == sorted(at(text, where, written) for written, where in PERFORMANCE_ENTRY_FIGURES)
    # 特困职工帮扶项目…综述。项目全年预算数3万元，执行数为3万元，完成预算的100%
    (project,) = report.performance.entries
    assert fig(text, project.budget) == expected("3", "万元", "3万元")
    assert project.budget.span == at(text, (93, "预算数3万元"), "3万元")
    assert fig(text, project.execution) == expected("3", "万元", "3万元")
    assert project.execution.span == at(text, (93, "执行数为3万元"), "3万元")
    assert fig(text, project.completion) == expected("100", None, "100%")


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


def test_institutions(report: finreport.Report) -> None:
    institutions = report.institutions
    assert institutions is not None
    assert institutions.total_name.text == "广元市昭化区总工会下属二级单位"
    assert [e.name.text for e in institutions.by_kind] == [
        "行政单位", "参照公务员法管理的事业单位", "其他事业单位"]


def test_changes(report: finreport.Report, text: str) -> None:
    for entry in (report.grand_total, report.fiscal_appropriation, report.general_budget.total,
                  report.operating_costs):
        change = entry.change
        assert change.compared_year.value == 2019
        assert slice_of(text, change.compared_year) == "2019年"
        assert change.direction.text == "增加"
        assert change.percent_direction.text == "增长"
        assert not change.flat


def test_breakdown_names(report: finreport.Report) -> None:
    assert [e.name.text for e in report.income.items] == ["一般公共预算财政拨款收入"]
    assert [e.name.text for e in report.expenditure.items] == ["基本支出"]
    assert [e.name.text for e in report.general_budget.classes] == [
        "一般公共服务(类)支出", "教育支出(类)", "科学技术(类)支出", "文化旅游体育与传媒(类)支出",
        "社会保障和就业(类)支出", "卫生健康支出", "住房保障支出"]
    basic = report.basic_expenditure
    assert (basic.personnel.name.text, basic.public.name.text) == ("人员经费", "日常公用经费")


BUDGET_LINES = [
    # number, 类, 款, 项
    ("1.", "一般公共服务", "群众团体事务", "行政运行"),
    ("2.", "社会保障和就业", "行政事业单位离退休", "归口管理的行政单位离退休"),
    ("3.", "卫生健康", "行政事业单位医疗", "行政单位医疗"),
    ("4.", "住房保障", "住房改革支出", "住房公积金"),
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
        assert line.budget is None and line.comparison is None and line.share is None
        assert line.restated == ()
    assert report.general_budget.execution.budget is None


def test_three_public_words(report: finreport.Report, text: str) -> None:
    tp = report.three_public
    assert tp.total.name.text == '"三公"经费财政拨款'
    # 完成预算100%，决算数与预算数持平: a comparison, no budget amount written
    assert tp.total.comparison.text == "决算数与预算数持平"
    assert tp.total.budget is None and tp.total.change is None
    for entry in (tp.overseas, tp.vehicles, tp.reception):
        # …支出决算与2019年持平
        assert entry.change.compared_year.value == 2019
        assert slice_of(text, entry.change.compared_year) == "2019年"
        assert entry.change.flat
        assert entry.change.direction.text == "持平"
        assert entry.change.amount is None and entry.change.percent is None
    for entry in (tp.overseas, tp.vehicles):
        assert entry.no_budget.text == "年初未安排预算"
        assert entry.completion is None and entry.budget is None
    assert tp.reception.no_budget is None
    # not stated in this report
    assert tp.overseas_groups is None and tp.overseas_persons is None
    assert tp.vehicle_purchase is None and tp.vehicle_operation is None
    assert tp.vehicles_bought is None and tp.vehicles_bought_by_kind == ()
    assert tp.fleet is None and tp.fleet_by_kind == ()
    assert tp.foreign is None and tp.foreign_batches is None and tp.foreign_visitors is None
    assert tp.absent is None
    assert tp.domestic.counts == (tp.domestic_batches, tp.domestic_visitors)


def test_no_budget_words(report: finreport.Report, text: str) -> None:
    for entry, line in ((report.government_fund.total, 73), (report.state_capital.total, 75),
                        (report.procurement.total, 82)):
        assert entry.no_budget.text == "年初未安排预算"
        assert entry.no_budget.span == at(text, line, "年初未安排预算")
    for fund in (report.government_fund, report.state_capital):
        assert fund.lines == () and fund.absent is None
    p = report.procurement
    assert (p.goods, p.works, p.services, p.sme, p.small_micro) == (None,) * 5
    assert len(p.entries) == 1


def test_assets_words(report: finreport.Report) -> None:
    assert [e.name.text for e in report.assets.vehicles_by_kind] == [
        "主要领导干部用车", "机要通信用车", "应急保障用车", "其他用车"]


# --------------------------------------------------------------------------- project table

INDICATORS = [
    # level 1, level 2, level 3,
    # target as written, comparable form, actual as written, comparable form, verdict;
    # comparable form: ("num", comparator, value, unit) or ("date", comparator, year, month)
    ("项目完成指标", "数量指标", "生活救助、医疗救助、区内特困职工",
     "25人", ("num", None, "25", "人"), "25人", ("num", None, "25", "人"), Verdict.MET),
    ("项目完成指标", "质量指标", "解决困难职工、农民工困难",
     "25人", ("num", None, "25", "人"), "25人", ("num", None, "25", "人"), Verdict.MET),
    ("项目完成指标", "时效指标", "按照编制项目方案",
     "2020年12月底", ("date", Comparator.LE, 2020, 12),
     "2020年11月", ("date", None, 2020, 11), Verdict.MET),
    ("项目完成指标", "成本指标", "预算",
     "3万元", ("num", None, "3", "万元"), "3万元", ("num", None, "3", "万元"), Verdict.MET),
    ("效益指标", "社会效益指标", "生活救助、医疗救助、助学救助区内特困职工",
     "明确帮扶对象、建立完善困难职工档案及资金管理使用规定", None,
     "所有帮扶对象都纳入工会帮扶系统", None, Verdict.UNKNOWN),
    # two amounts in one cell (生活救助每人1000元 and 医疗救助每人2000元): the first is read
    ("效益指标", "社会效益指标", "生活救助、医疗救助",
     "生活救助每人1000元，医疗救助每人2000元。", ("num", None, "1000", "元"),
     "生活救助每人1000元，医疗救助每人2000元。", ("num", None, "1000", "元"), Verdict.MET),
    ("满意度指标", "群众满意度", "辖区内困难群众满意度",
     "90%", ("num", None, "90", "%"), "95%", ("num", None, "95", "%"), Verdict.MET),
]


def _target(target: finreport.Target) -> tuple[object, ...] | None:
    if target.is_date:
        return ("date", target.comparator, target.year, target.month)
    if target.is_numeric:
        return ("num", target.comparator, target.value, target.unit)
    return None


def _want(form: tuple[object, ...] | None) -> tuple[object, ...] | None:
    if form is None or form[0] == "date":
        return form
    return (form[0], form[1], Decimal(form[2]), form[3])  # type: ignore[arg-type]


def test_project_table(report: finreport.Report, text: str) -> None:
    assert len(report.project_tables) == 1
    table = report.project_tables[0]
    assert slice_of(text, table.name) == "特困职工救助及惠民帮扶"
    assert slice_of(text, table.unit) == "区总工会"
    assert slice_of(text, table.goal) == "生活救助20人/1000元、医疗救助5人/2000元。"
    assert table.goal_achieved is not None
    assert table.goal_achieved.span == at(text, 128, "生活救助20人/1000元、医疗救助5人/2000元。")
    # 其它资金 cells are blank (lines 118, 120)
    assert table.other_budget is None and table.other_execution is None


def test_indicators(report: finreport.Report, text: str) -> None:
    indicators = report.project_tables[0].indicators
    found = [(i.level1.text, i.level2.text, i.level3.text,
              slice_of(text, i.target.text), _target(i.target),
              slice_of(text, i.actual.text), _target(i.actual), i.verdict())
             for i in indicators]
    want = [(l1, l2, l3, t, _want(tv), a, _want(av), v)
            for l1, l2, l3, t, tv, a, av, v in INDICATORS]
    assert found == want
    deadline = indicators[2]
    assert deadline.target.day is None and deadline.actual.day is None


# --------------------------------------------------------------------------- annexes


ANNEX1_FIGURES = [
    # field of the entry holding it, value, unit, as written, where
    ("counts", "7", "名", "7名", 217),
    ("counts", "6", "人", "6人", (217, "行政编制6人")),
    ("counts", "1", "人", "1人", (217, "其他事业编制1人")),
    ("counts", "7", "人", "7人", 217),
    ("amount", "266.04", "万元", "266.04万元", (221, "收入266.04万元")),
    ("amount", "266.04", "万元", "266.04万元", (221, "对账单266.04万元")),
    ("amount", "0", "万元", "0万元", 221),
    ("amount", "266.04", "万元", "266.04万元", (224, "对账单266.04万元")),
    ("amount", "0", "万元", "0万元", 224),
]

ANNEX2_FIGURES = [
    ("amount", "3", "万元", "3万元", 295),
    ("amount", "3", "万元", "3万元", 299),
    ("counts", "20", "人", "20人", 300),
    ("counts", "5", "人", "5人", 300),
]


@pytest.mark.parametrize(("field", "value", "unit", "written", "where"), ANNEX1_FIGURES,
                         ids=entry_ids(ANNEX1_FIGURES))
def test_annex1_entry(report: finreport.Report, text: str, field: str, value: str,
                      unit: str | None, written: str, where: int | tuple[int, str]) -> None:
    held = held_figures(report.annexes[0].entries, field, at(text, where, written))
    assert len(held) == 1
    assert fig(text, held[0]) == expected(value, unit, written)


@pytest.mark.parametrize(("field", "value", "unit", "written", "where"), ANNEX2_FIGURES,
                         ids=entry_ids(ANNEX2_FIGURES))
def test_annex2_entry(report: finreport.Report, text: str, field: str, value: str,
                      unit: str | None, written: str, where: int | tuple[int, str]) -> None:
    held = held_figures(report.annexes[1].entries, field, at(text, where, written))
    assert len(held) == 1
    assert fig(text, held[0]) == expected(value, unit, written)


def test_annex1_income_has_no_parts(report: finreport.Report) -> None:
    """对账单 and 差额 (line 221) are no sources of the income."""
    assert report.annexes[0].income.items == ()


def test_annex2_relief_amounts(report: finreport.Report, text: str) -> None:
    entries = {e.name.text: e for e in report.annexes[1].entries}
    assert entries["生活救助"].amount.span == at(text, (300, "1000元"), "1000元")
    assert entries["医疗救助"].amount.span == at(text, (300, "2000元"), "2000元")


def test_annex2_year_is_no_amount(report: finreport.Report, text: str) -> None:
    year = at(text, (312, "安排2020预算支出"), "2020")
    assert [f for e in report.annexes[1].entries for f in e.figures() if f.span == year] == []


# --------------------------------------------------------------------------- glossary


def test_glossary(report: finreport.Report, text: str) -> None:
    glossary = report.glossary
    assert len(glossary) == 11
    assert glossary[0].term.text == "财政拨款收入"
    assert glossary[0].definition.text == "指单位从同级财政部门取得的财政预算资金。"
    assert glossary[3].term.text == "一般公共服务(类)群众团体事务(款)行政运行(项)"
    assert glossary[9].term.text == '"三公"经费'
    assert slice_of(text, glossary[9].term) == "“三公”经费"
    assert glossary[10].term.text == "机关运行经费"
