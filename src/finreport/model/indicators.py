"""Performance indicators and the project performance table (项目绩效目标完成情况表)."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from decimal import Decimal

import attrs

from .figures import AMOUNT_UNITS, Amount, Count
from .span import Phrase, Span

__all__ = [
    "Comparator",
    "PerformanceIndicator",
    "ProjectPerformanceTable",
    "Target",
    "Verdict",
]


class Comparator(enum.Enum):
    """How a target bounds its value."""

    GE = "≥"
    LE = "≤"
    GT = ">"
    LT = "<"
    EQ = "="


class Verdict(enum.Enum):
    """Whether an indicator's actual value meets its target."""

    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "cannot_tell"


@attrs.frozen
class Target:
    """A target or actual value of an indicator, as written and in comparable form.

    ``text`` is the cell as written.  When it holds a number, ``value``/``unit``/``decimals``
    give it and ``comparator`` the bound written (``≥``), or ``None`` when none is written.
    When it holds a date (``2020年12月底``), ``year``/``month``/``day`` give it.  A yes/no
    target (``是``, ``否``) has ``answer``.  Free text has none of them.
    """

    text: Phrase
    comparator: Comparator | None = None
    value: Decimal | None = None
    unit: str | None = None
    decimals: int = 0
    year: int | None = None
    month: int | None = None
    day: int | None = None
    answer: bool | None = None

    @classmethod
    def parse(cls, text: str, span: Span | None = None) -> Target:
        """Read a target cell such as ``帮扶困难职工户数≥6户``, ``95%`` or ``2020年12月底``.
        (A delegate: the reading is ``finreport.read.indicators.parse_target``.)"""
        from ..read.indicators import parse_target

        return parse_target(text, span)

    @property
    def span(self) -> Span:
        """Where the target (or actual value) is written: its text's span."""
        return self.text.span

    @property
    def is_date(self) -> bool:
        """True when the target is a date or deadline."""
        return self.year is not None and self.month is not None

    @property
    def is_numeric(self) -> bool:
        """True when the target holds a number."""
        return self.value is not None


def _in_unit(target: Target) -> tuple[Decimal, str] | None:
    if target.value is None:
        return None
    if target.unit in AMOUNT_UNITS:
        return target.value * AMOUNT_UNITS[target.unit], "万元"
    return target.value, target.unit or ""


@attrs.frozen
class PerformanceIndicator:
    """One indicator: its level (``level1``: 产出指标, 效益指标 …), category (``level2``:
    数量指标, 社会效益指标 …) and name (``level3``), its target for the year (``target``:
    comparison, value and unit) and, when written, its actual value (``actual``).

    Blank cells of the flattened table continue the level above, so every level here
    is filled where the table filled it once.  A form adds the target for the whole
    implementation period (``period_target``), the weight (``weight``, 分值) and the score
    (``score``, 得分) as counts of 分, and the reason given for a deviation (``reason``).
    """

    level1: Phrase | None
    level2: Phrase | None
    level3: Phrase | None
    target: Target
    actual: Target | None = None
    period_target: Target | None = None
    weight: Count | None = None
    score: Count | None = None
    reason: Phrase | None = None

    @classmethod
    def parse(cls, row: str) -> PerformanceIndicator:
        """An indicator from one row of text, its five cells (level 1, 2, 3, target,
        actual) apart by tabs, ``|`` or two spaces or more, e.g.
        ``产出指标  数量指标  帮扶困难职工户数  ≥6户  6户``.  Spans are offsets into *row*.

        Raises :class:`~finreport.ReportError` for a row that is not an indicator: not
        five cells, a first level that is no 指标, or a target or actual value that is
        neither a number nor a date.  (A delegate: the reading is
        ``finreport.read.indicators.parse_indicator``.)
        """
        from ..read.indicators import parse_indicator

        return parse_indicator(row)

    @classmethod
    def from_row(cls, cells: Sequence[str],
                 above: PerformanceIndicator | None = None) -> PerformanceIndicator:
        """An indicator from its five cells (level 1, 2, 3, target, actual); blank cells
        take the level of the row *above*.  Spans are offsets into each cell.  (A
        delegate: the reading is ``finreport.read.indicators.indicator_from_row``.)"""
        from ..read.indicators import indicator_from_row

        return indicator_from_row(cells, above)

    def verdict(self) -> Verdict:
        """Met / not met / cannot tell, comparing the actual value with the target.

        A target without a written bound is a minimum (``95%``, ``25人``), except for
        cost indicators (成本), where it is a maximum; a date is a deadline.
        """
        target, actual = self.target, self.actual
        if actual is None:
            return Verdict.UNKNOWN
        if target.answer is not None and actual.answer is not None:
            return Verdict.MET if target.answer == actual.answer else Verdict.NOT_MET
        if target.is_date and actual.is_date:
            assert target.year and target.month and actual.year and actual.month
            wanted = (target.year, target.month, target.day or 31)
            got = (actual.year, actual.month, actual.day or (31 if actual.day is None else 0))
            if actual.day is None and (actual.year, actual.month) == (target.year, target.month):
                return Verdict.MET
            return Verdict.MET if got <= wanted else Verdict.NOT_MET
        t, a = _in_unit(target), _in_unit(actual)
        if t is None or a is None or t[1] != a[1]:
            return Verdict.UNKNOWN
        comparator = target.comparator
        if comparator is None:
            cost = any(level is not None and "成本" in level.text
                       for level in (self.level1, self.level2))
            comparator = Comparator.LE if cost else Comparator.GE
        ok = {
            Comparator.GE: a[0] >= t[0],
            Comparator.LE: a[0] <= t[0],
            Comparator.GT: a[0] > t[0],
            Comparator.LT: a[0] < t[0],
            Comparator.EQ: a[0] == t[0],
        }[comparator]
        return Verdict.MET if ok else Verdict.NOT_MET


@attrs.frozen
class ProjectPerformanceTable:
    """A project performance table: the project, its money and its indicators.

    ``budget``/``execution`` are 预算数/执行数; ``fiscal_*`` the part from fiscal
    appropriation (其中-财政拨款) and ``other_*`` other funds (其它资金).
    """

    span: Span
    name: Phrase | None = None
    unit: Phrase | None = None
    budget: Amount | None = None
    execution: Amount | None = None
    fiscal_budget: Amount | None = None
    fiscal_execution: Amount | None = None
    other_budget: Amount | None = None
    other_execution: Amount | None = None
    goal: Phrase | None = None
    goal_achieved: Phrase | None = None
    indicators: tuple[PerformanceIndicator, ...] = ()
