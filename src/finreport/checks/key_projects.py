"""A budget's key projects against its project table: the narrative's table of key
projects (重点项目预算绩效目标情况: ``项目 | 预算数 | 绩效目标``) gives some projects' money,
the project table of the tables part (项目支出及其他支出预算表) every project's, by name.

Both write long names wrapped over lines, so the reader binds a key project to a row
only through a reading of its name that is certainly that row's and no other project's
(``KeyProject.row``, :func:`finreport.read.projects.bind_key_projects`); a key project
not bound says why (``KeyProject.unbound``) and is not compared.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from ..model.findings import Evidence, Finding, Severity
from ..model.interval import interval_of
from ..read.projects import NO_ROW
from .registry import BUDGETS, Context, rule

__all__ = ["key_project_amount"]

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
    tables = ctx.report.tables
    for key in ctx.report.key_projects:
        row = tables[key.row[0]].rows[key.row[1]] if key.row is not None else None
        if key.unbound is not None or row is None:
            if key.unbound is not None and key.unbound != NO_ROW:
                ctx.abstained([key.amount, row.cells[0] if row is not None else None],
                              key.unbound)
            continue
        stated = interval_of(key.amount)
        held = next((cell for cell in row.cells
                     if cell.wan != 0 and interval_of(cell).meets(stated)), None)
        if held is not None:
            ctx.held([key.amount, held], stated, interval_of(held), "万元")
            continue
        total = row.cells[0]
        expected = interval_of(total)
        name = key.name.text if key.name is not None else ""
        yield ctx.finding(
            [key.amount, total],
            "重点项目“{name}”预算数{stated}，项目支出表为{table}",
            "key project “{name}”: {stated} in the narrative, {table} in the project table",
            name=name, stated=ctx.figure(key.amount), table=ctx.figure(total),
            evidence=Evidence(key.amount.wan, expected.low, expected.high,
                              key.amount.wan - total.wan, stated.radius + expected.radius,
                              "万元"))
