"""The tables part: tables read from layout text, and the table rules (FR111–FR113)."""

from __future__ import annotations

import functools
import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import finreport
from finreport import TableKind
from finreport.checks.table_figures import certain_rows as _certain
from tests.conftest import corpus_dir

LAYOUT = """\
第一部分 2020年度某某局部门决算表
一、收入支出决算总表
单位：万元
收入                                      支出
项目              决算数                  项目                决算数
本年收入合计      90.00                   本年支出合计        80.00
年初结转和结余    10.00                   年末结转和结余      20.00
总计              100.00                  总计                100.00
二、一般公共预算财政拨款支出决算表（公开05表）
单位：万元
科目编码                 科目名称                  合计       基本支出    项目支出
栏次                                                1          2           3
合计                                             1,100.00     800.00     300.00
201                      一般公共服务支出          600.00     500.00     100.00
201   06                 财政事务                  600.00     500.00     100.00
201   06   01            行政运行                  500.00     500.00
201   06   02            一般行政管理事务          100.00                100.00
208                      社会保障和就业支出        500.00     300.00     200.00
208   05                 行政事业单位养老支出      500.00     300.00     200.00
                         机关事业单位基本养老保险
208   05   05                                      500.00     300.00     200.00
                         缴费支出
"""


def test_tables_read_from_layout_text() -> None:
    report = finreport.parse(LAYOUT)
    summary, budget = report.tables
    assert summary.kind is TableKind.SUMMARY and summary.number is not None
    assert summary.number.text == "一、" and summary.unit == "万元"
    assert [(r.name.text, r.side, [str(c.value) for c in r.cells]) for r in summary.rows] == [
        ("本年收入合计", 0, ["90.00"]), ("本年支出合计", 1, ["80.00"]),
        ("年初结转和结余", 0, ["10.00"]), ("年末结转和结余", 1, ["20.00"]),
        ("总计", 0, ["100.00"]), ("总计", 1, ["100.00"])]
    assert budget.kind is TableKind.GENERAL_BUDGET and budget.number is not None
    assert budget.number.text == "二、"
    assert [h.text for h in budget.header][-1] == "栏次123"  # column numbers: header
    total = budget.total
    assert total is not None and [str(c.value) for c in total.cells] == [
        "1100.00", "800.00", "300.00"]
    assert LAYOUT[total.cells[0].span.start:total.cells[0].span.end] == "1,100.00"
    rows = {r.code: r for r in budget.rows if r.code}
    assert sorted(rows) == ["201", "20106", "2010601", "2010602", "208", "20805",
                            "2080505"]
    assert rows["20106"].name.text == "财政事务" and rows["20106"].level == "款"
    assert rows["2010601"].level == "项" and rows["201"].level == "类"
    code_span = rows["2010601"].code_span
    assert code_span is not None and LAYOUT[code_span.start:code_span.end] == "201   06   01"
    # a name wrapped around its row: the line before and the line after
    assert rows["2080505"].name.text == "机关事业单位基本养老保险缴费支出"
    assert [str(c.value) for c in rows["2010602"].cells] == ["100.00", "100.00"]
    for table in report.tables:
        for row in table.rows:
            for cell in row.cells:
                written = LAYOUT[cell.span.start:cell.span.end]
                assert Decimal(written.replace(",", "")) == cell.value


def test_tables_part_reads_as_no_narrative() -> None:
    report = finreport.parse(LAYOUT)
    assert report.unrecognized == () and report.statements == ()
    assert finreport.check(report) == []


def _table(rows: str, total: str = "100.00") -> str:
    return ("第一部分 2020年度部门决算表\n一般公共预算财政拨款支出决算表\n单位：万元\n"
            "科目编码      科目名称              合计\n"
            f"合计                              {total}\n" + rows)


def test_rounding_is_no_error() -> None:
    # 33.33 + 33.33 + 33.34 = 100.00 exactly; four cells written to the cent carry
    # ±0.02 together, so 0.01 or 0.02 short is rounding and 0.04 short is an error
    ok = _table("201           一般公共服务支出      100.00\n"
                "20101         人大事务              33.33\n"
                "20102         政协事务              33.33\n"
                "20103         政府办公厅            33.34\n")
    assert finreport.check(finreport.parse(ok)) == []
    off = ok.replace("33.34", "33.30")
    found = finreport.check(finreport.parse(off))
    assert [f.code for f in found] == ["FR112"]
    assert found[0].evidence.difference == Decimal("0.04")
    for near in ("33.33", "33.32"):
        assert finreport.check(finreport.parse(ok.replace("33.34", near))) == []
    # a 项 row directly under a 类 (no 款 between) is not summed into it
    skip = _table("201           一般公共服务支出      100.00\n"
                  "2010601       行政运行              33.33\n")
    assert finreport.check(finreport.parse(skip)) == []


