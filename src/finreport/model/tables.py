"""The tables of the tables part (决算表/预算表): titles, rows and cells."""

from __future__ import annotations

import enum
from typing import Final

import attrs

from .budget_lines import BudgetLine, Classification
from .figures import Amount
from .span import Phrase, Span

__all__ = ["Table", "TableKind", "TableRow"]


class TableKind(enum.Enum):
    """The standard tables of final accounts and budgets (the university editions too)."""

    SUMMARY = "summary"  # 收入支出决算总表, 收支预算总表
    INCOME = "income"  # 收入决算表, 收入预算(总)表
    EXPENDITURE = "expenditure"  # 支出决算表, 支出预算(总)表
    FISCAL_SUMMARY = "fiscal_summary"  # 财政拨款收入支出决算总表, 财政拨款收支预算总表
    FISCAL_EXPENDITURE = "fiscal_expenditure"  # 财政拨款支出预算表
    FISCAL_BASIC = "fiscal_basic"  # 财政拨款基本支出预算表
    GENERAL_BUDGET = "general_budget"  # 一般公共预算(财政拨款)支出决算表/预算表
    GENERAL_BUDGET_BASIC = "general_budget_basic"  # 一般公共预算(财政拨款)基本支出…表
    THREE_PUBLIC = "three_public"  # (财政拨款)“三公”经费支出决算表/预算表
    GOVERNMENT_FUND = "government_fund"  # 政府性基金预算财政拨款…表
    STATE_CAPITAL = "state_capital"  # 国有资本经营预算财政拨款…表
    OPERATING_COSTS = "operating_costs"  # 一般公共预算机关运行经费支出预算表
    PROCUREMENT = "procurement"  # 政府采购(支出)预算表
    BASIC_EXPENDITURE = "basic_expenditure"  # 部门预算基本支出预算表 (all funds, by unit)
    PROJECT_EXPENDITURE = "project_expenditure"  # 项目支出(及其他支出)预算表, …项目支出情况表


@attrs.frozen(repr=False)
class TableRow:
    """One row of a table: its classification ``code`` when printed (digits only:
    ``201 06 01`` is ``2010601``), its ``name`` as written, and the amounts it writes,
    left to right (``cells``), each with its span and the unit of the table's 单位 line
    (written there, not beside the number); ``columns`` holds where each cell ends
    on its line (display columns).  ``side`` is 0, or the half of a two-sided summary
    table the row belongs to (1 for the second)."""

    name: Phrase
    cells: tuple[Amount, ...] = ()
    code: str | None = None
    code_span: Span | None = None
    columns: tuple[int, ...] = ()
    side: int = 0

    @property
    def level(self) -> str | None:
        """类, 款 or 项 from the code's length (3, 5, 7 digits), else None."""
        return {3: "类", 5: "款", 7: "项"}.get(len(self.code or ""))

    @property
    def is_total(self) -> bool:
        """True for the table's total row (合计, 总计)."""
        return self.code is None and self.name.text in _TOTAL_NAMES

    def __repr__(self) -> str:
        code = f"{self.code} " if self.code else ""
        cells = ", ".join(str(c.value) for c in self.cells)
        return f"TableRow({code}{self.name.text} [{cells}] @{self.name.span.start})"


@attrs.frozen(repr=False)
class Table:
    """A table of the tables part: its ``title`` as written, its standard ``kind`` (None
    when the title is not one of :data:`TABLE_TITLES`), the ``number`` printed before the
    title (``一、``) or after it (``公开01表``), the ``unit`` of its amounts (``万元``,
    ``元``), its ``header`` lines, its ``rows`` and the ``span`` it takes."""

    title: Phrase
    kind: TableKind | None
    span: Span
    number: Phrase | None = None
    unit: str | None = None
    header: tuple[Phrase, ...] = ()
    rows: tuple[TableRow, ...] = ()

    @property
    def total(self) -> TableRow | None:
        """The first total row (合计, 总计), if the table has one."""
        return next((row for row in self.rows if row.is_total), None)

    def budget_lines(self) -> tuple[BudgetLine, ...]:
        """The rows of functional classification (codes 2xx) of an expenditure table
        (支出决算表, 一般公共预算…支出表, 财政拨款支出表) as :class:`~finreport.BudgetLine` s:
        the code and its level from the row, the names of its 类 and 款 from the rows of
        those codes above it, ``amount`` its first amount column (the year's total: 决算数
        in final accounts, this year's budget in a budget).  Other tables give none."""
        if self.kind not in _EXPENDITURE_TABLES:
            return ()
        names: dict[str, Phrase] = {}
        lines = []
        for row in self.rows:
            code = row.code
            if code is None or row.side != 0 or not code.startswith("2"):
                continue
            names[code] = row.name
            first = row.code_span or row.name.span
            span = first.cover(row.cells[-1].span) if row.cells else first.cover(row.name.span)
            code_phrase = Phrase(code, row.code_span or row.name.span)
            path = [names.get(code[:n]) for n in (3, 5, 7) if n <= len(code)]
            path += [None] * (3 - len(path))
            lines.append(BudgetLine(Classification(path[0], path[1], path[2], code_phrase),
                                    span, amount=row.cells[0] if row.cells else None))
        return tuple(lines)

    def __repr__(self) -> str:
        kind = self.kind.value if self.kind is not None else None
        return (f"Table({self.title.text!r}, {kind}, {len(self.rows)} rows "
                f"@{self.span.start}:{self.span.end})")


_TOTAL_NAMES: Final[frozenset[str]] = frozenset({"合计", "总计"})


_EXPENDITURE_TABLES: Final = frozenset({TableKind.EXPENDITURE, TableKind.GENERAL_BUDGET,
                                        TableKind.FISCAL_EXPENDITURE})
