"""The tables part of real reports read from their PDFs (``report.tables``).

Every expected value below was read off the PDF itself (``pdftotext -layout`` and the
rendered pages), not taken from finreport's output.  Where finreport reads a PDF wrongly,
the test states what the PDF says and is marked ``xfail(strict=True)`` with the misreading.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

import pytest

import finreport
from finreport import TableKind as K
from finreport.pdf import extract_text
from tests.conftest import corpus_dir

pytest.importorskip("pypdfium2", reason="the pdf extra is not installed")

D = Decimal
#: The table rules: their findings are about tables, and point into them.
TABLE_RULES = frozenset({"FR111", "FR112", "FR113"})


class Row(NamedTuple):
    """A body row as the PDF prints it: code, name, amounts, and amounts as written."""

    code: str
    name: str
    values: tuple[Decimal, ...]
    written: tuple[str, ...]


class Case(NamedTuple):
    """One PDF: its standard tables in order, and one coded table read in detail."""

    pdf: str
    kinds: tuple[K, ...]
    table: K  # the first table of this kind is the one read in detail
    total: Decimal
    total_written: str
    rows: tuple[Row, Row, Row]
    count_misread: str | None = None
    kinds_misread: str | None = None
    findings_misread: str | None = None


_JIANGSU_2017 = (K.SUMMARY, K.INCOME, K.EXPENDITURE, K.FISCAL_SUMMARY, K.FISCAL_EXPENDITURE,
                 K.FISCAL_BASIC, K.GOVERNMENT_FUND, K.GENERAL_BUDGET, K.GENERAL_BUDGET_BASIC,
                 K.OPERATING_COSTS, K.THREE_PUBLIC, K.PROCUREMENT)
_JIANGSU_2018 = (K.SUMMARY, K.INCOME, K.EXPENDITURE, K.FISCAL_SUMMARY, K.FISCAL_EXPENDITURE,
                 K.FISCAL_BASIC, K.GENERAL_BUDGET, K.GENERAL_BUDGET_BASIC, K.THREE_PUBLIC,
                 K.GOVERNMENT_FUND, K.OPERATING_COSTS, K.PROCUREMENT)
_UNIVERSITY = (K.SUMMARY, K.INCOME, K.EXPENDITURE, K.FISCAL_EXPENDITURE)

CASES = {
    "shanghai-2024-putuo": Case(
        "sample-shanghai-2024-putuo-finance-bureau.pdf",
        (K.SUMMARY, K.INCOME, K.EXPENDITURE, K.FISCAL_SUMMARY, K.GENERAL_BUDGET,
         K.GENERAL_BUDGET_BASIC, K.THREE_PUBLIC, K.GOVERNMENT_FUND, K.STATE_CAPITAL),
        K.GENERAL_BUDGET, D("2940.05"), "2,940.05",
        (Row("2010601", "行政运行", (D("1511.89"), D("1503.52"), D("8.37")),
             ("1,511.89", "1,503.52", "8.37")),
         Row("2080505", "机关事业单位基本养老保险缴费支出", (D("160.75"), D("160.75")),
             ("160.75", "160.75")),
         Row("2210203", "购房补贴", (D("258.50"), D("258.50")), ("258.50", "258.50")))),
    "jiangsu-2017-high-court": Case(
        "real/budget-2017-jiangsu-high-court.pdf", _JIANGSU_2017,
        K.FISCAL_EXPENDITURE, D("28849.38"), "28,849.38",
        (Row("2040501", "行政运行", (D("11786.92"),), ("11,786.92",)),
         Row("2080504", "未归口管理的行政单位离退休", (D("2347.13"),), ("2,347.13",)),
         Row("2210202", "提租补贴", (D("1959.99"),), ("1,959.99",)))),
    "jiangsu-2017-npc-office": Case(
        "real/budget-2017-jiangsu-npc-office.pdf",
        (K.SUMMARY, K.INCOME, K.EXPENDITURE, K.FISCAL_EXPENDITURE, K.FISCAL_SUMMARY,
         K.FISCAL_BASIC, K.GOVERNMENT_FUND, K.GENERAL_BUDGET, K.GENERAL_BUDGET_BASIC,
         K.OPERATING_COSTS, K.THREE_PUBLIC, K.PROCUREMENT),
        K.FISCAL_EXPENDITURE, D("13649.07"), "13,649.07",
        (Row("2010102", "一般行政管理事务", (D("2468.78"),), ("2,468.78",)),
         Row("2080504", "未归口管理的行政单位离退休", (D("1608.51"),), ("1,608.51",)),
         Row("2210202", "提租补贴", (D("1018.01"),), ("1,018.01",)))),
    "jiangsu-2017-procuratorate": Case(
        "real/budget-2017-jiangsu-procuratorate.pdf", _JIANGSU_2017,
        K.FISCAL_EXPENDITURE, D("17981.68"), "17,981.68",
        (Row("2040402", "一般行政管理事务", (D("3644.20"),), ("3,644.20",)),
         Row("2040404", "查办和预防职务犯罪", (D("480.00"),), ("480.00",)),
         Row("2210202", "提租补贴", (D("1534.94"),), ("1,534.94",)))),
    "jiangsu-2018-high-court": Case(
        "real/budget-2018-jiangsu-high-court.pdf", _JIANGSU_2018,
        K.FISCAL_EXPENDITURE, D("33172.15"), "33,172.15",
        (Row("2040501", "行政运行", (D("14857.61"),), ("14,857.61",)),
         Row("2080505", "机关事业单位基本养老保险缴费支出", (D("1326.81"),), ("1,326.81",)),
         Row("2210201", "住房公积金", (D("1398.26"),), ("1,398.26",)))),
    "jiangsu-2018-npc-office": Case(
        "real/budget-2018-jiangsu-npc-office.pdf", _JIANGSU_2018,
        K.OPERATING_COSTS, D("1579.38"), "1579.38",
        (Row("30201", "办公费", (D("370.00"),), ("370.00",)),
         Row("30228", "工会经费", (D("33.70"),), ("33.70",)),
         Row("30239", "其他交通费用", (D("267.08"),), ("267.08",)))),
    "jiangsu-2018-procuratorate": Case(
        "real/budget-2018-jiangsu-procuratorate.pdf", _JIANGSU_2018,
        K.FISCAL_EXPENDITURE, D("21940.96"), "21,940.96",
        (Row("2040401", "行政运行", (D("10883.36"),), ("10,883.36",)),
         Row("2040405", "公诉、审判、侦查、执行等检察监督支出", (D("1895.00"),), ("1895.00",)),
         Row("2210202", "提租补贴", (D("2586.61"),), ("2,586.61",)))),
    "swu-2021-budget": Case(
        "real/budget-2021-southwest-university.pdf", _UNIVERSITY,
        K.FISCAL_EXPENDITURE, D("216552.53"), "216,552.53",
        (Row("2050205", "高等教育", (D("185762.25"), D("158467.66"), D("27294.59")),
             ("185,762.25", "158,467.66", "27,294.59")),
         Row("2059999", "其他教育支出", (D("792.64"), D("792.64")), ("792.64", "792.64")),
         Row("2210201", "住房公积金", (D("7136.05"), D("7136.05")), ("7,136.05", "7,136.05")))),
    "swu-2023-final": Case(
        "real/final-2023-southwest-university.pdf", _UNIVERSITY,
        K.FISCAL_EXPENDITURE, D("237100.00"), "237,100.00",
        (Row("2050205", "高等教育", (D("186663.39"), D("152569.36"), D("34094.03"),
                                     D("5536.97")),
             ("186,663.39", "152,569.36", "34,094.03", "5,536.97")),
         Row("2060204", "实验室及相关设施", (D("1707.93"), D("1707.93"), D("1357.93")),
             ("1,707.93", "1,707.93", "1,357.93")),
         # the name wraps onto two lines in the PDF: 机关事业单位基本 / 养老保险缴费支出
         Row("2080505", "机关事业单位基本养老保险缴费支出", (D("8897.19"), D("8897.19")),
             ("8,897.19", "8,897.19")))),
}


def _params(misread: str | None = None) -> list[object]:
    """One case per PDF, marked xfail where finreport misreads what the test asserts."""
    params: list[object] = []
    for name, case in CASES.items():
        reason = getattr(case, misread) if misread else None
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(case, id=name, marks=marks))
    return params


@functools.cache
def _parsed(path: Path) -> tuple[str, finreport.Report]:
    """The extracted text of a PDF and its report, read once per session."""
    text = extract_text(path.read_bytes())
    return text, finreport.parse(text)


def _read(case: Case) -> tuple[str, finreport.Report]:
    where = corpus_dir()
    if where is None or not (where / case.pdf).is_file():
        pytest.skip(f"reference PDF {case.pdf} not found: set FINREPORT_CORPUS or "
                    "place it in ../shared/reference")
    return _parsed(where / case.pdf)


def _table(case: Case) -> tuple[str, finreport.Table]:
    text, report = _read(case)
    table = next((t for t in report.tables if t.kind is case.table), None)
    assert table is not None, f"no {case.table.value} table read"
    return text, table


@pytest.mark.parametrize("case", _params("count_misread"))
def test_standard_table_count(case: Case) -> None:
    _, report = _read(case)
    assert sum(t.kind is not None for t in report.tables) == len(case.kinds)


@pytest.mark.parametrize("case", _params("kinds_misread"))
def test_standard_table_kinds(case: Case) -> None:
    _, report = _read(case)
    assert [t.kind.value for t in report.tables if t.kind is not None] == [
        kind.value for kind in case.kinds]


@pytest.mark.parametrize("case", _params())
def test_coded_table_total(case: Case) -> None:
    text, table = _table(case)
    total = table.total
    assert total is not None and total.cells
    assert total.cells[0].value == case.total
    span = total.cells[0].span
    assert text[span.start:span.end] == case.total_written


@pytest.mark.parametrize("case", _params())
def test_coded_table_rows(case: Case) -> None:
    text, table = _table(case)
    for expected in case.rows:
        row = next((r for r in table.rows if r.code == expected.code), None)
        assert row is not None, f"row {expected.code} not read"
        assert row.name.text == expected.name
        assert row.cells and row.cells[0].value == expected.values[0]
        assert tuple(cell.value for cell in row.cells) == expected.values
        assert tuple(text[c.span.start:c.span.end] for c in row.cells) == expected.written


@pytest.mark.parametrize("case", _params("findings_misread"))
def test_tables_yield_no_narrative_findings(case: Case) -> None:
    text, report = _read(case)
    assert report.tables
    inside = [(f.code, text[f.spans[0].start:f.spans[0].end], table.title.text)
              for f in finreport.check(report)
              if f.spans and f.code not in TABLE_RULES
              for table in report.tables
              if table.span.start <= f.spans[0].start < table.span.end]
    assert inside == []