def test_rows_of_whole_units_carry_their_rounding() -> None:
    # cells written without decimals stand for ±0.5 each: 33 + 33 + 33 may be 100
    text = _table("201           一般公共服务支出      100\n"
                  "20101         人大事务              33\n"
                  "20102         政协事务              33\n"
                  "20103         政府办公厅            33\n", total="100")
    assert [f.code for f in finreport.check(finreport.parse(text))] == []


def test_amounts_under_no_code_leave_the_table_unchecked() -> None:
    # a row broken apart by text extraction writes its amounts under no code
    text = _table("201           一般公共服务支出      100.00\n"
                  "20101         人大事务              50.00\n"
                  "                                    99.00\n"
                  "20102         政协事务              10.00\n")
    report = finreport.parse(text)
    assert _certain(report.tables[0]) is None
    assert [f.code for f in finreport.check(report)] == []


@pytest.mark.parametrize("mark", ["7", "29", "  113  "])
def test_a_page_number_between_rows_is_no_row(mark: str) -> None:
    # a page break inside a table of a text without form feeds leaves the page's number
    # on a line of its own between two rows: no row (a table writing cents writes 7.00)
    rows = ("201           一般公共服务支出      100.00\n"
            "20101         人大事务              50.00\n"
            f"{mark}\n"
            "20102         政协事务              53.00\n")
    report = finreport.parse(_table(rows))
    [table] = report.tables
    assert [(r.code, [str(c.value) for c in r.cells]) for r in table.rows] == [
        (None, ["100.00"]), ("201", ["100.00"]), ("20101", ["50.00"]), ("20102", ["53.00"])]
    found = finreport.check(report)
    assert [(f.code, f.evidence.difference if f.evidence else None) for f in found] == [
        ("FR112", Decimal("-3.00"))]


@pytest.mark.parametrize("dash", ["-", "—", "--"])
def test_a_dash_is_an_empty_cell(dash: str) -> None:
    # 行政运行 40.00 40.00 - : a dash for nothing, no words of a second half
    text = ("第一部分 2026年部门预算表\n一般公共预算支出表\n单位：万元\n"
            "科目编码    科目名称                 合计      基本支出    项目支出\n"
            "合计                                100.00       80.00       20.00\n"
            "201         一般公共服务支出         100.00       80.00       20.00\n"
            "20108       审计事务                 100.00       80.00       20.00\n"
            f"2010801     行政运行                  80.00       80.00       {dash}\n"
            f"2010804     审计业务                  {{audit}}       {dash}       {{audit}}\n")
    report = finreport.parse(text.format(audit="20.00"))
    [table] = report.tables
    assert [(r.code, r.name.text, [str(c.value) for c in r.cells]) for r in table.rows][-2:] == [
        ("2010801", "行政运行", ["80.00", "80.00"]), ("2010804", "审计业务", ["20.00", "20.00"])]
    assert finreport.check(report) == []
    found = finreport.check(finreport.parse(text.format(audit="21.00")))
    assert {f.code for f in found} == {"FR112"}


_HALVES = """第一部分 2026年部门预算表
部门收支总表
单位：万元
收入                                        支出
项目                         预算数         项目                       预算数
一、一般公共预算拨款收入      93.00         一、一般公共服务支出        60.00
二、政府性基金预算拨款收入                  二、社会保障和就业支出      40.00
三、其他收入                  {other}
本年收入合计                 100.00         本年支出合计               100.00
上年结转结余                                年终结转结余                 {mark}
收入总计                     100.00         支出总计                   100.00
"""


