"""A class line of the general budget's detail with its 款/项 items nested in it
(``1、…（类）X万元。`` then ``（1）…（款）…（项）：预算数为Y万元，比上年…``; red team 19: six
provinces' budgets write them so).  The class's own words end where the nested list
starts: its amount is the class's, each item's figures are the item's own statement, and
an item's change is checked against its own amount, never the class's (texts of our own)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import finreport

_HEAD = "某某市审计局2026年部门预算\n（三）一般公共预算当年拨款具体使用情况\n"

#: (class marker, item markers): the numberings the field writes such lists in
_NUMBERINGS = [("1、", ("（1）", "（2）")), ("1.", ("（1）", "（2）")), ("3.", ("（1）", "（2）")),
               ("1、", ("①", "②"))]


def _text(cls: str, items: tuple[str, str], first: str, second: str) -> str:
    return (_HEAD + f"{cls}一般公共服务支出（类）1000.00万元。\n"
            f"{items[0]}审计事务（款）行政运行（项）：预算数为400.00万元，{first}\n"
            f"{items[1]}审计事务（款）审计业务（项）：预算数为600.00万元，{second}\n")


def _errors(text: str) -> list[tuple[str, str]]:
    report = finreport.parse(text)
    return [(f.code, text[f.span.start:f.span.end]) for f in finreport.check(report)
            if f.severity is finreport.Severity.ERROR]


@pytest.mark.parametrize(("cls", "items"), _NUMBERINGS)
def test_the_class_line_holds_only_its_own_words(cls: str, items: tuple[str, str]) -> None:
    text = _text(cls, items, "比上年预算数减少100.00万元，下降20.00%。", "与上年预算数持平。")
    report = finreport.parse(text)
    assert report.general_budget is not None
    [line] = report.general_budget.lines
    assert line.classification.category is not None
    assert line.classification.category.text == "一般公共服务支出"
    assert line.amount is not None and line.amount.value == Decimal("1000.00")
    assert (line.change, line.restated, line.budget) == (None, (), None)
    # the items are statements of their own, with their own changes
    own = {re.sub(r"^(?:\(\d\)|[①②])", "", s.name.text): s for s in report.statements}
    first = own["审计事务(款)行政运行(项)"]
    assert first.amount is not None and first.amount.value == Decimal("400.00")
    assert first.change is not None and first.change.percent is not None
    assert first.change.percent.value == Decimal("20.00")
    assert _errors(text) == []


@pytest.mark.parametrize(("cls", "items"), _NUMBERINGS)
def test_a_flat_first_item_lends_the_class_no_change(cls: str, items: tuple[str, str]) -> None:
    text = _text(cls, items, "与上年持平。", "比上年预算数增加100.00万元，增长20.00%。")
    assert _errors(text) == []


@pytest.mark.parametrize(("cls", "items"), _NUMBERINGS)
def test_an_item_s_wrong_rate_is_its_own_error(cls: str, items: tuple[str, str]) -> None:
    text = _text(cls, items, "与上年持平。", "比上年预算数增加100.00万元，增长35.00%。")
    assert _errors(text) == [("FR301", "35.00%")]


@given(st.integers(1, 99_999), st.integers(1, 99_999), st.integers(-50_000, 50_000))
def test_consistent_nested_items_give_no_error(first: int, second: int, change: int) -> None:
    # amounts in cents; the second item's change at two decimals, its rate half-up
    before = second - change
    if before <= 0:
        return
    rate = (Decimal(abs(change)) * 100 / Decimal(before)).quantize(Decimal("0.01"))
    moved = ("与上年持平。" if change == 0 else
             f"比上年{'增加' if change > 0 else '减少'}{Decimal(abs(change)) / 100:.2f}万元，"
             f"{'增长' if change > 0 else '下降'}{rate}%。")
    text = (_HEAD + f"1、一般公共服务支出（类）{Decimal(first + second) / 100:.2f}万元。\n"
            f"（1）审计事务（款）行政运行（项）：预算数为{Decimal(first) / 100:.2f}万元，与上年持平。\n"
            f"（2）审计事务（款）审计业务（项）：预算数为{Decimal(second) / 100:.2f}万元，{moved}\n")
    assert _errors(text) == []
