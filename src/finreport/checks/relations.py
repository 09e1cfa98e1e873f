"""The relations several rules share, computed once per check: every total with its parts
the report states — amounts (:func:`breakdowns`) and counts (:func:`count_breakdowns`) —
and the sum and share tests."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

import attrs

from ..model.entries import Entry
from ..model.figures import Amount, Count, Percent
from ..model.findings import Evidence, Finding
from ..model.interval import Interval, amount_intervals, interval_of
from ..model.report import Breakdown as Listed
from ..templates.classification import category_of
from ..templates.fields import THREE_PUBLIC_WHOLE_LISTS, three_public_field
from ..templates.quantities import (
    ALL_SPENDING_KINDS,
    BASIC_AND_PROJECT,
    CATCH_ALL_VEHICLES,
    ECONOMIC_KIND,
    WHOLE_OF_ALL,
)
from ..templates.roles import CARRY_OVER_WORD, TOTAL_SUBJECT, WHOLE_WORD
from .registry import Context

__all__ = [
    "Breakdown",
    "CountBreakdown",
    "breakdowns",
    "check_sum",
    "count_breakdowns",
    "is_class",
    "overlapping",
    "share_interval",
]


@attrs.frozen
class Breakdown:
    """A total and its parts, with names for messages."""

    zh: str
    en: str
    total: Entry
    parts: tuple[Entry, ...]
    complete: bool = True  # the parts add up to the total
    partial: bool = False  # the parts are some of the total's: they may not exceed it


def is_class(entry: Entry, year: int | None) -> bool:
    """True when the entry names a functional class (类) rather than an economic kind."""
    if ECONOMIC_KIND.search(entry.name.text):
        return False
    return category_of(entry.name.text, year) is not None


def breakdowns(ctx: Context) -> list[Breakdown]:
    """Every total-and-parts relation the report states (derived once per check)."""
    return ctx.derived(_all_breakdowns)


def _all_breakdowns(ctx: Context) -> list[Breakdown]:
    return list(_breakdowns(ctx))


def _breakdowns(ctx: Context) -> Iterator[Breakdown]:
    r = ctx.report
    if r.income and r.income.total and r.income.items:
        yield Breakdown("本年收入合计", "income total", r.income.total, r.income.items,
                        complete=not r.income.partial, partial=r.income.partial)
    if r.expenditure and r.expenditure.total and r.expenditure.items:
        items = r.expenditure.items
        classes = tuple(e for e in items if is_class(e, ctx.fiscal_year))
        kinds = tuple(e for e in items if not is_class(e, ctx.fiscal_year))
        economic = all(ECONOMIC_KIND.search(e.name.text) for e in kinds)
        # 基本支出 + 项目支出 and the functional classes are two breakdowns of one total
        for parts in ((kinds, classes) if classes and kinds and economic else (items,)):
            yield Breakdown("本年支出合计", "expenditure total", r.expenditure.total, parts,
                            complete=not r.expenditure.partial,
                            partial=r.expenditure.partial)
    gb = r.general_budget
    if gb and gb.classes and (gb.structure_total or gb.total):
        total = gb.structure_total or gb.total
        assert total is not None
        yield Breakdown("一般公共预算财政拨款支出", "general budget expenditure", total, gb.classes)
    for listed in r.enumerations:
        if listed.total is not None and listed.items:
            yield Breakdown(listed.total.name.text, listed.total.name.text, listed.total,
                            listed.items)
    for listed in r.lists:
        if listed.total is not None and listed.items and not overlapping(listed):
            # 其中 names some parts, or all of them: every kind of spending listed
            whole = (len(listed.items) == len(ALL_SPENDING_KINDS) and all(
                any(kind.search(item.name.text) for item in listed.items)
                for kind in ALL_SPENDING_KINDS)) or (
                    three_public_field(listed.total.name.text) == "total"
                    and _all_three_public(listed.items)) or _year_and_carry_over(listed)
            yield Breakdown(listed.total.name.text, listed.total.name.text, listed.total,
                            listed.items, complete=whole, partial=not whole)
    b = r.basic_expenditure
    if b and b.total and b.personnel and b.public:
        yield Breakdown("基本支出", "basic expenditure", b.total, (b.personnel, b.public))
    t = r.three_public
    if t and t.total and all(p is not None for p in t.parts()):
        yield Breakdown("“三公”经费", "three public expenses", t.total,
                        tuple(p for p in t.parts() if p is not None))
    if t and t.vehicles and t.vehicle_purchase and t.vehicle_operation:
        yield Breakdown("公务用车购置及运行维护费", "official vehicles", t.vehicles,
                        (t.vehicle_purchase, t.vehicle_operation))
    if t and t.reception and t.domestic and t.foreign:
        yield Breakdown("公务接待费", "official reception", t.reception, (t.domestic, t.foreign))
    p = r.procurement
    if p and p.total and p.goods and p.works and p.services:
        yield Breakdown("政府采购支出总额", "government procurement", p.total,
                        (p.goods, p.works, p.services))
    elif p and p.total and sum(k is not None for k in (p.goods, p.works, p.services)) == 2:
        # 其中：货物…、服务… (no word of 工程): two kinds may not exceed the whole
        yield Breakdown("政府采购支出总额", "government procurement", p.total,
                        tuple(k for k in (p.goods, p.works, p.services) if k is not None),
                        complete=False, partial=True)
    for annex in r.annexes:
        for zh, en, part in (("收入", "income", annex.income),
                             ("支出", "expenditure", annex.expenditure)):
            if part is None or part.total is None or not part.items:
                continue
            kinds = tuple(e for e in part.items if not is_class(e, ctx.fiscal_year))
            classes = tuple(e for e in part.items if is_class(e, ctx.fiscal_year))
            label = annex.number.text if annex.number else "附件"
            names = "".join(e.name.text for e in kinds)
            whole = any(all(word.search(names) for word in words)
                        for words in BASIC_AND_PROJECT)
            if kinds:
                yield Breakdown(f"{label}{zh}", f"{label} {en}", part.total, kinds,
                                complete=whole, partial=not whole)
            if classes:
                yield Breakdown(f"{label}{zh}", f"{label} {en}", part.total, classes,
                                complete=False)


@attrs.frozen
class CountBreakdown:
    """A count and the counts listed under it (units by kind, vehicles by kind), with
    names for messages; ``complete`` when the kinds listed are the whole (the parts must
    then add up to the total exactly), else they may add up to less; ``closed`` when
    one kind listed, with its count, is the kind of all the others (``其他用车``): the
    kinds are most likely the whole, yet a kind may have been left out."""

    zh: str
    en: str
    total: Count
    parts: tuple[Count, ...]
    complete: bool
    closed: bool = False


def count_breakdowns(ctx: Context) -> list[CountBreakdown]:
    """Every count-and-parts relation the report states (derived once per check)."""
    return ctx.derived(_all_count_breakdowns)


def _all_count_breakdowns(ctx: Context) -> list[CountBreakdown]:
    r = ctx.report
    groups: list[tuple[str, str, Count | None, list[Count], bool, bool]] = []
    if r.institutions is not None:
        groups.append(("下属单位", "subordinate units", r.institutions.total,
                       [c for e in r.institutions.by_kind for c in e.counts[:1]], False, False))
    t = r.three_public
    if t is not None:
        groups.append(("购置公务用车", "vehicles bought", t.vehicles_bought,
                       [c for e in t.vehicles_bought_by_kind for c in e.counts[:1]], False,
                       _catch_all(t.vehicles_bought_by_kind)))
        groups.append(("公务用车保有量", "vehicle fleet", t.fleet,
                       [c for e in t.fleet_by_kind for c in e.counts[:1]], False,
                       _catch_all(t.fleet_by_kind)))
    if r.assets is not None:
        groups.append(("车辆", "vehicles", r.assets.vehicles,
                       [c for e in r.assets.vehicles_by_kind for c in e.counts[:1]], False,
                       _catch_all(r.assets.vehicles_by_kind)))
    return [CountBreakdown(zh, en, total, tuple(parts), complete, closed)
            for zh, en, total, parts, complete, closed in groups if total is not None and parts]


def _year_and_carry_over(listed: Listed) -> bool:
    """True for a whole (``收入预算总计``) listed as this year's money and the carry-over
    (``其中：本年收入…，上年结转…``; ``财政拨款收、支总计…其中：年初财政拨款结转和结余…，本年
    财政拨款收入…``): the two are the whole by what the names mean.  This year's money
    must be named as all of it (``收入``, ``财政拨款收入`` under a 财政拨款 total), not one
    source (``一般公共预算拨款收入`` beside an unlisted 事业收入)."""
    if len(listed.items) != 2 or listed.total is None or not WHOLE_WORD.search(
            listed.total.name.text):
        return False
    names = [item.name.text for item in listed.items]
    # the total's scope written before 收/支 (财政拨款收、支总计: 财政拨款收入 is its income)
    whole = listed.total.name.text
    scope = whole[:min((at for at in (whole.find("收"), whole.find("支")) if at >= 0),
                       default=0)]
    return any(TOTAL_SUBJECT.fullmatch(name.removeprefix(scope) if scope else name)
               for name in names) and any(CARRY_OVER_WORD.search(name) for name in names)


def _catch_all(kinds: Sequence[Entry]) -> bool:
    """True when the kinds of vehicles listed take every vehicle: one of them, each with
    its count, is the kind of all the others (``其他用车``)."""
    return all(kind.counts for kind in kinds) and any(
        CATCH_ALL_VEHICLES.search(kind.name.text) for kind in kinds)


def amount_sum(parts: Sequence[Amount], intervals: Sequence[Interval],
               ) -> tuple[Interval, Decimal, int]:
    """Interval, plain sum and finest precision of a list of amounts (in 万元)."""
    interval = Interval.exact(Decimal(0))
    total = Decimal(0)
    decimals = 0
    for part, part_interval in zip(parts, intervals, strict=True):
        interval = interval + part_interval
        total += part.wan
        decimals = max(decimals, part.decimals)
    return interval, total, decimals


def check_sum(ctx: Context, name_zh: str, name_en: str, total: Amount,
              parts: Sequence[Amount]) -> Finding | None:
    """A finding when *total* cannot be the sum of *parts* at the written precision."""
    stated, *intervals = amount_intervals(total, *parts)
    computed, plain, decimals = amount_sum(parts, intervals)
    if stated.meets(computed):
        ctx.held([total, *parts], total.wan, computed, "万元")
        return None
    decimals = max(decimals, total.decimals)
    terms = " + ".join(ctx.number(p.value, p.decimals) for p in parts)
    unit = "万元"
    if total.unit not in (None, "万元") and all(p.unit == total.unit for p in parts):
        # a table in 元: the sum in the unit of its terms
        unit, plain = total.unit, sum((p.value for p in parts), Decimal(0))
        decimals = max((total.decimals, *(p.decimals for p in parts)))
    return ctx.finding(
        [total, *parts],
        "{name}{total} ≠ 各项之和 {sum}{unit}（{terms}）",
        "{name} {total} ≠ sum of its parts {sum}{unit} ({terms})",
        name=name_zh if ctx.chinese else name_en,
        total=ctx.figure(total),
        sum=ctx.number(plain, decimals),
        unit=unit,
        terms=terms,
        evidence=Evidence(total.wan, computed.low, computed.high, total.wan - plain,
                          stated.radius + computed.radius, "万元"),
    )


def share_interval(part: Amount, whole: Amount) -> Interval | None:
    """The interval of ``100 · part / whole`` at the written precision of both."""
    a, b = amount_intervals(part, whole)
    return a.percent_of(b)


def rounded_share(part: Amount, whole: Amount, decimals: int) -> Decimal | None:
    """``100 · part / whole`` rounded to *decimals*, from the values as written."""
    if whole.wan == 0:
        return None
    return (part.wan / whole.wan * 100).quantize(Decimal(1).scaleb(-decimals))


def percent_evidence(stated: Percent, computed: Interval) -> Evidence:
    """Evidence for a percentage that misses its computed interval, at the precision the
    message shows it (two decimals more than the stated percentage)."""
    s = interval_of(stated)
    places = Decimal(1).scaleb(-(stated.decimals + 2))
    low, high = computed.low.quantize(places), computed.high.quantize(places)
    difference = s.gap(computed) and (stated.value - computed.mid).quantize(places)
    return Evidence(stated.value, low, high, difference, s.radius, "%")


def _all_three_public(items: tuple[Entry, ...]) -> bool:
    """True when *items* are the three public expenses, each once (the vehicles as one
    amount, or as their purchase and their running): a complete list of their total (of
    another total, 机关运行经费 or 公用经费, they are some of its parts)."""
    return tuple(sorted(three_public_field(item.name.text) or "" for item in items)) in (
        THREE_PUBLIC_WHOLE_LISTS)


def overlapping(listed: Listed) -> bool:
    """True when a part of a 其中 list names the whole of something (``…当年拨款1,500万元，
    其中：项目支出…400万元；部门整体支出…1,500万元``): its kinds overlap, they do not divide
    the total, and the list says nothing of its sum."""
    return any(WHOLE_OF_ALL.search(item.name.text) for item in listed.items)
