"""A normalised view of a stretch of the text that remembers where each character came from.

PDF extraction breaks lines inside words and numbers (``支出决\\n算为1,560.\\n05万元``) and
real reports mix full-width and half-width forms.  A :class:`TextView` drops white space and
folds full-width digits and punctuation, so the parser reads ``支出决算为1,560.05万元``,
while every match in the view maps back to a :class:`~finreport.Span` of the original
text.  Building a view is linear in the length of the stretch.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from typing import Final

from ..model.span import Phrase, Span, trusted_span
from ..templates.layout import INDENTED_HEADING

__all__ = ["Source", "TextView", "display_width", "fold", "fold_range", "line_phrase", "tab_cells"]

_FOLD: dict[int, int | str] = {0xFF10 + i: ord("0") + i for i in range(10)}
_FOLD.update(
    {
        ord("％"): "%",
        ord("．"): ".",
        ord("（"): "(",
        ord("）"): ")",
        ord("："): ":",
        ord("；"): ";",
        ord("＜"): "<",
        ord("＞"): ">",
        ord("＝"): "=",
        ord("／"): "/",
        ord("－"): "-",
        ord("﹪"): "%",
        ord("〔"): "[",
        ord("〕"): "]",
        ord("【"): "[",
        ord("】"): "]",
        ord("“"): '"',
        ord("”"): '"',
        ord("＂"): '"',
    }
)
_FOLD.update({0xFF21 + i: ord("A") + i for i in range(26)})
_FOLD.update({0xFF41 + i: ord("a") + i for i in range(26)})

_FOLDABLE = re.compile("[" + "".join(re.escape(chr(c)) for c in _FOLD) + "]")
_TAIL_NUMBER = re.compile(r"[\d,.]+$")
_HEAD_NUMBER = re.compile(r"[\d,.]+")
#: A number as written whole: no leading zero but the units' (``0.5``, never ``03``).
_WHOLE_NUMBER = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?|(?:0|[1-9]\d*)(?:\.\d+)?")
#: A digit opening the text after a left-out stretch.
_LEAD_DIGIT = re.compile(r"\d")
_NUMBER_WINDOW = 40


def _joined_number(before: str, after: str) -> bool:
    """True when the number ending *before* and the one starting *after* make one number
    written across a line break (``1`` / ``2,603.18`` is 12,603.18; ``268`` / ``3,096.24``
    and ``8.85`` / ``1463.8`` are two).  A number of *after* that ends in its decimal point
    goes on past the next break (``1`` / ``4.`` / ``31%`` is 14.31, broken twice)."""
    tail = _TAIL_NUMBER.search(before[-_NUMBER_WINDOW:])  # numbers are short: a bounded look
    head = _HEAD_NUMBER.match(after[:_NUMBER_WINDOW])
    if tail is None or head is None:
        return False
    number = head.group()
    if number.endswith("."):
        rest = _GAP.sub("", after[head.end():head.end() + _NUMBER_WINDOW])
        if (digits := _HEAD_DIGITS.match(rest)) is not None:
            number += digits.group()
    return _WHOLE_NUMBER.fullmatch(tail.group() + number) is not None


def _tail(parts: list[str]) -> str:
    """The last characters of the view written so far (a number's digits from before a
    break it was joined across: ``3`` / ``.4`` / ``1%`` is 3.41, broken twice)."""
    return "".join(parts[-3:])[-_NUMBER_WINDOW:]


_HEAD_DIGITS = re.compile(r"\d+")
_GAP = re.compile(r"[ \t\r\n\f\v\u3000\u00a0\u200b\ufeff]+")
_GAP_SPLIT = re.compile(f"({_GAP.pattern})")
#: White space to ``str.split`` that folding keeps (every character ``str.isspace``
#: calls space, but those of :data:`_GAP`).
_OTHER_SPACE: Final = re.compile("[" + "".join(
    re.escape(ch) for ch in map(chr, range(0x3000 + 1))
    if ch.isspace() and _GAP.fullmatch(ch) is None) + "]")


def _translate(text: str) -> str:
    """``text.translate(_FOLD)``, faster when few characters need folding."""
    return _FOLDABLE.sub(_fold_one, text)


def _fold_one(match: re.Match[str]) -> str:
    folded = _FOLD[ord(match.group())]
    return folded if isinstance(folded, str) else chr(folded)


def fold(text: str) -> str:
    """Fold full-width forms and drop white space, as a view does (no offsets kept)."""
    return _GAP.sub("", _translate(text))


class Source(str):
    """The text being parsed, with its folded form computed once, and whether its
    tab-indented lines are table cells (:func:`tab_cells`).

    Folding maps each character to exactly one character, so offsets into ``folded``
    are offsets into the text.
    """

    folded: str
    tab_cells: bool
    #: No character of ``folded`` is white space to ``str.split`` but not to folding
    #: (``\u2003``, ``\u2028`` …): a line's words may be joined by ``str.split``.
    plain_spaces: bool

    def __new__(cls, text: str) -> Source:
        self = super().__new__(cls, text)
        self.folded = _translate(text)
        self.tab_cells = _tab_cells(text)
        self.plain_spaces = _OTHER_SPACE.search(self.folded) is None
        return self


#: A text whose lines start with a tab in at least this share, its numbered headings
#: among them, indents its paragraphs with tabs (the seed's layout, a table cell per
#: tab-indented line, has about a third, and never a heading).
_TAB_INDENTED: Final = 0.6


def _tab_cells(text: str) -> bool:
    lines = text.count("\n") + 1 - text.count("\n\n")  # blank lines (mostly) left out
    tabbed = text.count("\n\t") + text.startswith("\t")
    return tabbed < _TAB_INDENTED * lines or INDENTED_HEADING.search(text) is None


def tab_cells(source: str) -> bool:
    """True when a line of *source* that starts with a tab is a table cell (the seed's
    layout: each cell of a table on a tab-indented line of its own); False when the text
    indents (nearly) every line with a tab, its numbered headings too, as paragraphs."""
    return source.tab_cells if isinstance(source, Source) else _tab_cells(source)


def _folded(source: str, start: int, stop: int) -> str:
    if isinstance(source, Source):
        return source.folded[start:stop]
    return _translate(source[start:stop])


def fold_range(source: str, start: int, stop: int) -> str:
    """``fold(source[start:stop])``, using the folded form of a :class:`Source`."""
    if isinstance(source, Source) and source.plain_spaces:
        # str.split drops the same white space as _GAP (the text has no other kind),
        # save the two characters it keeps; about three times faster than the pattern
        words = "".join(source.folded[start:stop].split())
        if not words.isascii() and ("\u200b" in words or "\ufeff" in words):
            return _GAP.sub("", words)
        return words
    return _GAP.sub("", _folded(source, start, stop))


_GAP_CHARACTERS: Final = " \t\r\n\f\v\u3000\u00a0\u200b\ufeff"  # those of _GAP


def line_phrase(source: str, start: int, stop: int) -> Phrase:
    """The words of ``source[start:stop]``, a stretch without a line break, as a
    :class:`Phrase`: what ``TextView(source, start, stop)`` makes of it with
    ``phrase(0, len(text))``, without building the view (a table cell, a heading)."""
    text = fold_range(source, start, stop)
    if not text:
        return Phrase("", Span(0, 0))  # as a view without text places an empty phrase
    written = source[start:stop]
    lead = len(written) - len(written.lstrip(_GAP_CHARACTERS))
    return Phrase(text, trusted_span(start + lead,
                                     start + len(written.rstrip(_GAP_CHARACTERS))))


class TextView:
    """``text`` is ``source[start:end]`` folded and without white space; spans map back."""

    __slots__ = ("_origins", "_starts", "source", "text")

    def __init__(
        self,
        source: str,
        start: int = 0,
        end: int | None = None,
        *,
        ranges: list[tuple[int, int]] | None = None,
    ) -> None:
        parts: list[str] = []
        starts: list[int] = []
        origins: list[int] = []
        length = 0
        for first, stop in ranges if ranges is not None else [(start, len(source) if end is None
                                                                else end)]:
            segment = _folded(source, first, stop)
            pos = 0
            if (length and parts[-1][-1].isdigit() and first > 0
                    and _LEAD_DIGIT.match(lead := segment.lstrip()) is not None
                    and not _joined_number(parts[-1][-_NUMBER_WINDOW:], lead)):
                # a number, then (past left-out lines) another number: two numbers unless
                # they make one (a number broken by a page's running header)
                parts.append("\n")
                starts.append(length)
                origins.append(first - 1)
                length += 1
            # the segment's words and gaps in turn (words, gap, words, …, words): their
            # offsets follow from their lengths, with no match object per gap
            pieces = _GAP_SPLIT.split(segment)
            for k in range(0, len(pieces) - 1, 2):
                words, gap = pieces[k], pieces[k + 1]
                if words:
                    parts.append(words)
                    starts.append(length)
                    origins.append(first + pos)
                    length += len(words)
                gap_start = pos + len(words)
                pos = gap_start + len(gap)
                if (words and words[-1].isdigit() and "\n" in gap
                        and _LEAD_DIGIT.match(segment, pos) is not None
                        and not _joined_number(_tail(parts),
                                               segment[pos:pos + 2 * _NUMBER_WINDOW])):
                    # a number, then a line opening with a number the two cannot make one
                    # with (0 / 3,138.88; 12.5 / 3.4): keep them apart
                    parts.append("\n")
                    starts.append(length)
                    origins.append(first + gap_start + gap.index("\n"))
                    length += 1
            if pieces[-1]:
                parts.append(pieces[-1])
                starts.append(length)
                origins.append(first + pos)
                length += len(pieces[-1])
        self.source = source
        self.text = "".join(parts)
        self._starts = starts
        self._origins = origins

    def origin(self, index: int) -> int:
        """Offset in the source of the view's character at *index*."""
        k = bisect_right(self._starts, index) - 1
        if k < 0:
            return self._origins[0] if self._origins else 0
        return self._origins[k] + (index - self._starts[k])

    def span(self, start: int, end: int) -> Span:
        """The source span of the view's characters ``[start, end)``."""
        if end <= start:
            at = self.origin(start) if self.text else 0
            return Span(at, at)
        starts = self._starts
        k = bisect_right(starts, start) - 1
        if k >= 0 and end <= (starts[k + 1] if k + 1 < len(starts) else len(self.text)):
            # within one stretch written in one place: the common case
            origin = self._origins[k] - starts[k]
            return trusted_span(origin + start, origin + end)
        first, last = self.origin(start), self.origin(end - 1) + 1
        if last <= first or (last - first > end - start and self._moved_into(start, first,
                                                                             last)):
            # the characters come from lines put back in order: the span is the first
            # stretch written in one place (``2.31`` of ``2.31`` … ``%``)
            a, b = self.ranges(start, end)[0]
            return Span(a, b)
        return Span(first, last)

    def _moved_into(self, start: int, first: int, last: int) -> bool:
        """True when the text just before *start* in the view was written inside
        ``[first, last)`` of the source: a line put back in front (:func:`repair_order`)."""
        k = bisect_right(self._starts, start) - 1
        return k > 0 and first <= self._origins[k - 1] < last

    def phrase(self, start: int, end: int) -> Phrase:
        """The view's characters ``[start, end)`` as a :class:`Phrase` with its source span."""
        return Phrase(self.text[start:end], self.span(start, end))

    def ranges(self, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """The source ranges of the view's characters ``[start, end)``."""
        stop = len(self.text) if end is None else end
        out: list[tuple[int, int]] = []
        if not self._starts:
            return out  # a view of white space only: no characters, no ranges
        bounds = [*self._starts[1:], len(self.text)]
        for a, b, origin in zip(self._starts, bounds, self._origins, strict=True):
            lo, hi = max(a, start), min(b, stop)
            if lo < hi:
                out.append((origin + lo - a, origin + hi - a))
        return out

    def sub(self, start: int, end: int) -> TextView:
        """A view of this view's characters ``[start, end)``: the same text, keeping
        whatever this view left out (a page footer inside a sentence stays out)."""
        return TextView(self.source, ranges=self.ranges(start, end))


def display_width(text: str) -> int:
    """Display columns of *text*: a full-width (CJK) character counts two."""
    if text.isascii():
        return len(text)
    return len(text) + sum(map(_WIDE.__getitem__, text))


class _Wide(dict[str, int]):
    """1 for a character unicodedata calls wide or full-width, else 0; asked once each."""

    def __missing__(self, ch: str) -> int:
        wide = self[ch] = int(unicodedata.east_asian_width(ch) in "WF")
        return wide


_WIDE: Final = _Wide()
