"""Parsing the project's own fixture reports (``tests/fixtures/*_consistent.txt``): the main
figures listed in their answer keys (``*.key.md``), checked against the text.

``seedstyle_consistent.txt`` is written like the 2020 Sichuan seeds; ``pdf2024_consistent.txt``
like the 2024 Shanghai template as PDF extraction delivers it, with line breaks inside numbers
(``12.4\\n0万元``), full-width digits (``１１.４６％``) and spaces around numbers
(``48.00 万元``): a figure's span covers it exactly as written, line break included.

A figure is checked as ``(value, unit, decimals, as written)`` and by its place: ``where`` is
the 1-based line it starts on, or ``(line, snippet)`` when the line holds the same text more
than once.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

import finreport
from finreport import Comparator, ReportKind, Verdict
from finreport import SectionKind as K
from tests.conftest import fixture_path
from tests.figure_table import F, at, check_figure, fig, pair, part_span, resolve, slice_of

# --------------------------------------------------------------------------- fixtures

SEED = "seedstyle_consistent.txt"
PDF = "pdf2024_consistent.txt"


@pytest.fixture(scope="module")
def parsed() -> object:
    """``parsed(name)``: the fixture's text and its report, parsed once per module."""
    cache: dict[str, tuple[str, finreport.Report]] = {}

    def get(name: str) -> tuple[str, finreport.Report]:
        if name not in cache:
            path = fixture_path(name)
            if not path.is_file():
                pytest.skip(f"fixture {name} not written yet")
            text = path.read_text(encoding="utf-8")
            cache[name] = (text, finreport.parse(text))
        return cache[name]

    return get


# --------------------------------------------------------------------------- figures

