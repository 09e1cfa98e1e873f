"""Years named in the text against the fiscal year."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..model.findings import Evidence, Finding, Severity
from .entries_of import main_entries
from .registry import Context, rule

__all__ = ["as_of_year", "comparison_year"]

_HEAD = "第二部分 2020年度部门决算情况说明\n"


@rule("FR801", "comparison-year", "A change is compared with the wrong year",
      "变动比较年度不是上一年度", Severity.ERROR,
      passing=_HEAD + "十、其他重要事项的情况说明\n（一）机关运行经费支出情况\n2020年，机关运行经费支出155.14万元，比2019年增加4.94万元，增长3.29%。\n",
      failing=_HEAD + "十、其他重要事项的情况说明\n（一）机关运行经费支出情况\n2020年，机关运行经费支出155.14万元，比2018年增加4.94万元，增长3.29%。\n")
def comparison_year(ctx: Context) -> Iterator[Finding]:
    """A final-accounts report compares each figure with the year before its fiscal year;
    a 2020 report comparing with 2018 reused an old text."""
    year = ctx.fiscal_year
    if year is None:
        return
    seen: set[int] = set()
    for entry in main_entries(ctx.report):
        change = entry.change
        if change is None or change.compared_year is None or id(change) in seen:
            continue
        seen.add(id(change))
        if change.compared_year.value == year - 1:
            continue
        yield ctx.finding(
            [change.compared_year],
            "{name}与{compared}年相比，而{year}年度报告应与{prior}年相比",
            "{name} is compared with {compared}; a {year} report compares with {prior}",
            name=entry.name.text, compared=change.compared_year.value, year=year,
            prior=year - 1,
            evidence=Evidence(Decimal(change.compared_year.value), Decimal(year - 1),
                              Decimal(year - 1), Decimal(change.compared_year.value - year + 1),
                              Decimal(0)),
        )


@rule("FR802", "as-of-year", "A date given as of a day lies outside the fiscal year",
      "“截至”日期不在本年度", Severity.ERROR,
      passing=_HEAD + "十、其他重要事项的情况说明\n（三）国有资产占有使用情况\n截至2020年12月31日，共有车辆2辆。\n",
      failing=_HEAD + "十、其他重要事项的情况说明\n（三）国有资产占有使用情况\n截至2019年12月31日，共有车辆2辆。\n")
def as_of_year(ctx: Context) -> Iterator[Finding]:
    """Dates such as ``截至2020年12月31日`` give the state at the end of the fiscal year and
    must lie in it.  A budget describes the year ahead from the state at the end of the
    year before: there ``截至2019年12月31日`` is normal in a 2020 budget."""
    year = ctx.fiscal_year
    if year is None:
        return
    allowed = {year - 1, year} if ctx.report.kind.is_budget else {year}
    for as_of in ctx.report.as_of:
        if as_of.value not in allowed:
            yield ctx.finding(
                [as_of],
                "“截至{value}年”不在{year}年度内",
                "“as of {value}” lies outside the fiscal year {year}",
                value=as_of.value, year=year,
                evidence=Evidence(Decimal(as_of.value), Decimal(year), Decimal(year),
                                  Decimal(as_of.value - year), Decimal(0)),
            )
