"""The narrative's three public expenses against a table that lists them as rows (the
Guangdong and Fujian templates: ``"三公"经费``, ``其中：（一）因公出国（境）支出`` …, its
columns the funds; texts of our own).  Red team 19 planted a 公务接待费 the table states
otherwise: nothing compared the two."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import finreport

_TABLE = ("某某市商务局2026年部门预算\n第二部分 2026年部门预算表\n"
          "财政拨款安排的行政经费及“三公”经费预算表\n单位：万元\n"
          "项目                        合计      一般公共预算    政府性基金预算\n"
          "行政经费                    300.00        300.00            0.00\n"
          "“三公”经费                   45.00         40.00            5.00\n"
          "其中：（一）因公出国（境）支出  10.00         10.00            0.00\n"
          "（二）公务用车购置及运行维护支出  30.00         25.00            5.00\n"
          "1.公务用车购置费              20.00         20.00            0.00\n"
          "2.公务用车运行维护费          10.00          5.00            5.00\n"
          "（三）公务接待费支出           5.00          5.00            0.00\n"
          "机关运行经费                  60.00         60.00            0.00\n"
          "第三部分 2026年部门预算情况说明\n二、“三公”经费安排情况\n")


def _text(total: str, reception: str, operation: str = "10.00") -> str:
    return (_TABLE + f"2026年“三公”经费预算{total}万元，其中：因公出国（境）费10.00万元，"
            f"公务用车购置及运行维护费30.00万元（其中：公务用车购置费20.00万元，公务用车运行维护费"
            f"{operation}万元），公务接待费{reception}万元。\n")


def _found(text: str) -> list[tuple[str, list[str]]]:
    return [(f.message, [text[s.start:s.end] for s in f.spans])
            for f in finreport.check(finreport.parse(text), select=["FR504"])]


@pytest.mark.parametrize(("total", "operation"), [("45.00", "10.00"), ("40.00", "5.00")])
def test_each_expense_is_one_of_its_row_s_cells(total: str, operation: str) -> None:
    # the narrative may state all funds (合计) or one fund's (一般公共预算) amount
    text = _text(total, "5.00", operation)
    assert _found(text) == []
    audit = finreport.audit(finreport.parse(text))
    held = [c for c in audit.checks if c.code == "FR504" and c.outcome.value == "holds"]
    assert len(held) == 6  # the total, the three, the vehicles' two parts


def test_an_expense_no_cell_of_its_row_states_is_an_error() -> None:
    text = _text("45.00", "6.00")
    assert _found(text) == [(
        "公务接待费：情况说明为6.00万元，财政拨款安排的行政经费及“三公”经费预算表“（三）公务接待费支出”行为"
        "5.00万元、5.00万元、0.00万元", ["6.00万元", "5.00", "5.00", "0.00"])]


def test_agency_operating_costs_beside_the_three_are_no_vehicles_running() -> None:
    # 机关运行经费 has 运行 in its name: it is never the vehicles' running costs
    text = _text("45.00", "5.00").replace("（二）公务用车购置及运行维护支出  30.00         25.00"
                                          "            5.00\n", "")
    assert _found(text) == []


_COLUMNS = ("某某市商务局2026年部门预算\n第二部分 2026年部门预算表\n一般公共预算“三公”经费支出表\n"
            "单位：万元\n合计   因公出国（境）费   公务用车购置及运行费   公务接待费   机关运行经费\n"
            "{cells}\n第三部分 2026年部门预算情况说明\n二、“三公”经费安排情况\n"
            "2026年“三公”经费预算45.00万元，其中：因公出国（境）费{overseas}万元，公务用车购置及运行费"
            "30.00万元，公务接待费{reception}万元。\n")


def test_one_row_of_columns_states_each_expense_in_some_cell() -> None:
    # its columns cannot be told apart (a blank cell is left out: 因公出国 0 has none)
    text = _COLUMNS.format(cells="45.00                        30.00         15.00        60.00",
                           overseas="0.00", reception="15.00")
    assert _found(text) == []
    audit = finreport.audit(finreport.parse(text))
    assert len([c for c in audit.checks if c.code == "FR504"
                and c.outcome.value == "holds"]) == 3  # the total, the vehicles, reception


def test_an_expense_no_cell_of_the_one_row_states_is_a_warning() -> None:
    text = _COLUMNS.format(cells="45.00        10.00          30.00          5.00         60.00",
                           overseas="10.00", reception="6.00")
    report = finreport.parse(text)
    found = [(f.severity.value, f.message) for f in finreport.check(report, select=["FR504"])]
    assert found == [("warning", "公务接待费：情况说明为6.00万元，一般公共预算“三公”经费支出表“合计因公"
                                 "出国（境）费公务用车购置及运行费公务接待费机关运行经费”行为45.00万元、"
                                 "10.00万元、30.00万元、5.00万元、60.00万元")]


def test_a_row_per_unit_is_left_alone() -> None:
    text = ("某某市商务局2026年部门预算\n第二部分 2026年部门预算表\n一般公共预算“三公”经费支出表\n"
            "单位：万元\n单位名称     合计   因公出国（境）费   公务用车购置及运行费   公务接待费\n"
            "合计          45.00        10.00          30.00          5.00\n"
            "某某市商务局  40.00        10.00          25.00          5.00\n"
            "某某服务中心   5.00                        5.00\n"
            "第三部分 2026年部门预算情况说明\n二、“三公”经费安排情况\n"
            "2026年“三公”经费预算45.00万元，其中：因公出国（境）费10.00万元，公务用车购置及运行费"
            "30.00万元，公务接待费6.00万元。\n")
    assert _found(text) == []


def _m(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"


_cents = st.integers(min_value=0, max_value=500_000)


def _rows_text(overseas: int, purchase: int, running: int, reception: int,
               said: dict[str, int]) -> str:
    vehicles = purchase + running
    total = overseas + vehicles + reception
    rows = [("“三公”经费", total), ("其中：（一）因公出国（境）支出", overseas),
            ("（二）公务用车购置及运行维护支出", vehicles), ("1.公务用车购置费", purchase),
            ("2.公务用车运行维护费", running), ("（三）公务接待费支出", reception)]
    table = "".join(f"{name}    {_m(c)}    {_m(c)}    0.00\n" for name, c in rows)
    values = {"total": total, "overseas": overseas, "vehicles": vehicles,
              "purchase": purchase, "running": running, "reception": reception} | said
    return ("某某市商务局2026年部门预算\n第二部分 2026年部门预算表\n"
            "财政拨款安排的行政经费及“三公”经费预算表\n单位：万元\n"
            "项目                        合计      一般公共预算    政府性基金预算\n" + table +
            "第三部分 2026年部门预算情况说明\n二、“三公”经费安排情况\n"
            f"2026年“三公”经费预算{_m(values['total'])}万元，其中：因公出国（境）费"
            f"{_m(values['overseas'])}万元，公务用车购置及运行维护费{_m(values['vehicles'])}万元"
            f"（其中：公务用车购置费{_m(values['purchase'])}万元，公务用车运行维护费"
            f"{_m(values['running'])}万元），公务接待费{_m(values['reception'])}万元。\n")


@given(_cents, _cents, _cents, _cents)
def test_generated_consistent_tables_of_rows_give_nothing(
        overseas: int, purchase: int, running: int, reception: int) -> None:
    assert _found(_rows_text(overseas, purchase, running, reception, {})) == []


@given(_cents, _cents, _cents, _cents, st.integers(min_value=2, max_value=9_999),
       st.sampled_from(["overseas", "purchase", "running", "reception"]))
def test_a_part_the_narrative_writes_otherwise_is_named(
        overseas: int, purchase: int, running: int, reception: int, slip: int,
        part: str) -> None:
    true = {"overseas": overseas, "purchase": purchase, "running": running,
            "reception": reception}
    text = _rows_text(overseas, purchase, running, reception, {part: true[part] + slip})
    found = _found(text)
    # the part's own row states it otherwise (a cent more is within both roundings)
    assert len(found) == 1 and found[0][1][0] == f"{_m(true[part] + slip)}万元"
