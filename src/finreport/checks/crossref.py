"""The same quantity stated in several places must agree."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..model.entries import Entry
from ..model.figures import Amount, Count, Figure, Percent
from ..model.findings import Evidence, Finding, Severity
from ..model.interval import Interval, amount_intervals, interval_of
from ..model.kinds import ReportKind
from ..model.report import Report
from ..model.sections import SectionKind
from ..model.tables import TableKind
from ..read.entries import subject_key
from ..templates.classification import category_of
from ..templates.quantities import (
    ADMINISTRATIVE_SCOPE,
    ECONOMIC_KEYS,
    OPERATING_COSTS_WORDS,
    PUBLIC_EXPENSES_WORDS,
    PUBLIC_INSTITUTION,
    THIS_YEAR,
)
from ..templates.scopes import WHOLE_SCOPE_TITLE
from .entries_of import main_entries, of_the_year
from .registry import FINAL_ACCOUNTS, Context, rule
from .relations import is_class

__all__ = ["operating_costs", "restatable_entries", "same_period", "same_quantity", "stated_pairs",
           "written_two_ways"]

_HEAD = "第二部分 2020年度部门决算情况说明\n"


def _key(entry: Entry, year: int | None) -> str | None:
    name = entry.name.text
    for pattern, key in ECONOMIC_KEYS:
        if pattern.search(name):
            return key
    category = category_of(name, year)
    return f"class:{category.code}" if category is not None else None


def stated_pairs(ctx: Context) -> list[tuple[str, Figure, Figure]]:
    """(what, first statement, second statement) of every quantity stated twice (derived
    once per check)."""
    return ctx.derived(_all_pairs)


def _all_pairs(ctx: Context) -> list[tuple[str, Figure, Figure]]:
    return list(_pairs(ctx))


def _pairs(ctx: Context) -> Iterator[tuple[str, Figure, Figure]]:
    r = ctx.report
    year = ctx.fiscal_year
    gb = r.general_budget
    if gb is not None:
        totals = [e.amount for e in (gb.total, gb.structure_total, gb.execution)
                  if e is not None and e.amount is not None]
        for later in totals[1:]:
            yield "一般公共预算财政拨款支出", totals[0], later
    main: dict[str, Entry] = {}
    if gb is not None:
        for entry in gb.classes:
            key = _key(entry, year)
            if key:
                main.setdefault(key, entry)
    if r.basic_expenditure is not None:
        for maybe in (r.basic_expenditure.personnel, r.basic_expenditure.public):
            if maybe is not None and (key := _key(maybe, year)):
                main.setdefault(key, maybe)
    if r.expenditure is not None:
        for entry in r.expenditure.items:
            if (key := _key(entry, year)) in ("project", "basic"):
                main.setdefault(key, entry)
    main_whole = (gb.structure_total or gb.total) if gb is not None else None
    for annex in r.annexes:
        for zh, part, whole in (("收入", annex.income, r.income),
                                ("支出", annex.expenditure, r.expenditure)):
            if part is None or part.total is None:
                continue
            if whole is not None and whole.total is not None and whole.total.amount is not None \
                    and part.total.amount is not None:
                yield f"本年{zh}合计", whole.total.amount, part.total.amount
            for item in part.items:
                key = _key(item, year)
                if key is None or key not in main:
                    continue
                ref = main[key]
                if ref.amount is not None and item.amount is not None:
                    yield item.name.text, ref.amount, item.amount
                if (ref.share is not None and item.share is not None and is_class(ref, year)
                        and main_whole is not None and main_whole.amount is not None
                        and part.total.amount is not None
                        and main_whole.amount.wan == part.total.amount.wan):
                    yield item.name.text + SHARE_OF, ref.share, item.share
    yield from _overview_restatements(r)
    yield from _total_named_again(r)
    for entry in restatable_entries(r):
        if entry.amount is None:
            continue
        for again in entry.restated:
            if isinstance(again, Amount):
                yield entry.name.text, entry.amount, again
    for table in r.project_tables:
        if r.performance is None:
            continue
        for entry in r.performance.entries:
            for mine, theirs in ((entry.budget, table.budget), (entry.execution, table.execution)):
                if mine is not None and theirs is not None:
                    yield f"{entry.name.text}（{table.name.text if table.name else ''}）", \
                        theirs, mine


def _total_named_again(r: Report) -> Iterator[tuple[str, Figure, Figure]]:
    """The general budget's total stated again in another section by its very name, of
    the same period and scope (``一般公共预算当年拨款900.00万元`` among the appropriations'
    sources and in the general budget's own section): one quantity."""
    gb = r.general_budget
    total = gb.total if gb is not None else None
    if gb is None or total is None or total.amount is None or len(total.name.text) < 6:
        return
    year = r.fiscal_year.value if r.fiscal_year is not None else None
    if not of_the_year(total, year):
        return
    compared = [e for e in (gb.total, gb.structure_total, gb.execution) if e is not None]
    for entry in (*main_entries(r), *r.statements):
        if any(entry is e for e in compared) or entry.amount is None or (
                entry.amount.span == total.amount.span):
            continue
        if entry.name.text == total.name.text and entry.scope == total.scope and (
                of_the_year(entry, year)):
            compared.append(entry)
            yield total.name.text, total.amount, entry.amount


def _overview_restatements(r: Report) -> Iterator[tuple[str, Figure, Figure]]:
    """A part of income or expenditure restated in the overall section (收支总体情况: a
    budget's ``此外，基本支出预算数为…``, a university's ``使用非财政拨款结余…``), by the
    same subject written the same way: the same quantity, period and scope."""
    items: dict[str, Entry] = {}
    for breakdown in (r.income, r.expenditure):
        if breakdown is not None:
            for part in breakdown.items:
                if part.amount is not None:
                    items.setdefault(subject_key(part.name.text), part)
    overall = [s.span for s in r.walk_sections() if s.kind is SectionKind.OVERALL]
    # (a subsection of one unit's figures, XX局本级收支预算: another scope)
    units = [c.span for s in r.walk_sections() if s.kind is SectionKind.OVERALL
             for c in s.children if c.kind is SectionKind.OTHER
             and not WHOLE_SCOPE_TITLE.search(c.title.text)]
    for statement in r.statements:
        if statement.amount is None or (statement.period is not None and _other_year(
                statement.period.text, r)):
            continue
        at = statement.amount.span.start
        if not any(span.start <= at < span.end for span in overall) or any(
                span.start <= at < span.end for span in units):
            continue
        found = items.get(subject_key(statement.name.text))
        if found is not None and found.amount is not None and found.scope == statement.scope:
            yield found.name.text, found.amount, statement.amount


def _other_year(period: str, r: Report) -> bool:
    year = r.fiscal_year.value if r.fiscal_year else None
    return year is not None and str(year) not in period and any(c.isdigit() for c in period)


def restatable_entries(r: Report) -> Iterator[Entry]:
    """Entries whose restated amounts are the same quantity written again: the single
    quantity of a section, and the three public expenses and their parts."""
    for entry in (r.grand_total, r.fiscal_appropriation, r.operating_costs):
        if entry is not None:
            yield entry
    if r.general_budget is not None:
        yield from (e for e in (r.general_budget.total, r.general_budget.execution) if e)
    if r.three_public is not None:
        t = r.three_public
        yield from (e for e in (t.total, t.overseas, t.vehicles, t.vehicle_purchase,
                                t.vehicle_operation, t.reception, t.domestic, t.foreign) if e)


#: Marks a share in the name of a stated pair; messages say "占比" or "share".
SHARE_OF = "\u0000share"


def _what(ctx: Context, what: str) -> str:
    return what.replace(SHARE_OF, "占比" if ctx.chinese else " (share)")


def _show(ctx: Context, figure: Figure) -> str:
    return ctx.figure(figure)


@rule("FR501", "same-quantity", "The same quantity is stated with different values",
      "同一数据在不同位置不一致", Severity.ERROR,
      passing=_HEAD + "三、支出决算情况说明\n2020年本年支出合计268.81万元，其中：基本支出268.81万元，占100%。\n"
      "第四部分 附件\n附件1\n整体支出绩效评价报告\n（二）部门财政资金支出情况。\n本年支出268.81万元，其中人员经费112.67万元。\n",
      failing=_HEAD + "三、支出决算情况说明\n2020年本年支出合计268.81万元，其中：基本支出268.81万元，占100%。\n"
      "第四部分 附件\n附件1\n整体支出绩效评价报告\n（二）部门财政资金支出情况。\n本年支出267.81万元，其中人员经费112.67万元。\n")
def same_quantity(ctx: Context) -> Iterator[Finding]:
    """A quantity stated in several places (the general budget total in sections 五(一),
    (二) and (三); totals, classes, personnel and public expenses in the main text and in
    annex 1; an amount restated within a section; a project's budget in the narrative and
    in its table) must have one value.  When the two statements cannot be the same value
    at the precision written this is an error; when rounding could reconcile them but they
    are written differently (17.30 and 17.31), FR502 warns."""
    for what, first, second in stated_pairs(ctx):
        a, b = _intervals(first, second)
        if a.meets(b):
            ctx.held([second, first], _stated(second), a, _unit(first))
            continue
        yield ctx.finding(
            [second, first],
            "{what}在此处为{second}，而在别处为{first}",
            "{what} is {second} here but {first} elsewhere",
            what=_what(ctx, what), first=_show(ctx, first), second=_show(ctx, second),
            evidence=_evidence(first, second),
        )


@rule("FR502", "written-two-ways", "The same quantity is written two ways",
      "同一数据前后写法不一致", Severity.WARNING,
      passing=_HEAD + "五、一般公共预算财政拨款支出决算情况说明\n（二）一般公共预算财政拨款支出决算结构情况\n"
      "2020年一般公共预算财政拨款支出100.00万元，主要用于以下方面:社会保障和就业（类）支出17.30万元，占17.30%；"
      "一般公共服务（类）支出82.70万元，占82.70%。\n第四部分 附件\n附件1\n整体支出绩效评价报告\n"
      "（二）部门财政资金支出情况。\n本年支出100.00万元，其中社会保障和就业支出17.30万元，占总支出的17.30%。\n",
      failing=_HEAD + "五、一般公共预算财政拨款支出决算情况说明\n（二）一般公共预算财政拨款支出决算结构情况\n"
      "2020年一般公共预算财政拨款支出100.00万元，主要用于以下方面:社会保障和就业（类）支出17.30万元，占17.30%；"
      "一般公共服务（类）支出82.70万元，占82.70%。\n第四部分 附件\n附件1\n整体支出绩效评价报告\n"
      "（二）部门财政资金支出情况。\n本年支出100.00万元，其中社会保障和就业支出17.31万元，占总支出的17.31%。\n")
def written_two_ways(ctx: Context) -> Iterator[Finding]:
    """A quantity stated in two places with values that differ, although rounding could
    explain each of them alone (17.30 and 17.31 for one amount; 3.81% and 3.80% for one
    share): one of them is written wrong, or they were computed from different data.  One
    written at less precision, as the other rounds to (``1.09亿元（10,858.98万元）``, 3.8%
    beside 3.81%), is the same value written shorter: nothing to say."""
    for what, first, second in stated_pairs(ctx):
        a, b = _intervals(first, second)
        if not a.meets(b) or _value(first) == _value(second) or (
                a.low <= b.mid <= a.high or b.low <= a.mid <= b.high):
            continue
        yield ctx.finding(
            [second, first],
            "{what}在此处写作{second}，而在别处写作{first}",
            "{what} is written {second} here but {first} elsewhere",
            what=_what(ctx, what), first=_show(ctx, first), second=_show(ctx, second),
            evidence=_evidence(first, second),
        )


def _intervals(first: Figure, second: Figure) -> tuple[Interval, Interval]:
    if isinstance(first, Amount) and isinstance(second, Amount):
        a, b = amount_intervals(first, second)
        return a, b
    return interval_of(first), interval_of(second)


def _value(figure: Figure) -> object:
    return figure.wan if isinstance(figure, Amount) else figure.value


def _unit(figure: Figure) -> str | None:
    """The unit a figure's value is compared in (amounts in 万元)."""
    if isinstance(figure, Amount):
        return "万元"
    if isinstance(figure, Percent):
        return "%"
    return figure.unit if isinstance(figure, Count) else None


def _stated(figure: Figure) -> Decimal:
    return figure.wan if isinstance(figure, Amount) else figure.value


def _evidence(first: Figure, second: Figure) -> Evidence:
    a, b = _intervals(first, second)
    return Evidence(_stated(second), a.low, a.high, b.mid - a.mid, a.radius + b.radius,
                    _unit(first))


def _first_value(entry: Entry) -> Figure | None:
    return entry.amount or (entry.counts[0] if entry.counts else None)


@rule("FR503", "this-year-twice", "Two different values are both called this year's",
      "同一“本年度”数据出现两个不同数值", Severity.WARNING,
      passing=_HEAD + "第四部分 附件\n附件2\n项目绩效评价报告\n一、项目概况\n本年度春节慰问困难职工107人，总帮扶资金19.7万元。"
      "本年度春节慰问困难职工107人，总帮扶资金19.70万元。\n",
      failing=_HEAD + "第四部分 附件\n附件2\n项目绩效评价报告\n一、项目概况\n本年度春节慰问困难职工107人，总帮扶资金19.7万元。"
      "2019年项目资金10万元，本年度春节慰问困难职工229人，总帮扶资金25.74万元。\n")
def same_period(ctx: Context) -> Iterator[Finding]:
    """Figures presented as this year's (本年度) under the same name must agree; a second
    value is usually another year's figure (a prior-year sentence copied with 本年度)."""
    entries = list(ctx.report.performance.entries) if ctx.report.performance else []
    for annex in ctx.report.annexes:
        entries.extend(annex.entries)
    first: dict[str, Figure] = {}
    for entry in entries:
        if entry.period is None or not THIS_YEAR.search(entry.period.text) or not entry.name.text:
            continue
        figure = _first_value(entry)
        if figure is None:
            continue
        key = entry.name.text + "|" + type(figure).__name__
        ref = first.setdefault(key, figure)
        if ref is figure:
            continue
        if _intervals(ref, figure)[0].meets(_intervals(ref, figure)[1]):
            ctx.held([figure, ref])
            continue
        yield ctx.finding(
            [figure, entry.period, ref],
            "{name}作为本年度数据写作{second}，而别处本年度为{first}",
            "{name} is given as this year's {second} but elsewhere as {first}",
            name=entry.name.text, first=_show(ctx, ref), second=_show(ctx, figure),
            evidence=_evidence(ref, figure),
        )


@rule("FR601", "operating-costs", "Agency operating costs differ from public expenses",
      "机关运行经费与日常公用经费不一致", Severity.WARNING,
      passing=_HEAD + "六、一般公共预算财政拨款基本支出决算情况说明\n2020年一般公共预算财政拨款基本支出10.00万元，其中：人员经费6.00万元；"
      "日常公用经费4.00万元。\n十、其他重要事项的情况说明\n（一）机关运行经费支出情况\n2020年，机关运行经费支出4.00万元。\n",
      failing=_HEAD + "六、一般公共预算财政拨款基本支出决算情况说明\n2020年一般公共预算财政拨款基本支出10.00万元，其中：人员经费6.00万元；"
      "日常公用经费4.00万元。\n十、其他重要事项的情况说明\n（一）机关运行经费支出情况\n2020年，机关运行经费支出5.00万元。\n",
      applies_to=FINAL_ACCOUNTS)
def operating_costs(ctx: Context) -> Iterator[Finding]:
    """For administrative units (and institutions managed like them) agency operating
    costs (机关运行经费) are, by definition, the public expenses (日常公用经费) of basic
    expenditure from the general budget; the two figures must agree.  A department that
    also holds public institutions (事业单位) counts their public expenses too, which are
    no operating costs: where the text says so (its units' kinds, operating costs named
    as the administrative units' only, ``含行政单位和参照公务员法管理的事业单位``, or the
    section comparing them with the public expenses), the rule abstains."""
    costs = ctx.report.operating_costs
    basic = ctx.report.basic_expenditure
    if costs is None or costs.amount is None or basic is None or basic.public is None or \
            basic.public.amount is None:
        return
    a, b = amount_intervals(costs.amount, basic.public.amount)
    if not a.meets(b) and _other_units(ctx.report, costs):
        ctx.abstained([costs.amount, basic.public.amount],
                      "the department holds units whose public expenses are no agency "
                      "operating costs")
        return
    if a.meets(b):
        ctx.held([costs.amount, basic.public.amount], costs.amount.wan, b, "万元")
        return
    yield ctx.finding(
        [costs.amount, basic.public.amount],
        "机关运行经费{costs}与日常公用经费{public}不一致",
        "agency operating costs {costs} differ from public expenses {public}",
        costs=ctx.figure(costs.amount), public=ctx.figure(basic.public.amount),
        evidence=_evidence(basic.public.amount, costs.amount),
    )


def _other_units(r: Report, costs: Entry) -> bool:
    """Whether the text says the department holds units beside those whose public
    expenses are its operating costs (see :func:`operating_costs`)."""
    if ADMINISTRATIVE_SCOPE.search(costs.name.text):
        return True
    if r.institutions is not None and any(PUBLIC_INSTITUTION.search(e.name.text)
                                          for e in r.institutions.by_kind):
        return True
    sections = [s.span for s in r.walk_sections() if s.kind is SectionKind.OPERATING_COSTS]
    return any(PUBLIC_EXPENSES_WORDS.search(e.name.text) and any(
        span.start <= e.name.span.start < span.end for span in sections)
        for e in (*r.statements, *r.explanations))


_BUDGET_HEAD = ("2026年度某某局部门预算\n第一部分 2026年度部门预算情况说明\n"
                "一、收支预算总体情况\n2026年收支预算总计100.00万元。\n")


@rule("FR602", "operating-costs-missing", "The report states no agency operating costs",
      "未公开机关运行经费", Severity.WARNING,
      passing=_BUDGET_HEAD + "二、其他重要事项情况说明\n（一）机关运行经费\n本部门无机关运行经费。\n",
      failing=_BUDGET_HEAD + "二、其他重要事项情况说明\n（一）政府采购情况\n本部门无政府采购预算。\n",
      applies_to=frozenset(k for k in ReportKind if k not in (
          ReportKind.PERFORMANCE_FORM, ReportKind.UNIVERSITY_BUDGET,
          ReportKind.UNIVERSITY_FINAL_ACCOUNTS)))
def operating_costs_missing(ctx: Context) -> Iterator[Finding]:
    """Budgets and final accounts state their agency operating costs (机关运行经费), or say
    they have none (``本单位无机关运行经费``) among their other important matters (其他重要
    事项): the rules on publishing them require it of every department.  A report whose
    other matters are there but that has no word of it (no section, no table, no sentence
    about it; a glossary defining it does not count) has left the disclosure out.  A
    warning: a report may state it where finreport does not read it."""
    r = ctx.report
    if not r.sections or r.operating_costs is not None:
        return
    if any(s.kind is SectionKind.OPERATING_COSTS for s in r.walk_sections()):
        return
    if any(t.kind is TableKind.OPERATING_COSTS or OPERATING_COSTS_WORDS.search(t.title.text)
           for t in r.tables):
        return
    if any(OPERATING_COSTS_WORDS.search(e.name.text) for e in (*r.statements, *r.explanations)):
        return
    if any(OPERATING_COSTS_WORDS.search(u.text) for u in r.unrecognized):
        return
    where = next((s.title for s in r.walk_sections() if s.kind is SectionKind.OTHER_MATTERS),
                 None)
    if where is None:
        return  # no part where the disclosure belongs: a part of a report, or a template
        # with no such part (universities, which have no administrative units)
    yield ctx.finding(
        [where],
        "报告未公开机关运行经费（未列数额，也未说明无此项经费）",
        "the report states no agency operating costs: no amount, and no "
        "statement that there are none",
    )