FIGURES = [
    # ======================= seedstyle_consistent.txt =======================
    # 第一部分 二、机构设置 (line 20)
    F("institutions.total", "1", "个", "1个", (20, "二级单位1个"), doc=SEED),
    F("institutions.by_kind[行政单位].counts[0]", "1", "个", "1个", (20, "行政单位1个"), doc=SEED),
    # 一 (line 25)
    F("grand_total.amount", "315.40", "万元", "315.40万元", 25, doc=SEED),
    F("grand_total.change.amount", "24.13", "万元", "24.13万元", 25, doc=SEED),
    F("grand_total.change.percent", "8.28", None, "8.28%", 25, doc=SEED),
    # 二 (line 27)
    F("income.total.amount", "315.40", "万元", "315.40万元", 27, doc=SEED),
    *pair("income.items", 27, "一般公共预算财政拨款收入", "308.52", "97.82", doc=SEED),
    *pair("income.items", 27, "政府性基金预算财政拨款收入", "0", "0", doc=SEED),
    *pair("income.items", 27, "上级补助收入", "0", "0", doc=SEED),
    *pair("income.items", 27, "事业收入", "0", "0", doc=SEED),
    *pair("income.items", 27, "经营收入", "0", "0", doc=SEED),
    *pair("income.items", 27, "附属单位上缴收入", "0", "0", doc=SEED),
    *pair("income.items", 27, "其他收入", "6.88", "2.18", doc=SEED),
    # 三 (line 29)
    F("expenditure.total.amount", "315.40", "万元", "315.40万元", 29, doc=SEED),
    *pair("expenditure.items", 29, "基本支出", "294.90", "93.50", doc=SEED),
    *pair("expenditure.items", 29, "项目支出", "20.50", "6.50", doc=SEED),
    *pair("expenditure.items", 29, "上缴上级支出", "0", "0", doc=SEED),
    *pair("expenditure.items", 29, "经营支出", "0", "0", doc=SEED),
    *pair("expenditure.items", 29, "对附属单位补助支出", "0", "0", doc=SEED),
    # 四 (line 31)
    F("fiscal_appropriation.amount", "308.52", "万元", "308.52万元", 31, doc=SEED),
    F("fiscal_appropriation.change.amount", "23.46", "万元", "23.46万元", 31, doc=SEED),
    F("fiscal_appropriation.change.percent", "8.23", None, "8.23%", 31, doc=SEED),
    # 五（一） (line 34)
    F("general_budget.total.amount", "308.52", "万元", "308.52万元", 34, doc=SEED),
    F("general_budget.total.share", "97.82", None, "97.82%", 34, doc=SEED),
    F("general_budget.total.change.amount", "23.46", "万元", "23.46万元", 34, doc=SEED),
    F("general_budget.total.change.percent", "8.23", None, "8.23%", 34, doc=SEED),
    # 五（二） (line 36)
    F("general_budget.structure_total.amount", "308.52", "万元", "308.52万元", 36, doc=SEED),
    *pair("general_budget.classes", 36, "一般公共服务（类）支出", "237.30", "76.92", doc=SEED),
    *pair("general_budget.classes", 36, "文化旅游体育与传媒（类）支出", "0", "0", doc=SEED),
    *pair("general_budget.classes", 36, "社会保障和就业（类）支出", "38.98", "12.63", doc=SEED),
    *pair("general_budget.classes", 36, "卫生健康（类）支出", "14.59", "4.73", doc=SEED),
    *pair("general_budget.classes", 36, "住房保障（类）支出", "17.65", "5.72", doc=SEED),
    # 五（三） (lines 38-50)
    F("general_budget.execution.amount", "308.52", "万元", "308.52万元", 38, doc=SEED),
    F("general_budget.execution.budget", "313.46", "万元", "313.46万元", 38, doc=SEED),
    F("general_budget.execution.completion", "98.42", None, "98.42%", 38, doc=SEED),
    F("general_budget.lines[行政运行].amount", "216.80", "万元", "216.80万元", 40, doc=SEED),
    F("general_budget.lines[行政运行].completion", "98.32", None, "98.32%", 40, doc=SEED),
    F("general_budget.lines[行政运行].budget", "220.50", "万元", "220.50万元", 40, doc=SEED),
    F("general_budget.lines[一般行政管理事务].amount", "3", "万元", "3万元", 41, doc=SEED),
    F("general_budget.lines[一般行政管理事务].completion", "100", None, "100%", 41, doc=SEED),
    F("general_budget.lines[民族工作专项].amount", "5", "万元", "5万元", 42, doc=SEED),
    F("general_budget.lines[民族工作专项].completion", "100", None, "100%", 42, doc=SEED),
    F("general_budget.lines[宗教工作专项].amount", "12.5", "万元", "12.5万元", 43, doc=SEED),
    F("general_budget.lines[宗教工作专项].completion", "100", None, "100%", 43, doc=SEED),
    F("general_budget.lines[行政单位离退休].amount", "6.34", "万元", "6.34万元", 45, doc=SEED),
    F("general_budget.lines[行政单位离退休].completion", "100", None, "100%", 45, doc=SEED),
    F("general_budget.lines[机关事业单位基本养老保险缴费支出].amount", "21.76", "万元",
      "21.76万元", 46, doc=SEED),
    F("general_budget.lines[机关事业单位基本养老保险缴费支出].completion", "97.14", None,
      "97.14%", 46, doc=SEED),
    F("general_budget.lines[机关事业单位基本养老保险缴费支出].budget", "22.40", "万元",
      "22.40万元", 46, doc=SEED),
    F("general_budget.lines[机关事业单位职业年金缴费支出].amount", "10.88", "万元",
      "10.88万元", 47, doc=SEED),
    F("general_budget.lines[机关事业单位职业年金缴费支出].completion", "97.14", None,
      "97.14%", 47, doc=SEED),
    F("general_budget.lines[机关事业单位职业年金缴费支出].budget", "11.20", "万元",
      "11.20万元", 47, doc=SEED),
    F("general_budget.lines[行政单位医疗].amount", "11.42", "万元", "11.42万元", 48, doc=SEED),
    F("general_budget.lines[行政单位医疗].completion", "100", None, "100%", 48, doc=SEED),
    F("general_budget.lines[公务员医疗补助].amount", "3.17", "万元", "3.17万元", 49, doc=SEED),
    F("general_budget.lines[公务员医疗补助].completion", "105.67", None, "105.67%", 49, doc=SEED),
    F("general_budget.lines[公务员医疗补助].budget", "3.00", "万元", "3.00万元", 49, doc=SEED),
    F("general_budget.lines[住房公积金].amount", "17.65", "万元", "17.65万元", 50, doc=SEED),
    F("general_budget.lines[住房公积金].completion", "97.51", None, "97.51%", 50, doc=SEED),
    F("general_budget.lines[住房公积金].budget", "18.10", "万元", "18.10万元", 50, doc=SEED),
    # 六 (lines 53-55)
    F("basic_expenditure.total.amount", "288.02", "万元", "288.02万元", 53, doc=SEED),
    F("basic_expenditure.personnel.amount", "246.65", "万元", "246.65万元", 54, doc=SEED),
    F("basic_expenditure.public.amount", "41.37", "万元", "41.37万元", 55, doc=SEED),
    # 七（一） (line 58)
    F("three_public.total.amount", "5.06", "万元", "5.06万元", 58, doc=SEED),
    F("three_public.total.budget", "5.50", "万元", "5.50万元", 58, doc=SEED),
    F("three_public.total.completion", "92.00", None, "92.00%", 58, doc=SEED),
    F("three_public.total.change.amount", "0.69", "万元", "0.69万元", 58, doc=SEED),
    F("three_public.total.change.percent", "12.00", None, "12.00%", 58, doc=SEED),
    # 七（二） (lines 60-67)
    F("three_public.overseas.amount", "0", "万元", "0万元", (60, "费支出决算0万元"), doc=SEED),
    F("three_public.overseas.share", "0", None, "0%", 60, doc=SEED),
    F("three_public.vehicles.amount", "3.20", "万元", "3.20万元", 60, doc=SEED),
    F("three_public.vehicles.share", "63.24", None, "63.24%", 60, doc=SEED),
    F("three_public.reception.amount", "1.86", "万元", "1.86万元", 60, doc=SEED),
    F("three_public.reception.share", "36.76", None, "36.76%", 60, doc=SEED),
    F("three_public.overseas.restated[0]", "0", "万元", "0万元", 61, doc=SEED),
    F("three_public.overseas_groups", "0", "次", "0次", 61, doc=SEED),
    F("three_public.overseas_persons", "0", "人", "0人", 61, doc=SEED),
    F("three_public.vehicles.restated[0]", "3.20", "万元", "3.20万元", 62, doc=SEED),
    F("three_public.vehicles.budget", "3.50", "万元", "3.50万元", 62, doc=SEED),
    F("three_public.vehicles.completion", "91.43", None, "91.43%", 62, doc=SEED),
    F("three_public.vehicles.change.amount", "0.45", "万元", "0.45万元", 62, doc=SEED),
    F("three_public.vehicles.change.percent", "12.33", None, "12.33%", 62, doc=SEED),
    F("three_public.vehicle_purchase.amount", "0", "万元", "0万元", (63, "购置支出0万元"), doc=SEED),
    F("three_public.vehicles_bought", "0", "辆", "0辆", (63, "购置公务用车0辆"), doc=SEED),
    F("three_public.vehicles_bought_by_kind[轿车].counts[0]", "0", "辆", "0辆",
      (63, "轿车0辆、金额"), doc=SEED),
    F("three_public.vehicles_bought_by_kind[轿车].amount", "0", "万元", "0万元",
      (63, "轿车0辆、金额0万元"), doc=SEED),
    F("three_public.vehicles_bought_by_kind[越野车].counts[0]", "0", "辆", "0辆",
      (63, "越野车0辆、金额"), doc=SEED),
    F("three_public.vehicles_bought_by_kind[越野车].amount", "0", "万元", "0万元",
      (63, "越野车0辆、金额0万元"), doc=SEED),
    F("three_public.vehicles_bought_by_kind[载客汽车].counts[0]", "0", "辆", "0辆",
      (63, "载客汽车0辆、金额"), doc=SEED),
    F("three_public.vehicles_bought_by_kind[载客汽车].amount", "0", "万元", "0万元",
      (63, "载客汽车0辆、金额0万元"), doc=SEED),
    F("three_public.fleet", "2", "辆", "2辆", (63, "共有公务用车2辆"), doc=SEED),
    F("three_public.fleet_by_kind[轿车].counts[0]", "1", "辆", "1辆", (63, "轿车1辆"), doc=SEED),
    F("three_public.fleet_by_kind[越野车].counts[0]", "1", "辆", "1辆", (63, "越野车1辆"), doc=SEED),
    F("three_public.fleet_by_kind[载客汽车].counts[0]", "0", "辆", "0辆",
      (63, "载客汽车0辆。"), doc=SEED),
    F("three_public.vehicle_operation.amount", "3.20", "万元", "3.20万元", 64, doc=SEED),
    F("three_public.reception.restated[0]", "1.86", "万元", "1.86万元", 65, doc=SEED),
    F("three_public.reception.budget", "2.00", "万元", "2.00万元", 65, doc=SEED),
    F("three_public.reception.completion", "93.00", None, "93.00%", 65, doc=SEED),
    F("three_public.reception.change.amount", "0.24", "万元", "0.24万元", 65, doc=SEED),
    F("three_public.reception.change.percent", "11.43", None, "11.43%", 65, doc=SEED),
    F("three_public.domestic.amount", "1.86", "万元", "1.86万元", (66, "接待支出1.86万元"), doc=SEED),
    F("three_public.domestic_batches", "12", "批次", "12批次", 66, doc=SEED),
    F("three_public.domestic_visitors", "96", "人次", "96人次", 66, doc=SEED),
    F("three_public.domestic.restated[0]", "1.86", "万元", "1.86万元",
      (66, "共计支出1.86万元"), doc=SEED),
    F("three_public.foreign.amount", "0", "万元", "0万元", (67, "接待支出0万元"), doc=SEED),
    F("three_public.foreign_batches", "0", "批次", "0批次", 67, doc=SEED),
    F("three_public.foreign_visitors", "0", "人", "0人", (67, "0人，"), doc=SEED),
    F("three_public.foreign.restated[0]", "0", "万元", "0万元", (67, "共计支出0万元"), doc=SEED),
    # 八、九 (lines 69, 71)
    F("government_fund.total.amount", "0", "万元", "0万元", 69, doc=SEED),
    F("state_capital.total.amount", "0", "万元", "0万元", 71, doc=SEED),
    # 十（一） (line 74)
    F("operating_costs.amount", "41.37", "万元", "41.37万元", 74, doc=SEED),
    F("operating_costs.change.amount", "2.53", "万元", "2.53万元", 74, doc=SEED),
    F("operating_costs.change.percent", "5.76", None, "5.76%", 74, doc=SEED),
    # 十（二） (line 76)
    F("procurement.total.amount", "14.60", "万元", "14.60万元", (76, "总额14.60万元"), doc=SEED),
    F("procurement.goods.amount", "6.80", "万元", "6.80万元", 76, doc=SEED),
    F("procurement.works.amount", "0", "万元", "0万元", (76, "工程支出0万元"), doc=SEED),
    F("procurement.services.amount", "7.80", "万元", "7.80万元", 76, doc=SEED),
    F("procurement.sme.amount", "14.60", "万元", "14.60万元", (76, "合同金额14.60万元"), doc=SEED),
    F("procurement.sme.share", "100", None, "100%", 76, doc=SEED),
    F("procurement.small_micro.amount", "9.30", "万元", "9.30万元", 76, doc=SEED),
    F("procurement.small_micro.share", "63.70", None, "63.70%", 76, doc=SEED),
    # 十（三） (line 78)
    F("assets.vehicles", "2", "辆", "2辆", (78, "共有车辆2辆"), doc=SEED),
    F("assets.vehicles_by_kind[主要领导干部用车].counts[0]", "0", "辆", "0辆",
      (78, "干部用车0辆"), doc=SEED),
    F("assets.vehicles_by_kind[机要通信用车].counts[0]", "0", "辆", "0辆",
      (78, "通信用车0辆"), doc=SEED),
    F("assets.vehicles_by_kind[应急保障用车].counts[0]", "0", "辆", "0辆",
      (78, "保障用车0辆"), doc=SEED),
    F("assets.vehicles_by_kind[其他用车].counts[0]", "2", "辆", "2辆", (78, "其他用车2辆"), doc=SEED),
    F("assets.equipment[单价50万元以上通用设备].counts[0]", "0", "台（套）", "0台（套）",
      (78, "通用设备0台（套）"), doc=SEED),
    F("assets.equipment[单价100万元以上专用设备].counts[0]", "0", "台（套）", "0台（套）",
      (78, "专用设备0台（套）"), doc=SEED),
    # 十（四） (lines 80, 82)
    F("performance.goals_set", "3", "个", "3个", (80, "对3个项目编制"), doc=SEED),
    F("performance.monitored", "3", "个", "3个", (80, "选取3个"), doc=SEED),
    F("performance.self_evaluated", "3", "个", "3个", (80, "对3个项目开展了"), doc=SEED),
    F("performance.evaluated", "1", "个", "1个", 82, doc=SEED),
    # 项目绩效目标完成情况表 (lines 86-176)
    F("performance.tables[0].budget", "5", None, "5", 97, doc=SEED),
    F("performance.tables[0].execution", "5", None, "5", 99, doc=SEED),
    F("performance.tables[0].fiscal_budget", "5", None, "5", 103, doc=SEED),
    F("performance.tables[0].fiscal_execution", "5", None, "5", 105, doc=SEED),
    F("performance.tables[0].other_budget", "0", None, "0", 109, doc=SEED),
    F("performance.tables[0].other_execution", "0", None, "0", 111, doc=SEED),
    # 附件1 二 (lines 202, 204)
    F("annexes[0].income.total.amount", "315.40", "万元", "315.40万元", 202, doc=SEED),
    *pair("annexes[0].income.items", 202, "一般公共预算财政拨款收入", "308.52", "97.82", doc=SEED),
    *pair("annexes[0].income.items", 202, "其他收入", "6.88", "2.18", doc=SEED),
    F("annexes[0].expenditure.total.amount", "315.40", "万元", "315.40万元", 204, doc=SEED),
    *pair("annexes[0].expenditure.items", 204, "基本支出", "294.90", "93.50", doc=SEED),
    F("annexes[0].expenditure.items[项目支出].amount", "20.50", "万元", "20.50万元",
      (204, "项目支出20.50万元，占6.50%"), doc=SEED),
    F("annexes[0].expenditure.items[项目支出].share", "6.50", None, "6.50%",
      (204, "项目支出20.50万元，占6.50%"), doc=SEED),
    # ======================= pdf2024_consistent.txt =======================
    # 三 一 (lines 188-189)
    F("grand_total.amount", "3197.15", "万元", "3,197.15万元", 188, doc=PDF),
    F("grand_total.change.amount", "328.75", "万元", "328.75万元", 189, doc=PDF),
    F("grand_total.change.percent", "11.46", None, "１１.４６％", 189, doc=PDF),
    # 三 二 (lines 192-193)
    F("income.total.amount", "3138.88", "万元", "3,138.88万元", 192, doc=PDF),
    F("income.items[财政拨款收入].amount", "3126.48", "万元", "3,126.48万元", 192, doc=PDF),
    F("income.items[财政拨款收入].share", "99.60", None, "99.60%", 192, doc=PDF),
    F("income.items[其他收入].amount", "12.40", "万元", "12.4\n0万元", 192, doc=PDF),
    F("income.items[其他收入].share", "0.40", None, "0.40%", 193, doc=PDF),
    # 三 三 (lines 195-196)
    F("expenditure.total.amount", "3131.02", "万元", "3,131.02万元", 195, doc=PDF),
    F("expenditure.items[基本支出].amount", "2317.53", "万元", "2,317.53万元", 195, doc=PDF),
    F("expenditure.items[基本支出].share", "74.02", None, "74.02%", 195, doc=PDF),
    F("expenditure.items[项目支出].amount", "813.49", "万元", "813.49万\n元", 195, doc=PDF),
    F("expenditure.items[项目支出].share", "25.98", None, "25.98%", 196, doc=PDF),
    # 三 四 (lines 198-199)
    F("fiscal_appropriation.amount", "3126.48", "万元", "3,126.48万元", 198, doc=PDF),
    F("fiscal_appropriation.change.amount", "311.12", "万元", "311.12万元", 199, doc=PDF),
    F("fiscal_appropriation.change.percent", "11.05", None, "11.05%", 199, doc=PDF),
    # 三 五（一） (lines 203-204)
    F("general_budget.total.amount", "3126.48", "万元", "3,126.48万元", 203, doc=PDF),
    F("general_budget.total.share", "99.85", None, "99.85%", 203, doc=PDF),
    F("general_budget.total.change.amount", "311.12", "万元", "311.12万元", 204, doc=PDF),
    F("general_budget.total.change.percent", "11.05", None, "11.05%", 204, doc=PDF),
    # 三 五（二） (lines 207-209)
    F("general_budget.structure_total.amount", "3126.48", "万元", "3126.48万元", 207, doc=PDF),
    F("general_budget.classes[一般公共服务支出(类)].amount", "2543.45", "万元",
      "2,5\n43.45万元", 207, doc=PDF),
    F("general_budget.classes[一般公共服务支出(类)].share", "81.35", None, "81.35%", 208, doc=PDF),
    F("general_budget.classes[社会保障和就业支出(类)].amount", "344.96", "万元",
      "344.96万元", 208, doc=PDF),
    F("general_budget.classes[社会保障和就业支出(类)].share", "11.03", None, "11.03%", 208, doc=PDF),
    F("general_budget.classes[卫生健康支出(类)].amount", "75.93", "万元", "75.93万元", 209, doc=PDF),
    F("general_budget.classes[卫生健康支出(类)].share", "2.43", None, "2.43%", 209, doc=PDF),
    F("general_budget.classes[住房保障支出(类)].amount", "162.14", "万元", "162.14万元", 209, doc=PDF),
    F("general_budget.classes[住房保障支出(类)].share", "5.19", None, "5.19%", 209, doc=PDF),
    # 三 五（三） (lines 211-247): budgets and finals, no completion rate per line
    F("general_budget.execution.budget", "3243.75", "万元", "3,243.75万元", 211, doc=PDF),
    F("general_budget.execution.amount", "3126.48", "万元", "3,126.48万元", 211, doc=PDF),
    F("general_budget.execution.completion", "96.38", None, "96.38%", 212, doc=PDF),
    F("general_budget.lines[行政运行].budget", "1780.00", "万元", "1,780.00万元", 215, doc=PDF),
    F("general_budget.lines[行政运行].amount", "1729.96", "万元", "1,\n729.96万元", 215, doc=PDF),
    F("general_budget.lines[一般行政管理事务].budget", "48.00", "万元", "48.00 万元", 219, doc=PDF),
    F("general_budget.lines[一般行政管理事务].amount", "46.20", "万元", "46.20万元", 219, doc=PDF),
    F("general_budget.lines[专项统计业务].budget", "230.00", "万元", "230.00万元", 222, doc=PDF),
    F("general_budget.lines[专项统计业务].amount", "215.64", "万元", "215.64万元", 223, doc=PDF),
    F("general_budget.lines[统计抽样调查].budget", "138.90", "万元", "138.90万元", 225, doc=PDF),
    F("general_budget.lines[统计抽样调查].amount", "138.90", "万元", "13\n8.90万元", 225, doc=PDF),
    F("general_budget.lines[专项普查活动].budget", "455.30", "万元", "455.30万元", 228, doc=PDF),
    F("general_budget.lines[专项普查活动].amount", "412.75", "万元", "412.75万元", 228, doc=PDF),
    F("general_budget.lines[行政单位离退休].budget", "64.00", "万元", "64.00 万元", 231, doc=PDF),
    F("general_budget.lines[行政单位离退休].amount", "62.48", "万元", "62.48万元", 231, doc=PDF),
    F("general_budget.lines[机关事业单位基本养老保险缴费支出].budget", "190.50", "万元",
      "190.50万元", 234, doc=PDF),
    F("general_budget.lines[机关事业单位基本养老保险缴费支出].amount", "188.32", "万元",
      "188.32万元", 235, doc=PDF),
    F("general_budget.lines[机关事业单位职业年金缴费支出].budget", "95.25", "万元",
      "95.25万元", 237, doc=PDF),
    F("general_budget.lines[机关事业单位职业年金缴费支出].amount", "94.16", "万元",
      "94.\n16万元", 237, doc=PDF),
    F("general_budget.lines[行政单位医疗].budget", "76.80", "万元", "76.80 万元", 240, doc=PDF),
    F("general_budget.lines[行政单位医疗].amount", "75.93", "万元", "75.93万元", 240, doc=PDF),
    F("general_budget.lines[住房公积金].budget", "140.00", "万元", "140.00万元", 243, doc=PDF),
    F("general_budget.lines[住房公积金].amount", "138.47", "万元", "138.47万元", 243, doc=PDF),
    F("general_budget.lines[购房补贴].budget", "25.00", "万元", "25.00万元", 246, doc=PDF),
    F("general_budget.lines[购房补贴].amount", "23.67", "万元", "23.67万元", 246, doc=PDF),
    # 三 六 (lines 249-252)
    F("basic_expenditure.total.amount", "2312.99", "万元", "2,312.99万元", 249, doc=PDF),
    F("basic_expenditure.personnel.amount", "2044.25", "万元", "2,044.25万元", 249, doc=PDF),
    F("basic_expenditure.public.amount", "268.74", "万元", "26\n8.74万元", 251, doc=PDF),
    # 三 七（一） (lines 257-265)
    F("three_public.total.budget", "35.60", "万元", "35.60万元", 257, doc=PDF),
    F("three_public.total.amount", "30.45", "万元", "30.45万元", 257, doc=PDF),
    F("three_public.total.completion", "85.53", None, "85.5\n3%", 257, doc=PDF),
    F("three_public.overseas.amount", "0", "万元", "0万元", 258, doc=PDF),
    F("three_public.overseas.completion", "0", None, "0%", 258, doc=PDF),
    F("three_public.vehicles.amount", "28.05", "万元", "28.05万元", 259, doc=PDF),
    F("three_public.vehicles.completion", "93.50", None, "93.50%", 259, doc=PDF),
    F("three_public.reception.amount", "2.40", "万元", "2.40万元", 259, doc=PDF),
    F("three_public.reception.completion", "92.31", None, "92.\n31%", 259, doc=PDF),
    F("three_public.total.change.amount", "19.33", "万元", "19.33万元", 262, doc=PDF),
    F("three_public.total.change.percent", "173.83", None, "173.83%", 262, doc=PDF),
    F("three_public.vehicles.change.amount", "19.33", "万元", "19.33万元", 263, doc=PDF),
    F("three_public.vehicles.change.percent", "221.67", None, "221.67%", 264, doc=PDF),
    F("three_public.vehicles_bought", "1", "辆", "1辆", 265, doc=PDF),
    # 三 七（二） (lines 267-280)
    F("three_public.overseas.restated[0]", "0", "万元", "0万元", 267, doc=PDF),
    F("three_public.overseas.share", "0", None, "0%", 267, doc=PDF),
    F("three_public.vehicles.restated[0]", "28.05", "万元", "28.05万元", 268, doc=PDF),
    F("three_public.vehicles.share", "92.12", None, "92.12%", 268, doc=PDF),
    F("three_public.reception.restated[0]", "2.40", "万元", "2.40万元", 268, doc=PDF),
    F("three_public.reception.share", "7.88", None, "７.８８\n％", 268, doc=PDF),
    F("three_public.overseas.restated[1]", "0", "万元", "0万元", 270, doc=PDF),
    F("three_public.overseas_groups", "0", "个", "0个", 270, doc=PDF),
    F("three_public.overseas_persons", "0", "人次", "0人次", 270, doc=PDF),
    F("three_public.vehicles.restated[1]", "28.05", "万元", "28.05万元", 271, doc=PDF),
    F("three_public.vehicle_purchase.amount", "18.60", "万元", "18.60万元", 272, doc=PDF),
    F("three_public.vehicles_bought_by_kind[购置新能源轿车].counts[0]", "1", "辆", "1辆",
      (273, "轿车1辆"), doc=PDF),
    F("three_public.vehicle_operation.amount", "9.45", "万元", "9.45万元", 274, doc=PDF),
    F("three_public.fleet", "3", "辆", "3辆", 276, doc=PDF),
    F("three_public.reception.restated[1]", "2.40", "万元", "2.40万元", 277, doc=PDF),
    F("three_public.domestic.amount", "2.40", "万元", "2.40万元", 278, doc=PDF),
    # 国内公务接待支出2.40万元（含外宾接待支出0万元）
    F("three_public.foreign.amount", "0", "万元", "0万元", (278, "接待支出0万元"), doc=PDF),
    F("three_public.domestic_batches", "15", "批次", "15批次", 279, doc=PDF),
    F("three_public.domestic_visitors", "112", "人次", "112人次", 279, doc=PDF),
    F("three_public.foreign_batches", "0", "批次", "0批次", 279, doc=PDF),
    F("three_public.foreign_visitors", "0", "人次", "0人次", 280, doc=PDF),
    # 三 十 (lines 289-291)
    F("performance.goals_set", "5", "个", "5个", 289, doc=PDF),
    F("performance.monitored", "5", "个", "5个", 290, doc=PDF),
    F("performance.self_evaluated", "5", "个", "5个", 291, doc=PDF),
    # 三 十一（一） (line 296)
    F("operating_costs.amount", "268.74", "万元", "268.74万元", 296, doc=PDF),
    F("operating_costs.change.amount", "12.32", "万元", "12.32万元", 296, doc=PDF),
    F("operating_costs.change.percent", "4.38", None, "4.38%", 296, doc=PDF),
    # 三 十一（二） (lines 299-305)
    F("procurement.total.amount", "524.38", "万元", "524.38万元", 299, doc=PDF),
    F("procurement.goods.amount", "41.26", "万元", "41.26万元", 300, doc=PDF),
    F("procurement.works.amount", "0", "万元", "0万元", 300, doc=PDF),
    F("procurement.services.amount", "483.12", "万元", "483.12万元", 300, doc=PDF),
    F("procurement.sme.budget", "470.00", "万元", "470.00万元", 301, doc=PDF),
    F("procurement.small_micro.budget", "120.00", "万元", "120.00万元", 302, doc=PDF),
    F("procurement.sme.amount", "468.50", "万元", "468.50万元", 303, doc=PDF),
    F("procurement.small_micro.amount", "118.60", "万元", "118.60万元", 304, doc=PDF),
    # 三 十一（三） (lines 307-310)
    F("assets.vehicles", "3", "辆", "3辆", 307, doc=PDF),
    F("assets.vehicles_by_kind[部级领导干部用车].counts[0]", "0", "辆", "0辆", 307, doc=PDF),
    F("assets.vehicles_by_kind[主要领导干部用车].counts[0]", "0", "辆", "0辆",
      (308, "要领导干部用车0辆"), doc=PDF),
    F("assets.vehicles_by_kind[机要通信用车].counts[0]", "1", "辆", "1辆", 308, doc=PDF),
    F("assets.vehicles_by_kind[应急保障用车].counts[0]", "0", "辆", "0辆",
      (308, "保障用车0辆"), doc=PDF),
    F("assets.vehicles_by_kind[执法执勤用车].counts[0]", "2", "辆", "2辆", 308, doc=PDF),
    F("assets.vehicles_by_kind[特种专业技术用车].counts[0]", "0", "辆", "0辆",
      (309, "术用车0辆"), doc=PDF),
    F("assets.vehicles_by_kind[离退休干部用车].counts[0]", "0", "辆", "0辆",
      (309, "干部用车0辆"), doc=PDF),
    F("assets.vehicles_by_kind[其他用车].counts[0]", "0", "辆", "0辆", (309, "其他用车0辆"), doc=PDF),
    F("assets.equipment[单价100万元(含)以上设备(不含车辆)].counts[0]", "0", "台（套）",
      "0台（套）", 310, doc=PDF),
]