def test_a_blank_cell_of_the_first_half_keeps_the_two_names_apart() -> None:
    # 二、政府性基金预算拨款收入 (blank)  二、社会保障和就业支出 40.00: two rows, the amount
    # the second half's; a whole number among amounts with decimals (a row's number) is
    # no amount
    report = finreport.parse(_HALVES.format(other="7.00", mark="12"))
    [table] = report.tables
    assert [(r.name.text, r.side, [str(c.value) for c in r.cells]) for r in table.rows][:6] == [
        ("一、一般公共预算拨款收入", 0, ["93.00"]), ("一、一般公共服务支出", 1, ["60.00"]),
        ("二、政府性基金预算拨款收入", 0, []), ("二、社会保障和就业支出", 1, ["40.00"]),
        ("三、其他收入", 0, ["7.00"]), ("本年收入合计", 0, ["100.00"])]
    assert finreport.check(report) == []
    found = finreport.check(finreport.parse(_HALVES.format(other="10.00", mark="12")))
    assert [(f.code, f.evidence.difference if f.evidence else None) for f in found] == [
        ("FR117", Decimal("-3.00"))]


def test_a_lone_whole_number_in_a_table_of_whole_numbers_stays_a_row() -> None:
    # whole amounts: a lone number may be a cell, and the table is left unchecked
    text = _table("201           一般公共服务支出      100\n"
                  "20101         人大事务              50\n"
                  "7\n"
                  "20102         政协事务              53\n", total="100")
    report = finreport.parse(text)
    assert [r.name.text for r in report.tables[0].rows].count("") == 1
    assert finreport.check(report) == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10**7), min_size=1, max_size=6),
       st.integers(min_value=-200, max_value=200))
def test_class_rows_property(items: list[int], slip: int) -> None:
    """A class written as the sum of its items (in cents) plus *slip* cents is an error
    exactly when the slip exceeds the rounding of its n + 1 cells (half a cent each)."""
    def money(cents: int) -> str:
        return f"{Decimal(cents) / 100:,.2f}"

    total = sum(items) + slip
    if total < 0:
        return
    rows = f"201           一般公共服务支出      {money(total)}\n"
    rows += "".join(f"201{k + 1:02d}         事务{k}              {money(c)}\n"
                    for k, c in enumerate(items))
    report = finreport.parse(_table(rows, total=money(total)))
    codes = [f.code for f in finreport.check(report) if f.code == "FR112"]
    assert codes == (["FR112"] if 2 * abs(slip) > len(items) + 1 else [])


# --- mutation of the given PDFs' table cells -----------------------------------------

pdfium = pytest.importorskip("pypdfium2", reason="the pdf extra is not installed")

_PDFS = ("budget-2018-jiangsu-high-court.pdf", "budget-2017-jiangsu-procuratorate.pdf",
         "budget-2021-southwest-university.pdf", "final-2023-southwest-university.pdf")


@functools.cache
def _text(name: str) -> str:
    where = corpus_dir()
    if where is None or not (where / "real" / name).is_file():
        pytest.skip(f"reference PDF {name} not found")
    from finreport.pdf import extract_text

    return extract_text((where / "real" / name).read_bytes())


def _mutated(text: str, start: int, end: int) -> str:
    written = text[start:end]
    digit = re.search(r"[1-9]", written)
    assert digit is not None
    k = digit.start()
    new = str(int(written[k]) % 9 + 1)
    return text[: start + k] + new + text[start + k + 1 :]


@pytest.mark.parametrize("name", _PDFS)
def test_changed_table_cells_are_found(name: str) -> None:
    text = _text(name)
    report = finreport.parse(text)
    assert [f.code for f in finreport.check(report) if f.code in ("FR111", "FR112")] == []
    cells = [row.cells[0] for table in report.tables if (rows := _certain(table))
             for row in rows if row.cells[0].value != 0][:12]
    assert len(cells) >= 6, "too few checked cells to mutate"
    for cell in cells:
        changed = finreport.parse(_mutated(text, cell.span.start, cell.span.end))
        found = [f for f in finreport.check(changed)
                 if f.code in ("FR111", "FR112") and cell.span in f.spans]
        assert found, f"changing {text[cell.span.start:cell.span.end]} at {cell.span} " \
                      f"was not found"


def test_read_path_is_linear_on_a_long_table() -> None:
    rows = "".join(f"201{k % 100:02d}         事务              1.00\n" for k in range(20000))
    report = finreport.parse(_table(rows, total="20000.00"))
    assert len(report.tables[0].rows) == 20001
    assert finreport.check(report) == []
