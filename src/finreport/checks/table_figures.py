"""What the tables state: named quantities read from the total rows of standard tables,
and classification rows by code, for the rules that compare tables with each other and
with the narrative.

A table states a quantity only where its reading is certain: the row's name is one of
the names listed for that table kind in :data:`TOTAL_ROWS` (exactly, not a name text
extraction ran together with another), the table printed its unit, and its first amount
column is the one the quantity is (a final-accounts table whose header speaks of
预算数, or a table with a 行次 column of line numbers, is left alone).
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import Final

import attrs

from ..model.figures import Amount
from ..model.kinds import Consolidation
from ..model.tables import Table, TableKind, TableRow
from ..templates.classification import NAME_MARKS, category_of
from ..templates.tables import (
    BUDGET_COLUMN,
    CARRY_OVER_COLUMN,
    COVERAGE_MARK,
    FINAL_ACCOUNTS_TITLE,
    LEADING_NUMBER,
    OTHER_COLUMNS,
    TABLE_TITLE_YEAR,
)
from ..text.view import fold
from .registry import Context

__all__ = [
    "TOTAL_ROWS",
    "YEAR_SPENT",
    "YEAR_TOTAL",
    "Quantity",
    "TableFigure",
    "broken",
    "certain_rows",
    "class_code",
    "line_key",
    "rows_of",
    "table_figures",
    "tables_of_the_report",
]


class Quantity(enum.Enum):
    """A quantity the tables and the narrative both state; the value is its Chinese name."""

    GRAND_TOTAL = "收支总计"
    INCOME_TOTAL = "本年收入合计"
    EXPENDITURE_TOTAL = "本年支出合计"
    FISCAL_TOTAL = "财政拨款收支总计"
    GENERAL_BUDGET = "一般公共预算财政拨款支出"
    FISCAL_EXPENDITURE = "财政拨款支出"
    GENERAL_BASIC = "一般公共预算财政拨款基本支出"
    FISCAL_BASIC = "财政拨款基本支出"
    OPERATING_COSTS = "机关运行经费"
    PROCUREMENT = "政府采购预算"
    #: all funds spent on one functional class (a summary table's expenditure half,
    #: the 类 rows of a 支出决算表): keyed by the class code
    CLASS_SPENDING = "支出功能分类"
    BASIC_SPENDING = "基本支出"  # all funds, the 支出决算表's 基本支出 column
    PROJECT_SPENDING = "项目支出"
    #: this year's income from one source (财政拨款收入, 事业收入 …): keyed by its name
    INCOME_SOURCE = "收入来源"

    @property
    def english(self) -> str:
        """The quantity's English name, for messages."""
        return _ENGLISH[self]


_ENGLISH: Final[dict[Quantity, str]] = {
    Quantity.GRAND_TOTAL: "total income and expenditure",
    Quantity.INCOME_TOTAL: "income of the year",
    Quantity.EXPENDITURE_TOTAL: "expenditure of the year",
    Quantity.FISCAL_TOTAL: "fiscal appropriation total",
    Quantity.GENERAL_BUDGET: "general public budget expenditure",
    Quantity.FISCAL_EXPENDITURE: "fiscal appropriation expenditure",
    Quantity.GENERAL_BASIC: "general public budget basic expenditure",
    Quantity.FISCAL_BASIC: "fiscal appropriation basic expenditure",
    Quantity.OPERATING_COSTS: "agency operating costs",
    Quantity.PROCUREMENT: "government procurement budget",
    Quantity.CLASS_SPENDING: "expenditure by functional class",
    Quantity.BASIC_SPENDING: "basic expenditure",
    Quantity.PROJECT_SPENDING: "project expenditure",
    Quantity.INCOME_SOURCE: "income by source",
}

