"""Changes against the prior year: amount, percentage and direction words agree."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from decimal import Decimal
from typing import Final

import attrs

from ..model.budget_lines import BudgetLine
from ..model.entries import Change, Entry
from ..model.figures import Amount
from ..model.findings import Evidence, Finding, Severity
from ..model.interval import Interval, amount_intervals, interval_of
from ..model.layout import RegionKind
from ..model.span import Phrase
from ..templates.quantities import BOTH_TOTAL
from ..templates.roles import PRIOR_YEAR_WORDS, WHOLE_WORD
from .entries_of import budget_lines, main_entries
from .registry import Context, rule
from .relations import breakdowns, percent_evidence

__all__ = ["change_direction", "change_percent", "changes_sum", "direction_of", "stated_changes"]

_HEAD = "第二部分 2020年度部门决算情况说明\n一、收入支出决算总体情况说明\n"

#: Direction words and the sign they give a change.
DIRECTIONS: Final[dict[str, int]] = {
    "增加": 1, "增长": 1, "上升": 1, "增幅": 1, "超支": 1,
    "减少": -1, "下降": -1, "降低": -1, "降幅": -1, "节约": -1,
    "持平": 0,
    # the sign after a word of no direction (增减额-15.79万元); with no sign, a rise
    "-": -1, "−": -1, "增减": 1, "增减额": 1, "增减率": 1,
}


def direction_of(word: str | None) -> int | None:
    """+1, -1 or 0 for a direction word; None for none or template residue."""
    if word is None:
        return None
    return DIRECTIONS.get(word)


def stated_changes(ctx: Context) -> list[tuple[Entry, Change]]:
    """Every stated change with the entry it is about: main entries, the report's other
    statements, and budget lines (as entries named after their classification).  A change
    stated again where its quantity is restated comes with an entry of its name alone (no
    amount: the amount it changes is not certain), but for a change of the amount against
    another basis (``比上年预算减少…，比上年执行数增加…``), which comes with the amount.
    Derived once per check."""
    return ctx.derived(_all_changes)


def _all_changes(ctx: Context) -> list[tuple[Entry, Change]]:
    return list(_stated_changes(ctx))


def _stated_changes(ctx: Context) -> Iterator[tuple[Entry, Change]]:
    halves: Amount | None = None
    looked = False
    for entry, change in _written_changes(ctx):
        if entry.amount is None and BOTH_TOTAL.search(entry.name.text):
            if not looked:
                halves, looked = _halves_amount(ctx), True
            if halves is None:
                yield entry, change
                continue
            # 收入预算总计X…。支出预算总计X…。收支预算总计比上年增加Y，增长Z%: the total of
            # both halves is the amount both state
            entry = attrs.evolve(entry, amount=halves)
        yield entry, change


def _bare_marks(ctx: Context) -> list[int]:
    """Where each short page mark ends (a bare page number's line, no form feed in it)."""
    return sorted(r.span.end for r in ctx.report.layout if r.kind is RegionKind.PAGE_MARK
                  and r.span.end - r.span.start <= _SHORT_MARK)


def _after_bare_mark(ends: list[int], start: int) -> bool:
    """True when a short page mark ends right before *start* (a line break between)."""
    at = bisect_right(ends, start) - 1
    return at >= 0 and start - ends[at] <= 1


#: The longest page mark (characters) that may be a number's first digits: a bare number
#: of one or two digits (``-7-``, ``第17页`` are no digits of anything).
_SHORT_MARK: Final = 2


def _halves_amount(ctx: Context) -> Amount | None:
    """The amount the income whole and the expenditure whole (收入预算总计, 支出预算总计)
    both state, when each is stated with one value only and the two are the same."""
    found: dict[str, set[Decimal]] = {"收入": set(), "支出": set()}
    first: Amount | None = None
    for entry in (*main_entries(ctx.report), *ctx.report.statements):
        name = entry.name.text
        if entry.amount is None or not WHOLE_WORD.search(name) or BOTH_TOTAL.search(name) or (
                PRIOR_YEAR_WORDS.search(name)):
            continue
        halves = [half for half in found if half in name]
        if len(halves) == 1:
            found[halves[0]].add(entry.amount.wan)
            first = first or entry.amount
    if len(found["收入"]) != 1 or found["收入"] != found["支出"]:
        return None
    return first


def _written_changes(ctx: Context) -> Iterator[tuple[Entry, Change]]:
    seen: set[int] = set()
    lines = (Entry(name=_line_name(line), amount=line.amount, change=line.change,
                   restated_changes=line.restated_changes)
             for line in budget_lines(ctx.report)
             if line.change is not None or line.restated_changes)
    for entry in (*main_entries(ctx.report), *ctx.report.statements, *lines):
        if entry.change is not None and id(entry.change) not in seen:
            seen.add(id(entry.change))
            yield entry, entry.change
        for again in entry.restated_changes:
            if id(again) not in seen:
                seen.add(id(again))
                # 比上年预算减少…，比上年执行数增加…: the amount's change against another
                # basis, of the amount itself; else the amount it changes is not certain
                other_basis = entry.change is not None and again.compared_basis is not None and (
                    again.compared_basis is not entry.change.compared_basis)
                yield Entry(name=entry.name, amount=entry.amount if other_basis else None,
                            change=again), again


def _line_name(line: BudgetLine) -> Phrase:
    c = line.classification
    deepest = c.item or c.group or c.category
    return Phrase(c.path, deepest.span if deepest is not None else line.span)


@rule("FR301", "change-percent", "A change's percentage does not match its amount",
      "变动百分比与变动金额不符", Severity.ERROR,
      passing=_HEAD + "2020年度收、支总计268.81万元。与2019年相比，收、支总计各减少185.16万元，下降41%。\n",
      failing=_HEAD + "2020年度收、支总计268.81万元。与2019年相比，收、支总计各减少185.16万元，下降45%。\n")
def change_percent(ctx: Context) -> Iterator[Finding]:
    """The percentage of a change must be the change over the prior-year amount, where the
    prior-year amount is the current amount minus an increase (plus a decrease).  An
    increase as large as the current amount means a zero prior year: a growth rate
    stated there (``增长100%``) is undefined and reported.  Budget lines (类/款/项) and the
    report's other statements are checked as well as the main entries; the change of the
    total of both halves (``收支预算总计…增加``) is of the amount both halves state, when
    they state one and the same.  In a text without form feeds, an amount right after a
    bare page number of one or two digits is not checked (the number may be its first
    digits)."""
    marks = _bare_marks(ctx)
    for entry, change in stated_changes(ctx):
        if entry.amount is None or change.amount is None or change.percent is None:
            continue
        sign = direction_of(change.direction.text if change.direction else None)
        if sign is None or sign == 0:
            continue
        if any(_after_bare_mark(marks, f.span.start) for f in (entry.amount, change.amount)):
            # 各增加 / 7 / 3.45万元: a short page mark right before the amount, in a text
            # whose page marks were told by their numbers, may be the amount's first digits
            ctx.abstained([change.percent, change.amount, entry.amount],
                          "a page number read right before the amount may be its digits")
            continue
        current, delta = amount_intervals(entry.amount, change.amount)
        prior = current - delta if sign > 0 else current + delta
        if prior.high < 0:
            yield ctx.finding(
                [change.amount, entry.amount, change.percent],
                "{name}增加{delta}，大于本年数{current}：上年数不可能为负",
                "{name} rose by {delta}, more than its current {current}: the prior year "
                "would be negative",
                name=entry.name.text, delta=ctx.figure(change.amount),
                current=ctx.figure(entry.amount),
                evidence=Evidence(change.amount.wan, Decimal(0), entry.amount.wan,
                                  change.amount.wan - entry.amount.wan, prior.radius, "万元"),
            )
            continue
        computed = delta.percent_of(prior)
        if computed is None and prior.low <= 0 <= prior.high and sign > 0 and (
                entry.amount.wan == change.amount.wan and change.amount.wan != 0):
            yield ctx.finding(
                [change.percent, change.amount, entry.amount],
                "{name}增加{delta}即为本年数{current}，上年数为零，增长率{pct}无从计算",
                "{name} rose by {delta}, its whole current {current}: the prior year was "
                "zero and a growth rate of {pct} is undefined",
                name=entry.name.text, delta=ctx.figure(change.amount),
                current=ctx.figure(entry.amount), pct=ctx.figure(change.percent),
                evidence=Evidence(change.percent.value, None, None, None, None, "%"),
            )
            continue
        if computed is None:
            ctx.abstained([change.percent, change.amount, entry.amount],
                          "the prior-year amount may be zero")
            continue
        if interval_of(change.percent).meets(computed):
            ctx.held([change.percent, change.amount, entry.amount], change.percent.value,
                     computed, "%")
            continue
        yield ctx.finding(
            [change.percent, change.amount, entry.amount],
            "{name}变动{pct}与金额不符：{delta} ÷ 上年数 {prior}万元 = {computed}",
            "{name}: change {pct} does not match {delta} / prior-year {prior} 万元 = {computed}",
            name=entry.name.text, pct=ctx.figure(change.percent),
            delta=ctx.figure(change.amount),
            prior=ctx.number(prior.mid, max(entry.amount.decimals, change.amount.decimals)),
            computed=ctx.interval(computed, change.percent.decimals, "%"),
            evidence=percent_evidence(change.percent, computed),
        )


@rule("FR302", "change-direction", "Direction words contradict the change",
      "增减表述与变动数不符", Severity.ERROR,
      passing=_HEAD + "2020年度收、支总计200万元。与2019年相比，收、支总计各增加100万元，增长100%。\n",
      failing=_HEAD + "2020年度收、支总计200万元。与2019年相比，收、支总计各增加100万元，下降100%。\n")
def change_direction(ctx: Context) -> Iterator[Finding]:
    """The word before the change amount and the word before the percentage must point
    the same way (增加…增长, 减少…下降), and 持平 means no change: a 持平 beside a non-zero
    change amount or percentage contradicts it."""
    for entry, change in stated_changes(ctx):
        words = [w for w in (change.direction, change.percent_direction) if w is not None]
        signs = {direction_of(w.text) for w in words} - {None}
        figures = [f for f in (change.amount, change.percent) if f is not None]
        nonzero = [f for f in figures if f.value != 0]
        if 0 in signs and nonzero:
            yield ctx.finding(
                [*words, *nonzero],
                "{name}表述为持平，但变动为{value}",
                "{name} is said to be unchanged (持平) but changes by {value}",
                name=entry.name.text, value=ctx.figure(nonzero[0]),
                evidence=Evidence(nonzero[0].value, Decimal(0), Decimal(0), nonzero[0].value,
                                  Decimal(0)),
            )
        elif 1 in signs and -1 in signs:
            yield ctx.finding(
                [*words, *figures],
                "{name}的增减表述自相矛盾：{words}",
                "{name}: direction words contradict each other: {words}",
                name=entry.name.text, words=("、" if ctx.chinese else ", ").join(
                    w.text for w in words),
            )
        elif (0 in signs and any(f.value == 0 for f in figures)) or (not signs and figures and all(f.value == 0 for f in figures)):
            ctx.held([*words, *figures])
            continue
        elif len(signs) == 1 and len(words) == 2:
            ctx.held([*words, *figures])  # 增加…增长, 减少…下降


_PARTS_HEAD = "第二部分 2020年度部门决算情况说明\n一、支出决算情况说明\n"


@rule("FR303", "changes-sum", "The parts' changes do not add up to the total's change",
      "各项变动之和与合计的变动不符", Severity.ERROR,
      passing=_PARTS_HEAD + "2020年本年支出合计100.00万元，比上年增加10.00万元，其中：基本支出60.00万元，"
      "比上年增加15.00万元；项目支出40.00万元，比上年减少5.00万元。\n",
      failing=_PARTS_HEAD + "2020年本年支出合计100.00万元，比上年增加10.00万元，其中：基本支出60.00万元，"
      "比上年减少15.00万元；项目支出40.00万元，比上年减少5.00万元。\n")
def changes_sum(ctx: Context) -> Iterator[Finding]:
    """Where a total and every one of its parts (a complete breakdown) state their change
    against one prior year, the parts' changes, each signed by its direction word (增加 +,
    减少 −, 持平 0), add up to the total's change at the precision written: a total said to
    increase while its parts' changes add up to a decrease is caught here too.  A part
    said to be 持平 with no amount changed by less than its amount's written precision
    (this year's and last year's amounts are written alike).  A part
    whose change has no amount (a percentage only) or no direction word leaves the
    breakdown alone, and so do changes against different bases (the total's against last
    year's budget, the parts' against its execution)."""
    for breakdown in breakdowns(ctx):
        if not breakdown.complete or breakdown.partial or len(breakdown.parts) < 2:
            continue
        total = _signed(breakdown.total.change)
        parts = [_signed(p.change, p.amount) for p in breakdown.parts]
        if total is None or total[1] is None or any(p is None for p in parts):
            continue
        years = {c.compared_year.value for c in (breakdown.total.change,
                                                  *(p.change for p in breakdown.parts))
                 if c is not None and c.compared_year is not None}
        bases = {c.compared_basis for c in (breakdown.total.change,
                                            *(p.change for p in breakdown.parts))
                 if c is not None}
        if len(years) > 1 or len(bases) > 1:
            ctx.abstained([breakdown.total.change.amount if breakdown.total.change else None],
                          "the changes are against different years or bases (预算, 执行数)")
            continue
        expected = Interval.exact(Decimal(0))
        signed: list[tuple[int, Amount]] = []
        flat: list[Phrase | Amount] = []  # 持平 with no amount: the word, and what it is of
        for part, found in zip(breakdown.parts, parts, strict=True):
            assert found is not None and part.change is not None
            sign, amount = found
            if amount is None:
                # 与上年持平: this year's amount and last year's are written alike, so the
                # change is within the width of the amount's written precision
                assert part.amount is not None and part.change.direction is not None
                width = interval_of(part.amount)
                expected = expected + (width - width)
                flat.extend((part.change.direction, part.amount))
                continue
            signed.append((sign, amount))
            expected = expected - interval_of(amount) if sign < 0 else (
                expected + interval_of(amount))
        zero = Interval.exact(Decimal(0))
        stated = zero - interval_of(total[1]) if total[0] < 0 else interval_of(total[1])
        figures = [total[1], *(a for _, a in signed), *flat]
        if stated.meets(expected):
            ctx.held(figures, stated.mid, expected, "万元")
            continue
        written = sum((Decimal(s) * a.wan for s, a in signed), Decimal(0))
        yield ctx.finding(
            figures,
            "{name}的变动{total}与各项变动之和{sum}万元不符",
            "{name}: its change {total} is not the sum of its parts' changes, {sum}万元",
            name=breakdown.total.name.text,
            total=("-" if total[0] < 0 else "+") + ctx.figure(total[1]),
            sum=("+" if written >= 0 else "") + ctx.number(written, max(
                (a.decimals for _, a in signed), default=total[1].decimals)),
            evidence=Evidence(stated.mid, expected.low, expected.high, stated.mid - expected.mid,
                              stated.radius + expected.radius, "万元"),
        )


def _signed(change: Change | None, amount: Amount | None = None,
            ) -> tuple[int, Amount | None] | None:
    """The change's amount and the sign its direction word gives it, else None (no amount,
    no direction, template residue).  持平 with no amount comes with None for its amount
    when the quantity's *amount* is known (its change is within that amount's rounding)."""
    if change is None:
        return None
    sign = direction_of(change.direction.text if change.direction else None)
    if sign is None:
        sign = direction_of(change.percent_direction.text if change.percent_direction else None)
    if sign == 0 and change.amount is None and change.direction is not None and (
            amount is not None):
        return 0, None
    if sign is None or change.amount is None:
        return None
    return sign, change.amount
