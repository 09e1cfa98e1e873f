"""The lines of a form as layout text writes them: cells apart by white space, each with
its place in display columns.

Layout text (``finreport.pdf.extract_text``, ``pdftotext -layout``) writes a visual line of
the page on one text line, its cells apart by two spaces or more, and starts each line at
its first character: a line that begins in the third column of a table starts at column 0
like one that begins in the first.  So a cell's column is known relative to the other cells
of its line only; the readers of the forms anchor a line by the cells whose column their
words give away.  A full-width character takes two display columns, as it does on the page.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Final

import attrs

from ..model.span import Phrase, Span
from ..text.view import TextView, fold, line_phrase

__all__ = ["MARKS_ONLY", "Cell", "Line", "cells_view", "display_width", "joined",
           "offset_of", "read_lines", "split_cell"]

#: A cell of quotation marks only: marks the page drew apart from their words.
MARKS_ONLY: Final = re.compile(r"[\"'“”‘’]+")
#: Two spaces or more (or a tab, or an ideographic space) between two cells.
_CELL: Final = re.compile(r"[^ \t\u3000\f\r\n]+(?: [^ \t\u3000\f\r\n]+)*")
_WIDE: Final = frozenset({"F", "W", "A"})


def display_width(text: str) -> int:
    """Display columns of *text*: two for a full-width (or ambiguous) character, else one."""
    if text.isascii():
        return len(text)
    return 2 * len(text) - len(text.translate(_narrow()))


@functools.cache
def _narrow() -> dict[int, None]:
    """A translation table that deletes every full-width (or ambiguous) character of the
    Basic Multilingual Plane: what a string loses by it is its wide characters."""
    east = unicodedata.east_asian_width
    return {code: None for code in range(0x80, 0x10000) if east(chr(code)) in _WIDE}


@attrs.frozen
class Cell:
    """A cell of a line: its offsets in the source, its text folded (no white space,
    half-width forms), and its first display column and width in the line."""

    start: int
    end: int
    text: str
    column: int
    width: int

    @property
    def center(self) -> float:
        """The cell's middle, in display columns of its line."""
        return self.column + self.width / 2

    @property
    def right(self) -> int:
        """The display column just past the cell's last character."""
        return self.column + self.width

    def phrase(self, source: str) -> Phrase:
        """The cell's words with their span."""
        return line_phrase(source, self.start, self.end)

    def sub(self, source: str, start: int, end: int) -> Phrase:
        """The cell's folded characters ``[start, end)`` with their span."""
        written = source[self.start:self.end]
        if " " not in written and len(written) == len(self.text):
            return Phrase(self.text[start:end], Span(self.start + start, self.start + end))
        return TextView(source, self.start, self.end).phrase(start, end)


@attrs.frozen
class Line:
    """A line of the text: its offsets, its cells, its index among the lines read, and
    whether a page ends between it and the line before (``page_break``)."""

    start: int
    end: int
    index: int
    cells: tuple[Cell, ...]
    page_break: bool = False
    #: The line's cells folded and joined.
    text: str = attrs.field(default=attrs.Factory(lambda self: "".join(
        c.text for c in self.cells), takes_self=True), eq=False)


def read_lines(source: str, start: int, end: int, first_index: int = 0) -> Iterator[Line]:
    """The lines of ``source[start:end]`` with their cells (blank lines left out)."""
    pos = start
    index = first_index
    page_break = False
    while pos < end:
        stop = source.find("\n", pos, end)
        stop = end if stop < 0 else stop
        if "\f" in source[pos:stop]:
            page_break = True
        cells = tuple(_cells(source, pos, stop))
        if cells:
            yield Line(pos, stop, index, cells, page_break)
            index += 1
            page_break = False
        pos = stop + 1


def _cells(source: str, start: int, stop: int) -> Iterator[Cell]:
    line = source[start:stop]
    first = None
    column = 0
    previous = 0
    for m in _CELL.finditer(line):
        written = m.group()
        if first is None:
            first = m.start()
            column = 0
        else:
            column += display_width(line[previous:m.start()])
        width = display_width(written)
        yield Cell(start + m.start(), start + m.end(), fold(written), column, width)
        column += width
        previous = m.end()


def offset_of(source: str, cell: Cell, at: int) -> int:
    """The source offset of the cell's folded character *at* (its end for ``len(text)``)."""
    if cell.end - cell.start == len(cell.text):
        return cell.start + at
    seen = 0
    for pos in range(cell.start, cell.end):
        if not source[pos].isspace():
            if seen == at:
                return pos
            seen += 1
    return cell.end


def split_cell(source: str, cell: Cell, at: int) -> tuple[Cell, Cell]:
    """*cell* cut before its folded character *at*: two cells, the second's column
    following the first's width."""
    head_text, tail_text = cell.text[:at], cell.text[at:]
    head_width = display_width(head_text)
    cut = offset_of(source, cell, at)
    head = Cell(cell.start, cut, head_text, cell.column, head_width)
    tail = Cell(cut, cell.end, tail_text, cell.column + head_width, cell.width - head_width)
    return head, tail


def cells_view(source: str, cells: Sequence[Cell]) -> TextView:
    """A view of the words of *cells*, in order (a cell written over several lines)."""
    return TextView(source, ranges=[(c.start, c.end) for c in cells])


def joined(source: str, cells: Sequence[Cell]) -> Phrase | None:
    """The words of *cells* as one phrase: their text joined, its span from the first
    character to the last (other cells written between them are not in its text)."""
    if not cells:
        return None
    view = cells_view(source, cells)
    return view.phrase(0, len(view.text)) if view.text else None
