"""Every check made: what a rule compared, and whether it held.

A finding says what failed; an auditor also needs to see what was confirmed.  Each
comparison a rule makes is a :class:`Check`: the rule, the spans of the figures it
compared (the stated one first), the stated value and the interval the other figures
allow, and its :class:`Outcome` — it holds, it fails (a finding says so too), or the
rule abstained, with the reason (a figure it needed is not bound with certainty).
"""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs

from .findings import Finding
from .span import Span

__all__ = ["Audit", "Check", "Outcome"]


class Outcome(enum.Enum):
    """How a check came out."""

    HOLDS = "holds"  # the figures agree within the rounding written
    FAILS = "fails"  # they do not: a finding reports it
    ABSTAINED = "abstained"  # not compared: the reason says why


@attrs.frozen
class Check:
    """One comparison a rule made.

    ``code`` is the rule's; ``spans`` cover the figures compared, the stated one first;
    ``stated`` is the stated value and ``expected_low``/``expected_high`` the interval the
    other figures allow (``None`` where the check compares no number: a word, a count of
    items), in ``unit``; ``reason`` says why a check abstained.
    """

    code: str
    spans: tuple[Span, ...]
    outcome: Outcome
    stated: Decimal | None = None
    expected_low: Decimal | None = None
    expected_high: Decimal | None = None
    unit: str | None = None
    reason: str | None = None


@attrs.frozen
class Audit:
    """What checking a report gives: its ``findings`` (as :func:`finreport.check` returns
    them) and every ``check`` the rules made, in the order they made them."""

    findings: tuple[Finding, ...]
    checks: tuple[Check, ...]

    def verified(self) -> frozenset[Span]:
        """The spans of the figures some check compared and found to hold."""
        return frozenset(span for check in self.checks if check.outcome is Outcome.HOLDS
                         for span in check.spans)

    def counts(self) -> dict[Outcome, int]:
        """How many checks held, failed and abstained."""
        found = dict.fromkeys(Outcome, 0)
        for check in self.checks:
            found[check.outcome] += 1
        return found