@pytest.mark.parametrize(("doc", "path", "value", "unit", "written", "where"), FIGURES)
def test_figure(parsed: object, doc: str, path: str, value: str, unit: str | None,
                written: str, where: int | tuple[int, str]) -> None:
    text, report = parsed(doc)  # type: ignore[operator]
    check_figure(report, text, path, value, unit, written, where)


#: Figures that ``performance.entries`` hold, as written and where.
PERFORMANCE_ENTRY_FIGURES = {
    SEED: [
        ("5万元", (82, "预算5万元")),
        ("5万元", (82, "执行5万元")),
        ("5万元", (85, "预算数5万元")),
        ("5万元", (85, "执行数为5万元")),
        ("100%", 85),
    ],
    PDF: [
        ("872\n.20万元", 289),
        ("872.20万元", 290),
        ("872.20万元", 291),
        ("94.36分", 291),
        ("3个", 292),
        ("2个", 292),
        ("0个", 292),
        ("0个", 293),
        ("3个", 293),
        ("2个", 293),
        ("1个", 293),
    ],
}


#: Narrative figures the report model has no field of its own for (they may sit in an
#: ``entries`` tuple).
OTHER_FIGURES: dict[str, list[tuple[str, int | tuple[int, str]]]] = {
    SEED: [
        # the thresholds of the equipment counted (Entry.threshold)
        ("50万元", (78, "单价50万元以上")),
        ("100万元", (78, "单价100万元以上")),
    ],
    PDF: [
        ("41.26万元", 305),  # awarded to SMEs in other procurement projects
        ("1辆", 272),  # 更新1辆已达报废年限的执法执勤用车: read as a statement of the section
        ("100万元", 309),  # the threshold of the equipment counted
    ],
}


