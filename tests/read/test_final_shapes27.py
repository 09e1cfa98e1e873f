"""Figures of final accounts (and budgets of counties) that look comparable but are other
quantities: another basis, period, scope or unit (red team 27: 229 false errors in 24 of 24
final accounts of unseen provinces; red team 28: 88 in 14 of 24 county budgets).  Texts
of our own."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import finreport

_FINAL = "某县统计局2025年度部门决算\n第二部分 2025年度部门决算情况说明\n"
_DETAIL = "五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n"
_LINE = "1.一般公共服务支出（类）统计信息事务（款）行政运行（项）："


def _findings(text: str) -> list[tuple[str, str]]:
    return [(f.code, text[f.span.start:f.span.end])
            for f in finreport.check(finreport.parse(text)) if f.code not in ("FR903", "FR602")]


def test_two_completion_rates_are_each_of_its_own_budget() -> None:
    # 完成年初预算的x%，完成调整预算的y%: the first is the line's, of the initial budget
    text = (_FINAL + _DETAIL + _LINE + "年初预算为200.00万元，调整预算为300.00万元，支出决算为240.00万元，"
            "完成年初预算的{rate}%，完成调整预算的80.00%。\n")
    [line] = finreport.parse(text.format(rate="120.00")).general_budget.lines
    assert line.completion is not None and line.completion.value == Decimal("120.00")
    assert line.completion_of is None and line.adjusted is not None
    assert _findings(text.format(rate="120.00")) == []
    assert _findings(text.format(rate="125.00")) == [("FR401", "125.00%")]


def test_a_change_of_the_budget_during_the_year_is_no_amount_spent() -> None:
    text = (_FINAL + _DETAIL + _LINE + "年初预算{initial}万元，年中追加50.00万元，全年预算150.00万元，"
            "支出决算120.00万元，完成年初预算的120.00%。决算数大于年初预算数。\n")
    [line] = finreport.parse(text.format(initial="100.00")).general_budget.lines
    assert line.amount is not None and line.budget is not None and line.adjusted is not None
    assert (line.amount.value, line.budget.value, line.adjusted.value) == (
        Decimal("120.00"), Decimal("100.00"), Decimal("150.00"))
    assert line.budget_change is not None and line.budget_change.amount is not None
    assert line.budget_change.amount.value == Decimal("50.00")
    assert _findings(text.format(initial="100.00")) == []
    # 年初预算 + 年中追加 ≠ 全年预算
    assert ("FR405", "150.00万元") in _findings(text.format(initial="90.00"))


@given(st.integers(1, 10**6), st.integers(0, 10**6), st.booleans())
def test_a_consistent_budget_change_gives_nothing(initial: int, change: int, cut: bool) -> None:
    if cut and change > initial:
        change = initial
    full = initial - change if cut else initial + change
    word = "调减" if cut else "追加"
    text = (_FINAL + _DETAIL + _LINE + f"年初预算{Decimal(initial) / 100:.2f}万元，年中{word}"
            f"{Decimal(change) / 100:.2f}万元，全年预算{Decimal(full) / 100:.2f}万元。\n")
    assert [code for code, _ in _findings(text) if code == "FR405"] == []


def test_budgets_in_brackets_inside_the_rates_words() -> None:
    text = (_FINAL + _DETAIL + "2025年度一般公共预算财政拨款支出决算900.00万元，完成年初预算（1000.00万元）"
            "的90.00%，完成全年预算（950.00万元）的94.74%。\n")
    execution = finreport.parse(text).general_budget.execution
    assert execution is not None and execution.budget is not None and execution.adjusted
    assert (execution.budget.value, execution.adjusted.value) == (Decimal("1000.00"),
                                                                  Decimal("950.00"))
    assert _findings(text) == []


_THREE = "七、“三公”经费财政拨款支出决算情况说明\n"


def test_the_year_before_s_three_public_total_in_the_same_sentence() -> None:
    # …；2024年度“三公”经费…决算20万元，比上年增加10万元: another year's amount, and a
    # change that may be of either: nobody's
    text = (_FINAL + _THREE + "2025年度“三公”经费财政拨款支出决算30.00万元，2025年度预算40.00万元，"
            "完成预算的75.00%；2024年度“三公”经费财政拨款支出决算20.00万元，比上年增加10.00万元，"
            "增长50.00%。\n")
    report = finreport.parse(text)
    total = report.three_public.total
    assert total is not None and total.amount is not None
    assert total.amount.value == Decimal("30.00") and total.restated == ()
    assert sorted((u.reason, u.text) for u in report.unrecognized) == [
        ("unattributed", "10.00万元"), ("unattributed", "50.00%")]
    assert _findings(text) == []


@pytest.mark.parametrize("first", ["0.00", "8.00"])
def test_items_with_a_run_in_title_are_about_it(first: str) -> None:
    # （一）因公出国（境）费。2025年度预算为…: the title names what the item's figures are
    text = (_FINAL + _THREE + f"（一）因公出国（境）费。2025年度预算为{first}万元，支出决算为{first}万元，"
            "与上年持平。\n（二）公务用车购置及运行维护费。2025年度预算为30.00万元，支出决算为25.00万元，"
            "完成预算的83.33%，较2024年度决算数20.00万元增加5.00万元，增长25.00%。\n")
    t = finreport.parse(text).three_public
    assert t.overseas is not None and t.overseas.amount is not None
    assert t.overseas.amount.value == Decimal(first)
    assert t.vehicles is not None and t.vehicles.amount is not None
    assert t.vehicles.amount.value == Decimal("25.00")
    assert _findings(text) == []
    assert _findings(text.replace("增长25.00%", "增长20.00%")) == [("FR301", "20.00%")]


def test_a_part_stated_again_in_another_scope_is_no_further_part() -> None:
    text = (_FINAL + "三、支出决算情况说明\n2025年度本年支出合计1000.00万元，其中：基本支出600.00万元，"
            "占本年支出合计的60.00%；项目支出400.00万元，占本年支出合计的40.00%。\n"
            "基本支出（含财政拨款和其他资金）600.00万元，包括人员经费500.00万元和公用经费100.00万元。\n"
            "按全部资金口径，基本支出中人员经费500.00万元，公用经费100.00万元。\n")
    assert _findings(text) == []
    assert _findings(text.replace("项目支出400.00", "项目支出410.00")) == [
        ("FR101", "1000.00万元"), ("FR201", "40.00%")]


def test_a_share_of_this_year_s_spending_after_last_year_s_is_of_this_year_s() -> None:
    text = (_FINAL + "三、支出决算情况说明\n本年支出合计1000.00万元。基本支出600.00万元，占本年支出合计的"
            "60.00%；项目支出400.00万元，占本年支出合计的40.00%。上年本年支出合计为1200.00万元。\n"
            "五、一般公共预算财政拨款支出决算情况说明\n（一）一般公共预算财政拨款支出决算总体情况\n"
            "2025年度一般公共预算财政拨款支出800.00万元，占本年支出合计的{share}%。\n")
    assert _findings(text.format(share="80.00")) == []
    assert _findings(text.format(share="66.67")) == [("FR201", "66.67%")]


def test_the_year_before_s_amount_inside_the_comparison() -> None:
    text = (_FINAL + "一、收入支出决算总体情况说明\n2025年度收入、支出总计均为1000.00万元，与2024年度收、支"
            "总计1200.00万元相比，减少200.00万元，下降{rate}%。\n")
    change = finreport.parse(text.format(rate="16.67")).grand_total.change
    assert change is not None and change.prior is not None
    assert change.prior.value == Decimal("1200.00")
    assert _findings(text.format(rate="16.67")) == []
    assert _findings(text.format(rate="14.29")) == [("FR301", "14.29%")]


def test_one_kind_s_awards_are_not_the_awards_total() -> None:
    text = (_FINAL + "十、其他重要事项的情况说明\n（二）政府采购支出情况\n2025年度政府采购支出总额100.00万元，"
            "其中：政府采购货物支出40.00万元、政府采购工程支出0.00万元、政府采购服务支出60.00万元。其中，"
            "货物类采购授予中小企业合同金额20.00万元。全年授予中小企业合同金额合计80.00万元，占政府采购"
            "支出总额的80.00%，其中授予小微企业合同金额60.00万元，占75.00%。\n")
    procurement = finreport.parse(text).procurement
    assert procurement.sme is not None and procurement.sme.amount is not None
    assert procurement.sme.amount.value == Decimal("80.00")
    assert _findings(text) == []


def test_a_total_s_words_introducing_its_parts_are_no_restatement() -> None:
    text = (_FINAL + "一、收入支出决算总体情况说明\n2025年度收入总计1000.00万元，支出总计1000.00万元。\n"
            "收入总计包括本年收入合计900.00万元、年初结转和结余100.00万元；支出总计包括本年支出合计950.00"
            "万元、年末结转和结余50.00万元。\n")
    assert _findings(text) == []


def test_the_carry_over_at_the_year_s_start_and_end_are_two_quantities() -> None:
    text = (_FINAL + "四、财政拨款收入支出决算总体情况说明\n其中：年初财政拨款结转和结余30.00万元，本年财政拨款"
            "收入820.00万元；本年财政拨款支出800.00万元，年末财政拨款结转和结余50.00万元。\n")
    assert _findings(text) == []


_UNITS = """某县文化和旅游局2026年部门预算
一、收支预算总体情况
（一）部门汇总收支预算
2026年部门收支预算总计3000.00万元，比2025年预算数增加100.00万元，增长3.45%。支出预算包括：基本支出1600.00万元，项目支出1400.00万元。
（二）某县文化和旅游局本级收支预算
2026年某县文化和旅游局本级收支预算总计2000.00万元，比上年预算数增加50.00万元，增长2.56%。支出预算中，基本支出1100.00万元，项目支出900.00万元。
（三）某县图书馆收支预算
2026年某县图书馆收支预算总计1000.00万元，比上年预算数增加50.00万元，增长5.26%。支出预算中，基本支出500.00万元，项目支出500.00万元。
三、支出预算情况
2026年支出预算总计3000.00万元，其中：基本支出{basic}万元，占53.33%；项目支出1400.00万元，占46.67%。
"""


def test_a_unit_s_own_figures_are_another_scope_than_the_department_s() -> None:
    assert _findings(_UNITS.format(basic="1600.00")) == []
    # the department's own 基本支出 stated twice with two values is still found
    assert ("FR501", "1600.00万元") in _findings(_UNITS.format(basic="1650.00"))


def test_a_line_named_after_the_total_s_words_is_no_restatement_of_it() -> None:
    text = ("某县卫生健康局2026年部门预算\n五、一般公共预算当年拨款情况\n（一）总体情况。2026年一般公共预算当年"
            "拨款4000.00万元，比2025年预算数增加100.00万元，增长2.56%。\n（三）具体使用情况。2026年一般公共"
            "预算当年拨款具体使用情况如下：\n社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位"
            "基本养老保险缴费支出（项）：2026年预算数231.10万元。\n")
    gb = finreport.parse(text).general_budget
    assert gb is not None and gb.total is not None and gb.total.restated == ()
    assert _findings(text) == []


@pytest.mark.parametrize(("amount", "rate", "expected"), [
    ("-15.89", "-3.56", []),
    ("-15.79", "-3.56", ["FR307", "FR301"]),
    ("-15.89", "-3.97", ["FR301"]),
])
def test_a_signed_change_of_a_word_of_no_direction(amount: str, rate: str,
                                                    expected: list[str]) -> None:
    # 增减额-15.79万元，增减率-3.56%: the sign gives the direction
    text = ("某镇人民政府2026年部门预算\n五、一般公共预算当年拨款情况\n（三）具体使用情况\n"
            "一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）：2026年预算数430.76万元，"
            f"2025年预算数446.65万元，增减额{amount}万元，增减率{rate}%。\n")
    assert [code for code, _ in _findings(text)] == expected


def test_a_completion_rate_written_as_a_share_of_the_budget() -> None:
    # 决算数为年初预算数的90.00%: a completion rate, without 完成
    text = (_FINAL + _DETAIL + "一般公共预算财政拨款支出年初预算数1000.00万元，决算数900.00万元，决算数为年初"
            "预算数的{rate}%。\n")
    assert _findings(text.format(rate="90.00")) == []
    assert _findings(text.format(rate="92.00")) == [("FR401", "92.00%")]


_FUND = ("某镇人民政府2026年部门预算\n八、政府性基金预算支出情况\n2026年政府性基金预算拨款支出1000.00万元，比"
         "2025年预算数增加100.00万元，增长11.11%。具体包括：城乡社区支出（类）国有土地使用权出让收入安排的"
         "支出（款）农村基础设施建设支出（项）{first}万元；其他支出（类）彩票公益金安排的支出（款）用于"
         "社会福利的彩票公益金支出（项）400.00万元。\n")


def test_a_fund_s_unnumbered_lines_are_its_lines() -> None:
    fund = finreport.parse(_FUND.format(first="600.00")).government_fund
    assert fund is not None
    assert [(line.classification.path, line.amount.value if line.amount else None)
            for line in fund.lines] == [
        ("城乡社区支出（类）国有土地使用权出让收入安排的支出（款）农村基础设施建设支出（项）",
         Decimal("600.00")),
        ("其他支出（类）彩票公益金安排的支出（款）用于社会福利的彩票公益金支出（项）", Decimal("400.00"))]
    assert _findings(_FUND.format(first="600.00")) == []
    # the 项 lines, each its own, add up to more than the fund
    assert _findings(_FUND.format(first="600.40")) == [("FR101", "600.40万元")]
