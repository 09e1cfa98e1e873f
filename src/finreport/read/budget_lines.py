"""Budget lines: one functional-classification line (类/款/项) with its final amount and budget."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, Final

import attrs

from ..model.budget_lines import BudgetLine, Classification
from ..model.entries import Change, Entry
from ..model.errors import ReportError
from ..model.fields import check_fields
from ..model.figures import Amount, Count, Figure, Percent
from ..model.span import Phrase, Span
from ..templates.classification import (
    BELOW_CLASS,
    CLASSIFICATION,
    CODE_LED,
    CODED_ITEM,
    NUMBER_BEFORE_CODE,
)
from ..templates.numbering import marker
from ..text.view import TextView
from .entries import read_entries
from .outline import Item, ItemList

__all__ = ["merge", "parse_budget_line", "read_budget_line", "read_coded_line", "read_nested_lines",
           "split_items"]

#: An item's number in a list of lines (``1.``, ``2、``), not inside a number.
_BEFORE_CODE: Final = "|" + NUMBER_BEFORE_CODE
_ITEM_MARK = re.compile(r"(?<![\d.])(?:" + marker("arabic") + r"(?=\D)" + _BEFORE_CODE + ")")
#: Any list item's marker (``1.``, ``（一）``, ``（1）``).
_ANY_ITEM_MARK = re.compile(r"(?<![\d.])(?:" + marker("arabic", "chinese_paren", "arabic_paren")
                            + r"(?=\D)" + _BEFORE_CODE + ")")


def parse_budget_line(text: str) -> BudgetLine:
    """Read a budget line from its sentence (see :meth:`finreport.BudgetLine.parse`)."""
    if not isinstance(text, str):
        raise ReportError(f"expected a budget line as str, got {type(text).__name__}")
    view = TextView(text)
    line = read_budget_line(view)
    if line is None and (m := CODE_LED.match(view.text)) is not None:
        # 2080505机关事业单位基本养老保险缴费支出：…, as a table or list writes it
        name = view.phrase(m.start("name"), m.end("name"))
        code = view.phrase(m.start("code"), m.end("code"))
        level = len(code.text)
        classification = Classification(name if level == 3 else None,
                                        name if level == 5 else None,
                                        name if level == 7 else None, code)
        line = _line_after(view, classification, m.end(), 0, len(view.text), None)
    if line is None:
        raise ReportError(f"no functional classification (类/款/项, or a code and its "
                          f"name) in {text[:40]!r}")
    return line


def read_budget_line(view: TextView, start: int = 0, end: int | None = None,
                     number: Phrase | None = None, category: Phrase | None = None,
                     ) -> BudgetLine | None:
    """The budget line in ``view.text[start:end]``, or None when it names no class.

    With *category* (the class heading a list of lines stands under), a line may name
    only its 款 and 项.
    """
    stop = len(view.text) if end is None else end
    m = CLASSIFICATION.search(view.text, start, stop)
    if m is None and category is not None:
        m = BELOW_CLASS.search(view.text, start, min(stop, start + 80))
    if m is None:
        return None

    def part(*names: str) -> Phrase | None:
        for name in names:
            if name in m.groupdict() and m.group(name):
                return view.phrase(m.start(name), m.end(name))
        return None

    classification = Classification(part("category") or category,
                                    part("group", "group_only"), part("item"),
                                    part("code"))
    return _line_after(view, classification, m.end(), start, stop, number)


def read_nested_lines(view: TextView, lists: Iterable[ItemList],
                      category: Phrase | None = None, group: Phrase | None = None,
                      ) -> Iterator[tuple[Item, BudgetLine | None]]:
    """Each item of *lists* and of the lists nested in them, with the budget line it
    states or None.

    Lines are the items no list is nested in: under ``（一）X（类）`` / ``1.Y（款）`` an item
    ``（1）Z（项）：年初预算为…`` is the line X/Y/Z.  An item a list is nested in states no
    line (its words name the class and 款 of the lines below it; its figures, if any,
    are statements of their own), nor does an item naming no level.
    """
    for listed in lists:
        for item in listed.items:
            number = view.phrase(item.start, item.marker_end)
            below: list[tuple[Item, BudgetLine | None]] = []
            if item.children:
                own_category, own_group = _context(view, item, category, group)
                below = list(read_nested_lines(view, item.children, own_category, own_group))
            if any(line is not None for _, line in below):
                yield item, None
                yield from below
                continue
            # no line below: the item with what is nested in it (a list of reasons) is one
            line = read_budget_line(view, item.start, item.end, number, category)
            if line is not None and line.classification.group is None and (
                    group is not None and line.classification.category is category):
                line = attrs.evolve(line, classification=attrs.evolve(
                    line.classification, group=group))
            yield item, line


def _context(view: TextView, item: Item, category: Phrase | None, group: Phrase | None,
             ) -> tuple[Phrase | None, Phrase | None]:
    """The class and 款 an item's own words give the lines nested in it."""
    named = CLASSIFICATION.search(view.text, item.marker_end, item.own_end)
    if named is not None:
        return (view.phrase(named.start("category"), named.end("category")),
                view.phrase(named.start("group"), named.end("group")) if named.group("group")
                else None)
    below = BELOW_CLASS.search(view.text, item.marker_end, item.own_end) if (
        category is not None) else None
    if below is None or below.group("item"):
        return category, group
    which = "group_only" if below.group("group_only") else "group"
    return category, view.phrase(below.start(which), below.end(which))


