"""The view of a text with stretches left out: numbers on either side of a left-out
stretch stay two numbers unless they make one."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from finreport.text.view import Source, TextView, fold, fold_range


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


_SPACES = " \t\r\n\f\v\u3000\u00a0\u200b\ufeff\u2003\u2028\u202f\x1c"


@given(st.text(alphabet=st.sampled_from("审计局2026年，。（）()１２ＡA" + _SPACES), max_size=40),
       st.integers(0, 40), st.integers(0, 40))
def test_fold_range_on_a_source_is_fold_of_the_slice(text: str, a: int, b: int) -> None:
    # the fast way (str.split) on a Source, and the pattern on a plain str, agree with
    # fold() whatever white space the text holds (a text with space str.split drops but
    # folding keeps takes the pattern)
    start, stop = min(a, b, len(text)), min(max(a, b), len(text))
    expected = fold(text[start:stop])
    assert fold_range(Source(text), start, stop) == expected
    assert fold_range(text, start, stop) == expected


def test_fold_range_keeps_the_space_folding_keeps() -> None:
    text = "一般\u2003公共\u3000预算 支出\u200b"
    assert not Source(text).plain_spaces
    assert fold_range(Source(text), 0, len(text)) == "一般\u2003公共预算支出"
    assert Source("一般 公共\u3000预算").plain_spaces
    assert fold_range(Source("一般 公共\u3000预算\u200b"), 0, 11) == "一般公共预算"
