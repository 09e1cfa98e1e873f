"""Tables against each other, the narrative against the tables, and the tables the
contents list (FR114, FR504, FR115)."""

from __future__ import annotations

import functools
import re

import pytest

import finreport
from finreport.checks.narrative_tables import _stated
from finreport.checks.registry import Context
from finreport.checks.table_figures import Quantity, table_figures

from ..conftest import corpus_dir, read_fixture

FIXTURE = "layout2024_tables.txt"
RULES = ["FR114", "FR115", "FR504"]


def _compared(report: finreport.Report) -> list[tuple[str, str, str, str]]:
    """(quantity, code, narrative value, table cell as written) of every comparison."""
    ctx = Context(report)
    tables: dict[tuple[Quantity, str], list[object]] = {}
    for figure in table_figures(ctx):
        tables.setdefault((figure.quantity, figure.code), []).append(figure)
    out = []
    for quantity, code, amount, _ in _stated(report, ctx.fiscal_year, tables):  # type: ignore[arg-type]
        for cell in tables.get((quantity, code), [])[:1]:
            out.append((quantity.name, code, str(amount.value), str(cell.amount.value)))  # type: ignore[attr-defined]
    return out


def _findings(text: str, codes: list[str] | None = None,
              locale: str = "zh_CN") -> list[tuple[str, str, list[str]]]:
    report = finreport.parse(text)
    return [(f.code, f.message, [text[s.start:s.end] for s in f.spans])
            for f in finreport.check(report, select=codes or RULES, locale=locale)]


def test_consistent_layout_report_agrees_everywhere() -> None:
    text = read_fixture(FIXTURE)
    report = finreport.parse(text)
    assert finreport.check(report) == []
    assert _compared(report) == [
        ("GRAND_TOTAL", "", "1050.00", "1050.00"),
        ("INCOME_TOTAL", "", "1020.00", "1020.00"),
        ("INCOME_SOURCE", "财政拨款收入", "1000.00", "1000.00"),
        ("INCOME_SOURCE", "其他收入", "20.00", "20.00"),
        ("EXPENDITURE_TOTAL", "", "1010.00", "1010.00"),
        ("BASIC_SPENDING", "", "810.00", "810.00"),
        ("PROJECT_SPENDING", "", "200.00", "200.00"),
        ("FISCAL_TOTAL", "", "1000.00", "1000.00"),
        ("GENERAL_BUDGET", "", "1000.00", "1000.00"),
        ("GENERAL_BUDGET", "", "1000.00", "1000.00"),
        ("GENERAL_BUDGET", "201", "700.00", "700.00"),
        ("GENERAL_BUDGET", "208", "200.00", "200.00"),
        ("GENERAL_BUDGET", "221", "100.00", "100.00"),
        ("GENERAL_BUDGET", "2012601", "500.00", "500.00"),
        ("GENERAL_BUDGET", "2012604", "200.00", "200.00"),
        ("GENERAL_BUDGET", "2080505", "200.00", "200.00"),
        ("GENERAL_BUDGET", "2210201", "100.00", "100.00"),
        ("GENERAL_BASIC", "", "800.00", "800.00"),
    ]
    assert [t.text for t in report.listed_tables] == [
        "一、收入支出决算总表", "二、收入决算表", "三、支出决算表", "四、财政拨款收入支出决算总表",
        "五、一般公共预算财政拨款支出决算表", "六、一般公共预算财政拨款基本支出决算表"]


