"""Shapes of 2026 budgets that gave false errors (red team 21, texts of our own): the
general budget stated as a whole with the carry-over before this year's appropriation it
is broken down by, and the number of units written before its noun."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import finreport

_GB = ("某市某区民政局2026年部门预算\n第二部分 2026年部门预算情况说明\n一、一般公共预算当年拨款支出情况\n"
       "2026年一般公共预算支出{whole}万元，其中：当年拨款{own}万元，上年结转{carried}万元。\n"
       "（一）一般公共预算当年拨款规模变化情况\n"
       "2026年一般公共预算当年拨款{own}万元，比上年增加100.00万元，增长{rate}%。\n"
       "（二）一般公共预算当年拨款结构情况\n"
       "社会保障和就业支出{a}万元，占{sa}%；住房保障支出{b}万元，占{sb}%。\n")


def _money(cents: int) -> str:
    return f"{Decimal(cents) / 100:.2f}"


def _share(part: int, whole: int) -> str:
    return f"{(Decimal(part) * 100 / Decimal(whole)).quantize(Decimal('0.01'))}"


def _gb(a: int, b: int, carried: int) -> str:
    own = a + b
    rate = (Decimal(10000) * 100 / Decimal(own - 10000)).quantize(Decimal("0.01"))
    return _GB.format(whole=_money(own + carried), own=_money(own), carried=_money(carried),
                      rate=rate, a=_money(a), b=_money(b), sa=_share(a, own), sb=_share(b, own))


def _errors(text: str) -> list[str]:
    return [f.code for f in finreport.check(finreport.parse(text))
            if f.severity is finreport.Severity.ERROR]


def test_the_general_budget_is_this_year_s_appropriation() -> None:
    text = _gb(60000, 40000, 10000)
    report = finreport.parse(text)
    assert report.general_budget is not None and report.general_budget.total is not None
    total = report.general_budget.total
    assert total.amount is not None and total.amount.value == Decimal("1000.00")
    assert text[total.amount.span.start - 4:total.amount.span.end] == "当年拨款1000.00万元"
    # the whole with the carry-over is a statement of its own, and the list adds up
    assert any(s.amount is not None and s.amount.value == Decimal("1100.00")
               for s in report.statements)
    assert _errors(text) == []


@given(st.integers(20_000, 900_000), st.integers(20_000, 900_000), st.integers(0, 90_000))
def test_consistent_general_budgets_with_a_carry_over_give_no_error(a: int, b: int,
                                                                      carried: int) -> None:
    assert _errors(_gb(a, b, carried)) == []


def test_a_class_off_this_year_s_appropriation_is_still_an_error() -> None:
    text = _gb(60000, 40000, 10000).replace("住房保障支出400.00", "住房保障支出410.00")
    assert "FR101" in _errors(text)


@pytest.mark.parametrize(("sentence", "total", "kinds"), [
    ("本部门包括3个单位，其中行政单位1个、事业单位2个。", 3, [1, 2]),
    ("本部门由3个预算单位组成，其中行政单位1个、事业单位2个。", 3, [1, 2]),
    ("纳入本部门2026年部门预算编制范围的单位共3个，其中行政单位1个、事业单位2个。", 3, [1, 2]),
])
def test_the_count_of_units_written_before_its_noun(sentence: str, total: int,
                                                    kinds: list[int]) -> None:
    text = "某市某区民政局2026年部门预算\n第一部分 部门概况\n二、机构设置\n" + sentence + "\n"
    report = finreport.parse(text)
    assert report.institutions is not None and report.institutions.total is not None
    assert report.institutions.total.value == total
    assert [e.counts[0].value for e in report.institutions.by_kind] == kinds
    assert _errors(text) == []


@pytest.mark.parametrize(("services", "found"), [("67.91", []), ("60.00", []), ("72.91", ["FR101"])])
def test_two_kinds_of_procurement_may_not_exceed_the_whole(services: str,
                                                           found: list[str]) -> None:
    # no word of 工程: the two kinds may be all of it, or some (but never more)
    text = ("某市某区民政局2026年部门预算\n第二部分 2026年部门预算情况说明\n十、其他重要事项的情况说明\n"
            "（二）政府采购情况\n2026年本部门政府采购预算总额96.84万元，其中：政府采购货物预算28.93万元、"
            f"政府采购服务预算{services}万元。\n")
    assert [f.code for f in finreport.check(finreport.parse(text))
            if f.code == "FR101"] == found


_MATTERS = ("某市图书馆2026年单位预算\n第二部分 2026年单位预算情况说明\n一、收支预算总体情况\n"
            "2026年收支预算总计1100.00万元，其中：本年收入1000.00万元，上年结转100.00万元。\n"
            "八、其他重要事项的情况说明\n{said}\n")


@pytest.mark.parametrize(("said", "found"), [
    ("本单位无机关运行经费。", []),
    ("某市图书馆为事业单位，不涉及机关运行经费。", []),
    ("（一）机关运行经费\n某市图书馆为事业单位，不涉及机关运行经费。", []),
    ("2026年本单位政府采购预算10.00万元。", ["FR602"]),  # nothing said of it: left out
])
def test_no_operating_costs_said_anywhere_in_other_matters(said: str, found: list[str]) -> None:
    text = _MATTERS.format(said=said)
    report = finreport.parse(text)
    assert [f.code for f in finreport.check(report) if f.code == "FR602"] == found
    if not found:
        assert report.operating_costs is not None and report.operating_costs.amount is None
        assert report.operating_costs.name.text == "机关运行经费"


_HALVES = ("某市某局2026年部门预算\n第二部分 2026年部门预算情况说明\n一、收支预算总体情况\n"
           "2026年收入预算总计1100.00万元，其中：本年收入1000.00万元，上年结转100.00万元。"
           "支出预算总计{spent}万元，其中：本年支出{spent}万元。"
           "收支预算总计比上年预算数增加100.00万元，增长{rate}%。\n")


@pytest.mark.parametrize(("spent", "rate", "found"), [
    ("1100.00", "10.0", []),
    ("1100.00", "20.0", ["收支预算总计比上年预算数变动20.0%与金额不符：100.00万元 ÷ 上年数 1000.00万元 = "
                         "[9.999, 10.001]%"]),
    ("1090.00", "20.0", []),  # the halves differ: the total of both has no one amount
])
def test_the_change_of_both_halves_is_of_the_amount_both_state(
        spent: str, rate: str, found: list[str]) -> None:
    text = _HALVES.format(spent=spent, rate=rate)
    assert [f.message for f in finreport.check(finreport.parse(text))
            if f.code == "FR301"] == found


def test_a_bare_page_number_right_before_an_amount_may_be_its_digits() -> None:
    # a text without form feeds: 7 between pages 6 and 8 is a page mark, yet it may be the
    # first digit of 73.45: the rate is not checked against 3.45
    pages = "".join(f"第{n}行正文。\n" * 12 + f"{n}\n" for n in range(1, 7))
    text = ("某市某局2026年部门预算\n第二部分 2026年部门预算情况说明\n一、收支预算总体情况\n" + pages +
            "2026年收入预算总计1,998.66万元，支出预算总计1,998.66万元。与上年预算相比，收支预算总计各增加\n"
            "7\n3.45万元，增长3.82%。\n" + "其他说明。\n" * 12 + "8\n")
    report = finreport.parse(text)
    assert [f.code for f in finreport.check(report) if f.code == "FR301"] == []
    audit = finreport.audit(report)
    assert [c.reason for c in audit.checks if c.code == "FR301"] == [
        "a page number read right before the amount may be its digits"]


@pytest.mark.parametrize(("carried", "found"), [("60.00", 0), ("50.00", 1)])
def test_a_fiscal_whole_is_its_carry_over_and_its_year_s_flow(carried: str, found: int) -> None:
    # red team 23: 年初财政拨款结转和结余 + 本年财政拨款收入 is the whole of 财政拨款收、支总计
    text = ("某县统计局2025年度部门决算\n第二部分 2025年度部门决算情况说明\n"
            "四、财政拨款收入支出决算总体情况说明\n2025年度财政拨款收、支总计均为1,010.00万元。其中："
            f"年初财政拨款结转和结余{carried}万元，本年财政拨款收入950.00万元；本年财政拨款支出990.00万元，"
            "年末财政拨款结转和结余20.00万元。\n")
    assert [f.code for f in finreport.check(finreport.parse(text))
            if f.code == "FR101"] == ["FR101"] * found


def test_one_source_beside_the_carry_over_may_be_some_of_the_whole() -> None:
    # 一般公共预算拨款收入 is one source: 事业收入 may be left out of 其中
    text = ("某市某局2026年部门预算\n第二部分 2026年部门预算情况说明\n一、收支预算总体情况\n"
            "2026年收入预算总计1100.00万元，其中：一般公共预算拨款收入900.00万元，上年结转100.00万元。\n")
    assert [f.code for f in finreport.check(finreport.parse(text)) if f.code == "FR101"] == []


@pytest.mark.parametrize("written", ["４，９９２．０９", "4，992.09", "4,992.09", "４９９２．０９"])
def test_a_full_width_comma_between_thousands_is_no_clause_end(written: str) -> None:
    # red team 24: ４，９９２．０９万元 was read as 4 (no unit) and 992.09万元
    text = ("某市某局2026年部门预算\n二、收入预算情况\n2026年收入预算总计" + written +
            "万元，其中：本年收入4,892.09万元，上年结转100.00万元。\n")
    report = finreport.parse(text)
    assert report.income is not None and report.income.total is not None
    total = report.income.total.amount
    assert total is not None and total.value == Decimal("4992.09") and total.decimals == 2
    assert text[total.span.start:total.span.end] == written + "万元"
    assert _errors(text) == []
