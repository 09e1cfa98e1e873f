"""Interval arithmetic on the precision the author wrote (XBRL Calculations 1.1).

A number written with *d* decimals stands for every value that rounds to it: the
interval ``value ± ½·10⁻ᵈ``.  Sums, differences and ratios of such intervals bound what
the exact figures could have been; a stated figure is consistent with a computed one
when their intervals meet.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import attrs

from .figures import AMOUNT_UNITS, Amount, Count, Percent

__all__ = ["Interval", "amount_intervals", "interval_of"]

_HUNDRED = Decimal(100)
#: Half a unit of the last decimal, for the precisions reports write.
_HALVES = {decimals: Decimal(5).scaleb(-(decimals + 1)) for decimals in range(8)}


@attrs.frozen
class Interval:
    """The closed interval ``[low, high]``."""

    low: Decimal
    high: Decimal

    @classmethod
    def exact(cls, value: Decimal) -> Interval:
        """The interval holding only *value*."""
        return cls(value, value)

    @classmethod
    def rounded(cls, value: Decimal, decimals: int) -> Interval:
        """Every value that rounds (half away from zero or to even) to *value* at *decimals*."""
        half = _HALVES.get(decimals)
        if half is None:
            half = Decimal(5).scaleb(-(decimals + 1))
        return cls(value - half, value + half)

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.low + other.low, self.high + other.high)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.low - other.high, self.high - other.low)

    def scale(self, factor: Decimal) -> Interval:
        """The interval times a non-negative constant."""
        return Interval(self.low * factor, self.high * factor)

    def ratio(self, whole: Interval) -> Interval | None:
        """``self / whole`` for a whole that is strictly positive, else None."""
        if whole.low <= 0:
            return None
        candidates = [a / b for a in (self.low, self.high) for b in (whole.low, whole.high)]
        return Interval(min(candidates), max(candidates))

    def percent_of(self, whole: Interval) -> Interval | None:
        """``100 · self / whole``, or None when the whole may be zero."""
        ratio = self.ratio(whole)
        return ratio.scale(_HUNDRED) if ratio is not None else None

    def meets(self, other: Interval) -> bool:
        """True when the two intervals share at least one value."""
        return self.low <= other.high and other.low <= self.high

    def contains(self, value: Decimal) -> bool:
        """True when *value* lies in the interval."""
        return self.low <= value <= self.high

    @property
    def mid(self) -> Decimal:
        """The middle of the interval."""
        return (self.low + self.high) / 2

    @property
    def radius(self) -> Decimal:
        """Half the width: the tolerance the written precision allows."""
        return (self.high - self.low) / 2

    def gap(self, other: Interval) -> Decimal:
        """How far apart the intervals are (0 when they meet)."""
        if self.meets(other):
            return Decimal(0)
        return other.low - self.high if self.high < other.low else self.low - other.high


def interval_of(figure: Amount | Percent | Count, decimals: int | None = None) -> Interval:
    """The interval a written figure stands for; amounts in 万元.

    *decimals*, when given and finer than what was written, reads the figure at that
    precision instead (see :func:`amount_intervals`).  An amount written ``0`` (no
    decimals) is exactly 0: it says "nothing", while a small sum rounded away is written
    ``0.00``.
    """
    if isinstance(figure, Amount):
        if figure.value == 0 and figure.decimals == 0:
            return _ZERO  # 0万元: nothing, not a rounded small sum
        places = figure.decimals if decimals is None or decimals < figure.decimals else decimals
        return _written(figure.value, places, figure.unit)
    if isinstance(figure, Percent):
        return _written(figure.value, figure.decimals, None)
    return Interval.exact(figure.value)


_ZERO = Interval.exact(Decimal(0))


@lru_cache(maxsize=8192)
def _written(value: Decimal, places: int, unit: str | None) -> Interval:
    """The interval of *value* written to *places* decimals in *unit* (None: 万元), kept
    once per process: a check meets the same figures in many relations.  (``1.0`` and
    ``1.00`` share a key and give the same interval: the half unit is finer than both.)"""
    interval = Interval.rounded(value, places)
    if unit is None or unit == "万元":
        return interval
    return interval.scale(AMOUNT_UNITS.get(unit, Decimal(1)))


def amount_intervals(*amounts: Amount) -> list[Interval]:
    """The intervals of amounts that take part in one relation.

    Reports drop trailing zeros (``19.7`` for ``19.70``, ``1万元`` beside ``218.28万元``), so
    each amount of a relation is read at the finest precision written among them: a
    coarser figure beside finer ones has lost its zeros, not its digits.  Amounts are
    aligned among those written in the same unit (no unit meaning 万元).
    """
    finest: dict[str, int] = {}
    for a in amounts:
        unit = a.unit or "万元"
        finest[unit] = max(finest.get(unit, 0), a.decimals)
    return [interval_of(a, finest[a.unit or "万元"]) for a in amounts]
