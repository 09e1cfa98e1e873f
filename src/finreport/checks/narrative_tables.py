"""The narrative against the tables: a figure the 情况说明 states must be what the table
of the same quantity says."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..model.budget_lines import BudgetLine
from ..model.entries import Entry
from ..model.figures import Amount
from ..model.findings import Evidence, Finding, Severity
from ..model.interval import amount_intervals
from ..model.report import Report
from ..model.sections import SectionKind
from ..model.tables import Table, TableKind, TableRow
from ..templates.classification import LEVEL_MARK, category_of
from ..templates.fields import three_public_field
from ..templates.lists import ITEM_NUMBER
from ..templates.quantities import BOTH_TOTAL, THIS_YEAR, THIS_YEARS_TOTAL
from ..templates.roles import CARRY_OVER_WORD
from ..templates.scopes import FISCAL_WORDS, OTHER_FISCAL_FUNDS
from ..templates.tables import THREE_PUBLIC_COLUMN_WORDS
from .registry import Context, rule
from .relations import amount_sum, check_sum
from .table_figures import (
    Quantity,
    TableFigure,
    class_code,
    line_key,
    rows_of,
    table_figures,
    tables_of_the_report,
)

__all__ = ["narrative_table"]

_SPENDING = {"基本支出": Quantity.BASIC_SPENDING, "项目支出": Quantity.PROJECT_SPENDING}
_SOURCES = frozenset({"财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入",
                      "其他收入"})

_EXAMPLE = ("第一部分 2020年度部门决算表\n一般公共预算财政拨款支出决算表\n单位：万元\n"
            "科目编码      科目名称              合计\n"
            "合计                              10.00\n"
            "201           一般公共服务支出      6.00\n"
            "20129         群众团体事务          6.00\n"
            "2012901       行政运行              6.00\n"
            "221           住房保障支出          4.00\n"
            "22102         住房改革支出          4.00\n"
            "2210201       住房公积金            4.00\n"
            "第二部分 2020年度部门决算情况说明\n"
            "五、一般公共预算财政拨款支出决算情况说明\n（一）一般公共预算财政拨款支出决算总体情况\n"
            "2020年一般公共预算财政拨款支出10.00万元。\n（三）一般公共预算财政拨款支出决算具体情况\n"
            "其中：\n1.一般公共服务（类）群众团体事务（款）行政运行（项）:支出决算为6.00万元。\n"
            "2.住房保障支出（类）住房改革支出（款）住房公积金（项）：支出决算为4.00万元。\n")


@rule("FR504", "narrative-table", "The narrative and a table state one quantity differently",
      "情况说明与报表数据不一致", Severity.ERROR,
      passing=_EXAMPLE,
      failing=_EXAMPLE.replace("公积金（项）：支出决算为4.00万元", "公积金（项）：支出决算为4.50万元"))
def narrative_table(ctx: Context) -> Iterator[Finding]:
    """A figure of the narrative whose quantity, basis and scope name a table cell must
    agree with it at the precision written: 收支总计 with the summary table's 总计,
    本年收入合计 and 本年支出合计 with theirs, 财政拨款收支总计 with the 财政拨款 summary
    table's, the general budget's total, classes and 类/款/项 lines with the rows of the
    table their own words name (一般公共预算 or 财政拨款, matched by code through the
    class and the line's names, only where one row answers), 基本支出, 机关运行经费 and
    政府采购 with their tables' 合计, 人员经费 with the basic-expenditure table's classes
    301 and 303 (工资福利支出, 对个人和家庭的补助) and 公用经费 with its other classes.  A narrative total named 收入总计 alone is left
    alone (in some templates it is this year's income, in others the whole).  The three
    public expenses and their parts (and 会议费, 培训费) against a table of them that
    lists them as rows (``"三公"经费``, ``（一）因公出国（境）费``, …, each named once):
    the narrative's amount must be one of its row's cells (the columns may be funds,
    years or budget and final, which the narrative may state any of)."""
    tables: dict[tuple[Quantity, str], list[TableFigure]] = {}
    for figure in table_figures(ctx):
        found = tables.setdefault((figure.quantity, figure.code), [])
        if not any(other.table is figure.table for other in found):
            found.append(figure)  # a table's first statement (总计 is on both halves)
    yield from _three_public(ctx)
    if not tables:
        return
    yield from _personnel_and_public(ctx, tables)
    for quantity, code, amount, what in _stated(ctx.report, ctx.fiscal_year, tables):
        for cell in tables.get((quantity, code), ()):
            stated, other = amount_intervals(amount, cell.amount)
            if stated.meets(other):
                ctx.held([amount, cell.amount], amount.wan, other, "万元")
                continue
            yield ctx.finding(
                [amount, cell.amount],
                "{what}：情况说明为{value}，{table}为{cell}",
                "{what}: the narrative states {value}, {table} states {cell}",
                what=_what(quantity, code, what, ctx.chinese),
                value=ctx.figure(amount), table=cell.table.title.text,
                cell=ctx.figure(cell.amount),
                evidence=Evidence(amount.wan, other.low, other.high,
                                  amount.wan - cell.amount.wan, stated.radius + other.radius,
                                  "万元"))


#: The fields of the three public expenses a narrative states, as the table names their rows.
_THREE_PUBLIC_ROWS = ("total", "overseas", "vehicles", "vehicle_purchase", "vehicle_operation",
                      "reception", "meetings", "training")


def _three_public(ctx: Context) -> Iterator[Finding]:
    """The narrative's three public expenses against each table of them: written as rows,
    one row a field (a table with fewer than two such rows, or a field named by two, is
    left alone for that field), an amount none of its row's cells states is an error;
    written as one row of amounts under a header that names the expenses (its columns
    cannot be told apart: the text layer leaves a blank cell out and runs the header's
    lines together), an amount above zero none of the row's cells states is a warning."""
    stated = ctx.report.three_public
    if stated is None:
        return
    for table in tables_of_the_report(ctx):
        if table.kind is not TableKind.THREE_PUBLIC or table.unit is None:
            continue
        for field, row, severity in _three_public_rows(table):
            entry: Entry | None = getattr(stated, field)
            if entry is None or entry.amount is None or (
                    severity is Severity.WARNING and entry.amount.value == 0):
                continue
            amount, cells = entry.amount, row.cells
            intervals = amount_intervals(amount, *cells)
            held = next((k for k, cell in enumerate(intervals[1:]) if cell.meets(intervals[0])),
                        None)
            if held is not None:
                ctx.held([amount, cells[held]], amount.wan, intervals[held + 1], "万元")
                continue
            yield ctx.finding(
                [amount, *cells],
                "{what}：情况说明为{value}，{table}“{row}”行为{cells}",
                "{what}: the narrative states {value}, the row “{row}” of {table} {cells}",
                severity=severity, what=entry.name.text, value=ctx.figure(amount),
                table=table.title.text, row=row.name.text or table.header[0].text,
                cells="、".join(ctx.figure(c) for c in cells),
                evidence=Evidence(amount.wan, cells[0].wan, cells[0].wan,
                                  amount.wan - cells[0].wan,
                                  intervals[0].radius + intervals[1].radius, "万元"))


def _three_public_rows(table: Table) -> Iterator[tuple[str, TableRow, Severity]]:
    """The row of a table of the three public expenses that states each field: by its
    name (an error when the narrative differs), or the table's one row of amounts under
    a header naming the field (a warning)."""
    by_field: dict[str, list[TableRow]] = {}
    for row in table.rows:
        if not row.cells or row.side != 0:
            continue
        name = row.name.text.removeprefix("其中:")
        if (number := ITEM_NUMBER.match(name)) is not None:
            name = name[number.end():]  # （一）因公出国（境）费, 1.公务用车购置费
        field = "total" if name == "合计" else three_public_field(name)
        if field is not None and field.startswith("vehicle") and "车" not in name:
            continue  # 机关运行经费 beside the three: no vehicles' running
        if field in _THREE_PUBLIC_ROWS:
            by_field.setdefault(field, []).append(row)
    if len(by_field) >= 2:
        for field in _THREE_PUBLIC_ROWS:
            if len(rows := by_field.get(field, [])) == 1:
                yield field, rows[0], Severity.ERROR
        return
    amounts = [row for row in table.rows if row.cells]
    if len(amounts) != 1 or len(amounts[0].cells) < 3 or amounts[0].side != 0:
        return  # a row per unit, the columns numbered (1 2 3 …), or nothing
    header = "".join(h.text for h in table.header)
    for field in _THREE_PUBLIC_ROWS:
        if THREE_PUBLIC_COLUMN_WORDS[field] in header:
            yield field, amounts[0], Severity.WARNING


#: 人员经费 is 工资福利支出 (301) and 对个人和家庭的补助 (303); 公用经费 the other classes of
#: a basic-expenditure table (商品和服务支出 302, 资本性支出 310 …).
_PERSONNEL_CLASSES = ("301", "303")


def _personnel_and_public(ctx: Context, tables: dict[tuple[Quantity, str], list[TableFigure]],
                          ) -> Iterator[Finding]:
    """人员经费 and 公用经费 of the narrative against the economic classes of the
    basic-expenditure table of the same scope."""
    basic = ctx.report.basic_expenditure
    if basic is None or basic.total is None:
        return
    scope = _scope(basic.total, Quantity.GENERAL_BASIC, Quantity.FISCAL_BASIC, "基本支出")
    for figure in tables.get((scope, ""), ()) if scope is not None else ():
        rows = rows_of(ctx, figure.table)
        classes = {row.code: row.cells[0] for row in rows or () if row.code and len(row.code) == 3}
        if "301" not in classes:
            continue
        for entry, wanted, zh, en in (
                (basic.personnel, True, "人员经费", "personnel costs"),
                (basic.public, False, "公用经费", "public costs")):
            parts = [cell for code, cell in classes.items()
                     if (code in _PERSONNEL_CLASSES) is wanted]
            if entry is None or entry.amount is None or not parts:
                continue
            codes = "、".join(code for code in classes if (code in _PERSONNEL_CLASSES) is wanted)
            items = _items_of(rows or (), {code for code in classes
                                           if (code in _PERSONNEL_CLASSES) is wanted})
            if items and amount_sum(items, amount_intervals(*items))[0].meets(
                    amount_intervals(entry.amount)[0]):
                # the table's own total may add its items as printed (rounded), not its
                # classes: 301 23,647.92 + 303 1,882.57 against items adding to 25,530.51
                ctx.held([entry.amount, *items], entry.amount.wan,
                         amount_sum(items, amount_intervals(*items))[0], "万元")
                continue
            title = figure.table.title.text
            found = check_sum(ctx, f"{zh}（{title} {codes}类）",
                              f"{en} ({title}, classes {codes.replace('、', ', ')})",
                              entry.amount, parts)
            if found is not None:
                yield found


def _items_of(rows: Sequence[TableRow], classes: set[str]) -> list[Amount]:
    """The amounts of the items (款, five digits) of *classes*, when every one of the
    classes lists its items and is their sum at the precision written; else none."""
    found: list[Amount] = []
    for code in classes:
        row = next((row for row in rows if row.code == code), None)
        items = [row.cells[0] for row in rows
                 if row.code and len(row.code) == 5 and row.code[:3] == code]
        if row is None or not items:
            return []
        stated, *intervals = amount_intervals(row.cells[0], *items)
        if not stated.meets(amount_sum(items, intervals)[0]):
            return []  # the class row is not its items' sum: the rule on classes says so
        found += items
    return found


def _what(quantity: Quantity, code: str, what: str, chinese: bool) -> str:
    """How a message names the quantity: its words, and the code when it has one."""
    coded = code and code != what  # a class or line code; an income source is its name
    if chinese:
        return f"{what}（{code}）" if coded else what
    if coded:
        return f"{quantity.english}, {what} ({code})"
    return f"{quantity.english}, {what}" if code or what != quantity.value else quantity.english


def _stated(report: Report, year: int | None,
            tables: dict[tuple[Quantity, str], list[TableFigure]],
            ) -> Iterator[tuple[Quantity, str, Amount, str]]:
    """(quantity, class code or "", amount, what) of each narrative figure that names a
    quantity the tables state."""
    grand = report.grand_total
    if grand is not None and BOTH_TOTAL.search(grand.name.text) and not FISCAL_WORDS.search(
            grand.name.text) and grand.amount is not None:
        yield Quantity.GRAND_TOTAL, "", grand.amount, Quantity.GRAND_TOTAL.value
    for part, quantity in ((report.income, Quantity.INCOME_TOTAL),
                           (report.expenditure, Quantity.EXPENDITURE_TOTAL)):
        total = part.total if part is not None else None
        if part is None or total is None or total.amount is None or not THIS_YEARS_TOTAL.search(
                total.name.text) or "总计" in total.name.text:
            continue
        if not THIS_YEAR.search(total.name.text) and any(
                CARRY_OVER_WORD.search(item.name.text) and item.amount is not None
                and item.amount.value for item in part.items):
            # 收入预算合计X，包括本年收入Y，上年结转结余Z: a 合计 not named this year's whose
            # own parts hold a carry-over is the whole (收入总计), not this year's total
            continue
        yield quantity, "", total.amount, quantity.value
        for item in part.items:  # this year's parts: 基本支出, 项目支出; 财政拨款收入 …
            name = item.name.text
            if item.amount is None:
                continue
            if quantity is Quantity.EXPENDITURE_TOTAL and name in _SPENDING:
                yield _SPENDING[name], "", item.amount, name
            elif quantity is Quantity.INCOME_TOTAL and name in _SOURCES:
                yield Quantity.INCOME_SOURCE, name, item.amount, name
    fiscal = report.fiscal_appropriation
    if fiscal is not None and fiscal.amount is not None and BOTH_TOTAL.search(
            fiscal.name.text) and "财政拨款" in fiscal.name.text:
        yield Quantity.FISCAL_TOTAL, "", fiscal.amount, Quantity.FISCAL_TOTAL.value
    yield from _general_budget(report, year, tables)
    yield from _all_funds_classes(report, year)
    basic = report.basic_expenditure
    if basic is not None and basic.total is not None and basic.total.amount is not None:
        scoped = _scope(basic.total, Quantity.GENERAL_BASIC, Quantity.FISCAL_BASIC, "基本支出")
        if scoped is not None:
            yield scoped, "", basic.total.amount, scoped.value
    costs = report.operating_costs
    if costs is not None and costs.amount is not None and "机关运行经费" in costs.name.text:
        yield Quantity.OPERATING_COSTS, "", costs.amount, Quantity.OPERATING_COSTS.value
    procurement = report.procurement.total if report.procurement is not None else None
    if procurement is not None and procurement.amount is not None and (
            "政府采购" in procurement.name.text):
        yield Quantity.PROCUREMENT, "", procurement.amount, Quantity.PROCUREMENT.value


#: The sections whose class amounts are the spending of all funds (收支总体情况, 支出预算).
_ALL_FUNDS_SECTIONS = frozenset({SectionKind.OVERALL, SectionKind.EXPENDITURE})


def _all_funds_classes(report: Report, year: int | None,
                       ) -> Iterator[tuple[Quantity, str, Amount, str]]:
    """A statement naming one class only (``（5）农林水支出（类）支出32,466.28万元``) in a
    section about the spending of all funds: the class's row of the 支出预算表 (or the
    expenditure half of the summary table)."""
    sections = [s.span for s in report.walk_sections() if s.kind in _ALL_FUNDS_SECTIONS]
    if not sections:
        return
    for entry in report.statements:
        amount = entry.amount
        name = entry.name.text
        if (amount is None or "(类)" not in name or "(款)" in name or "(项)" in name
                or FISCAL_WORDS.search(name)
                or not any(s.start <= amount.span.start < s.end for s in sections)):
            continue
        if entry.period is not None and entry.period.span.start < amount.span.start:
            continue  # a year in front of the amount: perhaps not this year's
        category = category_of(ITEM_NUMBER.sub("", name[: name.index("(类)") + 3]), year)
        if category is not None and len(category.code) == 3:
            yield Quantity.CLASS_SPENDING, category.code, amount, category.name + "支出"


def _scope(entry: Entry, general: Quantity, fiscal: Quantity, word: str) -> Quantity | None:
    """*general* when the entry's name says 一般公共预算, *fiscal* when it says 财政拨款
    only, None when it says neither or is not about *word*."""
    name = entry.name.text
    if word not in name:
        return None
    if "一般公共预算" in name:
        return general
    if "财政拨款" in name and not OTHER_FISCAL_FUNDS.search(name):
        return fiscal
    return None


def _general_budget(report: Report, year: int | None,
                    tables: dict[tuple[Quantity, str], list[TableFigure]],
                    ) -> Iterator[tuple[Quantity, str, Amount, str]]:
    gb = report.general_budget
    if gb is None:
        return
    quantity = None
    for entry in (gb.total, gb.structure_total):
        if entry is None or entry.amount is None:
            continue
        found = _scope(entry, Quantity.GENERAL_BUDGET, Quantity.FISCAL_EXPENDITURE, "支出")
        if found is None:
            continue
        quantity = quantity or found
        yield found, "", entry.amount, found.value
    if quantity is None:
        return  # the section's scope is not stated: its classes and lines are left alone
    for entry in gb.classes:
        code = _class(entry.name.text, year)
        if code is not None and entry.amount is not None:
            yield quantity, code, entry.amount, line_key(entry.name.text) + "支出"
    # each row's name in the form lines are matched in, worked out once
    rows = {code: line_key(figure.row.name.text) for (q, code), figures in tables.items()
            if q is quantity and code for figure in figures[:1]}
    for line in gb.lines:
        code = _line_code(line, year, rows)
        if code is not None and line.amount is not None:
            yield quantity, code, line.amount, _line_name(line)


def _class(name: str, year: int | None) -> str | None:
    code = class_code(name, year)
    if code is None:
        category = category_of(name, year)
        code = category.code if category is not None else None
    return code


def _line_code(line: BudgetLine, year: int | None, rows: dict[str, str]) -> str | None:
    """The code of the one table row a budget line names, else None: the code it prints
    when the row of that code has the line's name; else its class by name, then the 款
    and 项 under it whose names are the line's.  *rows* holds each row's name as
    :func:`line_key` gives it."""
    c = line.classification
    if c.code is not None and c.code.text in rows and line_key(
            (c.item or c.group or c.category or c.code).text) == rows[c.code.text]:
        return c.code.text  # the line prints its code, and the row of that code its name
    if c.category is None:
        return None
    code = _class(c.category.text, year)
    if code is None:
        return None
    for level, part in ((5, c.group), (7, c.item)):
        if part is None:
            continue
        key = line_key(part.text)
        found = [row for row, name in rows.items()
                 if len(row) == level and row.startswith(code) and name == key]
        if len(found) != 1:
            return None
        code = found[0]
    return code


def _line_name(line: BudgetLine) -> str:
    """The line's own name as written (its 项, else its 款, else its class)."""
    c = line.classification
    part = c.item or c.group or c.category
    return LEVEL_MARK.sub("", part.text) if part is not None else ""
