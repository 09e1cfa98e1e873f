"""Interval arithmetic on the written precision (XBRL Calculations 1.1): exact values, and
the properties that make a rounding-aware check sound (never an error over rounding) and
useful (a real error of more than one unit in the last place is caught)."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from finreport import Amount, Count, Percent, Span
from finreport.model.interval import Interval, amount_intervals, interval_of

D = Decimal
AT = Span(0, 1)


def iv(low: str, high: str) -> Interval:
    return Interval(D(low), D(high))


def amount(value: str, unit: str | None = "万元") -> Amount:
    return Amount(D(value), unit, AT)


def percent(value: str) -> Percent:
    return Percent(D(value), AT)


# --------------------------------------------------------------------------- Interval


def test_exact() -> None:
    assert Interval.exact(D("2.5")) == iv("2.5", "2.5")
    assert Interval.exact(D("2.5")).radius == 0


@pytest.mark.parametrize(("value", "decimals", "low", "high"), [
    ("268.81", 2, "268.805", "268.815"),
    ("41", 0, "40.5", "41.5"),
    ("19.7", 1, "19.65", "19.75"),
    ("0", 2, "-0.005", "0.005"),
    ("91.77", 2, "91.765", "91.775"),
    ("1", 2, "0.995", "1.005"),
    ("2.125", 3, "2.1245", "2.1255"),
    ("-3.4", 1, "-3.45", "-3.35"),
])
def test_rounded(value: str, decimals: int, low: str, high: str) -> None:
    assert Interval.rounded(D(value), decimals) == iv(low, high)


def test_rounded_radius_is_half_a_unit_in_the_last_place() -> None:
    assert Interval.rounded(D("268.81"), 2).radius == D("0.005")
    assert Interval.rounded(D("41"), 0).radius == D("0.5")
    assert Interval.rounded(D("19.7"), 1).radius == D("0.05")
    assert Interval.rounded(D("268.81"), 2).mid == D("268.81")


def test_add() -> None:
    total = (Interval.rounded(D("234.62"), 2) + Interval.rounded(D("17.30"), 2)
             + Interval.rounded(D("6.66"), 2) + Interval.rounded(D("10.23"), 2))
    assert total == iv("268.790", "268.830")
    assert total.radius == D("0.020")
    assert total.meets(Interval.rounded(D("268.81"), 2))
    assert not total.meets(Interval.rounded(D("268.85"), 2))
    assert iv("1", "2") + iv("-3", "0.5") == iv("-2", "2.5")


def test_sub() -> None:
    assert iv("10", "11") - iv("1", "3") == iv("7", "10")
    prior = Interval.rounded(D("268.81"), 2) + Interval.rounded(D("185.16"), 2)
    assert prior == iv("453.960", "453.980")
    assert Interval.rounded(D("268.81"), 2) - Interval.rounded(D("24.13"), 2) == iv(
        "244.670", "244.690")


def test_scale() -> None:
    assert iv("1", "2").scale(D(100)) == iv("100", "200")
    assert Interval.rounded(D("5000"), 0).scale(D("0.0001")) == iv("0.49995", "0.50005")


def test_ratio() -> None:
    assert Interval.exact(D(1)).ratio(Interval.exact(D(4))) == iv("0.25", "0.25")
    assert iv("1", "2").ratio(iv("4", "8")) == iv("0.125", "0.5")
    assert iv("-1", "2").ratio(iv("4", "8")) == iv("-0.25", "0.5")
    assert iv("1", "2").ratio(iv("0", "8")) is None
    assert iv("1", "2").ratio(iv("-0.005", "0.005")) is None
    assert iv("1", "2").ratio(iv("-2", "-1")) is None


def test_percent_of() -> None:
    assert Interval.exact(D(1)).percent_of(Interval.exact(D(8))) == iv("12.5", "12.5")
    assert iv("1", "2").percent_of(iv("4", "5")) == iv("20", "50")
    assert Interval.exact(D(1)).percent_of(Interval.exact(D(0))) is None
    share = Interval.rounded(D("244.16"), 2).percent_of(Interval.rounded(D("266.04"), 2))
    assert share is not None
    assert share.low == D("244.155") * 100 / D("266.045")
    assert share.high == D("244.165") * 100 / D("266.035")
    assert str(share.low.quantize(D("0.0001"))) == "91.7721"
    assert str(share.high.quantize(D("0.0001"))) == "91.7793"


def test_meets() -> None:
    assert iv("1", "2").meets(iv("2", "3"))  # touching ends meet: the intervals are closed
    assert iv("2", "3").meets(iv("1", "2"))
    assert iv("1", "5").meets(iv("2", "3"))
    assert iv("2", "3").meets(iv("1", "5"))
    assert not iv("1", "2").meets(iv("2.0001", "3"))
    assert not iv("2.0001", "3").meets(iv("1", "2"))


def test_contains() -> None:
    assert iv("1", "2").contains(D(1))
    assert iv("1", "2").contains(D(2))
    assert not iv("1", "2").contains(D("2.01"))


def test_gap() -> None:
    assert iv("1", "2").gap(iv("3", "4")) == D(1)
    assert iv("3", "4").gap(iv("1", "2")) == D(1)
    assert iv("1", "2").gap(iv("2", "4")) == D(0)
    assert iv("1", "5").gap(iv("2", "3")) == D(0)
    # 3.44% against 9.13 / 266.04
    stated = Interval.rounded(D("3.44"), 2)
    computed = Interval.rounded(D("9.13"), 2).percent_of(Interval.rounded(D("266.04"), 2))
    assert computed is not None
    assert stated.gap(computed) == D("3.435") - D("9.135") * 100 / D("266.035")
    assert stated.gap(computed) > 0


def test_radius() -> None:
    assert iv("1", "2").radius == D("0.5")
    assert Interval.exact(D(7)).radius == 0
    assert (Interval.rounded(D("1.5"), 1) + Interval.rounded(D("2"), 0)).radius == D("0.55")


# --------------------------------------------------------------------------- worked examples


def test_share_91_77_holds_and_3_44_does_not() -> None:
    whole = amount("266.04")
    for part, stated, holds in (("244.16", "91.77", True), ("9.13", "3.44", False),
                                ("9.13", "3.43", True), ("21.88", "8.22", True)):
        a, b = amount_intervals(amount(part), whole)
        computed = a.percent_of(b)
        assert computed is not None
        assert interval_of(percent(stated)).meets(computed) is holds, (part, stated)


def test_decrease_41_percent_at_half_a_point() -> None:
    current, delta = amount_intervals(amount("268.81"), amount("185.16"))
    computed = delta.percent_of(current + delta)
    assert computed is not None
    assert interval_of(percent("41")) == iv("40.5", "41.5")
    assert interval_of(percent("41")).meets(computed)
    assert not interval_of(percent("45")).meets(computed)
    assert not interval_of(percent("40.5")).meets(computed)  # 40.5 claims ±0.05


# --------------------------------------------------------------------------- interval_of


def test_interval_of_amounts() -> None:
    assert interval_of(amount("268.81")) == iv("268.805", "268.815")
    assert interval_of(amount("19.7")) == iv("19.65", "19.75")
    assert interval_of(amount("3", None)) == iv("2.5", "3.5")
    assert interval_of(amount("10000", "元")) == iv("0.99995", "1.00005")
    assert interval_of(amount("1.5", "亿元")) == iv("14500", "15500")
    assert interval_of(amount("123", "千元")) == iv("12.25", "12.35")


def test_interval_of_zero() -> None:
    """``0万元`` says "nothing" and is exact; ``0.00万元`` is a small sum rounded away."""
    assert interval_of(amount("0")) == iv("0", "0")
    assert interval_of(amount("0"), 2) == iv("0", "0")
    assert interval_of(amount("0", None)) == iv("0", "0")
    assert interval_of(amount("0", "元")) == iv("0", "0")
    assert interval_of(amount("0.00")) == iv("-0.005", "0.005")
    assert interval_of(amount("0.0")) == iv("-0.05", "0.05")
    assert interval_of(percent("0")) == iv("-0.5", "0.5")  # percentages as written


def test_interval_of_at_finer_precision() -> None:
    assert interval_of(amount("1"), 2) == iv("0.995", "1.005")
    assert interval_of(amount("19.7"), 2) == iv("19.695", "19.705")
    # a coarser precision than written never widens the interval
    assert interval_of(amount("19.70"), 0) == iv("19.695", "19.705")
    assert interval_of(amount("19.70"), None) == iv("19.695", "19.705")


def test_interval_of_percent_and_count() -> None:
    assert interval_of(percent("41")) == iv("40.5", "41.5")
    assert interval_of(percent("87.28")) == iv("87.275", "87.285")
    assert interval_of(percent("87.28"), 4) == iv("87.275", "87.285")  # percentages as written
    assert interval_of(Count(D(107), "人", AT)) == iv("107", "107")


# --------------------------------------------------------------------------- amount_intervals


def test_amount_intervals_read_at_the_finest_precision() -> None:
    assert amount_intervals(amount("218.28"), amount("1")) == [
        iv("218.275", "218.285"), iv("0.995", "1.005")]
    assert amount_intervals(amount("19.7"), amount("19.70")) == [
        iv("19.695", "19.705"), iv("19.695", "19.705")]
    assert amount_intervals(amount("3"), amount("1"), amount("2")) == [
        iv("2.5", "3.5"), iv("0.5", "1.5"), iv("1.5", "2.5")]
    assert amount_intervals(amount("1"), amount("218.28"), amount("2.5")) == [
        iv("0.995", "1.005"), iv("218.275", "218.285"), iv("2.495", "2.505")]
    assert amount_intervals(amount("218.28"), amount("0"), amount("0.00")) == [
        iv("218.275", "218.285"), iv("0", "0"), iv("-0.005", "0.005")]
    assert amount_intervals() == []


def test_amount_intervals_keep_other_units_as_written() -> None:
    assert amount_intervals(amount("218.28"), amount("5000", "元")) == [
        iv("218.275", "218.285"), iv("0.49995", "0.50005")]


def test_trailing_zeros_reading_decides_a_sum() -> None:
    """``1万元`` beside ``218.28万元`` stands for 1.00: 219.31 is not 218.28 + 1."""
    total, part_a, part_b = amount_intervals(amount("219.31"), amount("218.28"), amount("1"))
    assert not total.meets(part_a + part_b)
    # read alone, 1 would have covered [0.5, 1.5] and hidden the error
    assert interval_of(amount("219.31")).meets(interval_of(amount("218.28"))
                                               + interval_of(amount("1")))


def test_amount_intervals_treat_a_missing_unit_as_wan() -> None:
    assert amount_intervals(amount("218.28", None), amount("1")) == [
        iv("218.275", "218.285"), iv("0.995", "1.005")]


def test_amount_intervals_align_each_unit_among_its_own() -> None:
    assert amount_intervals(amount("5000", "元"), amount("218.28"), amount("1")) == [
        iv("0.49995", "0.50005"), iv("218.275", "218.285"), iv("0.995", "1.005")]


# --------------------------------------------------------------------------- properties

MAX_CENTS = 10**9


@st.composite
def written(draw: st.DrawFn, max_places: int = 3, min_value: int = 0) -> Decimal:
    """A non-negative Decimal with 0–*max_places* decimals, kept as written."""
    places = draw(st.integers(0, max_places))
    units = draw(st.integers(min_value * 10**places, MAX_CENTS))
    return Decimal(units).scaleb(-places)


def places_of(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return max(0, -exponent)


def round_at(value: Decimal, decimals: int, rounding: str = ROUND_HALF_UP) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=rounding)


@given(written(), written(), st.integers(0, 3), st.sampled_from([ROUND_HALF_UP,
                                                                  ROUND_HALF_EVEN]))
@example(D("0.005"), D("0.005"), 2, ROUND_HALF_UP)
@example(D("1.5"), D("2.5"), 0, ROUND_HALF_EVEN)
def test_sum_of_rounded_values_lies_in_sum_of_intervals(
        a: Decimal, b: Decimal, decimals: int, rounding: str) -> None:
    ra, rb = round_at(a, decimals, rounding), round_at(b, decimals, rounding)
    computed = Interval.rounded(ra, decimals) + Interval.rounded(rb, decimals)
    assert computed.contains(a + b)
    # and the total, rounded on its own, is consistent with its rounded parts
    assert Interval.rounded(round_at(a + b, decimals, rounding), decimals).meets(computed)


@given(written(), written())
def test_sum_at_written_precision(a: Decimal, b: Decimal) -> None:
    """Figures as written, each at its own precision: the exact sum is in the interval."""
    computed = interval_of(Amount(a, "万元", AT)) + interval_of(Amount(b, "万元", AT))
    assert computed.contains(a + b)
    finest = max(places_of(a), places_of(b))
    total = Amount(a + b, "万元", AT)
    assert total.decimals == finest
    stated, *parts = amount_intervals(total, Amount(a, "万元", AT), Amount(b, "万元", AT))
    assert stated.meets(parts[0] + parts[1])


@st.composite
def part_and_whole(draw: st.DrawFn, min_whole: int = 1) -> tuple[Decimal, Decimal, int]:
    """(part, whole, places): 0 ≤ part ≤ whole, both written with *places* decimals."""
    places = draw(st.integers(0, 2))
    whole = draw(st.integers(min_whole * 10**places, 10**8))
    part = draw(st.integers(0, whole))
    return D(part).scaleb(-places), D(whole).scaleb(-places), places


@given(part_and_whole(), st.integers(0, 3), st.sampled_from([ROUND_HALF_UP, ROUND_HALF_EVEN]))
@example((D("9.13"), D("266.04"), 2), 2, ROUND_HALF_UP)
@example((D("1"), D("8"), 0), 1, ROUND_HALF_UP)   # 12.5% exactly: a tie
@example((D("1"), D("8"), 0), 0, ROUND_HALF_EVEN)  # 12% by the other tie rule
def test_correctly_rounded_share_always_meets(
        pw: tuple[Decimal, Decimal, int], decimals: int, rounding: str) -> None:
    """Never cries wolf over rounding: a share computed from the figures as written and
    rounded correctly at any precision meets the computed interval."""
    part, whole, _ = pw
    stated = round_at(part * 100 / whole, decimals, rounding)
    a, b = amount_intervals(Amount(part, "万元", AT), Amount(whole, "万元", AT))
    computed = a.percent_of(b)
    assert computed is not None
    assert interval_of(Percent(stated, AT)).meets(computed)


@given(part_and_whole(), st.integers(0, 2), st.integers(2, 9), st.booleans())
@example((D("9.13"), D("266.04"), 2), 2, 2, True)
def test_share_off_by_more_than_one_unit_never_meets(
        pw: tuple[Decimal, Decimal, int], decimals: int, units: int, up: bool) -> None:
    """Catches real errors: a share at least two units in its last place off the correctly
    rounded one never meets, once the whole is large enough that the rounding of the
    amounts moves the share by less than one unit (whole > 10^(decimals + 2 − places))."""
    part, whole, places = pw
    assume(whole >= 10 ** (decimals + 2 - places) + 1)
    correct = round_at(part * 100 / whole, decimals)
    unit = Decimal(1).scaleb(-decimals)
    stated = correct + units * unit if up else correct - units * unit
    a, b = amount_intervals(Amount(part, "万元", AT), Amount(whole, "万元", AT))
    computed = a.percent_of(b)
    assert computed is not None
    assert not Interval.rounded(stated, decimals).meets(computed)
    assert Interval.rounded(stated, decimals).gap(computed) > 0


@given(st.lists(written(2), min_size=1, max_size=4), written(2))
def test_amount_intervals_finest_precision(parts: list[Decimal], other: Decimal) -> None:
    amounts = [Amount(p, "万元", AT) for p in [*parts, other]]
    finest = max(places_of(p) for p in [*parts, other])
    intervals = amount_intervals(*amounts)
    assert len(intervals) == len(amounts)
    for a, got in zip(amounts, intervals, strict=True):
        if a.value == 0 and a.decimals == 0:  # ``0``: nothing, exactly
            assert got == Interval.exact(D(0))
            continue
        assert got == Interval.rounded(a.value, finest)
        assert got.radius == Decimal(5).scaleb(-(finest + 1))
