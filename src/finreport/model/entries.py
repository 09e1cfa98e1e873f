"""Entries: one named quantity of the narrative with everything stated about it."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from .facts import Basis, Scope
from .figures import Amount, Count, Figure, Percent, Year
from .span import Phrase

__all__ = ["Change", "Entry"]


@attrs.frozen(repr=False)
class Change:
    """A change against another year as stated: ``与2019年相比…减少185.16万元，下降41%``.

    ``direction`` is the word before the amount (``增加``, ``减少``, ``持平``, or template
    residue such as ``增加/减少``), ``percent_direction`` the word before the percentage
    (``增长``, ``下降``).  ``compared_year`` is the year named as the comparison, ``prior``
    the amount of that year when the text writes it (``比2023年的580.20万元增加…``),
    ``compared_basis`` the kind of amount it is compared with when the comparison names
    it (``比上年执行数增加…`` compares with last year's execution, ``比上年预算数…`` with its
    budget).
    """

    compared_year: Year | None = None
    direction: Phrase | None = None
    amount: Amount | None = None
    percent_direction: Phrase | None = None
    percent: Percent | None = None
    prior: Amount | None = None
    compared_basis: Basis | None = None

    @property
    def flat(self) -> bool:
        """True when the text says 持平 (no change)."""
        return any(p is not None and "持平" in p.text
                   for p in (self.direction, self.percent_direction))

    def __repr__(self) -> str:
        parts = [p for p in (self.direction.text if self.direction else None,
                             repr(self.amount) if self.amount else None,
                             repr(self.percent) if self.percent else None,
                             f"vs {self.compared_year.value}" if self.compared_year else None)
                 if p]
        return f"Change({' '.join(parts)})"


@attrs.frozen(repr=False)
class Entry:
    """One named quantity of a narrative section with everything stated about it.

    ``name`` is the subject as written (``基本支出``, ``一般公共服务（类）支出``).  ``amount`` is
    the amount (the final amount in a final-accounts report); ``restated`` holds the same
    quantity written again in the section.  ``share`` is its ``占 x%``; ``change`` its change
    against the prior year; ``budget``, ``completion`` and ``comparison`` (``决算数小于预算数``)
    its budget execution; ``counts`` the counts stated about it; ``percent`` a percentage
    that is none of those (``满意度达到95%``); ``period`` the year words in front of it
    (``本年度``, ``2019年``); ``absent`` a statement that there is none
    (``无“三公”经费财政拨款支出``); ``no_budget`` the words ``年初未安排预算``;
    ``share_of`` the whole its share names (``占“三公”经费的`` gives ``“三公”经费``);
    ``threshold`` the amount that qualifies what the entry counts (``单价100万元以上设备``:
    the equipment counted is that of 100万元 a piece or more), part of its subject, never a
    quantity of the report's money; ``restated_changes`` the changes stated again where the
    quantity is restated (``财政拨款支出…比上年增加…`` after ``财政拨款收入…比上年增加…``: a
    change, never compared with the quantity itself); ``funded_by`` the words saying all
    of its amount is one fund's money, written right after it (``涉及预算拨款39,560.87万元，
    均为一般公共预算拨款`` gives ``均为一般公共预算拨款``); ``budget_change`` the budget's
    change during the year (``年中追加50万元``, ``调减…``: its word and amount), never the
    amount spent.

    The entry is a fact in context: ``name`` says what it measures, ``period`` when;
    the basis of each amount is its field (``amount`` the final amount, or this year's
    budget in a budget report; ``budget`` the initial budget 年初预算; ``adjusted`` the
    full-year or adjusted budget 全年预算/调整预算, never compared with ``budget``;
    ``execution`` 执行数), ``completion_of`` the budget a completion rate is of when the
    text names the adjusted one, and ``scope`` the money it covers where the name says
    (财政拨款 only, or all funds).
    """

    name: Phrase
    amount: Amount | None = None
    share: Percent | None = None
    change: Change | None = None
    budget: Amount | None = None
    completion: Percent | None = None
    comparison: Phrase | None = None
    execution: Amount | None = None
    counts: tuple[Count, ...] = ()
    percent: Percent | None = None
    restated: tuple[Figure, ...] = ()
    period: Phrase | None = None
    absent: Phrase | None = None
    no_budget: Phrase | None = None
    share_of: Phrase | None = None
    adjusted: Amount | None = None
    completion_of: Basis | None = None
    scope: Scope | None = None
    threshold: Amount | None = None
    restated_changes: tuple[Change, ...] = ()
    funded_by: Phrase | None = None
    budget_change: Change | None = None

    def figures(self) -> Iterator[Figure]:
        """Every figure of the entry, in no particular order."""
        for figure in (self.amount, self.share, self.budget, self.completion, self.execution,
                       self.percent, self.adjusted, self.threshold):
            if figure is not None:
                yield figure
        for change in (self.change, *self.restated_changes):
            if change is not None:
                yield from (f for f in (change.amount, change.percent, change.prior)
                            if f is not None)
        if self.budget_change is not None and self.budget_change.amount is not None:
            yield self.budget_change.amount
        yield from self.counts
        yield from self.restated

    def __repr__(self) -> str:
        said = [repr(f) for f in (self.amount, self.share, self.budget) if f is not None]
        if self.change is not None:
            said.append(repr(self.change))
        return f"Entry({self.name.text!r}{', ' if said else ''}{', '.join(said)})"