_LINE = "住房公积金（项）。主要用于：为在职人员缴存住房公积金。年初预算为100.00万元，支出决算为"


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("收入支出总计1,050.00", "收入支出总计1,060.00",
     [("FR504", "收支总计：情况说明为1060.00万元，收入支出决算总表为1050.00万元",
       ["1,060.00万元", "1,050.00"])]),
    (_LINE + "100.00万元", _LINE + "110.00万元",
     [("FR504", "住房公积金（2210201）：情况说明为110.00万元，一般公共预算财政拨款支出决算表为100.00万元",
       ["110.00万元", "100.00"])]),
    ("住房保障支出（类）100.00万元", "住房保障支出（类）101.00万元",
     [("FR504", "住房保障支出（221）：情况说明为101.00万元，一般公共预算财政拨款支出决算表为100.00万元",
       ["101.00万元", "100.00"])]),
    # the general budget table's 基本支出 column and the basic table's 合计 both say 800
    ("一般公共预算财政拨款基本支出800.00万元", "一般公共预算财政拨款基本支出880.00万元",
     [("FR504", "一般公共预算财政拨款基本支出：情况说明为880.00万元，"
       "一般公共预算财政拨款支出决算表为800.00万元", ["880.00万元", "800.00"]),
      ("FR504", "一般公共预算财政拨款基本支出：情况说明为880.00万元，"
       "一般公共预算财政拨款基本支出决算表为800.00万元", ["880.00万元", "800.00"])]),
    ("基本支出810.00万元，占80.20%", "基本支出820.00万元，占80.20%",
     [("FR504", "基本支出：情况说明为820.00万元，支出决算表为810.00万元",
       ["820.00万元", "810.00"])]),
    ("其他收入20.00万元，占1.96%", "其他收入21.00万元，占1.96%",
     [("FR504", "其他收入：情况说明为21.00万元，收入决算表为20.00万元",
       ["21.00万元", "20.00"])]),
    ("合计                                     1,020.00        1,000.00       20.00",
     "合计                                     1,030.00        1,000.00       20.00",
     [("FR114", "本年收入合计：收入决算表为1030.00万元，收入支出决算总表为1020.00万元",
       ["1,030.00", "1,020.00"]),
      ("FR504", "本年收入合计：情况说明为1020.00万元，收入决算表为1030.00万元",
       ["1,020.00万元", "1,030.00"])]),
    ("201         一般公共服务支出                 710.00        510.00      200.00",
     "201         一般公共服务支出                 720.00        510.00      200.00",
     [("FR114", "支出功能分类（201）：支出决算表为720.00万元，收入支出决算总表为710.00万元",
       ["720.00", "710.00"])]),
])
def test_a_disagreement_is_found_with_both_cells(
        old: str, new: str, expected: list[tuple[str, str, list[str]]]) -> None:
    text = read_fixture(FIXTURE)
    assert text.count(old) == 1
    assert _findings(text.replace(old, new)) == expected


def test_english_messages() -> None:
    text = read_fixture(FIXTURE).replace("收入支出总计1,050.00", "收入支出总计1,060.00")
    assert [m for _, m, _ in _findings(text, locale="en")] == [
        "total income and expenditure: the narrative states 1060.00万元, "
        "收入支出决算总表 states 1050.00万元"]


def test_rounding_is_no_disagreement() -> None:
    # the narrative writes 1,000万元 and 999.996 rounds to 1,000.00 in the table
    text = read_fixture(FIXTURE).replace("一般公共预算财政拨款支出1,000.00万元，占",
                                         "一般公共预算财政拨款支出1000万元，占")
    assert _findings(text) == []


def test_a_table_in_yuan_is_compared_in_wan() -> None:
    base = read_fixture(FIXTURE)
    start = base.index("一般公共预算财政拨款基本支出决算表\n单位")
    end = base.index("\n第三部分", start)
    table = base[start:end]
    in_yuan = re.sub(r"(\d+)\.00$", lambda m: f"{int(m.group(1)) * 10000:,}.00",
                     table.replace("单位：万元", "单位：元"), flags=re.MULTILINE)
    assert "8,000,000.00" in in_yuan and "1,000,000.00" in in_yuan
    assert _findings(base.replace(table, in_yuan), ["FR504"]) == []
    differ = in_yuan.replace("8,000,000.00", "8,000,900.00")
    assert _findings(base.replace(table, differ), ["FR504"]) == [
        ("FR504", "一般公共预算财政拨款基本支出：情况说明为800.00万元，"
         "一般公共预算财政拨款基本支出决算表为8000900.00元", ["800.00万元", "8,000,900.00"])]


