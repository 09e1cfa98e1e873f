"""Performance forms: a project's (or a department's) targets or self-evaluation, with its
money and its indicators (绩效目标表, 绩效目标申报表, 绩效自评表).

A budget attaches a target form (绩效目标表) to each project, or prints them all as one
table, a project a row; final accounts attach self-evaluation forms (绩效自评表) with the
money executed, the actual value of each indicator and the scores.  docs/model.md, *Performance
forms*, shows the shapes read.
"""

from __future__ import annotations

import enum

import attrs

from .figures import Amount, Count, Percent
from .indicators import PerformanceIndicator
from .span import Phrase, Span

__all__ = [
    "FormKind",
    "FormLayout",
    "FormTotal",
    "FundColumn",
    "FundLine",
    "FundSource",
    "GridColumn",
    "PerformanceForm",
]


class FormKind(enum.Enum):
    """What a form is: a project's or the whole department's targets (budget) or
    self-evaluation (final accounts)."""

    PROJECT_TARGETS = "project_targets"
    DEPARTMENT_TARGETS = "department_targets"
    PROJECT_EVALUATION = "project_evaluation"
    DEPARTMENT_EVALUATION = "department_evaluation"

    @property
    def is_evaluation(self) -> bool:
        """True for self-evaluations (绩效自评表), false for target forms."""
        return self in (FormKind.PROJECT_EVALUATION, FormKind.DEPARTMENT_EVALUATION)


class FormLayout(enum.Enum):
    """How the form is written: a grid of columns (一级 / 二级 / 三级指标 / 指标值 …), or a
    row of a table whose last cell holds every indicator as one run of text."""

    COLUMNS = "columns"
    ONE_CELL = "one_cell"


class FundSource(enum.Enum):
    """Which money a fund line states: the total (资金总额, 总计), a source of it (财政拨款,
    财政专户, 上年结转, 其他资金) or, in a department's form, a use of it (基本支出,
    项目支出)."""

    TOTAL = "total"
    FISCAL = "fiscal"
    SPECIAL_ACCOUNT = "special_account"
    CARRIED_OVER = "carried_over"
    OTHER = "other"
    BASIC = "basic"
    PROJECT = "project"

    @property
    def is_source(self) -> bool:
        """True for a source of the total (财政拨款, 财政专户, 上年结转, 其他资金)."""
        return self in _SOURCES


_SOURCES = frozenset({FundSource.FISCAL, FundSource.SPECIAL_ACCOUNT,
                      FundSource.CARRIED_OVER, FundSource.OTHER})


class FundColumn(enum.Enum):
    """A column of a self-evaluation's money: 年初预算数, 全年预算数, 全年执行数, 分值,
    执行率, 得分."""

    INITIAL = "initial"
    BUDGET = "budget"
    EXECUTED = "executed"
    WEIGHT = "weight"
    RATE = "rate"
    SCORE = "score"


class GridColumn(enum.Enum):
    """A column of the indicator grid: the three levels, the targets (for the whole
    implementation period and for the year), the actual value, the weight (分值), the
    score (得分), the reason for a deviation (偏差原因) and remarks (备注)."""

    LEVEL1 = "level1"
    LEVEL2 = "level2"
    NAME = "name"
    PERIOD_TARGET = "period_target"
    TARGET = "target"
    ACTUAL = "actual"
    WEIGHT = "weight"
    SCORE = "score"
    REASON = "reason"
    REMARK = "remark"


@attrs.frozen
class FundLine:
    """One line of a form's money: its ``source`` and its label as written (``name``).

    A target form writes one amount, the budget (``planned``).  A self-evaluation writes
    the initial budget (``initial``, 年初预算数), the full-year budget (``planned``,
    全年预算数) and the execution (``executed``, 全年执行数).
    """

    source: FundSource
    name: Phrase
    planned: Amount | None = None
    initial: Amount | None = None
    executed: Amount | None = None


@attrs.frozen
class PerformanceForm:
    """One performance form: a project's (or a department's) targets or self-evaluation.

    ``name`` is the project's name (the department's in a department-wide form);
    ``unit`` the unit that spends the money (实施单位, 资金使用单位) and ``department`` the
    supervising department (主管部门), as written.  ``funds`` are its money lines (total
    first when written), ``goal`` the goal in words (年度目标, 总体目标, 项目实施期目标),
    ``indicators`` its indicators in the order written.

    A self-evaluation adds the weight, rate and score of the budget's execution
    (``execution_weight``, ``execution_rate``, ``execution_score``: 分值, 执行率, 得分 of the
    money) and the total row (``total_weight``, ``total_score``: 总分).
    ``indicator_weight`` is the weight the grid's heading gives all indicators together
    (``分值（90）``).  Weights and scores are :class:`~finreport.Count` in 分.
    """

    kind: FormKind
    layout: FormLayout
    span: Span
    title: Phrase | None = None
    name: Phrase | None = None
    unit: Phrase | None = None
    department: Phrase | None = None
    funds: tuple[FundLine, ...] = ()
    goal: Phrase | None = None
    indicators: tuple[PerformanceIndicator, ...] = ()
    execution_weight: Count | None = None
    execution_rate: Percent | None = None
    execution_score: Count | None = None
    indicator_weight: Count | None = None
    total_weight: Count | None = None
    total_score: Count | None = None

    def fund(self, source: FundSource) -> FundLine | None:
        """The form's fund line of *source*, when written."""
        return next((line for line in self.funds if line.source is source), None)


@attrs.frozen
class FormTotal:
    """A row of a table of forms that totals projects: the table's 合计 (``grand``) or the
    subtotal of one unit (资金使用单位), with the money it states.  ``span`` runs from the
    row to the end of the last project it totals, so the forms it totals are those inside
    it (a 合计 totals the unit rows inside it when there are any)."""

    name: Phrase
    span: Span
    grand: bool
    funds: tuple[FundLine, ...] = ()

    def fund(self, source: FundSource) -> FundLine | None:
        """The total's fund line of *source*, when written."""
        return next((line for line in self.funds if line.source is source), None)
