"""Tables that print no classification codes: class rows known by name, the rows under a
class read as 款 each with or without its 项 (FR112)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

import finreport
from finreport.checks.uncoded import reads_as_items
from finreport.model.figures import Amount
from finreport.model.span import Span

HEAD = ("南湖县交通运输局2026年部门预算\n第三部分 2026年部门预算表\n一般公共预算支出预算表\n"
        "单位：万元\n科目名称                          合计\n合计                    {total}\n")


def _table(rows: list[tuple[str, str]], total: str) -> str:
    return HEAD.format(total=total) + "".join(f"{name:<24}{amount}\n" for name, amount in rows)


ROWS = [("一般公共服务支出", "6701.98"), ("社会工作事务", "1.98"), ("其他社会工作事务支出", "1.98"),
        ("其他一般公共服务支出", "6700.00"), ("其他一般公共服务支出", "6700.00"),
        ("交通运输支出", "165653.20"), ("公路水路运输", "97453.20"), ("行政运行", "43003.71"),
        ("一般行政管理事务", "927.20"), ("其他公路水路运输支出", "53522.29"),
        ("其他交通运输支出", "68200.00"), ("公共交通运营补助", "68000.00"),
        ("其他交通运输支出", "200.00")]


def _fr112(text: str) -> list[tuple[str, str]]:
    audit = finreport.audit(finreport.parse(text))
    return [(c.outcome.value, text[c.spans[0].start:c.spans[0].end])
            for c in audit.checks if c.code == "FR112"]


def test_classes_of_a_table_without_codes_hold_when_their_rows_make_them() -> None:
    text = _table(ROWS, "172355.18")
    assert _fr112(text) == [("holds", "6701.98"), ("holds", "165653.20")]
    assert [f.code for f in finreport.check(finreport.parse(text))
            if f.severity is finreport.Severity.ERROR] == []


def test_a_class_cell_its_rows_cannot_make_is_an_error() -> None:
    rows = [(n, "6651.38" if n == "一般公共服务支出" else a) for n, a in ROWS]
    text = _table(rows, "172304.58")
    assert _fr112(text) == [("fails", "6651.38"), ("holds", "165653.20")]
    # a 款 row its 项 do not make: the class is made by no reading either
    rows = [(n, "97402.60" if n == "公路水路运输" else a) for n, a in ROWS]
    assert ("fails", "165653.20") in _fr112(_table(rows, "172355.18"))


def test_a_class_whose_first_rows_make_it_is_not_judged() -> None:
    # the rows after 一般行政管理事务 may be a class of a name not known: not certain
    rows = [*ROWS[:5], ("交通运输支出", "43930.91"), *ROWS[7:9], ("某某新设支出", "121722.29"),
            *ROWS[9:]]
    found = _fr112(_table(rows, "172355.18"))
    assert ("abstained", "43930.91") in found
    assert [f.code for f in finreport.check(finreport.parse(_table(rows, "172355.18")))
            if f.severity is finreport.Severity.ERROR] == []


def test_a_name_wrapped_over_lines_leaves_its_class_unread() -> None:
    rows = [*ROWS[:6], ("其他公路水路运输支", ""), ("", "97453.20"), *ROWS[7:]]
    found = _fr112(_table(rows, "172355.18"))
    assert ("abstained", "165653.20") in found


def _amount(value: Decimal) -> Amount:
    return Amount(value.quantize(Decimal("0.01")), "万元", Span(0, 1), decimals=2)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10**7), st.lists(st.integers(0, 10**6), max_size=3)),
                min_size=1, max_size=6))
def test_items_with_their_sub_items_always_read_as_their_class(
        groups: list[tuple[int, list[int]]]) -> None:
    amounts: list[Amount] = []
    whole = Decimal(0)
    for own, subs in groups:
        item = Decimal(sum(subs) if subs else own) / 100
        whole += item
        amounts.append(_amount(item))
        amounts.extend(_amount(Decimal(s) / 100) for s in subs)
    assert reads_as_items(_amount(whole), amounts) is True
    # more than every row read as a 款 (the largest reading) is no reading's: not by
    # 1.00 more than the class alone, which another reading may make within rounding
    everything = sum((a.value for a in amounts), Decimal(0))
    assert reads_as_items(_amount(everything + Decimal("1.00")), amounts) is not True


def test_spending_of_other_kinds_after_the_classes_ends_the_last_class() -> None:
    # a summary table without codes: 对附属单位补助支出 and 上缴上级支出 follow the classes
    text = ("南湖县民政局2026年部门预算\n第三部分 2026年部门预算表\n部门收支预算总表\n单位：万元\n"
            "项目                      预算数      项目                      预算数\n"
            "一、财政拨款收入           1,102.00    一般公共服务支出           900.00\n"
            "二、事业收入                   0.00    社会保障和就业支出         100.00\n"
            "三、其他收入                   0.00    其他支出                     2.00\n"
            "                                        对附属单位补助支出         100.00\n"
            "                                        上缴上级支出                 0.00\n"
            "本年收入合计               1,102.00    本年支出合计             1,102.00\n")
    assert [f.code for f in finreport.check(finreport.parse(text))
            if f.severity is finreport.Severity.ERROR] == []


def test_rows_named_alike_without_codes_are_both_read() -> None:
    # a 款 and its one 项 of one name and amount: two rows, not a line written twice
    text = _table([("一般公共服务支出", "6701.98"), ("其他一般公共服务支出", "6700.00"),
                   ("其他一般公共服务支出", "6700.00"), ("社会工作事务", "1.98")], "6701.98")
    report = finreport.parse(text)
    assert [r.name.text for r in report.tables[0].rows if r.cells][1:] == [
        "一般公共服务支出", "其他一般公共服务支出", "其他一般公共服务支出", "社会工作事务"]
    assert _fr112(text) == [("holds", "6701.98")]


_HALVES = ("南湖县交通运输局2026年部门预算\n第三部分 2026年部门预算表\n{title}\n单位：万元\n"
           "项目           预算数   项目              预算数\n"
           "一、财政拨款    38,996.87            一、本年支出合计            38,996.87\n"
           "一般公共预算             24,339.20   一般公共服务支出           11,851.87\n"
           "政府性基金预算            14,657.67             政府办公厅（室）及相关机构事务   3,839.34\n"
           "国有资本经营预算               一般行政管理事务     3,839.34\n"
           "{left}                 社会工作事务      2,876.14\n"
           "一般公共预算                 其他社会工作事务支出            2,876.14\n"
           "政府性基金预算                 统计信息事务   5,136.39\n"
           "国有资本经营预算                 行政运行      3,561.39\n"
           "统计抽样调查              1,575.00\n")


def test_a_summary_line_whose_halves_ran_together_leaves_its_class_unjudged() -> None:
    # the income label and an expenditure name on one line with one amount: whose amount
    # it is, and where the classes end, are not certain
    for title, left in (("财政拨款收支预算总表", "二、上年结转结余"),
                        ("收支预算总表", "二、财政专户管理资金")):
        text = _HALVES.format(title=title, left=left)
        assert [f.code for f in finreport.check(finreport.parse(text))
                if f.severity is finreport.Severity.ERROR] == [], (title, left)
