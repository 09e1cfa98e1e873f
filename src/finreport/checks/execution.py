"""Budget execution: completion rates and the words comparing final with budget."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..model.facts import Basis
from ..model.figures import Amount, Percent
from ..model.findings import Evidence, Finding, Severity
from ..model.interval import amount_intervals, interval_of
from ..model.span import Phrase
from ..templates.residue import BRACKETED_COMPARISON
from ..templates.roles import ADJUSTED_WORDS, BUDGET_CUT_WORDS
from .entries_of import budget_lines, main_entries
from .registry import Context, rule
from .relations import check_sum, percent_evidence

__all__ = ["budget_adjustment", "comparison_words", "completion_parts", "completion_rate",
           "completion_zero"]

_HEAD = "第二部分 2024年度部门决算情况说明\n五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n"


def _executions(ctx: Context) -> Iterator[tuple[str, Amount | None, Amount | None,
                                                Percent | None, Phrase | None, bool]]:
    """(name, final, budget, completion, comparison words, no budget arranged); the budget
    is the one the rate is of (a rate of the full-year budget, 完成全年预算的, is of the
    adjusted budget)."""
    for name, final, initial, adjusted, of, completion, words, no_budget in _stated(ctx):
        budget = adjusted if of is Basis.ADJUSTED else initial
        yield name, final, budget, completion, words, no_budget


def _stated(ctx: Context) -> Iterator[tuple[str, Amount | None, Amount | None, Amount | None,
                                            Basis | None, Percent | None, Phrase | None,
                                            bool]]:
    """(name, final, initial budget, adjusted budget, the budget the rate is of,
    completion, comparison words, no budget arranged) of main entries and lines."""
    for entry in main_entries(ctx.report):
        yield (entry.name.text, entry.amount, entry.budget, entry.adjusted, entry.completion_of,
               entry.completion, entry.comparison, entry.no_budget is not None)
    for line in budget_lines(ctx.report):
        yield (line.classification.path, line.amount, line.budget, line.adjusted, line.completion_of,
               line.completion, line.comparison, False)


def _compared_budget(words: str, initial: Amount | None,
                     adjusted: Amount | None) -> Amount | None:
    """The budget comparison words are about: the one they name (年初, 全年/调整), or the
    only one stated; None when two are stated and the words name neither."""
    if ADJUSTED_WORDS.search(words):
        return adjusted
    if "年初" in words or adjusted is None:
        return initial
    return None if initial is not None else adjusted


@rule("FR401", "completion-rate", "A completion rate does not match final / budget",
      "完成预算比例与决算数、预算数不符", Severity.ERROR,
      passing=_HEAD + "一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%。\n",
      failing=_HEAD + "一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的99.20%。\n")
def completion_rate(ctx: Context) -> Iterator[Finding]:
    """A stated completion rate (完成预算 x%) must equal final / budget × 100 within the
    rounding of the three figures as written.  The budget is the initial one (年初预算),
    or the full-year one (全年预算, 调整预算) where the rate says so; the two are never
    taken for each other."""
    for name, final, budget, completion, _, _ in _executions(ctx):
        if final is None or budget is None or completion is None or budget.wan == 0:
            continue
        f_interval, b_interval = amount_intervals(final, budget)
        computed = f_interval.percent_of(b_interval)
        if computed is None:
            continue
        if interval_of(completion).meets(computed):
            ctx.held([completion, final, budget], completion.value, computed, "%")
            continue
        yield ctx.finding(
            [completion, final, budget],
            "{name}完成预算{rate}与金额不符：{final} ÷ {budget} = {computed}",
            "{name}: completion {rate} does not match {final} / {budget} = {computed}",
            name=name, rate=ctx.figure(completion), final=ctx.figure(final),
            budget=ctx.figure(budget), computed=ctx.interval(computed, completion.decimals, "%"),
            evidence=percent_evidence(completion, computed),
        )


_WORDS = (("大于", 1), ("高于", 1), ("小于", -1), ("低于", -1), ("等于", 0), ("持平", 0),
          ("相等", 0), ("一致", 0))


def _said(words: str) -> int | None:
    if BRACKETED_COMPARISON.search(words):
        return None  # template residue
    for word, sign in _WORDS:
        if word in words:
            return sign
    return None


@rule("FR402", "comparison-words", "Words comparing final with budget contradict the numbers",
      "决算数与预算数的比较表述与数字不符", Severity.ERROR,
      passing=_HEAD + "1、教育支出（类）普通教育（款）初中教育（项）。年初预算为85.55万元，支出决算为84.65万元。决算数小于预算数的主要原因：人员变动。\n",
      failing=_HEAD + "1、教育支出（类）普通教育（款）初中教育（项）。年初预算为85.55万元，支出决算为84.65万元。决算数大于预算数的主要原因：人员变动。\n")
def comparison_words(ctx: Context) -> Iterator[Finding]:
    """决算数大于/小于/等于/持平预算数 must agree with the final and budget amounts (or,
    without a budget, with the completion rate: 小于 means below 100%).  The budget is the
    one the words name (年初预算数, 全年预算数), or the only one stated."""
    for name, final, initial, adjusted, _, completion, words, _ in _stated(ctx):
        if words is None:
            continue
        budget = _compared_budget(words.text, initial, adjusted)
        if budget is None and initial is not None and adjusted is not None:
            continue  # two budgets stated, the words name neither: not certain which
        sign = _said(words.text)
        if sign is None:
            continue
        if final is not None and budget is not None:
            f, b = amount_intervals(final, budget)
            actual = 0 if f.meets(b) else (1 if f.low > b.high else -1)
            if actual == sign or (actual == 0 and "基本" in words.text):
                ctx.held([words, final, budget])
                continue
            if actual == 0 and sign != 0 and final.wan != budget.wan:
                continue  # within rounding either way
            yield ctx.finding(
                [words, final, budget],
                "{name}表述为“{words}”，但决算数{final}、预算数{budget}",
                "{name} says “{words}” but final is {final} and budget {budget}",
                name=name, words=words.text, final=ctx.figure(final), budget=ctx.figure(budget),
                evidence=Evidence(final.wan, budget.wan, budget.wan, final.wan - budget.wan,
                                  f.radius + b.radius, "万元"),
            )
        elif completion is not None:
            c = interval_of(completion)
            actual = 0 if c.contains(Decimal(100)) else (1 if c.low > 100 else -1)
            if actual != sign:
                yield ctx.finding(
                    [words, completion],
                    "{name}表述为“{words}”，但完成预算{rate}",
                    "{name} says “{words}” but the completion rate is {rate}",
                    name=name, words=words.text, rate=ctx.figure(completion),
                )


@rule("FR403", "completion-zero", "A completion rate on a zero budget or zero spending",
      "预算数或决算数为零时的完成率", Severity.WARNING,
      passing=_HEAD + "1.一般公共服务（类）群众团体事务（款）行政运行（项）:支出决算为0万元，完成预算0%。\n",
      failing=_HEAD + "1.一般公共服务（类）群众团体事务（款）行政运行（项）:支出决算为0万元，完成预算100%。\n")
def completion_zero(ctx: Context) -> Iterator[Finding]:
    """A completion rate has no meaning on a budget of zero (or one not arranged, 年初未安排
    预算); and a final amount of 0 with a non-zero rate implies such a budget.  Either way
    the rate stated cannot be right."""
    for name, final, budget, completion, _, no_budget in _executions(ctx):
        if completion is None:
            continue
        if (budget is not None and budget.wan == 0) or no_budget:
            yield ctx.finding(
                [completion, budget],
                "{name}年初预算为零，却写完成预算{rate}",
                "{name}: the budget is zero but a completion rate of {rate} is stated",
                name=name, rate=ctx.figure(completion),
            )
        elif final is not None and final.wan == 0 and completion.value != 0 and budget is None:
            yield ctx.finding(
                [completion, final],
                "{name}决算数为{final}，却写完成预算{rate}",
                "{name}: final amount {final} but completion rate {rate}",
                name=name, final=ctx.figure(final), rate=ctx.figure(completion),
                evidence=Evidence(completion.value, Decimal(0), Decimal(0), completion.value,
                                  interval_of(completion).radius, "%"),
            )


@rule("FR404", "completion-parts", "The total's completion rate lies outside its parts'",
      "合计的完成率不在各项完成率之间", Severity.WARNING,
      passing="第二部分 2020年度部门决算情况说明\n七、“三公”经费财政拨款支出决算情况说明\n"
      "“三公”经费财政拨款支出年初预算为2万元，支出决算为1万元，完成预算的50%，其中：因公出国（境）费决算为0万元，"
      "完成预算的0%；公务用车购置及运行维护费支出决算为0万元，完成预算的0%；公务接待费支出决算为1万元，完成预算的100%。\n",
      failing="第二部分 2020年度部门决算情况说明\n七、“三公”经费财政拨款支出决算情况说明\n"
      "“三公”经费财政拨款支出决算为0万元，完成预算100%。其中：因公出国（境）费决算为0万元，完成预算的0%；"
      "公务用车购置及运行维护费支出决算为0万元，完成预算的0%；公务接待费支出决算为0万元，完成预算的0%。\n")
def completion_parts(ctx: Context) -> Iterator[Finding]:
    """The completion rate of the three public expenses' total is a weighted mean of its
    parts' rates, so it must lie between the lowest and the highest of them."""
    t = ctx.report.three_public
    if t is None or t.total is None or t.total.completion is None:
        return
    rates = [p.completion for p in t.parts() if p is not None and p.completion is not None]
    if len(rates) < 2:
        return
    low = min(interval_of(r).low for r in rates)
    high = max(interval_of(r).high for r in rates)
    total = interval_of(t.total.completion)
    if total.high >= low and total.low <= high:
        return
    yield ctx.finding(
        [t.total.completion, *rates],
        "“三公”经费合计完成预算{rate}，而各项完成预算为{parts}",
        "the three public expenses' total completion {rate} lies outside its parts' {parts}",
        rate=ctx.figure(t.total.completion),
        parts=("、" if ctx.chinese else ", ").join(ctx.figure(r) for r in rates),
        evidence=Evidence(t.total.completion.value, low, high,
                          t.total.completion.value - (high if total.low > high else low),
                          total.radius, "%"),
    )


