"""A budget's key projects against its project table: the narrative's table of key
projects (重点项目预算绩效目标情况: ``项目 | 预算数 | 绩效目标``) gives some projects' money,
the project table of the tables part (项目支出及其他支出预算表) every project's, by name.

Both write long names wrapped over lines, so a name is known only as its readings
(:mod:`finreport.read.projects`); a key project is compared with a row only when the
longest reading it shares with the project table is shared with that one row and no
other key project, and is also that row's longest reading shared with the key projects.
A unit's row (the organization's name, or a row the rows after it add up to) is no
project; the narrative may name a project with its unit (``名称（单位）``, where two
units have projects of one name), and either table with or without the year it begins
with (``2026年…``).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Final

from ..model.findings import Evidence, Finding, Severity
from ..model.interval import interval_of
from ..model.projects import KeyProject
from ..model.tables import TableRow
from ..templates.tables import NAME_YEAR, PROJECT_ROWS_TITLE
from .registry import BUDGETS, Context, rule

__all__ = ["key_project_amount"]

#: How many rows after a row may add up to it before the look stops (a unit's projects).
_MOST_PROJECTS: Final = 2000

_HEAD: Final = (
    "某某局2026年部门预算\n第一部分 2026年部门预算表\n部门预算项目支出及其他支出预算表\n"
    "单位：万元\n"
    "项目名称                        总计        财政拨款\n"
    "合计                            {total}      {total}\n"
    "某某局                          {total}      {total}\n"
    "城乡道路桥梁设施日常\n"
    "                                {first}      {first}\n"
    "养护经费\n"
    "交通运输综合执法专项经费        80.00        80.00\n"
    "第二部分 2026年部门预算情况说明\n一、收支预算总体情况\n"
    "2026年收支预算总计{total}万元。\n"
    "二、重点项目预算绩效目标情况\n"
    "项目             预算数（单位：万元）                   绩效目标\n"
    "城乡道路桥梁设施                    保障全市道路桥梁完好率达到\n"
    "{stated}\n"
    "日常养护经费                        98%以上。\n"
    "交通运输综合执法专                  完成执法检查1200次。\n"
    "80\n"
    "项经费\n"
)


def _example(stated: str = "120.50", first: str = "120.50", total: str = "200.50") -> str:
    return _HEAD.format(stated=stated, first=first, total=total)


@rule("FR505", "key-project-amount",
      "A key project's amount differs from its row in the project table",
      "重点项目预算数与项目支出表不符", Severity.WARNING,
      passing=_example(), failing=_example(stated="102.50"), applies_to=BUDGETS)
def key_project_amount(ctx: Context) -> Iterator[Finding]:
    """A key project's 预算数 in the narrative (重点项目预算绩效目标情况) must be one of the
    amounts the project table gives the row of the same name (its 总计, or a part: 财政拨款,
    一般公共预算 …), at the precision written.  A warning: the name is read from lines the
    text layer wrapped around the amounts, and the narrative may state a part of a
    project's money that no column of the table shows on its own."""
    keys = ctx.report.key_projects
    if not keys:
        return
    rows: dict[str, list[TableRow]] = {}
    names_of: dict[int, set[str]] = {}
    units: set[int] = set()
    organization = ctx.report.organization.text if ctx.report.organization else None
    for table in ctx.report.tables:
        if table.unit not in (None, "万元", "元") or not PROJECT_ROWS_TITLE.search(table.title.text):
            continue
        listed = [row for row in table.rows if row.cells]
        here = {id(row) for row in _unit_rows(listed, organization)}
        units |= here
        unit: set[str] = set()
        for row in listed:
            names = {_name(r.text) for r in row.readings}
            if id(row) in here:
                unit = {r.text for r in row.readings}
            else:  # a project named with its unit (名称（单位）), as a narrative may write it
                names |= {f"{name}({u})" for name in names for u in unit}
            names_of[id(row)] = names
            for name in names:
                rows.setdefault(name, []).append(row)
    if not rows:
        return
    named: dict[str, list[KeyProject]] = {}
    for key in keys:
        for name in {_name(r.text) for r in key.readings}:
            named.setdefault(name, []).append(key)
    for key in keys:
        shared = [n for n in {_name(r.text) for r in key.readings} if n in rows]
        if not shared:
            continue
        name = max(shared, key=lambda n: (len(n), n))
        found = rows[name]
        if len(found) != 1 or len(named[name]) != 1:
            ctx.abstained([key.amount], "the name reads as more than one project")
            continue
        row = found[0]
        back = max((n for n in names_of[id(row)] if n in named), key=lambda n: (len(n), n))
        if back != name:
            ctx.abstained([key.amount, row.cells[0]],
                          "the row's name reads otherwise as another key project")
            continue
        if id(row) in units:
            ctx.abstained([key.amount, row.cells[0]], "the row is a unit's, not a project's")
            continue
        stated = interval_of(key.amount)
        held = next((cell for cell in row.cells
                     if cell.wan != 0 and interval_of(cell).meets(stated)), None)
        if held is not None:
            ctx.held([key.amount, held], stated, interval_of(held), "万元")
            continue
        total = row.cells[0]
        expected = interval_of(total)
        yield ctx.finding(
            [key.amount, total],
            "重点项目“{name}”预算数{stated}，项目支出表为{table}",
            "key project “{name}”: {stated} in the narrative, {table} in the project table",
            name=name, stated=ctx.figure(key.amount), table=ctx.figure(total),
            evidence=Evidence(key.amount.wan, expected.low, expected.high,
                              key.amount.wan - total.wan, stated.radius + expected.radius,
                              "万元"))


def _name(reading: str) -> str:
    """A reading as names are compared: without the year it may begin with."""
    return NAME_YEAR.sub("", reading, count=1)


def _unit_rows(rows: list[TableRow], organization: str | None) -> Iterator[TableRow]:
    """The rows of a project table that are units, not projects: the organization's, and
    each row that two or more of the rows after it add up to (its projects), at the
    precision written."""
    for k, row in enumerate(rows):
        if organization is not None and any(r.text == organization for r in row.readings):
            yield row
            continue
        whole = row.cells[0].wan
        total, slack = Decimal(0), interval_of(row.cells[0]).radius
        for count, after in enumerate(rows[k + 1 : k + 1 + _MOST_PROJECTS], start=1):
            total += after.cells[0].wan
            slack += interval_of(after.cells[0]).radius
            if count >= 2 and abs(total - whole) <= slack:
                yield row
                break
            if total > whole + slack:
                break