@pytest.mark.parametrize("doc", [SEED, PDF])
def test_performance_entries(parsed: object, doc: str) -> None:
    text, report = parsed(doc)  # type: ignore[operator]
    held = sorted(f.span for e in report.performance.entries for f in e.figures())
    assert held == sorted(at(text, where, written)
                          for written, where in PERFORMANCE_ENTRY_FIGURES[doc])


def test_pdf_figure_broken_by_a_line_break(parsed: object) -> None:
    """``涉及预算金额872\\n.20万元``: the value is read whole, the span keeps the break."""
    text, report = parsed(PDF)  # type: ignore[operator]
    first = next(f for e in report.performance.entries for f in e.figures()
                 if f.span == at(text, 289, "872\n.20万元"))
    assert fig(text, first) == (Decimal("872.20"), "万元", 2, "872\n.20万元")
    assert first.wan == Decimal("872.20")


@pytest.mark.parametrize("doc", [SEED, PDF])
def test_narrative_holds_no_figure_the_text_does_not_state(parsed: object, doc: str) -> None:
    text, report = parsed(doc)  # type: ignore[operator]
    narrative = part_span(report, K.NARRATIVE)
    stated = {at(text, p.values[5], p.values[4]) for p in FIGURES if p.values[0] == doc}
    stated |= {at(text, where, written) for written, where in PERFORMANCE_ENTRY_FIGURES[doc]}
    stated |= {at(text, where, written) for written, where in OTHER_FIGURES[doc]}
    held = {f.span for f in report.figures() if narrative.start <= f.span.start < narrative.end}
    assert sorted(held - stated) == []


