"""Unit slips: an amount of the narrative far too large for the report's money."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Final

from ..model.figures import Amount
from ..model.findings import Evidence, Finding, Severity
from ..model.report import Report
from .entries_of import main_entries
from .registry import Context, rule
from .table_figures import Quantity, table_figures

__all__ = ["unit_slip"]

#: An amount this many times the report's whole, or more, cannot be of its money …
_TOO_LARGE: Final = Decimal(1000)
#: … and read in 元 it fits, at most this many times the whole (a slip of the unit).
_FITS_IN_YUAN: Final = Decimal(100)
_YUAN_PER_WAN: Final = Decimal(10000)

_WHOLES: Final = frozenset({Quantity.GRAND_TOTAL, Quantity.INCOME_TOTAL,
                            Quantity.EXPENDITURE_TOTAL})

_HEAD = ("第二部分 2026年部门预算情况说明\n一、收支预算总体情况\n"
         "2026年收入预算总计1,000.00万元，支出预算总计1,000.00万元。\n五、国有资产占有使用情况\n")


def report_whole(ctx: Context) -> Amount | None:
    """The report's whole: the largest of its totals (收支总计, 本年收入/支出合计) the
    narrative or the tables state."""
    report: Report = ctx.report
    stated = [e.amount for e in (report.grand_total,
                                 report.income.total if report.income else None,
                                 report.expenditure.total if report.expenditure else None)
              if e is not None and e.amount is not None]
    stated += [f.amount for f in table_figures(ctx) if f.quantity in _WHOLES and not f.code]
    return max(stated, key=lambda a: a.wan, default=None)


@rule("FR910", "unit-slip", "An amount is ten thousand times too large: 元 written as 万元",
      "金额疑为以元计却标为万元", Severity.WARNING,
      passing=_HEAD + "截至2025年12月31日，本部门固定资产金额3,024.76万元。\n",
      failing=_HEAD + "截至2025年12月31日，本部门固定资产金额30,247,598.31万元。\n")
def unit_slip(ctx: Context) -> Iterator[Finding]:
    """An amount of the narrative's money written in 万元 (not a performance goal, not a
    table) that is a thousand times the report's whole or more, while read in 元 it would
    be of the report's size (at most a hundred times the whole): the author wrote 元 figures under
    万元.  A warning, not an error: nothing in the report states the same quantity in
    the other unit, the size alone says it (a department's fixed assets run to a few
    times its budget; ten thousand times is no department's)."""
    whole = report_whole(ctx)
    if whole is None or whole.wan <= 0:
        return
    seen: set[int] = set()
    for entry in (*main_entries(ctx.report), *ctx.report.statements):
        figure = entry.amount  # a quantity, never a change (a prior year may be larger)
        if figure is None or figure.span.start in seen or figure.unit != "万元":
            continue  # (120亿元 of a work review is no 元 figure written under 万元)
        seen.add(figure.span.start)
        if figure.wan < _TOO_LARGE * whole.wan:
            continue
        as_yuan = figure.wan / _YUAN_PER_WAN
        if as_yuan > _FITS_IN_YUAN * whole.wan:
            continue
        ratio = (figure.wan / whole.wan).quantize(Decimal(1))
        yield ctx.finding(
            [figure, whole],
            "{amount}是全部收支{whole}的{ratio}倍；若以元计为{yuan}万元",
            "{amount} is {ratio} times the report's whole {whole}; "
            "in 元 it would be {yuan}万元",
            amount=ctx.figure(figure), whole=ctx.figure(whole), ratio=ratio,
            yuan=ctx.number(as_yuan, 2),
            evidence=Evidence(figure.wan, Decimal(0), _TOO_LARGE * whole.wan,
                              figure.wan - _TOO_LARGE * whole.wan, Decimal(0), "万元"),
        )
