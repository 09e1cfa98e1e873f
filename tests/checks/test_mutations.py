"""Mutation tests: change a figure that takes part in a relation by more than rounding
allows, and ``check`` reports an error whose spans include it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import finreport
from finreport import Amount, Entry, Figure, Percent, Report, Severity
from tests.conftest import SEED_000, SEED_002, corpus_dir, read_fixture


def _amounts(entries: tuple[Entry, ...] | list[Entry]) -> Iterator[Figure]:
    for entry in entries:
        if entry.amount is not None:
            yield entry.amount


def relation_figures(report: Report) -> list[Figure]:
    """The figures of the relations the issue names, enumerated from the model."""
    found: list[Figure] = []
    for part in (report.income, report.expenditure):
        if part is not None and part.total is not None and part.items:
            found.extend(_amounts([part.total, *part.items]))
            if part.total.amount is not None and part.total.amount.wan:
                found.extend(e.share for e in part.items if e.share is not None)
    gb = report.general_budget
    if gb is not None:
        found.extend(_amounts([e for e in (gb.total, gb.structure_total, gb.execution) if e]))
        found.extend(_amounts(gb.classes))
        found.extend(e.share for e in gb.classes if e.share is not None)
        if not report.kind.is_budget:  # final accounts' lines add up to the total (FR102)
            found.extend(line.amount for line in gb.lines if line.amount is not None)
    b = report.basic_expenditure
    if b is not None:
        found.extend(_amounts([e for e in (b.total, b.personnel, b.public) if e]))
    for entry in (report.grand_total, report.fiscal_appropriation, report.operating_costs,
                  gb.total if gb else None):
        change = entry.change if entry is not None else None
        if change is None or change.direction is None or change.direction.text not in (
                "增加", "减少") or change.amount is None or change.percent is None:
            continue
        found.extend([change.amount, change.percent])
    t = report.three_public
    if t is not None and all(p is not None for p in t.parts()):
        found.extend(_amounts([e for e in (t.total, *t.parts()) if e is not None]))
        if t.total is None:
            # a budget's shares of the 三公 total, which is never written
            found.extend(p.share for p in t.parts() if p is not None and p.share is not None)
    if report.kind.is_budget and gb is not None:
        # a budget states every line's change: amount, change and rate hold together
        for line in gb.lines:
            c = line.change
            if (line.amount is not None and c is not None and c.amount is not None
                    and c.percent is not None and c.amount.wan != line.amount.wan):
                found.extend([line.amount, c.amount, c.percent])
    for listed in report.enumerations:
        if listed.total is not None:
            found.extend(_amounts([listed.total, *listed.items]))
    for annex in report.annexes:
        for part in (annex.income, annex.expenditure):
            if part is not None and part.total is not None and part.total.amount is not None:
                found.append(part.total.amount)
                found.extend(e.amount for e in part.items
                             if e.amount is not None and ("经费" in e.name.text
                                                          or "项目支出" in e.name.text))
    unique: dict[finreport.Span, Figure] = {f.span: f for f in found}
    return sorted(unique.values(), key=lambda f: f.span.start)


def mutate(text: str, figure: Figure, digit: str) -> tuple[str, int]:
    """The text with the figure's leading digit replaced, and the changed offset."""
    written = text[figure.span.start : figure.span.end]
    i = next(i for i, ch in enumerate(written) if ch.isdigit())
    at = figure.span.start + i
    return text[:at] + digit + text[at + 1 :], at


def _errors_at(text: str, at: int) -> list[finreport.Finding]:
    findings = finreport.check(finreport.parse(text))
    return [f for f in findings if f.severity is Severity.ERROR
            and any(s.start <= at < s.end for s in f.spans)]


def _texts() -> list[tuple[str, str]]:
    texts = [(name, read_fixture(f"{name}.txt"))
             for name in ("seedstyle_consistent", "pdf2024_consistent",
                          "budget_jiangsu_consistent", "budget2024_consistent",
                          "university_final_consistent")]
    where = corpus_dir()
    if where is not None:
        for name in (SEED_000, SEED_002):
            if (where / name).is_file():
                texts.append((name, (where / name).read_text(encoding="utf-8")))
    return texts


TEXTS = _texts()
CASES = [(name, index) for name, text in TEXTS
         for index in range(len(relation_figures(finreport.parse(text))))]


def test_relation_figures_are_many() -> None:
    counts = {name: len(relation_figures(finreport.parse(text))) for name, text in TEXTS}
    assert all(count >= 20 for count in counts.values()), counts


@pytest.mark.parametrize(("name", "index"), CASES)
def test_leading_digit_mutation_is_an_error(name: str, index: int) -> None:
    text = dict(TEXTS)[name]
    figure = relation_figures(finreport.parse(text))[index]
    written = text[figure.span.start : figure.span.end]
    digit = "5" if written.lstrip()[0] not in "5" else "8"
    mutated, at = mutate(text, figure, digit)
    assert _errors_at(mutated, at), f"{written!r} -> {digit} at {figure.span}"


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_random_large_mutation_is_an_error(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from([name for name, _ in TEXTS]))
    text = dict(TEXTS)[name]
    figures = relation_figures(finreport.parse(text))
    index = data.draw(st.integers(0, len(figures) - 1))
    figure = figures[index]
    # a figure of a relation that is already broken may be changed into agreement
    assume(not _errors_at(text, figure.span.start))
    written = text[figure.span.start : figure.span.end]
    leading = next(ch for ch in written if ch.isdigit())
    value = figure.value
    # a new leading digit that moves the value by at least a third of itself or by 3 units
    choices = [d for d in "123456789" if abs(int(d) - int(leading)) >= 3 or (
        leading == "0" and d != "0")]
    digit = data.draw(st.sampled_from(choices))
    mutated, at = mutate(text, figure, digit)
    assert _errors_at(mutated, at), (name, written, digit, str(value), figure.span)
    assert index >= 0


def test_mutation_helpers_on_a_share() -> None:
    text = read_fixture("seedstyle_consistent.txt")
    report = finreport.parse(text)
    share = next(f for f in relation_figures(report) if isinstance(f, Percent))
    mutated, at = mutate(text, share, "9")
    assert mutated[at] == "9"
    assert isinstance(next(iter(relation_figures(report))), Amount | Percent)