@pytest.mark.parametrize("doc", [SEED, PDF])
def test_unrecognized(parsed: object, doc: str) -> None:
    """No amount or percentage of the narrative or the annexes is left unread."""
    text, report = parsed(doc)  # type: ignore[operator]
    narrative = part_span(report, K.NARRATIVE)
    for span in (u.span for u in report.unrecognized if u.reason != "qualifier"):
        if span.start >= narrative.start:
            assert not re.search(r"(元|%|％)\s*$", text[span.start:span.end]), span


# --------------------------------------------------------------------------- identity, words


@pytest.mark.parametrize(("doc", "organization", "year"), [
    (SEED, "桐川区民族宗教事务局", 2021),
    (PDF, "上海市东泖区统计局", 2024),
])
def test_identity(parsed: object, doc: str, organization: str, year: int) -> None:
    text, report = parsed(doc)  # type: ignore[operator]
    assert report.kind is ReportKind.FINAL_ACCOUNTS
    assert report.organization.text == organization
    assert slice_of(text, report.organization) == organization
    assert report.fiscal_year.value == year
    assert slice_of(text, report.fiscal_year) == f"{year}年"


@pytest.mark.parametrize(("doc", "year", "where"), [
    (SEED, 2020, [25, 31, 34, 58, 62, 65, 74]),
    (PDF, 2023, [188, 198, 203, 262, 262, 296]),
])
def test_compared_years(parsed: object, doc: str, year: int, where: list[int]) -> None:
    text, report = parsed(doc)  # type: ignore[operator]
    entries = [report.grand_total, report.fiscal_appropriation, report.general_budget.total,
               report.three_public.total, report.three_public.vehicles]
    if doc == SEED:
        entries.append(report.three_public.reception)
    entries.append(report.operating_costs)
    assert [e.change.compared_year.value for e in entries] == [year] * len(entries)
    assert [e.change.compared_year.span for e in entries] == [
        at(text, (line, f"{year}年"), f"{year}年") if text.split("\n")[line - 1].count(
            f"{year}年") == 1 else at(text, (line, f"比{year}年"), f"{year}年")
        for line in where]


