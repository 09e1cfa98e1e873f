"""Figures that look comparable but are other quantities (red team 25: budgets of 24
provinces the corpus does not have, full of figures of another year, scope or basis; 69
false errors in 24 of 24 texts before).  Texts of our own."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import finreport
from finreport.model.facts import Scope

_HEAD = "某市某局2026年部门预算\n第二部分 2026年部门预算情况说明\n"
_THREE = ("一、一般公共预算“三公”经费支出预算情况说明\n"
          "2026年一般公共预算安排的“三公”经费预算{total}万元，比2025年预算数减少10.00万元，"
          "下降{rate}%。其中：因公出国（境）费0.00万元；公务用车购置及运行维护费{cars}万元；"
          "公务接待费{reception}万元。\n")

_OTHER_QUANTITIES = {
    # the year before the year before, as final accounts state it
    "2024 final": "2024年“三公”经费财政拨款决算数为54.75万元。\n",
    # every source of money, the clause before the subject saying so
    "all funds": "按全部资金口径（含单位资金），2026年“三公”经费预算52.00万元，其中单位资金安排"
                 "2.00万元。\n",
    # the units' own money, and the sum of both
    "own funds": "另外，使用单位资金安排“三公”经费3.00万元，全部资金“三公”经费合计53.00万元。\n",
}


def _three(total: str = "50.00", cars: str = "30.00", reception: str = "20.00",
           rate: str = "16.67") -> str:
    return _HEAD + _THREE.format(total=total, cars=cars, reception=reception, rate=rate)


def _errors(text: str) -> list[tuple[str, str]]:
    return [(f.code, text[f.span.start:f.span.end]) for f in finreport.check(finreport.parse(text))
            if f.code != "FR903"]


@pytest.mark.parametrize("other", sorted(_OTHER_QUANTITIES))
def test_three_public_expenses_of_another_year_or_scope_are_no_restatement(other: str) -> None:
    text = _three() + _OTHER_QUANTITIES[other]
    report = finreport.parse(text)
    total = report.three_public.total
    assert total is not None and total.amount is not None
    assert total.amount.value == Decimal("50.00") and total.restated == ()
    assert _errors(text) == []


def test_the_scope_of_each_other_three_public_total() -> None:
    text = _three() + _OTHER_QUANTITIES["all funds"] + _OTHER_QUANTITIES["own funds"]
    report = finreport.parse(text)
    scopes = {s.amount.value: s.scope for s in report.statements if s.amount is not None}
    assert scopes[Decimal("52.00")] is Scope.ALL_FUNDS
    assert scopes[Decimal("3.00")] is Scope.OWN_FUNDS
    assert scopes[Decimal("53.00")] is Scope.ALL_FUNDS


def test_a_wrong_part_is_still_found_beside_other_quantities() -> None:
    text = _three(cars="31.00") + "".join(_OTHER_QUANTITIES.values())
    assert ("FR101", "50.00万元") in _errors(text)


_OVERVIEW = ("一、收支预算总体情况\n2026年收支预算总计1000.00万元，比2025年预算数增加100.00万元，"
             "增长11.11%。\n{between}收入包括本年收入900.00万元和上年结转{carried}万元；支出包括基本支出"
             "600.00万元和项目支出400.00万元。\n")


@pytest.mark.parametrize("between", ["（2024年决算数为950.00万元。）\n",
                                     "2024年度部门决算收支总计为950.00万元。\n"])
def test_a_list_of_this_year_s_parts_is_not_the_year_before_s(between: str) -> None:
    text = _HEAD + _OVERVIEW.format(between=between, carried="100.00")
    report = finreport.parse(text)
    assert all(listed.total is None or listed.total.amount is None
               or listed.total.amount.value != Decimal("950.00") for listed in report.lists)
    assert _errors(text) == []


_UNITS = ("一、收支预算总体情况\n2026年收支预算总计1000.00万元，与2025年{basis}相比，减少100.00万元，"
          "下降9.09%。\n分单位看，本级700.00万元，与2025年{basis}相比，增加200.00万元，增长{rate}%。\n")


@pytest.mark.parametrize("basis", ["年初预算数", "预算数"])
def test_a_change_against_an_initial_budget_is_its_own_subject_s(basis: str) -> None:
    text = _HEAD + _UNITS.format(basis=basis, rate="40.00")
    assert _errors(text) == []
    # the unit's own rate is checked against its own amount
    assert _errors(_HEAD + _UNITS.format(basis=basis, rate="45.00")) == [("FR301", "45.00%")]


def test_a_three_public_rate_against_an_initial_budget_is_checked() -> None:
    text = _three(rate="16.67").replace("比2025年预算数", "比2025年年初预算数")
    assert _errors(text) == []
    assert _errors(text.replace("16.67%", "18.67%")) == [("FR301", "18.67%")]


@given(st.integers(0, 500_000), st.integers(0, 500_000), st.integers(1, 500_000),
       st.sampled_from(sorted(_OTHER_QUANTITIES)))
def test_consistent_three_public_with_other_quantities_give_nothing(
        cars: int, reception: int, before_extra: int, other: str) -> None:
    total = cars + reception
    before = total + before_extra  # a fall of before_extra cents
    rate = (Decimal(before_extra) * 100 / Decimal(before)).quantize(Decimal("0.01"))
    text = (_HEAD + _THREE.format(total=f"{Decimal(total) / 100:.2f}",
                                  cars=f"{Decimal(cars) / 100:.2f}",
                                  reception=f"{Decimal(reception) / 100:.2f}", rate=rate)
            .replace("减少10.00万元", f"减少{Decimal(before_extra) / 100:.2f}万元")
            + _OTHER_QUANTITIES[other])
    assert _errors(text) == []


_SOURCES = ("一、收入预算情况说明\n2026年收入预算总计1100.00万元，其中本年收入1000.00万元，上年结转"
            "100.00万元。{whole}包括：一般公共预算拨款收入800.00万元，占本年收入的{share}%；事业收入"
            "{fees}万元，占本年收入的15.00%；其他收入50.00万元，占本年收入的5.00%。\n")


def test_a_sentence_listing_this_year_s_income_names_its_whole_stated_before() -> None:
    # 其中本年收入1000万元…。本年收入包括：…: every part of this year's income, its shares
    # of it
    text = _HEAD + _SOURCES.format(whole="本年收入", share="80.00", fees="150.00")
    report = finreport.parse(text)
    [listed] = [b for b in report.lists if b.total is not None and b.total.amount is not None
                and b.total.amount.value == Decimal("1000.00")]
    assert [p.amount.value for p in listed.items if p.amount] == [
        Decimal("800.00"), Decimal("150.00"), Decimal("50.00")]
    assert listed.partial is False
    assert _errors(text) == []
    assert _errors(_HEAD + _SOURCES.format(whole="本年收入", share="80.00", fees="150.05")) == [
        ("FR101", "1000.00万元")]
    assert _errors(_HEAD + _SOURCES.format(whole="本年收入", share="72.73", fees="150.00")) == [
        ("FR201", "72.73%")]


def test_a_list_naming_its_whole_by_other_words_is_not_taken() -> None:
    # 收入包括：… after 收入预算总计 and 本年收入: which of them is not sure
    text = _HEAD + _SOURCES.format(whole="收入", share="80.00", fees="150.05")
    report = finreport.parse(text)
    assert not any(b.total is not None and b.total.amount is not None
                   and b.total.amount.value == Decimal("1000.00") and len(b.items) == 3
                   for b in report.lists)


_APPROPRIATION = ("一、财政拨款收支预算总体情况说明\n财政拨款收入中，一般公共预算当年拨款{first}万元，比2025年"
                  "执行数增加50.00万元，增长5.88%。\n二、一般公共预算支出预算情况说明\n"
                  "（一）总体情况。2026年一般公共预算当年拨款900.00万元，比2025年预算数增加100.00万元，"
                  "增长12.50%；加上年结转100.00万元，一般公共预算支出预算1000.00万元。\n")


def test_the_general_budget_s_total_named_again_elsewhere_is_one_quantity() -> None:
    assert _errors(_HEAD + _APPROPRIATION.format(first="900.00")) == []
    assert _errors(_HEAD + _APPROPRIATION.format(first="900.10")) == [("FR501", "900.10万元")]
    # of another year, the same words are another quantity
    text = _HEAD + _APPROPRIATION.format(first="900.00").replace(
        "财政拨款收入中，一般公共预算当年拨款900.00万元，比2025年执行数增加50.00万元，增长5.88%",
        "2025年一般公共预算当年拨款850.00万元")
    assert _errors(text) == []
