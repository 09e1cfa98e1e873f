"""Lines of a final account's detail nested under their class and 款 (red team 23: half of
the provinces' 部门决算 write them so): ``（一）X（类）`` / ``1.Y（款）`` / ``（1）Z（项）：年初预算
为…``, ``（一）X（类）`` / ``1.Z（项）：…`` and one line ``（一）X（类）Y（款）Z（项）：…``.  Each 项
item is a line of its class and 款, its completion rate and comparison words checked like a
line written flat (texts of our own)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import finreport

_HEAD = ("某县气象局2025年度部门决算\n第二部分 2025年度部门决算情况说明\n"
         "五、一般公共预算财政拨款支出决算情况说明\n"
         "（三）一般公共预算财政拨款支出决算具体情况\n"
         "2025年度一般公共预算财政拨款支出年初预算为{total_budget}万元，支出决算为{total}万元，"
         "完成年初预算的{total_rate}%。其中：\n")


def _line(budget: int, final: int) -> str:
    rate = (Decimal(final) * 100 / Decimal(budget)).quantize(Decimal("0.01"))
    words = ("决算数大于年初预算数的主要原因是业务增加。" if final > budget else
             "决算数小于年初预算数的主要原因是厉行节约。" if final < budget else
             "决算数与年初预算数持平。")
    return (f"年初预算为{Decimal(budget) / 100:.2f}万元，支出决算为{Decimal(final) / 100:.2f}万元，"
            f"完成年初预算的{rate}%。{words}")


def _text(shape: str, first: tuple[int, int], second: tuple[int, int],
          first_rate: str | None = None) -> str:
    budget, final = first[0] + second[0], first[1] + second[1]
    head = _HEAD.format(total_budget=f"{Decimal(budget) / 100:.2f}",
                        total=f"{Decimal(final) / 100:.2f}",
                        total_rate=(Decimal(final) * 100 / Decimal(budget)).quantize(
                            Decimal("0.01")))
    one, two = _line(*first), _line(*second)
    if first_rate is not None:
        one = one.replace("完成年初预算的", "完成年初预算的" + first_rate + "%<", 1)
        one = one[:one.index("<")] + one[one.index("%。", one.index("<")) + 1:]
    if shape == "class-kuan-item":
        return head + ("（一）气象事务（类）\n1.气象事务（款）\n（1）行政运行（项）：" + one + "\n"
                       "（二）住房保障支出（类）\n1.住房改革支出（款）\n（1）住房公积金（项）：" + two + "\n")
    if shape == "class-item":
        return head + ("（一）气象事务（类）\n1.行政运行（项）：" + one + "\n"
                       "（二）住房保障支出（类）\n1.住房公积金（项）：" + two + "\n")
    return head + ("（一）气象事务（类）气象事务（款）行政运行（项）：" + one + "\n"
                   "（二）住房保障支出（类）住房改革支出（款）住房公积金（项）：" + two + "\n")


_SHAPES = ["class-kuan-item", "class-item", "one-line"]
_PATHS = {
    "class-kuan-item": ["气象事务（类）气象事务（款）行政运行（项）",
                        "住房保障支出（类）住房改革支出（款）住房公积金（项）"],
    "class-item": ["气象事务（类）行政运行（项）", "住房保障支出（类）住房公积金（项）"],
    "one-line": ["气象事务（类）气象事务（款）行政运行（项）",
                 "住房保障支出（类）住房改革支出（款）住房公积金（项）"],
}


def _errors(text: str) -> list[tuple[str, str]]:
    report = finreport.parse(text)
    return [(f.code, text[f.span.start:f.span.end]) for f in finreport.check(report)
            if f.code != "FR903"]


@pytest.mark.parametrize("shape", _SHAPES)
def test_each_item_is_a_line_of_its_class_and_kuan(shape: str) -> None:
    text = _text(shape, (20000, 15000), (10000, 10000))
    report = finreport.parse(text)
    assert report.general_budget is not None
    lines = report.general_budget.lines
    assert [line.classification.path for line in lines] == _PATHS[shape]
    assert [(line.budget.value if line.budget else None, line.amount.value if line.amount
             else None) for line in lines] == [(Decimal("200.00"), Decimal("150.00")),
                                               (Decimal("100.00"), Decimal("100.00"))]
    first = lines[0]
    assert first.completion is not None and first.completion.value == Decimal("75.00")
    assert first.comparison is not None and first.comparison.text == "决算数小于年初预算数"
    assert _errors(text) == []


@pytest.mark.parametrize("shape", _SHAPES)
def test_a_nested_line_s_wrong_rate_and_words_are_errors(shape: str) -> None:
    text = _text(shape, (20000, 15000), (10000, 10000), first_rate="80.00")
    text = text.replace("决算数小于年初预算数", "决算数大于年初预算数", 1)
    assert _errors(text) == [("FR401", "80.00%"), ("FR402", "决算数大于年初预算数")]


def test_the_class_headings_stand_under_the_detail_heading() -> None:
    report = finreport.parse(_text("class-kuan-item", (20000, 15000), (10000, 10000)))
    detail = report.sections[0].children[0].children[0]
    assert detail.kind is finreport.SectionKind.GENERAL_BUDGET_DETAIL
    assert [child.title.text for child in detail.children] == ["气象事务(类)", "住房保障支出(类)"]


def test_a_contents_page_s_last_heading_takes_no_body_heading_under_it() -> None:
    # numbering starts again at 一、 after a contents page of headings only: the body's
    # first part, not a part of the contents' last heading
    text = ("某市档案局2026年部门预算\n目录\n一、部门概况\n二、部门预算表\n三、部门预算情况说明\n"
            "四、名词解释\n一、某市档案局\n（一）主要职责\n负责全市档案工作。\n")
    report = finreport.parse(text)
    assert [s.title.text for s in report.sections][-2:] == ["名词解释", "某市档案局"]
    assert report.sections[-2].children == ()


@given(st.integers(1, 99_999), st.integers(0, 99_999), st.integers(1, 99_999),
       st.integers(0, 99_999), st.sampled_from(_SHAPES))
def test_consistent_nested_lines_give_nothing(b1: int, f1: int, b2: int, f2: int,
                                              shape: str) -> None:
    assert _errors(_text(shape, (b1, f1), (b2, f2))) == []
