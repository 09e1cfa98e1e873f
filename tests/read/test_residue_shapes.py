"""Template residue by its shape, on texts of our own: two directions offered for the
writer to choose between, what the report calls itself with the other choice in
brackets, an amount's unit with no amount; and the words that look alike but are the
report's own (县（区）, 各部门（单位）, 办公厅（室）, 增长10%)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import finreport

HEAD = "2026年度某某局部门预算\n第一部分 2026年度部门预算情况说明\n一、收支预算总体情况\n"

DIRECTIONS = ["增加", "减少", "增长", "下降", "降低", "上升", "大于", "小于", "高于", "低于"]


def _residue(sentence: str) -> list[str]:
    report = finreport.parse(HEAD + "2026年收支预算总计100.00万元。" + sentence + "\n")
    return [p.text for p in report.residue]


@pytest.mark.parametrize(("sentence", "found"), [
    ("与上年相比增加（减少）5.00万元，增长（降低）5.26%。", ["增加(减少)", "增长(降低)"]),
    ("比上年增长/下降5.26%。", ["增长/下降"]),
    ("决算数高于（低于）预算数。", ["高于(低于)"]),
    ("本厅（局）无政府采购预算。", ["本厅(局)"]),
    ("我单位（部门）无此项支出。", ["我单位(部门)"]),
    ("其中：拟购买服务支出万元。", ["支出万元"]),
])
def test_residue_by_its_shape(sentence: str, found: list[str]) -> None:
    assert _residue(sentence) == found


@pytest.mark.parametrize("sentence", [
    "指导各县（区）和各部门（单位）做好预算公开。",
    "市政府办公厅（室）负责协调。",
    "与上年相比增加5.00万元，增长5.26%。",
    "本部门无政府采购预算。",
    "单位：万元。",
])
def test_the_reports_own_words_are_no_residue(sentence: str) -> None:
    assert _residue(sentence) == []


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(DIRECTIONS), st.sampled_from(DIRECTIONS), st.booleans())
def test_two_different_directions_are_residue_and_one_twice_is_not(
        first: str, second: str, slash: bool) -> None:
    written = f"{first}/{second}" if slash else f"{first}（{second}）"
    found = _residue(f"与上年相比{written}5.00万元。")
    if first == second:
        assert found == []
    else:
        assert found == [written.replace("（", "(").replace("）", ")")]
    assert [f.code for f in finreport.check(finreport.parse(
        HEAD + f"2026年收支预算总计100.00万元，与上年相比{written}5.00万元。\n"))
            if f.code == "FR901"] == ([] if first == second else ["FR901"])


def test_a_unit_whose_amount_the_extraction_moved_is_no_blank() -> None:
    # the amounts stand on lines of their own before the words they belong to (a PDF's
    # text order): the unit with no amount is no residue, and the audit says why
    text = HEAD.replace("一、收支预算总体情况", "一、政府采购情况") + (
        "2026年度政府采购预算总额\n中：拟采购货物支出 120\n1,050.50\n\n1,170.50\n\n万元。其\n\n"
        "万元、拟购买服务支出\n\n万元。\n")
    report = finreport.parse(text)
    assert [u.reason for u in report.unrecognized] == ["detached"]
    assert [f.code for f in finreport.check(report)] == []
    assert [(c.code, c.outcome.value, c.reason) for c in finreport.audit(report).checks
            if c.code == "FR901"] == [
        ("FR901", "abstained", "an amount detached from its words stands before it")]
