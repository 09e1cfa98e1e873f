"""Performance forms in shapes a red team found false errors on (red team 11, texts of our
own): consistent forms give no error, and the slips they hide are still found."""

from __future__ import annotations

import pytest

import finreport


def _found(text: str) -> list[str]:
    return [f.code for f in finreport.check(finreport.parse(text))
            if f.severity is not finreport.Severity.INFO]


_MONEY = (
    "项目资金（万元）          年初预算数    {budget}    {executed}    分值    {rate}      得分\n"
    "年度资金总额              200.00        240.00        228.00          10    {pct}        9.50\n"
    "其中：财政拨款            200.00        220.00        210.00          —      —          —\n"
    "其他资金                  0.00          20.00         18.00           —      —          —\n")
_GRID = ("一级指标    二级指标            三级指标               年度指标值        实际完成值"
         "        分值    得分\n")


def _evaluation(money: str = _MONEY.format(budget="全年预算数", executed="全年执行数",
                                           rate="执行率", pct="95.00%"),
                middle: str = "") -> str:
    return (
        "临江市文化馆2025年度项目支出绩效自评表\n项目名称            非遗传承保护经费\n" + money + _GRID
        + "产出指标    数量指标            展演场次               ≥40场            42场"
        "               30      30\n"
        "            质量指标            展演完成率             ≥95%             98%"
        "                 20      20\n" + middle
        + "效益指标    社会效益指标        群众参与人次           ≥8000人次        8600人次"
        "            20      20\n"
        "满意度指标  服务对象满意度指标  观众满意度             ≥90%             94%"
        "                 20      20\n"
        "总分                                                                                "
        "        100   99.50\n")


def test_a_grid_heading_repeated_after_a_page_break_goes_on_with_the_grid() -> None:
    text = _evaluation(middle="                                                  - 3 -\n\f" + _GRID)
    report = finreport.parse(text)
    assert len(report.performance_forms) == 1
    assert [i.level3.text if i.level3 else None for i in report.performance_forms[0].indicators] == [
        "展演场次", "展演完成率", "群众参与人次", "观众满意度"]
    assert _found(text) == []
    # the scores are still added up: one point more in the total is found
    assert "FR615" in _found(text.replace("100   99.50", "100   98.50"))


def test_money_headings_lettered_a_and_b_are_read() -> None:
    lettered = _MONEY.format(budget="全年预算数（A）", executed="全年执行数（B）",
                             rate="执行率（B/A）", pct="95.00%")
    form = finreport.parse(_evaluation(lettered)).performance_forms[0]
    assert form.execution_rate is not None and str(form.execution_rate.value) == "95.00"
    assert _found(_evaluation(lettered)) == []
    slipped = _MONEY.format(budget="全年预算数（A）", executed="全年执行数（B）",
                            rate="执行率（B/A）", pct="98.00%")
    assert "FR613" in _found(_evaluation(slipped))


def test_an_indicator_whose_score_was_not_read_leaves_the_sums_unchecked() -> None:
    # 成本指标 under 产出指标 (the older template) on a row with no first level: the row is
    # read against the wrong columns and its score is lost; the sums are not checked
    text = _evaluation(middle="            成本指标            人均展演成本           ≤900元"
                              "           860元               0       0\n")
    report = finreport.parse(text)
    unread = [i.level3.text for i in report.performance_forms[0].indicators
              if i.level3 is not None and (i.weight is None or i.score is None)]
    assert unread == ["人均展演成本"]
    audit = finreport.audit(report)
    assert [f.code for f in audit.findings if f.code in ("FR615", "FR616")] == []
    assert sorted(c.code for c in audit.checks if c.code in ("FR615", "FR616")
                  and c.outcome is finreport.Outcome.ABSTAINED) == ["FR615", "FR616"]


def test_a_department_s_form_is_not_held_to_a_project_s_levels() -> None:
    text = ("临江市教育局2025年度部门整体支出绩效自评表\n部门名称            临江市教育局\n"
            + _MONEY.format(budget="全年预算数", executed="全年执行数", rate="执行率",
                            pct="95.00%") + _GRID
            + "履职效能    部门履职目标        教师培训覆盖率         ≥95%             96%"
            "                 45      45\n"
            "管理效率    预算执行效率        预算执行率             ≥90%             95%"
            "                 45      40\n"
            "总分                                                                         "
            "               100   94.50\n")
    report = finreport.parse(text)
    assert [f.kind for f in report.performance_forms] == [
        finreport.FormKind.DEPARTMENT_EVALUATION]
    assert "FR620" not in _found(text)


_TARGETS = ("临江市文化馆2026年项目支出绩效目标表\n项目名称            非遗传承保护经费\n"
            "资金总额            {total}\n财政拨款            110.00\n其中：上年结转      20.00\n"
            "其他资金            10.00\n"
            "一级指标    二级指标            三级指标               年度指标值\n"
            "产出指标    数量指标            展演场次               ≥40场\n"
            "效益指标    社会效益指标        群众参与人次           ≥8000人次\n")


def test_a_carry_over_under_the_appropriation_is_not_added_as_a_source() -> None:
    # 其中：上年结转 may be a part of 财政拨款: the sources make the whole without it
    assert "FR611" not in _found(_TARGETS.format(total="120.00"))
    # a whole that no reading of the lines makes is still found
    assert "FR611" in _found(_TARGETS.format(total="125.00"))


_ONE_CELL = (
    "临江市文化馆2026年项目支出绩效目标表（含转移支付项目）\n部门名称：临江市文化馆\n"
    "项目名称（资金使用单位）  总计        财政拨款    财政专户拨款  其他资金    绩效目标"
    "              绩效指标\n"
    "合计                          {total}       60.00       30.00\n"
    "                                                                                1、1－产出"
    "指标，11－数量指标，展演场次；实施周期指标值：≥20场，年度指标值：≥20场；\n"
    "培训收费安排项目               30.00                   30.00            保障展演运行。"
    "    2、2－效益指标，22－社会效益指标，展演保障率；实施周期指标值：100%，年度指标值：100%；\n"
    "                                                                                1、1－产出"
    "指标，11－数量指标，培训人次；实施周期指标值：≥500人次，年度指标值：≥500人次；\n"
    "非遗传承保护经费               60.00       60.00                        开展传承活动。"
    "        2、2－效益指标，22－社会效益指标，培训合格率；实施周期指标值：≥95%，年度指标值：≥95%；\n")


@pytest.mark.parametrize(("total", "found"), [("90.00", False), ("95.00", True)])
def test_a_project_paid_from_one_source_is_placed_under_its_column(total: str,
                                                                   found: bool) -> None:
    # the project's 30.00 stands under 财政专户拨款: not added to the 财政拨款 of 合计
    codes = _found(_ONE_CELL.format(total=total))
    assert ("FR612" in codes or "FR611" in codes) is found


@pytest.mark.parametrize(("row", "found"), [
    # 合计 of every score, the execution's included
    ("合计                                                                                "
     "        100   99.50\n", False),
    # 合计 of the indicators alone
    ("合计                                                                                "
     "        90   90\n", False),
    # 合计 that neither makes
    ("合计                                                                                "
     "        100   97.50\n", True),
])
def test_a_total_row_named_heji_is_read_and_checked(row: str, found: bool) -> None:
    text = _evaluation().replace(
        "总分                                                                                "
        "        100   99.50\n", row)
    assert text != _evaluation()
    assert ("FR615" in _found(text)) is found