@pytest.mark.parametrize(("old", "new"), [
    # no unit printed: the table's amounts could be 元
    ("一般公共预算财政拨款基本支出决算表\n单位：万元\n", "一般公共预算财政拨款基本支出决算表\n"),
    # a final-accounts table whose header speaks of budgets: its first column may be one
    ("科目编码    科目名称                           决算数\n合计",
     "科目编码    科目名称                           年初预算数      决算数\n合计"),
    # the narrative's scope is not stated: 基本支出 of which money?
    ("一般公共预算财政拨款基本支出800.00万元", "本部门基本支出800.00万元"),
])
def test_uncertain_quantities_are_not_compared(old: str, new: str) -> None:
    base = read_fixture(FIXTURE)
    assert base.count(old) == 1
    changed = base.replace(old, new).replace("基本支出800.00万元。", "基本支出880.00万元。")
    # the general budget table's 基本支出 column still says 800; the basic table is silent
    assert [f for f in _findings(changed, ["FR504"]) if "基本支出决算表" in f[1]] == []


def test_a_total_named_only_income_total_is_left_alone() -> None:
    # 收入总计 is this year's income in some templates, the whole in others
    text = read_fixture(FIXTURE).replace("本年收入合计1,020.00万元，其中",
                                         "本年收入总计1,030.00万元，其中")
    assert [f for f in _findings(text, ["FR504"]) if "1,030.00" in f[2]] == []


def test_a_line_that_names_no_single_row_is_left_alone() -> None:
    # two 行政运行 rows under class 201 and a line that does not name its 款
    text = read_fixture(FIXTURE)
    text = text.replace("2012604     档案馆                           200.00                    "
                        "200.00\n208         社会保障和就业支出               200.00",
                        "2012604     档案馆                           200.00                    "
                        "200.00\n20103       政府办公厅                         0.00\n"
                        "2010301     行政运行                           0.00\n"
                        "208         社会保障和就业支出               200.00", 1)
    text = text.replace("一般公共服务支出（类）档案事务（款）行政运行（项）。主要用于：局机关的日常运转。"
                        "年初预算为500.00万元，支出决算为500.00万元",
                        "一般公共服务支出（类）行政运行（项）。主要用于：局机关的日常运转。"
                        "年初预算为500.00万元，支出决算为510.00万元")
    assert [f for f in _findings(text, ["FR504"]) if "510.00" in f[2]] == []


# --- the contents ----------------------------------------------------------------------


def test_a_listed_table_not_printed_is_named() -> None:
    text = read_fixture(FIXTURE)
    start = text.index("\n一般公共预算财政拨款支出决算表\n") + 1
    end = text.index("一般公共预算财政拨款基本支出决算表\n单位")
    changed = text[:start] + text[end:]
    assert _findings(changed, ["FR115"]) == [
        ("FR115", "目录列出“五、一般公共预算财政拨款支出决算表”，但报告中没有该表",
         ["五、一般公共预算财政拨款支出决算表"])]


def test_tables_published_apart_are_no_missing_tables() -> None:
    # the contents list tables, the part says they are attached: no standard table printed
    text = read_fixture(FIXTURE)
    start = text.index("收入支出决算总表\n单位")
    end = text.index("第三部分 上海市西岭区档案局2024年度部门决算情况说明\n一、")
    changed = text[:start] + "2024年度部门决算公开表附后。\n\n" + text[end:]
    assert _findings(changed, ["FR115"]) == []