@pytest.mark.parametrize(("doc", "where"), [
    (SEED, {"grand_total": ("增加", "增长"), "fiscal_appropriation": ("增加", "增长"),
            "general_budget.total": ("增加", "增长"), "three_public.total": ("减少", "下降"),
            "three_public.vehicles": ("减少", "下降"), "three_public.reception": ("减少", "下降"),
            "three_public.overseas": ("持平", "持平"), "operating_costs": ("减少", "下降")}),
    (PDF, {"grand_total": ("增加", "增长"), "fiscal_appropriation": ("增加", "增长"),
           "general_budget.total": ("增加", "增长"), "three_public.total": ("增加", "增长"),
           "three_public.vehicles": ("增加", "增长"), "three_public.overseas": ("持平", "持平"),
           "three_public.reception": ("持平", "持平"), "operating_costs": ("减少", "下降")}),
])
def test_direction_words(parsed: object, doc: str, where: dict[str, tuple[str, str]]) -> None:
    _, report = parsed(doc)  # type: ignore[operator]
    for path, words in where.items():
        change = resolve(report, path).change
        assert (change.direction.text, change.percent_direction.text) == words, path
        assert change.flat is (words[0] == "持平"), path
        if change.flat:
            assert change.amount is None and change.percent is None


def test_seed_breakdown_names(parsed: object) -> None:
    _, report = parsed(SEED)  # type: ignore[operator]
    assert [e.name.text for e in report.income.items] == [
        "一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "上级补助收入", "事业收入",
        "经营收入", "附属单位上缴收入", "其他收入"]
    assert [e.name.text for e in report.expenditure.items] == [
        "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"]
    assert [e.name.text for e in report.general_budget.classes] == [
        "一般公共服务(类)支出", "文化旅游体育与传媒(类)支出", "社会保障和就业(类)支出",
        "卫生健康(类)支出", "住房保障(类)支出"]


