"""Years named in the text against the fiscal year."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Final

from ..model.findings import Evidence, Finding, Severity
from ..model.interval import Interval
from ..model.sections import SectionKind
from ..model.span import Span
from ..templates.identity import CHINESE_DIGITS, CHINESE_YEAR, TITLE_YEAR
from ..templates.sections import OTHER_PERIOD_TITLE, PAST_IN_BUDGET_TITLE
from .entries_of import main_entries
from .registry import Context, rule

__all__ = ["as_of_year", "comparison_year", "heading_year"]

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


#: Sections whose headings are the report's own: a part, or a standard section.  Annexes
#: and sections of unknown title may be about other years by design.
_NOT_OWN: Final = frozenset({SectionKind.OTHER, SectionKind.ANNEX, SectionKind.ANNEXES,
                             SectionKind.CONTENTS})

_BUDGET_HEAD = "2026年某某区水务局部门预算\n第二部分 2026年部门预算情况说明\n"


@rule("FR803", "heading-year", "A heading names another year than the report's",
      "标题年度不是本年度", Severity.ERROR,
      passing=_BUDGET_HEAD + "三、2026年一般公共预算财政拨款支出预算情况说明\n"
      "2026年一般公共预算财政拨款支出100.00万元。\n",
      failing=_BUDGET_HEAD + "三、2025年一般公共预算财政拨款支出预算情况说明\n"
      "2026年一般公共预算财政拨款支出100.00万元。\n")
def heading_year(ctx: Context) -> Iterator[Finding]:
    """The headings of a report's parts and standard sections describe its fiscal year
    (``三、2026年一般公共预算财政拨款支出预算情况说明`` in a 2026 budget, ``2024年度收入决算情况
    说明`` in 2024's final accounts): one naming another year was left from an older report.
    A heading about another period by its words (``预算执行``, ``绩效自评``, ``结转``,
    ``“十五五”规划``, a range of years, a state as of a day: ``截至2025年12月31日``; in a
    budget also ``决算``, ``实际``), an annex's, one of unknown title, or one naming several
    years is not compared.  A year may be written in Chinese numerals (``二〇二五年``)."""
    year = ctx.fiscal_year
    if year is None:
        return
    budget = ctx.report.kind.is_budget
    exact = Interval(Decimal(year), Decimal(year))
    for section in ctx.report.walk_sections():
        if section.title is None or "年" not in section.title.text or section.kind in _NOT_OWN:
            continue
        span, written = section.title.span, section.title.text
        found = [*TITLE_YEAR.finditer(written), *CHINESE_YEAR.finditer(written)]
        years = sorted({m.group("year").translate(CHINESE_DIGITS) for m in found})
        if len(years) != 1 or OTHER_PERIOD_TITLE.search(written) or (
                budget and PAST_IN_BUDGET_TITLE.search(written)):
            continue
        # the year itself where the title is written as it stands, else the whole title
        start, end = found[0].span("year")
        where = Span(span.start + start, span.start + end) if (
            len(written) == span.end - span.start) else span
        if int(years[0]) == year:
            ctx.held([where], Decimal(year), exact)
            continue
        yield ctx.finding(
            [where, section.title],
            "标题“{title}”写的是{value}年，而本报告是{year}年度的",
            "the heading “{title}” names {value}; the report is of {year}",
            title=written.strip(), value=years[0], year=year,
            evidence=Evidence(Decimal(years[0]), Decimal(year), Decimal(year),
                              Decimal(int(years[0]) - year), Decimal(0)),
        )