def test_contents_titles_wrapped_and_with_leaders() -> None:
    text = ("2018年度江苏省某某厅部门预算\n目    录\n第二部分 2018年度部门预算表\n"
            "九、2018年度江苏省某某厅“三公”经费、会议费、培训费支\n出预算表\n"
            "十、政府性基金预算财政拨款支出预算表 .......... 12\n"
            "第三部分 2018年度部门预算情况说明\n"
            "第二部分 2018年度部门预算表\n2018年度部门预算公开表附后。\n"
            "第三部分 2018年度部门预算情况说明\n")
    report = finreport.parse(text)
    assert [(t.text, text[t.span.start:t.span.end]) for t in report.listed_tables] == [
        ('九、2018年度江苏省某某厅"三公"经费、会议费、培训费支出预算表',
         "九、2018年度江苏省某某厅“三公”经费、会议费、培训费支\n出预算表"),
        ("十、政府性基金预算财政拨款支出预算表", "十、政府性基金预算财政拨款支出预算表"),
    ]


def test_titles_with_a_spaced_number_or_year_are_titles() -> None:
    text = ("第二部分 2017 年度部门预算表\n公开 10 表：政府性基金支出预算表\n单位：万元\n"
            "合计     0\n2017 年政府采购预算表\n单位：万元\n合计     12.00\n")
    report = finreport.parse(text)
    assert [(t.kind, t.title.text) for t in report.tables] == [
        (finreport.TableKind.GOVERNMENT_FUND, "公开10表:政府性基金支出预算表"),
        (finreport.TableKind.PROCUREMENT, "2017年政府采购预算表"),
    ]


# --- the given PDFs --------------------------------------------------------------------

pdfium = pytest.importorskip("pypdfium2", reason="the pdf extra is not installed")


@functools.cache
def _pdf_text(name: str) -> str:
    where = corpus_dir()
    path = None if where is None else next(where.rglob(name), None)
    if path is None:
        pytest.skip(f"reference PDF {name} not found")
    from finreport.pdf import extract_text

    return extract_text(path.read_bytes())


#: (PDF, narrative figures compared with a table cell, table quantities stated twice)
_GIVEN = [
    # (one more class of the Jiangsu courts and two more of the 2023 university, each
    # equal in both places: rows the tables' page numbers and blank cells no longer break)
    ("budget-2017-jiangsu-high-court.pdf", 17, 0),
    ("budget-2017-jiangsu-npc-office.pdf", 7, 0),
    ("budget-2017-jiangsu-procuratorate.pdf", 9, 0),
    ("budget-2018-jiangsu-high-court.pdf", 19, 0),
    ("budget-2018-jiangsu-npc-office.pdf", 18, 0),
    ("budget-2018-jiangsu-procuratorate.pdf", 17, 0),
    ("budget-2021-southwest-university.pdf", 2, 4),
    ("final-2023-southwest-university.pdf", 1, 5),
    ("sample-shanghai-2024-putuo-finance-bureau.pdf", 22, 2),
]


def _bumped(text: str, cell: finreport.Amount) -> tuple[str, str]:
    """The cell as written, and *text* with the cell's first significant digit changed."""
    written = text[cell.span.start:cell.span.end]
    digit = re.search(r"[1-9]", written)
    assert digit is not None
    k = cell.span.start + digit.start()
    return written, text[:k] + str(int(text[k]) % 9 + 1) + text[k + 1:]


@pytest.mark.parametrize(("name", "compared", "twice"), _GIVEN)
def test_given_pdfs_are_reconciled(name: str, compared: int, twice: int) -> None:
    text = _pdf_text(name)
    report = finreport.parse(text)
    assert len(_compared(report)) == compared
    figures = table_figures(Context(report))
    keys = {(f.quantity, f.code) for f in figures}
    assert sum(1 for key in keys
               if len({id(f.table) for f in figures if (f.quantity, f.code) == key}) > 1) == twice
    found = _findings(text)
    if name.startswith("sample-shanghai"):
        # the narrative's 财政拨款收入支出总计 is 0.3万元 (line 396, a template value left
        # in); the 财政拨款收入支出决算总表 writes 总计 2,961.68 on both halves
        # (2,940.05 this year's appropriation + 21.63 carried over)
        assert found == [("FR504", "财政拨款收支总计：情况说明为0.3万元，"
                          "财政拨款收入支出决算总表为2961.68万元", ["0.3万元", "2,961.68"])]
    else:
        assert found == []


