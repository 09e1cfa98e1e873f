"""Places in the text: half-open character offsets into the string given to ``parse``."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

import attrs

__all__ = ["OTHER_LINE_BREAKS", "Phrase", "Span", "line_col", "line_index"]


@attrs.frozen(order=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets into the parsed text.

    ``text[span.start:span.end]`` is the figure or phrase exactly as written,
    including any line break the text has inside it.
    """

    start: int
    end: int

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"a span needs 0 <= start <= end, got {self.start}, {self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        """The characters of *text* this span covers."""
        return text[self.start : self.end]

    def line_col(self, text: str) -> tuple[int, int]:
        """1-based line and column of the span's start in *text*, for display."""
        return line_col(text, self.start)

    def cover(self, other: Span) -> Span:
        """The smallest span covering both spans."""
        return Span(min(self.start, other.start), max(self.end, other.end))


_new = object.__new__
_SET_START = Span.__dict__["start"].__set__
_SET_END = Span.__dict__["end"].__set__


def trusted_span(start: int, end: int) -> Span:
    """``Span(start, end)`` for offsets known to satisfy ``0 <= start <= end`` (the
    reader's own), without the check."""
    span = _new(Span)
    _SET_START(span, start)
    _SET_END(span, end)
    return span


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based ``(line, column)`` of character *offset* in *text*.  A line ends at
    ``\n``, ``\r\n``, a lone ``\r`` (old Mac), U+2028, U+2029 or NEL, as editors count
    lines; a form feed (a page break of ``pdftotext``) does not end one."""
    offset = max(0, min(offset, len(text)))
    if OTHER_LINE_BREAKS.search(text, 0, offset) is None:
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        return line, column
    line, last = 1, 0
    for brk in _BREAKS.finditer(text, 0, offset):
        line += 1
        last = brk.end()
    return line, offset - last + 1


#: Line breaks other than ``\n`` and ``\r\n``: a lone ``\r``, U+2028, U+2029, NEL.
OTHER_LINE_BREAKS = re.compile("\r(?!\n)|[\u2028\u2029\x85]")

_BREAKS = re.compile("\r\n|[\n\r\u2028\u2029\x85]")


def line_index(text: str) -> Callable[[int], tuple[int, int]]:
    """:func:`line_col` for many offsets of one text: the line breaks are found once and
    each offset is placed by bisection (``line_col`` alone scans the text up to the
    offset).  The same lines as ``line_col``, whatever the breaks."""
    starts: list[int] = []
    ends: list[int] = []
    for brk in _BREAKS.finditer(text):
        starts.append(brk.start())
        ends.append(brk.end())

    def where(offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(text)))
        k = bisect_right(ends, offset)
        last = ends[k - 1] if k else 0
        if k < len(starts) and starts[k] < offset:
            # between the \r and the \n of a \r\n: line_col sees the \r alone, a break
            k, last = k + 1, offset
        return k + 1, offset - last + 1

    return where


@attrs.frozen(repr=False)
class Phrase:
    """Words as written in the report (a name, a direction word, a heading), with their span.

    ``text`` is the phrase with line breaks and spaces removed and full-width
    forms folded; ``span`` points at the phrase exactly as written.
    """

    text: str
    span: Span

    def __repr__(self) -> str:
        return f"Phrase({self.text!r} @{self.span.start}:{self.span.end})"


