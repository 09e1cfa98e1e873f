"""Helpers of the figure tables of the parser tests (``test_parse_seed000.py``,
``test_parse_seed002.py``, ``test_parse_fixtures.py``): each of those lists the figures a
report states, as read from its text, and checks the parsed report against them.

A figure is checked as ``(value, unit, decimals, as written)`` (:func:`fig` against
:func:`expected`) and by its place (:func:`at`): ``where`` is the 1-based line it starts on, or
``(line, snippet)`` when the line holds the same text more than once (the figure is the one
inside ``snippet``).  :func:`F` makes one row of such a table, a ``pytest.param`` whose
``path`` names the field holding the figure (followed by :func:`resolve`); :func:`pair` and
:func:`budget_line` make the rows of common sentences.

``tests/conftest.py`` registers this module for pytest's assertion rewriting, so a failing
check here reports its values as it would in a test module.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

import pytest

import finreport
from finreport import Amount, Count, Percent, Span
from finreport import SectionKind as K

__all__ = [
    "F",
    "at",
    "budget_line",
    "check_figure",
    "decimals",
    "entry_ids",
    "expected",
    "fig",
    "held_figures",
    "pair",
    "part_span",
    "resolve",
    "slice_of",
]

_MONEY = {None, "万元", "元", "亿元"}
_BEFORE = re.compile(r".?[0-9０-９]|[0-9０-９][.,．]")  # ends a number
_AFTER = re.compile(r"[0-9０-９].?|[.,．][0-9０-９]")  # continues one


def decimals(value: str) -> int:
    """Decimals written in *value* (``"19.70"`` has 2)."""
    return len(value.partition(".")[2])


def expected(value: str, unit: str | None, written: str) -> tuple[object, ...]:
    """What :func:`fig` must give: counts have no ``decimals``."""
    return (Decimal(value), unit, None if unit not in _MONEY else decimals(value), written)


def fig(text: str, figure: Amount | Percent | Count) -> tuple[object, ...]:
    """A figure as ``(value, unit, decimals, as written)``; percentages have no unit."""
    return (figure.value, getattr(figure, "unit", None), getattr(figure, "decimals", None),
            text[figure.span.start:figure.span.end])


def at(text: str, where: int | tuple[int, str], written: str) -> Span:
    """The span of *written* on line *where* (or inside ``(line, snippet)``)."""
    line, snippet = where if isinstance(where, tuple) else (where, written)
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    first = starts[line - 1]
    last_line = line + snippet.count("\n")
    stop = starts[last_line] - 1 if last_line < len(starts) else len(text)
    region = text[first:stop]
    assert region.count(snippet) == 1, f"{snippet!r} is not once on line {line}"
    assert snippet.count(written) == 1, f"{written!r} is not once in {snippet!r}"
    start = first + region.index(snippet) + snippet.index(written)
    end = start + len(written)
    assert not _BEFORE.fullmatch(text[max(0, start - 2):start]), f"{written!r} continues a number"
    assert not (written[-1].isdigit() and _AFTER.fullmatch(text[end:end + 2])), \
        f"{written!r} is continued by a number"
    return Span(start, end)


def slice_of(text: str, phrase: object) -> str | None:
    """The text a phrase (or anything with a ``span``) covers, or None."""
    if phrase is None:
        return None
    span = phrase.span  # type: ignore[attr-defined]
    return text[span.start:span.end]


_STEP = re.compile(r"(?P<attr>[a-z_0-9]+)(?:\[(?P<key>[^\]]+)\])?")


def _label(item: object) -> str:
    if hasattr(item, "classification"):
        return item.classification.item.text  # type: ignore[attr-defined]
    return item.name.text  # type: ignore[attr-defined]


def resolve(obj: object, path: str) -> object:
    """Follow ``a.b[2].c`` or ``a.items[其他收入].share`` (an item chosen by its name; a
    budget line by its 项 name)."""
    for step in path.split("."):
        m = _STEP.fullmatch(step)
        assert m is not None, step
        obj = getattr(obj, m["attr"])
        key = m["key"]
        if key is None:
            continue
        if key.isdigit():
            obj = obj[int(key)]  # type: ignore[index]
        else:
            found = [item for item in obj if _label(item) == key]  # type: ignore[attr-defined]
            assert len(found) == 1, f"{len(found)} items named {key!r} in {path}"
            obj = found[0]
    return obj


def F(path: str, value: str, unit: str | None, written: str, where: int | tuple[int, str],
      xfail: str | None = None, *, doc: str | None = None) -> object:
    """One expected figure: the field holding it, value, unit, as written, and where.

    With *doc* (a fixture's file name) the row is one of that report: *doc* comes first
    among the values and the id is ``{doc[:8]}:{path}`` instead of *path*."""
    marks = [pytest.mark.xfail(reason=f"parser: {xfail}", strict=True)] if xfail else []
    if doc is None:
        return pytest.param(path, value, unit, written, where, id=path, marks=marks)
    return pytest.param(doc, path, value, unit, written, where, id=f"{doc[:8]}:{path}",
                        marks=marks)


def pair(collection: str, line: int, label: str, amount: str, share: str,
         sep: str = "，占", *, doc: str | None = None) -> list[object]:
    """Rows for ``{label}{amount}万元{sep}{share}%`` on *line*: the item's amount and share
    (of fixture *doc*, if given: see :func:`F`)."""
    key = label.replace("（", "(").replace("）", ")")
    head = f"{label}{amount}万元"
    return [
        F(f"{collection}[{key}].amount", amount, "万元", f"{amount}万元", (line, head), doc=doc),
        F(f"{collection}[{key}].share", share, None, f"{share}%",
          (line, f"{head}{sep}{share}%"), doc=doc),
    ]


def budget_line(item: str, line: int, amount: str, completion: str) -> list[object]:
    """Rows for ``…（项）:支出决算为{amount}万元，完成预算{completion}%``."""
    return [
        F(f"general_budget.lines[{item}].amount", amount, "万元", f"{amount}万元", line),
        F(f"general_budget.lines[{item}].completion", completion, None, f"{completion}%", line),
    ]


def part_span(report: finreport.Report, kind: K) -> Span:
    return next(s for s in report.sections if s.kind is kind).span


def check_figure(report: finreport.Report, text: str, path: str, value: str,
                 unit: str | None, written: str, where: int | tuple[int, str]) -> None:
    """The figure at *path* of *report* is the one expected, where expected, with its sign
    (percentages) or ``余`` (amounts and counts) as written."""
    figure = resolve(report, path)
    assert isinstance(figure, Amount | Percent | Count)
    assert fig(text, figure) == expected(value, unit, written)
    assert figure.span == at(text, where, written)
    if isinstance(figure, Percent):
        assert figure.sign
    else:
        assert figure.approximate is ("余" in written)


def held_figures(entries: Iterable[finreport.Entry], field: str, span: Span) -> list[object]:
    """The figures of *entries* in *field* (``counts``: any of them) that cover *span*."""
    held = []
    for entry in entries:
        value_of = getattr(entry, field)
        for figure in value_of if field == "counts" else (value_of,):
            if figure is not None and figure.span == span:
                held.append(figure)
    return held


def entry_ids(rows: Sequence[tuple[str, str, str | None, str, int | tuple[int, str]]],
              ) -> list[str]:
    """Test ids ``{written}@{line}`` for rows ``(field, value, unit, written, where)``."""
    return [f"{w}@{p if isinstance(p, int) else p[0]}" for _, _, _, w, p in rows]
