"""Tables that print no classification codes: rows by name only (``一般公共服务支出
6,701.98`` / ``社会工作事务 1.98`` / ``其他社会工作事务支出 1.98`` / …), so which row is a
类, a 款 or a 项 is not written and the rules by code (FR111, FR112) cannot say what adds
up to what.

What is certain without codes: a class row is known by its name (the categories of
``templates/categories.dat`` for the report's year, in ascending order of their codes),
and the rows under it, to the next class, are its 款, each followed or not by its 项
(which add up to it).  A class that no such reading of its rows makes contradicts the
table, whatever the hierarchy was; and when every class's rows read without a remainder,
the classes must make the table's total.  A block with a row that is not clean (a name
with no amount or an amount with no name: a name wrapped over lines) is not read.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Final

import attrs

from ..model.figures import Amount
from ..model.interval import Interval, amount_intervals
from ..model.tables import Table, TableKind, TableRow
from ..templates.classification import Category, category_of
from ..templates.tables import CLASS_ROWS_END, INCOME_LABEL, INCOME_LABEL_END
from .registry import Context

__all__ = ["Block", "item_readings", "reads_as_items", "uncoded_blocks"]

#: The tables whose rows are the functional classification, and the side of the line it
#: stands on (the expenditure half of a summary table).
_BY_FUNCTION: Final = {
    TableKind.EXPENDITURE: 0, TableKind.GENERAL_BUDGET: 0, TableKind.FISCAL_EXPENDITURE: 0,
    TableKind.GOVERNMENT_FUND: 0, TableKind.STATE_CAPITAL: 0, TableKind.SUMMARY: 1,
    TableKind.FISCAL_SUMMARY: 1}
#: How many partial readings a block may take before the look gives up (abstains).
_MOST_STATES: Final = 20000


@attrs.frozen
class Block:
    """A class row of a table without codes and the rows under it, to the next class:
    ``parses`` is True when some reading of them as 款 (each with or without its 项)
    makes the class, False when none does, None when it was not looked at (a row not
    clean, or too many readings)."""

    table: Table
    row: TableRow
    rows: tuple[TableRow, ...]
    parses: bool | None
    reason: str | None = None


def uncoded_blocks(ctx: Context) -> list[Block]:
    """Every class block of the report's tables that print no code (derived once)."""
    return ctx.derived(_blocks)


def _blocks(ctx: Context) -> list[Block]:
    found: list[Block] = []
    year = ctx.fiscal_year
    for table in ctx.report.tables:
        side = _BY_FUNCTION.get(table.kind) if table.kind is not None else None
        if side is None or any(row.code is not None for row in table.rows):
            continue
        rows = [row for row in table.rows if row.side == side]
        blocks = _class_blocks(table, rows, year)
        if side:
            blocks = (_halves_apart(table, b) for b in blocks)
        found.extend(blocks)
    return found


def _class_blocks(table: Table, rows: list[TableRow], year: int | None) -> Iterator[Block]:
    starts: list[int] = []
    last = ""
    end = len(rows)
    cut_in_a_name = False
    for k, row in enumerate(rows):
        name = row.name.text
        if starts and (ending := CLASS_ROWS_END.search(name)):
            end = k
            # 二、上年结转结余 run into a 款's name on one line: the classes may go on
            cut_in_a_name = len(name) - ending.end() >= _NAME_AFTER_LABEL
            break
        category = _category(name, year) if name else None
        if category is not None and category.code > last and row.cells:
            starts.append(k)
            last = category.code
    if any((category := _category(r.name.text, year)) is not None and category.code > last
           for r in rows[end + 1:]):
        # a class after the row that ended them (二、上年结转结余 run into a 款's line):
        # where the classes end is not certain
        for k in starts:
            yield Block(table, rows[k], tuple(rows[k + 1:k + 2]), None,
                        "a class is written after the row that ends the classes")
        return
    for n, k in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else end
        under = tuple(rows[k + 1:stop])
        row = rows[k]
        if not under:
            continue
        if stop == end and cut_in_a_name:
            yield Block(table, row, under, None, "the row that ends the classes runs into "
                        "another name: the class's rows may go on")
            continue
        if any(not r.cells or not r.name.text.strip() for r in under):
            yield Block(table, row, under, None,
                        "a row under the class has no amount or no name (a name wrapped "
                        "over lines)")
            continue
        amounts = [r.cells[0] for r in under]
        parses, first = item_readings(row.cells[0], amounts)
        if parses is False and first:
            # the rows after some row may be another class whose name is not known (or
            # not read): the class is made by the rows before it
            yield Block(table, row, under, None, "the rows before one of them make the class: "
                        "that row may be a class whose name is not known")
            continue
        yield Block(table, row, under, parses,
                    None if parses is not None else "too many readings of the rows")