def test_pdf_breakdown_names(parsed: object, ) -> None:
    text, report = parsed(PDF)  # type: ignore[operator]
    assert [e.name.text for e in report.income.items] == ["财政拨款收入", "其他收入"]
    assert [e.name.text for e in report.expenditure.items] == ["基本支出", "项目支出"]
    classes = report.general_budget.classes
    assert [e.name.text for e in classes] == [
        "一般公共服务支出(类)", "社会保障和就业支出(类)", "卫生健康支出(类)", "住房保障支出(类)"]
    assert slice_of(text, classes[2].name) == "卫生健康支出\n（类）"  # broken by the line end
    basic = report.basic_expenditure
    assert (basic.personnel.name.text, basic.public.name.text) == ("人员经费", "公用经费")


SEED_LINES = [
    # number, 类, 款, 项, comparison words
    ("1.", "一般公共服务", "民族事务", "行政运行", "决算数小于预算数"),
    ("2.", "一般公共服务", "民族事务", "一般行政管理事务", None),
    ("3.", "一般公共服务", "民族事务", "民族工作专项", None),
    ("4.", "一般公共服务", "宗教事务", "宗教工作专项", None),
    ("5.", "社会保障和就业", "行政事业单位养老支出", "行政单位离退休", None),
    ("6.", "社会保障和就业", "行政事业单位养老支出", "机关事业单位基本养老保险缴费支出",
     "决算数小于预算数"),
    ("7.", "社会保障和就业", "行政事业单位养老支出", "机关事业单位职业年金缴费支出",
     "决算数小于预算数"),
    ("8.", "卫生健康", "行政事业单位医疗", "行政单位医疗", None),
    ("9.", "卫生健康", "行政事业单位医疗", "公务员医疗补助", "决算数大于预算数"),
    ("10.", "住房保障", "住房改革支出", "住房公积金", "决算数小于预算数"),
]

PDF_LINES = [
    ("1、", "一般公共服务支出", "统计信息事务", "行政运行", "决算数小于预算数"),
    ("2、", "一般公共服务支出", "统计信息事务", "一般行政管理事务", "决算数小于\n预算数"),
    ("3、", "一般公共服务支出", "统计信息事务", "专项统计业务", "决算数小于预算数"),
    ("4、", "一般公共服务支出", "统计信息事务", "统计抽样调查", "决算数与预算数持平"),
    ("5、", "一般公共服务支出", "统计信息事务", "专项普查活动", "决算数小于预算数"),
    ("6、", "社会保障和就业支出", "行政事业单位养老支出", "行政单位离退休", "决\n算数小于预算数"),
    ("7、", "社会保障和就业支出", "行政事业单位养老支出", "机关事业单位基本养老保险缴费支出",
     "决算数小于预算数"),
    ("8、", "社会保障和就业支出", "行政事业单位养老支出", "机关事业单位职业年金缴费支出",
     "决算数小于预算数"),
    ("9、", "卫生健康支出", "行政事业单位医疗", "行政单位医疗", "决算数小于预\n算数"),
    ("10、", "住房保障支出", "住房改革支出", "住房公积金", "决算数小于预算数"),
    ("11、", "住房保障支出", "住房改革支出", "购房补贴", "决算数小于预算数"),
]


@pytest.mark.parametrize(("doc", "want"), [(SEED, SEED_LINES), (PDF, PDF_LINES)])
def test_budget_lines(parsed: object, doc: str, want: list[tuple[object, ...]]) -> None:
    text, report = parsed(doc)  # type: ignore[operator]
    lines = report.general_budget.lines
    assert [(slice_of(text, line.number), line.classification.category.text,
             line.classification.group.text, line.classification.item.text,
             slice_of(text, line.comparison)) for line in lines] == want
    for line in lines:
        assert line.classification.level == "项"
        assert line.share is None and line.restated == ()
    if doc == PDF:
        assert all(line.completion is None for line in lines)
        assert slice_of(text, report.general_budget.execution.comparison) == "决算数小于预算数"
    else:  # lines that state no budget: 完成预算100% only
        assert [line.budget is None for line in lines] == [
            cmp is None for *_, cmp in want]


def test_seed_three_public_words(parsed: object) -> None:
    _, report = parsed(SEED)  # type: ignore[operator]
    tp = report.three_public
    assert tp.overseas.no_budget.text == "年初未安排预算"
    assert tp.overseas.budget is None and tp.overseas.completion is None
    assert tp.absent is None
    assert [e.name.text for e in tp.vehicles_bought_by_kind] == ["轿车", "越野车", "载客汽车"]
    assert [e.name.text for e in tp.fleet_by_kind] == ["轿车", "越野车", "载客汽车"]
    assert tp.domestic.counts == (tp.domestic_batches, tp.domestic_visitors)
    assert tp.foreign.counts == (tp.foreign_batches, tp.foreign_visitors)
    assert tp.total.counts == ()


def test_pdf_three_public_words(parsed: object) -> None:
    text, report = parsed(PDF)  # type: ignore[operator]
    tp = report.three_public
    assert slice_of(text, tp.total.comparison) == "决算数小于预算数"
    assert tp.total.comparison.span == at(text, 260, "决算数小于预算数")
    # the narrative states no budget for the parts (the 三公 table of 第二部分 does)
    assert (tp.overseas.budget, tp.vehicles.budget, tp.reception.budget) == (None, None, None)
    assert tp.overseas.change.direction.span == at(text, 263, "持平")
    assert tp.reception.change.direction.span == at(text, 264, "持平")


def test_pdf_three_public_total_has_no_counts(parsed: object) -> None:
    _, report = parsed(PDF)  # type: ignore[operator]
    assert report.three_public.total.counts == ()


