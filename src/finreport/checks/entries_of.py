"""Walking the report's entries, with a readable name for each."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from ..model.budget_lines import BudgetLine
from ..model.entries import Entry
from ..model.report import Report
from ..templates.identity import TITLE_YEAR
from ..templates.roles import PRIOR_YEAR_WORDS

__all__ = ["budget_lines", "main_entries", "of_the_year"]


def main_entries(report: Report) -> Iterator[Entry]:
    """Every entry of the main text (part 2), annexes and performance narrative excluded."""
    # the rules ask for them many times per report: worked out once per report checked
    global _last
    cached = _last
    if cached[0] is not report:
        cached = _last = (report, tuple(_main_entries(report)))
    return iter(cached[1])


#: The report main_entries last walked, and its entries (one report is checked at a time;
#: a report checked in another thread at once only misses this).
_last: tuple[Report | None, tuple[Entry, ...]] = (None, ())


def _main_entries(report: Report) -> Iterator[Entry]:
    for name in ("grand_total", "fiscal_appropriation", "operating_costs"):
        entry = getattr(report, name)
        if entry is not None:
            yield entry
    for name in ("income", "expenditure"):
        part = getattr(report, name)
        if part is not None:
            if part.total is not None:
                yield part.total
            yield from part.items
    gb = report.general_budget
    if gb is not None:
        for entry in (gb.total, gb.structure_total, gb.execution):
            if entry is not None:
                yield entry
        yield from gb.classes
    b = report.basic_expenditure
    if b is not None:
        yield from (e for e in (b.total, b.personnel, b.public) if e is not None)
    t = report.three_public
    if t is not None:
        for field in attrs.fields(type(t)):
            value = getattr(t, field.name)
            if isinstance(value, Entry):
                yield value
            elif isinstance(value, tuple):
                yield from (v for v in value if isinstance(v, Entry))
    for fund in (report.government_fund, report.state_capital):
        if fund is not None and fund.total is not None:
            yield fund.total
    if report.procurement is not None:
        yield from report.procurement.entries


def budget_lines(report: Report) -> Iterator[BudgetLine]:
    """Every budget line: general budget, government fund, state capital."""
    if report.general_budget is not None:
        yield from report.general_budget.lines
    for fund in (report.government_fund, report.state_capital):
        if fund is not None:
            yield from fund.lines


def of_the_year(entry: Entry, year: int | None) -> bool:
    """False when the entry's period names another year than *year* (``2025年基本支出…``)."""
    if entry.period is None or year is None:
        return True
    named = TITLE_YEAR.search(entry.period.text)
    return (named is None or int(named.group("year")) == year) and not PRIOR_YEAR_WORDS.match(
        entry.period.text)
