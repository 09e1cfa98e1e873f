"""Property tests of :func:`finreport.check` on generated reports in the seeds' format.

A generated report (part 1 with its institutions, part 2 sections 一 to 五) states income
by source, expenditure by kind, the general budget by functional class (类), each with
its share, and the prior-year change of the grand total and of the fiscal appropriation.
Every figure is computed correctly from random amounts (shares and percentages rounded
half up at two decimals), so ``check()`` must find no error or warning; a report with
one part moved off its total's sum must give an FR101 error that points at that part.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

import attrs
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import finreport
from finreport import Severity
from tests.conftest import read_fixture

YEAR = 2021
PRIOR = YEAR - 1
ORG = "桐川区民族宗教事务局"

INCOME_SOURCES = ("一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "上级补助收入",
                  "事业收入", "经营收入", "附属单位上缴收入", "其他收入")
EXPENDITURE_KINDS = ("基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")
CLASSES = ("一般公共服务", "教育", "文化旅游体育与传媒", "社会保障和就业", "卫生健康", "农林水",
           "住房保障")

HUNDRED = Decimal(100)
CENT = Decimal("0.01")

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


# --------------------------------------------------------------------------- the model


@attrs.frozen
class Change:
    """A prior-year change of *current* (in cents): up or down by *delta* cents."""

    delta: int
    up: bool


@attrs.frozen
class Spec:
    """The amounts of a generated report, in cents (exact)."""

    income: tuple[int, ...]          # by source, INCOME_SOURCES order; [0] is the general budget
    expenditure: tuple[int, ...]     # by kind, EXPENDITURE_KINDS order
    classes: tuple[tuple[str, int], ...]  # general budget by class
    grand_change: Change
    fiscal_change: Change
    trim: bool = False               # drop trailing zeros (19.7 for 19.70), as reports do
    commas: bool = False             # thousands separators (2,940.05)

    @property
    def total(self) -> int:
        return sum(self.income)

    @property
    def general(self) -> int:
        return self.income[0]


def money(cents: int, spec: Spec) -> str:
    """An amount in 万元 as the report writes it: ``0`` for nothing, else two decimals (or
    fewer, trailing zeros dropped, when *spec.trim*)."""
    if cents == 0:
        return "0"
    value = Decimal(cents) / 100
    text = f"{value:,.2f}" if spec.commas else f"{value:.2f}"
    if spec.trim:
        text = text.rstrip("0").rstrip(".")
    return text


def share(part: int, whole: int, spec: Spec) -> str:
    """``100 · part / whole`` rounded half up at two decimals (``0`` for nothing)."""
    if part == 0:
        return "0"
    value = (Decimal(part) * HUNDRED / Decimal(whole)).quantize(CENT, rounding=ROUND_HALF_UP)
    text = f"{value:.2f}"
    if spec.trim:
        text = text.rstrip("0").rstrip(".")
    return text


def change_percent(current: int, change: Change) -> Decimal:
    prior = current - change.delta if change.up else current + change.delta
    assert prior > 0
    return (Decimal(change.delta) * HUNDRED / Decimal(prior)).quantize(CENT,
                                                                       rounding=ROUND_HALF_UP)


class Text:
    """The report's text, built piece by piece, remembering where named figures stand.

    *override* replaces the amount written for a figure key (cents), leaving every other
    figure (totals, shares) as computed from the spec.
    """

    def __init__(self, override: dict[str, str] | None = None) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.where: dict[str, int] = {}
        self.override = override or {}

    def add(self, *pieces: str) -> None:
        for piece in pieces:
            self.parts.append(piece)
            self.length += len(piece)

    def figure(self, key: str, written: str) -> None:
        self.where[key] = self.length
        self.add(self.override.get(key, written))

    def __str__(self) -> str:
        return "".join(self.parts)


def _change(t: Text, name: str, current: int, change: Change, spec: Spec, key: str) -> None:
    words = ("增加", "增长") if change.up else ("减少", "下降")
    pct = change_percent(current, change)
    written = f"{pct:.2f}".rstrip("0").rstrip(".") if spec.trim else f"{pct:.2f}"
    t.add(f"与{PRIOR}年相比，{name}{words[0]}")
    t.figure(f"{key}.delta", money(change.delta, spec))
    t.add(f"万元，{words[1]}")
    t.figure(f"{key}.percent", written)
    t.add("%。")


def _list(t: Text, key: str, items: Sequence[tuple[str, int]], whole: int, spec: Spec,
          prefix: str = "", suffix: str = "") -> None:
    for i, (name, cents) in enumerate(items):
        t.add(f"{prefix}{name}{suffix}")
        t.figure(f"{key}.{i}", money(cents, spec))
        t.add("万元，占")
        t.figure(f"{key}.{i}.share", share(cents, whole, spec))
        t.add("%" + ("；" if i < len(items) - 1 else "。\n"))


def render(spec: Spec, override: dict[str, str] | None = None) -> tuple[str, dict[str, int]]:
    """The report's text and the offsets of its figures (``income.0``, ``classes.2`` …);
    *override* writes other amounts for some figures (see :class:`Text`)."""
    t = Text(override)
    t.add("第一部分 部门概况\n一、基本职能及主要工作\n（一）基本职能\n"
          "1、依法管理全区宗教事务，指导宗教团体加强自身建设。\n"
          "二、机构设置\n"
          f"{ORG}下属二级单位1个，其中行政单位1个，参照公务员法管理的事业单位0个，其他事业单位0个。\n"
          f"第二部分 {YEAR}年度部门决算情况说明\n"
          "一、收入支出决算总体情况说明\n"
          f"{YEAR}年度收、支总计")
    t.figure("grand", money(spec.total, spec))
    t.add("万元。")
    _change(t, "收、支总计各", spec.total, spec.grand_change, spec, "grand")
    t.add("主要变动原因是人员经费调整。\n二、收入决算情况说明\n"
          f"{YEAR}年本年收入合计")
    t.figure("income", money(spec.total, spec))
    t.add("万元，其中：")
    _list(t, "income", list(zip(INCOME_SOURCES, spec.income, strict=True)), spec.total, spec)
    t.add(f"三、支出决算情况说明\n{YEAR}年本年支出合计")
    t.figure("expenditure", money(spec.total, spec))
    t.add("万元，其中：")
    _list(t, "expenditure", list(zip(EXPENDITURE_KINDS, spec.expenditure, strict=True)),
          spec.total, spec)
    t.add(f"四、财政拨款收入支出决算总体情况说明\n{YEAR}年财政拨款收、支总计")
    t.figure("fiscal", money(spec.general, spec))
    t.add("万元。")
    _change(t, "财政拨款收、支总计各", spec.general, spec.fiscal_change, spec, "fiscal")
    t.add("主要变动原因是专项经费调整。\n五、一般公共预算财政拨款支出决算情况说明\n"
          f"（一）一般公共预算财政拨款支出决算总体情况\n{YEAR}年一般公共预算财政拨款支出")
    t.figure("general", money(spec.general, spec))
    t.add("万元，占本年支出合计的")
    t.figure("general.share", share(spec.general, spec.total, spec))
    t.add("%。")
    _change(t, "一般公共预算财政拨款", spec.general, spec.fiscal_change, spec, "general")
    t.add("主要变动原因是专项经费调整。\n（二）一般公共预算财政拨款支出决算结构情况\n"
          f"{YEAR}年一般公共预算财政拨款支出")
    t.figure("structure", money(spec.general, spec))
    t.add("万元，主要用于以下方面:")
    _list(t, "classes", spec.classes, spec.general, spec, suffix="（类）支出")
    t.add("第三部分 名词解释\n"
          "1.基本支出：指为保障机构正常运转、完成日常工作任务发生的人员经费和公用经费支出。\n")
    return str(t), t.where


# --------------------------------------------------------------------------- strategies


@st.composite
def partition(draw: st.DrawFn, total: int, size: int) -> tuple[int, ...]:
    """*total* cents split into *size* non-negative parts, many of them zero as in the
    reports: the first part and each part drawn active take a piece between random cuts."""
    active = draw(st.lists(st.booleans(), min_size=size - 1, max_size=size - 1))
    cuts = sorted(draw(st.lists(st.integers(0, total), min_size=sum(active),
                                max_size=sum(active))))
    bounds = [0, *cuts, total]
    pieces = iter([b - a for a, b in itertools.pairwise(bounds)])
    parts = [next(pieces)]
    parts.extend(next(pieces) if on else 0 for on in active)
    return tuple(parts)


@st.composite
def changes(draw: st.DrawFn, current: int) -> Change:
    up = draw(st.booleans()) if current > 1 else False
    delta = draw(st.integers(1, current - 1)) if up else draw(st.integers(1, 10**7))
    return Change(delta, up)


@st.composite
def specs(draw: st.DrawFn, trim: bool | None = None) -> Spec:
    total = draw(st.integers(1, 10**6))           # up to 10,000.00 万元
    general = draw(st.integers(1, total))          # general budget appropriation income
    others = draw(partition(total - general, len(INCOME_SOURCES) - 1))
    expenditure = draw(partition(total, len(EXPENDITURE_KINDS)))
    names = draw(st.lists(st.sampled_from(CLASSES), min_size=1, max_size=len(CLASSES),
                          unique=True))
    names.sort(key=CLASSES.index)
    class_amounts = draw(partition(general, len(names)))
    return Spec(
        income=(general, *others),
        expenditure=expenditure,
        classes=tuple(zip(names, class_amounts, strict=True)),
        grand_change=draw(changes(total)),
        fiscal_change=draw(changes(general)),
        trim=draw(st.booleans()) if trim is None else trim,
        commas=draw(st.booleans()),
    )


def read_as_generated(report: finreport.Report, spec: Spec) -> None:
    """The parser took every figure the generator wrote: the properties are not vacuous."""
    def values(entries: Sequence[finreport.Entry]) -> list[Decimal | None]:
        return [e.amount.wan if e.amount is not None else None for e in entries]

    def shares(entries: Sequence[finreport.Entry]) -> list[bool]:
        return [e.share is not None for e in entries]

    assert report.income is not None and report.income.total is not None
    assert report.expenditure is not None and report.general_budget is not None
    assert values(report.income.items) == [Decimal(c) / 100 for c in spec.income]
    assert all(shares(report.income.items))
    assert values(report.expenditure.items) == [Decimal(c) / 100 for c in spec.expenditure]
    assert all(shares(report.expenditure.items))
    assert values(report.general_budget.classes) == [Decimal(c) / 100 for _, c in spec.classes]
    assert all(shares(report.general_budget.classes))
    for entry, change in ((report.grand_total, spec.grand_change),
                          (report.fiscal_appropriation, spec.fiscal_change),
                          (report.general_budget.total, spec.fiscal_change)):
        assert entry is not None and entry.change is not None
        assert entry.change.amount is not None and entry.change.percent is not None
        assert entry.change.amount.wan == Decimal(change.delta) / 100


def serious(findings: Sequence[finreport.Finding]) -> list[str]:
    return [f"{f.code} {f.severity.value} {f.message}" for f in findings
            if f.severity is not Severity.INFO]


# --------------------------------------------------------------------------- consistent


SEED_LIKE = Spec(
    income=(30852, 0, 0, 0, 0, 0, 688), expenditure=(29490, 2050, 0, 0, 0),
    classes=(("一般公共服务", 23730), ("文化旅游体育与传媒", 0), ("社会保障和就业", 3898),
             ("卫生健康", 1459), ("住房保障", 1765)),
    grand_change=Change(2413, True), fiscal_change=Change(2346, True))


def test_seed_like_report_is_parsed_as_generated() -> None:
    text, where = render(SEED_LIKE)
    report = finreport.parse(text)
    assert report.income is not None and report.income.total is not None
    assert report.income.total.amount is not None
    assert report.income.total.amount.value == Decimal("315.40")
    assert [e.amount.value for e in report.income.items if e.amount is not None] == [
        Decimal(c) / 100 for c in SEED_LIKE.income]
    assert report.expenditure is not None
    assert len(report.expenditure.items) == len(EXPENDITURE_KINDS)
    assert report.general_budget is not None
    assert len(report.general_budget.classes) == len(SEED_LIKE.classes)
    assert text[where["income.6"]:].startswith("6.88万元")
    assert text[where["grand.percent"]:].startswith("8.28%")
    assert finreport.check(report) == []


@SETTINGS
@given(specs())
def test_consistent_report_has_no_error_or_warning(spec: Spec) -> None:
    text, _ = render(spec)
    report = finreport.parse(text)
    read_as_generated(report, spec)
    assert serious(finreport.check(report)) == [], text


@SETTINGS
@given(specs(), st.sampled_from(["zh_CN", "en"]))
def test_consistent_report_in_any_locale(spec: Spec, locale: str) -> None:
    text, _ = render(spec)
    report = finreport.parse(text)
    assert serious(finreport.check(report, locale=locale)) == []
    assert finreport.check(report, select=["FR1", "FR2", "FR3"]) == []


# --------------------------------------------------------------------------- inconsistent

BREAKDOWNS = ("income", "expenditure", "classes")


@attrs.frozen
class Mutation:
    """A consistent report with one part written *delta* cents off its true amount."""

    spec: Spec
    key: str          # the mutated figure: ``income.3``, ``expenditure.0``, ``classes.1``
    cents: int        # the amount written instead of the true one
    parts: int        # how many parts the breakdown has


def parts_of(spec: Spec, which: str) -> list[int]:
    if which == "income":
        return list(spec.income)
    if which == "expenditure":
        return list(spec.expenditure)
    return [cents for _, cents in spec.classes]


@st.composite
def mutations(draw: st.DrawFn) -> Mutation:
    """One part of one breakdown moved by at least 0.02 万元, and by more than the
    rounding of the breakdown's figures can absorb: each of the total and the *n* parts
    is written to the cent, so their sum may be off by (n + 1) · 0.005 万元 and the part
    is moved by more than that."""
    spec = draw(specs(trim=False))
    which = draw(st.sampled_from(BREAKDOWNS))
    amounts = parts_of(spec, which)
    index = draw(st.integers(0, len(amounts) - 1))
    least = max(2, (len(amounts) + 1) // 2 + 1)
    true = amounts[index]
    up = draw(st.booleans()) if true >= least else True
    delta = draw(st.integers(least, 10**5 if up else true))
    return Mutation(spec, f"{which}.{index}", true + delta if up else true - delta,
                    len(amounts))


@SETTINGS
@given(mutations())
@example(Mutation(SEED_LIKE, "expenditure.1", 2046, 5))  # 20.46 for 20.50: 0.04 off
@example(Mutation(SEED_LIKE, "income.6", 693, 7))        # 6.93 for 6.88: 0.05 off
@example(Mutation(SEED_LIKE, "classes.1", 4, 5))         # 0.04 for 0
@example(Mutation(SEED_LIKE, "income.0", 30802, 7))      # 308.02 for 308.52
def test_part_off_its_sum_is_an_fr101_error(case: Mutation) -> None:
    written = money(case.cents, case.spec)
    text, where = render(case.spec, {case.key: written})
    start = where[case.key]
    assert text[start:].startswith(written + "万元")
    findings = finreport.check(finreport.parse(text))
    fr101 = [f for f in findings if f.code == "FR101"]
    assert fr101, f"no FR101 for {case.key} written {written}:\n{text}"
    assert all(f.severity is Severity.ERROR for f in fr101)
    about = [f for f in fr101 if any(s.start == start for s in f.spans)]
    assert about, (f"no FR101 points at {case.key} ({written} at {start}): "
                   f"{[(f.message, f.spans) for f in fr101]}")
    for finding in about:
        span = next(s for s in finding.spans if s.start == start)
        assert text[span.start:span.end].startswith(written)
        assert len(finding.spans) == case.parts + 1   # the total and every part


@SETTINGS
@given(mutations())
def test_fr101_selected_alone(case: Mutation) -> None:
    text, _ = render(case.spec, {case.key: money(case.cents, case.spec)})
    report = finreport.parse(text)
    alone = finreport.check(report, select=["FR101"])
    assert alone == [f for f in finreport.check(report) if f.code == "FR101"]
    assert finreport.check(report, ignore=["FR1"]) == [
        f for f in finreport.check(report) if not f.code.startswith("FR1")]


# --------------------------------------------------------------------------- docs/tolerance.md

_INCOME = f"第二部分 {YEAR}年度部门决算情况说明\n二、收入决算情况说明\n{YEAR}年本年收入合计"
_TOTAL = f"第二部分 {YEAR}年度部门决算情况说明\n一、收入支出决算总体情况说明\n{YEAR}年度收、支总计"
_SUM4 = "万元，其中：财政拨款收入234.62万元；事业收入17.30万元；经营收入6.66万元；其他收入10.23万元。\n"
_THIRDS = ("3000.00万元，其中：财政拨款收入1000.00万元，占33.33%；事业收入1000.00万元，占33.33%；"
           "其他收入1000.00万元，占{}%。\n")
_SEVEN = "70.02万元，其中：" + "；".join(f"{name}10.00万元" for name in INCOME_SOURCES) + "。\n"


def _change_text(pct: str) -> str:
    return _TOTAL + f"268.81万元。与{PRIOR}年相比，收、支总计各减少185.16万元，下降{pct}%。\n"


@pytest.mark.parametrize(("text", "select", "expected"), [
    pytest.param(_INCOME + "268.81" + _SUM4, "FR1", [], id="268.81-sum-holds"),
    pytest.param(_INCOME + "268.85" + _SUM4, "FR1", ["FR101 error"], id="268.85-sum-fails"),
    pytest.param(_INCOME + "219.31万元，其中：财政拨款收入218.28万元；其他收入1万元。\n", "FR1",
                 ["FR101 error"], id="1-beside-218.28-is-1.00"),
    pytest.param(_INCOME + "100.02万元，其中：财政拨款收入60.00万元；其他收入40.00万元。\n", "FR1",
                 ["FR101 error"], id="two-parts-off-0.02"),
    pytest.param(_INCOME + _SEVEN, "FR1", [], id="seven-parts-off-0.02"),
    pytest.param(_change_text("41"), "FR3", [], id="41%-holds"),
    pytest.param(_change_text("45"), "FR3", ["FR301 error"], id="45%-fails"),
    pytest.param(_change_text("40.5"), "FR3", ["FR301 error"], id="40.5%-fails"),
    pytest.param(_INCOME + "266.04万元，其中：一般公共预算财政拨款收入244.16万元，占91.77%；"
                 "其他收入21.88万元，占8.23%。\n", "FR2", [], id="91.77%-holds"),
    pytest.param(_INCOME + "266.04万元，其中：一般公共预算财政拨款收入256.91万元，占96.57%；"
                 "其他收入9.13万元，占3.44%。\n", "FR2", ["FR201 error"], id="3.44%-fails"),
    pytest.param(_INCOME + _THIRDS.format("33.34"), "FR2", ["FR203 info"], id="adjusted"),
    pytest.param(_INCOME + _THIRDS.format("33.35"), "FR2", ["FR201 error"], id="two-units-off"),
    pytest.param(_INCOME + "200.00万元，其中：财政拨款收入150.00万元，占75.01%；"
                 "其他收入50.00万元，占24.99%。\n", "FR2", ["FR201 error", "FR201 error"],
                 id="nothing-to-adjust"),
    pytest.param(_INCOME + "3.00万元，其中：财政拨款收入1.00万元，占33.33%；事业收入1.00万元，"
                 "占33.33%；其他收入1.00万元，占33.34%。\n", "FR2", [], id="explained-by-rounding"),
])
def test_tolerance_md_worked_examples(text: str, select: str, expected: list[str]) -> None:
    """The worked examples of docs/tolerance.md give what the page says they give."""
    found = finreport.check(finreport.parse(text), select=[select])
    assert [f"{f.code} {f.severity.value}" for f in found] == expected, [
        f.message for f in found]


@pytest.mark.parametrize(("written", "expected"), [
    ("17.31", ["FR502 warning", "FR502 warning"]),   # amount and its share
    ("17.32", ["FR501 error", "FR501 error"]),
    ("17.3", []),
])
def test_tolerance_md_cross_references(written: str, expected: list[str]) -> None:
    fr502 = next(r for r in finreport.rules() if r.code == "FR502")
    text = fr502.failing.replace("17.31", written)
    found = finreport.check(finreport.parse(text), select=["FR5"])
    assert [f"{f.code} {f.severity.value}" for f in found] == expected


def test_report_check_method_is_check() -> None:
    """``Report.check`` is the method form of ``finreport.check``."""
    text = read_fixture("seedstyle_flawed.txt")
    report = finreport.parse(text)
    assert report.check(select=["FR1"], locale="en") == finreport.check(
        report, select=["FR1"], locale="en")
    assert [f.code for f in report.check()] == [f.code for f in finreport.check(report)]


def test_locales_formatted_without_babel_write_numbers_as_babel_does() -> None:
    from babel import Locale
    from babel.numbers import format_decimal

    from finreport.checks.registry import _PLAIN_LOCALES, Context

    for name in sorted(_PLAIN_LOCALES):
        symbols = Locale.parse(name).number_symbols["latn"]
        assert (symbols["group"], symbols["decimal"], symbols["minusSign"]) == (",", ".", "-")
    context = Context(finreport.Report(), "en")
    for value, decimals in ((Decimal("-1234567.125"), 2), (Decimal("0.5"), 0),
                            (Decimal("1.5"), 0), (Decimal("-0.005"), 2), (Decimal("12"), 3)):
        pattern = "0" + ("." + "0" * decimals if decimals else "")  # no separators added
        assert context.number(value, decimals) == format_decimal(
            value, format=pattern, locale="en", decimal_quantization=True)


def test_other_locales_still_format_through_babel() -> None:
    from finreport.checks.registry import Context

    # en_DE writes 1.234,50: its decimal sign, and no thousands separator added
    assert Context(finreport.Report(), "en_DE").number(Decimal("1234.5"), 2) == "1234,50"
