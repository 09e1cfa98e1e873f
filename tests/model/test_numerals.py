"""Numerals: every numbering a list or heading may use has its value, and none raises."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import finreport
from finreport.model.numerals import numeral_value, ordinal_of


@pytest.mark.parametrize(("written", "value"), [
    ("九", 9), ("十二", 12), ("二十", 20), ("12", 12), ("１２", 12), ("③", 3), ("⑳", 20)])
def test_numeral_values(written: str, value: int) -> None:
    assert numeral_value(written) == value


@pytest.mark.parametrize(("number", "value"), [
    ("九、", 9), ("（二）", 2), ("第3部分", 3), ("附件1", 1), ("①", 1), ("⑪", 11)])
def test_ordinals(number: str, value: int) -> None:
    assert ordinal_of(number) == value


@given(st.text(max_size=6))
def test_no_written_number_raises(written: str) -> None:
    # '①'.isdigit() is True but int('①') raised ValueError from inside the reading
    numeral_value(written)
    ordinal_of(written)


def test_a_list_numbered_with_circled_numbers_is_read() -> None:
    text = ("2026年度某某局部门预算\n第一部分 2026年度部门预算情况说明\n一、收支预算总体情况\n"
            "2026年收支预算总计100.00万元。\n（1）一类项目：①中长跑。②100米游泳。\n"
            "（2）二类项目：①200米短跑。②")
    report = finreport.parse(text)
    assert [str(f.value) for f in report.figures()] == ["100.00"]
