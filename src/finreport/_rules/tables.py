"""Tables: the rows of a 决算表/预算表 add up (to the total row, 类 = Σ款 = Σ项), and the
two halves of a summary table balance.

A table is checked only where its reading is certain: every row that writes an amount is
the total row or carries a classification code (a line text extraction broke apart writes
amounts under no code, and the table is then left alone), and only the first amount
column is compared (合计/金额: the one column every row with an amount fills), since a
blank cell writes nothing and could shift a row's later cells.
"""

from __future__ import annotations

from collections.abc import Iterator

from .._figures import Amount
from .._finding import Evidence, Finding, Severity
from .._interval import amount_intervals
from .._tables import Table, TableKind, TableRow
from ._common import check_sum
from ._registry import Context, rule

__all__ = ["class_rows", "summary_balance", "table_total"]

_TABLE = ("第一部分 2020年度部门决算表\n一般公共预算财政拨款支出决算表\n单位：万元\n"
          "科目编码      科目名称              合计\n")
_PASSING_ROWS = ("合计                              100.00\n"
                 "201           一般公共服务支出      60.00\n"
                 "20106         财政事务              60.00\n"
                 "2010601       行政运行              45.00\n"
                 "2010602       一般行政管理事务      15.00\n"
                 "208           社会保障和就业支出    40.00\n"
                 "20805         行政事业单位养老支出  40.00\n")


def _certain(table: Table) -> list[TableRow] | None:
    """The coded rows of a table read with certainty, else None (see the module)."""
    coded = [row for row in table.rows if row.code is not None and row.side == 0]
    if not coded or any(not row.cells for row in coded):
        return None
    if any(row.cells and row.code is None and not row.is_total for row in table.rows):
        return None  # amounts under no code: a row broken apart, or a layout not understood
    families = {row.code[:2] for row in coded if row.code}
    if any(_code_like(cell, families) for row in table.rows for cell in row.cells):
        return None  # a code read as a cell: codes on both halves of the line (30101 | 30201)
    return coded


def _code_like(cell: Amount, families: set[str]) -> bool:
    """True when a cell may be a classification code: a whole number of 3, 5 or 7 digits,
    written without separators, of the same family as the table's codes."""
    digits = str(cell.value)
    return (cell.decimals == 0 and digits.isdigit() and len(digits) in (3, 5, 7)
            and digits[:2] in families)


def _label(table: Table) -> str:
    return table.title.text


@rule("FR111", "table-total", "A table's total row is not the sum of its classes",
      "表中合计与各类之和不符", Severity.ERROR,
      passing=_TABLE + _PASSING_ROWS,
      failing=_TABLE + _PASSING_ROWS.replace("合计                              100.00",
                                             "合计                              110.00"))
def table_total(ctx: Context) -> Iterator[Finding]:
    """In a table of classification rows, the total row (合计) must be the sum of the
    top-level rows (the 类 of a functional table, the 类 of an economic one) in its first
    amount column, at the precision written: a sum of n cells carries n half-units, so
    the 0.01 slips of honestly rounded tables are no error."""
    for table in ctx.report.tables:
        total = table.total
        coded = _certain(table)
        if total is None or not total.cells or coded is None:
            continue
        top = min(len(row.code or "") for row in coded)
        parts = [row.cells[0] for row in coded if len(row.code or "") == top]
        found = check_sum(ctx, f"{_label(table)}合计", f"{_label(table)} total",
                          total.cells[0], parts)
        if found is not None:
            yield found


@rule("FR112", "class-rows", "A class row is not the sum of its items",
      "类（款）与所属款（项）之和不符", Severity.ERROR,
      passing=_TABLE + _PASSING_ROWS,
      failing=_TABLE + _PASSING_ROWS.replace("2010602       一般行政管理事务      15.00",
                                             "2010602       一般行政管理事务      16.00"))
def class_rows(ctx: Context) -> Iterator[Finding]:
    """By classification code, a 类 row is the sum of its 款 rows and a 款 row the sum of
    its 项 rows (``201`` = Σ ``201xx``, ``20106`` = Σ ``20106xx``), in the first amount
    column, at the precision written.  A row with no rows one level below it is not
    checked."""
    for table in ctx.report.tables:
        coded = _certain(table)
        if coded is None:
            continue
        for n, row in enumerate(coded):
            code = row.code or ""
            children: list[Amount] = []
            for below in coded[n + 1 :]:
                below_code = below.code or ""
                if not below_code.startswith(code) or len(below_code) <= len(code):
                    break
                if len(below_code) == len(code) + 2:
                    children.append(below.cells[0])
            if not children:
                continue
            found = check_sum(ctx, f"{_label(table)} {code} {row.name.text}",
                              f"{_label(table)} {code} {row.name.text}", row.cells[0],
                              children)
            if found is not None:
                yield found


_INCOME_TOTALS = frozenset({"收入合计", "收入总计", "总计", "收入总计合计"})
_EXPENDITURE_TOTALS = frozenset({"支出合计", "支出总计", "总计"})


@rule("FR113", "summary-balance", "The two halves of a summary table do not balance",
      "收支总表收入与支出总计不等", Severity.ERROR,
      passing="第一部分 2020年度部门决算表\n收入支出决算总表\n单位：万元\n"
      "项目            决算数      项目            决算数\n"
      "本年收入合计    90.00       本年支出合计    80.00\n"
      "年初结转和结余  10.00       年末结转和结余  20.00\n"
      "总计            100.00      总计            100.00\n",
      failing="第一部分 2020年度部门决算表\n收入支出决算总表\n单位：万元\n"
      "项目            决算数      项目            决算数\n"
      "本年收入合计    90.00       本年支出合计    80.00\n"
      "年初结转和结余  10.00       年末结转和结余  20.00\n"
      "总计            100.00      总计            101.00\n")
def summary_balance(ctx: Context) -> Iterator[Finding]:
    """In a summary table (收入支出决算总表, 收支预算总表, and their 财政拨款 editions) the
    income half's 总计 (收入合计) and the expenditure half's, written on one line, must be
    equal at the precision written."""
    for table in ctx.report.tables:
        if table.kind not in (TableKind.SUMMARY, TableKind.FISCAL_SUMMARY):
            continue
        for left, right in zip(table.rows, table.rows[1:], strict=False):
            if not (left.side == 0 and right.side == 1 and left.cells and right.cells
                    and left.name.text in _INCOME_TOTALS
                    and right.name.text in _EXPENDITURE_TOTALS):
                continue
            stated, other = amount_intervals(right.cells[0], left.cells[0])
            if stated.meets(other):
                continue
            yield ctx.finding(
                [right.cells[0], left.cells[0]],
                "{table}支出方{right}{spent} ≠ 收入方{left}{income}",
                "{table}: expenditure side {right} {spent} ≠ income side {left} {income}",
                table=_label(table), right=right.name.text, left=left.name.text,
                spent=ctx.figure(right.cells[0]), income=ctx.figure(left.cells[0]),
                evidence=Evidence(right.cells[0].wan, other.low, other.high,
                                  right.cells[0].wan - left.cells[0].wan,
                                  stated.radius + other.radius, "万元"))