#: This year's totals of a summary table's halves, as the templates name them.
YEAR_TOTAL = frozenset({"本年收入合计", "当年收入小计", "本年收入小计", "当年收入合计"})
YEAR_SPENT = frozenset({"本年支出合计", "当年支出小计", "本年支出小计", "当年支出合计"})
_GRAND = frozenset({"总计", "收入总计", "支出总计"})
#: 收入合计 / 支出合计 are the whole only where nothing else is: no row of this year's
#: totals above them, or no carry-over rows beside them (see :func:`_whole_named`).
_SIDES_TOTAL = frozenset({"收入合计", "支出合计"})

#: (table kind, row names, quantity): the total rows a standard table states.
TOTAL_ROWS: Final[tuple[tuple[TableKind, frozenset[str], Quantity], ...]] = (
    (TableKind.SUMMARY, YEAR_TOTAL, Quantity.INCOME_TOTAL),
    (TableKind.SUMMARY, YEAR_SPENT, Quantity.EXPENDITURE_TOTAL),
    (TableKind.SUMMARY, _GRAND, Quantity.GRAND_TOTAL),
    (TableKind.INCOME, frozenset({"合计", "本年收入合计"}), Quantity.INCOME_TOTAL),
    (TableKind.EXPENDITURE, frozenset({"合计", "本年支出合计"}), Quantity.EXPENDITURE_TOTAL),
    (TableKind.FISCAL_SUMMARY, _GRAND, Quantity.FISCAL_TOTAL),
    (TableKind.GENERAL_BUDGET, frozenset({"合计"}), Quantity.GENERAL_BUDGET),
    (TableKind.FISCAL_EXPENDITURE, frozenset({"合计"}), Quantity.FISCAL_EXPENDITURE),
    (TableKind.GENERAL_BUDGET_BASIC, frozenset({"合计"}), Quantity.GENERAL_BASIC),
    (TableKind.FISCAL_BASIC, frozenset({"合计"}), Quantity.FISCAL_BASIC),
    (TableKind.OPERATING_COSTS, frozenset({"合计"}), Quantity.OPERATING_COSTS),
    (TableKind.PROCUREMENT, frozenset({"合计"}), Quantity.PROCUREMENT),
)
#: The tables whose 收入合计/支出合计 rows are their whole (see _SIDES_TOTAL).
_SIDES_TABLES: Final[dict[TableKind, Quantity]] = {
    TableKind.SUMMARY: Quantity.GRAND_TOTAL, TableKind.FISCAL_SUMMARY: Quantity.FISCAL_TOTAL}
#: The tables whose coded rows state a quantity by code: a 支出决算表's 类 rows the
#: spending of all funds on a class, the general budget's rows its 类/款/项.
_BY_CODE: Final[dict[TableKind, Quantity]] = {
    TableKind.EXPENDITURE: Quantity.CLASS_SPENDING, TableKind.GENERAL_BUDGET: Quantity.GENERAL_BUDGET,
    TableKind.FISCAL_EXPENDITURE: Quantity.FISCAL_EXPENDITURE}


#: The columns a total column (合计) of a table is the sum of, as headers name them.
COLUMN_PARTS: tuple[str, ...] = (
    "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出", "单位预留机动经费",
    "人员经费", "公用经费",
    "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入",
)
#: The part columns whose total-row cell states a quantity, by table kind.
COLUMN_QUANTITIES: Final[dict[TableKind, dict[str, Quantity]]] = {
    TableKind.EXPENDITURE: {"基本支出": Quantity.BASIC_SPENDING, "项目支出": Quantity.PROJECT_SPENDING},
    TableKind.GENERAL_BUDGET: {"基本支出": Quantity.GENERAL_BASIC},
    TableKind.FISCAL_EXPENDITURE: {"基本支出": Quantity.FISCAL_BASIC},
    TableKind.INCOME: {word: Quantity.INCOME_SOURCE for word in (
        "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入")},
}


@attrs.frozen
class TableFigure:
    """A quantity a table states: which, for which class code (``""`` for a total),
    the cell and the table and row it is in."""

    quantity: Quantity
    code: str
    amount: Amount
    table: Table
    row: TableRow


def table_figures(ctx: Context) -> list[TableFigure]:
    """Every quantity the report's tables state for certain (derived once per check)."""
    return ctx.derived(_table_figures)


