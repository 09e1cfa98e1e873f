"""Performance forms: their money adds up, their scores and weights add up, and each
indicator's score, actual value and reason agree with its target (docs/model.md,
*Performance forms*)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Final

from ..model.figures import Amount, Count
from ..model.findings import Evidence, Finding, Severity
from ..model.forms import FormKind, FormTotal, FundLine, FundSource, PerformanceForm
from ..model.indicators import Comparator, PerformanceIndicator, Target, Verdict
from ..model.interval import Interval, amount_intervals, interval_of
from ..model.span import Phrase
from ..templates.forms import FUND_SUBPART, LEVEL1_OF_LEVEL2, REQUIRED_LEVELS
from ..templates.residue import ORGANIZATION_SUFFIXES
from .registry import Context, rule
from .relations import check_sum

__all__ = ["deviation_reason", "execution_rate", "form_funds", "form_project_amount",
           "form_table_total", "indicator_score", "missing_level", "period_target",
           "score_over_weight", "score_total", "weight_total"]


# -- examples for the catalogue ---------------------------------------------------------------

_EVALUATION = (
    "某某局2025年某某培训项目绩效自评表\n"
    "项目名称          某某培训项目\n"
    "项目资金（万元）   年初预算数   全年预算数   全年执行数   分值   执行率   得分\n"
    "年度资金总额         {budget}       {budget}       {executed}     10    {rate}     {escore}\n"
    "其中：财政拨款       {fiscal}       {fiscal}       {executed}\n"
    "其他资金             {other}       {other}         0.00\n"
    "一级指标   二级指标   三级指标   年度指标值   实际完成值   分值   得分   偏差原因分析及改进措施\n"
    "产出指标   数量指标   培训人次     ≥100人次      {actual}      {weight}     {score}     {reason}\n"
    "效益指标   社会效益指标   学员满意度     ≥90%      95%       40     40\n"
    "总分                                                 100    {total}\n"
)


def _evaluation(budget: str = "100.00", fiscal: str = "100.00", other: str = "0.00",
                executed: str = "95.00", rate: str = "95.0%", escore: str = "9.5",
                actual: str = "120人次", weight: str = "50", score: str = "50",
                reason: str = "", total: str = "99.5") -> str:
    return _EVALUATION.format(budget=budget, fiscal=fiscal, other=other, executed=executed,
                              rate=rate, escore=escore, actual=actual, weight=weight,
                              score=score, reason=reason, total=total)


_TARGETS = (
    "某某局2026年某某项目绩效目标表\n"
    "项目名称          某某项目\n"
    "资金总额            {total}\n"
    "财政拨款            {fiscal}\n"
    "其他资金            0.00\n"
    "一级指标   二级指标   三级指标   实施周期指标值   年度指标值\n"
    "产出指标   数量指标   新建站点数       ≥{period}个        ≥{year}个\n"
    "{level}   社会效益指标   群众知晓率       ≥90%          ≥90%\n"
)


def _targets(total: str = "50.00", fiscal: str = "50.00", period: str = "20",
             year: str = "10", level: str = "效益指标") -> str:
    return _TARGETS.format(total=total, fiscal=fiscal, period=period, year=year, level=level)


_TABLE = (
    "某某局2026年项目支出绩效目标表\n"
    "项目名称（资金使用单位）     总计        财政拨款      绩效目标        绩效指标\n"
    "合计                     {total}       {total}\n"
    "某某局                   30.00       30.00\n"
    "1.1－产出指标，11－数量指标，培训场次；实施周期指标值：≥4场，年度指标值：≥4场；2、2－效益指标，\n"
    "某某培训项目             20.00       20.00       开展业务培训，提升能力。   22－社会效益，参训率；实施周期指标值：≥90%，年度指标值：≥90%；\n"
    "1.1－产出指标，11－数量指标，检查次数；实施周期指标值：≥12次，年度指标值：≥12次；2、2－效益指标，\n"
    "某某检查项目             10.00       10.00       开展专项检查。            22－社会效益，整改率；实施周期指标值：100%，年度指标值：100%；\n"
)


def _table(total: str = "30.00") -> str:
    return _TABLE.format(total=total)


_REPORT = (
    "某某局2026年部门预算\n第一部分 2026年部门预算表\n项目支出预算表\n单位：万元\n"
    "项目名称                      合计\n合计                          50.00\n"
    "某某项目                      {amount}\n"
    "第二部分 2026年部门预算情况说明\n一、收支预算总体情况\n2026年收支预算总计50.00万元。\n"
    "二、预算绩效目标情况\n某某项目绩效目标表\n"
)


def _report(amount: str = "50.00") -> str:
    form = _targets(total="50.00", fiscal="50.00").split("\n", 1)[1]
    return _REPORT.format(amount=amount) + form


# -- money -------------------------------------------------------------------------------------------


def _columns(line: FundLine) -> tuple[tuple[str, str, Amount | None], ...]:
    return (("预算数", "budget", line.planned), ("年初预算数", "initial budget", line.initial),
            ("全年执行数", "execution", line.executed))


@rule("FR611", "form-funds", "A form's sources of money do not add up to its total",
      "绩效表资金来源之和与资金总额不符", Severity.ERROR,
      passing=_targets(), failing=_targets(fiscal="45.00"))
def form_funds(ctx: Context) -> Iterator[Finding]:
    """A form's money by source (财政拨款, 财政专户, 上年结转, 其他资金) must add up to its
    total (资金总额, 总计) at the precision written, in each column it writes (the budget;
    in a self-evaluation also the initial budget and the execution); so must its money by
    use (基本支出 + 项目支出) when it writes both.  Sources are added only when the form
    writes its fiscal appropriation (a department's form may list only some sources); a
    source left blank is nothing."""
    for form in ctx.report.performance_forms:
        total = form.fund(FundSource.TOTAL)
        if total is None:
            continue
        sources = [line for line in form.funds if line.source.is_source]
        uses = [line for line in form.funds
                if line.source in (FundSource.BASIC, FundSource.PROJECT)]
        groups = []
        if form.fund(FundSource.FISCAL) is not None:
            groups.append(("资金来源", "sources", sources))
        if len(uses) == 2:
            groups.append(("基本支出与项目支出", "basic and project expenditure", uses))
        for zh, en, lines in groups:
            for k, (column_zh, column_en, whole) in enumerate(_columns(total)):
                if whole is None:
                    continue
                parts = [_columns(line)[k][2] for line in lines]
                written = [p for p in parts if p is not None]
                if not written:
                    continue
                if (nested := _nested_meets(lines, k, whole)) is not None:
                    ctx.abstained([whole, *written], nested)
                    continue
                name = _name(form)
                found = check_sum(ctx, f"“{name}”{column_zh}（{zh}）",
                                  f"“{name}” {column_en} ({en})", whole, written)
                if found is not None:
                    yield found


def _nested_meets(lines: list[FundLine], k: int, whole: Amount) -> str | None:
    """Why the sources are not added up: a line after the first written ``其中…``
    (``财政拨款110 / 其中：上年结转20 / 其他资金10``) may be a part of the source above it,
    not one more source, and without it the sources make the whole; or None."""
    if not any(FUND_SUBPART.match(line.name.text) for line in lines[1:]):
        return None
    kept = [a for line in lines if not (FUND_SUBPART.match(line.name.text) and line is not lines[0])
            and (a := _columns(line)[k][2]) is not None]
    if not kept:
        return None
    intervals = amount_intervals(whole, *kept)
    total = intervals[1]
    for part in intervals[2:]:
        total = total + part
    if not intervals[0].meets(total):
        return None
    return ("a 其中 line may be a part of the source above it: without it the sources make "
            "the whole, with it they do not")


@rule("FR612", "form-table-total", "Projects do not add up to the total of their table",
      "项目金额之和与绩效目标表合计不符", Severity.ERROR,
      passing=_table(), failing=_table(total="31.00"))
def form_table_total(ctx: Context) -> Iterator[Finding]:
    """In a table of forms a project a row, the projects listed under a unit (资金使用单位)
    must add up to the unit's row, and the units (or, without units, the projects) to
    the table's 合计, column by column, at the precision written.  Where a unit's name
    is cut by its cell (``广州市生态环境局黄埔环境`` / ``监测站``), which rows are whose is not
    certain: the table's sums are left alone (the audit says why)."""
    totals = ctx.report.form_totals
    if not totals:
        return
    forms = ctx.report.performance_forms  # in text order, as the units are
    units = [t for t in totals if not t.grand]
    cut = next((t for t in units if not _whole_name(t.name.text)), None)
    if cut is not None:
        # a unit's name cut by its cell (``广州市生态环境局黄埔环境`` / ``监测站``): the rows
        # around it may be another unit's, so no sum of the table is certain
        for total in totals:
            ctx.abstained([total.name, *(line.planned for line in total.funds)],
                          f"a unit's name is cut ({cut.name.text}): which projects are "
                          "whose is not certain")
        return
    form_starts = [f.span.start for f in forms]
    unit_starts = [t.span.start for t in units]
    for total in totals:
        span = total.span
        inside = [t for t in units[bisect_left(unit_starts, span.start):
                                   bisect_left(unit_starts, span.end)] if t is not total]
        parts: Sequence[FormTotal | PerformanceForm] = inside if total.grand and inside else (
            forms[bisect_left(form_starts, span.start):bisect_left(form_starts, span.end)])
        if not parts:
            continue
        for line in total.funds:
            if line.planned is None:
                continue
            amounts = []
            for part in parts:
                own = part.fund(line.source)
                if own is not None and own.planned is not None:
                    amounts.append(own.planned)
            if not amounts:
                continue
            found = check_sum(ctx, f"“{total.name.text}”{_SOURCE_ZH[line.source]}",
                              f"“{total.name.text}” {line.source.value}", line.planned, amounts)
            if found is not None:
                yield found


def _whole_name(name: str) -> bool:
    """True when a unit's name reads whole: long enough, and ending as an organization's
    name does (``…监测站``, ``…分局``, ``…中心``), a bracket after it aside."""
    bare = name.rstrip(")）")
    return len(bare) >= _SHORTEST_UNIT and bare.endswith(ORGANIZATION_SUFFIXES) and (
        not bare.startswith(("合计", "总计")))


#: The fewest characters of a unit's whole name (``某局``).
_SHORTEST_UNIT: Final = 2

_SOURCE_ZH = {FundSource.TOTAL: "总计", FundSource.FISCAL: "财政拨款",
              FundSource.SPECIAL_ACCOUNT: "财政专户拨款", FundSource.CARRIED_OVER: "上年结转",
              FundSource.OTHER: "其他资金", FundSource.BASIC: "基本支出",
              FundSource.PROJECT: "项目支出"}


@rule("FR613", "execution-rate", "A form's execution rate does not match execution / budget",
      "绩效自评表执行率与全年执行数/全年预算数不符", Severity.ERROR,
      passing=_evaluation(), failing=_evaluation(rate="96.0%"))
def execution_rate(ctx: Context) -> Iterator[Finding]:
    """A self-evaluation's execution rate (执行率) must be its full-year execution
    (全年执行数) over its full-year budget (全年预算数), at the precision of the three
    figures written."""
    for form in ctx.report.performance_forms:
        rate, total = form.execution_rate, form.fund(FundSource.TOTAL)
        if rate is None or total is None or total.executed is None or total.planned is None:
            continue
        computed = interval_of(total.executed).percent_of(interval_of(total.planned))
        stated = interval_of(rate)
        if computed is None or stated.meets(computed):
            continue
        yield ctx.finding(
            [rate, total.executed, total.planned],
            "“{name}”执行率{rate}，但全年执行数{executed} ÷ 全年预算数{budget} = {computed}",
            "“{name}” execution rate {rate}, but execution {executed} / budget {budget} = "
            "{computed}",
            name=_name(form), rate=ctx.figure(rate), executed=ctx.figure(total.executed),
            budget=ctx.figure(total.planned),
            computed=ctx.interval(computed, rate.decimals, "%"),
            evidence=Evidence(rate.value, computed.low, computed.high,
                              rate.value - computed.mid, stated.radius + computed.radius, "%"))


# -- scores and weights ------------------------------------------------------------------------------


def _scored(form: PerformanceForm) -> list[tuple[str, Count | None, Count | None]]:
    """Every weight and score of a form: the money's, then each indicator's."""
    out: list[tuple[str, Count | None, Count | None]] = []
    if form.execution_weight is not None or form.execution_score is not None:
        out.append(("预算执行率", form.execution_weight, form.execution_score))
    out.extend((_indicator_name(i), i.weight, i.score) for i in form.indicators)
    return out


@rule("FR614", "score-over-weight", "A score exceeds its weight", "得分超过分值",
      Severity.ERROR, passing=_evaluation(), failing=_evaluation(score="55", total="104.5"))
def score_over_weight(ctx: Context) -> Iterator[Finding]:
    """An indicator's score (得分) can never exceed its weight (分值), nor the score of the
    budget's execution its own weight."""
    for form in ctx.report.performance_forms:
        for name, weight, score in _scored(form):
            if weight is None or score is None or score.value <= weight.value:
                continue
            yield ctx.finding(
                [score, weight],
                "“{name}”得分{score}超过分值{weight}", "“{name}” scores {score} of {weight}",
                name=name, score=ctx.number(score.value, _places(score.value)),
                weight=ctx.number(weight.value, _places(weight.value)),
                evidence=Evidence(score.value, Decimal(0), weight.value,
                                  score.value - weight.value, Decimal(0), "分"))


@rule("FR615", "score-total", "Scores do not add up to the total score",
      "各项得分之和与总分不符", Severity.ERROR,
      passing=_evaluation(), failing=_evaluation(total="98.5"))
def score_total(ctx: Context) -> Iterator[Finding]:
    """A self-evaluation's total score (总分) must be the sum of the scores it writes
    (each indicator's and the budget execution's), at the precision written: every score
    read at the finest precision among them (``50`` beside ``9.5`` as 50.0 ± 0.05), and
    exactly when none is written with decimals.  A total row that is the indicators'
    合计 (the execution's score apart: its weight is not the form's hundred points) holds
    when theirs make it."""
    for form in ctx.report.performance_forms:
        stated = form.total_score
        scores = [s for _, _, s in _scored(form) if s is not None]
        if stated is None or not scores:
            continue
        if (gap := _unread_cells(form)) is not None:
            ctx.abstained([stated, *scores], gap)
            continue
        own = [i.score for i in form.indicators if i.score is not None]
        if len(own) < len(scores) and _subtotal(form) and _sums_to(stated, own):
            ctx.held([stated, *own])  # 合计 of the indicators alone, the execution's apart
            continue
        yield from _sum_finding(ctx, form, stated, scores, "得分", "scores")


def _subtotal(form: PerformanceForm) -> bool:
    """True when the total row may be the indicators' 合计 alone: its weight is not the
    whole form's hundred points (a 总分 is)."""
    return form.total_weight is not None and form.total_weight.value != _WHOLE_POINTS


_WHOLE_POINTS: Final = Decimal(100)


def _sums_to(stated: Count, parts: list[Count]) -> bool:
    """True when *parts* add up to *stated* at the precision written (as FR615 reads)."""
    places = max(_places(p.value) for p in [stated, *parts])
    total = sum((p.value for p in parts), Decimal(0))
    if not places:
        return total == stated.value
    half = Decimal(1).scaleb(-places) / 2
    return abs(total - stated.value) <= half * (len(parts) + 1)


def _unread_cells(form: PerformanceForm) -> str | None:
    """Why a form's sums are not checked: an indicator of its grid whose weight or score
    was not read while the others' were (its row read against the wrong columns: a word
    of two levels, a name that is a level's, a cell across columns), or None."""
    weighted = [i for i in form.indicators if i.weight is not None or i.score is not None]
    if not weighted:
        return None
    scored = form.kind.is_evaluation
    if any(i.weight is None or (scored and i.score is None) for i in form.indicators):
        return ("an indicator's weight or score was not read while the others' were: the "
                "sum would leave it out")
    return None


@rule("FR616", "weight-total", "Weights do not add up to the total the form states",
      "各项分值之和与表内总分值不符", Severity.ERROR,
      passing=_evaluation(), failing=_evaluation(weight="60", score="60", total="109.5"))
def weight_total(ctx: Context) -> Iterator[Finding]:
    """Weights (分值) add up to what the form says they do: the indicators' to the weight
    the grid's heading gives them (``分值（90）``), and all of them, the budget
    execution's included, to the weight of the total row (总分, 100), or the indicators'
    alone when that row is their 合计 (a weight other than 100, the execution's apart).  Weights
    written in whole points are exact."""
    for form in ctx.report.performance_forms:
        weights = [i.weight for i in form.indicators if i.weight is not None]
        if not weights:
            continue
        if (gap := _unread_cells(form)) is not None:
            ctx.abstained(weights, gap)
            continue
        if form.indicator_weight is not None:
            yield from _sum_finding(ctx, form, form.indicator_weight, weights, "指标分值",
                                    "indicator weights")
        if form.total_weight is not None:
            every = [w for _, w, _ in _scored(form) if w is not None]
            if len(weights) < len(every) and _subtotal(form) and _sums_to(
                    form.total_weight, weights):
                ctx.held([form.total_weight, *weights])  # the indicators' 合计 alone
                continue
            yield from _sum_finding(ctx, form, form.total_weight, every, "分值", "weights")


def _sum_finding(ctx: Context, form: PerformanceForm, stated: Count, parts: list[Count],
                 zh: str, en: str) -> Iterator[Finding]:
    # each figure read at the finest precision among them, as amounts are (a score
    # written ``50`` beside ``9.5`` has lost its zero, not its digits); points written
    # whole everywhere are exact: a template gives weights, and evaluators scores, in
    # whole points, not rounded
    places = max(_places(p.value) for p in [stated, *parts])

    def read(value: Decimal) -> Interval:
        return Interval.rounded(value, places) if places else Interval.exact(value)

    computed = Interval.exact(Decimal(0))
    for part in parts:
        computed = computed + read(part.value)
    written = read(stated.value)
    if written.meets(computed):
        return
    plain = sum((p.value for p in parts), Decimal(0))
    yield ctx.finding(
        [stated, *parts],
        "“{name}”{what}之和{sum}与总计{stated}不符", "“{name}” {what_en} add up to {sum}, "
        "not {stated}",
        name=_name(form), what=zh, what_en=en, sum=ctx.number(plain, places),
        stated=ctx.number(stated.value, _places(stated.value)),
        evidence=Evidence(stated.value, computed.low, computed.high, stated.value - plain,
                          written.radius + computed.radius, "分"))


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


# -- indicators ---------------------------------------------------------------------------------------


def _certain(indicator: PerformanceIndicator) -> bool:
    """True when the verdict compares two numbers in one unit against a bound written
    (``≥90%`` against ``85%``), or two dates, or yes against no."""
    target, actual = indicator.target, indicator.actual
    if actual is None:
        return False
    if target.answer is not None and actual.answer is not None:
        return True
    if target.is_date and actual.is_date:
        return True
    return (target.comparator is not None and target.value is not None
            and actual.value is not None and (target.unit or "") == (actual.unit or "")
            and actual.comparator is None)


@rule("FR617", "indicator-score", "An indicator's score contradicts whether it was met",
      "指标得分与完成情况矛盾", Severity.ERROR,
      passing=_evaluation(), failing=_evaluation(actual="80人次", reason="受疫情影响"))
def indicator_score(ctx: Context) -> Iterator[Finding]:
    """An indicator given its full weight must have met its target, and one that met its
    target must not lose points: full marks for ``实际完成值 80人次`` against ``≥100人次`` is
    an error (the comparison honoured: ≥ ≤ > < =, yes/no, dates).  The reverse, points
    lost on a target met, is a warning: an evaluator may take points for how it was met."""
    for form in ctx.report.performance_forms:
        for indicator in form.indicators:
            weight, score, actual = indicator.weight, indicator.score, indicator.actual
            if weight is None or score is None or actual is None or not _certain(indicator):
                continue
            verdict = indicator.verdict()
            full = score.value >= weight.value
            if verdict is Verdict.NOT_MET and full:
                yield ctx.finding(
                    [score, weight, actual.text, indicator.target.text],
                    "“{name}”未达目标（目标{target}，实际{actual}），却得满分{score}",
                    "“{name}” missed its target ({target}, actual {actual}) yet scores full "
                    "marks {score}",
                    name=_indicator_name(indicator), target=indicator.target.text.text,
                    actual=actual.text.text, score=ctx.number(score.value, _places(score.value)),
                    evidence=_target_evidence(indicator))
            elif verdict is Verdict.MET and not full:
                yield ctx.finding(
                    [score, weight, actual.text, indicator.target.text],
                    "“{name}”已达目标（目标{target}，实际{actual}），得分{score}低于分值{weight}",
                    "“{name}” met its target ({target}, actual {actual}) but scores {score} "
                    "of {weight}",
                    severity=Severity.WARNING,
                    name=_indicator_name(indicator), target=indicator.target.text.text,
                    actual=actual.text.text, score=ctx.number(score.value, _places(score.value)),
                    weight=ctx.number(weight.value, _places(weight.value)),
                    evidence=_target_evidence(indicator))


def _target_evidence(indicator: PerformanceIndicator) -> Evidence:
    target, actual = indicator.target, indicator.actual
    if actual is None or target.value is None or actual.value is None:
        return Evidence()
    return Evidence(actual.value, target.value, target.value, actual.value - target.value,
                    Decimal(0), target.unit)


@rule("FR618", "deviation-reason", "A target missed without a reason", "未完成指标未说明偏差原因",
      Severity.WARNING,
      passing=_evaluation(actual="80人次", score="40", total="89.5", reason="受场地限制"),
      failing=_evaluation(actual="80人次", score="40", total="89.5"))
def deviation_reason(ctx: Context) -> Iterator[Finding]:
    """A self-evaluation that writes a column for the reasons of deviations (偏差原因)
    must fill it where the actual value misses the target.  A warning: a form may explain
    the deviations elsewhere."""
    for form in ctx.report.performance_forms:
        if not form.kind.is_evaluation:
            continue
        for indicator in form.indicators:
            actual = indicator.actual
            if actual is None or indicator.reason is not None or not _certain(indicator):
                continue
            if indicator.verdict() is not Verdict.NOT_MET:
                continue
            yield ctx.finding(
                [actual.text, indicator.target.text],
                "“{name}”未达目标（目标{target}，实际{actual}），未说明偏差原因",
                "“{name}” missed its target ({target}, actual {actual}) and gives no reason",
                name=_indicator_name(indicator), target=indicator.target.text.text,
                actual=actual.text.text, evidence=_target_evidence(indicator))


@rule("FR619", "period-target", "A year's target exceeds the whole period's",
      "数量指标年度指标值超过实施周期指标值", Severity.WARNING,
      passing=_targets(), failing=_targets(year="30"))
def period_target(ctx: Context) -> Iterator[Finding]:
    """A quantity indicator (数量指标) counts what the project delivers, so its target for
    one year cannot exceed its target for the whole implementation period that year
    belongs to (``≥10个`` in the year against ``≥8个`` for the period).  Compared only
    for minimums (≥, > or no bound) in the same unit, neither written per year or per
    quarter (``每年≥20场``, ``≥1次/季``).  A warning: a period value may be an annual average."""
    for form in ctx.report.performance_forms:
        for indicator in form.indicators:
            period, year = indicator.period_target, indicator.target
            if period is None or not _quantity(indicator) or not _comparable(period, year):
                continue
            assert period.value is not None and year.value is not None
            if year.value <= period.value:
                continue
            yield ctx.finding(
                [year.text, period.text],
                "数量指标“{name}”年度指标值{year}超过实施周期指标值{period}",
                "quantity indicator “{name}”: the year's target {year} exceeds the period's "
                "{period}",
                name=_indicator_name(indicator), year=year.text.text, period=period.text.text,
                evidence=Evidence(year.value, None, period.value, year.value - period.value,
                                  Decimal(0), year.unit))


def _quantity(indicator: PerformanceIndicator) -> bool:
    return indicator.level2 is not None and indicator.level2.text.startswith("数量")


def _comparable(period: Target, year: Target) -> bool:
    minimum = (None, Comparator.GE, Comparator.GT)
    return (period.value is not None and year.value is not None
            and (period.unit or "") == (year.unit or "") and (year.unit or "") != "%"
            and period.comparator in minimum and year.comparator in minimum
            and not any(t.text.text.startswith("每") or "/" in t.text.text
                        for t in (period, year)))


@rule("FR620", "missing-level", "A project's indicators leave out a required level",
      "项目绩效指标缺少必设的一级指标", Severity.WARNING,
      passing=_targets(), failing=_targets(level="产出指标"))
def missing_level(ctx: Context) -> Iterator[Finding]:
    """Every project's targets must reach each required first level (产出指标 and
    效益指标; ``templates.forms.REQUIRED_LEVELS``).  A warning: a province's template may
    ask for fewer.  A department's forms are not held to it: their template has first
    levels of its own (履职效能, 管理效率; 投入, 过程 …)."""
    for form in ctx.report.performance_forms:
        if not form.indicators or form.kind not in _PROJECT_FORMS:
            continue  # a department's template has first levels of its own (履职效能, 管理效率)
        levels = {_level1(i) for i in form.indicators}
        missing = [level for level in REQUIRED_LEVELS if level not in levels]
        if not missing:
            continue
        yield ctx.finding(
            [form.name or form.title or form.span],
            "“{name}”的绩效指标没有{levels}", "“{name}” has no indicator under {levels}",
            name=_name(form), levels="、".join(missing))


def _level1(indicator: PerformanceIndicator) -> str | None:
    if indicator.level1 is not None:
        return indicator.level1.text
    if indicator.level2 is not None:
        return LEVEL1_OF_LEVEL2.get(indicator.level2.text)
    return None


@rule("FR621", "form-project-amount", "A project's amount differs between its form and a table",
      "绩效表项目金额与报表不符", Severity.ERROR,
      passing=_report(), failing=_report(amount="60.00"))
def form_project_amount(ctx: Context) -> Iterator[Finding]:
    """The total of a project's form must be the amount a table of the report gives the
    row of that project's name (a project expenditure table), when exactly one row of the
    report's tables has that name and states an amount in 万元.  (A department's form
    is not compared: a row of its name is one of its units' figures, not its total.)"""
    if not ctx.report.performance_forms:
        return
    rows: dict[str, list[Amount]] = {}
    for table in ctx.report.tables:
        if table.unit not in (None, "万元"):
            continue
        for row in table.rows:
            if row.name is not None and row.cells:
                rows.setdefault(row.name.text, []).append(row.cells[0])
    if not rows:
        return
    for form in ctx.report.performance_forms:
        total = form.fund(FundSource.TOTAL)
        if form.kind not in _PROJECT_FORMS or form.name is None or total is None or (
                total.planned is None):
            continue
        found = rows.get(form.name.text, [])
        if len(found) != 1:
            continue
        written = found[0]
        a, b = interval_of(total.planned), interval_of(written)
        if a.meets(b):
            continue
        yield ctx.finding(
            [total.planned, written],
            "项目“{name}”绩效表资金总额{form}，报表为{table}",
            "project “{name}”: {form} in its form, {table} in the tables",
            name=form.name.text, form=ctx.figure(total.planned), table=ctx.figure(written),
            evidence=Evidence(total.planned.wan, b.low, b.high, total.planned.wan - written.wan,
                              a.radius + b.radius, "万元"))


_PROJECT_FORMS = frozenset({FormKind.PROJECT_TARGETS, FormKind.PROJECT_EVALUATION})


# -- names ---------------------------------------------------------------------------------------------


def _name(form: PerformanceForm) -> str:
    phrase: Phrase | None = form.name or form.title
    return phrase.text if phrase is not None else "绩效表"


def _indicator_name(indicator: PerformanceIndicator) -> str:
    phrase = indicator.level3 or indicator.level2 or indicator.level1
    return phrase.text if phrase is not None else "绩效指标"
