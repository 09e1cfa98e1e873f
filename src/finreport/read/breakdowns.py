"""A total and its parts from the outline: each numbered list of a narrative whose lead
states (or names) a total, and whose items each state one part.

``收入预算19,577万元，其中：1.财政拨款收入19,577万元；2.事业收入0万元`` gives the income and
its two sources; ``财政拨款支出主要内容如下：1.…科目13,434万元 2.…`` gives the classes of the
fiscal expenditure the text stated before (the lead names its total without a figure:
the last amount stated of the same quantity before the list is its total).  The items of a
nested list are parts of their own item only.  A list whose items do not all state an
amount, or whose total cannot be found, gives nothing.  Whether the parts are the whole
or only some of it is what the lead says (:data:`~finreport.templates.lists.COMPLETE_LIST`,
:data:`~finreport.templates.lists.PARTIAL_LIST`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence

from ..model.entries import Entry
from ..model.report import Breakdown
from ..templates.lists import COMPLETE_LIST, PARTIAL_LIST
from ..templates.roles import BASIS_WORDS, LIST_LEAD_WORDS
from ..text.view import TextView
from .entries import ReadEntry, subject_key
from .outline import Item, ItemList, find_lists

__all__ = ["list_breakdowns", "quantity_key"]


def quantity_key(name: str) -> str:
    """The words of a subject that name its quantity, for matching a list's lead with the
    statement of its total: fillers, period and basis words left out (``财政拨款支出预算``
    and ``财政拨款支出`` both give ``财政拨款``)."""
    return subject_key(BASIS_WORDS.sub("", subject_key(name)))


def list_breakdowns(view: TextView, reads: Sequence[ReadEntry],
                    ) -> tuple[list[Breakdown], list[Breakdown]]:
    """The totals with their parts the numbered lists of *view* state: those whose lead
    says the parts are the whole, and those whose parts may be only some of it."""
    amounts = sorted(((r.entry.amount.span.start, r.entry) for r in reads
                      if r.entry.amount is not None), key=lambda pair: pair[0])
    starts = [start for start, _ in amounts]
    complete: list[Breakdown] = []
    partial: list[Breakdown] = []
    for listed in _walk(find_lists(view.text)):
        lead = view.text[listed.lead_start:listed.lead_end]
        total = _total(view, listed, lead, amounts, starts)
        if total is None:
            continue
        parts: list[Entry] = []
        for item in listed.items:
            part = _first_amount(view, item, amounts, starts)
            if part is None or part is total:
                parts = []
                break
            parts.append(part)
        if len(parts) < 2:
            continue
        found = Breakdown(total, tuple(parts))
        if COMPLETE_LIST.search(lead.rstrip()) and not PARTIAL_LIST.search(lead):
            complete.append(found)
        else:
            partial.append(found)
    return complete, partial


def _walk(lists: Sequence[ItemList]) -> Iterator[ItemList]:
    for listed in lists:
        yield listed
        for item in listed.items:
            yield from _walk(item.children)


def _in(view: TextView, start: int, end: int, amounts: list[tuple[int, Entry]],
        starts: list[int]) -> list[Entry]:
    """The entries whose amount stands in ``view.text[start:end]``, in text order."""
    if start >= end:
        return []
    span = view.span(start, end)
    first = bisect_left(starts, span.start)
    found = []
    for at, entry in amounts[first:]:
        if at >= span.end:
            break
        found.append(entry)
    return found


def _first_amount(view: TextView, item: Item, amounts: list[tuple[int, Entry]],
                  starts: list[int]) -> Entry | None:
    found = _in(view, item.marker_end, item.own_end, amounts, starts)
    return found[0] if found else None


def _total(view: TextView, listed: ItemList, lead: str, amounts: list[tuple[int, Entry]],
           starts: list[int]) -> Entry | None:
    """The total a list's lead states (its last amount), or, when the lead names it
    without a figure (``财政拨款支出主要内容如下：``), the last amount stated before of the
    quantity it names."""
    stated = _in(view, listed.lead_start, listed.lead_end, amounts, starts)
    if stated:
        return stated[-1]
    named = quantity_key(LIST_LEAD_WORDS.sub("", lead))
    if not named:
        return None
    before = _in(view, 0, listed.lead_start, amounts, starts)
    return next((e for e in reversed(before) if quantity_key(e.name.text) == named), None)
