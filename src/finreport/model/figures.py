"""Figures: the amounts, percentages and counts a report states, each with its span.

A figure keeps the value exactly as written (``Decimal("19.70")`` keeps both decimals), the
number of decimals the author wrote (the precision they claim), and the unit as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Final

import attrs

from .span import Span

__all__ = [
    "AMOUNT_UNITS",
    "COUNT_UNITS",
    "Amount",
    "Count",
    "Figure",
    "Percent",
    "Year",
    "decimals_of",
    "parse_decimal",
]

#: Money units and their size in 万元 (ten thousand yuan).
AMOUNT_UNITS: Final[dict[str, Decimal]] = {
    "万元": Decimal(1),
    "元": Decimal("0.0001"),
    "亿元": Decimal(10000),
    "千元": Decimal("0.1"),
}

#: Units of counts the reports use.
COUNT_UNITS: Final[frozenset[str]] = frozenset(
    {"人", "户", "人次", "批次", "辆", "台(套)", "台", "套", "个", "次", "名", "家", "场次", "场",
     "项", "件", "所", "座", "分", "天", "公里"}
)

_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def parse_decimal(written: str) -> Decimal:
    """The value of a number as written: thousands separators dropped, decimals kept.

    >>> parse_decimal("2,940.05")
    Decimal('2940.05')
    >>> parse_decimal("19.70")
    Decimal('19.70')
    """
    digits = written.replace(",", "").replace("，", "")
    if not _NUMBER.fullmatch(written) and not _NUMBER.fullmatch(digits):
        raise ValueError(f"not a number: {written!r}")
    try:
        return Decimal(digits)
    except InvalidOperation as exc:  # pragma: no cover - guarded by the pattern
        raise ValueError(f"not a number: {written!r}") from exc


def written_decimals(written: str) -> int:
    """Number of decimals of a number as written (``19.70`` has 2, ``1,234`` none): the
    same as :func:`decimals_of` of its value, without building the value's digits."""
    point = written.rfind(".")
    return len(written) - point - 1 if point >= 0 else 0


def decimals_of(value: Decimal) -> int:
    """Number of decimals written in *value* (``Decimal("19.70")`` has 2)."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _is_decimal(instance: object, attribute: attrs.Attribute[Decimal], value: object) -> None:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise TypeError(f"{attribute.name} must be a finite Decimal, got {value!r}")


@attrs.frozen(repr=False)
class Amount:
    """A sum of money as written, e.g. ``268.81万元``.

    ``unit`` is the unit as written (``万元``, ``元``, ``亿元``), or ``None`` when the text
    gives none (the reports then mean 万元).  ``wan`` is the value in 万元 and
    ``decimals`` the number of decimals written.  ``approximate`` marks ``13万余元``.
    """

    value: Decimal = attrs.field(validator=_is_decimal)
    unit: str | None
    span: Span
    approximate: bool = False
    decimals: int = attrs.field()
    wan: Decimal = attrs.field()

    @decimals.default
    def _decimals(self) -> int:
        return decimals_of(self.value)

    @wan.default
    def _wan(self) -> Decimal:
        return self.value * AMOUNT_UNITS.get(self.unit or "万元", Decimal(1))

    def __attrs_post_init__(self) -> None:
        if self.decimals != decimals_of(self.value) or self.wan != self._wan():
            raise ValueError(f"decimals {self.decimals} and wan {self.wan} do not follow from "
                             f"value {self.value} {self.unit or ''}")

    def __repr__(self) -> str:
        return f"Amount({self.value}{self.unit or ''} @{self.span.start}:{self.span.end})"


@attrs.frozen(repr=False)
class Percent:
    """A percentage as written, e.g. ``占87.28%``'s ``87.28%``.

    ``value`` is in percent points (``Decimal("87.28")``); ``sign`` is false when the
    text left out the ``%``.
    """

    value: Decimal = attrs.field(validator=_is_decimal)
    span: Span
    sign: bool = True
    decimals: int = attrs.field()

    @decimals.default
    def _decimals(self) -> int:
        return decimals_of(self.value)

    def __attrs_post_init__(self) -> None:
        if self.decimals != decimals_of(self.value):
            raise ValueError(f"decimals {self.decimals} do not follow from value {self.value}")

    def __repr__(self) -> str:
        return f"Percent({self.value}% @{self.span.start}:{self.span.end})"


@attrs.frozen(repr=False)
class Count:
    """A count with its unit as written: ``107人``, ``42批次``, ``0台（套）``, ``340余人次``."""

    value: Decimal = attrs.field(validator=_is_decimal)
    unit: str
    span: Span
    approximate: bool = False

    def __repr__(self) -> str:
        return f"Count({self.value}{self.unit} @{self.span.start}:{self.span.end})"


@attrs.frozen(repr=False)
class Year:
    """A year the text names (``2019年``), as a number with its span."""

    value: int
    span: Span

    def __repr__(self) -> str:
        return f"Year({self.value} @{self.span.start}:{self.span.end})"


#: Any figure.
Figure = Amount | Percent | Count


# Trusted constructors for the reader, which builds hundreds of figures per report from
# numbers its own pattern matched: the fields are set directly, without the checks that
# ``Amount(...)`` runs for a caller's values (the figures are equal either way).
_new = object.__new__


def _slot(cls: type, name: str) -> Callable[[object, object], None]:
    setter: Callable[[object, object], None] = cls.__dict__[name].__set__
    return setter


_AMOUNT_SLOTS = tuple(_slot(Amount, n) for n in (
    "value", "unit", "span", "approximate", "decimals", "wan"))
_PERCENT_SLOTS = tuple(_slot(Percent, n) for n in ("value", "span", "sign", "decimals"))
_COUNT_SLOTS = tuple(_slot(Count, n) for n in ("value", "unit", "span", "approximate"))
_ONE = Decimal(1)


def trusted_amount(value: Decimal, unit: str | None, span: Span,
                   approximate: bool = False, decimals: int | None = None) -> Amount:
    """``Amount(value, unit, span, approximate)`` for a finite *value* and a known unit;
    *decimals*, when the caller knows them from the written number, saves finding them."""
    self = _new(Amount)
    set_value, set_unit, set_span, set_approximate, set_decimals, set_wan = _AMOUNT_SLOTS
    set_value(self, value)
    set_unit(self, unit)
    set_span(self, span)
    set_approximate(self, approximate)
    set_decimals(self, decimals_of(value) if decimals is None else decimals)
    set_wan(self, value * AMOUNT_UNITS.get(unit or "万元", _ONE))
    return self


def trusted_percent(value: Decimal, span: Span, sign: bool = True,
                    decimals: int | None = None) -> Percent:
    """``Percent(value, span, sign)`` for a finite *value* (*decimals* as for
    :func:`trusted_amount`)."""
    self = _new(Percent)
    set_value, set_span, set_sign, set_decimals = _PERCENT_SLOTS
    set_value(self, value)
    set_span(self, span)
    set_sign(self, sign)
    set_decimals(self, decimals_of(value) if decimals is None else decimals)
    return self


def trusted_count(value: Decimal, unit: str, span: Span, approximate: bool = False) -> Count:
    """``Count(value, unit, span, approximate)`` for a finite *value*."""
    self = _new(Count)
    set_value, set_unit, set_span, set_approximate = _COUNT_SLOTS
    set_value(self, value)
    set_unit(self, unit)
    set_span(self, span)
    set_approximate(self, approximate)
    return self
