"""Shapes of 2026 budgets that gave false errors (red team 20, texts of our own): a part's
own numbered list under a part named with its period (``（一）本年收入…其中：1.…``), numbers
written with one unit after them all (``分别为900.00、100.00万元``), the carry-over to next
year in the sentence after this year's spending, shares of two wholes, and a summary
table's whole-number cell before a name that starts with 年终."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import finreport

_HEAD = "某某区教育局2026年部门预算\n"


def _errors(text: str) -> list[str]:
    return [f.code for f in finreport.check(finreport.parse(text))
            if f.severity is not finreport.Severity.INFO and f.code != "FR903"]


def test_a_part_s_own_list_under_a_part_named_with_its_period() -> None:
    text = (_HEAD + "二、收入预算情况\n2026年收入预算总计1100.00万元，包括：\n"
            "（一）本年收入1000.00万元，占收入预算总计的90.91%。其中：\n"
            "1.财政拨款收入1000.00万元，占本年收入的100.00%。\n"
            "（二）上年结转100.00万元，占收入预算总计的9.09%。\n")
    report = finreport.parse(text)
    assert report.income is not None
    assert [(p.name.text, p.amount.value if p.amount else None)
            for p in report.income.items] == [("收入", Decimal("1000.00")),
                                              ("结转", Decimal("100.00"))]
    assert _errors(text) == []
    # a part's wrong amount is still the total's contradiction
    assert _errors(text.replace("（二）上年结转100.00", "（二）上年结转110.00")) == ["FR101", "FR201"]


def test_numbers_with_one_unit_after_them_all_are_nobody_s() -> None:
    text = (_HEAD + "二、收入预算情况\n2026年本年收入1000.00万元，其中：一般公共预算拨款收入、"
            "政府性基金预算拨款收入分别为900.00、100.00万元。\n")
    report = finreport.parse(text)
    assert report.income is not None and report.income.items == ()
    assert [(u.text, u.reason) for u in report.unrecognized] == [("100.00万元", "number_list")]
    assert _errors(text) == []
    # the shares the clause goes on to give are nobody's either (not the total's)
    shares = text.replace("万元。\n", "万元，分别占本年收入的90.0%、10.0%。\n")
    report = finreport.parse(shares)
    assert report.income is not None and report.income.total is not None
    assert report.income.total.share is None
    assert [(u.text, u.reason) for u in report.unrecognized] == [
        ("100.00万元", "number_list"), ("90.0%", "number_list"), ("10.0%", "number_list")]
    assert _errors(shares) == []


@pytest.mark.parametrize("between", ["、", " 、"])
def test_each_number_with_its_unit_is_its_name_s(between: str) -> None:
    text = (_HEAD + "二、收入预算情况\n2026年本年收入1000.00万元，其中：一般公共预算拨款收入、"
            f"政府性基金预算拨款收入分别为900.00万元{between}100.00万元。\n")
    report = finreport.parse(text)
    assert report.income is not None
    assert [p.amount.value for p in report.income.items if p.amount] == [
        Decimal("900.00"), Decimal("100.00")]
    assert report.unrecognized == ()


def test_next_year_s_carry_over_in_the_next_sentence_is_no_part() -> None:
    text = (_HEAD + "三、支出预算情况\n2026年本年支出900.00万元，其中：基本支出600.00万元，占本年支出的"
            "66.67%；项目支出300.00万元，占本年支出的33.33%。结转下年10.00万元，支出预算总计910.00万元。\n")
    report = finreport.parse(text)
    assert report.expenditure is not None
    assert [p.name.text for p in report.expenditure.items] == ["基本支出", "项目支出"]
    assert _errors(text) == []


@pytest.mark.parametrize(("carry", "found"), [("28.89", []), ("18.89", ["FR101"])])
def test_this_year_s_money_and_the_carry_over_are_the_whole(carry: str,
                                                             found: list[str]) -> None:
    # 其中 may name some parts only; 本年收入 and 上年结转 are the whole by what they mean
    text = (_HEAD + "一、收支预算总体情况\n我局2026年收入预算总计2979.84万元，其中：本年收入"
            f"2950.95万元，上年结转{carry}万元。\n")
    assert _errors(text) == found


def test_a_carry_over_the_total_s_own_sentence_lists_is_a_part() -> None:
    text = (_HEAD + "二、收入预算情况\n2026年收入预算总计1100.00万元。其中：本年收入1000.00万元。"
            "上年结转110.00万元。\n")
    assert "FR101" in _errors(text)  # 1000 + 110 is not 1100: the carry-over is the whole's


def test_shares_of_two_wholes_are_not_added_up() -> None:
    text = (_HEAD + "二、收入预算情况\n2026年收入预算总计1100.00万元，其中：一般公共预算拨款收入900.00万元，"
            "占本年收入的90.0%；事业收入100.00万元，占本年收入的10.0%；上年结转100.00万元，"
            "占收入预算总计的9.1%。\n")
    assert _errors(text) == []
    audit = finreport.audit(finreport.parse(text))
    assert [c.reason for c in audit.checks if c.code == "FR202"] == [
        "the shares name different wholes"]


_SUMMARY = ("新郑市体育局2026年部门预算\n表1\n收支总表\n单位：万元\n"
            "    项目                                            预算数\n"
            "一、一般公共预算拨款收入                               1,000   一、文化旅游体育与传媒支出"
            "                         1,055\n"
            "本年收入合计                                           1,000   本年支出合计"
            "                                       1,055\n"
            "上年结转结余                                              {carry}   年终结转结余"
            "                                          15\n"
            "收入总计                                               1,070   支出总计"
            "                                           1,070\n")


@given(st.integers(min_value=1, max_value=999))
def test_a_whole_number_before_a_name_starting_with_year_end_is_a_cell(carry: int) -> None:
    text = _SUMMARY.format(carry=carry)
    report = finreport.parse(text)
    [table] = report.tables
    row = next(r for r in table.rows if r.name.text == "上年结转结余")
    assert [c.value for c in row.cells] == [Decimal(carry)]
    # whole numbers carry ±0.5 each: 1,000 + 69 may be 1,070
    assert ("FR117" in _errors(text)) is (abs(carry - 70) >= 2)


_FUND = ("某某区城市管理局2026年部门预算\n六、政府性基金预算支出情况\n"
         "2026年政府性基金预算支出274.02万元，较上年预算增加184.15万元，增长204.91%。其中：\n"
         "1.城乡社区支出（类）国有土地使用权出让收入安排的支出（款）城市建设支出（项）{line}万元，"
         "主要用于专项建设。\n")


@pytest.mark.parametrize(("line", "found"), [
    ("274.02", []), ("200.00", []),  # the lines may be some of the fund's only
    ("279.02", [("FR101", "城市建设支出279.02万元超过其所属的政府性基金预算支出274.02万元")])])
def test_no_line_of_a_fund_exceeds_the_fund(line: str, found: list[tuple[str, str]]) -> None:
    text = _FUND.format(line=line)
    assert [(f.code, f.message) for f in finreport.check(finreport.parse(text))
            if f.code == "FR101"] == found


@pytest.mark.parametrize(("shares", "found"), [
    (("84.23", "15.77"), []),
    (("86.43", "13.57"), ["FR201", "FR201"]),  # each share against this year's spending
])
def test_shares_of_this_year_s_spending_read_as_spending(shares: tuple[str, str],
                                                         found: list[str]) -> None:
    # 2026年本年支出 is read as 支出 (本年 left aside): 占本年支出的 is of it
    text = (_HEAD + "三、支出预算情况\n2026年本年支出3581.48万元，其中：基本支出3016.80万元，占本年支出的"
            f"{shares[0]}%；项目支出564.68万元，占本年支出的{shares[1]}%。\n")
    assert [c for c in _errors(text) if c == "FR201"] == found


def test_shares_of_this_year_s_income_in_a_list_with_the_carry_over_are_not_its() -> None:
    # the 收入预算 holds the carry-over: 占本年收入的 is of a whole the text does not state
    text = (_HEAD + "一、收入预算情况说明\n2026年收入预算2,000.00万元，其中：一般公共预算拨款收入"
            "1,500.00万元，占本年收入的83.33%；事业收入300.00万元，占本年收入的16.67%；"
            "上年结转200.00万元。\n")
    assert _errors(text) == []