@pytest.mark.parametrize("name", [g[0] for g in _GIVEN if g[1] >= 7])
def test_changed_cells_the_narrative_restates_are_found(name: str) -> None:
    text = _pdf_text(name)
    report = finreport.parse(text)
    before = {(f.code, f.spans) for f in finreport.check(report)}
    ctx = Context(report)
    cells = [f.amount for f in table_figures(ctx) if f.amount.value != 0]
    stated = {(q, c) for q, c, _, _ in _stated(report, ctx.fiscal_year, {
        (f.quantity, f.code): [f] for f in table_figures(ctx)})}
    cells = [f.amount for f in table_figures(ctx)
             if (f.quantity, f.code) in stated and f.amount.value != 0][:8]
    assert len(cells) >= 5
    for cell in cells:
        written, changed = _bumped(text, cell)
        found = [f for f in finreport.check(finreport.parse(changed))
                 if (f.code, f.spans) not in before and cell.span in f.spans]
        assert found, f"changing {written} at {cell.span} was not found"


# --- columns (FR116) -------------------------------------------------------------------

_GB_HEAD = "科目编码    科目名称                           合计      基本支出    项目支出\n"
_GB_ROW = "2012604     档案馆                           200.00                    200.00\n"


def test_a_row_whose_total_is_not_its_columns_is_found() -> None:
    text = read_fixture(FIXTURE)
    assert text.count(_GB_ROW) == 2
    changed = text.replace(_GB_ROW, _GB_ROW.replace("200.00\n", "210.00\n"), 1)
    assert _findings(changed, ["FR116"]) == [
        ("FR116", "支出决算表 2012604 档案馆200.00万元 ≠ 各项之和 210.00万元（210.00）",
         ["200.00", "210.00"])]


@pytest.mark.parametrize("header", [
    # another amount column: its cells are no part of 合计
    "科目编码    科目名称                           合计      基本支出    项目支出  年末结转和结余\n",
    "科目编码    科目名称                           合计      基本支出    其中：人员经费\n",
    # the parts are not named: which columns the cells are is not known
    "科目编码    科目名称                           合计\n",
])
def test_columns_are_compared_only_when_the_header_names_them(header: str) -> None:
    text = read_fixture(FIXTURE)
    assert text.count(_GB_HEAD) == 2
    changed = text.replace(_GB_HEAD, header).replace(_GB_ROW, _GB_ROW.replace("200.00\n",
                                                                             "210.00\n"))
    assert _findings(changed, ["FR116"]) == []


def test_rows_writing_more_cells_than_the_header_names_leave_the_table_alone() -> None:
    text = read_fixture(FIXTURE)
    row = "2012601     行政运行                         510.00        510.00\n"
    assert text.count(row) == 1
    changed = text.replace(row, row.replace("510.00\n", "510.00     7.00     3.00\n"))
    assert _findings(changed, ["FR116"]) == []


@pytest.mark.parametrize("name", ["budget-2021-southwest-university.pdf",
                                  "final-2023-southwest-university.pdf",
                                  "sample-shanghai-2024-putuo-finance-bureau.pdf"])
def test_changed_part_columns_of_given_pdfs_are_found(name: str) -> None:
    text = _pdf_text(name)
    report = finreport.parse(text)
    assert [f for f in finreport.check(report) if f.code == "FR116"] == []
    from finreport.checks.tables import _part_columns

    cells = [row.cells[1] for table in report.tables if _part_columns(table)
             for row in table.rows if len(row.cells) >= 2 and row.cells[1].value != 0][:6]
    assert len(cells) == 6
    for cell in cells:
        written, changed = _bumped(text, cell)
        found = [f for f in finreport.check(finreport.parse(changed), select=["FR116"])
                 if cell.span in f.spans]
        assert found, f"changing {written} at {cell.span} was not found"