def _table_figures(ctx: Context) -> list[TableFigure]:
    final = not ctx.report.kind.is_budget
    return [figure for table in _of_the_report(ctx) if _readable(table, final)
            for figure in _figures_of(table, ctx.fiscal_year, rows_of(ctx, table))]


_COVERAGE: Final = {"本级": Consolidation.OWN, "汇总": Consolidation.CONSOLIDATED}


def tables_of_the_report(ctx: Context) -> list[Table]:
    """The tables that state the report's own quantities (not another year's, not a
    budget's table of final accounts, not the other coverage's): worked out once per
    check."""
    return ctx.derived(_of_the_report)


def _of_the_report(ctx: Context) -> list[Table]:
    """The tables that state the report's own quantities: not one whose title names
    another year (an annex's ``2024年度部门决算收支总表`` in a 2026 budget), a budget's table
    of final accounts, nor a table marked with the other coverage (``收支预算总表（本级）``
    beside the consolidated one: a 汇总 report may print its own unit's tables too)."""
    report = ctx.report
    year = ctx.fiscal_year
    kept = []
    for table in report.tables:
        title = fold(table.title.text)
        if year is not None and any(int(m.group("year")) != year
                                    for m in TABLE_TITLE_YEAR.finditer(title)):
            continue
        if report.kind.is_budget and FINAL_ACCOUNTS_TITLE.search(title):
            continue
        kept.append(table)
    marked = {t.kind: m.group() for t in kept if (m := COVERAGE_MARK.search(fold(t.title.text)))}
    if not marked:
        return kept
    own = report.consolidation
    unmarked = {t.kind for t in kept if not COVERAGE_MARK.search(fold(t.title.text))}
    return [t for t in kept if not (
        (m := COVERAGE_MARK.search(fold(t.title.text))) is not None and (
            t.kind in unmarked or (own is not None and _COVERAGE[m.group("word")] is not own)))]


def _readable(table: Table, final: bool) -> bool:
    """True when the table's first amount column is what its name says: the unit is
    printed (a 行次 column's numbers the reader left out), no carry-over column (but in
    the summary tables, whose carry-over is rows), and in final accounts no budget column
    in the header."""
    if table.kind is None or table.unit is None:
        return False
    header = "".join(h.text for h in table.header)
    if table.kind not in _SIDES_TABLES and CARRY_OVER_COLUMN.search(header):
        return False  # a carry-over column (年初结转和结余) may come first
    return not (final and BUDGET_COLUMN.search(header))


def _figures_of(table: Table, year: int | None,
                coded: list[TableRow] | None) -> Iterator[TableFigure]:
    names = {row.name.text for row in table.rows}
    for row in table.rows:
        if not row.cells or row.code is not None:
            continue
        name = row.name.text
        for kind, row_names, quantity in TOTAL_ROWS:
            if kind is table.kind and name in row_names:
                yield TableFigure(quantity, "", row.cells[0], table, row)
                break
        else:
            if (name in _SIDES_TOTAL and table.kind in _SIDES_TABLES
                    and _whole_named(names)):
                yield TableFigure(_SIDES_TABLES[table.kind], "", row.cells[0], table, row)
            elif table.kind is TableKind.SUMMARY and row.side > 0:
                code = class_code(name, year)
                if code is not None:
                    yield TableFigure(Quantity.CLASS_SPENDING, code, row.cells[0], table, row)
    yield from _column_figures(table)
    by_code = _BY_CODE.get(table.kind) if table.kind is not None else None
    if by_code is None:
        return
    for row in coded or ():
        if row.code is not None and (by_code is not Quantity.CLASS_SPENDING or len(row.code) == 3):
            yield TableFigure(by_code, row.code, row.cells[0], table, row)


def rows_of(ctx: Context, table: Table) -> list[TableRow] | None:
    """:func:`certain_rows` of a table of the report, worked out once per check."""
    return ctx.derived(_certain_rows_by_table).get(id(table))


