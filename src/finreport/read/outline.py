"""The outline of a stretch of narrative: its numbered lists, with their nesting.

A list is a run of items numbered in one way (``1.`` ``2.`` …, ``（一）`` ``（二）`` …, ``①``
``②`` …: the grammar of ``finreport.templates.numbering``), each starting where a sentence
or a clause may start; an item numbered another way inside an item opens a list nested in
it.  Items are found by their sequence, not by their wording: a marker is an item only
when it numbers the next item of an open list (``2.`` after ``1.``) or starts a new one
(``1.``, ``（一）``), so a figure such as ``3.5`` or a date never opens a list.

The *lead* of a list is the sentence before its first item (``收入预算19,577万元，其中：`` or
``财政拨款支出主要内容如下：``), or, for a nested list, its parent item's own words.  The
readers take a list's parts as the parts of the quantity its lead states.

Offsets are offsets into the view's text; one pass over the text, linear in its length.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from ..model.numerals import ordinal_of
from ..templates.lists import ITEM_NUMBERINGS, ITEM_START
from ..templates.numbering import numbering

__all__ = ["Item", "ItemList", "find_lists"]


@attrs.frozen
class Item:
    """One item of a list: its marker (``start`` to ``marker_end``), its number, and its
    text up to ``end`` (the next item of its list or of a list it is in, or the end);
    ``children`` the lists nested in it."""

    start: int
    marker_end: int
    end: int
    ordinal: int
    children: tuple[ItemList, ...] = ()

    @property
    def own_end(self) -> int:
        """Where the item's own words end: at its first nested list, or its end."""
        return self.children[0].items[0].start if self.children else self.end


@attrs.frozen
class ItemList:
    """A list: how its items are numbered (a row of the grammar, by name), its lead
    (``lead_start`` to the first item) and its items."""

    numbering: str
    lead_start: int
    items: tuple[Item, ...]

    @property
    def lead_end(self) -> int:
        """Where the lead ends: at the first item."""
        return self.items[0].start


#: One pattern for the markers of every numbering lists use, each in a group of its own.
_MARKERS: Final = re.compile("|".join(
    f"(?P<{name}>{numbering(name).pattern.replace('(?P<n>', '(?:')})" for name in ITEM_NUMBERINGS))


@attrs.define
class _Open:
    """A list being read: its numbering, its items so far (start, marker end, ordinal,
    children) and where its lead starts."""

    numbering: str
    lead_start: int
    items: list[tuple[int, int, int, list[ItemList]]]


def find_lists(text: str) -> list[ItemList]:
    """The numbered lists of *text* (a view's folded text), outermost first, each with
    the lists nested in its items."""
    found: list[ItemList] = []
    stack: list[_Open] = []
    for m in ITEM_START.finditer(text):
        marker = _MARKERS.match(text, m.end())
        if marker is None or marker.lastgroup is None:
            continue
        name = marker.lastgroup
        ordinal = ordinal_of(marker.group()) or 0
        depth = next((k for k in range(len(stack) - 1, -1, -1)
                      if stack[k].numbering == name), None)
        if depth is not None and ordinal == 1:
            while len(stack) > depth:  # 1. again: that list has ended, a new one starts
                _close(stack, found, marker.start())
            depth = None
        if depth is not None:
            if ordinal != stack[depth].items[-1][2] + 1:
                continue  # not the next item: a number in the text
            while len(stack) > depth + 1:
                _close(stack, found, marker.start())
            stack[depth].items.append((marker.start(), marker.end(), ordinal, []))
        elif ordinal == 1:
            lead = (stack[-1].items[-1][1] if stack else
                    _sentence_start(text, marker.start()))
            stack.append(_Open(name, lead, [(marker.start(), marker.end(), 1, [])]))
    while stack:
        # at the end of the text a list ends with the sentence of its last item (or of the
        # last item nested in it): what follows is no item (…项目支出36.3%。年终结转结余…)
        last = stack[-1].items[-1]
        inner = max((lst.items[-1].end for lst in last[3]), default=last[0])
        _close(stack, found, _sentence_end(text, inner))
    return found


def _close(stack: list[_Open], found: list[ItemList], end: int) -> None:
    """Close the innermost open list at *end*: into its parent item, or *found*."""
    open_ = stack.pop()
    items = []
    for k, (start, marker_end, ordinal, children) in enumerate(open_.items):
        stop = open_.items[k + 1][0] if k + 1 < len(open_.items) else end
        items.append(Item(start, marker_end, stop, ordinal, tuple(children)))
    closed = ItemList(open_.numbering, open_.lead_start, tuple(items))
    if stack:
        stack[-1].items[-1][3].append(closed)
    else:
        found.append(closed)


_SENTENCE_END: Final = re.compile(r"[。!?！？]")


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence that holds offset *at* starts (after the last 。 before it)."""
    start = 0
    for m in _SENTENCE_END.finditer(text, max(0, at - 400), at):
        start = m.end()
    return start


def _sentence_end(text: str, at: int) -> int:
    """Where the sentence that holds offset *at* ends (after its 。), or the text's end."""
    m = _SENTENCE_END.search(text, at)
    return m.end() if m is not None else len(text)