# --- a summary table's halves (FR117) ----------------------------------------------------

_CARRY = "年初结转和结余                     30.00     年末结转和结余                   40.00\n"


def test_a_half_whose_total_is_not_its_rows_is_found() -> None:
    text = read_fixture(FIXTURE)
    assert text.count(_CARRY) == 1
    changed = text.replace(_CARRY, _CARRY.replace("30.00", "31.00"))
    assert _findings(changed, ["FR117"]) == [
        ("FR117", "收入支出决算总表收入方总计1050.00万元 ≠ 各项之和 1051.00万元（1020.00 + 31.00）",
         ["1,050.00", "1,020.00", "31.00"])]


@pytest.mark.parametrize("row", [
    # a row this rule does not know: it may or may not be part of the whole
    "用专用基金弥补收支差额              5.00\n",
    # a row of the other half written under this one: its reading is not certain
    "年末结转和结余                      5.00\n",
])
def test_a_half_with_an_unknown_row_is_left_alone(row: str) -> None:
    text = read_fixture(FIXTURE)
    changed = text.replace(_CARRY, row + _CARRY.replace("30.00", "31.00"))
    assert _findings(changed, ["FR117"]) == []


@pytest.mark.parametrize(("name", "row"), [
    ("sample-shanghai-2024-putuo-finance-bureau.pdf", "年初结转和结余"),
    ("final-2023-southwest-university.pdf", "结余分配"),
    ("budget-2021-southwest-university.pdf", "上年结转"),
])
def test_a_changed_carry_over_of_a_given_pdf_is_found(name: str, row: str) -> None:
    text = _pdf_text(name)
    report = finreport.parse(text)
    assert [f for f in finreport.check(report) if f.code == "FR117"] == []
    summary = next(t for t in report.tables if t.kind is finreport.TableKind.SUMMARY)
    k = next(r for r in summary.rows if r.name.text == row).cells[0].span.start
    changed = text[:k] + "9" + text[k + 1:]
    found = [f for f in finreport.check(finreport.parse(changed), select=["FR117"])
             if any(s.start == k for s in f.spans)]
    assert len(found) == 1


# --- budget lines from table rows --------------------------------------------------------


def test_expenditure_table_rows_are_budget_lines() -> None:
    text = read_fixture(FIXTURE)
    report = finreport.parse(text)
    gb = next(t for t in report.tables if t.kind is finreport.TableKind.GENERAL_BUDGET)
    lines = gb.budget_lines()
    assert [(ln.classification.code.text if ln.classification.code else None,
             ln.classification.level,
             *(p.text if p else None for p in (ln.classification.category,
                                                 ln.classification.group,
                                                 ln.classification.item)),
             str(ln.amount.value) if ln.amount else None) for ln in lines] == [
        ("201", "类", "一般公共服务支出", None, None, "700.00"),
        ("20126", "款", "一般公共服务支出", "档案事务", None, "700.00"),
        ("2012601", "项", "一般公共服务支出", "档案事务", "行政运行", "500.00"),
        ("2012604", "项", "一般公共服务支出", "档案事务", "档案馆", "200.00"),
        ("208", "类", "社会保障和就业支出", None, None, "200.00"),
        ("20805", "款", "社会保障和就业支出", "行政事业单位养老支出", None, "200.00"),
        ("2080505", "项", "社会保障和就业支出", "行政事业单位养老支出",
         "机关事业单位基本养老保险缴费支出", "200.00"),
        ("221", "类", "住房保障支出", None, None, "100.00"),
        ("22102", "款", "住房保障支出", "住房改革支出", None, "100.00"),
        ("2210201", "项", "住房保障支出", "住房改革支出", "住房公积金", "100.00"),
    ]
    assert lines[2].span.of(text) == "2012601     行政运行                         500.00        500.00"
    code = lines[2].classification.code
    assert code is not None and code.span.of(text) == "2012601"
    # the basic-expenditure table (economic codes) and the summary give no budget lines
    assert [t.kind for t in report.tables if t.budget_lines()] == [
        finreport.TableKind.EXPENDITURE, finreport.TableKind.GENERAL_BUDGET]