def _certain_rows_by_table(ctx: Context) -> dict[int, list[TableRow] | None]:
    return {id(table): certain_rows(table) for table in ctx.report.tables}


def is_broken(ctx: Context, table: Table) -> bool:
    """:func:`broken` for a table of the report, worked out once per check."""
    return ctx.derived(_broken_by_table)[id(table)]


def _broken_by_table(ctx: Context) -> dict[int, bool]:
    return {id(table): broken(table) for table in ctx.report.tables}


def certain_rows(table: Table) -> list[TableRow] | None:
    """The coded rows of a table read with certainty, else None (see ``tables``)."""
    coded = [row for row in table.rows if row.code is not None and row.side == 0]
    if not coded or any(not row.cells for row in coded) or broken(table):
        return None
    return coded


def broken(table: Table) -> bool:
    """True when a line of the table writes amounts under no code that is not the total
    row (a row broken apart, or a layout not understood), or a cell looks like a code of
    the table's family (codes on both halves of the line: 30101 | 30201)."""
    if any(row.cells and row.code is None and not row.is_total for row in table.rows):
        return True
    families = {row.code[:2] for row in table.rows if row.code}
    # a code is written without decimals: most cells are decided without a call
    return any(cell.decimals == 0 and _code_like(cell, families)
               for row in table.rows for cell in row.cells)


def _code_like(cell: Amount, families: set[str]) -> bool:
    """True when a cell may be a classification code: a whole number of 3, 5 or 7 digits,
    written without separators, of the same family as the table's codes."""
    digits = str(cell.value)
    return (cell.decimals == 0 and digits.isdigit() and len(digits) in (3, 5, 7)
            and digits[:2] in families)


def named_columns(table: Table) -> list[str] | None:
    """The part columns after 合计, in their order, when one header line names 合计 and
    every part column of the header and the header names no other amount column."""
    header = "".join(h.text for h in table.header)
    if OTHER_COLUMNS.search(header):
        return None
    named = [word for word in COLUMN_PARTS if word in header]
    for line in table.header:
        text = line.text
        if "合计" in text and named and all(word in text for word in named):
            first = text.index("合计")
            if any(text.find(word) < first for word in named):
                return None
            return sorted(named, key=text.index)
    return None


def _column_figures(table: Table) -> Iterator[TableFigure]:
    """The quantities of the total row's part columns (基本支出 of a 支出决算表 …), when
    the row writes every column the header names: a blank cell would move the others."""
    wanted = COLUMN_QUANTITIES.get(table.kind) if table.kind is not None else None
    total = table.total
    if not wanted or total is None or broken(table):
        return
    columns = named_columns(table)
    if columns is None or len(total.cells) != len(columns) + 1:
        return
    for word, cell in zip(columns, total.cells[1:], strict=True):
        quantity = wanted.get(word)
        if quantity is not None:
            code = word if quantity is Quantity.INCOME_SOURCE else ""
            yield TableFigure(quantity, code, cell, table, total)


def _whole_named(names: set[str]) -> bool:
    """收入合计/支出合计 name the whole of a summary table when it writes this year's
    totals apart (当年收入小计), or no carry-over at all."""
    if names & (YEAR_TOTAL | YEAR_SPENT):
        return True
    return not any("结转" in name or "结余" in name for name in names)


def class_code(name: str, year: int | None) -> str | None:
    """The code of the functional class a row or entry names (``一、一般公共服务支出``,
    ``一般公共服务支出（类）``), or None when the name is no class."""
    name = LEADING_NUMBER.sub("", fold(name))
    if not name.endswith(("支出", "(类)")):
        return None
    category = category_of(name, year)
    return category.code if category is not None else None


def line_key(name: str) -> str:
    """A 款 or 项 name in the form used for matching a narrative line with a table row:
    folded, without ``（款）``/``（项）``, numbering, ``其中：`` or a final ``支出``."""
    name = LEADING_NUMBER.sub("", fold(name))
    name = NAME_MARKS.sub("", name)
    if name.endswith("支出") and len(name) > 3:
        name = name[:-2]
    return name
