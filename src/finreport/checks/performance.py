"""Performance: indicators met, and the project table against the accounts."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Final

from ..model.figures import Amount, Percent
from ..model.findings import Evidence, Finding, Severity
from ..model.indicators import Target, Verdict
from ..model.interval import Interval, interval_of
from ..templates.indicators import PERSON_COUNT, PROPORTION_NAME
from .registry import Context, rule

__all__ = ["indicator_amount", "indicator_count", "indicator_met", "project_without_spending",
           "share_target_over_100"]

_TABLE = (
    "第二部分 2020年度部门决算情况说明\n三、支出决算情况说明\n2020年本年支出合计{total}万元，其中：基本支出{basic}万元，"
    "占{bshare}%{project}。\n十、其他重要事项的情况说明\n（四）预算绩效管理情况。\n"
    "\t项目绩效目标完成情况表\n\n\t项目名称\n\t帮扶项目\n\n\t预算执行情况(万元)\n\t预算数:\n\t3\n\t执行数:\n\t3\n\n"
    "\t\n\t其中-财政拨款:\n\t3\n\t其中-财政拨款:\n\t3\n\n"
    "\t年度目标完成情况\n\t预期目标\n\t实际完成目标\n\n\t\n\t帮扶困难职工{goal}人\n\t帮扶困难职工{goal}人\n\n"
    "\t绩效指标完成情况\n\t一级指标\n\t二级指标\n\t三级指标\n\t预期指标值\n\t实际完成指标值\n\n"
    "\t\n\t项目完成指标\n\t数量指标\n\t帮扶人数\n\t≥{target}人\n\t{actual}人\n\n"
    "\t\n\t项目完成指标\n\t成本指标\n\t项目成本\n\t{cost}万元\n\t{cost}万元\n\n"
)


def _table(total: str = "100", basic: str = "97", bshare: str = "97.00",
           project: str = "；项目支出3万元，占3.00%", goal: str = "25", target: str = "20",
           actual: str = "25", cost: str = "3") -> str:
    return _TABLE.format(total=total, basic=basic, bshare=bshare, project=project, goal=goal,
                         target=target, actual=actual, cost=cost)


@rule("FR701", "indicator-met", "A performance indicator was not met", "绩效指标未完成",
      Severity.WARNING, passing=_table(), failing=_table(actual="18", goal="18"))
def indicator_met(ctx: Context) -> Iterator[Finding]:
    """An indicator whose actual value falls short of its target (``≥95%`` against 90%,
    a deadline ``2020年12月底`` against 2021年1月).  Targets without a bound are minimums,
    except cost targets, which are maximums; free-text targets cannot be judged."""
    for table in ctx.report.project_tables:
        for indicator in table.indicators:
            actual = indicator.actual
            if actual is None or indicator.verdict() is not Verdict.NOT_MET:
                continue
            name = indicator.level3.text if indicator.level3 else "绩效指标"
            yield ctx.finding(
                [actual.text, indicator.target.text],
                "绩效指标“{name}”未完成：目标{target}，实际{actual}",
                "indicator “{name}” not met: target {target}, actual {actual}",
                name=name, target=indicator.target.text.text, actual=actual.text.text,
                evidence=Evidence(actual.value, indicator.target.value,
                                  indicator.target.value, _diff(actual, indicator.target),
                                  Decimal(0), indicator.target.unit),
            )


def _diff(actual: Target, target: Target) -> Decimal | None:
    if actual.value is None or target.value is None:
        return None
    return actual.value - target.value


@rule("FR702", "indicator-count", "A quantity indicator contradicts the project's own goal",
      "数量指标与项目目标表述不符", Severity.WARNING,
      passing=_table(), failing=_table(goal="107"))
def indicator_count(ctx: Context) -> Iterator[Finding]:
    """The actual value of a quantity indicator (数量指标) counted in persons or households
    must be one of the counts the table's achieved goal states (or their sum); ``6户``
    against a goal of ``帮扶困难职工107人`` says two different things."""
    for table in ctx.report.project_tables:
        if table.goal_achieved is None:
            continue
        stated = [Decimal(m.group(1)) for m in PERSON_COUNT.finditer(table.goal_achieved.text)]
        if not stated:
            continue
        for indicator in table.indicators:
            actual = indicator.actual
            if indicator.level2 is None or "数量" not in indicator.level2.text:
                continue
            if actual is None or actual.value is None or actual.unit not in (
                    "人", "人次", "户"):
                continue
            if actual.value in stated or actual.value == sum(stated):
                continue
            yield ctx.finding(
                [actual.text, table.goal_achieved],
                "数量指标实际值{actual}与项目完成目标“{goal}”不符",
                "quantity indicator {actual} contradicts the achieved goal “{goal}”",
                actual=actual.text.text, goal=table.goal_achieved.text,
                evidence=Evidence(actual.value, min(stated), max(stated),
                                  actual.value - stated[0], Decimal(0), actual.unit),
            )


@rule("FR703", "indicator-amount", "A cost indicator differs from the project's budget",
      "成本指标与项目预算不符", Severity.WARNING,
      passing=_table(), failing=_table(cost="5"))
def indicator_amount(ctx: Context) -> Iterator[Finding]:
    """A cost indicator (成本指标) stated in money must agree with the project's budget or
    its execution in the same table."""
    for table in ctx.report.project_tables:
        refs = [a for a in (table.budget, table.execution) if a is not None]
        if not refs:
            continue
        for indicator in table.indicators:
            if indicator.level2 is None or "成本" not in indicator.level2.text:
                continue
            for target in (indicator.target, indicator.actual):
                if target is None or target.value is None or target.unit not in ("万元", "元", "亿元"):
                    continue
                factor = {"万元": Decimal(1), "元": Decimal("0.0001"), "亿元": Decimal(10000)}
                value = Interval.rounded(target.value, target.decimals).scale(
                    factor[target.unit or "万元"])
                if any(value.meets(interval_of(ref)) for ref in refs):
                    continue
                ref = refs[0]
                yield ctx.finding(
                    [target.text, ref],
                    "成本指标{value}与项目预算{budget}不符",
                    "cost indicator {value} differs from the project budget {budget}",
                    value=target.text.text, budget=ctx.figure(ref),
                    evidence=Evidence(value.mid, ref.wan, ref.wan, value.mid - ref.wan,
                                      value.radius, "万元"),
                )
                break  # one finding per indicator


@rule("FR704", "project-without-spending",
      "A project is reported as executed but the accounts show no project expenditure",
      "项目已执行但决算无项目支出", Severity.ERROR,
      passing=_table(), failing=_table(basic="100", bshare="100", project="", total="100"))
def project_without_spending(ctx: Context) -> Iterator[Finding]:
    """A project table (or the narrative) that reports money executed on a project paid
    from fiscal appropriation, in a report whose expenditure has no project expenditure
    (项目支出 absent or zero, basic expenditure 100%), contradicts the accounts."""
    r = ctx.report
    if r.expenditure is None or r.expenditure.total is None:
        return
    project = next((e for e in r.expenditure.items if "项目" in e.name.text), None)
    if project is not None and (project.amount is None or project.amount.wan != 0):
        return
    for table in r.project_tables:
        executed: Amount | None = table.fiscal_execution or table.execution
        if executed is None or executed.wan == 0:
            continue
        evidence: list[Amount | Percent | None] = [
            executed, project.amount if project is not None else None]
        basic = next((e for e in r.expenditure.items if "基本" in e.name.text), None)
        if basic is not None:
            evidence.append(basic.share or basic.amount)
        yield ctx.finding(
            evidence,
            "项目“{name}”执行{executed}，但支出决算中没有项目支出",
            "project “{name}” executed {executed}, but the accounts show no project expenditure",
            name=table.name.text if table.name else "", executed=ctx.figure(executed),
            evidence=Evidence(Decimal(0), executed.wan, executed.wan, -executed.wan,
                              Decimal(0), "万元"),
        )


@rule("FR705", "share-over-whole", "A proportion's target or value is over 100%",
      "比率类指标值超过100%", Severity.ERROR,
      passing=_table().replace(f"\t帮扶人数\n\t≥{20}人\n\t{25}人",
                                "\t服务对象满意度\n\t≥95%\n\t96%"),
      failing=_table().replace(f"\t帮扶人数\n\t≥{20}人\n\t{25}人",
                                "\t服务对象满意度\n\t≥1100%\n\t96%"))
def share_target_over_100(ctx: Context) -> Iterator[Finding]:
    """An indicator that measures a share of a whole (满意度, 合格率, 覆盖率, 及时率 … —
    the names are :data:`~finreport.templates.indicators.PROPORTION_NAME`) cannot have a
    target or an actual value above 100%: ``群众满意度≥1100%`` is a slip for 100%, and any
    verdict on it is void.  Rates that may pass 100% (完成率, 执行率, 增长率, 成本控制率)
    are not among the names.  On the narrative's project tables and on every form."""
    indicators = [i for t in ctx.report.project_tables for i in t.indicators]
    indicators += [i for f in ctx.report.performance_forms for i in f.indicators]
    for indicator in indicators:
        name = indicator.level3.text if indicator.level3 else ""
        if not PROPORTION_NAME.search(name):
            continue
        for target in (indicator.period_target, indicator.target, indicator.actual):
            if target is None or target.value is None or target.unit != "%":
                continue
            if target.value <= _WHOLE:
                ctx.held([target.text], target.value, Interval(Decimal(0), _WHOLE), "%")
                continue
            yield ctx.finding(
                [target.text],
                "比率类指标“{name}”的指标值{value}超过100%",
                "indicator “{name}” measures a share, yet its value {value} is over 100%",
                name=name, value=target.text.text,
                evidence=Evidence(target.value, Decimal(0), _WHOLE, target.value - _WHOLE,
                                  Decimal(0), "%"),
            )


#: All of a whole, in percent.
_WHOLE: Final = Decimal(100)
