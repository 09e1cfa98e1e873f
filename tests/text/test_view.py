"""The view of a text with stretches left out: numbers on either side of a left-out
stretch stay two numbers unless they make one."""

from __future__ import annotations

from decimal import Decimal

import pytest

from finreport.text.view import TextView


def _view(before: str, left_out: str, after: str) -> TextView:
    text = before + left_out + after
    return TextView(text, ranges=[(0, len(before)), (len(before) + len(left_out), len(text))])


@pytest.mark.parametrize(("before", "after", "seen"), [
    # a zero, then past a left-out table another number: never 03 (3)
    ("本年收入:0", "3:,197.15万元", "本年收入:0\n3:,197.15万元"),
    ("增长12.5", "3.4%", "增长12.5\n3.4%"),
    # a number broken by a page's running header is one number
    ("支出决算为1,560.", "05万元", "支出决算为1,560.05万元"),
    ("合计1", "2,603.18万元", "合计12,603.18万元"),
])
def test_numbers_around_a_left_out_stretch(before: str, after: str, seen: str) -> None:
    left_out = "\n-3-\n某某局2024年度部门决算\n"
    view = _view(before, left_out, after)
    assert view.text == seen
    # the number after the stretch starts where it is written
    at = view.text.rindex(after[:2])
    assert view.span(at, at + 2).start == len(before) + len(left_out)


@pytest.mark.parametrize(("written", "seen"), [
    ("为0\n3,138.88万元", "为0\n3,138.88万元"),
    ("为1\n2,603.18万元", "为12,603.18万元"),  # one number broken by a line
    ("增长12.5\n3.4%", "增长12.5\n3.4%"),
])
def test_numbers_around_a_line_break(written: str, seen: str) -> None:
    assert TextView(written).text == seen


def test_a_figure_after_a_line_ending_in_a_digit_is_its_own_value() -> None:
    import finreport

    text = ("第二部分 2020年度部门决算情况说明\n一、收入支出决算总体情况说明\n"
            "本年收入合计为0\n\n3,138.88万元。\n")
    report = finreport.parse(text)
    assert [(f.value, text[f.span.start:f.span.end]) for f in report.figures()] == [
        (Decimal("3138.88"), "3,138.88万元")]  # the 0 has no unit: no figure
