"""Findings: what a check reports, with the spans that prove it and the numbers as data."""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs

from .span import Span

__all__ = ["Evidence", "Finding", "Severity"]


class Severity(enum.Enum):
    """How much a finding matters: ``error`` (the figures contradict each other),
    ``warning`` (likely wrong, or written two ways), ``info`` (worth knowing)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for error, 1 for warning, 2 for info."""
        return ("error", "warning", "info").index(self.value)


@attrs.frozen
class Evidence:
    """The numbers behind a finding.

    ``stated`` is the figure as the report states it; ``expected_low``/``expected_high``
    the interval the other figures allow (equal when exact); ``difference`` how far the
    stated value lies from the nearest allowed value; ``tolerance`` the rounding the
    written precision allows; ``unit`` the unit of all of these (``万元``, ``%``, …).
    """

    stated: Decimal | None = None
    expected_low: Decimal | None = None
    expected_high: Decimal | None = None
    difference: Decimal | None = None
    tolerance: Decimal | None = None
    unit: str | None = None


@attrs.frozen(order=False, repr=False)
class Finding:
    """One inconsistency (or observation) in a report.

    ``code`` is the rule's stable code (``FR101``); ``spans`` cover every figure or phrase
    involved, the first being the one the finding is about; ``evidence`` the numbers.
    """

    code: str
    severity: Severity
    message: str
    spans: tuple[Span, ...]
    evidence: Evidence = Evidence()

    @property
    def span(self) -> Span:
        """Where the finding points: its first span."""
        return self.spans[0] if self.spans else Span(0, 0)

    def sort_key(self) -> tuple[int, int, str]:
        """Position in the text, then code: the order :func:`finreport.check` returns."""
        return self.span.start, self.span.end, self.code

    def __repr__(self) -> str:
        return (f"Finding({self.code} {self.severity.value} {self.message!r} "
                f"@{self.span.start}:{self.span.end})")


