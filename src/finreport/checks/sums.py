"""Sums: parts add up to their total."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..model.budget_lines import BudgetLine
from ..model.entries import Entry
from ..model.figures import Amount
from ..model.findings import Evidence, Finding, Severity
from ..model.interval import Interval, amount_intervals
from ..templates.classification import category_of
from ..templates.quantities import TOTAL_NAME
from ..templates.roles import FUND_NAME
from .entries_of import of_the_year
from .registry import FINAL_ACCOUNTS, Context, rule
from .relations import amount_sum, breakdowns, check_sum, is_class, overlapping

__all__ = ["lines_total", "parts_sum"]

_HEAD = "第二部分 2020年度部门决算情况说明\n"


@rule("FR101", "parts-sum", "Parts do not add up to their total", "各项之和与合计不符",
      Severity.ERROR,
      passing=_HEAD + "三、支出决算情况说明\n2020年本年支出合计100.00万元，其中：基本支出60.00万元，"
      "占60.00%；项目支出40.00万元，占40.00%。\n",
      failing=_HEAD + "三、支出决算情况说明\n2020年本年支出合计100.00万元，其中：基本支出60.00万元，"
      "占60.00%；项目支出41.00万元，占41.00%。\n")
def parts_sum(ctx: Context) -> Iterator[Finding]:
    """A total and the parts listed under it (income by source, expenditure by kind,
    classes of the general budget, personnel + public = basic expenditure, the three
    public expenses and their parts, procurement by kind, the annexes' breakdowns, the
    items (项) of each class, and the numbered parts a ``包括：`` lists after a total) must
    add up at the precision written: the total's interval must meet the interval of the
    sum of the parts.  Parts listed after ``其中`` may be some of the total's: together
    they may not exceed it.  A list whose largest part, named like a total (本年…, 合计),
    is the sum of others is not a flat list and is not added up.  No line (类/款/项) of a
    fund's section exceeds the fund's spending it states (nor, in a budget, a line of the
    general budget its total), nor do the lines of one level, each its own path, together."""
    for breakdown in breakdowns(ctx):
        if not breakdown.complete and not breakdown.partial:
            continue
        total = breakdown.total.amount
        parts = [p.amount for p in breakdown.parts]
        if total is None or any(p is None for p in parts):
            continue
        amounts = [p for p in parts if p is not None]
        names = [(p.name.text, p.amount) for p in breakdown.parts]
        named_totals = [p.amount for p in breakdown.parts
                        if p.amount is not None and TOTAL_NAME.search(p.name.text)]
        if (named_totals and _subtotal(total, amounts)) or len(set(names)) < len(names):
            continue  # a part sums others, or is named twice: not a flat list
        if breakdown.partial:
            stated, *intervals = amount_intervals(total, *amounts)
            computed = amount_sum(amounts, intervals)[0]
            if computed.low <= stated.high:
                # 其中 may name only some parts: together they may not exceed the total
                ctx.held([total, *amounts], total.wan, Interval(computed.low, stated.high),
                         "万元")
                continue
        found = check_sum(ctx, breakdown.zh, breakdown.en, total, amounts)
        if found is not None:
            yield found
    yield from _class_lines(ctx)
    yield from _listed(ctx)
    yield from _lines_within(ctx)
    t = ctx.report.three_public
    if t is not None and t.vehicle_purchase is not None and t.vehicle_purchase.amount is not None:
        bought = [e.amount for e in t.vehicles_bought_by_kind if e.amount is not None]
        if bought and len(bought) == len(t.vehicles_bought_by_kind):
            found = check_sum(ctx, "公务用车购置支出", "vehicle purchase",
                              t.vehicle_purchase.amount, bought)
            if found is not None:
                yield found


def _lines_within(ctx: Context) -> Iterator[Finding]:
    """Each line (类/款/项) a fund's section lists is part of the fund's spending it states:
    no line exceeds it, nor do the lines of one level together (the lines may be some only,
    and of several levels, so they are not required to make it).  The general budget's lines
    too in a budget (final accounts add them up: FR102)."""
    r = ctx.report
    funds: list[tuple[str, str, Entry | None, tuple[BudgetLine, ...]]] = [
        (zh, en, fund.total, fund.lines) for zh, en, fund in (
            ("政府性基金预算支出", "government fund expenditure", r.government_fund),
            ("国有资本经营预算支出", "state capital expenditure", r.state_capital))
        if fund is not None]
    if r.kind.is_budget and r.general_budget is not None:
        funds.append(("一般公共预算支出", "general budget expenditure",
                      _general_budget_whole(ctx, r.general_budget.total),
                      r.general_budget.lines))
    for zh, en, total, lines in funds:
        if total is None or total.amount is None:
            continue
        yield from _one_level_within(ctx, zh, en, total.amount, lines)
        for line in lines:
            if line.amount is None:
                continue
            whole, part = amount_intervals(total.amount, line.amount)
            if part.low <= whole.high:
                ctx.held([line.amount, total.amount], line.amount.wan,
                         Interval(Decimal(0), whole.high), "万元")
                continue
            name = line.classification.item or line.classification.group or (
                line.classification.category)
            yield ctx.finding(
                [line.amount, total.amount],
                "{line}{amount}超过其所属的{name}{total}",
                "{line} {amount} exceeds the {name} it is part of, {total}",
                line=name.text if name is not None else "", amount=ctx.figure(line.amount),
                name=zh if ctx.chinese else en, total=ctx.figure(total.amount),
                evidence=Evidence(line.amount.wan, Decimal(0), total.amount.wan,
                                  line.amount.wan - total.amount.wan,
                                  part.radius + whole.radius, "万元"))


def _general_budget_whole(ctx: Context, total: Entry | None) -> Entry | None:
    """The largest general-budget spending of the year the report states: this year's
    appropriation, or the whole with the carry-over where the text adds it (``…当年拨款
    2262.97万元；加上年结转210.79万元，一般公共预算支出预算2473.76万元``), whose lines
    a budget may list."""
    if total is None or total.amount is None:
        return total
    year = ctx.fiscal_year
    wider = [e for e in ctx.report.statements
             if e.amount is not None and e.amount.wan > total.amount.wan
             and "支出" in e.name.text and of_the_year(e, year)
             and (fund := FUND_NAME.search(e.name.text)) is not None
             and fund.lastgroup == "general"]
    return max(wider, key=lambda e: e.amount.wan if e.amount is not None else Decimal(0),
               default=total)


def _one_level_within(ctx: Context, zh: str, en: str, total: Amount,
                      lines: tuple[BudgetLine, ...]) -> Iterator[Finding]:
    """The lines of one level (all 项, say), each its own path, are distinct parts of the
    fund: together they may be some of it, never more."""
    by_level: dict[str, list[BudgetLine]] = {}
    for line in lines:
        if line.amount is not None:
            by_level.setdefault(line.classification.level, []).append(line)
    for level, same in by_level.items():
        if len(same) < 2 or len({line.classification.path for line in same}) != len(same):
            continue
        amounts = [line.amount for line in same if line.amount is not None]
        whole, *parts = amount_intervals(total, *amounts)
        summed, plain, decimals = amount_sum(amounts, parts)
        if summed.low <= whole.high:
            ctx.held([*amounts, total], plain, Interval(Decimal(0), whole.high), "万元")
            continue
        yield ctx.finding(
            [*amounts, total],
            "各{level}级科目合计{sum}万元超过其所属的{name}{total}",
            "the {level} lines add up to {sum}万元, more than the {name} they are part of, "
            "{total}",
            level=level, sum=ctx.number(plain, max(decimals, total.decimals)),
            name=zh if ctx.chinese else en, total=ctx.figure(total),
            evidence=Evidence(plain, Decimal(0), total.wan, plain - total.wan,
                              summed.radius + whole.radius, "万元"))


def _subtotal(total: Amount, parts: list[Amount]) -> bool:
    """True when the parts are not a flat list: the largest part is exactly the sum of a
    run of the others, and the parts without it make the total (本年支出预算415,808.40
    listed before the classes it sums)."""
    largest = max(parts, key=lambda p: p.wan)
    if largest.wan <= 0:
        return False
    rest = sum((p.wan for p in parts), Decimal(0)) - largest.wan
    radius = sum((Interval.rounded(p.wan, p.decimals).radius for p in parts),
                 Interval.rounded(total.wan, total.decimals).radius)
    if abs(rest - total.wan) > radius:
        return False
    others = [p for p in parts if p is not largest and p.wan != 0]
    for i in range(len(others)):
        run = Decimal(0)
        for count, part in enumerate(others[i:], 1):
            run += part.wan
            if count >= 2 and run == largest.wan:
                return True
    return False


def _listed(ctx: Context) -> Iterator[Finding]:
    """Amounts listed after 其中 may leave parts out, so only parts that exceed the total
    contradict it."""
    r = ctx.report
    lists = list(r.performance.lists) if r.performance is not None else []
    checked: set[int] = set()
    for annex in r.annexes:
        lists.extend(annex.lists)
        checked.update(id(b.total) for b in (annex.income, annex.expenditure) if b is not None)
    for listed in lists:
        if listed.total is None or listed.total.amount is None or id(listed.total) in checked \
                or overlapping(listed):
            continue
        parts = [p.amount for p in listed.items
                 if p.amount is not None and not is_class(p, ctx.fiscal_year)]
        if len(parts) < 2:
            continue
        total = listed.total.amount
        stated, *intervals = amount_intervals(total, *parts)
        computed, _, _ = amount_sum(parts, intervals)
        if computed.low <= stated.high:
            ctx.held([total, *parts], total.wan, Interval(computed.low, stated.high), "万元")
            continue
        found = check_sum(ctx, listed.total.name.text, listed.total.name.text, total, parts)
        if found is not None:
            yield found


def _class_lines(ctx: Context) -> Iterator[Finding]:
    gb = ctx.report.general_budget
    if gb is None or not gb.lines or gb.lines_partial:
        return  # (lines said to be some only, or a line named inside another left unread)
    by_code: dict[str, list[Amount]] = {}
    for line in gb.lines:
        named = line.classification.category
        category = category_of(named.text, ctx.fiscal_year) if named is not None else None
        if category is not None and line.amount is not None:
            by_code.setdefault(category.code, []).append(line.amount)
    for entry in gb.classes:
        category = category_of(entry.name.text, ctx.fiscal_year)
        if category is None or entry.amount is None or category.code not in by_code:
            continue
        found = check_sum(ctx, entry.name.text, entry.name.text, entry.amount,
                          by_code[category.code])
        if found is not None:
            yield found


@rule("FR102", "lines-total", "Budget lines do not add up to the general budget",
      "各明细科目之和与一般公共预算支出不符", Severity.ERROR,
      passing=_HEAD + "五、一般公共预算财政拨款支出决算情况说明\n（一）一般公共预算财政拨款支出决算总体情况\n"
      "2020年一般公共预算财政拨款支出10.00万元。\n（三）一般公共预算财政拨款支出决算具体情况\n"
      "其中：\n1.一般公共服务（类）群众团体事务（款）行政运行（项）:支出决算为6.00万元。\n"
      "2.住房保障支出（类）住房改革支出（款）住房公积金（项）：支出决算为4.00万元。\n",
      failing=_HEAD + "五、一般公共预算财政拨款支出决算情况说明\n（一）一般公共预算财政拨款支出决算总体情况\n"
      "2020年一般公共预算财政拨款支出10.00万元。\n（三）一般公共预算财政拨款支出决算具体情况\n"
      "其中：\n1.一般公共服务（类）群众团体事务（款）行政运行（项）:支出决算为6.00万元。\n"
      "2.住房保障支出（类）住房改革支出（款）住房公积金（项）：支出决算为5.00万元。\n",
      applies_to=FINAL_ACCOUNTS)
def lines_total(ctx: Context) -> Iterator[Finding]:
    """All detail lines (类/款/项) of the general budget must add up to its total, unless
    the text says it lists only some (``支出金额较大的项目如下``).  When a
    class already disagrees with its own items (FR101), this follows from that and is
    not reported again."""
    gb = ctx.report.general_budget
    if gb is None or not gb.lines:
        return
    total_entry = gb.total or gb.execution or gb.structure_total
    if total_entry is None or total_entry.amount is None:
        return
    amounts = [line.amount for line in gb.lines if line.amount is not None]
    if len(amounts) != len(gb.lines):
        return
    if gb.lines_partial:
        ctx.abstained([total_entry.amount, *amounts], "the text lists only some of the lines")
        return
    if any(True for _ in _class_lines(ctx)):
        return
    found = check_sum(ctx, "一般公共预算财政拨款支出", "general budget expenditure",
                      total_entry.amount, amounts)
    if found is not None:
        yield found
