"""Budget lines: one functional-classification line (类/款/项) with its amounts."""

from __future__ import annotations

import attrs

from .entries import Change
from .facts import Basis
from .figures import Amount, Figure, Percent
from .span import Phrase, Span

__all__ = ["BudgetLine", "Classification"]


@attrs.frozen
class Classification:
    """A functional-classification path as written: category 类, group 款, item 项.

    ``code`` is the classification code when the text gives one (``2010601``).
    """

    category: Phrase | None
    group: Phrase | None = None
    item: Phrase | None = None
    code: Phrase | None = None

    @property
    def level(self) -> str:
        """The deepest level written: ``类``, ``款`` or ``项``."""
        return "项" if self.item else "款" if self.group else "类"

    @property
    def path(self) -> str:
        """The path as a report writes it: ``X（类）Y（款）Z（项）``, its levels that are given."""
        return "".join(p.text + mark for p, mark in (
            (self.category, "（类）"), (self.group, "（款）"), (self.item, "（项）"))
                       if p is not None)


@attrs.frozen(repr=False)
class BudgetLine:
    """One functional-classification line of the general budget (or a fund budget).

    ``amount`` is the final amount (决算数), ``budget`` the initial budget (年初预算),
    ``completion`` the stated completion rate, ``share`` a stated share, ``comparison``
    the words comparing final with budget (``决算数小于预算数``); whichever the text states.
    ``restated`` holds further figures written about the same line, ``change`` the
    change against the prior year (budgets state one for every line), ``restated_changes``
    a change stated again (never compared with the amount), ``adjusted`` the full-year
    or adjusted budget (全年预算, 调整预算) and ``completion_of`` the budget a completion rate
    is of where the text says (``完成全年预算的``), ``budget_change`` the budget's change
    during the year (``年中追加50万元``).  In a budget report ``amount`` is this year's
    budget.
    """

    classification: Classification
    span: Span
    number: Phrase | None = None
    amount: Amount | None = None
    budget: Amount | None = None
    completion: Percent | None = None
    share: Percent | None = None
    comparison: Phrase | None = None
    restated: tuple[Figure, ...] = ()
    change: Change | None = None
    restated_changes: tuple[Change, ...] = ()
    adjusted: Amount | None = None
    completion_of: Basis | None = None
    budget_change: Change | None = None

    @classmethod
    def parse(cls, text: str) -> BudgetLine:
        """Read a budget line from its sentence, e.g.
        ``社会保障和就业（类）行政事业单位离退休（款）归口管理的行政单位离退休（项）:支出决算为9.13万元``.

        Spans are offsets into *text*.  Raises :class:`~finreport.ReportError` when the
        sentence names no classification.  (A delegate: the reading is
        ``finreport.read.budget_lines.parse_budget_line``.)
        """
        from ..read.budget_lines import parse_budget_line

        return parse_budget_line(text)

    def __repr__(self) -> str:
        c = self.classification
        path = "/".join(p.text for p in (c.category, c.group, c.item) if p is not None)
        code = f"{c.code.text} " if c.code is not None else ""
        amount = f", {self.amount!r}" if self.amount is not None else ""
        return f"BudgetLine({code}{path}{amount})"
