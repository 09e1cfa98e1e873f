"""Reasons given for changes (``主要原因是…``): where each is, what it says and, when it
says so, the direction and the name of what it explains."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence

from ..model.reasons import Reason
from ..model.span import Span
from ..templates.reasons import (
    CLAUSE_BREAK,
    DIRECTED_REASON_ANCHOR,
    REASON_AFTER_CHANGE,
    REASON_END,
    REASON_WITH_DIRECTION,
)
from ..text.view import TextView

__all__ = ["find_reasons"]

#: The longest name a reason gives of what it explains (longer: not a name).
_LONGEST_SUBJECT = 30
#: The farthest back a reason's clause is looked for (a bounded look: linear time).
_LONGEST_CLAUSE = 400


def find_reasons(view: TextView, bodies: Sequence[int] = ()) -> Iterator[Reason]:
    """Every reason the view gives for a change, in text order.  A clause never starts
    before the body of its section: *bodies* are where the sections' bodies start (source
    offsets, sorted).  Each marker is found once (one pass over the text per pattern):
    linear in the text's length."""
    text = view.text
    # each marker: start, end, and the match that gives its direction (if it says one)
    found: list[tuple[int, int, re.Match[str] | None]] = []
    taken: list[tuple[int, int]] = []
    for m in _directed(text):
        found.append((m.start(), m.end(), m))
        taken.append((m.start(), m.end()))
    for m in REASON_AFTER_CHANGE.finditer(text):
        if not any(a <= m.start() < b for a, b in taken):
            found.append((m.start(), m.end(), None))
    found.sort(key=lambda f: f[0])
    for k, (start, end, directed) in enumerate(found):
        # the reason's words end at its sentence's end, or where the next reason starts
        stop = REASON_END.search(text, end)
        last = stop.start() if stop is not None else len(text)
        if k + 1 < len(found):
            last = min(last, found[k + 1][0])
        clause_start = _clause_start(text, start)
        if clause_start == start and start > 0:
            # a reason that opens its sentence explains the sentence before it
            clause_start = _clause_start(text, start - 1)
        marker = view.phrase(start, end)
        subject = direction = None
        if directed is not None:
            group = 1 if directed.group(1) is not None else 2
            direction = view.phrase(directed.start(group), directed.end(group))
            name_start = _name_start(text, start)
            if 0 < start - name_start <= _LONGEST_SUBJECT:
                subject = view.phrase(name_start, start)
        words = view.phrase(end, max(end, last))
        clause = view.span(clause_start, max(end, last))
        k = bisect_right(bodies, marker.span.start) - 1
        if k >= 0 and clause.start < bodies[k] <= marker.span.start:
            clause = Span(bodies[k], clause.end)  # the section's heading is not its clause
        yield Reason(words, clause, marker, subject, direction)


def _directed(text: str) -> Iterator[re.Match[str]]:
    """The matches of :data:`REASON_WITH_DIRECTION`, as ``finditer`` gives them, found from
    their anchors (:data:`DIRECTED_REASON_ANCHOR`): a match ends at or after its anchor and
    starts at most six characters before it (``增加的主要原因``)."""
    end = 0
    for anchor in DIRECTED_REASON_ANCHOR.finditer(text):
        if anchor.start() < end:
            continue  # inside the match before
        for at in range(max(end, anchor.start() - 6), anchor.start() - 1):
            m = REASON_WITH_DIRECTION.match(text, at)
            if m is not None and m.end() >= anchor.end():
                yield m
                end = m.end()
                break


def _clause_start(text: str, before: int) -> int:
    """Where the sentence or list item holding *before* starts (a bounded look back)."""
    window = max(0, before - _LONGEST_CLAUSE)
    return max(window, text.rfind("。", window, before) + 1, text.rfind(";", window, before) + 1)


def _name_start(text: str, before: int) -> int:
    """Where the name in front of *before* starts: after the last clause break."""
    start = before
    while start > 0 and not CLAUSE_BREAK.match(text, start - 1) and before - start <= (
            _LONGEST_SUBJECT):
        start -= 1
    return start
