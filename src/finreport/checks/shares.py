"""Shares: a stated share equals part / whole at the precision written."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from decimal import Decimal
from typing import Final

from ..model.entries import Entry
from ..model.figures import Amount, Percent
from ..model.findings import Evidence, Finding, Severity
from ..model.interval import Interval, amount_intervals, interval_of
from ..model.span import Span
from ..read.entries import subject_key
from ..templates.fields import PROCUREMENT_WHOLE, SME_WHOLE
from ..templates.quantities import SPENDING_WHOLE
from ..templates.roles import CARRY_OVER_WORD, TOTAL_SUBJECT
from .entries_of import main_entries, of_the_year
from .registry import Context, rule
from .relations import Breakdown, breakdowns, percent_evidence, rounded_share, share_interval

__all__ = ["share_adjusted", "share_matches", "shares_total"]

_HEAD = "第二部分 2020年度部门决算情况说明\n二、收入决算情况说明\n"


def _shared(ctx: Context) -> list[tuple[Breakdown, Entry, Amount, Percent, Amount]]:
    """(breakdown, part, part amount, stated share, whole amount) for every stated share
    (derived once per check: two rules read them)."""
    return ctx.derived(_all_shared)


def _all_shared(ctx: Context) -> list[tuple[Breakdown, Entry, Amount, Percent, Amount]]:
    return list(_each_shared(ctx))


def _each_shared(ctx: Context) -> Iterator[tuple[Breakdown, Entry, Amount, Percent, Amount]]:
    done: set[Span] = set()
    for breakdown in breakdowns(ctx):
        whole = breakdown.total.amount
        if whole is None:
            continue
        for part in breakdown.parts:
            if part.share is not None and part.amount is not None and _of_this(
                    part, breakdown.total, breakdown.parts):
                done.add(part.share.span)
                yield breakdown, part, part.amount, part.share, whole
    yield from _of_a_named_whole(ctx, done)
    r = ctx.report
    gb = r.general_budget
    if gb and gb.total and gb.total.share and gb.total.amount and r.expenditure and \
            r.expenditure.total and r.expenditure.total.amount and (
                gb.total.share.span not in done):
        whole_entry: Entry = r.expenditure.total
        assert whole_entry.amount is not None
        yield (Breakdown("本年支出合计", "expenditure total", whole_entry, ()), gb.total,
               gb.total.amount, gb.total.share, whole_entry.amount)
    yield from _of_the_spending(ctx)
    p = r.procurement
    if p and p.total and p.total.amount:
        for award in (p.sme, p.small_micro):
            if award is None or award.share is None or award.amount is None:
                continue
            of: Entry | None = p.total
            named = award.share_of.text if award.share_of is not None else ""
            if named and (SME_WHOLE.search(named) or not PROCUREMENT_WHOLE.search(named)):
                # 占预留中小企业金额的, 占预留给中小企业政府采购项目预算的: the share is of
                # the SME amount, when it is stated
                of = p.sme if award is p.small_micro and SME_WHOLE.search(named) else None
            elif not named and award is p.small_micro and p.sme is not None and (
                    p.sme.amount is not None):
                # 授予中小企业…460万元，其中授予小微企业…300万元，占65.2%: of which whole
                # the share is, the SME amount or the procurement total, is not said
                ctx.abstained([award.share, award.amount],
                              "the share names no whole, and both the SME awards and the "
                              "procurement total could be it")
                continue
            if of is None or of.amount is None:
                continue
            yield (Breakdown(of.name.text, of.name.text, of, ()), award,
                   award.amount, award.share, of.amount)


#: How far before a part the whole its share names may be stated (characters).
_WHOLE_REACH: Final = 400


def _of_a_named_whole(ctx: Context, done: set[Span],
                      ) -> Iterator[tuple[Breakdown, Entry, Amount, Percent, Amount]]:
    """Shares that name their whole (``人员经费1,300万元，占基本支出的88.67%``) where no
    breakdown checked them: against the amount of this year stated near the part under
    that name, within a few lines before or after it (``基本支出1,500万元，包括：1.人员经费…``,
    ``…占收入预算总计的81.8%。…另有上年结转100万元，收入预算总计1,100万元``); none when no
    such amount is stated near, or several different ones are (the whole may be another
    quantity of that name)."""
    r = ctx.report
    listed = [e for found in (*r.lists, *r.enumerations) for e in (found.total, *found.items)
              if e is not None]
    entries = list({id(e): e for e in (*main_entries(r), *r.statements, *listed)}.values())
    parts = [part for part in entries if part.share is not None and part.amount is not None
             and part.share_of is not None and part.share.span not in done]
    if not parts:
        return  # (most reports: every share named its whole in a breakdown already)
    wanted = {subject_key(part.share_of.text.rstrip("的")) for part in parts
              if part.share_of is not None} - {""}
    named = sorted(((e.amount.span.start, subject_key(e.name.text), e) for e in entries
                    if e.amount is not None and any(key in e.name.text for key in wanted)
                    and of_the_year(e, ctx.fiscal_year)),
                   key=lambda found: found[0])
    starts = [start for start, _, _ in named]
    for part in parts:
        assert part.share is not None and part.amount is not None and part.share_of is not None
        key = subject_key(part.share_of.text.rstrip("的"))
        at = part.amount.span.start
        near = named[bisect_left(starts, at - _WHOLE_REACH):bisect_left(starts,
                                                                      at + _WHOLE_REACH)]
        before = [e for _, k, e in near if key and k == key and e is not part
                  and _of_this(part, e)]  # (占本年收入的: not the 收入预算 with its carry-over)
        if not before or len({e.amount.wan for e in before if e.amount is not None}) != 1:
            continue  # none stated near, or several amounts of that name: not sure
        whole = before[-1]
        assert whole.amount is not None
        done.add(part.share.span)
        yield (Breakdown(whole.name.text, whole.name.text, whole, ()), part, part.amount,
               part.share, whole.amount)


def _of_the_spending(ctx: Context) -> Iterator[tuple[Breakdown, Entry, Amount, Percent, Amount]]:
    """Shares that name the department's whole spending (``2014099其他信访事务支出，2026年
    预算数为3,623.98万元，占部门支出总额的22.00%``) against the report's expenditure total,
    where every total the report states for it (本年支出合计, 支出总计) is one amount."""
    r = ctx.report
    wholes = [e for e in (r.expenditure.total if r.expenditure else None, r.grand_total)
              if e is not None and e.amount is not None]
    if not wholes or len({e.amount.wan for e in wholes if e.amount is not None}) != 1:
        return
    whole = wholes[0]
    assert whole.amount is not None
    for entry in (*r.statements, *r.explanations):
        amount = entry.amount or (entry.budget if r.kind.is_budget else None)
        if (entry.share is None or amount is None or entry.share_of is None
                or not SPENDING_WHOLE.fullmatch(entry.share_of.text)
                or (entry.period is not None and ctx.fiscal_year is not None
                    and str(ctx.fiscal_year) not in entry.period.text)):
            continue
        yield (Breakdown("部门支出总额", "the department's spending", whole, ()), entry, amount,
               entry.share, whole.amount)


#: Words that say which money a whole is (``占“三公”经费的``, ``占一般公共预算拨款的``,
#: ``占本年收入的``): a share naming a whole with one of these that the breakdown's total
#: is not named with is a share of another quantity.
NAMED_WHOLES: Final[tuple[str, ...]] = ("三公", "拨款", "一般公共预算", "政府性基金", "总计",
                                        "国有资本经营", "本年")


def _of_this(part: Entry, total: Entry, parts: tuple[Entry, ...] | None = None) -> bool:
    """False when the part's share names a whole other than *total*: one that says which
    money it is by words the total's name does not have (``占一般公共预算拨款的`` in a list
    of the 支出预算, ``占本年收入的`` in a list of the 收入预算 with its carry-over); a whole
    named by fewer words (``占“三公”经费的`` in a list of ``一般公共预算拨款安排的“三公”经费``)
    may be the total.  A total named 收入 or 支出 alone, whose *parts* hold no carry-over,
    is this year's: it was read without the 本年 written before it (``2026年本年支出…，
    其中：基本支出…，占本年支出的…``)."""
    if part.share_of is None:
        return True
    this_year = parts is not None and TOTAL_SUBJECT.fullmatch(total.name.text) is not None and (
        not any(CARRY_OVER_WORD.search(p.name.text) for p in parts))
    # the words the total is named by, with its period's (本年 of 其中本年收入1000万元)
    named = total.name.text + (total.period.text if total.period is not None else "")
    return not any(word in part.share_of.text and word not in named
                   and not (this_year and word == "本年") for word in NAMED_WHOLES)


def _beyond(part: Entry, total: Entry) -> bool:
    """True when the part's share names a whole wider than *total* (by a word of
    :data:`NAMED_WHOLES` the total's name lacks, 本年 aside: a whole of this year only is
    no wider)."""
    if part.share_of is None:
        return False
    named = total.name.text + (total.period.text if total.period is not None else "")
    return any(word in part.share_of.text and word not in named
               for word in NAMED_WHOLES if word != "本年")


def _implied_three_public(ctx: Context) -> Iterator[tuple[Entry, Amount, Percent,
                                                          list[Amount]]]:
    """Shares of the 三公 total where that total is never written (budgets): the whole is
    the sum of the three parts, each at its own written precision."""
    t = ctx.report.three_public
    if t is None or (t.total is not None and t.total.amount is not None):
        return
    parts = [p for p in t.parts() if p is not None and p.amount is not None]
    if len(parts) != 3:
        return
    amounts = [p.amount for p in parts if p.amount is not None]
    for part in parts:
        if part.share is None or part.amount is None or part.share_of is None or (
                "三公" not in part.share_of.text):
            continue
        yield part, part.amount, part.share, amounts


def _adjusted(breakdown: Breakdown, share: Percent, part: Amount, whole: Amount) -> bool:
    """True when *share* is one unit in the last place off and the shares add to 100 at
    its precision, which the correctly rounded shares would not."""
    expected = rounded_share(part, whole, share.decimals)
    if expected is None:
        return False
    unit = Decimal(1).scaleb(-share.decimals)
    if abs(expected - share.value) != unit:
        return False
    shares = [p.share for p in breakdown.parts]
    if any(s is None for s in shares):
        return False
    # at the adjusted share's precision (a share written finer, 0.004%, counts as written)
    if sum((s.value for s in shares if s is not None), Decimal(0)).quantize(unit) != 100:
        return False
    # the adjustment was needed: the correctly rounded shares do not add up to 100
    rounded = [rounded_share(p.amount, whole, p.share.decimals) for p in breakdown.parts
               if p.amount is not None and p.share is not None]
    if len(rounded) != len(shares) or any(r is None for r in rounded):
        return False
    return sum((r for r in rounded if r is not None), Decimal(0)).quantize(unit) != 100


@rule("FR201", "share", "A share does not match part / whole", "占比与金额不符",
      Severity.ERROR,
      passing=_HEAD + "2020年本年收入合计266.04万元，其中：一般公共预算财政拨款收入244.16万元，占91.77%；"
      "其他收入21.88万元，占8.23%。\n",
      failing=_HEAD + "2020年本年收入合计266.04万元，其中：一般公共预算财政拨款收入257.04万元，占96.56%；"
      "其他收入9.00万元，占3.44%。\n")
def share_matches(ctx: Context) -> Iterator[Finding]:
    """A stated share (``占 x%``) must equal part / whole × 100 within the rounding of the
    share, the part and the whole as written.  A share one unit in the last place off in
    a list of shares that adds up to exactly 100% is a deliberate adjustment (FR203).  A
    share that names its whole (``占“三公”经费的``, ``占本年财政拨款的``) is checked against
    that whole only; where a budget never writes the 三公 total, the whole is the sum of
    the three parts, each at its own written precision.  A share that names the
    department's whole spending (``占部门支出总额的``) is of the expenditure total, where
    every total the report states for that spending is one amount."""
    for breakdown, entry, part, share, whole in _shared(ctx):
        computed = share_interval(part, whole)
        if computed is None:
            ctx.abstained([share, part, whole], "the whole is zero")
            continue
        if interval_of(share).meets(computed):
            ctx.held([share, part, whole], share.value, computed, "%")
            continue
        if _adjusted(breakdown, share, part, whole):
            continue
        yield ctx.finding(
            [share, part, whole],
            "{name}占比{share}与金额不符：{part} ÷ {whole} = {computed}",
            "{name}: share {share} does not match {part} / {whole} = {computed}",
            name=entry.name.text, share=ctx.figure(share), part=ctx.figure(part),
            whole=ctx.figure(whole), computed=ctx.interval(computed, share.decimals, "%"),
            evidence=percent_evidence(share, computed),
        )
    for entry, part, share, amounts in _implied_three_public(ctx):
        implied = Interval.exact(Decimal(0))
        for amount in amounts:
            implied = implied + interval_of(amount)
        computed = interval_of(part).percent_of(implied)
        if computed is None or interval_of(share).meets(computed):
            if computed is not None:
                ctx.held([share, *amounts], share.value, computed, "%")
            continue
        total = sum((a.wan for a in amounts), Decimal(0))
        yield ctx.finding(
            [share, part, *(a for a in amounts if a is not part)],
            "{name}占比{share}与金额不符：{part} ÷ “三公”经费合计 {whole}万元（{terms}）= {computed}",
            "{name}: share {share} does not match {part} / the three public expenses "
            "{whole} 万元 ({terms}) = {computed}",
            name=entry.name.text, share=ctx.figure(share), part=ctx.figure(part),
            whole=ctx.number(total, max(a.decimals for a in amounts)),
            terms=" + ".join(ctx.number(a.value, a.decimals) for a in amounts),
            computed=ctx.interval(computed, share.decimals, "%"),
            evidence=percent_evidence(share, computed),
        )


@rule("FR203", "share-adjusted", "A share was adjusted so the shares add to 100%",
      "占比经调整以使合计为100%", Severity.INFO,
      passing=_HEAD + "2020年本年收入合计3000.00万元，其中：财政拨款收入1000.00万元，占33.33%；事业收入1000.00万元，"
      "占33.33%；其他收入1000.00万元，占33.33%。\n",
      failing=_HEAD + "2020年本年收入合计3000.00万元，其中：财政拨款收入1000.00万元，占33.33%；事业收入1000.00万元，"
      "占33.33%；其他收入1000.00万元，占33.34%。\n")
def share_adjusted(ctx: Context) -> Iterator[Finding]:
    """A share that misses part / whole by exactly one unit in its last place, in a list
    of shares that adds up to exactly 100%, was adjusted on purpose: reported as
    information, never as an error."""
    for breakdown, entry, part, share, whole in _shared(ctx):
        computed = share_interval(part, whole)
        if computed is None or interval_of(share).meets(computed):
            continue
        if _adjusted(breakdown, share, part, whole):
            yield ctx.finding(
                [share, part, whole],
                "{name}占比{share}比计算值{computed}差一个末位单位，使各项占比合计为100%",
                "{name}: share {share} is one unit off {computed} so the shares add to 100%",
                name=entry.name.text, share=ctx.figure(share),
                computed=ctx.interval(computed, share.decimals, "%"),
                evidence=percent_evidence(share, computed),
            )


@rule("FR202", "shares-total", "Shares of a complete breakdown do not add to 100%",
      "各项占比合计不为100%", Severity.WARNING,
      passing=_HEAD + "2020年本年收入合计100万元，其中：财政拨款收入60万元，占60%；其他收入40万元，占40%。\n",
      failing=_HEAD + "2020年本年收入合计100万元，其中：财政拨款收入60万元，占60%；其他收入40万元，占50%。\n")
def shares_total(ctx: Context) -> Iterator[Finding]:
    """When the parts of a breakdown add up to its total and every part states a share,
    the shares must add up to 100% within their rounding.  Shares that name different
    wholes (``占本年收入的…`` beside ``占收入预算总计的…``), or some a whole and some none,
    are not added up."""
    for breakdown in breakdowns(ctx):
        if not breakdown.complete or breakdown.total.amount is None or \
                breakdown.total.amount.wan == 0:
            continue
        shares = [p.share for p in breakdown.parts]
        amounts = [p.amount for p in breakdown.parts]
        if not shares or any(s is None for s in shares) or any(a is None for a in amounts):
            continue
        if len({subject_key(p.share_of.text.rstrip("的")) if p.share_of is not None else ""
                for p in breakdown.parts}) > 1:
            # 占本年收入的90%；…上年结转…占收入预算总计的9.1%: shares of two wholes
            ctx.abstained(shares, "the shares name different wholes")
            continue
        if any(_beyond(p, breakdown.total) for p in breakdown.parts):
            # 本年收入…：（1）…占收入预算总计的81.8%: shares of a whole beyond the total (a
            # whole within it that its complete parts make is the total itself: 支出预算
            # 总计…，其中基本支出…占本年支出合计的…)
            ctx.abstained(shares, "the shares are of another whole than the total")
            continue
        total = Interval.exact(Decimal(0))
        for s in shares:
            assert s is not None
            total = total + interval_of(s)
        whole, *intervals = amount_intervals(breakdown.total.amount,
                                             *(a for a in amounts if a is not None))
        parts_sum = Interval.exact(Decimal(0))
        for interval in intervals:
            parts_sum = parts_sum + interval
        if not parts_sum.meets(whole):
            continue  # FR101 reports it
        if total.contains(Decimal(100)):
            ctx.held([s for s in shares if s is not None], total.mid,
                     Interval.exact(Decimal(100)), "%")
            continue
        plain = sum((s.value for s in shares if s is not None), Decimal(0))
        yield ctx.finding(
            [s for s in shares if s is not None],
            "{name}各项占比合计{sum}%，不为100%",
            "{name}: the shares of its parts add up to {sum}%, not 100%",
            name=breakdown.zh if ctx.chinese else breakdown.en,
            sum=ctx.number(plain, max(s.decimals for s in shares if s is not None)),
            evidence=Evidence(plain, Decimal(100), Decimal(100), plain - 100, total.radius,
                              "%"),
        )