@rule("FR405", "budget-adjustment", "The initial budget and its change in the year do not make "
      "the full-year budget", "年初预算与年中调整之和不等于全年预算", Severity.ERROR,
      passing=_HEAD + "1.一般公共服务（类）群众团体事务（款）行政运行（项）：年初预算100.00万元，年中追加"
      "50.00万元，全年预算150.00万元，支出决算120.00万元，完成年初预算的120.00%。\n",
      failing=_HEAD + "1.一般公共服务（类）群众团体事务（款）行政运行（项）：年初预算100.00万元，年中追加"
      "50.00万元，全年预算160.00万元，支出决算120.00万元，完成年初预算的120.00%。\n")
def budget_adjustment(ctx: Context) -> Iterator[Finding]:
    """Where a quantity's initial budget (年初预算), its change during the year (年中追加,
    调增; 调减, 追减) and its full-year budget (全年预算, 调整预算) are all stated, the
    full-year budget is the initial one plus the addition (less the cut)."""
    stated = [(e.name.text, e.budget, e.budget_change, e.adjusted)
              for e in main_entries(ctx.report)]
    stated += [(line.classification.path, line.budget, line.budget_change, line.adjusted)
               for line in budget_lines(ctx.report)]
    for name, initial, change, adjusted in stated:
        if initial is None or change is None or change.amount is None or adjusted is None:
            continue
        cut = change.direction is not None and BUDGET_CUT_WORDS.search(change.direction.text)
        # the larger of the two budgets is the other and the change
        total, parts = (initial, [adjusted, change.amount]) if cut else (
            adjusted, [initial, change.amount])
        found = check_sum(ctx, f"{name}{'年初预算' if cut else '全年预算'}",
                          f"{name} {'initial' if cut else 'full-year'} budget", total, parts)
        if found is not None:
            yield found
