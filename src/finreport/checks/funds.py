"""Funds: an amount the text says is all one fund's money is a part of that fund."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..model.entries import Change, Entry
from ..model.facts import Basis
from ..model.figures import Amount
from ..model.findings import Evidence, Finding, Severity
from ..model.interval import Interval, amount_intervals
from ..model.report import Report
from ..read.entries import subject_key
from ..templates.quantities import GENERAL_BUDGET_INCOME, MULTI_YEAR_WORDS
from ..templates.roles import EXPLANATION, FUND_NAME
from ..templates.scopes import INCOME_ONLY
from .entries_of import main_entries
from .reasons import change_sign
from .registry import Context, rule

__all__ = ["fund_part", "fund_prior_year"]

_BUDGET = ("2026年度某某局部门预算\n第二部分 2026年度部门预算情况说明\n"
           "一、财政拨款收支总体情况\n2026年度财政拨款收支总预算100.00万元。\n"
           "二、预算绩效情况\n2026年对项目支出全面实施绩效目标管理，涉及预算拨款{amount}万元，"
           "均为一般公共预算拨款。\n")


@rule("FR104", "fund-part", "An amount said to be all one fund's money exceeds the fund",
      "明确为某类资金的金额大于该类资金总额", Severity.WARNING,
      passing=_BUDGET.format(amount="80.00"), failing=_BUDGET.format(amount="180.00"))
def fund_part(ctx: Context) -> Iterator[Finding]:
    """An amount the text says is all one fund's money (``涉及预算拨款39,560.87万元，均为一般
    公共预算拨款``) is a part of that fund's money of the year: it may not exceed the
    fund's total the report states (the general budget's appropriation, bounded in turn by
    the fiscal appropriation 财政拨款 of which it is a part; the government fund's, the
    state capital's), the larger of them where two bound it.  Budgets only (a final
    account's project money may include what was carried over or cut during the year),
    and only an amount of the report's own money of the year: not one whose sentence
    names another year, several years or a wider scope (``上年度``, ``三年合计``,
    ``全市教育系统``: the claim is then not read), nor one whose name spans years
    (``项目总投资``).  A warning: what an amount covers is read from words, which may
    name its scope in ways not listed; where it holds, the amount or the words naming
    its fund are wrong."""
    r = ctx.report
    if not r.kind.is_budget:
        return
    year = str(r.fiscal_year.value) if r.fiscal_year is not None else None
    for entry in _claims(r):
        assert entry.funded_by is not None and entry.amount is not None
        if MULTI_YEAR_WORDS.search(entry.name.text) or (
                entry.period is not None and (year is None or year not in entry.period.text)
                and any(c.isdigit() for c in entry.period.text)):
            ctx.abstained([entry.amount, entry.funded_by],
                          "the amount is not of the report's own year")
            continue
        whole = _fund_total(r, entry.funded_by.text)
        if whole is None or whole.amount is None or whole is entry:
            ctx.abstained([entry.amount, entry.funded_by], "the report states no total of "
                          "the fund named")
            continue
        stated, limit = amount_intervals(entry.amount, whole.amount)
        if stated.low <= limit.high:
            ctx.held([entry.amount, whole.amount, entry.funded_by], entry.amount.wan, limit,
                     "万元")
            continue
        yield ctx.finding(
            [entry.amount, entry.funded_by, whole.amount],
            "{part}{amount}，{words}，但大于{whole}{limit}",
            "{part} {amount} is said to be {words}, but exceeds {whole} {limit}",
            part=entry.name.text, amount=ctx.figure(entry.amount), words=entry.funded_by.text,
            whole=whole.name.text, limit=ctx.figure(whole.amount),
            evidence=Evidence(entry.amount.wan, Decimal(0), whole.amount.wan,
                              entry.amount.wan - whole.amount.wan,
                              stated.radius + limit.radius, "万元"),
        )


def _claims(r: Report) -> Iterator[Entry]:
    """The entries whose amount the text says is all one fund's money."""
    seen: set[int] = set()
    annexed = (e for annex in r.annexes for e in annex.entries)
    performance = r.performance.entries if r.performance is not None else ()
    for entry in (*main_entries(r), *r.statements, *r.explanations, *performance, *annexed):
        if entry.funded_by is not None and entry.amount is not None and id(entry) not in seen:
            seen.add(id(entry))
            yield entry


def _fund_total(r: Report, words: str) -> Entry | None:
    """The report's total of the fund *words* name: the smallest stated whole it is
    certainly a part of."""
    m = FUND_NAME.search(words)
    if m is None:
        return None
    if m.lastgroup == "general":
        # the larger of the general budget's total and the fiscal appropriation's (of
        # which it is a part): a total read without its carry-over is no bound
        gb = r.general_budget.total if r.general_budget is not None else None
        wholes = [w for w in (gb, r.fiscal_appropriation) if w is not None and w.amount
                  and not INCOME_ONLY.search(w.name.text)]
        return max(wholes, key=lambda w: w.amount.wan if w.amount else 0, default=None)
    if m.lastgroup == "fiscal":
        return r.fiscal_appropriation
    fund = r.government_fund if m.lastgroup == "fund" else r.state_capital
    return fund.total if fund is not None else None


