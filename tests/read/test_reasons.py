"""Reasons given for changes (``主要原因是…``), read from texts of our own: their words,
their clause, and the direction and name a reason says."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import finreport
from finreport.read.reasons import _directed
from finreport.templates.reasons import REASON_WITH_DIRECTION

HEAD = "第二部分 2026年部门预算情况说明\n一、财政拨款收支预算总体情况\n"


def test_a_reason_after_its_change_in_one_sentence() -> None:
    text = HEAD + "1.公用经费100万元，比上年增加10万元，主要原因是新增办公用房。\n"
    (reason,) = finreport.parse(text).reasons
    assert reason.marker.text == "主要原因是"
    assert reason.text.text == "新增办公用房"
    assert text[reason.text.span.start:reason.text.span.end] == "新增办公用房"
    assert text[reason.clause.start:reason.clause.end] == (
        "1.公用经费100万元，比上年增加10万元，主要原因是新增办公用房")
    assert reason.subject is None and reason.direction is None


def test_a_reason_opening_its_sentence_explains_the_sentence_before() -> None:
    text = HEAD + "提租补贴50万元，比上年减少5万元。主要原因是人员减少。\n"
    (reason,) = finreport.parse(text).reasons
    assert reason.text.text == "人员减少"
    assert text[reason.clause.start:reason.clause.end] == (
        "提租补贴50万元，比上年减少5万元。主要原因是人员减少")


def test_a_reason_that_names_what_it_explains_and_its_direction() -> None:
    text = HEAD + ("财政拨款收入100万元，比2025年预算增加10万元。\n"
                   "财政拨款收入支出增加的主要原因是新增项目；其他收入0万元。\n")
    (reason,) = finreport.parse(text).reasons
    assert reason.subject is not None and reason.subject.text == "财政拨款收入支出"
    assert reason.direction is not None and reason.direction.text == "增加"
    assert reason.marker.text == "增加的主要原因是"
    assert reason.text.text == "新增项目"  # up to the end of its list item


def test_two_reasons_in_one_sentence_each_end_where_the_next_starts() -> None:
    text = HEAD + "会议费5万元，比上年减少1万元，主要原因是压减会议，原因是精简活动。\n"
    first, second = finreport.parse(text).reasons
    assert first.text.text == "压减会议，"
    assert second.text.text == "精简活动"


def test_a_long_text_without_sentence_ends_is_read_in_linear_time() -> None:
    # the look back for a clause's start is bounded: no quadratic scan
    text = HEAD + "，主要原因是调整" * 5000 + "。\n"
    reasons = finreport.parse(text).reasons
    assert len(reasons) == 5000
    assert reasons[-1].clause.end - reasons[-1].clause.start <= 400 + len("主要原因是调整")


_PIECES = ["增加", "减少", "持平", "的", "主要", "原因", "是", "因", "系", "为", ":", "。", "收入", "，"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_reasons_found_from_their_anchors_are_those_of_the_pattern(pieces: list[str]) -> None:
    # the reader looks for 原因/系 first and tries the pattern just before: the same
    # matches as running the pattern over the whole text
    text = "".join(pieces)
    assert [(m.start(), m.end()) for m in _directed(text)] == [
        (m.start(), m.end()) for m in REASON_WITH_DIRECTION.finditer(text)]