def read_coded_line(view: TextView, start: int, stop: int,
                    number: Phrase | None = None) -> BudgetLine | None:
    """The line of a list item led by its code (``2040201-行政运行22431.07万元。主要用于…``,
    :data:`CODED_ITEM`) in ``view.text[start:stop]``, or None when the item is not led
    so; *number* is the item's number."""
    m = CODED_ITEM.match(view.text, start, stop)
    if m is None:
        return None
    code = view.phrase(m.start("code"), m.end("code"))
    name = view.phrase(m.start("name"), m.end("name"))
    level = len(code.text)
    classification = Classification(name if level == 3 else None, name if level == 5 else None,
                                    name if level == 7 else None, code)
    return _line_after(view, classification, m.end(), start, stop, number)


def _line_after(view: TextView, classification: Classification, after: int,
                start: int, stop: int, number: Phrase | None) -> BudgetLine:
    """The line whose classification ends at *after*: its figures are read from there
    to *stop*."""
    rest = view.sub(after, stop) if after < stop else None
    entries = read_entries(rest) if rest is not None else []
    merged = merge(entries)
    kept = (merged.amount, merged.budget, merged.completion, merged.share, merged.adjusted,
            *(f for c in (merged.change, *merged.restated_changes, merged.budget_change)
              if c is not None
              for f in (c.amount, c.percent)))
    # an amount or percentage the line has no field for (an execution, a percentage of
    # no role) is kept as restated, never dropped; counts (人, 名) are about people
    others = tuple(f for e in entries for f in e.figures()
                   if not isinstance(f, Count) and all(f is not k for k in kept)
                   and f not in merged.restated)
    return BudgetLine(
        classification=classification,
        span=view.span(start, stop),
        number=number,
        amount=merged.amount,
        budget=merged.budget,
        completion=merged.completion,
        share=merged.share,
        comparison=merged.comparison,
        restated=merged.restated + others,
        change=merged.change,
        restated_changes=merged.restated_changes,
        adjusted=merged.adjusted,
        completion_of=merged.completion_of,
        budget_change=merged.budget_change,
    )


#: The entry fields :func:`merge` takes from the first entry that has them.
MERGED_FIELDS: Final[tuple[str, ...]] = (
    "amount", "share", "budget", "completion", "comparison", "execution", "percent", "period",
    "absent", "no_budget", "share_of", "adjusted", "completion_of", "scope",
    "funded_by", "budget_change")


def merge(entries: list[Entry]) -> Entry:
    """Entries about one quantity merged into one: first figure of each role wins, the
    others are kept in ``restated``."""
    if not entries:
        return Entry(Phrase("", Span(0, 0)))
    fields: dict[str, Any] = {}
    restated: list[Figure] = []
    counts: list[Count] = []
    changes: list[Change] = []
    change = None
    for entry in entries:
        for name in MERGED_FIELDS:
            value = getattr(entry, name)
            if value is None:
                continue
            if name in fields:
                if isinstance(value, Amount | Percent):
                    restated.append(value)
            else:
                fields[name] = value
        if entry.change is not None and change is None:
            change = entry.change
        elif entry.change is not None:
            changes.append(entry.change)  # a change again: never the quantity itself
        counts.extend(entry.counts)
        restated.extend(entry.restated)
        changes.extend(entry.restated_changes)
    first = entries[0]
    return Entry(name=first.name, change=change, counts=tuple(counts),
                 restated=tuple(restated), restated_changes=tuple(changes), **fields)


def split_items(view: TextView, start: int = 0, end: int | None = None,
                levels: tuple[str, ...] = ("(类)",)) -> Iterator[tuple[int, int, Phrase]]:
    """The numbered items ``1.``/``1、`` of a list that each name a classification
    (a level of *levels* in the item's first words; with no *levels*, every item numbered
    ``1.``, ``（一）`` or ``（1）``): ``(start, end, number)`` in view offsets."""
    stop = len(view.text) if end is None else end
    marks = []
    for m in (_ITEM_MARK if levels else _ANY_ITEM_MARK).finditer(view.text, start, stop):
        window = view.text[m.end() : min(stop, m.end() + 48)]
        # (a line break the view kept: a number before it stands apart, a page's number)
        opens = m.start() == start or view.text[m.start() - 1] in "。;:，,\n"
        if opens and (not levels or any(level in window for level in levels)):
            marks.append(m)
    for i, m in enumerate(marks):
        item_end = marks[i + 1].start() if i + 1 < len(marks) else stop
        yield m.start(), item_end, view.phrase(m.start(), m.end())


check_fields(Entry, MERGED_FIELDS, "MERGED_FIELDS")