_YEARS = ("2026年度某某局部门预算\n第二部分 2026年度部门预算情况说明\n一、收支预算总体情况\n"
          "2026年收入预算100.00万元，比上年增加10.00万元，主要原因是一般公共预算拨款收入增加"
          "10.00万元。其中：一般公共预算拨款收入100.00万元。\n"
          "二、一般公共预算拨款支出情况\n2026年一般公共预算拨款支出100.00万元，比上年增加"
          "{change}万元。\n")


@rule("FR308", "fund-prior-year",
      "The changes make last year's appropriation spending less than its income",
      "增减额推算的上年拨款支出小于收入", Severity.ERROR,
      passing=_YEARS.format(change="10.00"), failing=_YEARS.format(change="15.00"))
def fund_prior_year(ctx: Context) -> Iterator[Finding]:
    """In a budget, the general budget's appropriation spending (一般公共预算拨款支出) is the
    year's appropriation income (一般公共预算拨款收入) plus what the year before carried
    over: never less than the income, this year or last.  A change against last year
    stated for each gives last year's amounts (this year's less an increase, plus a
    decrease); when last year's spending so implied is below last year's income beyond
    the rounding of the four figures, one of the two changes is wrong (each may agree
    with its own percentage: FR301 cannot see it).  Budgets only, and only changes
    against last year's budget (``比上年增加``, ``比上年预算数增加``): final accounts
    and executions (``比上年执行数``) spend what earlier years left as well."""
    r = ctx.report
    gb = r.general_budget.total if r.general_budget is not None else None
    if not r.kind.is_budget or gb is None or gb.amount is None or gb.change is None:
        return
    income = _general_budget_income(r)
    if income is None:
        return
    amount, change = income
    spent = _prior(gb.amount, gb.change)
    got = _prior(amount, change)
    if spent is None or got is None or change.amount is None or gb.change.amount is None:
        return
    figures = [gb.change.amount, gb.amount, change.amount, amount]
    if any(c.compared_basis not in (None, Basis.BUDGET) for c in (gb.change, change)):
        # 比上年执行数增加…: last year's execution is no budget; income and spending
        # executed need not keep the budget's order
        ctx.abstained(figures, "a change compares with last year's execution or final "
                               "amount, not its budget")
        return
    if got.low <= spent.high:
        ctx.held(figures, spent.mid, Interval(got.low, got.high), "万元")
        return
    yield ctx.finding(
        figures,
        "一般公共预算拨款支出{spending}、{spending_change}，拨款收入{income}、{income_change}："
        "推算上年支出{prior_spending}万元小于上年收入{prior_income}万元",
        "the general budget's appropriation spending {spending} ({spending_change}) and "
        "income {income} ({income_change}) make last year's spending {prior_spending}万元 "
        "less than last year's income {prior_income}万元",
        spending=ctx.figure(gb.amount), spending_change=ctx.figure(gb.change.amount),
        income=ctx.figure(amount), income_change=ctx.figure(change.amount),
        prior_spending=ctx.number(spent.mid, 2), prior_income=ctx.number(got.mid, 2),
        evidence=Evidence(spent.mid, got.low, got.high, spent.mid - got.mid,
                          spent.radius + got.radius, "万元"),
    )


def _prior(amount: Amount, change: Change) -> Interval | None:
    """Last year's amount a change implies: this year's less an increase (plus a
    decrease), as an interval of the precision written."""
    sign = change_sign(change)
    if sign is None or change.amount is None:
        return None
    now, moved = amount_intervals(amount, change.amount)
    return now - moved if sign >= 0 else now + moved


def _general_budget_income(r: Report) -> tuple[Amount, Change] | None:
    """This year's general-budget appropriation income and its change against last year,
    as the text states them (the change perhaps only in the reason of the total's:
    ``主要原因是一般公共预算拨款收入增加129.07万元``); None unless both are stated once."""
    amounts: list[Amount] = []
    changes: list[Change] = []
    seen: set[int] = set()
    for entry in (*main_entries(r), *r.statements, *r.explanations):
        if id(entry) in seen:
            continue
        seen.add(id(entry))
        if not GENERAL_BUDGET_INCOME.fullmatch(subject_key(_after_marker(entry.name.text))):
            continue
        if entry.period is not None and r.fiscal_year is not None and (
                str(r.fiscal_year.value) not in entry.period.text):
            continue
        if entry.amount is not None and all(a.value != entry.amount.value for a in amounts):
            amounts.append(entry.amount)
        if entry.change is not None and entry.change.amount is not None and (
                entry.change.compared_year is None) and all(
                c.amount is not None and c.amount.value != entry.change.amount.value
                for c in changes):
            changes.append(entry.change)
    if len(amounts) != 1 or len(changes) != 1:
        return None
    return amounts[0], changes[0]


def _after_marker(name: str) -> str:
    """A subject with the words of an explanation in front of it taken off
    (``主要原因是一般公共预算拨款收入`` is ``一般公共预算拨款收入``)."""
    m = EXPLANATION.search(name)
    return name[m.end():].lstrip("是系于为:：,，") if m is not None else name