def _halves_apart(table: Table, block: Block) -> Block:
    """*block* of a summary table's expenditure half, not looked at when a row among its
    rows or just after them stands on the income half with no income label (the line's
    halves were not told apart: ``技校教育 24,280.26`` at the line's start)."""
    if block.parses is None:
        return block
    rows = table.rows
    first = next(k for k, r in enumerate(rows) if r is block.row)
    last = next(k for k, r in enumerate(rows) if r is block.rows[-1])
    if any(r.side != block.row.side and (not INCOME_LABEL.search(r.name.text) or (
            r.cells and _merged(r.name.text))) for r in rows[first:last + 2]):
        return attrs.evolve(block, parses=None, reason="a row among them stands on the other "
                            "half of the table with no label of it, or with its label and "
                            "an expenditure's name run together")
    return block


def _merged(name: str) -> bool:
    """True for an income label with more written after it (``国有资本经营预算机关服务``:
    the line's two halves run together, its one amount may be either's)."""
    ends = [m.end() for m in INCOME_LABEL_END.finditer(name)]
    return bool(ends) and len(name) - ends[-1] >= _NAME_AFTER_LABEL


#: How long a name after an income label shows the halves ran together.
_NAME_AFTER_LABEL: Final = 2


def _category(name: str, year: int | None) -> Category | None:
    """The class a row's name is, also when the line's other half wrote its label before
    it (``六、附属单位上缴收入教育支出``: the income half's label, then the class)."""
    found = category_of(name, year)
    if found is not None:
        return found
    for m in INCOME_LABEL_END.finditer(name):
        rest = name[m.end():]
        if len(rest) >= 2 and (found := category_of(rest, year)) is not None:
            return found
    return None


def reads_as_items(whole: Amount, amounts: list[Amount]) -> bool | None:
    """True when *amounts*, in order, read as 款 each followed or not by 项 adding up to
    it, make *whole* at the precision written; False when no reading does; None when the
    readings are too many to look through."""
    return item_readings(whole, amounts)[0]


def item_readings(whole: Amount, amounts: list[Amount]) -> tuple[bool | None, bool]:
    """``(all, first)``: whether the rows read as 款 (each followed or not by its 项) make
    *whole* (None: too many readings to look through), and whether the rows up to one of
    them already do (the rest may be a class of a name not known).  One look over the
    readings, each state (row, sum so far) once."""
    stated, *parts = amount_intervals(whole, *amounts)
    n = len(parts)
    negative = any(p.low < 0 for p in parts)
    seen: set[tuple[int, Decimal, Decimal]] = set()
    stack: list[tuple[int, Interval]] = [(0, Interval.exact(Decimal(0)))]
    full = first = False
    while stack:
        pos, acc = stack.pop()
        if pos == n:
            full = full or stated.meets(acc)
            continue
        key = (pos, acc.low, acc.high)
        if key in seen:
            continue
        seen.add(key)
        if len(seen) > _MOST_STATES:
            return None, True
        first = first or stated.meets(acc)
        item = acc + parts[pos]
        if not negative and item.low > stated.high:
            continue
        stack.append((pos + 1, item))  # a 款 with no 项 under it
        group = Interval.exact(Decimal(0))
        for end in range(pos + 1, n):  # a 款 and the 项 under it, adding up to it
            group = group + parts[end]
            if group.meets(parts[pos]):
                stack.append((end + 1, item))
            if not negative and group.low > parts[pos].high:
                break
    return full, first
