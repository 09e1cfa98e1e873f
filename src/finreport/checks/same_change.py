"""The change of one quantity stated in two places: one change."""

from __future__ import annotations

from collections.abc import Iterator

from ..model.entries import Change, Entry
from ..model.figures import Amount
from ..model.findings import Evidence, Finding, Severity
from ..model.interval import Interval, amount_intervals
from .changes import stated_changes
from .crossref import restatable_entries, stated_pairs
from .entries_of import main_entries
from .reasons import change_sign, change_words
from .registry import Context, rule

__all__ = ["change_from_prior", "same_change"]

_HEAD = "第二部分 2026年部门预算情况说明\n"
_TWICE = (_HEAD + "一、财政拨款收支总体情况\n2026年财政拨款收入100.00万元，比上年增加10.00万元。"
          "主要原因是新增项目。2026年财政拨款收入100.00万元，比上年增加{again}万元。\n")


def _signed(change: Change) -> tuple[int, Amount] | None:
    sign = change_sign(change)
    if sign is None or change.amount is None:
        return None
    return sign, change.amount


def _compared(change: Change) -> int | None:
    return change.compared_year.value if change.compared_year is not None else None


def _entries_by_amount(ctx: Context) -> dict[int, Entry]:
    r = ctx.report
    found: dict[int, Entry] = {}
    annex_items = [item for annex in r.annexes for part in (annex.income, annex.expenditure)
                   if part is not None for item in (part.total, *part.items) if item is not None]
    for entry in (*main_entries(r), *r.statements, *annex_items):
        if entry.amount is not None:
            found.setdefault(entry.amount.span.start, entry)
    return found


def _same_changes(ctx: Context) -> Iterator[tuple[str, Change, Change]]:
    """(name, first, again): two changes of one quantity, against the same year."""
    for entry in restatable_entries(ctx.report):
        for again in entry.restated_changes:
            if entry.change is not None:
                yield entry.name.text, entry.change, again
    by_amount = _entries_by_amount(ctx)
    for what, first, second in stated_pairs(ctx):
        if not (isinstance(first, Amount) and isinstance(second, Amount)):
            continue
        a, b = by_amount.get(first.span.start), by_amount.get(second.span.start)
        if a is not None and b is not None and a is not b and a.change is not None and (
                b.change is not None):
            yield what, a.change, b.change


@rule("FR306", "same-change", "One quantity's change is stated with different values",
      "同一数据的增减额前后不一致", Severity.ERROR,
      passing=_TWICE.format(again="10.00"),
      failing=_TWICE.format(again="12.00"))
def same_change(ctx: Context) -> Iterator[Finding]:
    """Where one quantity is stated in two places (the pairs the same-quantity rule,
    FR501, compares: a section's quantity restated, the general budget's total in its
    sections, annex 1 against the main text), the changes stated with it against the same
    year are one change: the same direction and amount at the precision written.  The
    amounts alone agreeing, a slip in one change is seen only here.  Changes against
    different bases (``比上年预算减少…，比上年执行数增加…``) are two changes."""
    for name, first, again in _same_changes(ctx):
        if _compared(first) != _compared(again) or first.compared_basis != again.compared_basis:
            # against different years or amounts (上年预算 / 上年执行数), or one names none
            ctx.abstained([again.amount, first.amount],
                          "the two changes are against different years or bases")
            continue
        one, two = _signed(first), _signed(again)
        if one is None or two is None:
            continue
        a, b = amount_intervals(one[1], two[1])
        if one[0] != two[0] and not (a.low <= 0 <= a.high and b.low <= 0 <= b.high):
            spans = [first.direction, one[1], again.direction, two[1]]
            yield ctx.finding(
                spans, "{name}的变动在此处为{second}，而在别处为{first}",
                "{name} changes by {second} here but by {first} elsewhere",
                name=name, first=change_words(ctx, first), second=change_words(ctx, again))
            continue
        if a.meets(b):
            ctx.held([again.amount, first.amount], two[1].wan, a, "万元")
            continue
        yield ctx.finding(
            [again.direction, two[1], first.direction, one[1]],
            "{name}的变动在此处为{second}，而在别处为{first}",
            "{name} changes by {second} here but by {first} elsewhere",
            name=name, first=change_words(ctx, first), second=change_words(ctx, again),
            evidence=Evidence(two[1].wan, a.low, a.high, two[1].wan - one[1].wan,
                              a.radius + b.radius, "万元"),
        )



_PRIOR = ("第二部分 2024年度部门决算情况说明\n一、收入支出决算总体情况说明\n"
          "2024年度收、支总计628.40万元，比2023年的580.20万元增加{change}万元，增长8.31%。\n")


@rule("FR307", "change-from-prior", "A change does not match the prior year's amount stated",
      "增减额与所写上年数不符", Severity.ERROR,
      passing=_PRIOR.format(change="48.20"),
      failing=_PRIOR.format(change="46.20"))
def change_from_prior(ctx: Context) -> Iterator[Finding]:
    """Where a change names the prior year's amount (``比2023年的580.20万元增加48.20万元``),
    the change is this year's amount less that one, with its direction's sign, at the
    precision written.  (The percentage is then the change over that amount: FR301.)"""
    for entry, change in stated_changes(ctx):
        prior, current = change.prior, entry.amount
        signed = _signed(change)
        if prior is None or current is None or signed is None:
            continue
        now, before, moved = amount_intervals(current, prior, signed[1])
        expected = now - before
        stated = moved if signed[0] >= 0 else Interval(-moved.high, -moved.low)
        if stated.meets(expected):
            ctx.held([signed[1], current, prior], stated.mid, expected, "万元")
            continue
        yield ctx.finding(
            [signed[1], current, prior],
            "{name}{now}比上年数{before}{words}，二者之差为{diff}{unit}",
            "{name}: {now} against the prior year's {before} is not a change of {words}"
            " (the difference is {diff}{unit})",
            name=entry.name.text, now=ctx.figure(current), before=ctx.figure(prior),
            words=change_words(ctx, change),
            # in the unit both are written in (元 too), else in 万元
            diff=ctx.number(current.value - prior.value, max(current.decimals, prior.decimals))
            if current.unit == prior.unit else
            ctx.number(current.wan - prior.wan, max(current.decimals, prior.decimals)),
            unit=(current.unit or "万元") if current.unit == prior.unit else "万元",
            evidence=Evidence(stated.mid, expected.low, expected.high,
                              stated.mid - expected.mid, stated.radius + expected.radius,
                              "万元"))