def test_pdf_fund_budgets_absent(parsed: object) -> None:
    text, report = parsed(PDF)  # type: ignore[operator]
    for fund, line, words in ((report.government_fund, 282, "无政府性基金预算财政拨款收入和支出"),
                              (report.state_capital, 284, "无国有资本经营预算财政拨款收入和支出")):
        assert fund.absent is not None
        assert fund.absent.text == words
        assert fund.absent.span == at(text, line, words)
        assert fund.total is None and fund.lines == ()


@pytest.mark.parametrize(("doc", "equipment"), [
    (SEED, ["单价50万元以上通用设备", "单价100万元以上专用设备"]),
    (PDF, ["单价100万元(含)以上设备(不含车辆)"]),
])
def test_assets_words(parsed: object, doc: str, equipment: list[str]) -> None:
    _, report = parsed(doc)  # type: ignore[operator]
    assert [e.name.text for e in report.assets.equipment] == equipment


def test_pdf_performance_not_evaluated(parsed: object) -> None:
    _, report = parsed(PDF)  # type: ignore[operator]
    assert report.performance.evaluated is None  # the text names no 自行组织…绩效评价
    assert report.project_tables == ()


# --------------------------------------------------------------------------- sections


def test_pdf_narrative_sections(parsed: object) -> None:
    text, report = parsed(PDF)  # type: ignore[operator]
    assert [r.kind for r in report.sections] == [
        K.CONTENTS, K.OVERVIEW, K.TABLES, K.NARRATIVE, K.GLOSSARY]
    narrative = report.sections[3]
    assert slice_of(text, narrative.number) == "第三部分"
    assert [(slice_of(text, s.number), s.kind) for s in narrative.children] == [
        ("一、", K.OVERALL), ("二、", K.INCOME), ("三、", K.EXPENDITURE),
        ("四、", K.FISCAL_APPROPRIATION), ("五、", K.GENERAL_BUDGET), ("六、", K.BASIC_EXPENDITURE),
        ("七、", K.THREE_PUBLIC), ("八、", K.GOVERNMENT_FUND), ("九、", K.STATE_CAPITAL),
        ("十、", K.PERFORMANCE), ("十一、", K.OTHER_MATTERS)]
    assert narrative.children[-1].ordinal == 11
    assert [s.kind for s in narrative.children[-1].children] == [
        K.OPERATING_COSTS, K.PROCUREMENT, K.ASSETS]
    assert slice_of(text, report.sections[4].number) == "第四部分"
    assert len(report.glossary) == 11


def test_pdf_functions_have_no_subsections(parsed: object) -> None:
    _, report = parsed(PDF)  # type: ignore[operator]
    functions = report.sections[1].children[0]
    assert functions.kind is K.FUNCTIONS
    assert functions.children == ()


def test_seed_sections(parsed: object) -> None:
    text, report = parsed(SEED)  # type: ignore[operator]
    assert [(r.kind, slice_of(text, r.number)) for r in report.sections] == [
        (K.OVERVIEW, "第一部分"), (K.NARRATIVE, "第二部分"), (K.GLOSSARY, "第三部分"),
        (K.ANNEXES, "第四部分")]
    narrative = report.sections[1]
    assert [(slice_of(text, s.number), s.kind) for s in narrative.children] == [
        ("一、", K.OVERALL), ("二、", K.INCOME), ("三、", K.EXPENDITURE),
        ("四、", K.FISCAL_APPROPRIATION), ("五、", K.GENERAL_BUDGET), ("六、", K.BASIC_EXPENDITURE),
        ("七、", K.THREE_PUBLIC), ("八、", K.GOVERNMENT_FUND), ("九、", K.STATE_CAPITAL),
        ("十、", K.OTHER_MATTERS)]
    assert [(slice_of(text, a.number), a.title.text) for a in report.annexes] == [
        ("附件1", "桐川区民族宗教事务局2021年部门整体支出绩效评价报告"),
        ("附件2", "民族团结进步宣传月活动经费项目2021年绩效评价报告")]
    assert len(report.glossary) == 8
    assert report.glossary[4].term.text == "一般公共服务(类)民族事务(款)行政运行(项)"


# --------------------------------------------------------------------------- project table

SEED_INDICATORS = [
    # level 1, level 2, level 3, target as written, actual as written, verdict
    ("项目完成指标", "数量指标", "培训民族工作骨干人数", "≥40人", "42人", Verdict.MET),
    ("项目完成指标", "数量指标", "政策宣讲场次", "≥8场", "9场", Verdict.MET),  # 二级 continued
    ("项目完成指标", "质量指标", "宣讲活动计划完成率", "100%", "100%", Verdict.MET),
    ("项目完成指标", "时效指标", "宣传月活动完成时间", "2021年12月底前", "2021年11月", Verdict.MET),
    ("项目完成指标", "成本指标", "宣传月活动经费", "全年共计5万元", "已支付5万元", Verdict.MET),
    ("效益指标", "社会效益指标", "各族群众民族团结意识", "明显增强", "明显增强", Verdict.UNKNOWN),
    ("满意度指标", "服务对象满意度", "参与群众满意度", "≥95%", "97%", Verdict.MET),
]


def test_seed_project_table(parsed: object) -> None:
    text, report = parsed(SEED)  # type: ignore[operator]
    (table,) = report.project_tables
    assert slice_of(text, table.name) == "民族团结进步宣传月活动经费"
    assert slice_of(text, table.unit) == "桐川区民族宗教事务局"
    assert table.goal.span == at(text, 118, table.goal.text)
    assert table.goal_achieved.span == at(text, 119, table.goal_achieved.text)
    assert [(i.level1.text, i.level2.text, i.level3.text, slice_of(text, i.target.text),
             slice_of(text, i.actual.text), i.verdict()) for i in table.indicators] == \
        SEED_INDICATORS
    quantity, sessions, _, deadline, cost, _, satisfaction = table.indicators
    assert (quantity.target.comparator, quantity.target.value, quantity.target.unit) == (
        Comparator.GE, Decimal(40), "人")
    assert (sessions.target.comparator, sessions.target.value, sessions.target.unit) == (
        Comparator.GE, Decimal(8), "场")
    assert (deadline.target.comparator, deadline.target.year, deadline.target.month) == (
        Comparator.LE, 2021, 12)
    assert (deadline.actual.year, deadline.actual.month) == (2021, 11)
    assert (cost.target.value, cost.target.unit, cost.actual.value) == (
        Decimal(5), "万元", Decimal(5))
    assert (satisfaction.target.comparator, satisfaction.target.value,
            satisfaction.actual.value) == (Comparator.GE, Decimal(95), Decimal(97))
