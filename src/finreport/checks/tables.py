"""Tables: the rows of a 决算表/预算表 add up (to the total row, 类 = Σ款 = Σ项), and the
two halves of a summary table balance.

A table is checked only where its reading is certain: every row that writes an amount is
the total row or carries a classification code (a line text extraction broke apart writes
amounts under no code, and the table is then left alone), and only the first amount
column is compared (合计/金额: the one column every row with an amount fills), since a
blank cell writes nothing and could shift a row's later cells.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import accumulate

from ..model.figures import Amount
from ..model.findings import Evidence, Finding, Severity
from ..model.interval import amount_intervals
from ..model.tables import Table, TableKind, TableRow
from ..read.tables import table_kind
from ..templates.tables import (
    BY_FUND_ROW,
    NUMBERED_CLASS_ROW,
    NUMBERED_SOURCE_ROW,
    OF_WHICH_ROW,
    OTHER_COLUMNS,
    THREE_PUBLIC_HEADER,
)
from .registry import Context, rule
from .relations import check_sum
from .table_figures import (
    COLUMN_PARTS,
    YEAR_SPENT,
    YEAR_TOTAL,
    TableFigure,
    is_broken,
    rows_of,
    table_figures,
)
from .uncoded import uncoded_blocks

__all__ = ["class_rows", "columns_total", "listed_table_missing", "summary_balance",
           "table_total",
           "tables_agree"]

_TABLE = ("第一部分 2020年度部门决算表\n一般公共预算财政拨款支出决算表\n单位：万元\n"
          "科目编码      科目名称              合计\n")
_PASSING_ROWS = ("合计                              100.00\n"
                 "201           一般公共服务支出      60.00\n"
                 "20106         财政事务              60.00\n"
                 "2010601       行政运行              45.00\n"
                 "2010602       一般行政管理事务      15.00\n"
                 "208           社会保障和就业支出    40.00\n"
                 "20805         行政事业单位养老支出  40.00\n")


def _label(table: Table) -> str:
    return table.title.text


@rule("FR111", "table-total", "A table's total row is not the sum of its classes",
      "表中合计与各类之和不符", Severity.ERROR,
      passing=_TABLE + _PASSING_ROWS,
      failing=_TABLE + _PASSING_ROWS.replace("合计                              100.00",
                                             "合计                              110.00"))
def table_total(ctx: Context) -> Iterator[Finding]:
    """In a table of classification rows, the total row (合计) must be the sum of the
    top-level rows (the 类 of a functional table, the 类 of an economic one) in each
    amount column, at the precision written: a sum of n cells carries n half-units, so
    the 0.01 slips of honestly rounded tables are no error.  The columns after the first
    are added up where each cell can be placed in its column for sure (see
    :func:`_other_columns`)."""
    for table in ctx.report.tables:
        total = table.total
        coded = rows_of(ctx, table)
        if total is None or not total.cells or coded is None:
            continue
        top = min(len(row.code or "") for row in coded)
        tops = [row for row in coded if len(row.code or "") == top]
        found = check_sum(ctx, f"{_label(table)}合计", f"{_label(table)} total",
                          total.cells[0], [row.cells[0] for row in tops])
        if found is not None:
            yield found
        yield from _other_columns(ctx, _widths(table), total, tops, f"{_label(table)}合计",
                                  f"{_label(table)} total")


@rule("FR112", "class-rows", "A class row is not the sum of its items",
      "类（款）与所属款（项）之和不符", Severity.ERROR,
      passing=_TABLE + _PASSING_ROWS,
      failing=_TABLE + _PASSING_ROWS.replace("2010602       一般行政管理事务      15.00",
                                             "2010602       一般行政管理事务      16.00"))
def class_rows(ctx: Context) -> Iterator[Finding]:
    """By classification code, a 类 row is the sum of its 款 rows and a 款 row the sum of
    its 项 rows (``201`` = Σ ``201xx``, ``20106`` = Σ ``20106xx``), in each amount column
    (the first always; the others where every cell can be placed in its column for sure),
    at the precision written.  A row with no rows one level below it is not
    checked, nor one where two rows below it print the same code (an item's code cut
    to its 款's: which row is the part is not certain).  A table that prints no codes
    is read by the names of its classes (``checks/uncoded.py``): a class row that no
    reading of the rows under it, as 款 each followed or not by 项 adding up to it,
    makes is in error; a block with a row not read for sure, or whose first rows make
    the class (the rest may be a class of a name not known), is not checked."""
    for table in ctx.report.tables:
        coded = rows_of(ctx, table)
        if coded is None:
            continue
        widths = _widths(table)
        for n, row in enumerate(coded):
            code = row.code or ""
            children: list[Amount] = []
            codes: list[str] = []
            child_rows: list[TableRow] = []
            for below in coded[n + 1 :]:
                below_code = below.code or ""
                if not below_code.startswith(code) or len(below_code) <= len(code):
                    break
                if len(below_code) == len(code) + 2:
                    children.append(below.cells[0])
                    codes.append(below_code)
                    child_rows.append(below)
            if not children:
                continue
            if len(set(codes)) < len(codes):
                # one code printed on two rows (``21999`` above ``21999``: an item's code
                # cut to its 款's): which row is the part is not certain
                ctx.abstained([row.cells[0], *children],
                              "a code is printed on two of the rows below it")
                continue
            found = check_sum(ctx, f"{_label(table)} {code} {row.name.text}",
                              f"{_label(table)} {code} {row.name.text}", row.cells[0],
                              children)
            if found is not None:
                yield found
            yield from _other_columns(ctx, widths, row, child_rows,
                                      f"{_label(table)} {code} {row.name.text}",
                                      f"{_label(table)} {code} {row.name.text}")
    yield from _uncoded_classes(ctx)


def _other_columns(ctx: Context, widths: tuple[int, ...] | None, whole: TableRow,
                   parts: list[TableRow], zh: str, en: str) -> Iterator[Finding]:
    """FR111/FR112 in the amount columns after the first: each cell placed in its column
    by how far it stands from the cell before it, against the widths of the columns in
    the table's fullest rows (a blank cell is nothing; the first cell is the first
    column's).  A row whose cells cannot each be placed in one column for sure leaves the
    columns unchecked.  *widths* are the table's (:func:`_widths`)."""
    if widths is None:
        return
    placed = [_placed(row, widths) for row in (whole, *parts)]
    if any(p is None for p in placed):
        return
    top, *below = placed
    assert top is not None
    for k in range(1, len(widths) + 1):
        stated = top[k]
        cells = [cell for p in below if p is not None and (cell := p[k]) is not None]
        if stated is None or not cells:
            continue
        found = check_sum(ctx, f"{zh}（第{k + 1}列）", f"{en} (column {k + 1})", stated, cells)
        if found is not None:
            yield found


def _widths(table: Table) -> tuple[int, ...] | None:
    """The widths of a table's amount columns, each from one cell's right edge to the
    next's, in the rows that write the most cells (at least two rows, agreeing within
    :func:`_slack`); None when they do not agree."""
    rows = [row for row in table.rows if row.side == 0 and row.cells
            and len(row.columns) == len(row.cells)]
    if not rows:
        return None
    most = max(len(row.cells) for row in rows)
    fullest = [row.columns for row in rows if len(row.cells) == most]
    if most < 2 or len(fullest) < 2:
        return None
    gaps = [sorted(c[k + 1] - c[k] for c in fullest) for k in range(most - 1)]
    widths = tuple(g[len(g) // 2] for g in gaps)
    if any(abs(x - w) > _slack(w) for g, w in zip(gaps, widths, strict=True) for x in g):
        return None
    return widths


def _slack(width: int) -> int:
    """How far a gap between two cells may differ from the columns' width."""
    return max(3, width // 5)


def _placed(row: TableRow, widths: tuple[int, ...]) -> list[Amount | None] | None:
    """The row's cells by column (None where blank), or None when a cell's distance from
    the one before it matches no run of columns, or more than one."""
    out: list[Amount | None] = [None] * (len(widths) + 1)
    if not row.cells or len(row.columns) != len(row.cells):
        return None
    ends = list(accumulate(widths, initial=0))  # where each column ends, from the first's
    column = 0
    out[0] = row.cells[0]
    for k in range(1, len(row.cells)):
        gap = row.columns[k] - row.columns[k - 1]
        fits = []
        for m in range(column + 1, len(ends)):
            span = ends[m] - ends[column]
            if span - _slack(span) > gap:
                break  # (the runs only grow wider)
            if abs(gap - span) <= _slack(span):
                fits.append(m)
        if len(fits) != 1:
            return None
        column = fits[0]
        out[column] = row.cells[k]
    return out


#: How many rows under a class a finding names (its spans name them all).
_LISTED_ROWS = 8


def _uncoded_classes(ctx: Context) -> Iterator[Finding]:
    """FR112 on tables that print no codes (``checks.uncoded``): a class row that no
    reading of the rows under it, as 款 each with or without its 项, makes."""
    for block in uncoded_blocks(ctx):
        whole = block.row.cells[0]
        parts = [r.cells[0] for r in block.rows]
        if block.parses is None:
            ctx.abstained([whole, *parts], block.reason or "the rows were not read for sure")
            continue
        if block.parses:
            ctx.held([whole, *parts])
            continue
        label = _label(block.table)
        listed = "、".join(f"{r.name.text}{ctx.number(r.cells[0].value, r.cells[0].decimals)}"
                          for r in block.rows[:_LISTED_ROWS]) + (
            "…" if len(block.rows) > _LISTED_ROWS else "")
        yield ctx.finding(
            [whole, *parts],
            "{label} {name}{total}：其下各行（{listed}）无论怎样读作款及其所属项，都合计不出此数",
            "{label} {name} {total}: no reading of the rows under it ({listed}) as 款, each "
            "with or without its 项, adds up to it",
            label=label, name=block.row.name.text, total=ctx.figure(whole), listed=listed)


_SUMMARY = ("第一部分 2020年度部门决算表\n收入支出决算总表\n单位：万元\n"
            "项目            决算数      项目            决算数\n"
            "本年收入合计    90.00       本年支出合计    80.00\n"
            "年初结转和结余  10.00       年末结转和结余  20.00\n"
            "总计            100.00      总计            100.00\n")
_INCOME_TOTALS = frozenset({"收入合计", "收入总计", "总计", "收入总计合计"})
_EXPENDITURE_TOTALS = frozenset({"支出合计", "支出总计", "总计"})


@rule("FR113", "summary-balance", "The two halves of a summary table do not balance",
      "收支总表收入与支出总计不等", Severity.ERROR,
      passing=_SUMMARY,
      failing=_SUMMARY.replace("总计            100.00\n", "总计            101.00\n"))
def summary_balance(ctx: Context) -> Iterator[Finding]:
    """In a summary table (收入支出决算总表, 收支预算总表, and their 财政拨款 editions) the
    income half's 总计 (收入合计) and the expenditure half's, written on one line, must be
    equal at the precision written (a 行次 column's line numbers are no amounts: the
    reader leaves them out)."""
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


_SUMMARY_AND_INCOME = ("第一部分 2020年度部门决算表\n一、收入支出决算总表\n单位：万元\n"
                       "项目            决算数      项目            决算数\n"
                       "本年收入合计    90.00       本年支出合计    90.00\n"
                       "总计            90.00       总计            90.00\n"
                       "二、收入决算表\n单位：万元\n项目      本年收入合计   财政拨款收入\n"
                       "合计      90.00          90.00\n")


@rule("FR114", "tables-agree", "Two tables state the same quantity differently",
      "不同表中同一数据不一致", Severity.ERROR,
      passing=_SUMMARY_AND_INCOME,
      failing=_SUMMARY_AND_INCOME.replace("合计      90.00          90.00",
                                          "合计      95.00          95.00"))
def tables_agree(ctx: Context) -> Iterator[Finding]:
    """The same quantity stated by two tables must agree at the precision written: the
    summary table's 本年收入合计 and the 收入决算表's 合计, its 本年支出合计 and the
    支出决算表's 合计, and the spending on each functional class in the summary table's
    expenditure half and in the 支出决算表's 类 rows.  Only total rows whose name is
    exactly that quantity's, in tables whose first amount column is that quantity,
    are compared."""
    seen: dict[tuple[object, str], TableFigure] = {}
    for figure in table_figures(ctx):
        key = (figure.quantity, figure.code)
        first = seen.setdefault(key, figure)
        if first.table is figure.table:
            continue
        stated, other = amount_intervals(figure.amount, first.amount)
        if stated.meets(other):
            continue
        what = figure.quantity.value + (f"（{figure.code}）" if figure.code else "")
        what_en = figure.quantity.english + (f" ({figure.code})" if figure.code else "")
        yield ctx.finding(
            [figure.amount, first.amount],
            "{what}：{table}为{value}，{first_table}为{first}",
            "{what}: {table} states {value}, {first_table} states {first}",
            what=what if ctx.chinese else what_en, table=_label(figure.table),
            first_table=_label(first.table), value=ctx.figure(figure.amount),
            first=ctx.figure(first.amount),
            evidence=Evidence(figure.amount.wan, other.low, other.high,
                              figure.amount.wan - first.amount.wan,
                              stated.radius + other.radius, "万元"))


_CONTENTS = ("目录\n第一部分 2020年度部门决算表\n一、收入支出决算总表\n二、收入决算表\n"
             "第二部分 2020年度部门决算情况说明\n")


@rule("FR115", "listed-table-missing", "A table the contents list is not in the report",
      "目录所列表格未公开", Severity.WARNING,
      passing=_CONTENTS + _SUMMARY_AND_INCOME,
      failing=_CONTENTS + _SUMMARY_AND_INCOME[: _SUMMARY_AND_INCOME.index("二、收入决算表")])
def listed_table_missing(ctx: Context) -> Iterator[Finding]:
    """Each standard table the table of contents (目录) lists must be printed in the
    tables part.  Checked only when the report prints standard tables at all (a report
    whose tables are published apart, 公开表附后, prints none), by kind and in order: a
    listed 收入决算表 needs a printed 收入决算表.  A warning: the table may be there in a
    shape the reader does not know."""
    report = ctx.report
    printed: dict[TableKind, int] = {}
    for table in report.tables:
        if table.kind is not None:
            printed[table.kind] = printed.get(table.kind, 0) + 1
    if not printed:
        return
    for listed in report.listed_tables:
        kind = table_kind(listed.text)
        if kind is None:
            continue
        if printed.get(kind, 0) > 0:
            printed[kind] -= 1
            continue
        yield ctx.finding([listed], "目录列出“{title}”，但报告中没有该表",
                          "the contents list “{title}”, but the report does not print it",
                          title=listed.text)


_COLUMNS = ("第一部分 2020年度部门决算表\n一般公共预算财政拨款支出决算表\n单位：万元\n"
            "科目编码      科目名称              合计      基本支出    项目支出\n"
            "合计                              100.00       70.00       30.00\n"
            "201           一般公共服务支出      100.00       70.00       30.00\n"
            "20106         财政事务              100.00       70.00       30.00\n"
            "2010601       行政运行               70.00       70.00\n"
            "2010602       一般行政管理事务       30.00                   30.00\n")


def _part_columns(table: Table) -> int | None:
    """How many part columns the header names after its 合计, or None when the header
    does not say for certain that the first amount column is the sum of the others."""
    header = "".join(h.text for h in table.header)
    if "合计" not in header or OTHER_COLUMNS.search(header):
        return None
    first = header.index("合计")
    parts = [word for word in COLUMN_PARTS if header.find(word, first) >= 0]
    return len(parts) or None


@rule("FR116", "columns-total", "A row's total column is not the sum of its part columns",
      "表中合计列与各分列之和不符", Severity.ERROR,
      passing=_COLUMNS,
      failing=_COLUMNS.replace("2010602       一般行政管理事务       30.00                   30.00",
                               "2010602       一般行政管理事务       30.00                   31.00"))
def columns_total(ctx: Context) -> Iterator[Finding]:
    """In a table whose header names a 合计 column followed only by its parts (基本支出,
    项目支出, …; 财政拨款收入, 事业收入, …; 人员经费, 公用经费), each row's 合计 is the sum
    of the parts it writes (a blank cell is nothing), at the precision written; in a table
    of the three public expenses, the 合计 is the three and the vehicles' 小计 their two.  A table
    whose header names any other amount column (结转和结余, 小计, 预算数, …), whose rows
    write more cells than the header names, or that has a row broken apart, is left
    alone."""
    yield from _three_public_columns(ctx)
    for table in ctx.report.tables:
        parts = _part_columns(table)
        if parts is None or is_broken(ctx, table):
            continue
        rows = [row for row in table.rows if row.side == 0 and len(row.cells) >= 2]
        if any(len(row.cells) > parts + 1 for row in table.rows):
            continue
        for row in rows:
            name = f"{_label(table)} {row.code or ''} {row.name.text}".replace("  ", " ")
            found = check_sum(ctx, name, name, row.cells[0], list(row.cells[1:]))
            if found is not None:
                yield found


def _three_public_columns(ctx: Context) -> Iterator[Finding]:
    """A table of the three public expenses written as one row under its header (合计,
    因公出国（境）费, 公务用车购置及运行费 with its 小计/购置费/运行费, 公务接待费): the 合计
    is the three expenses, the vehicles' 小计 their purchase and their running.  Only rows
    writing exactly the header's columns are read."""
    for table in ctx.report.tables:
        header = "".join(h.text for h in table.header)
        found = THREE_PUBLIC_HEADER.match(header)
        if table.kind is not TableKind.THREE_PUBLIC or found is None:
            continue
        vehicles = found.group("vehicles") is not None
        width = 6 if vehicles else 4
        for row in table.rows:
            if len(row.cells) != width:
                continue
            c = row.cells
            sums = [(c[0], [c[1], c[2], c[5]] if vehicles else [c[1], c[2], c[3]])]
            if vehicles:
                sums.append((c[2], [c[3], c[4]]))
            for total, parts in sums:
                name = f"{_label(table)} {'合计' if total is c[0] else '公务用车购置及运行费'}"
                checked = check_sum(ctx, name, name, total, parts)
                if checked is not None:
                    yield checked


#: Rows a summary table adds to this year's income (the first half) or expenditure (the
#: second) to reach its 总计.
_ADDED: tuple[frozenset[str], frozenset[str]] = (
    frozenset({"使用非财政拨款结余", "使用非财政拨款结余(含专用结余)", "年初结转和结余",
               "上年结转", "上年结转和结余", "上年结转结余", "年初财政拨款结转和结余",
               "用事业基金弥补收支差额"}),
    frozenset({"结余分配", "年末结转和结余", "结转下年", "年末财政拨款结转和结余", "年终结转结余",
               "结转结余下年"}),
)
_YEAR_ROWS: tuple[frozenset[str], frozenset[str]] = (YEAR_TOTAL, YEAR_SPENT)
_GRAND_ROWS = frozenset({"总计", "收入总计", "支出总计", "合计", "收入合计", "支出合计"})


@rule("FR117", "summary-totals", "A summary table's 总计 is not this year's total plus carry-over",
      "收支总表总计与本年合计及结转结余之和不符", Severity.ERROR,
      passing=_SUMMARY,
      failing=_SUMMARY.replace("年初结转和结余  10.00", "年初结转和结余  12.00"))
def summary_totals(ctx: Context) -> Iterator[Finding]:
    """In a summary table (收入支出决算总表, 收支预算总表, their 财政拨款 and university
    editions), each half's 总计 is this year's total (本年收入合计, 本年支出合计) plus
    the rows written between them: 使用非财政拨款结余 and 年初结转和结余 on the income
    half, 结余分配 and 年末结转和结余 on the expenditure half (a carry-over's breakdown by
    fund is not added again).  And this year's total is the sum of the sources (一、…收入)
    or classes (一、…支出) listed above it (``其中`` rows are parts of the row above).  A
    half with any other row, or with a row whose name runs the two halves together, is
    left alone."""
    for table in ctx.report.tables:
        if table.kind not in (TableKind.SUMMARY, TableKind.FISCAL_SUMMARY):
            continue
        for side in (0, 1):
            for found in (_half_parts(ctx, table, side), _half_total(ctx, table, side)):
                if found is not None:
                    yield found


#: A source of income (一、一般公共预算财政拨款收入) or a class of spending (八、社会保障和
#: 就业支出) listed above this year's total; ``其中`` rows are parts of the row above.
_LISTED: tuple[re.Pattern[str], re.Pattern[str]] = (NUMBERED_SOURCE_ROW, NUMBERED_CLASS_ROW)


def _half_parts(ctx: Context, table: Table, side: int) -> Finding | None:
    """This year's total of a half against the sources (or classes) listed above it."""
    if table.kind is not TableKind.SUMMARY:
        return None  # the 财政拨款 edition lists funds, not sources, on its income half
    before: list[list[TableRow]] = [[], []]
    for row in table.rows:
        if row.name.text in _YEAR_ROWS[0] | _YEAR_ROWS[1]:
            break
        if row.cells and row.side in (0, 1):
            before[row.side].append(row)
    else:
        return None
    year = next((row for row in table.rows
                 if row.side == side and row.cells and row.name.text in _YEAR_ROWS[side]), None)
    if year is None:
        return None
    for half, rows in enumerate(before):
        for row in rows:
            if not OF_WHICH_ROW.match(row.name.text) and not _LISTED[half].match(
                    row.name.text):
                return None  # a row not certain to be this half's: a name run together
    parts = [row.cells[0] for row in before[side] if not OF_WHICH_ROW.match(row.name.text)]
    if not parts:
        return None
    return check_sum(ctx, f"{_label(table)}{year.name.text}",
                     f"{_label(table)} {'income' if side == 0 else 'expenditure'} half "
                     f"{year.name.text}", year.cells[0], parts)


def _half_total(ctx: Context, table: Table, side: int) -> Finding | None:
    rows = [row for row in table.rows if row.side == side and row.cells]
    year = next((k for k, row in enumerate(rows) if row.name.text in _YEAR_ROWS[side]), None)
    if year is None:
        return None
    grand = next((k for k in range(year + 1, len(rows))
                  if rows[k].name.text in _GRAND_ROWS), None)
    if grand is None:
        return None
    added: list[Amount] = []
    for row in rows[year + 1 : grand]:
        name = row.name.text
        if name in _ADDED[side]:
            added.append(row.cells[0])
        elif not BY_FUND_ROW.match(name):
            return None  # a row not known here, or one of the other half's
    half = "收入" if side == 0 else "支出"
    return check_sum(ctx, f"{_label(table)}{half}方{rows[grand].name.text}",
                     f"{_label(table)} {'income' if side == 0 else 'expenditure'} half "
                     f"{rows[grand].name.text}", rows[grand].cells[0],
                     [rows[year].cells[0], *added])
