"""Shapes the field writes that the reading once got wrong, on texts of our own: a table
known by its place (its unit line follows its title), cells next to words, a title
written twice, a code printed on two rows, a list that is a sentence of its own, lines led
by their codes, and sections titled by the table they explain."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

import finreport
from finreport import TableKind
from finreport.templates.tables import CELL

TABLES_HEAD = "2026年度某某局部门预算\n第一部分 2026年度部门预算表\n"


def _kinds(text: str) -> list[tuple[TableKind | None, str, int]]:
    return [(t.kind, t.title.text, len(t.rows)) for t in finreport.parse(text).tables]


def test_a_table_whose_title_ends_otherwise_is_known_by_its_unit_line() -> None:
    # 情况表 is no ending of the standard titles; the unit line under it says it is a
    # table, and the rows after it are no more the table's before it
    text = TABLES_HEAD + (
        "七、国有资本经营预算拨款支出预算表\n"
        "单位：万元\n"
        "科目编码          科目名称        小计\n"
        "合计                    0.00\n"
        "八、一般公共预算支出经济分类情况表\n"
        "2026年度一般公共预算支出经济分类情况表\n"
        "单位：万元\n"
        "科目编码                        科目名称                               预算数\n"
        "合计                                               100.00\n"
        "301              工资福利支出                                      60.00\n"
        "302              商品和服务支出                                    40.00\n")
    assert _kinds(text) == [
        (TableKind.STATE_CAPITAL, "七、国有资本经营预算拨款支出预算表", 1),
        (TableKind.GENERAL_BUDGET, "2026年度一般公共预算支出经济分类情况表", 3)]
    assert [f.code for f in finreport.check(finreport.parse(text))
            if f.severity is finreport.Severity.ERROR] == []


def test_a_printed_number_above_a_title_with_a_note_is_no_table_of_its_own() -> None:
    text = TABLES_HEAD + (
        "公开05表\n"
        "财政拨款支出表    （功能科目）\n"
        "单位：某某局                                     单位：万元\n"
        "科目编码       科目名称          合计\n"
        "合计                            10.00\n"
        "201            一般公共服务支出    10.00\n")
    assert _kinds(text) == [(TableKind.FISCAL_EXPENDITURE, "财政拨款支出表(功能科目)", 2)]


def test_titles_of_the_general_kinds_by_their_words() -> None:
    head = TABLES_HEAD
    rows = "单位：万元\n合计      1.00\n"
    text = head + "".join(f"{title}\n{rows}" for title in (
        "收支总体情况表", "收入总体情况表", "本年支出总体情况表", "财政拨款收支总体情况表",
        "收入总表", "支出总表"))
    assert [k for k, _, _ in _kinds(text)] == [
        TableKind.SUMMARY, TableKind.INCOME, TableKind.EXPENDITURE,
        TableKind.FISCAL_SUMMARY, TableKind.INCOME, TableKind.EXPENDITURE]


def test_a_title_written_twice_is_one_table() -> None:
    # the part's heading above the table's own title, split by the quotes on a line of
    # their own; and the title again on the next page with no row under it
    text = TABLES_HEAD + (
        "十、一般公共预算“三公”经费支出预算表\n"
        "“        ”\n"
        "2026年度一般公共预算   三公   经费支出预算表\n"
        "单位：万元\n"
        "项目                 预算数\n"
        "合计                  10.00\n"
        "2026年预算单位收入预算总表\n"
        "单位：万元\n"
        "合计                  20.00\n"
        "26年预算单位收入预算总表\n"
        "单位：万元\n"
        "收入预算\n")
    assert _kinds(text) == [
        (TableKind.THREE_PUBLIC, "2026年度一般公共预算三公经费支出预算表", 1),
        (TableKind.INCOME, "2026年预算单位收入预算总表", 1)]


def test_cells_next_to_words_and_years() -> None:
    line = "上年结转结余       4,023.45   年终结转结余"
    assert [m.group() for m in CELL.finditer(line)] == ["4,023.45"]
    glued = "上年结转结余            19,904.01结转结余下年            0.00"
    assert [m.group() for m in CELL.finditer(glued)] == ["19,904.01", "0.00"]
    # a year stays no cell; a separator one group off still groups thousands
    assert [m.group() for m in CELL.finditer("截至 2025 年  12 月")] == []
    assert [m.group() for m in CELL.finditer("合计   128138,600   19711,277")] == [
        "128138,600", "19711,277"]


@settings(max_examples=60, deadline=None)
@given(st.decimals(min_value=0, max_value=Decimal("9999999.99"), places=2),
       st.sampled_from(["年终结转结余", "年", "结转", ""]), st.integers(0, 3))
def test_a_written_amount_is_one_cell_whatever_follows(value: Decimal, after: str,
                                                       spaces: int) -> None:
    written = f"{value:,.2f}"
    line = f"项目   {written}{' ' * spaces}{after}"
    found = [m.group() for m in CELL.finditer(line)]
    assert found == [written]


def test_the_summary_carry_over_row_next_to_the_other_halfs_name_is_read() -> None:
    text = TABLES_HEAD + (
        "表1  收支预算总表\n"
        "单位：万元\n"
        "项目                  预算数       项目                  预算数\n"
        "一、财政拨款           90.00       一般公共服务支出       100.00\n"
        "本年收入合计           90.00       本年支出合计           100.00\n"
        "上年结转结余           10.00   年终结转结余\n"
        "收入总计              100.00       支出总计               100.00\n")
    report = finreport.parse(text)
    rows = [(r.side, r.name.text, [str(c.value) for c in r.cells])
            for r in report.tables[0].rows]
    assert (0, "上年结转结余", ["10.00"]) in rows
    assert [f.code for f in finreport.check(report)
            if f.severity is finreport.Severity.ERROR] == []
    wrong = text.replace("上年结转结余           10.00", "上年结转结余           12.00")
    assert "FR117" in [f.code for f in finreport.check(finreport.parse(wrong))]


def _code_twice(second: str) -> str:
    """A table whose item's code is cut to its 款's: 21999 above 21999, the second row
    named *second*."""
    return TABLES_HEAD + (
        "一般公共预算支出表\n"
        "单位：万元\n"
        "科目编码      科目名称              合计\n"
        "合计                               502.00\n"
        "219           援助其他地区支出      502.00\n"
        "21999         其他支出              502.00\n"
        f"21999         {second}502.00\n")


def test_a_code_printed_on_two_rows_leaves_its_class_unchecked() -> None:
    # 21999 above 21999: the item's code cut to its 款's; 219 is not 502 + 502
    text = _code_twice("其他支出(其他)        ")
    report = finreport.parse(text)
    assert [f.code for f in finreport.check(report)] == []
    audit = finreport.audit(report)
    assert [(c.code, c.outcome.value, c.reason) for c in audit.checks if c.code == "FR112"] == [
        ("FR112", "abstained", "a code is printed on two of the rows below it")]


def test_a_row_written_twice_in_a_row_is_read_once() -> None:
    # the same line twice (the text layer's, or an item's code cut to its 款's with the
    # 款's name): one row, so the class holds (219 = 502)
    text = _code_twice("其他支出              ")
    report = finreport.parse(text)
    assert [r.code for r in report.tables[0].rows if r.code] == ["219", "21999"]
    audit = finreport.audit(report)
    assert [(c.code, c.outcome.value) for c in audit.checks if c.code == "FR112"] == [
        ("FR112", "holds")]


NARRATIVE_HEAD = "2026年度某某局部门预算\n第一部分 2026年度部门预算情况说明\n"


def test_a_list_that_is_a_sentence_of_its_own_breaks_down_the_amount_before_it() -> None:
    text = NARRATIVE_HEAD + (
        "一、预算收支总体情况\n"
        "2026年，某某局部门收入预算为100.00万元，比上年增加5.00万元，主要原因是业务"
        "经费增加。其中：一般公共预算拨款收入80.00万元、其他收入15.00万元、上年结转结余"
        "5.00万元。\n")
    report = finreport.parse(text)
    # 其中 may name some of the parts only: the list may not exceed the amount
    assert _listed(report) == [(Decimal("100.00"), ["80.00", "15.00", "5.00"])]
    assert report.enumerations == ()
    assert finreport.check(report) == []
    assert finreport.check(finreport.parse(text.replace("其他收入15.00", "其他收入14.00"))) == []
    wrong = text.replace("其他收入15.00", "其他收入16.00")
    found = [f for f in finreport.check(finreport.parse(wrong)) if f.code == "FR101"]
    assert len(found) == 1
    assert [wrong[s.start:s.end] for s in found[0].spans] == [
        "100.00万元", "80.00万元", "16.00万元", "5.00万元"]
    # two lists in one sentence (收入包括…；支出包括…) are no breakdown of one amount
    two = NARRATIVE_HEAD + (
        "一、预算收支总体情况\n"
        "2026年某某局收支总预算100.00万元。收入包括：一般公共预算拨款收入100.00万元；"
        "支出包括：一般公共服务支出60.00万元、教育支出40.00万元。\n")
    assert _listed(finreport.parse(two)) == []


def _listed(report: finreport.Report) -> list[tuple[Decimal | None, list[str]]]:
    return [(b.total.amount.value if b.total is not None and b.total.amount else None,
             [str(p.amount.value) for p in b.items if p.amount]) for b in report.lists]


def test_a_list_naming_the_parts_of_a_total_breaks_down_the_total() -> None:
    # the total, the parts it includes, then 其中 with items that name those parts by
    # their words (本年…, 上年结转结余的…): the items are parts of the total, their shares
    # are of the total
    text = NARRATIVE_HEAD + (
        "一、收入预算情况说明\n"
        "某某局2026年收入预算合计100.00万元，包括本年收入90.00万元，上年结转结余10.00万元。\n"
        "其中：\n"
        "本年一般公共预算收入80.00万元，占80.00%；\n"
        "本年其他收入10.00万元，占10.00%；\n"
        "上年结转结余的一般公共预算收入10.00万元，占10.00%。\n")
    report = finreport.parse(text)
    assert _listed(report) == [(Decimal("100.00"), ["80.00", "10.00", "10.00"])]
    assert finreport.check(report) == []
    wrong = text.replace("占80.00%", "占88.89%")  # of 本年收入, not of the total
    assert [f.code for f in finreport.check(finreport.parse(wrong))] == ["FR201"]
    # items that name one part only may break that part down: left alone
    one = text.replace("上年结转结余的一般公共预算收入10.00万元，占10.00%。",
                       "本年事业收入0.00万元，占0.00%。")
    assert _listed(finreport.parse(one)) == []


def test_classes_of_all_funds_are_compared_with_the_expenditure_table() -> None:
    text = TABLES_HEAD + (
        "支出总表\n"
        "单位：万元\n"
        "科目编码       科目名称              合计\n"
        "合计                                 30.00\n"
        "208            社会保障和就业支出    10.00\n"
        "213            农林水支出            20.00\n"
        "第二部分 2026年度部门预算情况说明\n"
        "一、收支预算总体情况\n"
        "（二）支出预算总计30.00万元。包括：\n"
        "1．本年支出合计30.00万元。\n"
        "（1）社会保障和就业支出（类）支出10.00万元，主要用于养老保险缴费。与上年相比增加"
        "1.00万元，增长11.11%。\n"
        "（2）农林水支出（类）支出20.00万元，主要用于水利事业。\n")
    report = finreport.parse(text)
    held = [(c.code, text[c.spans[0].start:c.spans[0].end], text[c.spans[1].start:c.spans[1].end])
            for c in finreport.audit(report).checks
            if c.code == "FR504" and c.outcome.value == "holds"]
    assert ("FR504", "20.00万元", "20.00") in held and ("FR504", "10.00万元", "10.00") in held
    wrong = text.replace("（2）农林水支出（类）支出20.00", "（2）农林水支出（类）支出20.07")
    assert [f.code for f in finreport.check(finreport.parse(wrong))
            if f.severity is finreport.Severity.ERROR] == ["FR504"]


def test_lines_led_by_their_codes_are_compared_with_the_table_rows_of_those_codes() -> None:
    text = TABLES_HEAD + (
        "一般公共预算拨款支出预算表\n"
        "单位：万元\n"
        "科目编码       科目名称              合计\n"
        "合计                                 30.00\n"
        "204            公共安全支出          30.00\n"
        "20402          公安                  30.00\n"
        "2040201        行政运行              20.00\n"
        "2040299        其他公安支出          10.00\n"
        "第二部分 2026年度部门预算情况说明\n"
        "一、一般公共预算拨款支出情况\n"
        "2026年度一般公共预算拨款支出30.00万元。其中（按项级科目分类统计）：\n"
        "（一）2040201-行政运行20.00万元。主要用于人员经费和公用经费支出。\n"
        "（二）2040299-其他公安支出10.00万元。主要用于业务工作。\n")
    report = finreport.parse(text)
    gb = report.general_budget
    assert gb is not None
    assert [(line.classification.code.text if line.classification.code else None,
             str(line.amount.value) if line.amount else None) for line in gb.lines] == [
        ("2040201", "20.00"), ("2040299", "10.00")]
    assert [f.code for f in finreport.check(report)
            if f.severity is finreport.Severity.ERROR] == []
    held = {c.spans[0] for c in finreport.audit(report).checks
            if c.code == "FR504" and c.outcome.value == "holds"}
    assert {text[s.start:s.end] for s in held} >= {"20.00万元", "10.00万元"}
    wrong = text.replace("（二）2040299-其他公安支出10.00", "（二）2040299-其他公安支出11.00")
    # the row's cell, and the 项 lines (each its own) adding up to more than the total
    assert [f.code for f in finreport.check(finreport.parse(wrong))
            if f.severity is finreport.Severity.ERROR] == ["FR101", "FR504"]


def test_sections_titled_by_the_table_they_explain() -> None:
    text = NARRATIVE_HEAD + (
        "一、关于部门收入总表的说明\n"
        "2026年某某局收入预算总计100.00万元，其中，一般公共预算拨款收入60.00万元，占60.00%；"
        "其他收入40.00万元，占40.00%。\n"
        "二、关于部门支出总表的说明\n"
        "2026年某某局支出预算总计100.00万元，其中，基本支出70.00万元，占70.00%；项目支出"
        "30.00万元，占30.00%。\n")
    report = finreport.parse(text)
    assert report.income is not None and report.expenditure is not None
    assert [str(e.amount.value) for e in report.income.items if e.amount] == ["60.00", "40.00"]
    assert [str(e.amount.value) for e in report.expenditure.items if e.amount] == [
        "70.00", "30.00"]
    assert finreport.check(report) == []
    wrong = text.replace("占70.00%", "占72.00%")
    assert [f.code for f in finreport.check(finreport.parse(wrong))] == ["FR201", "FR202"]


def test_a_share_of_the_departments_spending_is_of_the_expenditure_total() -> None:
    text = NARRATIVE_HEAD + (
        "一、关于部门支出总表的说明\n"
        "2026年某某局支出预算总计200.00万元，其中，基本支出150.00万元，占75.00%；项目支出"
        "50.00万元，占25.00%。\n"
        "二、关于一般公共预算支出表的说明\n"
        "按照支出功能分类，主要是2014099其他事务支出，2026年预算数为40.00万元，占部门支出"
        "总额的20.00%，主要用于业务工作。\n")
    report = finreport.parse(text)
    assert [f.code for f in finreport.check(report)] == []
    assert "FR201" in {c.code for c in finreport.audit(report).checks
                       if c.outcome.value == "holds" and text[c.spans[0].start:c.spans[0].end]
                       == "20.00%"}
    wrong = text.replace("占部门支出总额的20.00%", "占部门支出总额的80.00%")
    found = [f for f in finreport.check(finreport.parse(wrong)) if f.code == "FR201"]
    assert [[wrong[s.start:s.end] for s in f.spans] for f in found] == [
        ["80.00%", "40.00万元", "200.00万元"]]


def test_a_line_first_in_the_general_budget_section_is_not_its_total() -> None:
    text = NARRATIVE_HEAD + (
        "一、关于一般公共预算支出表的说明\n"
        "按照支出功能分类，支出规模较大的是2014099其他事务支出，2026年预算数为40.00万元，"
        "主要用于业务工作。\n")
    report = finreport.parse(text)
    gb = report.general_budget
    assert gb is None or gb.total is None
    assert [str(e.amount.value) for e in report.statements if e.amount] == ["40.00"]
    named = NARRATIVE_HEAD + (
        "一、关于一般公共预算支出表的说明\n"
        "2026年一般公共预算拨款支出100.00万元，比上年增加10.00万元，增长11.11%。\n")
    total = finreport.parse(named).general_budget
    assert total is not None and total.total is not None
    assert total.total.amount is not None and str(total.total.amount.value) == "100.00"


def test_a_part_with_a_share_and_no_amount_before_a_list_is_read() -> None:
    # the sentence's own parts may hold a share alone: the labels are still found, and
    # nothing is raised from inside the reading
    text = NARRATIVE_HEAD + (
        "一、收入预算情况说明\n"
        "某某局2026年收入预算合计100.00万元，包括本年收入占90%，上年结转结余10.00万元。\n"
        "其中：\n本年一般公共预算收入80.00万元，占80.00%；\n"
        "上年结转结余的一般公共预算收入10.00万元，占10.00%。\n")
    report = finreport.parse(text)
    assert _listed(report) == [(Decimal("100.00"), ["80.00", "10.00"])]
    assert finreport.check(report) == []


def test_the_year_before_a_change_is_not_the_period_of_the_amount() -> None:
    text = NARRATIVE_HEAD + (
        "一、2026年“三公”经费预算情况说明\n"
        "2026年“三公”经费预算数为55.10万元，比2025年预算减少23.10万元。其中：\n"
        "（一）因公出国（境）费35.00万元，与2025年预算持平。\n"
        "（二）公务用车购置及运行费20.10万元，比2025年预算减少23.10万元。\n")
    three = finreport.parse(text).three_public
    assert three is not None and three.vehicles is not None and three.overseas is not None
    assert three.vehicles.period is None and three.overseas.period is None
    change = three.vehicles.change
    assert change is not None and change.compared_year is not None
    assert change.compared_year.value == 2025


def test_a_figure_with_its_unit_in_a_table_no_cell_holds_is_listed() -> None:
    text = TABLES_HEAD + (
        "项目支出预算表\n"
        "单位：万元\n"
        "项目名称          合计       绩效目标\n"
        "合计              10.00\n"
        "系统运维          10.00      正常运行率（99%）；用户满意度95%以上\n")
    report = finreport.parse(text)
    assert [(u.reason, u.text) for u in report.unrecognized] == [
        ("unattributed", "99"), ("unattributed", "95")]