def test_budget_lines_of_a_given_pdf() -> None:
    text = _pdf_text("sample-shanghai-2024-putuo-finance-bureau.pdf")
    report = finreport.parse(text)
    gb = next(t for t in report.tables if t.kind is finreport.TableKind.GENERAL_BUDGET)
    line = next(ln for ln in gb.budget_lines()
                if ln.classification.code and ln.classification.code.text == "2080505")
    c = line.classification
    assert (c.category.text if c.category else None, c.group.text if c.group else None,
            c.item.text if c.item else None) == (
        "社会保障和就业支出", "行政事业单位养老支出", "机关事业单位基本养老保险缴费支出")
    assert line.amount is not None and line.amount.span.of(text) == "160.75"
    assert c.code is not None and c.code.span.of(text) == "208          05         05"


def test_personnel_and_public_costs_against_the_economic_classes() -> None:
    text = read_fixture(FIXTURE)
    changed = text.replace("其中：人员经费700.00万元", "其中：人员经费710.00万元").replace(
        "公用经费100.00万元", "公用经费90.00万元")
    assert _findings(changed, ["FR504"]) == [
        ("FR504", "人员经费（一般公共预算财政拨款基本支出决算表 301类）710.00万元 ≠ 各项之和 "
         "700.00万元（700.00）", ["710.00万元", "700.00"]),
        ("FR504", "公用经费（一般公共预算财政拨款基本支出决算表 302类）90.00万元 ≠ 各项之和 "
         "100.00万元（100.00）", ["90.00万元", "100.00"]),
    ]


def test_personnel_costs_of_a_given_pdf_are_its_classes_301_and_303() -> None:
    # 省检察院 2018: 人员经费 11,257.35 = 10,204.52 (301) + 1,052.83 (303); 公用经费 2,722.57 (302)
    text = _pdf_text("budget-2018-jiangsu-procuratorate.pdf")
    assert _findings(text, ["FR504"]) == []
    k = text.index("1,052.83")
    changed = text[:k] + "2" + text[k + 1:]
    assert [(code, quotes) for code, _, quotes in _findings(changed, ["FR504"])] == [
        ("FR504", ["11,257.35万元", "10,204.52", "2,052.83"])]


def test_a_table_with_a_carry_over_column_first_is_not_compared() -> None:
    # 一般公共预算财政拨款收入支出决算表: 年初结转和结余 | 本年收入 | 本年支出 …; its first
    # column is no 一般公共预算财政拨款支出
    text = read_fixture(FIXTURE)
    old = ("一般公共预算财政拨款支出决算表\n单位：万元\n"
           "科目编码    科目名称                           合计      基本支出    项目支出\n"
           "合计                                       1,000.00")
    assert text.count(old) == 1
    new = ("一般公共预算财政拨款收入支出决算表\n单位：万元\n"
           "科目编码    科目名称               年初结转和结余  本年收入  本年支出\n"
           "合计                                         5.00")
    assert _findings(text.replace(old, new), ["FR504"]) == []


def test_a_listed_source_that_does_not_add_up_is_found() -> None:
    text = read_fixture(FIXTURE)
    old = "八、其他收入                       20.00"
    assert text.count(old) == 1
    found = _findings(text.replace(old, old.replace("20.00", "25.00")), ["FR117"])
    assert found == [("FR117", "收入支出决算总表本年收入合计1020.00万元 ≠ 各项之和 1025.00万元"
                      "（1000.00 + 25.00）", ["1,020.00", "1,000.00", "25.00"])]
